"""Seniority levels named in a question ("senior", "staff", "new grad")."""

from __future__ import annotations

import re

from assistant.vocab.listing import Seniority

from .cues import _Hit, _hits, _negated, _unique
from .text import _Text

_SENIORITY = re.compile(
    r"(?P<manager>\b(?<!hiring )(?<!product )(?<!project )(?<!program )(?:engineering )?managers?\b|\bheads? of\b"
    r"|\bdirectors?\b|\bvps?\b|\bvice presidents?\b)"
    r"|(?P<principal>\b(?:principal|distinguished)\b)"
    r"|(?P<staff>\bstaff\b)"
    r"|(?P<senior>\b(?:senior|(?:tech |team )?leads?)\b)"
    r"|(?P<mid>\b(?:mid[- ]level|mid|intermediate|midweight)\b)"
    r"|(?P<junior>\b(?:junior|entry[- ]level|entry|graduates?|new grads?|grads?)\b)"
    r"|(?P<intern>\b(?:interns?|internships?)\b)"
)


# "what level are those roles?", "how senior is it?": the jobs' levels asked of, not searched by.
_LEVEL_ASKED = re.compile(r"\b(?:what|which) (?:levels?|seniority|grades?)\b|\bhow senior\b")

_RANK = list(Seniority)
_LADDER = _RANK[: _RANK.index(Seniority.principal) + 1]  # the individual-contributor levels, lowest first
# "below staff level", "above senior": the levels on one side of the one named.
_BELOW = re.compile(r"\b(?:below|under|beneath|lower than|less than|short of)(?: the)? $")
_ABOVE = re.compile(r"\b(?:above|over|higher than|beyond|past)(?: the)? $")


def _seniority(text: _Text) -> list[_Hit[Seniority]]:
    hits = _compounds(text, _hits(text, _SENIORITY, lambda m: Seniority(m.lastgroup)))
    return _unique([side for hit in hits if not _negated(text, hit, hits) for side in _relative(text, hit)])


def _level_asked(text: _Text) -> _Hit[bool] | None:
    found = _hits(text, _LEVEL_ASKED, lambda m: True)
    return found[0] if found else None


def _relative(text: _Text, hit: _Hit[Seniority]) -> list[_Hit[Seniority]]:
    """A level named as a bound ("openings below staff level") stands for the ladder's levels past it."""
    if hit.value not in _LADDER:
        return [hit]
    before, at = text.norm[: hit.start], _LADDER.index(hit.value)
    below, above = _BELOW.search(before), _ABOVE.search(before)
    bound = below or above
    if bound is None:
        return [hit]
    side = _LADDER[:at] if below else _LADDER[at + 1 :]
    quote = text.quote(bound.start(), hit.end)
    return [_Hit(level, quote, bound.start(), hit.end) for level in side] or [hit]


def _compounds(text: _Text, hits: list[_Hit[Seniority]]) -> list[_Hit[Seniority]]:
    """Level words side by side name one level, the higher, as a listing's title is read: "senior staff" is
    staff, "senior engineering manager" a manager. Words apart ("senior or staff") each name their own."""
    out: list[_Hit[Seniority]] = []
    for hit in hits:
        last = out[-1] if out else None
        if last is None or _apart(text, last, hit):
            out.append(hit)
            continue
        higher = max(last.value, hit.value, key=_RANK.index)
        out[-1] = _Hit(higher, text.quote(last.start, hit.end), last.start, hit.end)
    return out


def _apart(text: _Text, first: _Hit[Seniority], second: _Hit[Seniority]) -> bool:
    """Whether anything but spaces stands between two hits in the user's own words ("senior/staff", "staff, senior")."""
    return bool(text.gap(first.end, second.start).strip())
