"""`make reliability`: measure what issue 11 promises and write docs/reliability.md from the measurements.

1. Fuzzing: tests/test_fuzz.py with --examples inputs per parser; the inputs tried come from its own counts.
2. Kills: `refresh` and `index build` are SIGKILLed at random moments; after each kill the snapshot in
   service must load whole with nothing lost, and the index in service must pass its health checks and answer.
3. Corruptions: each corruption in tests/test_index_health.py is applied to a real small index; `ask` must
   refuse in one line, and after `index build` answer again.

Every figure in the document is one this script measured in this run; nothing is typed in by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FEEDS = ROOT.parent / "shared" / "feeds"
# A few real captures of every kind: a refresh over them takes long enough to be killed in the middle.
KILL_FEEDS = {
    "remoteok": ["api_2026-03-16.json"],
    "remotive": ["remote-jobs_2026-07-18.json"],
    "greenhouse": ["gitlab_content_2026-08-11_trimmed.json", "reddit_list_2026-08-20.json"],
    "weworkremotely": ["remote-jobs_2026-07-10.rss"],
}
QUESTION = "What does a remote senior ML engineer earn?"


def _env(home: Path) -> dict:
    return {**os.environ, "CAREER_ASSISTANT_HOME": str(home), "PYTHONPATH": str(ROOT)}


def _cli(home: Path, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from assistant.cli import app; app()", *args]  # assistant.cli has no __main__
    return subprocess.Popen(command, env=_env(home), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fuzz(examples: int) -> dict:
    if examples <= 0:  # a quick try of the other parts
        return {"examples": 0, "passed": False, "summary": "not run", "tried": {}, "seconds": 0}
    report = Path(tempfile.mkstemp(suffix=".json")[1])
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FUZZ_EXAMPLES": str(examples), "FUZZ_REPORT": str(report)}
    done = subprocess.run([sys.executable, "-m", "pytest", "tests/test_fuzz.py", "-q", "-p", "no:cacheprovider"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    counts = json.loads(report.read_text())["tried"] if report.stat().st_size else {}
    report.unlink(missing_ok=True)
    summary = (done.stdout.strip().splitlines() or [""])[-1]
    return {"examples": examples, "passed": done.returncode == 0, "summary": summary, "tried": counts,
            "seconds": round(time.perf_counter() - started, 1)}


def _copy_feeds(directory: Path) -> Path:
    for source, names in KILL_FEEDS.items():
        (directory / source).mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(FEEDS / source / name, directory / source / name)
    return directory


def _snapshot_ids(home: Path) -> set[str] | None:
    """The ids of the snapshot in service, or None when it does not load whole."""
    from assistant.corpus.listings import snapshots
    from assistant.settings import Settings

    os.environ["CAREER_ASSISTANT_HOME"] = str(home)
    try:
        return {listing.id for listing in snapshots.load_current(Settings().listings_dir)}
    except Exception:
        return None


def kill_refresh(work: Path, kills: int, rng: random.Random) -> dict:
    home, feeds = work / "refresh-home", _copy_feeds(work / "refresh-feeds")
    started = time.perf_counter()
    if _cli(home, "refresh", "--from-dir", str(feeds)).wait() != 0:
        return {"kills": 0, "survived": 0, "problems": ["the first refresh failed"]}
    full = time.perf_counter() - started
    before = _snapshot_ids(home)
    survived, problems = 0, []
    for n in range(kills):
        process = _cli(home, "refresh", "--from-dir", str(feeds))
        time.sleep(rng.uniform(0.1, 1.0) * full)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = _snapshot_ids(home)
        if after is not None and before <= after:
            survived += 1
        else:
            problems.append(f"kill {n + 1}: snapshot {'unreadable' if after is None else 'lost listings'}")
    return {"kills": kills, "survived": survived, "problems": problems, "listings": len(before),
            "refresh_seconds": round(full, 1)}


def _sound(home: Path) -> str | None:
    """None when the index in service passes its checks and answers; else what is wrong."""
    from assistant.chat import Assistant
    from assistant.index import health
    from assistant.settings import Settings

    os.environ["CAREER_ASSISTANT_HOME"] = str(home)
    health._drop_client_cache()
    try:
        damage = health.damage(Settings())
        if damage:
            return damage
        return None if Assistant(Settings()).ask(QUESTION).citations else "no citations"
    except Exception as error:
        return f"{type(error).__name__}: {str(error)[:120]}"


def _small_home(home: Path) -> Path:
    feeds = home / "feeds" / "remoteok"
    feeds.mkdir(parents=True)
    shutil.copy(FEEDS / "remoteok" / "api_2026-07-10_trimmed.json", feeds)
    for step in (("refresh", "--from-dir", str(home / "feeds")), ("index", "build")):
        if _cli(home, *step).wait() != 0:
            raise RuntimeError(f"{' '.join(step)} failed in {home}")
    return home


def kill_build(work: Path, kills: int, rng: random.Random) -> dict:
    """Each round changes the inputs (another capture added), so `index build` has work when it is killed."""
    home = _small_home(work / "build-home")
    extra = ["api_2026-02-22_trimmed-no-legal.json", "api_2024-12-04.json"]
    survived, problems = 0, []
    for n in range(kills):
        name = extra[n % len(extra)]
        feeds = home / "feeds" / "remoteok"
        for path in feeds.iterdir():
            if path.name in extra:
                path.unlink()
        shutil.copy(FEEDS / "remoteok" / name, feeds / name)
        if _cli(home, "refresh", "--from-dir", str(home / "feeds")).wait() != 0:
            problems.append(f"round {n + 1}: refresh failed")
            continue
        process = _cli(home, "index", "build")
        time.sleep(rng.uniform(3, 25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        problem = _sound(home)
        if problem is None:
            survived += 1
        else:
            problems.append(f"kill {n + 1}: {problem}")
    final = _cli(home, "index", "build").wait()
    return {"kills": kills, "survived": survived, "problems": problems,
            "final_build_ok": final == 0 and _sound(home) is None}


def corruptions(work: Path) -> dict:
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant
    from assistant.index import health
    from assistant.index.build import build_index
    from assistant.settings import Settings
    from tests.test_index_health import CORRUPTIONS

    built = _small_home(work / "corrupt-built")
    results = {}
    for name, corrupt in CORRUPTIONS.items():
        home = work / f"corrupt-{name.replace(' ', '-')}"
        shutil.copytree(built, home)
        os.environ["CAREER_ASSISTANT_HOME"] = str(home)
        corrupt(home)
        health._drop_client_cache()
        try:
            Assistant(Settings())
            refused = "answered without noticing"
        except AnswerError as error:
            refused = "one line" if "\n" not in str(error) else "several lines"
        except Exception as error:
            refused = f"traceback ({type(error).__name__})"
        try:
            build_index(Settings(), say=lambda _: None)
            healed = _sound(home)
        except Exception as error:
            healed = f"index build failed: {type(error).__name__}"
        results[name] = {"refused": refused, "healed": healed is None, "problem": healed}
    return results


def _commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True)
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def markdown(results: dict) -> str:
    fuzzing, refresh, build, corrupt = (results[k] for k in ("fuzz", "kill_refresh", "kill_build", "corruptions"))
    lines = [
        "# Reliability, measured",
        "",
        f"Generated by `make reliability` (bench/reliability.py) on {results['date']} at commit {results['commit']}.",
        "Every figure below was measured by that run; re-run the command to refresh them.",
        f"Machine: {results.get('cores', '?')} cores, 1-minute load average {results.get('load_before', '?')} at the "
        f"start and {results.get('load_after', '?')} at the end (times below are under that load).",
        "",
        "## Fuzzing (tests/test_fuzz.py)",
        "",
        f"{fuzzing['examples']:,} examples asked per parser; {fuzzing['seconds']} s in all; "
        f"result: {'no unhandled exception and no input over the deadline' if fuzzing['passed'] else 'FAILED'} "
        f"(`{fuzzing['summary']}`).",
        "",
        "| parser | inputs tried |",
        "|---|---:|",
        *(f"| {parser} | {count:,} |" for parser, count in fuzzing["tried"].items()),
        "",
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
        *(f"| {name} | {r['refused']} | {'yes' if r['healed'] else 'no: ' + str(r['problem'])} |"
          for name, r in corrupt.items()),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000, help="fuzzed inputs per parser")
    parser.add_argument("--refresh-kills", type=int, default=10)
    parser.add_argument("--build-kills", type=int, default=4)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reliability.md")
    args = parser.parse_args()
    rng = random.Random(11)
    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": _commit(),
               "cores": os.cpu_count(), "load_before": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory(prefix="reliability-") as scratch:
        work = Path(scratch)
        print("fuzzing...", flush=True)
        results["fuzz"] = fuzz(args.examples)
        print("killing refresh...", flush=True)
        results["kill_refresh"] = kill_refresh(work, args.refresh_kills, rng)
        print("killing index build...", flush=True)
        results["kill_build"] = kill_build(work, args.build_kills, rng)
        print("corrupting the index...", flush=True)
        results["corruptions"] = corruptions(work)
    results["load_after"] = round(os.getloadavg()[0], 1)
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=2), encoding="utf-8")  # first: kept if below fails
    args.out.write_text(markdown(results), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
