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


def _seniority(text: _Text) -> list[_Hit[Seniority]]:
    hits = _hits(text, _SENIORITY, lambda m: Seniority(m.lastgroup))
    return _unique([hit for hit in hits if not _negated(text, hit, hits)])
