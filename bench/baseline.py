"""The baseline: llama-index's default path, `VectorStoreIndex.from_documents(documents)`, over the same documents.

Defaults throughout: node parsing by `Settings.node_parser` (SentenceSplitter, 1024 tokens, 200 overlap), the
in-memory SimpleVectorStore, `index.as_retriever(similarity_top_k=k)`, `storage_context.persist()` to disk.
One change only: `Settings.embed_model` is the same local all-MiniLM-L6-v2 the project uses (llama-index's
HuggingFaceEmbedding with its defaults), because the library's default embedding model is OpenAI's, which
cannot run offline. Incremental rebuilds use the index's own `refresh_ref_docs` (document hashes in its
docstore), so unchanged documents are not embedded again.

Documents: one per guide (the guide's text with its headings) and one per listing (title, company, location,
description). A guide node is scored as the guide section whose text it overlaps most, so the labels
written for the project's section-level citations (`guide:<id>#<section>`) can be applied to it.
"""

from __future__ import annotations

import os
import time
from functools import cache
from pathlib import Path

from common import REAL, Events, du_bytes, load_listings, load_queries, timed

K = 10
INCREMENTAL_BUDGET_S = 300
REFRESH_SLICE = 500


# --- documents -----------------------------------------------------------------------------------------------


def guide_text(guide) -> str:
    parts = [
        f"{'#' * section.level} {section.title}\n\n{section.text}".strip() if section.title else section.text
        for section in guide.sections
    ]
    return "\n\n".join(part for part in parts if part.strip())


def listing_text(listing) -> str:
    return (
        f"{listing.title}\nCompany: {listing.company}\nLocation: {listing.location.text or 'not stated'}\n\n"
        f"{listing.description}"
    ).strip()


def guide_documents(guides):
    from llama_index.core import Document

    return [Document(text=guide_text(guide), id_=f"guide:{guide.id}") for guide in guides]


def listing_documents(listings):
    from llama_index.core import Document

    return [Document(text=listing_text(listing), id_=f"listing:{listing.id}") for listing in listings]


def listing_node_texts(listings) -> dict[str, list[str]]:
    """What the default node parser makes of each listing document: the texts the embedding model is given."""
    from llama_index.core import Settings
    from llama_index.core.schema import MetadataMode

    texts: dict[str, list[str]] = {}
    for node in Settings.node_parser.get_nodes_from_documents(listing_documents(listings)):
        texts.setdefault(node.ref_doc_id.removeprefix("listing:"), []).append(node.get_content(MetadataMode.EMBED))
    return texts


def load_project_guides():
    from assistant.corpus.guides import load_guides
    from assistant.settings import Settings

    return load_guides(Settings().guides_dir)


# --- embedding -----------------------------------------------------------------------------------------------


def real_embedding():
    """HuggingFaceEmbedding with its defaults, on the project's verified local copy of all-MiniLM-L6-v2."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from pydantic import PrivateAttr

    from assistant.index.embeddings import verified_model_dir

    class TimedEmbedding(HuggingFaceEmbedding):
        """Counts texts and seconds spent embedding them; computes exactly what its parent computes."""

        _seconds: float = PrivateAttr(default=0.0)
        _texts: int = PrivateAttr(default=0)

        def _get_text_embeddings(self, texts):
            with timed() as t:
                vectors = super()._get_text_embeddings(texts)
            self._seconds += t.seconds
            self._texts += len(texts)
            return vectors

    return TimedEmbedding(model_name=str(verified_model_dir()), device="cpu")


def embedding_for(size: str, work: Path):
    if size == REAL:
        return real_embedding()
    from derived import DerivationTable, baseline_derived_embedding

    return baseline_derived_embedding(DerivationTable.load(work / "baseline_table.npz"), real_embedding)


def embedded_count(model) -> tuple[int, float | None]:
    """(texts embedded so far, seconds spent) for either embedding class."""
    if hasattr(model, "counts"):
        return model.counts.derived + model.counts.embedded, None
    return model._texts, model._seconds


# --- build ---------------------------------------------------------------------------------------------------


def build(params: dict, events: Events) -> dict:
    from llama_index.core import Settings, VectorStoreIndex

    corpus, work, size = Path(params["corpus"]), Path(params["work"]), params["size"]
    guides = load_project_guides()
    original = guide_documents(guides) + listing_documents(load_listings(corpus / "original.jsonl"))
    changed = guide_documents(guides) + listing_documents(load_listings(corpus / "changed.jsonl"))
    events.say("loading the embedding model")
    Settings.embed_model = model = embedding_for(size, work)

    events.say(f"from_documents over {len(original)} documents")
    with timed() as full:
        index = VectorStoreIndex.from_documents(original)
    nodes, embed_seconds = embedded_count(model)
    if size == REAL:
        dump_vectors(index, work / "baseline_vectors.npz")

    events.say("refresh_ref_docs with nothing changed")
    with timed() as unchanged:
        refreshed_unchanged = sum(index.refresh_ref_docs(original))
    before, _ = embedded_count(model)
    events.say("refresh_ref_docs with 1% of listings changed")
    incremental = refresh_within_budget(index, changed, INCREMENTAL_BUDGET_S, events)
    after, _ = embedded_count(model)

    persist_dir = work / "baseline-index"
    with timed() as persist:
        index.storage_context.persist(persist_dir=str(persist_dir))
    return {
        "documents": len(original),
        "chunks": nodes,
        "embed_seconds": embed_seconds,
        "chunks_per_s": nodes / embed_seconds if embed_seconds else None,
        "full_s": full.seconds,
        "unchanged_s": unchanged.seconds,
        "unchanged_refreshed_documents": refreshed_unchanged,
        "incremental_s": incremental["projected_s"] or incremental["seconds"],
        "incremental_measured_s": incremental["seconds"],
        "incremental_projected": incremental["projected_s"] is not None,
        "incremental_documents": incremental["documents"],
        "incremental_changed_documents": incremental["changed"],
        "incremental_embedded": after - before,
        "persist_s": persist.seconds,
        "index_bytes": du_bytes(persist_dir),
        "derived_vectors": size != REAL,
    }


def refresh_within_budget(index, documents, budget_s: float, events: Events) -> dict:
    """`refresh_ref_docs` over the documents in slices, stopping once `budget_s` is spent.

    With the default in-memory stores every changed document re-serializes the whole index struct, so the
    cost grows with changed documents × index size: at 100k listings the 1000 changed ones would take hours.
    Past the budget the total is projected linearly from the documents done (each costs about the same).
    """
    changed = sum(index.docstore.get_document_hash(d.id_) != d.hash for d in documents)  # untimed: for progress
    done = 0
    with timed() as t:
        for start in range(0, len(documents), REFRESH_SLICE):
            done += sum(index.refresh_ref_docs(documents[start : start + REFRESH_SLICE]))
            events.progress(done, changed, "refresh_ref_docs (changed documents)")
            if done < changed and time.perf_counter() - t.started > budget_s:
                break
    projected = t.seconds * changed / done if done < changed and done else None
    return {"seconds": t.seconds, "documents": done, "changed": changed, "projected_s": projected}


def dump_vectors(index, path: Path) -> None:
    from derived import save_vectors
    from llama_index.core.schema import MetadataMode

    vectors = index.vector_store.data.embedding_dict
    texts = [index.docstore.get_node(node_id).get_content(MetadataMode.EMBED) for node_id in vectors]
    save_vectors(path, texts, list(vectors.values()))


# --- query ---------------------------------------------------------------------------------------------------


class SectionMapper:
    """Maps a node of a whole-guide document to the section whose lines it holds most of (and all it touches)."""

    def __init__(self, guides) -> None:
        self.sections = {
            f"guide:{guide.id}": [
                (section.id, [line.strip() for line in section.text.splitlines() if line.strip()])
                for section in guide.sections
            ]
            for guide in guides
        }

    @cache  # noqa: B019 (one mapper per benchmark run: the cache lives as long as it should)
    def _map(self, ref_doc_id: str, text: str) -> tuple[str, tuple[str, ...]]:
        scores = {
            section_id: sum(len(line) for line in lines if line in text)
            for section_id, lines in self.sections[ref_doc_id]
        }
        best = max(scores, key=scores.get)
        covers = tuple(f"{ref_doc_id}#{s}" for s, score in scores.items() if score > 0)
        return f"{ref_doc_id}#{best}", covers

    def ids(self, node) -> tuple[str, tuple[str, ...]]:
        """(the id the node counts as, every id it overlaps)."""
        ref = node.ref_doc_id
        if ref in self.sections:
            return self._map(ref, node.get_content())
        return ref, (ref,)


def query(params: dict, events: Events) -> dict:
    from llama_index.core import Settings, StorageContext, load_index_from_storage
    from metrics import run_queries

    work = Path(params["work"])
    events.say("loading the embedding model")
    Settings.embed_model = real_embedding()
    events.say("loading the persisted index")
    with timed() as load:
        index = load_index_from_storage(StorageContext.from_defaults(persist_dir=str(work / "baseline-index")))
    retriever = index.as_retriever(similarity_top_k=K)
    mapper = SectionMapper(load_project_guides())

    def retrieve(question: str):
        ids = [mapper.ids(hit.node) for hit in retriever.retrieve(question)]
        return [[primary] for primary, _ in ids], {"lenient": [list(covers) for _, covers in ids]}

    results = run_queries(load_queries(Path(params["queries"])), retrieve, events)
    return {"load_s": load.seconds, "queries": results}
