"""A build's ledger: what it holds document by document — its chunk ids, text hashes, digests and the bytes of
its lines in chunks.jsonl — so the next build reuses an unchanged listing from the ledger alone. At 100k
listings, reading the chunks back as objects took longer than everything else a 1%-changed rebuild does."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict

import orjson

from assistant.files import atomic_write
from assistant.index.chunks import Chunk
from assistant.index.manifest import chunk_lines

LEDGER = "ledger.json"
LINES = "documents.json"  # what builds before the ledger kept: each listing's snapshot-line digest


class Document(TypedDict):
    """One document's chunks in a build, which are consecutive rows. A TypedDict, not a model: the build
    writes the file, and validating 100k of them again would cost more than the chunks they stand for."""

    doc_id: str
    kind: str  # "guide" or "listing"
    source: str | None  # a listing's board
    line: str | None  # digest of the snapshot line it was cut from: equal line and chunking code, equal chunks
    digest: str  # of its chunks' ids, texts and fields (`digest`)
    ids: list[str]
    text_hashes: list[str]
    span: list[int]  # [start, end) of its lines' bytes in the build's chunks.jsonl


def document(chunks: list[Chunk], line: str | None = None, span: tuple[int, int] = (0, 0)) -> Document:
    """The entry of one document's chunks (all of one doc id, in order)."""
    first = chunks[0]
    return {
        "doc_id": first.doc_id,
        "kind": first.kind,
        "source": getattr(first.meta, "source", None),
        "line": line,
        "digest": digest(chunks),
        "ids": [c.id for c in chunks],
        "text_hashes": [c.text_hash for c in chunks],
        "span": list(span),
    }


def digest(chunks: list[Chunk]) -> str:
    """Every chunk's id, text and fields: equal digests mean equal chunks."""
    hashed = hashlib.sha256()
    for chunk in chunks:
        # The dict the builders wrote before the meta had models: stored metas dump to the same bytes.
        meta = json.dumps(chunk.meta.model_dump(), sort_keys=True, default=str)
        hashed.update(f"{chunk.id}\0{chunk.text_hash}\0{meta}\n".encode())
    return hashed.hexdigest()


def build_digest(documents: Iterable[Document]) -> str:
    """A whole build's chunks, from its documents' digests: equal means an identical index."""
    return hashlib.sha256("\n".join(d["digest"] for d in documents).encode()).hexdigest()


def write(directory: Path, documents: list[Document]) -> None:
    atomic_write(directory / LEDGER, orjson.dumps(documents).decode())


def read(directory: Path, chunks: int) -> list[Document]:
    """The ledger of a build of `chunks` chunks. A build from before ledgers, or one whose ledger does not
    read back or does not match its chunks file, has it derived from that file, which costs what reading the
    chunks back always cost: a wrong span would copy the wrong lines into the next build."""
    try:
        documents: list[Document] = orjson.loads((directory / LEDGER).read_bytes())
        size = (directory / "chunks.jsonl").stat().st_size
    except (OSError, orjson.JSONDecodeError):
        return _derive(directory)
    if sum(len(d["ids"]) for d in documents) != chunks or (documents and documents[-1]["span"][1] != size):
        return _derive(directory)
    return documents


def _derive(directory: Path) -> list[Document]:
    try:
        lines: dict[str, str] = json.loads((directory / LINES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        lines = {}
    documents: list[Document] = []
    group: list[Chunk] = []
    span = [0, 0]
    whole = True
    for chunk, start, end, line_whole in chunk_lines(directory):
        if group and chunk.doc_id != group[0].doc_id:
            documents.append(_derived(group, lines, span, whole))
            group, whole = [], True
        span = [span[0] if group else start, end]
        group.append(chunk)
        whole = whole and line_whole
    if group:
        documents.append(_derived(group, lines, span, whole))
    return documents


def _derived(group: list[Chunk], lines: dict[str, str], span: list[int], whole: bool) -> Document:
    # A document whose last line was cut off is cut again from its listing, not copied.
    line = lines.get(group[0].doc_id) if whole else None
    return document(group, line, (span[0], span[1]))
