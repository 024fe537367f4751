"""Filtered vector search: Chroma's HNSW with `ids` / `where` filters against an exact numpy product.

    .venv/bin/python bench/vector_filter_bench.py N [--path DIR] [--out bench/results/vector_filter.json]

N random unit vectors of 384 dimensions go into a Chroma collection (cosine); then one query, top 50, with
the allowed set given as `ids` (100%, 50%, 5% of the records), as a `where` filter on a metadata field, and
as the product with every row masked afterwards or with only the allowed rows gathered first. The best of a
few runs counts. This is what chose the retriever's exact search and its GATHER_BELOW threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

TOP = 50
BATCH = 5000


def best_ms(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return round(min(times) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--path", type=Path, default=Path("/tmp/vector-filter-bench"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "vector_filter.json")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((args.n, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    client = chromadb.PersistentClient(path=str(args.path), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("vector_filter_bench", metadata={"hnsw:space": "cosine"})
    started = time.perf_counter()
    for start in range(collection.count(), args.n, BATCH):
        end = min(args.n, start + BATCH)
        collection.add(
            ids=[f"c{i}" for i in range(start, end)],
            embeddings=vectors[start:end],
            metadatas=[{"bucket": i % 20} for i in range(start, end)],
        )
    results = {"n": args.n, "add_s": round(time.perf_counter() - started, 1), "load_average": os.getloadavg()[0]}
    question = rng.standard_normal(384).astype(np.float32)
    question /= np.linalg.norm(question)

    def chroma(**where):
        return lambda: collection.query(query_embeddings=[question], n_results=TOP, include=["distances"], **where)

    results["chroma_unfiltered_ms"] = best_ms(chroma(), 3)
    for share in (1.0, 0.5, 0.05):
        allowed = np.arange(int(args.n * share))
        mask = np.zeros(args.n, dtype=bool)
        mask[allowed] = True
        results[f"chroma_ids_{share}_ms"] = best_ms(chroma(ids=[f"c{i}" for i in allowed]), 2)

        def masked(mask=mask):
            scores = np.where(mask, vectors @ question, -np.inf)
            best = np.argpartition(-scores, TOP)[:TOP]
            return best[np.argsort(-scores[best])]

        def gathered(allowed=allowed):
            scores = vectors[allowed] @ question
            best = np.argpartition(-scores, TOP)[:TOP]
            return allowed[best[np.argsort(-scores[best])]]

        results[f"numpy_masked_{share}_ms"] = best_ms(masked, 3)
        results[f"numpy_gathered_{share}_ms"] = best_ms(gathered, 3)
    results["chroma_where_5%_ms"] = best_ms(chroma(where={"bucket": 3}), 2)
    results["chroma_where_50%_ms"] = best_ms(chroma(where={"bucket": {"$in": list(range(10))}}), 2)
    results["load_average_end"] = os.getloadavg()[0]
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
