"""The keyword index: BM25 (bm25s) over the same chunks as the vectors, saved beside them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # imported where used: opening an index does not need it yet
    import bm25s


def build(texts: list[str], directory: Path) -> None:
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    retriever.save(str(directory), show_progress=False)


def load(directory: Path) -> bm25s.BM25:
    """Memory-mapped, like the vectors: a query reads the score columns of its own tokens, so the rest of the
    matrix stays on disk instead of in every serving process, and a build that replaces the files leaves the
    mapped old ones readable until the process lets go of them."""
    import bm25s

    return bm25s.BM25.load(str(directory), mmap=True)


def search(retriever: bm25s.BM25, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """(chunk position, score) best first; `allowed` is a boolean mask over chunk positions."""
    import bm25s

    tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
    if not tokens.vocab:
        return []
    size = retriever.scores["num_docs"]
    k = min(k, size if allowed is None else int(allowed.sum()))
    if k <= 0:
        return []
    weights = None if allowed is None else allowed.astype(np.float32)
    docs, scores = retriever.retrieve(tokens, k=k, show_progress=False, weight_mask=weights, n_threads=0)
    return [(int(d), float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]
