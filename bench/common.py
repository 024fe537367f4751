"""Small helpers shared by the benchmark's orchestrator and its workers: paths, files, timing, memory, events."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
QUERIES = BENCH_DIR / "queries.jsonl"
REAL = "real"  # the size name of the corpus refreshed from the captured feeds


# --- files ---------------------------------------------------------------------------------------------------


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def load_queries(path: Path = QUERIES) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def save_listings(path: Path, listings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for listing in listings:
            handle.write(listing.model_dump_json() + "\n")


def load_listings(path: Path):
    from assistant.vocab.listing import Listing

    with path.open(encoding="utf-8") as handle:
        return [Listing.model_validate_json(line) for line in handle if line.strip()]


def du_bytes(path: Path) -> int:
    """Disk usage as `du` counts it (allocated blocks), in bytes."""
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) * 1024


# --- measuring -----------------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class ChromaServer:
    """A `chroma run` server on loopback, as a deployment that outgrows the embedded store runs one."""

    url: str = ""
    peak_rss_mb: float | None = None  # the server process's own peak (VmHWM), read just before it stops


@contextmanager
def chroma_server(path: Path):
    """`with chroma_server(data_dir) as server:` sets CAREER_ASSISTANT_CHROMA_URL for this process's Settings."""
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chroma = Path(sys.executable).parent / "chroma"
    command = [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    server = ChromaServer()
    server.url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{server.url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"`chroma run` did not start on port {port}")
            time.sleep(0.3)
        os.environ["CAREER_ASSISTANT_CHROMA_URL"] = server.url
        yield server
        server.peak_rss_mb = _vm_hwm_mb(process.pid)
    finally:
        os.environ.pop("CAREER_ASSISTANT_CHROMA_URL", None)
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class Stopwatch:
    seconds: float = 0.0
    started: float = 0.0


@contextmanager
def timed():
    """`with timed() as t: ...` then `t.seconds` holds the wall time of the block."""
    watch = Stopwatch()
    watch.started = started = time.perf_counter()
    try:
        yield watch
    finally:
        watch.seconds = time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")


# --- worker events -------------------------------------------------------------------------------------------


class Events:
    """A worker's channel to the orchestrator: one JSON object per line on the real stdout.

    Everything else the worker (or a library) prints goes to stderr, which the orchestrator logs to a file,
    so a stray print never corrupts the channel.
    """

    def __init__(self) -> None:
        self._out = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1, encoding="utf-8")
        sys.stdout.flush()
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    def emit(self, **event) -> None:
        self._out.write(json.dumps(event, default=str) + "\n")

    def say(self, message: str) -> None:
        self.emit(event="say", message=str(message))

    def progress(self, done: int, total: int, description: str) -> None:
        self.emit(event="progress", done=done, total=total, description=description)

    def track(self, items, description: str = "", **_):
        """A drop-in for build_index's `track`: reports every item as it is consumed."""
        items = list(items)
        every = max(1, len(items) // 200)
        for n, item in enumerate(items):
            if n % every == 0:
                self.progress(n, len(items), description)
            yield item
        self.progress(len(items), len(items), description)

    def result(self, data: dict) -> None:
        self.emit(event="result", data=data)


# --- the command line, for the reliability runs -------------------------------------------------------------

FEEDS = PROJECT_ROOT.parent / "shared" / "feeds"


def cli_env(home: Path) -> dict:
    return {**os.environ, "CAREER_ASSISTANT_HOME": str(home), "PYTHONPATH": str(PROJECT_ROOT)}


def cli(home: Path, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from assistant.cli import app; app()", *args]  # assistant.cli has no __main__
    return subprocess.Popen(
        command, env=cli_env(home), cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
