"""The index manifest: which build serves, what it holds, and which model made its vectors.

Writing the manifest is the swap: until a build writes it, the previous build keeps serving.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
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


def write_chunks(directory: Path, chunks: list[Chunk]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    atomic_write(directory / "chunks.jsonl", "".join(chunk.model_dump_json() + "\n" for chunk in chunks))


def read_chunks(directory: Path) -> list[Chunk]:
    # The build wrote and validated these; constructing without validating again is what makes an index of
    # 300k chunks open in seconds, not minutes. The chunks of one listing carry equal (frozen) metas: they
    # share one object, which takes a third off an index's memory at 100k listings.
    chunks: list[Chunk] = []
    shared: tuple[str, dict[str, Any], ChunkMeta] | None = None  # the last doc id, its meta as read and as built
    with (directory / "chunks.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            fields = json.loads(line)
            if shared is None or shared[0] != fields["doc_id"] or shared[1] != fields["meta"]:
                shared = (fields["doc_id"], fields["meta"], construct_meta(fields["kind"], fields["meta"]))
            fields["meta"] = shared[2]
            chunks.append(Chunk.model_construct(**fields))
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
