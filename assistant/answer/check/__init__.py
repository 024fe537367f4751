"""The citation check: each sentence of a generated answer must be backed by one line of a source it cites.

Modules: `support` (the check itself: an answer cut into units, the rules, the answer rewritten without its
failing units and the quotes of its citations), `lines` (a passage's quotable lines, each with the facts in its
scope), and the two kinds of fact a unit states: `figures` (numbers in digits: money, shares, counts) and
`entities` (places, ML platforms, names).
"""
