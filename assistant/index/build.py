"""`index build`: chunk every guide and listing, embed only what is new, store it, and swap in at the end."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypedDict, TypeVar, cast

import numpy as np

from assistant.corpus import guides as guides_module
from assistant.corpus.guides import load_guides
from assistant.corpus.listings import snapshots
from assistant.files import atomic_write
from assistant.index import chunks as chunks_module
from assistant.index import health, keyword, store
from assistant.index import meta as meta_module
from assistant.index.chunks import Chunk, guide_chunks, listing_chunks
from assistant.index.embeddings import embedder_for, model_id
from assistant.index.manifest import (
    IndexMissing,
    Manifest,
    build_dir,
    read_chunk_lines,
    read_manifest,
    read_vectors,
    write_chunks,
    write_manifest,
    write_vectors,
)
from assistant.index.meta import ListingMeta
from assistant.settings import Settings
from assistant.vocab import boards as boards_module
from assistant.vocab import listing as models_module
from assistant.vocab import places as places_module
from assistant.vocab.places import gazetteer as places_gazetteer
from assistant.vocab.places import reading as places_reading
from assistant.vocab.places import tables as places_tables
from assistant.vocab.places import text as places_text

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

_T = TypeVar("_T")

EMBED_BATCH = 64
DOCUMENTS = "documents.json"  # in a build's directory: each listing's digest, for the next build's reuse
CHUNKING_CODE = (
    chunks_module,
    meta_module,
    guides_module,
    models_module,
    boards_module,
    places_module,
    places_tables,
    places_text,
    places_gazetteer,
    places_reading,
)


class Origin(TypedDict):
    """What a build's chunks came from: fields of its manifest."""

    snapshot: str | None
    snapshot_fetched_at: str | None  # as the snapshot's meta file has it; the manifest parses it
    guides: list[str]
    listings_per_source: dict[str, int]


class Track(Protocol):
    """A progress display over a list of items (the CLI's rich `track`)."""

    def __call__(self, items: list[_T], *, description: str) -> Iterable[_T]: ...


def collect_chunks(settings: Settings) -> tuple[list[Chunk], Origin]:
    """Every chunk of the current guides and listing snapshot, plus what they came from."""
    chunks, origin, _ = _collect(settings, {})
    return chunks, origin


def _collect(
    settings: Settings, earlier: dict[str, list[Chunk]], guides_only: bool = False
) -> tuple[list[Chunk], Origin, dict[str, str]]:
    """Chunks, origin, and each listing's digest (of its snapshot line: equal bytes and equal chunking code
    mean equal chunks). `earlier` maps a digest to the chunks a previous build cut from that line with the same
    chunking code: those are reused without parsing the line, so a refresh that changed 1% of 100k listings
    parses and cuts 1k listings, not 100k, and no more than one listing is held in memory at a time."""
    guides = load_guides(settings.guides_dir)
    snapshot = None if guides_only else snapshots.current_snapshot(settings.listings_dir)
    chunks = [c for guide in guides for c in guide_chunks(guide)]
    digests: dict[str, str] = {}
    per_source: Counter[str] = Counter()
    for number, line in snapshots.lines(snapshot) if snapshot else ():
        digest = hashlib.sha256(line).hexdigest()[:32]
        cut = earlier.get(digest)
        if cut is None:
            listing = snapshots.parse_line(line, f"{cast(Path, snapshot).name} line {number}", snapshots.warn)
            if listing is None:
                continue
            cut = listing_chunks(listing)
        if cut:
            digests[cut[0].doc_id] = digest
            per_source[cast(ListingMeta, cut[0].meta).source] += 1
            chunks += cut
    fetched = snapshots.load_meta(snapshot).get("fetched_at") if snapshot else None
    origin: Origin = {
        "snapshot": snapshot.name if snapshot else None,
        "snapshot_fetched_at": fetched,
        "guides": [guide.id for guide in guides],
        "listings_per_source": dict(per_source),
    }
    return chunks, origin, digests


def chunker_digest() -> str:
    """The code that turns documents into chunks: when it changes, no earlier chunk is reused."""
    digest = hashlib.sha256()
    for module in CHUNKING_CODE:
        digest.update(Path(cast(str, module.__file__)).read_bytes())  # source modules: never None
    return digest.hexdigest()


def inputs_digest(settings: Settings, guides_only: bool = False) -> str:
    """What an index is built from, cheaply: the snapshot's name and bytes (a garbled line is a change),
    every guide file's bytes, and the chunking code itself, so a change to how chunks are cut rebuilds too.
    A guides-only build has the digest of a home with no snapshot: the full build after it is a change."""
    digest = hashlib.sha256()
    snapshot = None if guides_only else snapshots.current_snapshot(settings.listings_dir)
    digest.update((snapshot.name if snapshot else "-").encode() + b"\0" + (snapshot.read_bytes() if snapshot else b""))
    for path in sorted(settings.guides_dir.glob("*")) if settings.guides_dir.is_dir() else []:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(chunker_digest().encode())
    return digest.hexdigest()


def up_to_date(settings: Settings) -> bool:
    """Whether the index in service was built from exactly the current inputs with the configured model."""
    return _current(settings, model_id(settings), inputs_digest(settings)) is not None


def _current(settings: Settings, model: str, digest: str) -> Manifest | None:
    """The manifest in service when it was built from exactly these inputs with this model, else None."""
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexMissing:
        return None
    return manifest if manifest.inputs == digest and manifest.model == model else None


def _previous(settings: Settings, model: str, say: Callable[[str], object]) -> Manifest | None:
    """The build in service, when its vectors can be reused (same model)."""
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexMissing:
        return None
    if manifest.model != model:
        say(f"embedding model changed from {manifest.model} to {model}: re-embedding every chunk")
        return None
    return manifest if build_dir(settings.index_dir, manifest.build_id).is_dir() else None


def _reusable_chunks(settings: Settings, previous: Manifest | None, old: list[Chunk]) -> dict[str, list[Chunk]]:
    """The previous build's chunks by listing digest, when it was cut by this code."""
    if previous is None or previous.chunker != chunker_digest():
        return {}
    path = build_dir(settings.index_dir, previous.build_id) / DOCUMENTS
    if not path.exists():
        return {}
    digest_of = json.loads(path.read_text(encoding="utf-8"))
    by_digest: dict[str, list[Chunk]] = {}
    for chunk in old:
        if chunk.doc_id in digest_of:
            by_digest.setdefault(digest_of[chunk.doc_id], []).append(chunk)
    return by_digest


def chunks_digest(chunks: list[Chunk]) -> str:
    """Every chunk's id, text and fields: equal digests mean an identical index, with nothing read back."""
    digest = hashlib.sha256()
    metas: dict[int, bytes] = {}  # a listing's chunks share one meta object (manifest.read_chunks): dump it once
    for chunk in chunks:
        digest.update(f"{chunk.id}\0{chunk.text_hash}\0".encode())
        if (meta := metas.get(id(chunk.meta))) is None:
            # The dict the builders wrote before the meta had models: an unchanged index keeps its digest.
            meta = metas[id(chunk.meta)] = json.dumps(chunk.meta.model_dump(), sort_keys=True, default=str).encode()
        digest.update(meta + b"\n")
    return digest.hexdigest()


def build_index(
    settings: Settings,
    track: Track | None = None,
    say: Callable[[str], object] = print,
    guides_only: bool = False,
) -> Manifest:
    """Add what is new to the store, write the build's files, and swap: the manifest, written last, is the swap.

    `guides_only` leaves the listings out: seconds instead of minutes on a fresh home, so `serve` answers guide
    questions while the full build runs (its guide vectors are then reused, not embedded twice).

    The store keeps one collection per model. Records are keyed by chunk id and text hash, so a build adds
    records for new or changed chunks beside the ones the serving build reads, and deletes the records no
    longer used only after its manifest is written: a build killed at any point leaves the previous build
    whole and serving, and the next build removes what the killed one added.
    """
    started = time.perf_counter()
    track = track or _no_progress
    model = model_id(settings)
    if (damage := health.damage(settings)) is not None:
        say(f"the index in service is damaged ({damage}): rebuilding it")
        health.clear(settings)
    digest = inputs_digest(settings, guides_only)
    current = _current(settings, model, digest)
    if current is not None:  # at 100k listings, chunking everything only to find no change takes minutes
        say("index is up to date: nothing to embed")
        return current.model_copy(update={"embedded": 0, "reused": current.chunks, "removed_documents": 0})
    previous = _previous(settings, model, say)
    old, lines = read_chunk_lines(build_dir(settings.index_dir, previous.build_id)) if previous else ([], None)
    chunks, origin, digests = _collect(settings, _reusable_chunks(settings, previous, old), guides_only)
    new_digest = chunks_digest(chunks)
    if previous is not None and new_digest == (previous.chunks_digest or chunks_digest(old)):
        # The same chunks (a refresh that found nothing new): the build serving stays, under the new snapshot.
        say("index is up to date: nothing to embed")
        same = previous.model_copy(update={"inputs": digest, "chunks_digest": new_digest, **origin})
        write_manifest(settings.index_dir, same)
        return same.model_copy(update={"embedded": 0, "reused": len(chunks), "removed_documents": 0})

    client = store.client_for(settings)
    collection = store.open_or_create(client, store.collection_name(model))
    old_rows = _old_rows(old, chunks)
    vectors, embedded = _vectors(settings, client, previous, old, chunks, old_rows, track)
    generation = (previous.generation if previous else 0) + 1
    held = {store.record_id(c) for c in old} if previous and previous.collection == collection.name else set()
    adding = {store.record_id(c): n for n, c in enumerate(chunks) if store.record_id(c) not in held}
    rows = list(adding.values())
    store.add(
        collection,
        list(adding),
        vectors[rows],
        [
            {
                "doc_id": chunks[n].doc_id,
                "kind": chunks[n].kind,
                "text_hash": chunks[n].text_hash,
                "generation": generation,
            }
            for n in rows
        ],
    )

    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    directory = build_dir(settings.index_dir, build_id)
    write_chunks(directory, chunks, lines)
    atomic_write(directory / DOCUMENTS, json.dumps(digests))
    write_vectors(directory, vectors)
    earlier = build_dir(settings.index_dir, previous.build_id) / "bm25" if previous else None
    keyword.build([c.text for c in chunks], directory / "bm25", earlier, old_rows)

    manifest = Manifest(
        build_id=build_id,
        collection=collection.name,
        model=model,
        dimensions=vectors.shape[1],
        store=settings.chroma_url or f"embedded at {settings.index_dir / 'chroma'}",
        built_at=datetime.now(UTC),
        seconds=round(time.perf_counter() - started, 2),
        chunks=len(chunks),
        documents=dict(Counter(c.kind for c in {c.doc_id: c for c in chunks}.values())),
        embedded=embedded,
        reused=len(chunks) - embedded,
        removed_documents=len({c.doc_id for c in old} - {c.doc_id for c in chunks}),
        inputs=digest,
        chunks_digest=new_digest,
        generation=generation,
        chunker=chunker_digest(),
        **origin,
    )
    write_manifest(settings.index_dir, manifest)
    _clean_up(settings, client, collection, manifest, held, {store.record_id(c) for c in chunks})
    return manifest


def _no_progress(items: list[_T], **_: object) -> list[_T]:
    return items


def _old_rows(old: list[Chunk], chunks: list[Chunk]) -> np.ndarray:
    """Per chunk, a row of the previous build holding the same text (its vector and term counts), else -1."""
    row_of = {c.text_hash: n for n, c in enumerate(old)}
    return np.fromiter((row_of.get(c.text_hash, -1) for c in chunks), dtype=np.int64, count=len(chunks))


def _vectors(
    settings: Settings,
    client: ClientAPI,
    previous: Manifest | None,
    old: list[Chunk],
    chunks: list[Chunk],
    old_rows: np.ndarray,
    track: Track,
) -> tuple[np.ndarray, int]:
    """A row per chunk: the previous build's row for an unchanged text, else embedded now (each text once)."""
    reusable = _previous_vectors(settings, client, previous, old)
    if reusable is None:
        old_rows = np.full(len(chunks), -1)
    missing = list({chunks[n].text_hash: chunks[n].text for n in np.flatnonzero(old_rows < 0)}.items())
    fresh: dict[str, np.ndarray] = {}
    if missing:
        embedder = embedder_for(settings)
        # Longest first, so each batch holds texts of about one length and pads little.
        missing.sort(key=lambda item: -len(item[1]))
        batches = [missing[i : i + EMBED_BATCH] for i in range(0, len(missing), EMBED_BATCH)]
        for batch in track(batches, description=f"Embedding {len(missing)} chunks"):
            found = np.asarray(embedder.embed_documents([text for _, text in batch]), dtype=np.float32)
            fresh.update(zip((text_hash for text_hash, _ in batch), found))
    dimensions = reusable.shape[1] if reusable is not None else len(next(iter(fresh.values()), ()))
    vectors = np.empty((len(chunks), dimensions), dtype=np.float32)
    reused = np.flatnonzero(old_rows >= 0)
    if reusable is not None:
        vectors[reused] = reusable[old_rows[reused]]
    for n in np.flatnonzero(old_rows < 0):
        vectors[n] = fresh[chunks[n].text_hash]
    return vectors, len(chunks) - len(reused)


def _previous_vectors(
    settings: Settings, client: ClientAPI, previous: Manifest | None, old: list[Chunk]
) -> np.ndarray | None:
    """The serving build's vectors in its chunk order: its vectors.npy, or for a build from before that file
    existed, read back from its Chroma collection once."""
    if previous is None or not old:
        return None
    saved = read_vectors(build_dir(settings.index_dir, previous.build_id))
    if saved is not None:
        return saved
    try:
        collection = client.get_collection(previous.collection)
    except Exception:  # the serving collection is gone (a wiped server): embed everything again
        return None
    by_id = store.vectors_by_id(collection, [store.record_id(c, legacy=True) for c in old])
    if len(by_id) != len(old):
        return None
    return np.asarray([by_id[c.id] for c in old], dtype=np.float32)


def _clean_up(
    settings: Settings, client: ClientAPI, collection: Collection, manifest: Manifest, held: set[str], kept: set[str]
) -> None:
    """After the swap: the records only the replaced build read, any a killed build added, other collections."""
    store.delete(collection, sorted(held - kept))
    if collection.count() != len(kept):  # a killed build's records: rare, so the listing of ids is too
        store.delete(collection, sorted(store.all_ids(collection) - kept))
    store.drop_others(client, keep={manifest.collection})
    health.sweep(settings)
    builds = settings.index_dir / "builds"
    for directory in builds.iterdir():
        if directory.name != manifest.build_id:
            shutil.rmtree(directory, ignore_errors=True)
