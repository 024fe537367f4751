"""A draft answer of the extractive backend, and two drafts joined into one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer.models import Citation, ListingView

_MARKER = re.compile(r"\[(\d+)\](?!\()")


@dataclass
class Draft:
    answer: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    listings: list[ListingView] = field(default_factory=list)


def join_drafts(first: Draft, second: Draft) -> Draft:
    """Two answers as one: the second's markers renumbered after the first's citations."""
    offset = len(first.citations)
    text = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", second.answer)
    moved = [c.model_copy(update={"n": c.n + offset}) for c in second.citations]
    return Draft(
        answer=f"{first.answer}\n\n{text}",
        answerable=first.answerable or second.answerable,
        citations=first.citations + moved,
        listings=first.listings + second.listings,
    )
