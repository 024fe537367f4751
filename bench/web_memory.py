"""Serving memory over many chat sessions: a bounded loopback load loop against a running `career-assistant serve`.

Each session (a fresh Gradio session hash) asks QUESTIONS through the page's /chat endpoint, which keeps the
per-session state a browser would (conversation, answers); the server's RSS is read from /proc after every
`--every` sessions. A flat trend means per-session state is bounded; growth per session means it is not.

    python bench/web_memory.py --url http://127.0.0.1:7860/ --pid <serve pid> --sessions 400
"""

from __future__ import annotations

import argparse
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gradio_client import Client

QUESTIONS = [
    "What do senior ML engineers earn remotely in Germany?",
    "Find machine learning engineer jobs",
    "What are the stages of the hiring process?",
    "and in the UK?",
]
CONTROLS = ("any", "any", "any", None, "any time", "any")  # region, work mode, seniority, salary, posted, source


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def session(url: str, questions: int) -> None:
    client = Client(url, verbose=False)
    for question in QUESTIONS[:questions]:
        client.predict(question, [], *CONTROLS, api_name="/chat")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True, help="the serve process")
    parser.add_argument("--sessions", type=int, default=400)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--questions", type=int, default=len(QUESTIONS))
    parser.add_argument("--workers", type=int, default=2, help="sessions at once (bounded: a loop, not a flood)")
    args = parser.parse_args()
    samples = [{"sessions": 0, "rss_mb": round(rss_mb(args.pid), 1), "s": 0.0}]
    started = time.monotonic()
    with ThreadPoolExecutor(args.workers) as pool:
        for done in range(args.every, args.sessions + 1, args.every):
            list(pool.map(lambda _: session(args.url, args.questions), range(args.every)))
            samples.append(
                {"sessions": done, "rss_mb": round(rss_mb(args.pid), 1), "s": round(time.monotonic() - started, 1)}
            )
            print(json.dumps(samples[-1]), flush=True)
    first, last = samples[1]["rss_mb"], samples[-1]["rss_mb"]
    per = (last - first) * 1024 / max(1, samples[-1]["sessions"] - samples[1]["sessions"])
    print(json.dumps({"after_first_batch_mb": first, "after_last_batch_mb": last, "kb_per_session": round(per, 1)}))


if __name__ == "__main__":
    main()
