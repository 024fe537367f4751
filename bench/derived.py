"""Derived vectors for the synthetic corpora: a perturbed copy's text gets its source text's real vector plus noise.

Embedding 100k listings (~280k chunks) with all-MiniLM-L6-v2 on 2 CPU cores would take hours, so the 10k and
100k corpora are not embedded. The real corpus is embedded once by each system (that is where chunks/s is
measured), its vectors are dumped, and every synthetic text is mapped to the real text it was derived from
(the same chunk or node position of its source listing). Its vector is that real vector plus Gaussian noise
of `SIGMA` per dimension, renormalized (cosine ≈ 0.96 to the source), seeded by the text so runs repeat.
A text that is exactly a real one (the guides, the real listings kept in every corpus) gets its real vector.

Queries are always embedded with the real model.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

SIGMA = 0.015


def text_key(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")


def save_vectors(path: Path, texts: list[str], vectors) -> None:
    """The real vectors of one system's real corpus, keyed by their texts."""
    keys = np.fromiter((text_key(t) for t in texts), dtype=np.uint64, count=len(texts))
    np.savez(path, keys=keys, vectors=np.asarray(vectors, dtype=np.float32))


def load_vectors(path: Path) -> tuple[np.ndarray, np.ndarray]:
    data = np.load(path)
    return data["keys"], data["vectors"]


class DerivationTable:
    """Text key → (row of a real vector, whether to add noise): sorted arrays, a few MB even at 100k listings."""

    def __init__(self, keys: np.ndarray, rows: np.ndarray, noisy: np.ndarray, vectors: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        self.keys, self.rows, self.noisy, self.vectors = keys[order], rows[order], noisy[order], vectors

    @classmethod
    def build(cls, real_keys: np.ndarray, real_vectors: np.ndarray, pairs: list[tuple[str, str]]) -> DerivationTable:
        """`pairs` are (derived text, the real text it came from); every real text maps to itself."""
        row_of = {int(k): n for n, k in enumerate(real_keys)}
        keys, rows, noisy = [int(k) for k in real_keys], list(range(len(real_keys))), [False] * len(real_keys)
        seen = set(keys)
        for text, source in pairs:
            key = text_key(text)
            if key in seen:
                continue
            seen.add(key)
            keys.append(key)
            rows.append(row_of[text_key(source)])
            noisy.append(True)
        return cls(np.array(keys, dtype=np.uint64), np.array(rows, dtype=np.int32), np.array(noisy), real_vectors)

    def save(self, path: Path) -> None:
        np.savez(path, keys=self.keys, rows=self.rows, noisy=self.noisy, vectors=self.vectors)

    @classmethod
    def load(cls, path: Path) -> DerivationTable:
        data = np.load(path)
        return cls(data["keys"], data["rows"], data["noisy"], data["vectors"])

    def __len__(self) -> int:
        return len(self.keys)

    def lookup(self, text: str) -> list[float] | None:
        key = np.uint64(text_key(text))
        at = int(np.searchsorted(self.keys, key))
        if at >= len(self.keys) or self.keys[at] != key:
            return None
        vector = self.vectors[self.rows[at]].astype(np.float64)
        if self.noisy[at]:
            vector = vector + np.random.default_rng(int(key)).normal(0.0, SIGMA, vector.shape)
            vector /= np.linalg.norm(vector)
        return vector.tolist()


class DerivedVectors:
    """Vectors for texts from a table; a text not in it (there should be none) is embedded by `fallback`."""

    def __init__(self, table: DerivationTable, fallback) -> None:
        self.table, self.fallback = table, fallback
        self.derived = self.embedded = 0

    def __call__(self, texts: list[str]) -> list[list[float]]:
        vectors = [self.table.lookup(text) for text in texts]
        missing = [n for n, v in enumerate(vectors) if v is None]
        if missing:
            for n, vector in zip(missing, self.fallback([texts[n] for n in missing])):
                vectors[n] = list(vector)
        self.embedded += len(missing)
        self.derived += len(texts) - len(missing)
        return vectors


class OursDerivedEmbedder:
    """Stands in for assistant.index.embeddings' embedder inside build_index (same model id, so the index is valid)."""

    def __init__(self, table: DerivationTable, real) -> None:
        self.model_id = real.model_id
        self._real = real
        self.vectors = DerivedVectors(table, real.embed_documents)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.vectors(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._real.embed_query(text)


def baseline_derived_embedding(table: DerivationTable, real_factory):
    """A llama-index BaseEmbedding serving derived vectors; the real model is loaded only if a text is missing."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    class DerivedEmbedding(BaseEmbedding):
        _vectors: DerivedVectors = PrivateAttr()
        _real = PrivateAttr(default=None)

        def __init__(self, **kwargs) -> None:
            super().__init__(model_name="derived:all-MiniLM-L6-v2", **kwargs)
            self._vectors = DerivedVectors(table, self._embed_real)

        @property
        def counts(self) -> DerivedVectors:
            return self._vectors

        def _embed_real(self, texts: list[str]) -> list[list[float]]:
            if self._real is None:
                self._real = real_factory()
            return self._real.get_text_embedding_batch(texts)

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._vectors(texts)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._vectors([text])[0]

        def _get_query_embedding(self, query: str) -> list[float]:
            if self._real is None:
                self._real = real_factory()
            return self._real.get_query_embedding(query)

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

    return DerivedEmbedding()
