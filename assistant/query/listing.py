"""The forms of a question that ask for postings, and the benefits a question may ask about.

The intent itself is the classifier's (intent.py); these forms only settle a question it is unsure of: a search
said as one ("find ... jobs", "any openings?"), or jobs in the plural outside a question.
"""

from __future__ import annotations

import re

from .vocabulary import _JOB_NOUN

_STRONG_LISTING = re.compile(
    r"\b(?P<verb>find|show|list|search(?: for)?|browse|look(?:ing)? for|get me|give me|send me|pull up|fetch"
    r"|recommend|suggest|hunt(?:ing)? for|filter)\b(?P<between>(?: [^ ]+){0,8}?) "
    rf"(?P<noun>{_JOB_NOUN})\b"
)
_WEAK_LISTING = re.compile(
    rf"\b(?:any|are there|is there|got any|have any|anything|which) (?:[^ ]+ ){{0,6}}?{_JOB_NOUN}\b"
)
_PLURAL_NOUN = re.compile(
    r"\b(?:jobs|roles|openings|positions|listings|vacancies|postings|opportunities|gigs|reqs"
    r"|internships)\b"
)
_QUESTION_START = re.compile(r"^(?:what|how|why|who|where|when|which|is|are|do|does|did|can|could|should|would|will)\b")
# Benefits a question may ask about: an answer must name them, or it answers something else.
_BENEFIT = (
    r"visas?|sponsor\w*|relocat\w*|insurance|health ?care|dental|pensions?|retirement|(?:401|403|457) ?[kb]"
    r"|pto|paid time off|parental leave|benefits?|perks?|stipends?"
)
_BENEFITS = re.compile(rf"\b(?:{_BENEFIT})\b")
