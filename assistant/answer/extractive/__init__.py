"""The offline default: answers composed from the retrieved text itself, rendered by what was asked.

Every sentence it writes either is a unit of a retrieved passage or restates one unit's figures with that
unit as its citation, so the citation check holds by construction.

Modules: `guide` (a guide question answered from its sections: items, sentences or a table row), `pay` (the
pay table's rows for the asked markets, compared in one currency) and `asked_figure` (a figure the question
names set beside its market's range), `listings` (the table of matching listings, one listing's facts, and the
cells the web page and briefs share), `refusals` (when the guide does not answer, and what is said then),
`relevance` (the question's own words, whether passages cover them, which units to quote) and `draft` (the
answer being composed).
"""
