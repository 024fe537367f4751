"""Running the labelled queries and scoring them: latency percentiles, hit rate@k and MRR@k.

A ranking is a list of positions, each the list of ids that position counts as (one id for our hits and for
the baseline's strict scoring; every section a guide node overlaps for its lenient scoring). A query is hit
at k when one of its expected ids is among the first k positions; its reciprocal rank at k is 1/position of
the first such, else 0.
"""

from __future__ import annotations

from common import Events, percentile, timed

REPEATS = 3
KS = (5, 10)
KINDS = ("guide", "listing")


def run_queries(queries: list[dict], retrieve, events: Events, repeats: int = REPEATS) -> list[dict]:
    """Each query `repeats` times, warm: one query of each kind runs first, untimed, to load models and caches."""
    for kind in KINDS:
        retrieve(next(q["question"] for q in queries if q["kind"] == kind))
    results = []
    for n, query in enumerate(queries):
        latencies, ranking, extra = [], None, {}
        for _ in range(repeats):
            with timed() as t:
                got, more = retrieve(query["question"])
            latencies.append(round(t.seconds * 1000, 2))
            if ranking is None:
                ranking, extra = got, more
        results.append(
            {
                "id": query["id"],
                "kind": query["kind"],
                "latencies_ms": latencies,
                "ranking": ranking,
                "rank": first_rank(query["expected"], ranking),
                **extra,
            }
        )
        events.progress(n + 1, len(queries), "Queries")
    return results


def first_rank(expected: list[str], ranking: list[list[str]]) -> int | None:
    wanted = set(expected)
    for position, ids in enumerate(ranking, 1):
        if wanted & set(ids):
            return position
    return None


def quality(results: list[dict], queries: dict[str, dict], field: str = "ranking") -> dict:
    """hit rate@k and MRR@k for all queries and per kind."""
    groups = {"all": results, **{kind: [r for r in results if r["kind"] == kind] for kind in KINDS}}
    summary = {}
    for name, group in groups.items():
        ranks = [first_rank(queries[r["id"]]["expected"], r[field]) for r in group]
        summary[name] = {"n": len(group)}
        for k in KS:
            summary[name][f"hit@{k}"] = _mean([1.0 if rank and rank <= k else 0.0 for rank in ranks])
            summary[name][f"mrr@{k}"] = _mean([1.0 / rank if rank and rank <= k else 0.0 for rank in ranks])
    return summary


def latency(results: list[dict]) -> dict:
    """p50/p95 (ms) over every timed run, per kind and for all queries."""
    summary = {}
    for name in ("all", *KINDS):
        values = [ms for r in results if name in ("all", r["kind"]) for ms in r["latencies_ms"]]
        summary[name] = {
            "p50_ms": round(percentile(values, 50), 2),
            "p95_ms": round(percentile(values, 95), 2),
            "runs": len(values),
        }
    return summary


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else float("nan")
