"""Cutting text into units — sentences, list items, table rows and headings — each an exact span of the text.

One splitter for both sides of a citation: the extractive backend quotes the units of retrieved chunks, and
the citation check (check/) reads generated answers and source passages with the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

LINE_UNIT = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|\||#{1,6}\s)")  # a line that is one unit whole
LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$")
# A sentence ends at . ! or ? (and any closing quotes, emphasis and markers) before a space and a non-lower-case
# character; "e.g." and initials do not end one.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)*_]*(?:\s*\[\d+(?:\s*[,–-]\s*\d+)*\])*(?=\s+[^\s a-z]|\s*$)")
_ABBREVIATIONS = frozenset("e.g i.e etc vs approx incl dr mr ms mrs st no jr sr inc ltd co u.s".split())
_BOLD_LABEL = re.compile(r"^\*\*(.+?):?\*\*:?\s*")


def sentence_spans(line: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one line of prose, stripped, shifted by `offset`."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        word = cast(re.Match[str], re.search(r"([\w.]*)$", line[: m.start()]))[1].lower()  # `[\w.]*$` always matches
        if word in _ABBREVIATIONS or len(word) == 1 and word.isalpha():
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    return [(offset + s + _lead(line[s:e]), offset + e - _trail(line[s:e])) for s, e in spans if line[s:e].strip()]


def line_spans(line: str, offset: int) -> list[tuple[int, int]]:
    """The units of one line as the check quotes them: a whole-line unit without its list marker, or sentences."""
    if not line.strip() or TABLE_RULE.match(line):
        return []
    if LINE_UNIT.match(line):
        mark = LIST_MARK.match(line)
        start = mark.end() if mark else _lead(line)
        return [(offset + start, offset + len(line) - _trail(line))]
    return sentence_spans(line, offset)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _trail(text: str) -> int:
    return len(text) - len(text.rstrip())


@dataclass(frozen=True)
class Unit:
    text: str  # exact substring of the chunk: used as the quote
    kind: str  # "sentence", "item" or "row"
    position: int  # offset in the chunk, to keep document order

    @property
    def display(self) -> str:
        """The unit as prose: list markers dropped, a bold label kept as a lead-in."""
        text = LIST_MARK.sub("", self.text).strip()
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
    """A table row or list item whole (marker kept: the quote shows it), other lines sentence by sentence."""
    stripped = line.strip()
    if not stripped or TABLE_RULE.match(line):
        return []
    start = offset + line.index(stripped)
    if stripped.startswith("|"):
        return [Unit(stripped, "row", start)]
    if LIST_MARK.match(line):
        return [Unit(stripped, "item", start)]
    return [Unit(line[s - offset : e - offset], "sentence", s) for s, e in sentence_spans(line, offset)]
