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
from assistant.index.meta import ChunkMeta, construct_meta

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


class ChunkLines:
    """Where each chunk read from a build's chunks.jsonl sits in that file: a later build that reuses a chunk
    copies its bytes instead of serializing it again (at 100k listings, 1 GB of JSON). Keyed by the chunk
    object, which the build keeps alive: a chunk it cut anew has no line here and is serialized."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.spans: dict[int, tuple[int, int]] = {}

    def span(self, chunk: Chunk) -> tuple[int, int] | None:
        return self.spans.get(id(chunk))


def write_chunks(directory: Path, chunks: list[Chunk], earlier: ChunkLines | None = None) -> None:
    """Streamed to a temporary file and renamed, so neither the whole text nor half a file ever exists."""
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".chunks.jsonl.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as out, _source(earlier) as source:
            run: list[int] = []  # [start, end) of the old file's bytes still to copy: reused lines come in runs
            for chunk in chunks:
                span = earlier.span(chunk) if earlier is not None else None
                if span and run and run[1] == span[0]:
                    run[1] = span[1]
                    continue
                _copy(source, run, out)
                run = list(span) if span else []
                if not span:
                    out.write((chunk.model_dump_json() + "\n").encode("utf-8"))
            _copy(source, run, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, directory / "chunks.jsonl")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _source(earlier: ChunkLines | None) -> Iterator[BinaryIO | None]:
    if earlier is None or not earlier.spans:
        yield None
        return
    with earlier.path.open("rb") as handle:
        yield handle


def _copy(source: BinaryIO | None, run: list[int], out: BinaryIO) -> None:
    """Read and write, not mmap: a mapped gigabyte would count in the build's memory; the page cache does not."""
    if not run or source is None:
        return
    source.seek(run[0])
    left = run[1] - run[0]
    while left > 0:
        piece = source.read(min(left, 1 << 22))
        if not piece:
            raise OSError(f"{getattr(source, 'name', 'chunks.jsonl')} is shorter than when it was read")
        out.write(piece)
        left -= len(piece)


def read_chunks(directory: Path) -> list[Chunk]:
    return _read(directory, None)


def read_chunk_lines(directory: Path) -> tuple[list[Chunk], ChunkLines]:
    """The chunks, and where each one's line is (for a build; a serving process does not keep them)."""
    lines = ChunkLines(directory / "chunks.jsonl")
    return _read(directory, lines), lines


def _read(directory: Path, lines: ChunkLines | None) -> list[Chunk]:
    # The build wrote and validated these; constructing without validating again is what makes an index of
    # 300k chunks open in seconds, not minutes. The chunks of one listing carry equal (frozen) metas: they
    # share one object, which takes a third off an index's memory at 100k listings.
    chunks: list[Chunk] = []
    shared: tuple[str, dict[str, Any], ChunkMeta] | None = None  # the last doc id, its meta as read and as built
    offset = 0
    with (directory / "chunks.jsonl").open("rb") as handle:
        for line in handle:
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            fields = orjson.loads(line)
            if shared is None or shared[0] != fields["doc_id"] or shared[1] != fields["meta"]:
                shared = (fields["doc_id"], fields["meta"], construct_meta(fields["kind"], fields["meta"]))
            fields["meta"] = shared[2]
            chunk = Chunk.model_construct(**fields)
            if lines is not None and line.endswith(b"\n"):  # a cut last line is serialized again, not copied
                lines.spans[id(chunk)] = (start, offset)
            chunks.append(chunk)
    return chunks


def write_vectors(directory: Path, vectors: np.ndarray) -> None:
    """The build's vectors, one row per chunk in chunks.jsonl order: what the retriever multiplies with."""
    directory.mkdir(parents=True, exist_ok=True)
    partial = directory / f"{VECTORS}.partial"
    with partial.open("wb") as handle:
        np.save(handle, np.ascontiguousarray(vectors, dtype=np.float32))
    partial.replace(directory / VECTORS)


def read_vectors(directory: Path) -> np.ndarray | None:
    """Memory-mapped: opening costs nothing, and the pages are shared by every process serving this build."""
    path = directory / VECTORS
    return np.load(path, mmap_mode="r") if path.exists() else None
