"""Runs every extractor over a question, in the order that lets earlier cues claim their words first."""

from __future__ import annotations

import re
from datetime import date

from .companies import Employers, _companies
from .comparison import _comparison
from .cues import _Cues, _hits
from .employment import _employment
from .places import _places
from .posted import _posted
from .roles import _roles
from .salary import _disclosed, _floor_bound, _salary_bounds
from .seniority import _seniority
from .skills import _skills
from .sources import _sources
from .text import _Text
from .work_mode import _work_modes

# Asking for every job, not only ML ones: "any role is fine", "not just ML", "all openings", "non-ML jobs too".
_ANY_ROLE = re.compile(
    r"\b(?:any|all|every) (?:kind of |type of )?(?:roles?|jobs?|positions?) (?:is|are) fine\b"
    r"|\bnot (?:just|only) (?:ml|ai|machine learning)\b|\b(?:all|every) (?:their |its |the )?"
    r"(?:roles|jobs|positions|openings)\b|\bnon[- ]?(?:ml|ai)\b"
)


def _extract(text: _Text, today: date, injection: list[str], employers: Employers | None = None) -> _Cues:
    cues = _Cues(injection=injection)
    cues.sources = _sources(text)
    taken = [(h.start, h.end) for h in cues.sources]
    cues.companies = _companies(text, taken, employers)
    cues.skills = _skills(text, taken + [(h.start, h.end) for h in cues.companies])
    cues.seniority = _seniority(text)
    cues.work_modes = _work_modes(text, taken)
    cues.employment, cues.employment_asked = _employment(text, taken)
    cues.floor, cues.ceiling = _salary_bounds(text, today)
    cues.floor_bound = _floor_bound(text, cues.floor)
    cues.disclosed = _disclosed(text)
    cues.posted = _posted(text)
    taken += [(h.start, h.end) for h in cues.companies + cues.skills]
    cues.places = _places(text, taken)
    cues.roles = _roles(text, [(h.start, h.end) for h in cues.companies])
    cues.comparison = _comparison(text)
    found = _hits(text, _ANY_ROLE, lambda m: True)
    cues.any_role = found[0] if found else None
    return cues
