"""Writing the results: index.json (every number), index.md (tables) and index.png (the figure)."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

from common import REAL, write_json

SYSTEMS = {
    "ours": "ours (Chroma + BM25, hybrid)",
    "server": "ours, its store a `chroma run` server",
    "baseline": "llama-index default",
}
COLORS = {"ours": "#1f77b4", "server": "#2ca02c", "baseline": "#ff7f0e"}


def size_label(size: str) -> str:
    return "real" if size == REAL else f"{int(size) // 1000}k"


def _mb(value) -> str:
    return "–" if value is None else f"{value / 1e6:,.1f}"


def _num(value, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def _get(data: dict, *path):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def write_all(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / "index.json", results)
    (out / "index.md").write_text(markdown(results), encoding="utf-8")
    plot(results, out / "index.png")


# --- Markdown ------------------------------------------------------------------------------------------------


def markdown(results: dict) -> str:
    meta = results["meta"]
    lines = [
        "# Index benchmark: ours vs llama-index defaults",
        "",
        f"Command: `{meta['command']}`  ",
        f"Run: {meta['date']} on {meta['cpu_count']} CPU cores ({meta['platform']}), Python {meta['python']}"
        + (f", code at commit {meta['commit']}" if meta.get("commit") else "")
        + "  ",
        "Packages: " + ", ".join(f"{name} {version}" for name, version in meta["packages"].items()),
        "",
        "Figures are measured side by side in one run on this machine; read them as ratios, not absolute claims.",
        "",
        *[f"- {note}" for note in meta["notes"]],
        "",
    ]
    lines += (
        build_table(results)
        + embedding_table(results)
        + answer_table(results)
        + latency_table(results)
        + quality_table(results)
        + ratio_table(results)
    )
    lines += misses(results) + machine_load(results)
    if results.get("problems"):
        lines += ["## Steps that did not complete", "", *[f"- {p}" for p in results["problems"]], ""]
    return "\n".join(lines)


def _rows(results: dict):
    for size, run in results["sizes"].items():
        for system in SYSTEMS:
            if system in run:
                yield size, system, run[system]


def build_table(results: dict) -> list[str]:
    lines = [
        "## Build",
        "",
        "| corpus | system | listings | chunks | embedded chunks/s | full build s | unchanged rebuild s "
        "| incremental rebuild s (chunks embedded) | index size MB | peak RSS MiB |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for size, system, run in _rows(results):
        b = run.get("build") or {}
        listings = _get(results, "sizes", size, "corpus", "listings")
        incremental = f"{_num(b.get('incremental_s'))} ({b.get('incremental_embedded', '–')})" if b else "–"
        if b.get("incremental_projected"):
            incremental = (
                f"≈{_num(b['incremental_s'], 0)} projected ({b['incremental_documents']} of "
                f"{b['incremental_changed_documents']} changed documents in {_num(b['incremental_measured_s'])} s)"
            )
        size_mb, peak = _mb(b.get("index_bytes")), _num(b.get("peak_rss_mb"), 0)
        if b.get("server_bytes") is not None:  # the index directory plus the server's data directory
            size_mb = _mb(b.get("index_bytes", 0) + b["server_bytes"])
            peak += f" + {_num(b.get('server_peak_rss_mb'), 0)} server"
        lines.append(
            f"| {size_label(size)} | {system} | {listings or '–'} | {b.get('chunks', '–')} "
            f"| {_num(b.get('chunks_per_s'))} | {_num(b.get('full_s'))} | {_num(b.get('unchanged_s'), 2)} "
            f"| {incremental} | {size_mb} | {peak} |"
        )
    return lines + [
        "",
        "Chunks are our chunks or the baseline's nodes. Chunks/s is the embedding model's throughput on "
        "the real corpus (time inside the embedding calls); the synthetic corpora use derived vectors, "
        "so their build times are everything but embedding. Index size is `du` of the index directory "
        "after the rebuilds (ours) or of `storage_context.persist()` (baseline). A projected baseline "
        "incremental time: `refresh_ref_docs` ran out of its time budget (each changed document "
        "re-serializes the whole index struct), and the total is extrapolated linearly. The server rows run "
        "the same index with its store on a `chroma run` server on loopback: their size adds the server's data "
        "directory, their peak RSS the server process's own.",
        "",
    ]


def embedding_table(results: dict) -> list[str]:
    rows = [(size, c) for size, run in results["sizes"].items() if (c := _get(run, "ours", "build", "ceiling"))]
    if not rows:
        return []
    lines = [
        "## Embedding throughput against the sentence-transformers ceiling",
        "",
        "| corpus | texts | ours chunks/s | plain `SentenceTransformer.encode` chunks/s | ours ÷ ceiling |",
        "|---|--:|--:|--:|--:|",
    ]
    for size, c in rows:
        lines.append(
            f"| {size_label(size)} | {c['texts']} | {_num(c['ours_chunks_per_s'])} "
            f"| {_num(c['ceiling_chunks_per_s'])} | {c['share_of_ceiling']:.2f} |"
        )
    return lines + [
        "",
        "The same random sample of the real corpus's chunks, embedded twice by each side in one process, "
        "alternating; the better of the two runs counts. Ours is the project's embedder as the build "
        "calls it (texts sorted by length, 64 per call); the ceiling is `encode` with its defaults.",
        "",
    ]


def answer_table(results: dict) -> list[str]:
    lines = [
        "## Answers end to end (`Assistant.ask`, extractive, warm; ms)",
        "",
        "| corpus | guide p50 | guide p95 | listing p50 | listing p95 | follow-up p50 | follow-up p95 "
        "| `Assistant()` s | first guide answer s | first listing answer s | cold CLI `ask` s (guide / listing) "
        "| serving peak RSS MiB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for size, system, run in _rows(results):
        q = run.get("query") or {}
        a = q.get("ask")
        if not a or system == "baseline":
            continue
        cold = q.get("cold_cli")
        cold_text = f"{_num(cold['guide'], 1)} / {_num(cold['listing'], 1)}" if cold else "–"
        serving = _num(q.get("peak_rss_mb"), 0)
        if q.get("server_peak_rss_mb") is not None:
            serving += f" + {_num(q['server_peak_rss_mb'], 0)} server"
        label = size_label(size) + (" (server)" if system == "server" else "")
        lines.append(
            f"| {label} | {_num(_get(a, 'guide', 'p50_ms'))} | {_num(_get(a, 'guide', 'p95_ms'))} "
            f"| {_num(_get(a, 'listing', 'p50_ms'))} | {_num(_get(a, 'listing', 'p95_ms'))} "
            f"| {_num(_get(a, 'follow-up', 'p50_ms'))} | {_num(_get(a, 'follow-up', 'p95_ms'))} "
            f"| {_num(a.get('open_s'), 2)} | {_num(a.get('first_guide_answer_s'), 2)} "
            f"| {_num(a.get('first_listing_answer_s'), 2)} | {cold_text} | {serving} |"
        )
    return lines + [
        "",
        "Every labelled question asked 3 times through `Assistant.ask` after one answer of each kind; "
        "follow-ups are the second turn of four two-turn conversations (bench/ours.py FOLLOW_UPS), 3 "
        "times each. `Assistant()` opens the index (chunks only; the model, vectors, BM25 and filter "
        "columns load with the first question that needs them, which the first-answer columns include). "
        "Cold CLI: `career-assistant ask` in a new process, the better of two runs after one that "
        "warms the page cache. Serving peak RSS is the query process's.",
        "",
        *serve_start_lines(results),
    ]


def serve_start_lines(results: dict) -> list[str]:
    """`serve` on a fresh home (bench/ours.py serve_start), where it was measured."""
    rows = [(size, s) for size, run in results["sizes"].items() if (s := _get(run, "ours", "query", "serve_start"))]
    if not rows:
        return []
    return [
        "`career-assistant serve --feeds` on a fresh home (no snapshot, no index), seconds from the start:",
        "",
        "| corpus | URL printed | first guide answer | first listing answer (listings indexed) |",
        "|---|--:|--:|--:|",
        *(
            f"| {size_label(size)} | {_num(s['serving_s'], 1)} | {_num(s['first_guide_answer_s'], 1)} "
            f"| {_num(s['first_listing_answer_s'], 1)} |"
            for size, s in rows
        ),
        "",
        "The guides are indexed before the page serves; the listings are indexed behind it (the snapshot is "
        "written from the captured feeds first). Questions are asked through the page's API, once a second.",
        "",
    ]


def latency_table(results: dict) -> list[str]:
    lines = [
        "## Query latency (ms, warm; every query run 3 times, k=10)",
        "",
        "| corpus | system | guide p50 | guide p95 | listing p50 | listing p95 | open index s | peak RSS MiB |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for size, system, run in _rows(results):
        q = run.get("query") or {}
        lat = q.get("latency", {})
        lines.append(
            f"| {size_label(size)} | {system} "
            f"| {_num(_get(lat, 'guide', 'p50_ms'))} | {_num(_get(lat, 'guide', 'p95_ms'))} "
            f"| {_num(_get(lat, 'listing', 'p50_ms'))} | {_num(_get(lat, 'listing', 'p95_ms'))} "
            f"| {_num(q.get('load_s'), 2)} | {_num(q.get('peak_rss_mb'), 0)} |"
        )
    return lines + [
        "",
        "Ours is timed through `assistant.search.search` (question understanding, filters, hybrid "
        "retrieval); the baseline through `index.as_retriever(similarity_top_k=10).retrieve`.",
        "",
    ]


def quality_table(results: dict) -> list[str]:
    lines = [
        "## Retrieval quality on the labelled queries (bench/queries.jsonl)",
        "",
        "| corpus | system | kind | n | hit@5 | MRR@5 | hit@10 | MRR@10 |",
        "|---|---|---|--:|--:|--:|--:|--:|",
    ]
    for size, system, run in _rows(results):
        quality = _get(run, "query", "quality") or {}
        kinds = [(kind, quality.get(kind)) for kind in ("all", "guide", "listing")]
        kinds.append(("listing, by criteria", _get(run, "query", "quality_criteria", "listing")))
        for kind, s in kinds:
            if s:
                lines.append(
                    f"| {size_label(size)} | {system} | {kind} | {s['n']} | {s['hit@5']:.2f} | {s['mrr@5']:.2f} "
                    f"| {s['hit@10']:.2f} | {s['mrr@10']:.2f} |"
                )
    lenient = [
        (size, _get(run, "baseline", "query", "quality_lenient", "guide")) for size, run in results["sizes"].items()
    ]
    lenient = [(size, s) for size, s in lenient if s]
    if lenient:
        lines += [
            "",
            "Baseline guide queries scored leniently (a node counts for every section it overlaps, not only "
            "the one it overlaps most): "
            + "; ".join(f"{size_label(size)}: hit@5 {s['hit@5']:.2f}, MRR@5 {s['mrr@5']:.2f}" for size, s in lenient)
            + ".",
        ]
    return lines + [
        "",
        "Labels name real listings only. In the synthetic corpora, perturbed copies (other company, "
        "location, title words) compete with them and some copies are legitimately relevant, so listing "
        'scores there are a lower bound; guide scores are unaffected by that. "By criteria" counts a hit for '
        "any listing meeting the query's stated criteria (bench/criteria.py): on the real corpus those are "
        "exactly the labelled listings, in a synthetic one also the copies that meet them.",
        "",
    ]


def ratio_table(results: dict) -> list[str]:
    lines = [
        "## Ours relative to the baseline (ours ÷ baseline, same run)",
        "",
        "| corpus | full build | incremental rebuild | guide p50 | listing p50 | index size | build peak RSS "
        "| query peak RSS | hit@5 (all) | MRR@5 (all) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    figures = [
        ("build", "full_s"),
        ("build", "incremental_s"),
        ("query", "latency", "guide", "p50_ms"),
        ("query", "latency", "listing", "p50_ms"),
        ("build", "index_bytes"),
        ("build", "peak_rss_mb"),
        ("query", "peak_rss_mb"),
        ("query", "quality", "all", "hit@5"),
        ("query", "quality", "all", "mrr@5"),
    ]
    for size, run in results["sizes"].items():
        if "ours" not in run or "baseline" not in run:
            continue
        cells = []
        for path in figures:
            a, b = _get(run["ours"], *path), _get(run["baseline"], *path)
            cells.append(f"{a / b:.2f}×" if a is not None and b else "–")
        lines.append(f"| {size_label(size)} | " + " | ".join(cells) + " |")
    return lines + [""]


def misses(results: dict) -> list[str]:
    lines = ["## Labelled queries ours does not answer in the top 5", ""]
    for size, run in results["sizes"].items():
        per_query = _get(run, "ours", "query", "per_query") or []
        missed = [q for q in per_query if not q["rank"] or q["rank"] > 5]
        baseline = {q["id"]: q for q in (_get(run, "baseline", "query", "per_query") or [])}
        lines.append(f"### {size_label(size)}: {len(missed)} of {len(per_query)}")
        lines.append("")
        for q in missed:
            other = baseline.get(q["id"])
            theirs = f"; baseline rank {other['rank'] or '>10'}" if other else ""
            got = ", ".join(ids[0] for ids in q["ranking"][:3]) or "nothing"
            lines.append(f"- `{q['id']}` (rank {q['rank'] or '>10'}{theirs}): filters {q.get('filters')}; top 3: {got}")
        lines.append("")
        baseline_missed = [q["id"] for q in baseline.values() if not q["rank"] or q["rank"] > 5]
        if baseline:
            lines += [
                f"Baseline misses at {size_label(size)} ({len(baseline_missed)}): "
                + ", ".join(f"`{i}`" for i in baseline_missed),
                "",
            ]
    return lines


def machine_load(results: dict) -> list[str]:
    """Other work on the machine slows both systems; the 1-minute load average around each step shows how much."""
    cells = []
    for size, run in results["sizes"].items():
        for what in ("corpus", *SYSTEMS):
            phases = {"prepare": run[what]} if what == "corpus" and what in run else run.get(what, {})
            for phase, data in phases.items():
                load = (data or {}).get("load_average")
                if load:
                    cells.append(f"{size_label(size)}/{what}/{phase} {load['start']:.1f}→{load['end']:.1f}")
    if not cells:
        return []
    return [
        "## Machine load",
        "",
        f"1-minute load average at the start → end of each step ({results['meta']['cpu_count']} "
        "cores; above that, other processes shared the CPU): " + "; ".join(cells) + ".",
        "",
    ]


# --- figure --------------------------------------------------------------------------------------------------


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(13, 9.5))
    for ax, kind in zip(axes[0], ("guide", "listing")):
        _latency_panel(ax, results, kind)
    _quality_panel(axes[1][0], results)
    _build_panel(axes[1][1], results)
    fig.suptitle(
        f"Index benchmark: ours vs llama-index defaults ({results['meta']['cpu_count']} CPU cores, "
        f"{results['meta']['date'][:10]}; synthetic corpora use derived vectors)",
        fontsize=12,
    )
    with warnings.catch_warnings():  # an empty panel (a partial run) cannot be laid out tightly: that is fine
        warnings.simplefilter("ignore", UserWarning)
        fig.tight_layout(rect=(0, 0, 1, 0.96))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _listings(results: dict, size: str) -> int | None:
    return _get(results, "sizes", size, "corpus", "listings")


def _latency_panel(ax, results: dict, kind: str) -> None:
    from matplotlib.ticker import FuncFormatter, NullFormatter

    xs = set()
    for system in SYSTEMS:
        for stat, style in (("p50_ms", "-o"), ("p95_ms", "--s")):
            points = [
                (_listings(results, size), _get(run, system, "query", "latency", kind, stat))
                for size, run in results["sizes"].items()
            ]
            points = [(x, y) for x, y in points if x and y]
            if points:
                ax.plot(*zip(*points), style, color=COLORS[system], label=f"{system} {stat[:3]}")
                xs.update(x for x, _ in points)
    if xs:
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(sorted(xs))
        ax.set_xticklabels([f"{x:,}" for x in sorted(xs)])
        ax.xaxis.set_minor_formatter(NullFormatter())
        plain = FuncFormatter(lambda y, _: f"{y:,.0f}")
        ax.yaxis.set_major_formatter(plain)
        ax.yaxis.set_minor_formatter(plain)
        ax.tick_params(axis="y", which="minor", labelsize=7)
        ax.legend(fontsize=8)
    ax.set_xlabel("listings in the corpus")
    ax.set_ylabel("latency per query (ms, log)")
    ax.set_title(f"Query latency, {kind} questions (warm, k=10)")
    ax.grid(True, which="both", alpha=0.3)


def _grouped_bars(
    ax,
    groups: list[str],
    series: dict[str, list],
    colors: dict[str, str],
    hatches: dict[str, str],
    notes: dict[str, list] | None = None,
):
    notes = notes or {}
    width = 0.8 / max(1, len(series))
    for n, (name, values) in enumerate(series.items()):
        xs = [i + (n - (len(series) - 1) / 2) * width for i in range(len(groups))]
        heights = [v if v is not None else float("nan") for v in values]
        bars = ax.bar(xs, heights, width, label=name, color=colors[name], hatch=hatches[name], edgecolor="white")
        for bar, value, note in zip(bars, values, notes.get(name, [None] * len(values))):
            if note and value:
                ax.annotate(note, (bar.get_x() + bar.get_width() / 2, value), ha="center", va="bottom", fontsize=7)
            if value is None:
                ax.annotate(
                    "n/a",
                    (bar.get_x() + bar.get_width() / 2, 0.01),
                    xycoords=("data", "axes fraction"),
                    ha="center",
                    va="bottom",
                    fontsize=7,
                )
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(groups)


def _quality_panel(ax, results: dict) -> None:
    sizes = list(results["sizes"])
    series, colors, hatches = {}, {}, {}
    for system in SYSTEMS:
        for metric, hatch in (("hit@5", ""), ("mrr@5", "//")):
            name = f"{system} {metric}"
            series[name] = [_get(results, "sizes", s, system, "query", "quality", "all", metric) for s in sizes]
            colors[name], hatches[name] = COLORS[system], hatch
    _grouped_bars(ax, [size_label(s) for s in sizes], series, colors, hatches)
    ax.set_ylim(0, 1.2)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_ylabel("score (all labelled queries)")
    count = _get(results, "queries", "count")
    ax.set_title(f"Retrieval quality: hit rate@5 and MRR@5 ({count} labelled queries)")
    ax.legend(fontsize=8, loc="upper center", ncol=4)
    ax.grid(True, axis="y", alpha=0.3)


def _build_panel(ax, results: dict) -> None:
    sizes = list(results["sizes"])
    series, colors, hatches, notes = {}, {}, {}, {}
    for system in SYSTEMS:
        for metric, hatch in (("full_s", ""), ("incremental_s", "//"), ("unchanged_s", "..")):
            name = f"{system} {metric.removesuffix('_s')}"
            series[name] = [_get(results, "sizes", s, system, "build", metric) for s in sizes]
            colors[name], hatches[name] = COLORS[system], hatch
            if metric == "incremental_s":
                notes[name] = [
                    "proj." if _get(results, "sizes", s, system, "build", "incremental_projected") else None
                    for s in sizes
                ]
    groups = [f"{size_label(s)}\n({'real model' if s == REAL else 'derived vectors'})" for s in sizes]
    _grouped_bars(ax, groups, series, colors, hatches, notes)
    if any(v for values in series.values() for v in values):
        ax.set_yscale("log")
    ax.set_ylabel("seconds (log)")
    ax.set_title("Build time: full, incremental (1% changed), unchanged")
    ax.legend(fontsize=8, ncol=2)
    ax.grid(True, axis="y", which="both", alpha=0.3)
