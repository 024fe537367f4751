"""Our index through the project's own API: `build_index` for builds, `assistant.search.search` for queries.

Each worker runs with its own CAREER_ASSISTANT_HOME, so each configuration has its own snapshot and index.
Builds: full (empty home), unchanged (the same snapshot again), incremental (a snapshot with 1% of listings
changed). Queries go through `search` with one shared Retriever, so the filters the question implies apply,
as they do for users.
"""

from __future__ import annotations

from pathlib import Path

from common import REAL, Events, du_bytes, load_listings, load_queries, read_json, timed

K = 10


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
    return embedder.texts if isinstance(embedder, TimedEmbedder) else embedder.vectors.derived + embedder.vectors.embedded


def _build(settings, events: Events) -> tuple[float, object]:
    from assistant.index.build import build_index

    with timed() as t:
        manifest = build_index(settings, track=events.track, say=events.say)
    return t.seconds, manifest


def build(params: dict, events: Events) -> dict:
    from assistant import snapshots
    from assistant.index import build as build_module
    from assistant.settings import Settings

    corpus, work, size = Path(params["corpus"]), Path(params["work"]), params["size"]
    settings = Settings()
    meta = read_json(corpus / "meta.json")
    events.say("loading the embedding model")
    embedder = embedder_for(size, work, settings)
    build_module.embedder_for = lambda _settings: embedder  # what build_index embeds with

    snapshots.write_snapshot(settings.listings_dir, load_listings(corpus / "original.jsonl"), meta)
    full_s, full = _build(settings, events)
    full_bytes = du_bytes(settings.index_dir)
    if size == REAL:
        dump_vectors(settings, work / "ours_vectors.npz")
    unchanged_s, unchanged = _build(settings, events)

    snapshots.write_snapshot(settings.listings_dir, load_listings(corpus / "changed.jsonl"), meta)
    before = embedded_so_far(embedder)
    incremental_s, incremental = _build(settings, events)
    return {
        "documents": sum(full.documents.values()), "chunks": full.chunks, "embedded": full.embedded,
        "embed_seconds": embedder.seconds if size == REAL else None,
        "chunks_per_s": full.embedded / embedder.seconds if size == REAL and embedder.seconds else None,
        "full_s": full_s, "unchanged_s": unchanged_s, "unchanged_embedded": unchanged.embedded,
        "incremental_s": incremental_s, "incremental_embedded": incremental.embedded,
        "incremental_embed_calls": embedded_so_far(embedder) - before,
        "index_bytes_full": full_bytes, "index_bytes": du_bytes(settings.index_dir),
        "derived_vectors": size != REAL,
        "fallback_embedded": 0 if size == REAL else embedder.vectors.embedded,
    }


def dump_vectors(settings, path: Path) -> None:
    from assistant.index import store
    from assistant.index.manifest import build_dir, read_chunks, read_manifest

    from derived import save_vectors

    manifest = read_manifest(settings.index_dir)
    chunks = read_chunks(build_dir(settings.index_dir, manifest.build_id))
    collection = store.client_for(settings).get_collection(manifest.collection)
    by_id = store.vectors_by_id(collection, [chunk.id for chunk in chunks])
    save_vectors(path, [chunk.text for chunk in chunks], [by_id[chunk.id] for chunk in chunks])


def query(params: dict, events: Events) -> dict:
    from assistant.index.retrieve import Retriever
    from assistant.search import search
    from assistant.settings import Settings

    from metrics import run_queries

    settings = Settings()
    events.say("opening the index")
    with timed() as load:
        retriever = Retriever(settings)

    def retrieve(question: str):
        result = search(settings, question, k=K, retriever=retriever)
        applied = result.filters.model_dump(mode="json", exclude_defaults=True)
        return [[hit.doc_id] for hit in result.hits], {"filters": applied, "intent": result.understood.intent.value}

    results = run_queries(load_queries(Path(params["queries"])), retrieve, events)
    return {"load_s": load.seconds, "queries": results}
