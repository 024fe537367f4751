"""Web benchmark: answers through the running page's API (`career-assistant serve`, Gradio queue, gradio_client),
as people and scripts get them, in three situations measured side by side in one run:

* alone: one client asks the benchmark questions (bench/queries.jsonl) one after another;
* 4 clients: four clients ask the same questions at once — per-answer latency and answers per second;
* beside a slow question: the server answers prose with an LLM endpoint that takes SLOW seconds to reply (a
  scripted local server), one client keeps asking a prose question through it, and another asks the listing
  questions (which need no LLM) — their latency should stay near "alone".

    .venv/bin/python bench/web_bench.py [--home DIR] [--rounds 2] [--slow 8] [--out bench/results]

--home is a prepared home (snapshot and index; default: the checkout's, built by `make serve`). Results are
ratios against "alone" from the same run, so they carry over between machines; absolute times are listed too.
Outputs: OUT/web.json, OUT/web.md, OUT/web.png.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from common import BENCH_DIR, PROJECT_ROOT, load_queries, percentile, write_json
from rich.console import Console
from rich.progress import track

CLIENTS = 4
console = Console(stderr=True)


# --- the server under test, and a slow LLM beside it ----------------------------------------------------------


class SlowLLM(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that thinks for `server.delay` seconds, then answers without citations (the
    citation check then falls back to the extractive answer — the cost measured is the wait)."""

    def do_POST(self):  # noqa: N802 - the http.server API
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(self.server.delay)
        body = {
            "id": "c",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "slow",
            "choices": [{"index": 0, "delta": {"content": "Thinking took a while."}, "finish_reason": "stop"}],
        }
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.wfile.write(f"data: {json.dumps(body)}\n\ndata: [DONE]\n\n".encode())

    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(home: Path, **env) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cli = Path(sys.executable).with_name("career-assistant")
    process = subprocess.Popen(
        [str(cli), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CAREER_ASSISTANT_HOME": str(home), **env},
    )
    for line in process.stderr:
        if "is serving at" in line:
            threading.Thread(target=process.stderr.read, daemon=True).start()  # keep the pipe drained
            return process, f"http://127.0.0.1:{port}/"
    raise SystemExit(f"serve exited with {process.wait()}; is {home} prepared (`make serve`)?")


# --- measuring ------------------------------------------------------------------------------------------------


def ask(url: str, question: str, waits: list[str] | None = None) -> float:
    """Seconds to the answer; a question that went to the LLM (the slow endpoint) is added to `waits`."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    started = time.perf_counter()
    reply = client.predict(question, api_name="/ask")
    elapsed = time.perf_counter() - started
    if "error" in reply:
        raise SystemExit(f"{question!r} was refused: {reply['error']}")
    asked_llm = reply["backend"] != "extractive" or any("language model" in n for n in reply["notices"])
    if waits is not None and asked_llm:
        waits.append(question)
    return elapsed


def alone(url: str, questions: list[str]) -> dict:
    started = time.perf_counter()
    latencies = [ask(url, q) for q in track(questions, description="alone", console=console)]
    return summary(latencies, time.perf_counter() - started)


def together(url: str, questions: list[str]) -> dict:
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        latencies = [t for part in pool.map(lambda _: [ask(url, q) for q in questions], range(CLIENTS)) for t in part]
    return summary(latencies, time.perf_counter() - started)


def beside_slow(url: str, questions: list[str], prose: str) -> dict:
    stop = threading.Event()
    slow_latencies: list[float] = []

    def keep_asking() -> None:
        while not stop.is_set():
            slow_latencies.append(ask(url, prose))

    worker = threading.Thread(target=keep_asking, daemon=True)
    worker.start()
    time.sleep(1.0)  # the slow question is in flight before the others start
    waits: list[str] = []
    started = time.perf_counter()
    latencies = [
        (q, ask(url, q, waits)) for q in track(questions, description="beside a slow question", console=console)
    ]
    wall = time.perf_counter() - started
    stop.set()
    worker.join()
    # A listing question read as a guide question goes to the LLM too: that wait is its own, not a block.
    result = summary([t for q, t in latencies if q not in waits], wall)
    result["went_to_the_llm"] = sorted(set(waits))
    result["slow_question_s"] = round(percentile(slow_latencies, 50), 2)
    return result


def summary(latencies: list[float], wall: float) -> dict:
    return {
        "answers": len(latencies),
        "p50_s": round(percentile(latencies, 50), 3),
        "p95_s": round(percentile(latencies, 95), 3),
        "answers_per_s": round(len(latencies) / wall, 2),
    }


# --- report ---------------------------------------------------------------------------------------------------


def markdown(results: dict) -> str:
    base = results["scenarios"]["alone (listing questions)"]
    lines = [
        f"# Web benchmark ({results['date']})",
        "",
        f"Answers through `/ask` of a running `career-assistant serve` ({results['machine']}); "
        f"{results['questions']} benchmark questions × {results['rounds']} rounds; slow LLM endpoint: "
        f"{results['slow_s']} s per reply. Ratios are to the same questions asked alone, in this run.",
        "",
        "| situation | answers | p50 | p95 | answers/s | p50 ratio | p95 ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in results["scenarios"].items():
        ref = base if "listing" in name else results["scenarios"]["alone"]
        lines.append(
            f"| {name} | {row['answers']} | {row['p50_s']:.2f} s | {row['p95_s']:.2f} s | "
            f"{row['answers_per_s']:.2f} | {row['p50_s'] / ref['p50_s']:.2f} | "
            f"{row['p95_s'] / ref['p95_s']:.2f} |"
        )
    beside = results["scenarios"]["beside a slow question (listing questions)"]
    lines += [
        "",
        f"The slow question itself took {beside['slow_question_s']:.1f} s at p50 (it waits for the LLM, "
        "then falls back). Listing questions that were read as guide questions went to the slow LLM "
        f"themselves and are left out of that row: {', '.join(beside['went_to_the_llm']) or 'none'}.",
    ]
    return "\n".join(lines) + "\n"


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results["scenarios"])
    p50 = [results["scenarios"][n]["p50_s"] for n in names]
    p95 = [results["scenarios"][n]["p95_s"] for n in names]
    fig, ax = plt.subplots(figsize=(9, 4))
    positions = range(len(names))
    ax.barh([p + 0.2 for p in positions], p50, height=0.4, label="p50")
    ax.barh([p - 0.2 for p in positions], p95, height=0.4, label="p95")
    ax.set_yticks(list(positions), names)
    ax.set_xlabel("seconds per answer (through the page's API)")
    ax.set_title("career-assistant serve: answer latency")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=PROJECT_ROOT)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--slow", type=float, default=8.0)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results")
    args = parser.parse_args()

    queries = load_queries()
    questions = [q["question"] for q in queries] * args.rounds
    listing_questions = [q["question"] for q in queries if q["kind"] == "listing"] * args.rounds
    prose = next(q["question"] for q in queries if q["kind"] == "guide")
    scenarios = {}
    process, url = start_server(args.home)
    try:
        ask(url, prose)  # warm the model and caches
        scenarios["alone"] = alone(url, questions)
        scenarios[f"{CLIENTS} clients"] = together(url, questions)
        scenarios["alone (listing questions)"] = alone(url, listing_questions)
    finally:
        process.terminate()
        process.wait()
    llm = ThreadingHTTPServer(("127.0.0.1", 0), SlowLLM)
    llm.delay, llm.daemon_threads = args.slow, True
    threading.Thread(target=llm.serve_forever, daemon=True).start()
    process, url = start_server(
        args.home,
        CAREER_ASSISTANT_LLM="openai",
        CAREER_ASSISTANT_LLM_TIMEOUT="60",
        CAREER_ASSISTANT_OPENAI_BASE_URL=f"http://127.0.0.1:{llm.server_port}/v1",
    )
    try:
        ask(url, listing_questions[0])
        scenarios["beside a slow question (listing questions)"] = beside_slow(url, listing_questions, prose)
    finally:
        process.terminate()
        process.wait()
        llm.shutdown()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "questions": len(queries),
        "rounds": args.rounds,
        "slow_s": args.slow,
        "scenarios": scenarios,
    }
    write_json(args.out / "web.json", results)
    (args.out / "web.md").write_text(markdown(results), encoding="utf-8")
    plot(results, args.out / "web.png")
    console.print(markdown(results))


if __name__ == "__main__":
    main()
