"""`make reliability`, part 4: a real `career-assistant serve` driven by concurrent chat sessions, its errors
counted and its RSS read every minute (bench/reliability.py runs it)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import FEEDS, PROJECT_ROOT, cli, cli_env
from faults import snapshot_ids

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
    if cli(home, "prepare", "--feeds", str(FEEDS)).wait() != 0:
        raise RuntimeError(f"prepare failed in {home}")
    return home, round(time.perf_counter() - started, 1)


def _start_serve(home: Path, log: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import app; app()", "serve", "--port", str(port)],
        env=cli_env(home),
        cwd=PROJECT_ROOT,
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
    return len(snapshot_ids(home) or ())


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
