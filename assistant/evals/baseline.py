"""The llama-index default as a baseline: `VectorStoreIndex.from_documents` over the same documents.

Defaults throughout (SentenceSplitter 1024/200, the in-memory vector store, `as_retriever`), with one change:
the embedding model is the project's local all-MiniLM-L6-v2, because the library's default (OpenAI) cannot
run offline. Guides go in whole, as the default path would take them; a guide node counts as the section
whose lines it holds most of, so the section-level labels of the eval set apply to it.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any

from assistant.chat import Assistant
from assistant.corpus.guides import Guide, load_guides
from assistant.evals.runner import K, Report, relevant_documents

if TYPE_CHECKING:
    from llama_index.core import Document, VectorStoreIndex
from assistant.vocab.listing import Listing


def guide_text(guide: Guide) -> str:
    parts = [f"{'#' * s.level} {s.title}\n\n{s.text}".strip() if s.title else s.text for s in guide.sections]
    return "\n\n".join(part for part in parts if part.strip())


def listing_text(listing: Listing) -> str:
    return (
        f"{listing.title}\nCompany: {listing.company}\nLocation: {listing.location.text or 'not stated'}\n\n"
        f"{listing.description}"
    ).strip()


def documents(guides: list[Guide], listings: list[Listing]) -> list[Document]:
    from llama_index.core import Document

    return [Document(text=guide_text(g), id_=f"guide:{g.id}") for g in guides] + [
        Document(text=listing_text(l), id_=f"listing:{l.id}") for l in listings
    ]


class SectionMapper:
    """A node of a whole-guide document → the section whose lines it holds most of."""

    def __init__(self, guides: list[Guide]) -> None:
        self.sections = {
            f"guide:{g.id}": [
                (s.id, [line.strip() for line in s.text.splitlines() if line.strip()]) for s in g.sections
            ]
            for g in guides
        }

    @cache  # noqa: B019 (one mapper per eval run: the cache lives as long as it should)
    def doc_id(self, ref_doc_id: str, text: str) -> str:
        if ref_doc_id not in self.sections:
            return ref_doc_id
        scores = {sid: sum(len(line) for line in lines if line in text) for sid, lines in self.sections[ref_doc_id]}
        return f"{ref_doc_id}#{max(scores, key=lambda sid: scores[sid])}"


def default_index(guides: list[Guide], listings: list[Listing]) -> VectorStoreIndex:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from llama_index.core import Settings, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    from assistant.index.embeddings import verified_model_dir

    Settings.embed_model = HuggingFaceEmbedding(model_name=str(verified_model_dir()), device="cpu")
    return VectorStoreIndex.from_documents(documents(guides, listings))


def baseline_retrieval(assistant: Assistant, report: Report) -> dict[str, Any]:
    """Hit rate and MRR at K of the default dense retriever on the questions our retrieval was scored on."""
    guides = load_guides(assistant.settings.guides_dir)
    index = default_index(guides, list(assistant.library.listings.values()))
    retriever = index.as_retriever(similarity_top_k=K * 3)  # nodes, several per document: dedupe below
    mapper = SectionMapper(guides)
    ranks, ours = [], []
    for result in report.results:
        if result.retrieval is None:
            continue
        relevant = relevant_documents(result.question, assistant)
        ranked = list(
            dict.fromkeys(
                mapper.doc_id(n.node.ref_doc_id, n.node.get_content())
                for n in retriever.retrieve(result.question.question)
            )
        )[:K]
        ranks.append(next((i for i, doc in enumerate(ranked, 1) if doc in relevant), None))
        ours.append(result.retrieval.rank)
    count = len(ranks) or 1
    return {
        "questions": len(ranks),
        "k": K,
        "hit_rate": round(sum(r is not None for r in ranks) / count, 4),
        "mrr": round(sum(1 / r for r in ranks if r) / count, 4),
        "ours_hit_rate": round(sum(r is not None for r in ours) / count, 4),
        "ours_mrr": round(sum(1 / r for r in ours if r) / count, 4),
        "note": "Baseline: VectorStoreIndex.from_documents with llama-index defaults and the same local "
        "embedding model; guides as whole documents, nodes mapped to the section they hold most of.",
    }
