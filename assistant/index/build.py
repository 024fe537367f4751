"""`index build`: chunk every guide and listing, embed only what is new, store, and swap in at the end."""

from __future__ import annotations

import hashlib
import shutil
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from assistant import guides as guides_module
from assistant import snapshots
from assistant.guides import load_guides
from assistant.index import chunks as chunks_module
from assistant.index import health, keyword, store
from assistant.index.chunks import Chunk, guide_chunks, listing_chunks
from assistant.index.embeddings import embedder_for, model_id
from assistant.index.manifest import (
    IndexMissing, Manifest, build_dir, read_chunks, read_manifest, write_chunks, write_manifest,
)
from assistant.settings import Settings

EMBED_BATCH = 64


def collect_chunks(settings: Settings) -> tuple[list[Chunk], dict]:
    """Every chunk of the current guides and listing snapshot, plus what they came from."""
    guides = load_guides(settings.guides_dir)
    snapshot = snapshots.current_snapshot(settings.listings_dir)
    listings = snapshots.load_snapshot(snapshot, on_bad=snapshots.warn) if snapshot else []
    chunks = [c for guide in guides for c in guide_chunks(guide)] + [c for l in listings for c in listing_chunks(l)]
    fetched = snapshots.load_meta(snapshot).get("fetched_at") if snapshot else None
    origin = {
        "snapshot": snapshot.name if snapshot else None,
        "snapshot_fetched_at": fetched,
        "guides": [guide.id for guide in guides],
        "listings_per_source": dict(Counter(listing.source for listing in listings)),
    }
    return chunks, origin


def inputs_digest(settings: Settings) -> str:
    """What an index is built from, cheaply: the snapshot's name and bytes (a garbled line is a change),
    every guide file's bytes, and the chunking code itself, so a change to how chunks are cut rebuilds too."""
    digest = hashlib.sha256()
    snapshot = snapshots.current_snapshot(settings.listings_dir)
    digest.update((snapshot.name if snapshot else "-").encode() + b"\0" + (snapshot.read_bytes() if snapshot else b""))
    for path in sorted(settings.guides_dir.glob("*")) if settings.guides_dir.is_dir() else []:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for module in (chunks_module, guides_module):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def _current(settings: Settings, model: str, digest: str) -> Manifest | None:
    """The manifest in service when it was built from exactly these inputs with this model, else None."""
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexMissing:
        return None
    return manifest if manifest.inputs == digest and manifest.model == model else None


def _previous(settings: Settings, model: str, say) -> tuple[Manifest | None, list[Chunk]]:
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexMissing:
        return None, []
    if manifest.model != model:
        say(f"embedding model changed from {manifest.model} to {model}: re-embedding every chunk")
        return manifest, []
    try:
        return manifest, read_chunks(build_dir(settings.index_dir, manifest.build_id))
    except FileNotFoundError:
        return manifest, []


def _unchanged(previous: Manifest | None, old: list[Chunk], chunks: list[Chunk], origin: dict) -> bool:
    return (
        previous is not None
        and [(c.id, c.text_hash, c.meta) for c in old] == [(c.id, c.text_hash, c.meta) for c in chunks]
        and previous.snapshot == origin["snapshot"]
    )


def build_index(settings: Settings, track=None, say=print) -> Manifest:
    """Build into a new collection; the manifest write at the end is the swap."""
    started = time.perf_counter()
    track = track or (lambda items, **_: items)
    model = model_id(settings)
    if (damage := health.damage(settings)) is not None:
        say(f"the index in service is damaged ({damage}): rebuilding it")
        health.clear(settings)
    digest = inputs_digest(settings)
    current = _current(settings, model, digest)
    if current is not None:  # at 100k listings, chunking everything only to find no change takes minutes
        say("index is up to date: nothing to embed")
        return current.model_copy(update={"embedded": 0, "reused": current.chunks, "removed_documents": 0})
    chunks, origin = collect_chunks(settings)
    previous, old = _previous(settings, model, say)
    if _unchanged(previous, old, chunks, origin):
        say("index is up to date: nothing to embed")
        write_manifest(settings.index_dir, previous.model_copy(update={"inputs": digest}))
        return previous.model_copy(update={"embedded": 0, "reused": len(chunks), "removed_documents": 0})

    client = store.client_for(settings)
    build_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    vectors = _reuse_vectors(client, previous, old, chunks)
    missing = [c for c in chunks if c.text_hash not in vectors]
    if missing:
        embedder = embedder_for(settings)
        batches = [missing[i : i + EMBED_BATCH] for i in range(0, len(missing), EMBED_BATCH)]
        for batch in track(batches, description=f"Embedding {len(missing)} chunks"):
            for chunk, vector in zip(batch, embedder.embed_documents([c.text for c in batch])):
                vectors[chunk.text_hash] = vector

    collection = store.create(client, f"{store.PREFIX}{build_id.lower()}")
    store.add(collection, [c.id for c in chunks], [vectors[c.text_hash] for c in chunks], [c.text for c in chunks],
              [{"doc_id": c.doc_id, "kind": c.kind, "text_hash": c.text_hash} for c in chunks])
    directory = build_dir(settings.index_dir, build_id)
    write_chunks(directory, chunks)
    keyword.build([c.text for c in chunks], directory / "bm25")

    manifest = Manifest(
        build_id=build_id, collection=collection.name, model=model,
        dimensions=len(next(iter(vectors.values()))) if vectors else 0,
        store=settings.chroma_url or f"embedded at {settings.index_dir / 'chroma'}",
        built_at=datetime.now(timezone.utc), seconds=round(time.perf_counter() - started, 2),
        chunks=len(chunks), documents=dict(Counter(c.kind for c in {c.doc_id: c for c in chunks}.values())),
        embedded=len(missing), reused=len(chunks) - len(missing),
        removed_documents=len({c.doc_id for c in old} - {c.doc_id for c in chunks}), inputs=digest, **origin,
    )
    write_manifest(settings.index_dir, manifest)
    _clean_up(settings, client, manifest)
    return manifest


def _reuse_vectors(client, previous: Manifest | None, old: list[Chunk], chunks: list[Chunk]) -> dict:
    """Vectors of unchanged texts, copied from the serving collection, keyed by text hash."""
    if previous is None or not old:
        return {}
    wanted = {c.text_hash for c in chunks}
    old_ids = {c.text_hash: c.id for c in old if c.text_hash in wanted}
    try:
        collection = client.get_collection(previous.collection)
    except Exception:  # the serving collection is gone (a wiped server): embed everything again
        return {}
    by_id = store.vectors_by_id(collection, list(old_ids.values()))
    return {text_hash: by_id[chunk_id] for text_hash, chunk_id in old_ids.items() if chunk_id in by_id}


def _clean_up(settings: Settings, client, manifest: Manifest) -> None:
    store.drop_others(client, keep={manifest.collection})
    health.sweep(settings)
    builds = settings.index_dir / "builds"
    for directory in builds.iterdir():
        if directory.name != manifest.build_id:
            shutil.rmtree(directory, ignore_errors=True)
