"""Employment types named in a question ("part-time", "contract", "fixed term", "permanent"), read with the
words assistant/vocab/listing.py says a type with, as listings are tagged. An internship is a seniority."""

from __future__ import annotations

import re

from assistant.vocab.listing import NOT_A_CONTRACT_JOB, EmploymentType, employment_of

from .cues import _Hit, _hits, _negated, _unique
from .text import _Text

_EMPLOYMENT = re.compile(
    r"\b(?:full[- ]?time|part[- ]?time|contract(?:or|s)?|contract[- ]to[- ]hire|fixed[- ]term|ftc|freelance(?:r|rs)?"
    rf"|temporary|seasonal|permanent)\b{NOT_A_CONTRACT_JOB}"
)
# Asked of the jobs rather than searched by: "is Reddit's ML role in the Netherlands a permanent position?",
# "are they full time?". A filter would hide the very jobs the question asks about.
_ASKS_WHETHER = re.compile(r"(?:^|[.?!;] )(?:is|are|was|were|will|would)\b(?! (?:there|any)\b)[^.?!;]*$")


def _type_of(word: str) -> EmploymentType:
    return EmploymentType.full_time if word == "permanent" else employment_of(word)


def _employment(text: _Text, taken: list[tuple[int, int]]) -> tuple[list[_Hit[EmploymentType]], bool]:
    """The types asked for, and whether the question asks whether the jobs are of them rather than for them.
    A negated type ("rather than permanent") filters nothing."""
    hits = _hits(text, _EMPLOYMENT, lambda m: _type_of(m.group()), taken)
    hits = _unique([hit for hit in hits if not _negated(text, hit, hits)])
    asked_of = any(_ASKS_WHETHER.search(text.norm[: hit.start]) for hit in hits)
    return hits, asked_of
