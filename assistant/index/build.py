"""`index build`: chunk every guide and listing, embed only what is new, store it, and swap in at the end."""

from __future__ import annotations

import bisect
import hashlib
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypedDict, TypeVar, cast

import numpy as np

from assistant.corpus import guides as guides_module
from assistant.corpus.guides import load_guides
from assistant.corpus.listings import snapshots
from assistant.index import chunks as chunks_module
from assistant.index import health, keyword, ledger, store
from assistant.index import meta as meta_module
from assistant.index.chunks import Chunk, guide_chunks, listing_chunks
from assistant.index.embeddings import embedder_for, model_id
from assistant.index.ledger import Document
from assistant.index.manifest import (
    IndexMissing,
    Manifest,
    build_dir,
    keep_vectors,
    new_vectors,
    read_lines,
    read_manifest,
    read_vectors,
    write_chunks,
    write_manifest,
)
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
COPY_ROWS = 50_000  # reused vectors copied per block
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


class Part(NamedTuple):
    """One document of the build being made: cut now (`chunks`), or reused from the previous build, whose
    rows `old_row` onward hold its chunks (then `chunks` is None and its ledger entry stands for them)."""

    document: Document
    chunks: list[Chunk] | None
    old_row: int = -1


def collect_chunks(settings: Settings) -> tuple[list[Chunk], Origin]:
    """Every chunk of the current guides and listing snapshot, plus what they came from."""
    parts, origin = _collect(settings, {})
    return [c for part in parts for c in part.chunks or ()], origin


def _collect(
    settings: Settings, earlier: dict[str, tuple[Document, int]], guides_only: bool = False
) -> tuple[list[Part], Origin]:
    """The build's documents, and what they came from. `earlier` maps a snapshot line's digest to the ledger
    entry and first row of the chunks a previous build cut from that line with the same chunking code: those
    are reused without parsing the line, so a refresh that changed 1% of 100k listings parses and cuts 1k
    listings, not 100k, and no more than one listing is held in memory at a time."""
    guides = load_guides(settings.guides_dir)
    snapshot = None if guides_only else snapshots.current_snapshot(settings.listings_dir)
    parts = [Part(ledger.document(cut), cut) for guide in guides for cut in _by_document(guide_chunks(guide))]
    for number, line in snapshots.lines(snapshot) if snapshot else ():
        digest = hashlib.sha256(line).hexdigest()[:32]
        if (reused := earlier.get(digest)) is not None:
            parts.append(Part(reused[0], None, reused[1]))
            continue
        listing = snapshots.parse_line(line, f"{cast(Path, snapshot).name} line {number}", snapshots.warn)
        if listing is not None and (cut := listing_chunks(listing)):
            parts.append(Part(ledger.document(cut, digest), cut))
    fetched = snapshots.load_meta(snapshot).get("fetched_at") if snapshot else None
    origin: Origin = {
        "snapshot": snapshot.name if snapshot else None,
        "snapshot_fetched_at": fetched,
        "guides": [guide.id for guide in guides],
        "listings_per_source": dict(Counter(p.document["source"] for p in parts if p.document["source"])),
    }
    return parts, origin


def _by_document(chunks: list[Chunk]) -> list[list[Chunk]]:
    groups: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        groups.setdefault(chunk.doc_id, []).append(chunk)
    return list(groups.values())


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


def _reusable(previous: Manifest | None, old: list[Document]) -> dict[str, tuple[Document, int]]:
    """The previous build's listings by snapshot-line digest, with their first rows, when it was cut by this
    code."""
    if previous is None or previous.chunker != chunker_digest():
        return {}
    by_line: dict[str, tuple[Document, int]] = {}
    row = 0
    for entry in old:
        if entry["line"] is not None:
            by_line[entry["line"]] = (entry, row)
        row += len(entry["ids"])
    return by_line


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
    earlier = build_dir(settings.index_dir, previous.build_id) if previous else None
    old = ledger.read(earlier, previous.chunks) if earlier and previous else []
    parts, origin = _collect(settings, _reusable(previous, old), guides_only)
    documents = [part.document for part in parts]
    new_digest = ledger.build_digest(documents)
    if previous is not None and new_digest == (previous.chunks_digest or ledger.build_digest(old)):
        # The same chunks (a refresh that found nothing new): the build serving stays, under the new snapshot.
        say("index is up to date: nothing to embed")
        same = previous.model_copy(update={"inputs": digest, "chunks_digest": new_digest, **origin})
        write_manifest(settings.index_dir, same)
        return same.model_copy(update={"embedded": 0, "reused": same.chunks, "removed_documents": 0})

    client = store.client_for(settings)
    collection = store.open_or_create(client, store.collection_name(model))
    rows = Rows(parts, earlier)
    old_rows = _old_rows(old, parts)
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    directory = build_dir(settings.index_dir, build_id)
    vectors, embedded = _vectors(settings, client, previous, old, rows, old_rows, track, directory)
    generation = (previous.generation if previous else 0) + 1
    held = _records(old) if previous and previous.collection == collection.name else set()
    adding = [n for n, record in enumerate(rows.records) if record not in held]
    store.add(
        collection,
        [rows.records[n] for n in adding],
        vectors[adding],
        [{**rows.fields(n), "generation": generation} for n in adding],
    )

    segments = [part.chunks or cast(tuple[int, int], tuple(part.document["span"])) for part in parts]
    spans = write_chunks(directory, segments, earlier / "chunks.jsonl" if earlier else None)
    ledger.write(directory, [{**entry, "span": list(span)} for entry, span in zip(documents, spans)])
    keep_vectors(directory)
    keyword.build(rows, directory / "bm25", earlier / "bm25" if earlier else None, old_rows)

    manifest = Manifest(
        build_id=build_id,
        collection=collection.name,
        model=model,
        dimensions=vectors.shape[1],
        store=settings.chroma_url or f"embedded at {settings.index_dir / 'chroma'}",
        built_at=datetime.now(UTC),
        seconds=round(time.perf_counter() - started, 2),
        chunks=len(rows),
        documents=dict(Counter(entry["kind"] for entry in documents)),
        embedded=embedded,
        reused=len(rows) - embedded,
        removed_documents=len({entry["doc_id"] for entry in old} - {entry["doc_id"] for entry in documents}),
        inputs=digest,
        chunks_digest=new_digest,
        generation=generation,
        chunker=chunker_digest(),
        **origin,
    )
    write_manifest(settings.index_dir, manifest)
    _clean_up(settings, client, collection, manifest, held, set(rows.records))
    return manifest


def _no_progress(items: list[_T], **_: object) -> list[_T]:
    return items


class Rows:
    """The new build's chunks row by row, without holding a reused document's chunks: its ids and text hashes
    come from the ledger, and its text (wanted only when the previous build's vectors or term counts cannot be
    reused) is read back from the previous build's file, one document at a time."""

    def __init__(self, parts: list[Part], earlier: Path | None) -> None:
        self.parts = parts
        self.path = earlier / "chunks.jsonl" if earlier else None
        self.starts = list(accumulate((len(part.document["ids"]) for part in parts), initial=0))
        self.hashes = [h for part in parts for h in part.document["text_hashes"]]
        self.records = [store.record_key(i, h) for part in parts for i, h in _pairs(part.document)]
        self._read: tuple[int, list[Chunk]] = (-1, [])

    def __len__(self) -> int:
        return self.starts[-1]

    def __getitem__(self, row: int) -> str:
        return self.chunk(row).text

    def fields(self, row: int) -> dict[str, str | int]:
        """What the store keeps beside a row's vector."""
        entry = self.parts[self._part(row)].document
        return {"doc_id": entry["doc_id"], "kind": entry["kind"], "text_hash": self.hashes[row]}

    def chunk(self, row: int) -> Chunk:
        n = self._part(row)
        part = self.parts[n]
        if part.chunks is not None:
            return part.chunks[row - self.starts[n]]
        if self._read[0] != n:
            self._read = (n, read_lines(cast(Path, self.path), part.document["span"]))
        return self._read[1][row - self.starts[n]]

    def _part(self, row: int) -> int:
        return bisect.bisect_right(self.starts, row) - 1


def _pairs(entry: Document) -> Iterable[tuple[str, str]]:
    return zip(entry["ids"], entry["text_hashes"])


def _records(documents: list[Document]) -> set[str]:
    return {store.record_key(i, h) for entry in documents for i, h in _pairs(entry)}


def _old_rows(old: list[Document], parts: list[Part]) -> np.ndarray:
    """Per row, a row of the previous build holding the same text (its vector and term counts), else -1: a
    reused document's own rows, and for a document cut now any earlier row with its text."""
    row_of = {h: n for n, h in enumerate(h for entry in old for h in entry["text_hashes"])}
    rows: list[int] = []
    for part in parts:
        hashes = part.document["text_hashes"]
        if part.old_row >= 0:
            rows.extend(range(part.old_row, part.old_row + len(hashes)))
        else:
            rows.extend(row_of.get(h, -1) for h in hashes)
    return np.asarray(rows, dtype=np.int64)


def _vectors(
    settings: Settings,
    client: ClientAPI,
    previous: Manifest | None,
    old: list[Document],
    rows: Rows,
    old_rows: np.ndarray,
    track: Track,
    directory: Path,
) -> tuple[np.ndarray, int]:
    """A row per chunk, written into `directory`'s vectors file: the previous build's row for an unchanged
    text, else embedded now (each text once)."""
    reusable = _previous_vectors(settings, client, previous, old)
    if reusable is None:
        old_rows = np.full(len(rows), -1)
    missing = list({rows.hashes[n]: rows[int(n)] for n in np.flatnonzero(old_rows < 0)}.items())
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
    vectors = new_vectors(directory, len(rows), dimensions)
    reused = np.flatnonzero(old_rows >= 0)
    if reusable is not None:
        for start in range(0, len(reused), COPY_ROWS):  # in blocks: all rows at once would be a 400 MB temporary
            block = reused[start : start + COPY_ROWS]
            vectors[block] = reusable[old_rows[block]]
    for n in np.flatnonzero(old_rows < 0):
        vectors[n] = fresh[rows.hashes[n]]
    return vectors, len(rows) - len(reused)


def _previous_vectors(
    settings: Settings, client: ClientAPI, previous: Manifest | None, old: list[Document]
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
    ids = [i for entry in old for i in entry["ids"]]  # a build before vectors.npy keyed its records by chunk id
    by_id = store.vectors_by_id(collection, ids)
    if len(by_id) != len(ids):
        return None
    return np.asarray([by_id[i] for i in ids], dtype=np.float32)


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
