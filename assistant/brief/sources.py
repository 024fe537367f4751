"""What a brief quotes: the guide's sections and the listing's chunks as indexed, and one citation numbering.

Quotes are only ever cut from the indexed chunk text (the `Composer` refuses anything else), so every
citation of a brief holds the same promise as a chat answer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.compose import Composer
from assistant.answer.extractive.relevance import unique_units
from assistant.answer.models import Passage
from assistant.answer.units import Unit
from assistant.corpus.guides import Guide
from assistant.library import Library

# `- **Label:** body` and `1. **Label:** body`: the guide's list items, read as a label and what it says.
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+\*\*(?P<label>.+?):?\*\*:?\s*(?P<body>.*)$", re.S)

# A part's section by its id in the shipped guide, else by heading words, for guides dropped in with other ids.
_HEADINGS = {
    "overview": r"overview|summary|introduction",
    "skills": r"skill",
    "responsibilities": r"responsibilit|duties",
    "hiring-process": r"hiring|interview",
    "levels": r"level|promotion|holds .* back",
    "pay": r"pay|salar|compensation",
    "red-flags": r"\bred\b|warning",
    "green-flags": r"\bgreen\b",
    "listing-signals": r"listings?\b|look for",
}

MIN_PIECE = 12  # characters: a shorter fallback piece of a split evidence span says too little to cite


@dataclass(frozen=True)
class Item:
    """A labelled list item of a guide section, with the unit (verbatim in `passage`) it was read from."""

    label: str
    body: str
    passage: Passage
    unit: Unit


class Sources:
    """The brief's documents (one guide, perhaps one listing) and the numbering of everything it cites."""

    def __init__(self, library: Library, guide: Guide) -> None:
        self.library = library
        self.guide = guide
        self.composer = Composer()
        self.notices: list[str] = []
        self._passages: dict[str, list[Passage]] = {}

    # --- documents -------------------------------------------------------------------------------------------

    def passages(self, doc_id: str) -> list[Passage]:
        """Every indexed chunk of a document, in order (chat passages keep only a listing's first chunk)."""
        if doc_id not in self._passages:
            self._passages[doc_id] = self.library.document(doc_id)
        return self._passages[doc_id]

    def section_id(self, part: str) -> str | None:
        ids = [s.id for s in self.guide.sections]
        if part in ids:
            return part
        pattern = _HEADINGS.get(part)
        found = [s.id for s in self.guide.sections if pattern and re.search(pattern, s.title, re.I)]
        return found[0] if found else None

    def section(self, part: str) -> list[Passage]:
        section_id = self.section_id(part)
        return self.passages(f"guide:{self.guide.id}#{section_id}") if section_id else []

    def units(self, part: str) -> list[tuple[Passage, Unit]]:
        """A guide section's sentences, items and table rows, without the overlap's repeats."""
        return unique_units(self.section(part))

    def items(self, part: str) -> list[Item]:
        found = []
        for passage, unit in self.units(part):
            match = _ITEM.match(unit.text) if unit.kind == "item" else None
            if match:
                found.append(Item(match["label"].strip(), match["body"].strip(), passage, unit))
        return found

    def item(self, part: str, label: str) -> Item | None:
        """The first item of a section whose label matches the pattern `label`."""
        return next((i for i in self.items(part) if re.search(label, i.label, re.I)), None)

    def unit(self, parts: tuple[str, ...], pattern: str) -> tuple[Passage, Unit] | None:
        """The first unit, in the first of `parts` that has one, whose text matches `pattern`."""
        for part in parts:
            for passage, unit in self.units(part):
                if re.search(pattern, unit.text, re.I):
                    return passage, unit
        return None

    def locate(self, doc_id: str, span: str) -> tuple[Passage, str] | None:
        """`span` as quotable text of the document: whole when one chunk holds it verbatim, else its longest
        sentence or line that one chunk holds (a span the splitter cut in two), else nothing."""
        passages = self.passages(doc_id)
        pieces = sorted((p.strip() for p in re.split(r"\n|(?<=[.!?])\s+", span)), key=len, reverse=True)
        for piece in [span.strip(), *(p for p in pieces if len(p) >= MIN_PIECE)]:
            for passage in passages:
                if piece and piece in passage.text:
                    return passage, piece
        return None

    # --- citing ----------------------------------------------------------------------------------------------

    def cite(self, *quotes: tuple[Passage, str]) -> list[int]:
        """Citation numbers for verbatim quotes; the same quote cited twice keeps its number."""
        numbers = []
        for passage, quote in quotes:
            n = int(self.composer.cite(passage, quote).strip("[]"))
            if n not in numbers:
                numbers.append(n)
        return numbers

    def cite_item(self, item: Item) -> list[int]:
        return self.cite((item.passage, item.unit.text))

    def cite_unit(self, found: tuple[Passage, Unit]) -> list[int]:
        return self.cite((found[0], found[1].text))
