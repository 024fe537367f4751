"""The cues extracted from a question (`_Cues`), each a `_Hit` that quotes the user's words, and the helpers
that turn pattern matches into hits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import _Text


@dataclass(frozen=True)
class _Hit:
    value: object
    quote: str  # the user's words
    start: int = 0  # span in the normalized text
    end: int = 0


@dataclass
class _Cues:
    sources: list[_Hit] = field(default_factory=list)
    companies: list[_Hit] = field(default_factory=list)
    skills: list[_Hit] = field(default_factory=list)
    seniority: list[_Hit] = field(default_factory=list)
    work_modes: list[_Hit] = field(default_factory=list)
    floor: _Hit | None = None  # value: Salary
    floor_bound: bool = False  # the floor is said as one ("over $200k", "150k+"), not a bare figure to judge
    ceiling: _Hit | None = None
    disclosed: _Hit | None = None
    posted: _Hit | None = None  # value: days
    places: list[_Hit] = field(default_factory=list)  # value: Location
    roles: list[_Hit] = field(default_factory=list)  # value: (term, is_ml)
    comparison: _Hit | None = None
    any_role: _Hit | None = None  # "any role is fine", "not just ML": a company search shows all its jobs
    injection: list[str] = field(default_factory=list)


def _hits(text: _Text, pattern: re.Pattern, value, taken: list[tuple[int, int]] | None = None) -> list[_Hit]:
    """Matches of pattern as hits, skipping spans already taken; value maps a match to its value (None skips it)."""
    out = []
    for m in pattern.finditer(text.norm):
        if taken is not None and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        v = value(m)
        if v is not None:
            out.append(_Hit(v, text.quote(m.start(), m.end()), m.start(), m.end()))
    return out


def _unique(hits: list[_Hit]) -> list[_Hit]:
    seen, out = set(), []
    for h in hits:
        if h.value not in seen:
            seen.add(h.value)
            out.append(h)
    return out
