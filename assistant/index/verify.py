"""`index verify`: the stored vectors and text hashes still match the chunks, and the chunks the documents."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, Field

from assistant.index import store
from assistant.index.build import collect_chunks
from assistant.index.embeddings import embedder_for
from assistant.index.manifest import build_dir, read_chunks, read_manifest, read_vectors
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Metadata

    from assistant.index.chunks import Chunk

SAMPLE = 16  # chunks re-embedded to check the vectors are the model's


class VerifyReport(BaseModel):
    ok: bool
    chunks: int
    stored: int
    missing: list[str] = Field(default_factory=list)  # store records (chunk id @ text hash) with no vector
    mismatched: list[str] = Field(default_factory=list)  # stored text hash differs from the chunk's
    vectors_checked: int = 0
    vectors_off: list[str] = Field(default_factory=list)  # re-embedding gives a different vector
    stale_documents: int = 0  # documents added, changed or removed since the build
    problems: list[str] = Field(default_factory=list)


def verify_index(settings: Settings) -> VerifyReport:
    manifest = read_manifest(settings.index_dir)
    chunks = read_chunks(build_dir(settings.index_dir, manifest.build_id))
    collection = store.client_for(settings).get_collection(manifest.collection)
    legacy = read_vectors(build_dir(settings.index_dir, manifest.build_id)) is None  # a build before vectors.npy
    records = {store.record_id(chunk, legacy): chunk for chunk in chunks}
    stored: dict[str, Metadata] = {}
    ids = list(records)
    for start in range(0, len(ids), 2000):
        got = collection.get(ids=ids[start : start + 2000], include=["metadatas"])
        if got["metadatas"] is None:  # asked for in `include`, so always there
            raise TypeError("the vector store returned no metadata")
        stored.update(zip(got["ids"], got["metadatas"]))
    report = VerifyReport(ok=True, chunks=len(chunks), stored=collection.count())
    report.missing = [i for i in records if i not in stored]
    report.mismatched = [c.id for i, c in records.items() if i in stored and stored[i].get("text_hash") != c.text_hash]
    report.vectors_checked, report.vectors_off = _check_vectors(settings, collection, records)
    current, _ = collect_chunks(settings)
    report.stale_documents = len({doc for doc, _ in _documents(current) ^ _documents(chunks)})
    _summarize(report)
    return report


def _documents(chunks: list[Chunk]) -> set[tuple[str, str]]:
    by_doc: dict[str, list[str]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_id, []).append(chunk.text_hash)
    return {(doc, "".join(hashes)) for doc, hashes in by_doc.items()}


def _check_vectors(settings: Settings, collection: Collection, records: dict[str, Chunk]) -> tuple[int, list[str]]:
    sample = random.Random(0).sample(sorted(records), min(SAMPLE, len(records)))
    if not sample:
        return 0, []
    stored = store.vectors_by_id(collection, sample)
    fresh = embedder_for(settings).embed_documents([records[i].text for i in sample])
    off = []
    for record, vector in zip(sample, fresh):
        chunk = records[record]
        old = np.asarray(stored.get(record, np.zeros(len(vector))))
        cosine = float(np.dot(old, vector) / ((np.linalg.norm(old) * np.linalg.norm(vector)) or 1))
        if cosine < 0.99:
            off.append(chunk.id)
    return len(sample), off


def _summarize(report: VerifyReport) -> None:
    if report.stored != report.chunks:
        report.problems.append(f"the store holds {report.stored} vectors for {report.chunks} chunks")
    if report.missing:
        report.problems.append(f"{len(report.missing)} chunks have no vector")
    if report.mismatched:
        report.problems.append(f"{len(report.mismatched)} stored records hold another text hash than their chunks")
    if report.vectors_off:
        report.problems.append(f"{len(report.vectors_off)} of {report.vectors_checked} re-embedded chunks differ")
    if report.stale_documents:
        report.problems.append(
            f"{report.stale_documents} documents changed since the build: run `career-assistant index build`"
        )
    report.ok = not report.problems
