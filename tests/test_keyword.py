"""The keyword index computes bm25s's own scores, and an incremental build equals a fresh one of the same texts."""

from __future__ import annotations

import bm25s
import numpy as np
import pytest
from conftest import REFERENCE
from scipy import sparse

from assistant.index import keyword


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The reference guide's lines: real text, with repeated words, numbers and punctuation."""
    lines = [line.strip() for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines + ["", "the and of"]  # an empty text and one of stopwords only have no terms


def _by_token(retriever: bm25s.BM25) -> dict[str, sparse.csc_matrix]:
    """Each token's score column, keyed by the token, so two indexes with different column orders compare."""
    scores = retriever.scores
    width = len(scores["indptr"]) - 1
    matrix = sparse.csc_matrix((scores["data"], scores["indices"], scores["indptr"]), (scores["num_docs"], width))
    return {token: matrix[:, column] for token, column in retriever.vocab_dict.items() if column < width}


def _reference(texts: list[str], directory) -> bm25s.BM25:
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    retriever.save(str(directory), show_progress=False)
    return bm25s.BM25.load(str(directory))


def _assert_same(ours: bm25s.BM25, reference: bm25s.BM25) -> None:
    assert ours.scores["num_docs"] == reference.scores["num_docs"]
    assert set(ours.vocab_dict) == set(reference.vocab_dict)
    mine, theirs = _by_token(ours), _by_token(reference)
    for token, column in theirs.items():
        assert abs(mine[token] - column).max() < 1e-5, token


def test_scores_equal_bm25s_own_index(texts, tmp_path):
    keyword.build(texts, tmp_path / "ours")
    _assert_same(keyword.load(tmp_path / "ours"), _reference(texts, tmp_path / "reference"))


def test_an_incremental_build_equals_a_fresh_one(texts, tmp_path, monkeypatch):
    monkeypatch.setattr(keyword, "TOKENIZE_BATCH", 7)  # several batches, each adding tokens to the vocabulary
    keyword.build(texts, tmp_path / "first")
    # Removed texts (their words must leave the vocabulary), a changed one, a new one, and a reordering.
    changed = texts[5:][::-1] + ["Ray and Terraform on a zzyzx cluster"]
    changed[3] += " with quantization"
    row_of = {text: n for n, text in enumerate(texts)}
    old_rows = np.array([row_of.get(text, -1) for text in changed])
    assert (old_rows < 0).sum() == 2

    tokenized: list[list[str]] = []
    real = bm25s.tokenize
    monkeypatch.setattr(bm25s, "tokenize", lambda batch, **kw: tokenized.append(batch) or real(batch, **kw))
    keyword.build(changed, tmp_path / "second", tmp_path / "first", old_rows)
    fresh = sorted(changed[n] for n in np.flatnonzero(old_rows < 0))
    assert sorted(text for batch in tokenized for text in batch) == fresh

    monkeypatch.setattr(bm25s, "tokenize", real)
    second = keyword.load(tmp_path / "second")
    _assert_same(second, _reference(changed, tmp_path / "reference"))
    assert "zzyzx" in second.vocab_dict
    vocab = lambda some: set(bm25s.tokenize(some, stopwords="en", show_progress=False).vocab)  # noqa: E731
    gone = vocab(texts[:5]) - vocab(changed)
    assert gone and not gone & set(second.vocab_dict)
    assert keyword.search(second, "zzyzx cluster", 3)[0][0] == len(changed) - 1


def test_unreadable_term_counts_mean_tokenizing_again(texts, tmp_path):
    keyword.build(texts, tmp_path / "first")
    (tmp_path / "first" / keyword.TERMS).write_bytes(b"not an npz")
    keyword.build(texts, tmp_path / "second", tmp_path / "first", np.arange(len(texts)))
    _assert_same(keyword.load(tmp_path / "second"), _reference(texts, tmp_path / "reference"))
