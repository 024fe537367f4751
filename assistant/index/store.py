"""The vector store: Chroma, embedded under index/ or a `chroma run` server — one code path either way."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from assistant.settings import Settings

if TYPE_CHECKING:  # chromadb takes a second to import: only a build or a fallback needs it
    import numpy as np
    import numpy.typing as npt
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Metadata

    from assistant.index.chunks import Chunk

PREFIX = "career_assistant_"
_BATCH = 2000  # Chroma caps how many records one call may carry


def collection_name(model: str) -> str:
    """One collection per embedding model, kept across builds: a build adds and deletes records in it."""
    return f"{PREFIX}{hashlib.sha256(model.encode()).hexdigest()[:16]}"


def record_id(chunk: Chunk, legacy: bool = False) -> str:
    """A chunk's record: its id and its text's hash, so a changed chunk is a new record beside the old one and
    the build still serving keeps every record it reads until the next manifest replaces it."""
    return chunk.id if legacy else record_key(chunk.id, chunk.text_hash)


def record_key(chunk_id: str, text_hash: str) -> str:
    return f"{chunk_id}@{text_hash}"


def client_for(settings: Settings) -> ClientAPI:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or 8000,
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    path = settings.index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def open_or_create(client: ClientAPI, name: str) -> Collection:
    # Cosine distance: the local model's vectors are normalized, and OpenAI's are meant for cosine.
    return client.get_or_create_collection(name=name, metadata={"hnsw:space": "cosine"})


def add(
    collection: Collection,
    ids: list[str],
    embeddings: npt.NDArray[np.float32],
    metadatas: list[Metadata],
) -> None:
    """Upsert: records a killed build already added are written again, not refused. No texts: the build's
    chunks file holds them and the record id carries their hash, and Chroma would keep a second copy and a
    full-text index of every text that nothing here searches (twice the upsert time, three times the size)."""
    for start in range(0, len(ids), _BATCH):
        end = start + _BATCH
        collection.upsert(ids=ids[start:end], embeddings=embeddings[start:end], metadatas=metadatas[start:end])


def delete(collection: Collection, ids: list[str]) -> None:
    for start in range(0, len(ids), _BATCH):
        collection.delete(ids=ids[start : start + _BATCH])


def all_ids(collection: Collection) -> set[str]:
    found: set[str] = set()
    offset = 0
    while batch := collection.get(include=[], limit=_BATCH * 5, offset=offset)["ids"]:
        found.update(batch)
        offset += len(batch)
    return found


def vectors_by_id(collection: Collection, ids: list[str]) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for start in range(0, len(ids), _BATCH):
        got = collection.get(ids=ids[start : start + _BATCH], include=["embeddings"])
        vectors = got["embeddings"]
        if vectors is None:  # asked for in `include`, so always there (zip raised the same TypeError)
            raise TypeError("the vector store returned no embeddings")
        found.update({i: list(e) for i, e in zip(got["ids"], vectors)})
    return found


def drop_others(client: ClientAPI, keep: set[str]) -> list[str]:
    """Delete our collections not in `keep`: the replaced build, and any a killed build left behind."""
    dropped = []
    for collection in client.list_collections():
        name = collection if isinstance(collection, str) else collection.name
        if name.startswith(PREFIX) and name not in keep:
            client.delete_collection(name)
            dropped.append(name)
    return dropped
