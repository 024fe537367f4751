"""The page answers four questions at once, and the first ones after `serve` starts arrive together: they must
share one embedding model, not load one each (issue 11's serving memory; found by `make reliability`'s soak
investigation, where four concurrent first answers loaded the weights four times)."""

from __future__ import annotations

import threading

from assistant.index import embeddings


def _together(load, n: int = 4) -> list:
    barrier, got = threading.Barrier(n), []

    def first_answer() -> None:
        barrier.wait()
        got.append(load())

    threads = [threading.Thread(target=first_answer) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return got


def test_first_answers_arriving_together_load_the_model_once():
    embeddings._local_embedder.cache_clear()  # a process that has not loaded the model yet
    loaded = _together(embeddings.local_embedder)
    assert len({id(embedder) for embedder in loaded}) == 1
    assert embeddings.local_embedder() is loaded[0]
    assert len(loaded[0].embed_query("What do senior ML engineers earn?")) == 384
