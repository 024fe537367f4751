"""Running a question set through the assistant: answers, scores, retrieval metrics, totals."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from statistics import median
from typing import Any

from pydantic import BaseModel, Field

from assistant.answer.followup import resolve
from assistant.answer.models import Answer
from assistant.chat import Assistant, Conversation
from assistant.evals.questions import EvalQuestion
from assistant.evals.scoring import Score, fold, score
from assistant.query import Intent, understand

K = 5  # retrieval metrics look at the top five documents
INTENTS = {intent.value for intent in Intent}


class Retrieval(BaseModel):
    relevant: list[str]  # documents that hold the answer
    rank: int | None  # of the first relevant document among the top K, 1-based
    ranked: list[str] = Field(default_factory=list)


class QuestionResult(BaseModel):
    question: EvalQuestion
    answer: Answer
    score: Score
    retrieval: Retrieval | None = None
    section_right: bool | None = None  # the first guide section cited holds the answer (guide questions only)

    @property
    def intent_right(self) -> bool | None:
        """Whether the intent read matches the category, for categories that name an intent."""
        if self.question.category not in INTENTS or self.question.turns or not self.question.answerable:
            return None
        return self.answer.understood is not None and self.answer.understood.intent.value == self.question.category


class Totals(BaseModel):
    questions: int
    passed: int
    pass_rate: float
    facts_found: float
    listing_recall: float | None
    answerable_accuracy: float
    citation_validity: float
    latency_p50_ms: float
    latency_p95_ms: float
    hit_rate: float | None = None  # retrieval: share of questions with a relevant document in the top K
    mrr: float | None = None
    intent_accuracy: float | None = None  # questions whose category names an intent, read as that intent
    section_hit1: float | None = None  # guide questions whose first cited section holds the answer


class Report(BaseModel):
    created_at: datetime
    backend: str
    questions_file: str
    index: dict[str, Any]
    k: int = K
    overall: Totals
    categories: dict[str, Totals]
    baseline: dict[str, Any] | None = None  # the llama-index default's retrieval metrics, when run
    results: list[QuestionResult]


def ask(assistant: Assistant, question: EvalQuestion) -> Answer:
    """Multi-turn questions are asked as conversations: the earlier turns first, then the question."""
    conversation = Conversation()
    for turn in question.turns:
        assistant.ask(turn, conversation)
    return assistant.ask(question.question, conversation)


def relevant_documents(question: EvalQuestion, assistant: Assistant) -> list[str]:
    """Named source ids and listings, plus every guide section that holds all of the question's facts."""
    relevant = [s for s in question.sources if ":" in s]
    relevant += [f"listing:{assistant.library.aliases.get(lid, lid)}" for lid in question.listings]
    if question.facts and not question.listings:
        for doc_id in assistant.library.retriever.by_doc:
            if doc_id.startswith("guide:") and all(
                fold(fact) in fold(assistant.library.retriever.document_text(doc_id)) for fact in question.facts
            ):
                relevant.append(doc_id)
    return list(dict.fromkeys(relevant))


def retrieval_of(question: EvalQuestion, assistant: Assistant) -> Retrieval | None:
    if question.turns or not question.answerable:
        return None  # a follow-up's fragment alone is not a query; refusals have nothing to find
    relevant = relevant_documents(question, assistant)
    if not relevant:
        return None
    hits = assistant.retrieve(resolve(understand(question.question, employers=assistant.library.employers), []))[:K]
    ranked = [hit.doc_id for hit in hits]
    rank = next((n for n, doc in enumerate(ranked, 1) if doc in relevant), None)
    return Retrieval(relevant=relevant, rank=rank, ranked=ranked)


def section_right(question: EvalQuestion, answer: Answer, assistant: Assistant) -> bool | None:
    """For a guide question with facts: is the first guide section the answer cites one that holds them all?"""
    if question.listings or not question.answerable or not question.facts or "listing" in question.sources:
        return None
    relevant = [doc for doc in relevant_documents(question, assistant) if doc.startswith("guide:")]
    if not relevant:
        return None
    cited = next((c.id for c in answer.citations if c.kind == "guide"), None)
    return cited in relevant


def run_eval(
    assistant: Assistant,
    questions: list[EvalQuestion],
    questions_file: str,
    track: Callable[..., Iterable[EvalQuestion]] | None = None,
) -> Report:
    track = track or (lambda items, **_: items)
    assistant.library.retriever.embedder.embed_query("warm up")  # load the model before any latency is timed
    results = []
    for question in track(questions, description=f"Asking {len(questions)} questions"):
        answer = ask(assistant, question)
        scored = score(question, answer, assistant.library.retriever.document_text, assistant.library.aliases)
        results.append(
            QuestionResult(
                question=question,
                answer=answer,
                score=scored,
                retrieval=retrieval_of(question, assistant),
                section_right=section_right(question, answer, assistant),
            )
        )
    manifest = assistant.library.retriever.manifest
    categories = sorted({r.question.category for r in results})
    return Report(
        created_at=datetime.now(UTC),
        backend=assistant.settings.llm,
        questions_file=questions_file,
        index={"build_id": manifest.build_id, "model": manifest.model, "snapshot": manifest.snapshot},
        overall=totals(results),
        categories={c: totals([r for r in results if r.question.category == c]) for c in categories},
        results=results,
    )


def _share(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def totals(results: list[QuestionResult]) -> Totals:
    recalls = [r.score.listing_recall for r in results if r.score.listing_recall is not None]
    retrieved = [r.retrieval for r in results if r.retrieval]
    latencies = [r.score.latency_ms for r in results]
    return Totals(
        questions=len(results),
        passed=sum(r.score.passed for r in results),
        pass_rate=_share([r.score.passed for r in results]),
        facts_found=round(sum(r.score.facts_found for r in results) / len(results), 4) if results else 0.0,
        listing_recall=round(sum(recalls) / len(recalls), 4) if recalls else None,
        answerable_accuracy=_share([r.score.answerable_ok for r in results]),
        citation_validity=_share([r.score.citations_valid for r in results]),
        latency_p50_ms=round(median(latencies), 1) if latencies else 0.0,
        latency_p95_ms=_percentile(latencies, 0.95),
        hit_rate=_share([r.rank is not None for r in retrieved]) if retrieved else None,
        mrr=round(sum(1 / r.rank for r in retrieved if r.rank) / len(retrieved), 4) if retrieved else None,
        intent_accuracy=_share_of([r.intent_right for r in results]),
        section_hit1=_share_of([r.section_right for r in results]),
    )


def _share_of(values: list[bool | None]) -> float | None:
    known = [v for v in values if v is not None]
    return _share(known) if known else None
