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
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
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
    return subprocess.Popen(command, env=_env(home), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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
    return {
        "kills": kills,
        "survived": survived,
        "problems": problems,
        "listings": len(before),
        "refresh_seconds": round(full, 1),
    }


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
    return {
        "kills": kills,
        "survived": survived,
        "problems": problems,
        "final_build_ok": final == 0 and _sound(home) is None,
    }


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


# --- soak: many chat sessions against a real server ---------------------------------------------------------

# Each session is one of these conversations: a guide question, follow-ups read against it, a listing search and
# follow-ups that narrow it or point at a listing shown. Sessions start on different scripts and rotate.
SOAK_SCRIPTS = [
    (
        "What do senior ML engineers earn remotely in Germany?",
        "and in the UK?",
        "Find machine learning engineer jobs in Europe",
        "only the senior ones",
        "which of those state a salary?",
    ),
    (
        "What are the stages of the hiring process?",
        "how long does it usually take?",
        "Find senior MLOps roles that disclose salary",
        "any in Canada instead?",
        "tell me more about the second one",
    ),
    (
        "What red flags should I watch for in a senior ML engineer job ad?",
        "and the green flags?",
        "Find ML engineer jobs paying over $150k",
        "what does the first one pay?",
    ),
    (
        "UK vs Germany pay for senior ML engineers",
        "Find remote computer vision jobs",
        "only the remote ones",
        "What skills should a senior ML engineer have?",
    ),
]
CONTROLS = ("any", "any", "any", None, "any time", "any")  # region, work mode, seniority, salary, posted, source
ANSWER_TIMEOUT_S = 120  # an answer slower than this counts as an error (a hang), and the session starts anew
# Each HTTP request of the client (joining the queue, reading the stream) may wait this long; gradio_client's
# default of 5 s is shorter than a loaded 2-core machine takes to accept a request now and then.
HTTP_TIMEOUT_S = 60


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of the process and its children, from /proc."""

    def rss(p: int) -> int:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += rss(p)
        except OSError:
            continue
        todo += children.get(p, [])
    return round(total / 1024, 1)


def _soak_home(home: Path | None, work: Path) -> tuple[Path, float]:
    """A home with a snapshot and an index of every capture in FEEDS (`prepare`; incremental when reused)."""
    home = home or work / "soak-home"
    home.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if _cli(home, "prepare", "--feeds", str(FEEDS)).wait() != 0:
        raise RuntimeError(f"prepare failed in {home}")
    return home, round(time.perf_counter() - started, 1)


def _start_serve(home: Path, log: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import app; app()", "serve", "--port", str(port)],
        env=_env(home),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w", encoding="utf-8"),
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}: {log.read_text()[-2000:]}")
        if "is serving at" in log.read_text(encoding="utf-8", errors="replace"):
            return process, f"http://127.0.0.1:{port}/"
        time.sleep(0.5)
    process.kill()
    raise RuntimeError("serve did not start in 10 minutes")


def _bubble_text(message: dict) -> str:
    content = message.get("content")
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


class SoakTally:
    """What every session thread reports, by minute of the soak."""

    def __init__(self, started: float) -> None:
        import threading

        self.started, self.lock = started, threading.Lock()
        self.answers: list[tuple[float, float]] = []  # (seconds into the soak, seconds the answer took)
        self.errors: list[tuple[float, str]] = []
        self.sessions = 0

    def answered(self, took: float) -> None:
        with self.lock:
            self.answers.append((time.monotonic() - self.started, took))

    def failed(self, what: str) -> None:
        with self.lock:
            self.errors.append((time.monotonic() - self.started, what[:200]))

    def session(self) -> None:
        with self.lock:
            self.sessions += 1


def _answer_problem(history_before: list, result) -> str | None:
    """None for a whole answer; else why the reply is an error (the page's own error bubble, no answer, a
    stream that never finished)."""
    if not isinstance(result, (list, tuple)) or not result or not isinstance(result[0], list):
        return f"unexpected reply: {str(result)[:100]}"
    history = result[0]
    if len(history) != len(history_before) + 2 or history[-1].get("role") != "assistant":
        return "no answer added to the chat (the question was refused)"
    text = _bubble_text(history[-1])
    if text.startswith("⚠"):
        return f"error answer: {text[:120]}"
    if not text.strip() or text == "…":
        return "empty or unfinished answer"
    return None


def _soak_sessions(url: str, index: int, stop_at: float, tally: SoakTally) -> None:
    """One browser tab's worth of use, over and over: a fresh session for each script."""
    from gradio_client import Client

    try:
        client = Client(url, verbose=False, httpx_kwargs={"timeout": HTTP_TIMEOUT_S})
    except Exception as error:
        tally.failed(f"connect: {type(error).__name__}: {error}")
        return
    turn = 0
    try:
        while time.monotonic() < stop_at:
            if turn:
                client.reset_session()  # a new visitor: the server sees a new session hash
            tally.session()
            history: list = []
            for question in SOAK_SCRIPTS[(index + turn) % len(SOAK_SCRIPTS)]:
                if time.monotonic() >= stop_at:
                    break
                started = time.perf_counter()
                try:
                    result = client.submit(question, history, *CONTROLS, api_name="/chat").result(
                        timeout=ANSWER_TIMEOUT_S
                    )
                except Exception as error:  # a timeout, an app error, a dropped connection
                    tally.failed(f"{type(error).__name__}: {str(error)[:150]} ({question!r})")
                    break
                problem = _answer_problem(history, result)
                if problem:
                    tally.failed(f"{problem} ({question!r})")
                    break
                tally.answered(time.perf_counter() - started)
                history = result[0]
            turn += 1
    finally:
        client.close()


def soak(work: Path, minutes: float, sessions: int, home: Path | None = None) -> dict:
    import threading

    if minutes <= 0:
        return {"minutes": 0}
    home, prepare_s = _soak_home(home, work)
    log = work / "soak-serve.log"
    process, url = _start_serve(home, log)
    try:
        from gradio_client import Client

        warm = Client(url, verbose=False, httpx_kwargs={"timeout": 600})  # the first answer loads the models
        warm.submit(SOAK_SCRIPTS[0][0], [], *CONTROLS, api_name="/chat").result(timeout=900)
        warm.close()
        idle_mb = _tree_rss_mb(process.pid)
        started = time.monotonic()
        stop_at = started + minutes * 60
        tally = SoakTally(started)
        threads = [
            threading.Thread(target=_soak_sessions, args=(url, n, stop_at, tally), daemon=True) for n in range(sessions)
        ]
        for thread in threads:
            thread.start()
        samples, minute = [], 1
        while minute <= round(minutes):  # RSS at the end of each minute
            time.sleep(max(0.0, started + minute * 60 - time.monotonic()))
            with tally.lock:
                answered = sum(1 for at, _ in tally.answers if at <= minute * 60)
                failed = sum(1 for at, _ in tally.errors if at <= minute * 60)
            samples.append(
                {
                    "minute": minute,
                    "rss_mb": _tree_rss_mb(process.pid),
                    "answers": answered,
                    "errors": failed,
                    "sessions": tally.sessions,
                }
            )
            print(f"  soak minute {minute}: {json.dumps(samples[-1])}", flush=True)
            minute += 1
        for thread in threads:
            thread.join(ANSWER_TIMEOUT_S + 30)
        alive = sum(thread.is_alive() for thread in threads)
        server_alive = process.poll() is None
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    tracebacks = log.read_text(encoding="utf-8", errors="replace").count("Traceback (most recent call last)")
    latencies = sorted(took for _, took in tally.answers)
    first, last = samples[0]["rss_mb"], samples[-1]["rss_mb"]
    errors = [what for _, what in tally.errors]
    kinds: dict[str, int] = {}
    for what in errors:
        kinds[what] = kinds.get(what, 0) + 1
    return {
        "minutes": minutes,
        "sessions_at_once": sessions,
        "sessions": tally.sessions,
        "answers": len(latencies),
        "errors": len(errors) + tracebacks + alive + (not server_alive),
        "error_kinds": dict(sorted(kinds.items(), key=lambda kv: -kv[1])[:10]),
        "server_tracebacks": tracebacks,
        "threads_stuck": alive,
        "server_alive": server_alive,
        "answers_per_s": round(len(latencies) / (minutes * 60), 2),
        "p50_s": round(latencies[len(latencies) // 2], 2) if latencies else None,
        "p95_s": round(latencies[int(len(latencies) * 0.95)], 2) if latencies else None,
        "idle_rss_mb": idle_mb,
        "rss": samples,
        "rss_first_mb": first,
        "rss_last_mb": last,
        "rss_change_pct": round(100 * (last - first) / first, 1),
        "rss_within_10pct": abs(last - first) <= 0.10 * first,
        "listings": _listing_count(home),
        "prepare_s": prepare_s,
    }


def _listing_count(home: Path) -> int:
    return len(_snapshot_ids(home) or ())


def plot_soak(soak_results: dict, path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    minutes = [0] + [s["minute"] for s in soak_results["rss"]]
    rss = [soak_results["idle_rss_mb"]] + [s["rss_mb"] for s in soak_results["rss"]]
    answers = [0] + [s["answers"] for s in soak_results["rss"]]
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.plot(minutes, rss, marker="o", label="serve RSS (MB)")
    first = soak_results["rss_first_mb"]
    ax.axhspan(first * 0.9, first * 1.1, color="tab:green", alpha=0.12, label="±10 % of minute 1")
    ax.set_xlabel("minutes of the soak")
    ax.set_ylabel("MB resident")
    ax.set_ylim(0, max(rss) * 1.25)
    other = ax.twinx()
    other.plot(minutes, answers, color="tab:gray", linestyle="--", label="answers so far")
    other.set_ylabel("answers so far")
    lines = ax.get_legend_handles_labels()[0] + other.get_legend_handles_labels()[0]
    ax.legend(lines, [line.get_label() for line in lines], loc="lower right", fontsize=8)
    ax.set_title(
        f"{soak_results['sessions_at_once']} concurrent chat sessions against `career-assistant serve`", fontsize=9
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


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
            f"quoted from {fuzzing['quoted_from']}: its digest of assistant/, tests/ and pyproject.toml "
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
        "(bench/reliability.py, `SOAK_SCRIPTS`). An error is an exception in the client (time-out after "
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
