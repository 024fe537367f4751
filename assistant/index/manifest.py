"""The index manifest: which build serves, what it holds, and which model made its vectors.

Writing the manifest is the swap: until a build writes it, the previous build keeps serving.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import orjson
from pydantic import BaseModel, Field

from assistant.files import atomic_write
from assistant.index.chunks import Chunk
from assistant.index.meta import construct_meta

MANIFEST = "manifest.json"
VECTORS = "vectors.npy"


class IndexMissing(RuntimeError):
    """No index has been built yet (or it was deleted): the message says how to build one."""


class Manifest(BaseModel):
    build_id: str
    collection: str
    model: str
    dimensions: int
    store: str  # "embedded at <path>" or the server URL
    built_at: datetime
    seconds: float
    snapshot: str | None = None
    snapshot_fetched_at: datetime | None = None  # "posted within N days" counts back from here
    guides: list[str] = Field(default_factory=list)
    chunks: int
    documents: dict[str, int]  # per kind
    listings_per_source: dict[str, int]
    embedded: int  # chunks embedded by this build
    reused: int  # vectors carried over from the previous build
    removed_documents: int
    inputs: str | None = None  # digest of what it was built from (build.inputs_digest): unchanged → no rebuild
    chunks_digest: str | None = None  # digest of every chunk's id, text and fields (build.chunks_digest)
    generation: int = 0  # counts builds; the store's records carry the generation that added them
    chunker: str | None = None  # digest of the chunking code (build.chunker_digest): chunks are reused only under it


def build_dir(index_dir: Path, build_id: str) -> Path:
    return index_dir / "builds" / build_id


def read_manifest(index_dir: Path) -> Manifest:
    path = index_dir / MANIFEST
    if not path.exists():
        raise IndexMissing(f"no index in {index_dir}: run `career-assistant index build`")
    return Manifest.model_validate_json(path.read_text(encoding="utf-8"))


def write_manifest(index_dir: Path, manifest: Manifest) -> None:
    atomic_write(index_dir / MANIFEST, manifest.model_dump_json(indent=2))


Segment = list[Chunk] | tuple[int, int]  # chunks to serialize, or [start, end) of the earlier file's bytes to copy


def write_chunks(directory: Path, parts: list[Segment], earlier: Path | None = None) -> list[tuple[int, int]]:
    """Streamed to a temporary file and renamed, so neither the whole text nor half a file ever exists.
    A reused document's lines are copied from the earlier build's file instead of serialized again (at 100k
    listings, a gigabyte of JSON). Returns where each part's lines sit in the new file."""
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".chunks.jsonl.", suffix=".tmp")
    spans: list[tuple[int, int]] = []
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as out, _source(earlier, parts) as source:
            run: list[int] = []  # [start, end) of the old file's bytes still to copy: reused lines come in runs
            written = 0
            for part in parts:
                if isinstance(part, tuple):
                    if not (run and run[1] == part[0]):
                        _copy(source, run, out)
                        run = [part[0], part[0]]
                    run[1] = part[1]
                    size = part[1] - part[0]
                else:
                    _copy(source, run, out)
                    run = []
                    text = "".join(chunk.model_dump_json() + "\n" for chunk in part).encode("utf-8")
                    out.write(text)
                    size = len(text)
                spans.append((written, written + size))
                written += size
            _copy(source, run, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, directory / "chunks.jsonl")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return spans


@contextmanager
def _source(earlier: Path | None, parts: list[Segment]) -> Iterator[BinaryIO | None]:
    if earlier is None or not any(isinstance(part, tuple) for part in parts):
        yield None
        return
    with earlier.open("rb") as handle:
        yield handle


def _copy(source: BinaryIO | None, run: list[int], out: BinaryIO) -> None:
    """Copied by the kernel where it can (copy_file_range: at 100k listings, half the time of reading and
    writing 400 MB through Python). Not mmap: a mapped gigabyte would count in the build's memory."""
    if not run or run[1] <= run[0]:
        return
    if source is None:
        raise ValueError("lines to copy but no earlier chunks file")
    offset, end = run
    out.flush()  # the lines serialized before these reach the file first
    while offset < end:
        if hasattr(os, "copy_file_range"):  # Linux
            copied = os.copy_file_range(source.fileno(), out.fileno(), end - offset, offset)
        else:
            source.seek(offset)
            copied = out.write(source.read(min(end - offset, 1 << 22)))
        if not copied:
            raise OSError(f"{getattr(source, 'name', 'chunks.jsonl')} is shorter than when it was read")
        offset += copied


def read_chunks(directory: Path) -> list[Chunk]:
    return [chunk for chunk, *_ in chunk_lines(directory)]


def read_lines(path: Path, span: tuple[int, int] | list[int]) -> list[Chunk]:
    """The chunks whose lines sit at [start, end) of a chunks file (a reused document's, by its ledger)."""
    with path.open("rb") as handle:
        handle.seek(span[0])
        data = handle.read(span[1] - span[0])
    shared: dict[str, Any] = {}
    return [_chunk(orjson.loads(line), shared) for line in data.splitlines() if line.strip()]


def chunk_lines(directory: Path) -> Iterator[tuple[Chunk, int, int, bool]]:
    """Each chunk with [start, end) of its line in the file, and whether that line is whole (a cut last line
    has no line break)."""
    # The build wrote and validated these; constructing without validating again is what makes an index of
    # 300k chunks open in seconds, not minutes. The chunks of one listing carry equal (frozen) metas: they
    # share one object, which takes a third off an index's memory at 100k listings.
    shared: dict[str, Any] = {}
    offset = 0
    with (directory / "chunks.jsonl").open("rb") as handle:
        for line in handle:
            start, offset = offset, offset + len(line)
            if line.strip():
                yield _chunk(orjson.loads(line), shared), start, offset, line.endswith(b"\n")


def _chunk(fields: dict[str, Any], shared: dict[str, Any]) -> Chunk:
    """`shared` holds the last chunk's doc id, meta as read and meta as built: equal ones are shared."""
    if shared.get("doc_id") != fields["doc_id"] or shared.get("fields") != fields["meta"]:
        meta = construct_meta(fields["kind"], fields["meta"])
        shared.update(doc_id=fields["doc_id"], fields=fields["meta"], meta=meta)
    fields["meta"] = shared["meta"]
    return Chunk.model_construct(**fields)


def new_vectors(directory: Path, rows: int, dimensions: int) -> np.ndarray:
    """The build's vectors file, one row per chunk in chunks.jsonl order, filled in place through a memory map:
    at 100k listings, copying 400 MB of reused rows into memory and writing them out again took a second of a
    1%-changed rebuild. It keeps a partial name until `keep_vectors`, so a killed build leaves no vectors.npy."""
    directory.mkdir(parents=True, exist_ok=True)
    partial = directory / f"{VECTORS}.partial"
    return np.lib.format.open_memmap(partial, mode="w+", dtype=np.float32, shape=(rows, dimensions))


def keep_vectors(directory: Path) -> None:
    """Name the filled vectors file. No msync: a shared mapping's pages are the page cache other processes
    read, as np.save's writes were, and syncing 400 MB to disk would cost more than the build saved."""
    (directory / f"{VECTORS}.partial").replace(directory / VECTORS)


def read_vectors(directory: Path) -> np.ndarray | None:
    """Memory-mapped: opening costs nothing, and the pages are shared by every process serving this build."""
    path = directory / VECTORS
    return np.load(path, mmap_mode="r") if path.exists() else None
