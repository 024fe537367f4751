"""Runs every extractor over a question, in the order that lets earlier cues claim their words first."""

from __future__ import annotations

import re
from datetime import date

from .companies import Employers, _companies
from .comparison import _comparison
from .cues import _Cues, _Hit, _hits
from .employment import _employment
from .places import _places
from .posted import _posted
from .roles import _roles
from .salary import _disclosed, _floor_bound, _salary_bounds, currencies_named
from .seniority import _level_asked, _seniority
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


# "Not Waymo", "anything but GitLab", "except at Reddit": a company the search sets aside.
_SET_ASIDE = re.compile(
    r"\b(?:not|except|excluding|besides|other than|apart from|anything but)(?: (?:at|from|with|for))? $"
)


def _set_aside(text: _Text, company: _Hit[str]) -> bool:
    return bool(_SET_ASIDE.search(text.norm[: company.start]))


def _extract(text: _Text, today: date, injection: list[str], employers: Employers | None = None) -> _Cues:
    cues = _Cues(injection=injection)
    cues.sources = _sources(text)
    taken = [(h.start, h.end) for h in cues.sources]
    named = _companies(text, taken, employers)
    cues.companies = [h for h in named if not _set_aside(text, h)]
    cues.excluded = [h for h in named if _set_aside(text, h)]
    cues.skills = _skills(text, taken + [(h.start, h.end) for h in named])
    cues.seniority = _seniority(text)
    cues.level_asked = _level_asked(text)
    cues.work_modes = _work_modes(text, taken)
    cues.employment, cues.employment_asked = _employment(text, taken)
    cues.floor, cues.ceiling = _salary_bounds(text, today)
    cues.floor_bound = _floor_bound(text, cues.floor)
    cues.currencies = currencies_named(text)
    cues.disclosed = _disclosed(text)
    cues.posted = _posted(text)
    taken += [(h.start, h.end) for h in named + cues.skills]
    cues.places = _places(text, taken)
    cues.roles = _roles(text, [(h.start, h.end) for h in named])
    cues.comparison = _comparison(text)
    found = _hits(text, _ANY_ROLE, lambda m: True)
    cues.any_role = found[0] if found else None
    return cues
