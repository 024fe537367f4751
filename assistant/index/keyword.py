"""The keyword index: BM25 (bm25s) over the same chunks as the vectors, saved beside them.

bm25s tokenizes, saves, loads and retrieves; the score matrix is computed here, because bm25s can only index a
whole corpus at once (its Python loops took most of a 1%-changed rebuild at 100k listings, and its build was the
build's peak memory). Each build also keeps its term counts per chunk (`terms.npz`), so the next build tokenizes
only the texts that are new and recomputes the scores of everything from the counts, vectorized: BM25's idf and
average length are global, but they are cheap to recompute; tokenizing is not.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:  # imported where used: opening an index does not need them yet
    import bm25s
    from scipy import sparse

TERMS = "terms.npz"  # per chunk, the count of each vocabulary token (CSR rows in chunk order)
TOKENIZE_BATCH = 10_000  # texts per bm25s.tokenize call: its lists of ints cost ~40 bytes a token


class Texts(Protocol):
    """The texts to index by row: a list, or the build's rows, which read a reused text only when asked."""

    def __len__(self) -> int: ...
    def __getitem__(self, row: int, /) -> str: ...


def build(texts: Texts, directory: Path, previous: Path | None = None, old_rows: np.ndarray | None = None) -> None:
    """Index `texts` into `directory`. `old_rows[n]` is the row of text n in the keyword index at `previous`
    (the same text), or -1: those rows' counts are reused instead of tokenizing the text again."""
    import bm25s

    vocab, counts = _previous_counts(previous)
    if counts is None or old_rows is None or (len(old_rows) and old_rows.max() >= counts.shape[0]):
        old_rows = np.full(len(texts), -1)
    added = _count([texts[int(n)] for n in np.flatnonzero(old_rows < 0)], vocab)
    counts = _assemble(old_rows, counts, added, len(vocab))
    del added  # each of these matrices is ~300 MB at 100k listings
    counts, vocab = _compact(counts, vocab)
    retriever = bm25s.BM25()
    retriever.scores = _scores(counts, retriever.k1, retriever.b, retriever.dtype)
    retriever.vocab_dict = {**vocab, "": len(vocab)}  # bm25s's empty token, past the matrix's columns as it puts it
    retriever.nonoccurrence_array = None  # only BM25L and BM25+ have one; `index` would have set it
    retriever.save(str(directory), show_progress=False)
    np.savez(directory / TERMS, indptr=counts.indptr, indices=counts.indices, data=counts.data)


def _previous_counts(previous: Path | None) -> tuple[dict[str, int], sparse.csr_matrix | None]:
    """The vocabulary (token → column) and counts of an earlier build: none for a build made before terms.npz,
    or when its files do not read back whole (then every text is tokenized again, as in a first build)."""
    import json
    import zipfile

    from scipy import sparse

    if previous is None or not (previous / TERMS).exists():
        return {}, None
    try:
        vocab = json.loads((previous / "vocab.index.json").read_text(encoding="utf-8"))
        vocab.pop("", None)
        with np.load(previous / TERMS) as saved:
            indptr, indices, data = saved["indptr"], saved["indices"], saved["data"]
        counts = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(vocab)))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return {}, None
    return vocab, counts


def _count(texts: list[str], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Token counts of `texts` as bm25s tokenizes them (English stopwords, as queries are), new tokens appended to
    `vocab`; in batches, so the token lists of 300k texts are never all in memory."""
    import bm25s
    from scipy import sparse

    parts = []
    for start in range(0, len(texts), TOKENIZE_BATCH):
        tokens = bm25s.tokenize(texts[start : start + TOKENIZE_BATCH], stopwords="en", show_progress=False)
        local = sorted(tokens.vocab.items(), key=lambda item: item[1])
        column = np.array([vocab.setdefault(token, len(vocab)) for token, _ in local], dtype=np.int32)
        lengths = np.fromiter(map(len, tokens.ids), dtype=np.int64, count=len(tokens.ids))
        flat = np.fromiter(itertools.chain.from_iterable(tokens.ids), dtype=np.int32, count=int(lengths.sum()))
        rows = np.repeat(np.arange(len(tokens.ids), dtype=np.int32), lengths)
        coo = sparse.coo_matrix((np.ones(len(flat), dtype=np.int32), (rows, column[flat])), (len(lengths), len(vocab)))
        parts.append(coo.tocsr())  # duplicates summed: the counts
    return _stack(parts, len(vocab))


def _stack(parts: list[sparse.csr_matrix], width: int) -> sparse.csr_matrix:
    from scipy import sparse

    parts = [part for part in parts if part.shape[0]]
    for part in parts:
        part.resize(part.shape[0], width)  # earlier batches were cut before later tokens existed
    if not parts:
        return sparse.csr_matrix((0, width), dtype=np.int32)
    return sparse.vstack(parts, format="csr", dtype=np.int32)


def _assemble(
    old_rows: np.ndarray, counts: sparse.csr_matrix | None, added: sparse.csr_matrix, width: int
) -> sparse.csr_matrix:
    """One row per text in order: reused rows from `counts`, the others from `added` (in their order)."""
    reused = np.flatnonzero(old_rows >= 0)
    if counts is None or not len(reused):
        return _stack([added], width)
    # One gather over the earlier rows followed by the added ones: row n is earlier row old_rows[n], or the next
    # added row. (Slicing the reused rows out, stacking and then permuting copied every count three times.)
    source = old_rows.copy()
    fresh = np.flatnonzero(old_rows < 0)
    source[fresh] = counts.shape[0] + np.arange(len(fresh))
    return _stack([counts, added], width)[source]


def _compact(counts: sparse.csr_matrix, vocab: dict[str, int]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Drop the tokens no text has any more (removed listings'), so the vocabulary does not grow with every build."""
    used = np.bincount(counts.indices, minlength=len(vocab)) > 0
    if used.all():
        return counts, vocab
    remap = np.cumsum(used) - 1
    tokens = sorted(vocab, key=vocab.__getitem__)
    counts = counts.copy()
    counts.indices = remap[counts.indices].astype(np.int32)
    counts.resize(counts.shape[0], int(used.sum()))
    return counts, {token: int(remap[n]) for n, token in enumerate(tokens) if used[n]}


def _scores(counts: sparse.csr_matrix, k1: float, b: float, dtype: str) -> dict[str, Any]:
    """bm25s's "lucene" scores (its default method) as its CSC arrays: idf = ln(1 + (N - df + 0.5) / (df + 0.5)),
    times tf / (tf + k1 · (1 - b + b · length / average length)), lengths counted in tokens. In place, in
    `dtype`: at 100k listings each temporary array over the ~35M entries is 140 MB."""
    from scipy import sparse

    docs = counts.shape[0]
    lengths = np.asarray(counts.sum(axis=1), dtype=np.float64).ravel()
    average = lengths.mean() if docs and lengths.any() else 1.0
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log(1 + (docs - df + 0.5) / (df + 0.5)).astype(dtype)
    norm = (k1 * ((1 - b) + b * lengths / average)).astype(dtype)
    score = counts.data.astype(dtype)
    denominator = np.repeat(norm, np.diff(counts.indptr))
    denominator += score
    score /= denominator
    del denominator
    score *= idf[counts.indices]
    csc = sparse.csr_matrix((score, counts.indices, counts.indptr), counts.shape).tocsc()
    return {
        "data": csc.data,
        "indices": csc.indices.astype(np.int32, copy=False),
        "indptr": csc.indptr,
        "num_docs": docs,
    }


def load(directory: Path) -> bm25s.BM25:
    """Memory-mapped, like the vectors: a query reads the score columns of its own tokens, so the rest of the
    matrix stays on disk instead of in every serving process, and a build that replaces the files leaves the
    mapped old ones readable until the process lets go of them."""
    import bm25s

    return bm25s.BM25.load(str(directory), mmap=True)


def rows_with(retriever: bm25s.BM25, word: str) -> np.ndarray:
    """The chunk positions holding `word` (one token as bm25s cuts them, lower case): its score column's rows."""
    column = retriever.vocab_dict.get(word)
    indptr = retriever.scores["indptr"]
    if column is None or column + 1 >= len(indptr):
        return np.zeros(0, dtype=np.int32)
    return np.asarray(retriever.scores["indices"][indptr[column] : indptr[column + 1]])


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
