"""Is the index in service whole? Cheap checks at load, and what `index build` clears away before rebuilding.

An index is a manifest, a build folder (chunks.jsonl, bm25/) and a Chroma collection. Disks fill up and
processes get killed, so any of them may be truncated, garbled or gone. The checks read each part once
(counts, a one-vector probe query): seconds at most, never a re-embedding (that is `index verify`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import ValidationError

from assistant.index import store
from assistant.index.chunks import Chunk
from assistant.index.manifest import MANIFEST, IndexMissing, Manifest, build_dir, read_manifest, read_vectors
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import PyEmbeddings

    from assistant.index.retrieve import Retriever

REBUILD = "run `career-assistant index build` to rebuild it"


class IndexDamaged(RuntimeError):
    """The index exists but a part of it is unreadable or disagrees with the rest; the message is one line."""


def load_manifest(index_dir: Path) -> Manifest:
    """The manifest, or IndexMissing / IndexDamaged (never a JSON or validation traceback)."""
    try:
        return read_manifest(index_dir)
    except IndexMissing:
        raise
    except (ValidationError, ValueError, OSError, UnicodeDecodeError) as error:
        raise IndexDamaged(
            f"the index manifest {index_dir / MANIFEST} is unreadable ({type(error).__name__}): {REBUILD}"
        ) from None


def check(retriever: Retriever) -> None:
    """A loaded Retriever agrees with its manifest, else IndexDamaged. Answering reads the chunks, the keyword
    index and vectors.npy, never Chroma, so those are what is checked here (Chroma is checked by `damage`)."""
    manifest = retriever.manifest
    if len(retriever.chunks) != manifest.chunks:
        raise IndexDamaged(
            f"the index holds {len(retriever.chunks)} chunks where its manifest says {manifest.chunks}: {REBUILD}"
        )
    if not (retriever.directory / "bm25").is_dir():
        raise IndexDamaged(f"the keyword index of build {manifest.build_id} is gone: {REBUILD}")
    vectors = read_vectors(retriever.directory)
    if vectors is not None and (vectors.shape[0] != manifest.chunks or not np.isfinite(vectors[:1]).all()):
        raise IndexDamaged(f"the vector file holds {vectors.shape[0]} rows for {manifest.chunks} chunks: {REBUILD}")


def _probe(collection: Collection, chunk: dict[str, Any]) -> None:
    """One stored vector, queried back: it must find itself. Catches segment files that are gone."""
    record = store.record_id(Chunk.model_validate(chunk))
    got = collection.get(ids=[record], include=["embeddings"])
    if not got["ids"] or got["embeddings"] is None or len(got["embeddings"]) == 0:
        raise IndexDamaged(f"the vector store has no vector for chunk {chunk.get('id')}: {REBUILD}")
    probe: PyEmbeddings = [list(got["embeddings"][0])]
    found = collection.query(query_embeddings=probe, n_results=1, include=["distances"])
    if not found["ids"] or not found["ids"][0]:
        raise IndexDamaged(f"the vector store answers no query: {REBUILD}")


def open_retriever(settings: Settings, factory: Callable[[Settings], Retriever] | None = None) -> Retriever:
    """A checked Retriever; IndexMissing or IndexMismatch as before, IndexDamaged for anything broken."""
    from assistant.index.retrieve import IndexMismatch, Retriever

    factory = factory or Retriever
    load_manifest(settings.index_dir)  # a garbled manifest is named as such, not as a pydantic traceback
    try:
        retriever = factory(settings)
        check(retriever)
    except (IndexMissing, IndexMismatch, IndexDamaged):
        raise
    except Exception as error:  # truncated chunks, deleted bm25/, garbled SQLite, missing segments...
        raise IndexDamaged(f"the index in {settings.index_dir} is damaged ({_what(error)}): {REBUILD}") from None
    return retriever


def _what(error: Exception) -> str:
    first = (str(error).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first[:160]}" if first else type(error).__name__


def damage(settings: Settings) -> str | None:
    """Why the index in service cannot be trusted, or None when it is sound (or there is none yet).
    Reads the parts without the embedding model, so `index build` can ask before deciding it is up to date."""
    try:
        manifest = load_manifest(settings.index_dir)
    except IndexMissing:
        return None
    except IndexDamaged as error:
        return str(error)
    directory = build_dir(settings.index_dir, manifest.build_id)
    try:
        count, first = _chunk_lines(directory / "chunks.jsonl")
        if count != manifest.chunks:
            return f"{count} chunks on disk, {manifest.chunks} in the manifest"
        import bm25s  # here, not at import: opening an assistant imports no keyword index

        # Memory-mapped: the check reads the files' headers, not a 100k-listing index into memory.
        indexed = int(bm25s.BM25.load(str(directory / "bm25"), mmap=True).scores.get("num_docs", -1))
        if indexed != manifest.chunks:
            return f"the keyword index holds {indexed} chunks, not {manifest.chunks}"
        vectors = read_vectors(directory)
        if vectors is not None and vectors.shape[0] != manifest.chunks:
            return f"the vector file holds {vectors.shape[0]} rows for {manifest.chunks} chunks"
        collection = store.client_for(settings).get_collection(manifest.collection)
        if collection.count() < manifest.chunks:  # the collection may also hold records of other builds
            return f"the vector store holds {collection.count()} vectors for {manifest.chunks} chunks"
        if first is not None:
            _probe(collection, first)
    except IndexDamaged as error:
        return str(error).removesuffix(f": {REBUILD}")
    except Exception as error:
        return _what(error)
    return None


def _chunk_lines(path: Path) -> tuple[int, dict[str, Any] | None]:
    """How many whole chunk lines the file holds, and the first chunk; a cut or garbled line raises.
    Only the first and last lines are parsed, and the file is counted in blocks rather than read whole:
    `index build` asks this before every build, even an idle one, and at 100k listings the file is a gigabyte."""
    count, tail = 0, b""
    with path.open("rb") as handle:
        first = handle.readline()
        handle.seek(0)
        while block := handle.read(_BLOCK):
            count += block.count(b"\n")
            tail += block
            if (cut := tail.rfind(b"\n", 0, len(tail) - 1)) >= 0:
                tail = tail[cut + 1 :]  # only the last line, however many blocks it spans
    last = tail.rstrip(b"\n")
    parsed = [json.loads(line) for line in (first, last) if line.strip()]  # a line cut off by a full disk is not JSON
    if tail and not tail.endswith(b"\n"):
        raise IndexDamaged("chunks.jsonl ends in the middle of a line")
    return count, (parsed[0] if parsed else None)


_BLOCK = 1 << 22  # bytes per read


def clear(settings: Settings) -> None:
    """Take a damaged index out of service so the next build starts clean: the manifest and build folders go;
    the embedded store goes too when it cannot be opened (a garbled SQLite file). A served Chroma is left be."""
    (settings.index_dir / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(settings.index_dir / "builds", ignore_errors=True)
    if settings.chroma_url:
        return
    try:
        store.client_for(settings).list_collections()
    except Exception:
        _drop_client_cache()
        shutil.rmtree(settings.index_dir / "chroma", ignore_errors=True)


def _drop_client_cache() -> None:
    """Chroma keeps one system per path in the process; a deleted store must not be served from it."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    except Exception:  # an internal API: if it moved, a fresh process still starts clean
        pass


def sweep(settings: Settings) -> list[Path]:
    """Leftovers no build needs: `.manifest.json.*.tmp` from killed writes, and segment folders under the
    embedded store that no collection owns any more (Chroma leaves them when a collection is deleted)."""
    removed = [tmp for tmp in settings.index_dir.glob(".*.tmp")]
    for tmp in removed:
        tmp.unlink(missing_ok=True)
    chroma = settings.index_dir / "chroma"
    if settings.chroma_url or not (chroma / "chroma.sqlite3").exists():
        return removed
    try:
        with sqlite3.connect(f"file:{chroma / 'chroma.sqlite3'}?mode=ro", uri=True) as db:
            owned = {row[0] for row in db.execute("SELECT id FROM segments")}
    except sqlite3.Error:
        return removed
    for folder in chroma.iterdir():
        if folder.is_dir() and _looks_like_segment(folder.name) and folder.name not in owned:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _looks_like_segment(name: str) -> bool:
    parts = name.split("-")
    return [len(p) for p in parts] == [8, 4, 4, 4, 12] and all(c in "0123456789abcdef" for c in name.replace("-", ""))
