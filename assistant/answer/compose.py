"""Numbering citations while an answer is written: each quoted unit gets a marker, repeats reuse it."""

from __future__ import annotations

from assistant.answer.models import Citation, Passage


class Composer:
    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def cite(self, passage: Passage, quote: str) -> str:
        """The marker for `quote` (which must be verbatim in the passage), e.g. "[2]"."""
        if quote not in passage.text:
            raise ValueError(f"quote is not in {passage.doc_id}: {quote[:60]!r}")
        key = (passage.doc_id, quote)
        if key not in self._numbers:
            n = len(self.citations) + 1
            self._numbers[key] = n
            self.citations.append(
                Citation(n=n, id=passage.doc_id, kind=passage.kind, title=passage.title, url=passage.url, quote=quote)
            )
        return f"[{self._numbers[key]}]"
