"""The vector store: Chroma, embedded under index/ or a `chroma run` server — one code path either way."""

from __future__ import annotations

from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.settings import Settings

PREFIX = "career_assistant_"
_BATCH = 2000  # Chroma caps how many records one call may carry


def client_for(settings: Settings) -> chromadb.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost", port=url.port or 8000, ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    path = settings.index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def create(client: chromadb.ClientAPI, name: str):
    # Cosine distance: the local model's vectors are normalized, and OpenAI's are meant for cosine.
    return client.create_collection(name=name, metadata={"hnsw:space": "cosine"})


def add(collection, ids: list[str], embeddings: list[list[float]], documents: list[str], metadatas: list[dict]) -> None:
    for start in range(0, len(ids), _BATCH):
        end = start + _BATCH
        collection.add(ids=ids[start:end], embeddings=embeddings[start:end], documents=documents[start:end],
                       metadatas=metadatas[start:end])


def vectors_by_id(collection, ids: list[str]) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for start in range(0, len(ids), _BATCH):
        got = collection.get(ids=ids[start : start + _BATCH], include=["embeddings"])
        found.update({i: list(e) for i, e in zip(got["ids"], got["embeddings"])})
    return found


def drop_others(client: chromadb.ClientAPI, keep: set[str]) -> list[str]:
    """Delete our collections not in `keep`: the replaced build, and any a killed build left behind."""
    dropped = []
    for collection in client.list_collections():
        name = collection if isinstance(collection, str) else collection.name
        if name.startswith(PREFIX) and name not in keep:
            client.delete_collection(name)
            dropped.append(name)
    return dropped
