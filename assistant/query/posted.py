"""How recently the listings asked for were posted ("last week", "recent"), in days."""

from __future__ import annotations

import re

from .cues import _Hit, _hits
from .text import _Text

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
    "few": 3,
    "couple": 2,
    "couple of": 2,
}
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
_FIXED_DAYS = {"this week": 7, "fortnight": 14, "this month": 30, "today": 1, "just posted": 1, "yesterday": 2}
RECENT_DAYS = 14  # what "recent" means for a job posting: two weeks
_POSTED = re.compile(
    r"\b(?:last|past|previous|recent) (?P<n>\d+|a|an|one|two|three|four|five|six|seven|ten|few|couple(?: of)?)?"
    r" ?(?P<unit>hour|day|week|month)s?\b"
    r"|\b(?P<fixed>this week|fortnight|this month|today|just posted|yesterday)\b"
    r"|\b(?P<recent>recent(?! grad)|recently|latest|newest|fresh"
    r"|new(?! grad)(?=(?: [a-z]+){0,3} (?:jobs|roles|listings|openings|postings|positions)))\b"
)


def _days(m: re.Match[str]) -> int:
    if m["unit"]:
        n = m["n"] or "1"
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        return max(1, -int(-count * _UNIT_DAYS[m["unit"]] // 1))  # whole days, rounded up
    return _FIXED_DAYS[m["fixed"]] if m["fixed"] else RECENT_DAYS


def _posted(text: _Text) -> _Hit[int] | None:
    found = _hits(text, _POSTED, _days)
    return found[0] if found else None
