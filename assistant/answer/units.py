"""The quotable units of a chunk: sentences, list items and table rows, each an exact substring of the chunk."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ? or ! followed by a space and a capital, a digit or a quote; abbreviations such as
# "e.g." are rare in these texts and cost at most a split sentence, never a wrong quote.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(£$€])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|[\s:|-]+\|\s*$")
_BOLD_LABEL = re.compile(r"^\*\*(.+?):?\*\*:?\s*")


@dataclass(frozen=True)
class Unit:
    text: str  # exact substring of the chunk: used as the quote
    kind: str  # "sentence", "item" or "row"
    position: int  # offset in the chunk, to keep document order

    @property
    def display(self) -> str:
        """The unit as prose: list markers dropped, a bold label kept as a lead-in."""
        text = _LIST_ITEM.sub("", self.text).strip()
        return _BOLD_LABEL.sub(lambda m: f"**{m.group(1)}:** ", text) if self.kind == "item" else text

    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.strip().strip("|").split("|")]


def units(chunk_text: str, skip_heading: bool = True) -> list[Unit]:
    """Every unit of a chunk's body (after its heading line when the chunk has one)."""
    body_start = chunk_text.find("\n\n") + 2 if skip_heading and "\n\n" in chunk_text else 0
    found: list[Unit] = []
    offset = body_start
    for line in chunk_text[body_start:].split("\n"):
        found += _line_units(line, offset)
        offset += len(line) + 1
    return found


def _line_units(line: str, offset: int) -> list[Unit]:
    stripped = line.strip()
    if not stripped or _TABLE_RULE.match(line):
        return []
    start = offset + line.index(stripped)
    if _TABLE_ROW.match(line):
        return [Unit(stripped, "row", start)]
    if _LIST_ITEM.match(line):
        return [Unit(stripped, "item", start)]
    result, cursor = [], 0
    for piece in _SENTENCE_END.split(stripped):
        at = stripped.index(piece, cursor)
        cursor = at + len(piece)
        if piece.strip():
            result.append(Unit(piece.strip(), "sentence", start + at))
    return result
