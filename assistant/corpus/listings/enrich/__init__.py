"""Facts derived from a listing's text: work mode, seniority, employment type, ML relevance, signals, skills.

Every function here is pure and runs on every listing. Every evidence string returned is an exact substring
of the text it came from (title, location, hint, category, tags or description), so the user can be shown
the words that justify a value.

Speed: one regex of sixty alternatives scanning a 5 KB description costs ~10 ms in Python's engine, far
too much for 100k listings. Vocabulary patterns are therefore grouped in a `Lexicon` keyed by the word
each one starts with; a text's words are indexed once (cached, so the functions called in turn on the same
description share it) and a pattern is only tried where its first word occurs.

Modules: `lexicon` (the word index and `Lexicon`), `evidence` (sentence spans quoted as evidence),
`sections` (description section headers), one module per fact (`work_mode`, `seniority`, `employment`,
`relevance`, `signals`, `skills`), and the vocabularies those share or delegate to (`platforms`,
`red_flags`).

Every module with a lexicon is imported here, so all trigger words are known before the first text is
indexed.
"""

from .employment import employment_stated, employment_type
from .evidence import EVIDENCE_LIMIT
from .red_flags import FIRST_DUTIES_CHARS, WISHLIST_LIMIT, WISHLIST_MIN
from .relevance import DESCRIPTION_ML_MIN, ml_relevance
from .seniority import seniority
from .signals import signals
from .skills import skills
from .work_mode import work_mode

__all__ = [
    "DESCRIPTION_ML_MIN",
    "EVIDENCE_LIMIT",
    "FIRST_DUTIES_CHARS",
    "WISHLIST_LIMIT",
    "WISHLIST_MIN",
    "employment_stated",
    "employment_type",
    "ml_relevance",
    "seniority",
    "signals",
    "skills",
    "work_mode",
]
