"""A passage's quotable lines, each with the facts in its scope: what a unit of an answer is checked against.

A passage line is a table row, a list item, a heading or a sentence (cut by assistant.answer.units). Why one
line and not one passage: a pay table holds every market and every range, so "Germany" and
"$120,000 – $200,000" both occur in the pay passage although the table pairs that range with
"Remote (global)". The chunk's header (a guide chunk's heading line, a listing chunk's block of facts: title,
company, location, salary) is written as the context of the whole chunk by `assistant.index.chunks`, so its
facts count in every line of that chunk. Sources are read generously: a place counts in any case and position.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.check.entities import fold, platforms_named, source_places
from assistant.answer.check.figures import Figure, figures
from assistant.answer.models import Passage
from assistant.answer.units import line_spans


@dataclass(frozen=True)
class Line:
    """One quotable line of a passage with the facts of its scope (the line plus the chunk's header)."""

    quote: str  # an exact substring of the passage text
    figures: tuple[Figure, ...]
    places: frozenset[str]
    platforms: frozenset[str]
    words: str  # folded, padded


def _header_end(passage: Passage) -> int:
    """Where the chunk's header ends: a listing's facts block, or a guide's heading line; 0 when none."""
    cut = passage.text.find("\n\n")
    if cut < 0:
        return 0
    head = passage.text[:cut].strip()
    if passage.kind == "listing" or ("\n" not in head and not head.endswith((".", "!", "?"))):
        return cut
    return 0


def passage_quotes(passage: Passage) -> list[str]:
    """The passage's quotable units in order: its header, then each table row, list item, heading and sentence."""
    text, cut = passage.text, _header_end(passage)
    quotes = [text[:cut].strip()] if cut else []
    offset = cut
    for line in text[cut:].split("\n"):
        quotes += [text[s:e] for s, e in line_spans(line, offset)]
        offset += len(line) + 1
    return [q for q in quotes if q]


@lru_cache(maxsize=512)
def _lines(passage_text: str, kind: str) -> tuple[Line, ...]:
    passage = Passage(n=0, doc_id="", kind=kind, title="", text=passage_text)
    cut = _header_end(passage)
    header = passage_text[:cut]
    return tuple(_line(quote, header) for quote in passage_quotes(passage))


def _line(quote: str, header: str) -> Line:
    scope = f"{header}\n{quote}" if header.strip() and quote != header.strip() else quote
    return Line(quote, tuple(figures(scope)), source_places(scope), platforms_named(scope), fold(scope))


def lines(passage: Passage) -> tuple[Line, ...]:
    return _lines(passage.text, passage.kind)
