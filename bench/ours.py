"""Our index through the project's own API: `build_index` for builds, `assistant.search.search` for queries.

Each worker runs with its own CAREER_ASSISTANT_HOME, so each configuration has its own snapshot and index.
Builds: full (empty home), unchanged (the same snapshot again), incremental (a snapshot with 1% of listings
changed). Queries go through `search` with one shared Retriever, so the filters the question implies apply,
as they do for users.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import REAL, Events, du_bytes, load_queries, read_json, timed

K = 10
CEILING_SAMPLE = 128  # chunks embedded twice by each side for the throughput comparison


class TimedEmbedder:
    """The project's embedder, with the seconds and texts of `embed_documents` counted."""

    def __init__(self, inner) -> None:
        self.inner, self.model_id = inner, inner.model_id
        self.seconds, self.texts = 0.0, 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with timed() as t:
            vectors = self.inner.embed_documents(texts)
        self.seconds += t.seconds
        self.texts += len(texts)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def embedder_for(size: str, work: Path, settings):
    from assistant.index.embeddings import embedder_for as project_embedder

    real = project_embedder(settings)  # loaded before the timed build, as the baseline's model is
    if size == REAL:
        return TimedEmbedder(real)
    from derived import DerivationTable, OursDerivedEmbedder

    return OursDerivedEmbedder(DerivationTable.load(work / "ours_table.npz"), real)


def embedded_so_far(embedder) -> int:
    return (
        embedder.texts if isinstance(embedder, TimedEmbedder) else embedder.vectors.derived + embedder.vectors.embedded
    )


def _build(settings, events: Events) -> tuple[float, object]:
    from assistant.index.build import build_index

    with timed() as t:
        manifest = build_index(settings, track=events.track, say=events.say)
    return t.seconds, manifest


def build(params: dict, events: Events) -> dict:
    from assistant.index import build as build_module
    from assistant.settings import Settings

    corpus, work, size = Path(params["corpus"]), Path(params["work"]), params["size"]
    settings = Settings()
    meta = read_json(corpus / "meta.json")
    events.say("loading the embedding model")
    embedder = embedder_for(size, work, settings)
    build_module.embedder_for = lambda _settings: embedder  # what build_index embeds with

    write_snapshot_apart(settings.listings_dir, corpus / "original.jsonl", meta)
    full_s, full = _build(settings, events)
    full_bytes = du_bytes(settings.index_dir)
    if size == REAL:
        dump_vectors(settings, work / "ours_vectors.npz")
    unchanged_s, unchanged = _build(settings, events)

    write_snapshot_apart(settings.listings_dir, corpus / "changed.jsonl", meta)
    before = embedded_so_far(embedder)
    incremental_s, incremental = _build(settings, events)
    ceiling = None
    if size == REAL:
        import random

        from assistant.index.manifest import build_dir, read_chunks

        chunks = read_chunks(build_dir(settings.index_dir, incremental.build_id))
        events.say("embedding a sample again: ours against plain sentence-transformers")
        sample = [c.text for c in random.Random(0).sample(chunks, min(CEILING_SAMPLE, len(chunks)))]
        ceiling = embedding_ceiling(settings, embedder.inner, sample)
    return {
        "ceiling": ceiling,
        "documents": sum(full.documents.values()),
        "chunks": full.chunks,
        "embedded": full.embedded,
        "embed_seconds": embedder.seconds if size == REAL else None,
        "chunks_per_s": full.embedded / embedder.seconds if size == REAL and embedder.seconds else None,
        "full_s": full_s,
        "unchanged_s": unchanged_s,
        "unchanged_embedded": unchanged.embedded,
        "incremental_s": incremental_s,
        "incremental_embedded": incremental.embedded,
        "incremental_embed_calls": embedded_so_far(embedder) - before,
        "index_bytes_full": full_bytes,
        "index_bytes": du_bytes(settings.index_dir),
        "derived_vectors": size != REAL,
        "fallback_embedded": 0 if size == REAL else embedder.vectors.embedded,
    }


def write_snapshot_apart(directory: Path, listings: Path, meta: dict) -> None:
    """`refresh`'s part: the snapshot written by another process, as users' refreshes are, so the 100k listings
    it parses (2.7 GB at 100k) are not counted in the build's peak memory."""
    code = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); from common import "
        "load_listings; from assistant.corpus.listings import snapshots; "
        "snapshots.write_snapshot(Path(sys.argv[2]), load_listings(Path(sys.argv[3])), json.loads(sys.argv[4]))"
    )
    bench = str(Path(__file__).resolve().parent)
    subprocess.run([sys.executable, "-c", code, bench, str(directory), str(listings), json.dumps(meta)], check=True)


def dump_vectors(settings, path: Path) -> None:
    from derived import save_vectors

    from assistant.index.manifest import build_dir, read_chunks, read_manifest, read_vectors

    directory = build_dir(settings.index_dir, read_manifest(settings.index_dir).build_id)
    save_vectors(path, [chunk.text for chunk in read_chunks(directory)], read_vectors(directory))


def embedding_ceiling(settings, embedder, texts: list[str]) -> dict:
    """Our embedder (as the build calls it: longest first, in batches) against a plain sentence-transformers
    `encode` of the same texts with its defaults, in this process, alternating so load on the machine hits both."""
    from sentence_transformers import SentenceTransformer

    from assistant.index.build import EMBED_BATCH
    from assistant.index.embeddings import verified_model_dir

    plain = SentenceTransformer(str(verified_model_dir()), device="cpu")
    ordered = sorted(texts, key=len, reverse=True)
    ours_s, plain_s = [], []
    for _ in range(2):
        with timed() as t:
            for start in range(0, len(ordered), EMBED_BATCH):
                embedder.embed_documents(ordered[start : start + EMBED_BATCH])
        ours_s.append(t.seconds)
        with timed() as t:
            plain.encode(texts, normalize_embeddings=True)
        plain_s.append(t.seconds)
    ours, ceiling = len(texts) / min(ours_s), len(texts) / min(plain_s)
    return {
        "texts": len(texts),
        "ours_chunks_per_s": ours,
        "ceiling_chunks_per_s": ceiling,
        "share_of_ceiling": ours / ceiling,
    }


def query(params: dict, events: Events) -> dict:
    from metrics import run_queries

    from assistant.index.retrieve import Retriever
    from assistant.search import search
    from assistant.settings import Settings

    settings = Settings()
    queries = load_queries(Path(params["queries"]))
    events.say("opening the assistant")
    answers = ask_timings(settings, queries, events)
    events.say("opening the index")
    with timed() as load:
        retriever = Retriever(settings)

    def retrieve(question: str):
        result = search(settings, question, k=K, retriever=retriever)
        applied = result.filters.model_dump(mode="json", exclude_defaults=True)
        return [[hit.doc_id] for hit in result.hits], {"filters": applied, "intent": result.understood.intent.value}

    results = run_queries(queries, retrieve, events)
    cold = cold_cli(queries) if params["size"] == REAL else None
    started = serve_start(Path(params["feeds"]), queries, events) if params["size"] == REAL else None
    return {"load_s": load.seconds, "queries": results, "ask": answers, "cold_cli": cold, "serve_start": started}


FOLLOW_UPS = [  # (first question, follow-up): the follow-up turn is timed
    ("remote machine learning engineer jobs in Europe", "only senior ones"),
    ("What do senior ML engineers earn in Germany?", "and in the UK?"),
    ("show me data scientist jobs", "which of these are remote?"),
    ("ML jobs paying over $150k", "any in Canada?"),
]


def ask_timings(settings, queries: list[dict], events: Events, repeats: int = 3) -> dict:
    """`Assistant.ask` end to end (understanding, retrieval, the extractive answer) as the CLI and the page call
    it: the time to open an assistant, its first answer (what loads lazily), then every labelled question
    `repeats` times warm, per kind, and follow-up turns."""
    from common import percentile

    from assistant.chat import Assistant, Conversation

    with timed() as opened:
        assistant = Assistant(settings)
    with timed() as first:
        assistant.ask(next(q["question"] for q in queries if q["kind"] == "guide"))
    with timed() as first_listing:
        assistant.ask(next(q["question"] for q in queries if q["kind"] == "listing"))
    runs: dict[str, list[float]] = {"guide": [], "listing": [], "follow-up": []}
    for n, query in enumerate(queries):
        for _ in range(repeats):
            with timed() as t:
                assistant.ask(query["question"])
            runs[query["kind"]].append(t.seconds * 1000)
        events.progress(n + 1, len(queries), "Answers")
    for question, follow_up in FOLLOW_UPS * repeats:
        conversation = Conversation()
        assistant.ask(question, conversation)
        with timed() as t:
            assistant.ask(follow_up, conversation)
        runs["follow-up"].append(t.seconds * 1000)
    return {
        "open_s": opened.seconds,
        "first_guide_answer_s": first.seconds,
        "first_listing_answer_s": first_listing.seconds,
        **{
            kind: {"p50_ms": round(percentile(v, 50), 2), "p95_ms": round(percentile(v, 95), 2), "runs": len(v)}
            for kind, v in runs.items()
        },
    }


def cold_cli(queries: list[dict]) -> dict:
    """`career-assistant ask` in a new process, wall time; the first run warms the page cache, the next two count."""
    import subprocess
    import sys

    from common import PROJECT_ROOT

    script = Path(sys.executable).with_name("career-assistant")  # the installed entry point, as users run it
    timings = {}
    for kind in ("guide", "listing"):
        question = next(q["question"] for q in queries if q["kind"] == kind)
        seconds = []
        for _ in range(3):
            with timed() as t:
                subprocess.run([str(script), "ask", question], cwd=PROJECT_ROOT, check=True, capture_output=True)
            seconds.append(t.seconds)
        timings[kind] = min(seconds[1:])
    return timings


def serve_start(feeds: Path, queries: list[dict], events: Events) -> dict:
    """`career-assistant serve --feeds` on a fresh home, as a new user starts it: seconds from the start to the
    URL printed, to the first guide question answered (the page's API, polled), and to the first listing
    question answered with listings (the background index build done)."""
    import os
    import socket
    import subprocess
    import sys
    import tempfile
    import threading

    from gradio_client import Client

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    guide = next(q["question"] for q in queries if q["kind"] == "guide")
    listing = next(q["question"] for q in queries if q["kind"] == "listing")
    script = Path(sys.executable).with_name("career-assistant")
    with tempfile.TemporaryDirectory(prefix="serve-start-") as home:
        env = {**os.environ, "CAREER_ASSISTANT_HOME": home}
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(script), "serve", "--port", str(port), "--feeds", str(feeds)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if "is serving at" in line:
                    break
            serving = time.perf_counter() - started
            threading.Thread(target=process.stderr.read, daemon=True).start()  # keep the pipe drained
            client = Client(f"http://127.0.0.1:{port}/", verbose=False)
            first_guide = _first(client, guide, lambda a: a.get("answerable"), started)
            events.say(f"serve: URL after {serving:.1f} s, first guide answer after {first_guide:.1f} s")
            first_listing = _first(client, listing, lambda a: bool(a.get("listings")), started)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return {"serving_s": serving, "first_guide_answer_s": first_guide, "first_listing_answer_s": first_listing}


def _first(client, question: str, answered, started: float, limit_s: float = 1800) -> float:
    """Seconds since `started` when `question` was first answered as `answered` says; asked again every second."""
    while time.perf_counter() - started < limit_s:
        reply = client.predict(question, api_name="/ask")
        if answered(reply):
            return time.perf_counter() - started
        time.sleep(1)
    raise TimeoutError(f"{question!r} was not answered within {limit_s} s")
