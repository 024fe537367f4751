"""Questions are embedded by the numpy encoder (assistant/index/minilm.py), documents by sentence-transformers:
the two must give the same vectors (that answering imports no torch is tests/test_index.py's)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.embeddings import local_embedder

TEXTS = [
    "What does a senior ML engineer earn in Germany?",
    "and in pounds?",
    "",
    "Relocating to Toronto — what base should a senior MLE aim for, and who is hiring with Ray & PyTorch?",
    "Müller GmbH sucht Machine-Learning-Ingenieur (m/w/d) in München – 100 % remote möglich",
    "salery for sr mle in k8s-heavy teams???",
    "机器学习工程师 远程 职位",
    "pay " * 400,  # far past the 256 tokens both sides keep
]


@pytest.fixture(scope="module")
def embedder():
    return local_embedder()


def test_question_vectors_match_sentence_transformers(embedder):
    documents = np.asarray(embedder.embed_documents(TEXTS))
    questions = np.asarray([embedder.embed_query(text) for text in TEXTS])
    assert questions.shape == documents.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(questions, axis=1), 1, atol=1e-5)
    cosines = (questions * documents).sum(axis=1)
    assert cosines.min() > 0.99999, dict(zip(TEXTS, cosines.round(6)))
    assert np.abs(questions - documents).max() < 1e-4
