"""Hybrid retrieval: vectors and keywords (BM25) over the chunks the filters allow, fused by reciprocal rank.

The filters are a mask from columns built once per index (filters.FilterColumns). The vector side is an exact
search: one matrix product of the question's vector with the stored vectors, the disallowed rows masked out
(384 dimensions × 300k chunks is ~0.1 G multiply-adds). Measured by bench/vector_filter_bench.py at 50k
vectors on the shared 2 cores (bench/results/vector_filter.json): the masked product took 69-116 ms where
Chroma's HNSW took 277-472 ms with the allowed `ids` and 518-1,188 ms with a `where` filter (13 ms
unfiltered); and the product is never approximate. Chroma stays the store of record; each build also saves
its vectors beside its chunks (`vectors.npy`, memory-mapped here).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypedDict

import numpy as np
from pydantic import BaseModel

from assistant.index import keyword
from assistant.index.chunks import Chunk
from assistant.index.embeddings import Embedder, embedder_for, model_id
from assistant.index.filters import FilterColumns, Filters
from assistant.index.manifest import Manifest, build_dir, read_chunks, read_manifest, read_vectors
from assistant.index.meta import ChunkMeta
from assistant.settings import Settings
from assistant.vocab.places import country_name

if TYPE_CHECKING:
    import bm25s
    from chromadb.api.models.Collection import Collection

RRF_K = 60  # the constant from Cormack et al.; it damps the head of each ranking
# Allowed share under which copying the allowed rows out beats one product over all rows: gathering won at 5%
# (64 against 116 ms) and lost at 50% (243 against 69 ms) in bench/results/vector_filter.json.
GATHER_BELOW = 0.1
SENTENCE_CACHE = 4096  # sentence vectors kept for `closeness`


class IndexMismatch(RuntimeError):
    pass


class _Ranks(TypedDict, total=False):
    """Where a hit stood on each side of the search: `Hit`'s fields of the same names."""

    vector_rank: int
    keyword_rank: int
    similarity: float


class Hit(BaseModel):
    chunk_id: str
    doc_id: str
    kind: str
    title: str
    url: str | None = None
    text: str
    score: float
    vector_rank: int | None = None
    keyword_rank: int | None = None
    similarity: float | None = None  # cosine similarity to the question, when the vector side found it
    meta: ChunkMeta  # the chunk's; `index search --json` prints it as the build stored it


class Retriever:
    """Loads one index build and answers queries against it; cheap to query, built once per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.manifest: Manifest = read_manifest(self.settings.index_dir)
        configured = model_id(self.settings)
        if configured != self.manifest.model:
            raise IndexMismatch(
                f"the index was built with {self.manifest.model} but {configured} is configured: "
                "run `career-assistant index build` to rebuild it with the configured model"
            )
        self.directory = build_dir(self.settings.index_dir, self.manifest.build_id)
        self.chunks: list[Chunk] = read_chunks(self.directory)
        self.position = {chunk.id: n for n, chunk in enumerate(self.chunks)}
        self.by_doc: dict[str, list[int]] = {}
        for n, chunk in enumerate(self.chunks):
            self.by_doc.setdefault(chunk.doc_id, []).append(n)
        self.now: datetime | None = self.manifest.snapshot_fetched_at
        self.timings: dict[str, float] = {}

    # What a question needs, loaded on the first question that needs it: opening an index reads the chunks
    # alone, so the web page and the CLI start before torch, the model or Chroma are imported.

    @cached_property
    def columns(self) -> FilterColumns:
        return FilterColumns(self.chunks)

    @cached_property
    def bm25(self) -> bm25s.BM25:
        return keyword.load(self.directory / "bm25")

    @cached_property
    def vectors(self) -> np.ndarray:
        """One row per chunk, in chunk order, unit length."""
        found = read_vectors(self.directory)
        if found is None:  # a build from before vectors.npy: read its vectors from Chroma once
            from assistant.index import store

            by_id = store.vectors_by_id(self.collection, [store.record_id(c, legacy=True) for c in self.chunks])
            found = np.asarray([by_id[c.id] for c in self.chunks], dtype=np.float32)
        return found

    @cached_property
    def collection(self) -> Collection:
        from assistant.index import store

        return store.client_for(self.settings).get_collection(self.manifest.collection)

    @cached_property
    def embedder(self) -> Embedder:
        return embedder_for(self.settings)

    def closeness(self, question: str, texts: Sequence[str]) -> list[float]:
        """The cosine of each text to the question, by the model the index was embedded with: how a section's
        sentences are ranked by meaning beside the words they share with it. The sentences' vectors are kept
        (SENTENCE_CACHE of them: the guides hold a few hundred)."""
        missing = [text for text in dict.fromkeys(texts) if text not in self._sentences]
        if missing:
            if len(self._sentences) + len(missing) > SENTENCE_CACHE:
                self._sentences.clear()
            for text, vector in zip(missing, self.embedder.embed_sentences(missing)):
                self._sentences[text] = np.asarray(vector, dtype=np.float32)
        asked = np.asarray(self.embedder.embed_query(question), dtype=np.float32)
        return [float(self._sentences[text] @ asked) for text in texts]

    @cached_property
    def _sentences(self) -> dict[str, np.ndarray]:
        return {}

    def share_with(self, word: str) -> float:
        """The share of chunks whose keyword index holds `word`: how little a shared word says."""
        return len(self.rows_with(word)) / max(len(self.chunks), 1)

    def rows_with(self, word: str) -> np.ndarray:
        """The positions of the chunks whose keyword index holds `word`."""
        return keyword.rows_with(self.bm25, word)

    def allowed(self, filters: Filters) -> np.ndarray | None:
        """A boolean mask over chunks, or None when nothing is filtered out."""
        mask = self.columns.mask(filters, self.now)
        return None if mask.all() else mask

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        k: int = 8,
        expand: list[str] | None = None,
        title_words: Sequence[str] = (),
    ) -> list[Hit]:
        """The `k` best chunks the filters allow, one per document; `expand` adds words to the keyword side only,
        and listings whose titles hold more of `title_words` come first."""
        started = time.perf_counter()
        filters = filters or Filters()
        mask = self.allowed(filters)
        depth = max(50, k * 5)
        keyword_query = " ".join([query, *(expand or [])])
        by_keyword = self._keyword_search(keyword_query, depth, mask)
        by_vector = self._vector_search(query, depth, mask)
        fused = self._fuse(by_vector, by_keyword)
        hits = self._collapse(fused)
        if title_words:
            hits = rerank_by_title(hits, title_words)
        self.timings = {"retrieve": round((time.perf_counter() - started) * 1000, 1)}
        return hits[:k]

    def _keyword_search(self, query: str, depth: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        """(chunk position, BM25 score) best first, over the allowed chunks."""
        return keyword.search(self.bm25, query, depth, mask)

    def _vector_search(self, query: str, depth: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        """(chunk position, cosine similarity) best first, exact over the allowed chunks."""
        if mask is not None and not mask.any():
            return []
        question = np.asarray(self.embedder.embed_query(query), dtype=np.float32)
        if mask is None:
            rows, scores = None, np.asarray(self.vectors @ question)
        elif mask.mean() > GATHER_BELOW:
            rows, scores = None, np.where(mask, np.asarray(self.vectors @ question), -np.inf)
        else:  # few rows allowed: multiplying only those beats a full product
            rows = np.flatnonzero(mask)
            scores = np.asarray(self.vectors[rows] @ question)
        n = min(depth, int(np.isfinite(scores).sum()))
        best = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        best = best[np.argsort(-scores[best], kind="stable")][:n]
        positions = best if rows is None else rows[best]
        return [(int(p), float(s)) for p, s in zip(positions, scores[best])]

    def _fuse(self, by_vector: list[tuple[int, float]], by_keyword: list[tuple[int, float]]) -> list[Hit]:
        scores: dict[int, float] = {}
        ranks: dict[int, _Ranks] = {}
        for rank, (position, similarity) in enumerate(by_vector, 1):
            scores[position] = scores.get(position, 0) + 1 / (RRF_K + rank)
            ranks.setdefault(position, {}).update({"vector_rank": rank, "similarity": round(similarity, 4)})
        for rank, (position, _) in enumerate(by_keyword, 1):
            scores[position] = scores.get(position, 0) + 1 / (RRF_K + rank)
            ranks.setdefault(position, {})["keyword_rank"] = rank
        ordered = sorted(scores, key=lambda p: -scores[p])
        return [self._hit(p, scores[p], ranks[p]) for p in ordered]

    def _hit(self, position: int, score: float, ranks: _Ranks) -> Hit:
        chunk = self.chunks[position]
        return Hit(
            chunk_id=chunk.id,
            doc_id=chunk.doc_id,
            kind=chunk.kind,
            title=chunk.meta.title,
            url=chunk.meta.url,
            text=chunk.text,
            score=round(score, 6),
            meta=chunk.meta,
            **ranks,
        )

    @staticmethod
    def _collapse(hits: list[Hit]) -> list[Hit]:
        """One hit per document (its best chunk): five chunks of one listing are one result."""
        seen: set[str] = set()
        kept = []
        for hit in hits:
            if hit.doc_id not in seen:
                seen.add(hit.doc_id)
                kept.append(hit)
        return kept

    def doc_chunks(self, doc_id: str) -> list[Chunk]:
        """Every chunk of one document, in order."""
        return [self.chunks[n] for n in self.by_doc.get(doc_id, [])]

    def hits_for(self, doc_id: str) -> list[Hit]:
        """A document as a hit of its own, for answers about one named listing."""
        chunks = self.doc_chunks(doc_id)
        return [self._hit(self.position[chunks[0].id], 0.0, {})] if chunks else []

    def document_text(self, doc_id: str) -> str:
        """All indexed text of one citation id: what a quote must be found in."""
        return "\n".join(chunk.text for chunk in self.doc_chunks(doc_id))


def rerank_by_title(hits: list[Hit], words: Sequence[str]) -> list[Hit]:
    """Listings whose title holds more of `words` first; fusion order breaks ties."""
    wanted = {w.lower() for w in words}

    def overlap(hit: Hit) -> int:
        return len(wanted & set(re.findall(r"\w+", hit.title.lower()))) if hit.kind == "listing" else 0

    return sorted(hits, key=lambda hit: -overlap(hit))  # sorted() is stable


def place_terms(filters: Filters) -> list[str]:
    """Places in words for the keyword side: listings name countries, questions may name codes or cities."""
    return [country_name(code) for code in filters.countries] + list(filters.regions)
