"""The cues extracted from a question (`_Cues`), each a `_Hit` that quotes the user's words, and the helpers
that turn pattern matches into hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from assistant.vocab.listing import EmploymentType, Location, Salary, Seniority, WorkMode

from .text import _Text

V = TypeVar("V")
H = TypeVar("H", bound=Hashable)


@dataclass(frozen=True)
class _Hit(Generic[V]):
    value: V
    quote: str  # the user's words
    start: int = 0  # span in the normalized text
    end: int = 0


@dataclass
class _Cues:
    sources: list[_Hit[str]] = field(default_factory=list)
    companies: list[_Hit[str]] = field(default_factory=list)
    excluded: list[_Hit[str]] = field(default_factory=list)  # companies set aside: "not Waymo"
    skills: list[_Hit[str]] = field(default_factory=list)
    seniority: list[_Hit[Seniority]] = field(default_factory=list)
    work_modes: list[_Hit[WorkMode]] = field(default_factory=list)
    employment: list[_Hit[EmploymentType]] = field(default_factory=list)
    level_asked: _Hit[bool] | None = None  # "what level are those roles?": each job's level is shown
    employment_asked: bool = False  # asked of the jobs ("is it a permanent position?"), not searched by
    floor: _Hit[Salary] | None = None
    floor_bound: bool = False  # the floor is said as one ("over $200k", "150k+"), not a bare figure to judge
    ceiling: _Hit[Salary] | None = None
    currencies: list[str] = field(default_factory=list)  # wanted apart from an amount: "and in pounds?"
    disclosed: _Hit[bool] | None = None
    posted: _Hit[int] | None = None  # value: days
    places: list[_Hit[Location]] = field(default_factory=list)
    roles: list[_Hit[tuple[str, bool]]] = field(default_factory=list)  # value: (term, is_ml)
    comparison: _Hit[bool] | None = None
    any_role: _Hit[bool] | None = None  # "any role is fine", "not just ML": a company search shows all its jobs
    injection: list[str] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int]]:
        """Where in the normalized text each cue was read."""
        singles = (
            self.floor,
            self.ceiling,
            self.disclosed,
            self.posted,
            self.comparison,
            self.any_role,
            self.level_asked,
        )
        lists: tuple[list[_Hit[Any]], ...] = (self.sources, self.companies, self.excluded, self.skills, self.seniority)
        lists += (self.work_modes, self.employment, self.places, self.roles)
        hits = [h for found in lists for h in found] + [h for h in singles if h is not None]
        return [(h.start, h.end) for h in hits]


def _hits(
    text: _Text,
    pattern: re.Pattern[str],
    value: Callable[[re.Match[str]], V | None],
    taken: list[tuple[int, int]] | None = None,
) -> list[_Hit[V]]:
    """Matches of pattern as hits, skipping spans already taken; value maps a match to its value (None skips it)."""
    out = []
    for m in pattern.finditer(text.norm):
        if taken is not None and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        v = value(m)
        if v is not None:
            out.append(_Hit(v, text.quote(m.start(), m.end()), m.start(), m.end()))
    return out


# A slot said to be unwanted: "(not managers)", "senior but not staff", "excluding internships", "non-remote",
# "outside the US", "fixed term rather than permanent".
# Read as no filter at all, never as its opposite: a search never narrows on what it was told to leave out.
_NEGATOR = re.compile(
    r"\b(?:not|no|non|excluding|except|without|never|other than|rather than|instead of|outside(?: of)?)"
    r"(?P<between> [a-z]+)?[ -]$"
)


def _negated(text: _Text, hit: _Hit[V], others: list[_Hit[V]]) -> bool:
    """Whether a negating word stands just before the hit. One word may come between ("no people managers"),
    unless it is another of `others` ("not remote, hybrid" wants hybrid)."""
    found = _NEGATOR.search(text.norm[: hit.start])
    if found is None:
        return False
    between = found.start("between") + 1 if found.group("between") else -1
    return not any(other.start == between for other in others)


def _unique(hits: list[_Hit[H]]) -> list[_Hit[H]]:
    seen: set[H] = set()
    out: list[_Hit[H]] = []
    for h in hits:
        if h.value not in seen:
            seen.add(h.value)
            out.append(h)
    return out
