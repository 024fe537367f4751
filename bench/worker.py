"""One step of the benchmark in its own process, so each configuration's peak memory is its own.

    python bench/worker.py TASK '{"json": "params"}'

Prints JSON events on stdout (progress, messages, and last the result, which carries the process's peak RSS);
everything else goes to stderr. index_bench.py runs these; they can also be run by hand to debug one step.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from common import (
    Events,
    chroma_server,
    du_bytes,
    load_listings,
    load_queries,
    peak_rss_mb,
    read_json,
    save_listings,
    timed,
    write_json,
)


def expected_ids(queries: list[dict]) -> set[str]:
    return {
        doc_id.removeprefix("listing:") for q in queries for doc_id in q["expected"] if doc_id.startswith("listing:")
    }


def check_expected(queries: list[dict], listings) -> None:
    """Every listing a labelled query expects must exist in the real snapshot."""
    present = {listing.id for listing in listings}
    missing = sorted(expected_ids(queries) - present)
    assert not missing, f"labelled queries expect listings missing from the snapshot: {missing}"


def prepare_real(params: dict, events: Events) -> dict:
    from criteria import write_criteria

    from corpus import changed_version, refresh_real

    out = Path(params["corpus"])
    events.say(f"refreshing from {params['feeds']}")
    listings, meta = refresh_real(Path(params["feeds"]))
    queries = load_queries(Path(params["queries"]))
    check_expected(queries, listings)
    changed, chosen = changed_version(listings, expected_ids(queries))
    save_listings(out / "original.jsonl", listings)
    save_listings(out / "changed.jsonl", changed)
    write_json(out / "meta.json", {**meta, "changed_ids": chosen})
    found = write_criteria(out, queries, changed)
    wrong = sorted(q["id"] for q in queries if q["id"] in found and set(found[q["id"]]) != set(q["expected"]))
    assert not wrong, f"on the real corpus these queries' criteria do not select their labels: {wrong}"
    return {"listings": len(listings), "changed": len(chosen)}


def prepare_synthetic(params: dict, events: Events) -> dict:
    """The corpus of `size` listings and, for each system, the table its derived vectors come from."""
    from criteria import write_criteria
    from derived import DerivationTable, load_vectors

    from corpus import baseline_pairs, changed_version, ours_pairs, synthetic_corpus

    real_dir, out, work = Path(params["real_corpus"]), Path(params["corpus"]), Path(params["work"])
    real = load_listings(real_dir / "original.jsonl")
    size, queries = int(params["size"]), load_queries(Path(params["queries"]))
    with timed() as generate:
        listings, source_of = synthetic_corpus(real, size)
        changed, chosen = changed_version(listings, expected_ids(queries))
    save_listings(out / "original.jsonl", listings)
    save_listings(out / "changed.jsonl", changed)
    write_criteria(out, queries, changed)
    meta = read_json(real_dir / "meta.json")
    write_json(out / "meta.json", {**meta, "bench": f"synthetic {size}", "changed_ids": chosen})
    events.say(f"{len(listings)} listings generated in {generate.seconds:.0f} s")

    by_id = {listing.id: listing for listing in real}
    tables = {}
    for system, pairs in (("ours", ours_pairs), ("baseline", baseline_pairs)):
        if system not in params["systems"]:
            continue
        events.say(f"mapping {system}'s synthetic texts to real vectors")
        keys, vectors = load_vectors(Path(params["real_work"]) / f"{system}_vectors.npz")
        table = DerivationTable.build(keys, vectors, pairs([listings, changed], source_of, by_id))
        table.save(work / f"{system}_table.npz")
        tables[system] = {"texts": len(table), "derived": int(np.sum(table.noisy))}
    return {"listings": len(listings), "changed": len(chosen), "generate_s": generate.seconds, "tables": tables}


def ours_build(params, events):
    import ours

    return _on_server(params, lambda: ours.build(params, events))


def ours_query(params, events):
    import ours

    return _on_server(params, lambda: ours.query(params, events))


def _on_server(params: dict, run) -> dict:
    """The step itself, or (params["chroma_server"], a data directory) the step against a `chroma run` server
    over that directory, started for it; the server's own peak memory is reported beside the step's."""
    if not params.get("chroma_server"):
        return run()
    with chroma_server(Path(params["chroma_server"])) as server:
        result = run()
    result["server_peak_rss_mb"] = server.peak_rss_mb
    result["server_bytes"] = du_bytes(Path(params["chroma_server"]))
    return result


def baseline_build(params, events):
    import baseline

    return baseline.build(params, events)


def baseline_query(params, events):
    import baseline

    return baseline.query(params, events)


TASKS = {
    task.__name__: task
    for task in (prepare_real, prepare_synthetic, ours_build, ours_query, baseline_build, baseline_query)
}


def main() -> None:
    events = Events()
    task, params = sys.argv[1], json.loads(sys.argv[2])
    result = TASKS[task](params, events)
    result["peak_rss_mb"] = peak_rss_mb()
    events.result(result)


if __name__ == "__main__":
    main()
