"""An index in memory for answer-logic tests: real filters, fusion and passages, no Chroma, BM25 or embeddings.

`MemoryRetriever` is a `Retriever` over chunks given in the test; both ranking sides are replaced by counting
shared words, so a test states which chunks exist and what a question's words pick, and the answer code runs
as it does on a built index. End-to-end tests keep the real index.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

import numpy as np

from assistant.index.chunks import Chunk
from assistant.index.manifest import Manifest
from assistant.index.meta import GuideMeta
from assistant.index.retrieve import Retriever
from assistant.settings import Settings

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def chunk(doc_id: str, text: str, n: int = 0, title: str = "") -> Chunk:
    """A guide chunk ("guide:<guide>#<section>"); listings' chunks come from real listings (listing_chunks)."""
    guide_id, _, section_id = doc_id.removeprefix("guide:").partition("#")
    meta = GuideMeta(guide_id=guide_id, section_id=section_id, heading_path=[], title=title, path=f"{guide_id}.md")
    return Chunk(id=f"{doc_id}~{n}", doc_id=doc_id, kind="guide", text=text, meta=meta)


class MemoryRetriever(Retriever):
    def __init__(self, chunks: list[Chunk], settings: Settings | None = None, snapshot: str | None = None) -> None:
        self.settings = settings or Settings()
        now = datetime.now(UTC)
        self.manifest = Manifest(
            build_id="memory",
            collection="memory",
            model="none",
            dimensions=0,
            store="memory",
            built_at=now,
            seconds=0,
            snapshot=snapshot,
            chunks=len(chunks),
            documents={},
            listings_per_source={},
            embedded=0,
            reused=0,
            removed_documents=0,
        )
        self.chunks = chunks
        self.position = {c.id: n for n, c in enumerate(chunks)}
        self.by_doc: dict[str, list[int]] = {}
        for n, c in enumerate(chunks):
            self.by_doc.setdefault(c.doc_id, []).append(n)
        self.now = None
        self.timings = {}

    def _overlap(self, query: str, depth: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        """Chunks sharing words with the query, by cosine of their word sets."""
        asked = _words(query)
        scored = []
        for n, c in enumerate(self.chunks):
            words = _words(f"{c.meta.title} {c.text}")
            shared = len(asked & words)
            if shared and (mask is None or mask[n]):
                scored.append((n, shared / math.sqrt(len(asked) * len(words))))
        return sorted(scored, key=lambda s: -s[1])[:depth]

    _keyword_search = _overlap
    _vector_search = _overlap

    def closeness(self, question: str, texts) -> list[float]:
        """Like the searches: the cosine of word sets, for the model this retriever has none of."""
        asked = _words(question)
        return [len(asked & (w := _words(t))) / math.sqrt(len(asked) * len(w) or 1) for t in texts]

    def rows_with(self, word: str) -> np.ndarray:
        """The chunks holding the word, as the keyword index would say."""
        return np.array([n for n, c in enumerate(self.chunks) if word.lower() in _words(c.text)], dtype=np.int64)
