"""`make reliability`: measure what issue 11 promises and write docs/reliability.md from the measurements.

1. Fuzzing: tests/test_fuzz.py with --examples inputs per parser; the inputs tried come from its own counts.
2. Kills: `refresh` and `index build` are SIGKILLed at random moments; after each kill the snapshot in
   service must load whole with nothing lost, and the index in service must pass its health checks and answer.
3. Corruptions: each corruption in tests/test_index_health.py is applied to a real small index; `ask` must
   refuse in one line, and after `index build` answer again.
4. Soak: a real `career-assistant serve` over every capture in ../shared/feeds, driven by --soak-sessions
   concurrent chat sessions (gradio_client, the page's /chat endpoint) for --soak-minutes; each session asks
   guide questions, follow-ups and listing searches, then starts a fresh session; errors are counted and the
   server's RSS is read every minute.

Fuzzing is quoted from `make fuzz`'s report (bench/results/fuzz.json, bench/fuzz.py) when that report fuzzed
exactly the code on disk with at least --examples inputs per parser; otherwise this script fuzzes itself.

Every figure in the document is one this script measured in this run; nothing is typed in by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faults import corruptions, kill_build, kill_refresh  # noqa: E402 (bench/ is on the path as a script's folder)
from soak import ANSWER_TIMEOUT_S, plot_soak, soak  # noqa: E402


def fuzz(examples: int, report: Path | None) -> dict:
    """`make fuzz`'s report when it is fresh for the code on disk, else a run of our own (same settings)."""
    import fuzz as fuzzing  # bench/fuzz.py

    if examples <= 0:  # a quick try of the other parts
        return {
            "examples": 0,
            "passed": False,
            "summary": "not run",
            "tried": {},
            "tests": {},
            "seconds": 0,
            "command": "none",
        }
    quoted = fuzzing.fresh(report, examples) if report else None
    if quoted:
        return {**quoted, "quoted_from": str(report.relative_to(ROOT) if report.is_relative_to(ROOT) else report)}
    return {**fuzzing.run(examples), "command": "make reliability"}


def _commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
    )
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def _fuzz_lines(fuzzing: dict) -> list[str]:
    if fuzzing.get("quoted_from"):
        source = (
            f"From `make fuzz` (bench/fuzz.py), run on {fuzzing['date']} at commit {fuzzing['commit']}, "
            f"quoted from {fuzzing['quoted_from']}: its digest of the files it fuzzed (the modules it imported, the "
            "package's data files, the fuzz tests and pyproject.toml) "
            "matches the code this run measured, so the fuzzing was of this code."
        )
    elif fuzzing.get("command") == "none":
        source = "Not run (`--examples 0`)."
    else:
        source = "Run by this command (no fresh `make fuzz` report for this code)."
    failed = [(name, test) for name, test in fuzzing.get("tests", {}).items() if test["outcome"] != "passed"]
    return [
        "## Fuzzing (tests/test_fuzz.py)",
        "",
        source,
        "",
        f"{fuzzing['examples']:,} examples asked per parser (hostile text with runs of one piece up to "
        f"{fuzzing.get('longest_run', 0):,} long, {fuzzing.get('deadline_s', '?')} s of CPU allowed per input); "
        f"{fuzzing['seconds']:,} s in all; result: "
        f"{'no unhandled exception and no input over the deadline' if fuzzing['passed'] else 'FAILED'} "
        f"(`{fuzzing['summary']}`).",
        "",
        "| parser | inputs tried |",
        "|---|---:|",
        *(f"| {parser} | {count:,} |" for parser, count in fuzzing["tried"].items()),
        *([""] + [f"- failed: `{name}`: {test.get('message', '')}" for name, test in failed] if failed else []),
        "",
    ]


def _soak_lines(soaked: dict, plotted: bool) -> list[str]:
    if not soaked.get("minutes"):
        return ["## Soak", "", "Not run (`--soak-minutes 0`).", ""]
    verdict = "within" if soaked["rss_within_10pct"] else "NOT within"
    return [
        f"## Soak: {soaked['sessions_at_once']} concurrent chat sessions for {soaked['minutes']} minutes",
        "",
        f"A real `career-assistant serve` over every capture in ../shared/feeds ({soaked['listings']} listings), "
        f"driven through the page's `/chat` endpoint by {soaked['sessions_at_once']} threads, each a gradio_client "
        "session asking guide questions, follow-ups and listing searches and then starting a fresh session "
        "(bench/soak.py, `SOAK_SCRIPTS`). An error is an exception in the client (time-out after "
        f"{ANSWER_TIMEOUT_S} s included), a reply with no answer or the page's error bubble, a traceback in the "
        "server's log, a session thread that did not finish, or a server that died.",
        "",
        f"- **{soaked['sessions']:,} sessions, {soaked['answers']:,} questions answered, {soaked['errors']} errors** "
        f"({soaked['answers_per_s']} answers/s; an answer took {soaked['p50_s']} s at p50, {soaked['p95_s']} s at "
        f"p95, under the load below).",
        f"- **RSS after the first minute {soaked['rss_first_mb']:,} MB, after the last {soaked['rss_last_mb']:,} MB: "
        f"{soaked['rss_change_pct']:+.1f} %, {verdict} 10 %** (idle after one warm-up answer: "
        f"{soaked['idle_rss_mb']:,} MB).",
        *(f"- error: {what} ×{count}" for what, count in soaked["error_kinds"].items()),
        *([f"- server tracebacks: {soaked['server_tracebacks']}"] if soaked["server_tracebacks"] else []),
        "",
        "| minute | RSS (MB) | answers so far | errors so far | sessions started |",
        "|---:|---:|---:|---:|---:|",
        *(
            f"| {s['minute']} | {s['rss_mb']:,} | {s['answers']:,} | {s['errors']} | {s['sessions']:,} |"
            for s in soaked["rss"]
        ),
        "",
        *(["![serve RSS over the soak](reliability-soak.png)", ""] if plotted else []),
    ]


def markdown(results: dict, plotted: bool = False) -> str:
    fuzzing, refresh, build, corrupt = (results[k] for k in ("fuzz", "kill_refresh", "kill_build", "corruptions"))
    lines = [
        "# Reliability, measured",
        "",
        f"Generated by `make reliability` (bench/reliability.py) on {results['date']} at commit {results['commit']}.",
        "Every figure below was measured by that run, except the fuzzing when it says it is quoted from `make fuzz`; "
        "re-run the command to refresh them.",
        f"Machine: {results.get('cores', '?')} cores, 1-minute load average {results.get('load_before', '?')} at the "
        f"start and {results.get('load_after', '?')} at the end (times below are under that load).",
        "",
        *_fuzz_lines(fuzzing),
        "## SIGKILL during refresh and index build",
        "",
        f"- `refresh` over {refresh.get('listings', 0)} listings ({refresh.get('refresh_seconds', '?')} s a run), "
        f"killed at random moments: **{refresh['survived']} of {refresh['kills']} kills survived** (the snapshot "
        "in service loaded whole and held every listing it held before).",
        f"- `index build`, killed at random moments while it had new listings to embed: "
        f"**{build['survived']} of {build['kills']} kills survived** (the index in service passed its health "
        f"checks and answered); a build after the last kill {'succeeded' if build['final_build_ok'] else 'FAILED'}.",
        *(f"- problem: {problem}" for problem in refresh["problems"] + build["problems"]),
        "",
        "## Index corruptions",
        "",
        f"**{sum(r['healed'] for r in corrupt.values())} of {len(corrupt)} corruptions healed** by `index build`.",
        "",
        "| corruption | `ask` before the build | healed by `index build` |",
        "|---|---|---|",
        *(
            f"| {name} | {r['refused']} | {'yes' if r['healed'] else 'no: ' + str(r['problem'])} |"
            for name, r in corrupt.items()
        ),
        "",
        *_soak_lines(results.get("soak", {}), plotted),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000, help="fuzzed inputs per parser")
    parser.add_argument("--refresh-kills", type=int, default=10)
    parser.add_argument("--build-kills", type=int, default=4)
    parser.add_argument(
        "--fuzz-report",
        type=Path,
        default=ROOT / "bench" / "results" / "fuzz.json",
        help="`make fuzz`'s report, quoted when it fuzzed this very code ('' to always fuzz)",
    )
    parser.add_argument("--soak-minutes", type=int, default=10)
    parser.add_argument("--soak-sessions", type=int, default=20, help="chat sessions at once")
    parser.add_argument(
        "--soak-home",
        type=Path,
        default=None,
        help="a home to serve in the soak, prepared (or brought up to date) from ../shared/feeds; "
        "default: a new one in a temp folder",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["kills", "corruptions"],
        help="leave a part out (for trying the others); the document then says so",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reliability.md")
    args = parser.parse_args()
    rng = random.Random(11)
    results = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "cores": os.cpu_count(),
        "load_before": round(os.getloadavg()[0], 1),
    }
    with tempfile.TemporaryDirectory(prefix="reliability-") as scratch:
        work = Path(scratch)
        print("fuzzing...", flush=True)
        results["fuzz"] = fuzz(args.examples, args.fuzz_report if str(args.fuzz_report) else None)
        skipped = {"kills": 0, "survived": 0, "problems": ["not run (--skip kills)"], "final_build_ok": False}
        print("killing refresh...", flush=True)
        results["kill_refresh"] = skipped if "kills" in args.skip else kill_refresh(work, args.refresh_kills, rng)
        print("killing index build...", flush=True)
        results["kill_build"] = skipped if "kills" in args.skip else kill_build(work, args.build_kills, rng)
        print("corrupting the index...", flush=True)
        results["corruptions"] = {} if "corruptions" in args.skip else corruptions(work)
        print(f"soaking: {args.soak_sessions} sessions for {args.soak_minutes} minutes...", flush=True)
        results["soak"] = soak(work, args.soak_minutes, args.soak_sessions, args.soak_home)
    results["load_after"] = round(os.getloadavg()[0], 1)
    args.out.with_suffix(".json").write_text(
        json.dumps(results, indent=2), encoding="utf-8"
    )  # first: kept if below fails
    plotted = bool(results["soak"].get("minutes")) and plot_soak(
        results["soak"], args.out.with_name(args.out.stem + "-soak.png")
    )
    args.out.write_text(markdown(results, plotted), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
