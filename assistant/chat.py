"""The assistant: a question (and the conversation so far) in, an `Answer` with verified citations out."""

from __future__ import annotations

import time
from collections.abc import Callable

from assistant import snapshots
from assistant.answer import extractive
from assistant.answer.followup import Resolved, Turn, merge_filters, resolve
from assistant.answer.models import Answer, AnswerError, Passage
from assistant.index import health
from assistant.index.manifest import IndexMissing
from assistant.index.retrieve import Hit, IndexMismatch, Retriever, place_terms
from assistant.models import Listing
from assistant.query import Filters, Intent, Understood, understand
from assistant.settings import Settings

GUIDE_K = 5
LISTING_K = 10


class Conversation:
    """One person's chat: earlier turns, so follow-ups can refer back to them."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []

    def reset(self) -> None:
        self.turns.clear()


class Assistant:
    def __init__(self, settings: Settings | None = None, retriever: Retriever | None = None) -> None:
        self.settings = settings or Settings()
        try:
            self.retriever = retriever or health.open_retriever(self.settings)
        except (IndexMissing, IndexMismatch, health.IndexDamaged) as error:
            raise AnswerError(str(error)) from None
        self.listings = self._load_listings()
        self.stale = self._staleness()
        # Ids merged into another listing (reposts, the same job on two boards) → the id it is shown under.
        self.aliases = {ref.id: listing.id for listing in self.listings.values() for ref in listing.also_seen}

    def _load_listings(self) -> dict[str, Listing]:
        """The listings of the snapshot the index was built from, by id and by every merged alias."""
        name = self.retriever.manifest.snapshot
        path = self.settings.listings_dir / name if name else None
        if path is None or not path.exists():
            path = snapshots.current_snapshot(self.settings.listings_dir)
        found = snapshots.load_snapshot(path, on_bad=snapshots.warn) if path else []
        return {listing.id: listing for listing in found}

    def _staleness(self) -> str | None:
        """Listings refreshed since the index was built are not searchable yet: say so on every answer."""
        current = snapshots.current_snapshot(self.settings.listings_dir)
        if current and self.retriever.manifest.snapshot and current.name != self.retriever.manifest.snapshot:
            return ("The index is older than the current listings snapshot; run `career-assistant index build` "
                    "to search the newest listings.")
        return None

    def check_question(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise AnswerError("the question is empty: ask about remote ML roles, pay, hiring or listings")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise AnswerError(f"the question is {len(question):,} characters long; the limit is {limit:,}")
        return question

    def ask(self, question: str, conversation: Conversation | None = None,
            on_token: Callable[[str], None] | None = None, filters: Filters | None = None) -> Answer:
        """`filters` (the web page's controls) narrow whatever the question itself asks for."""
        started = time.perf_counter()
        question = self.check_question(question)
        history = conversation.turns if conversation else []
        resolved = self._resolve(understand(question), history)
        if filters is not None:
            understood = resolved.understood
            understood.filters = merge_filters(understood.filters, filters)
        retrieve_started = time.perf_counter()
        hits = self.retrieve(resolved)
        retrieve_ms = (time.perf_counter() - retrieve_started) * 1000
        draft, passages = self._extractive(resolved, hits)
        answer = Answer(question=question, answer=draft.answer, citations=draft.citations, listings=draft.listings,
                        answerable=draft.answerable, backend="extractive",
                        understood=resolved.understood.model_dump(mode="json"))
        if resolved.note:
            answer.notices.append(resolved.note)
        if self.stale:
            answer.notices.append(self.stale)
        if self.settings.llm == "openai" and draft.answerable and resolved.understood.intent is not Intent.listings:
            # The LLM answers the standalone question when the condense step made one.
            answer = self._with_llm(answer, resolved.understood.question, passages, history, on_token)
        elif on_token:
            on_token(answer.answer)
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {"retrieve": round(retrieve_ms, 1),
                             "generate": round(total - retrieve_ms, 1), "total": round(total, 1)}
        if conversation is not None:
            conversation.turns.append(Turn(question=question, understood=resolved.understood, answer=answer.answer,
                                           listing_ids=[view.id for view in answer.listings]))
        return answer

    def _resolve(self, understood: Understood, history: list[Turn]) -> Resolved:
        """Follow-ups: the rules, or with an LLM configured its condense step, checked against the rules."""
        if self.settings.llm == "openai" and history:
            from assistant.answer.condense import resolve_follow_up  # the LLM client loads only when used

            return resolve_follow_up(understood, history, self.settings)
        return resolve(understood, history)

    # --- retrieval ---------------------------------------------------------------------------------------------

    def retrieve(self, resolved: Resolved) -> list[Hit]:
        understood = resolved.understood
        if understood.intent is Intent.off_topic or resolved.listing_id:
            return []
        k = LISTING_K if understood.intent is Intent.listings else GUIDE_K
        expand = place_terms(understood.filters) + understood.markets
        hits = self.retriever.search(understood.question, understood.filters, k=k, expand=expand)
        return hits + self._intent_section(understood, hits, expand)

    def _intent_section(self, understood: Understood, hits: list[Hit], expand: list[str]) -> list[Hit]:
        """The best-ranked section whose heading answers the intent, when the top hits hold none: "what is an
        ML engineer, in short?" is asked in words no section shares, yet the overview answers it."""
        if extractive.heading_pattern(understood.intent) is None or any(
                extractive.fits_intent(h.meta, h.title, understood.intent) for h in hits if h.kind == "guide"):
            return []
        deeper = self.retriever.search(understood.question, understood.filters, k=50, expand=expand)
        fits = [h for h in deeper if h.kind == "guide" and extractive.fits_intent(h.meta, h.title, understood.intent)]
        return fits[:1]

    def passages(self, hits: list[Hit]) -> list[Passage]:
        """Numbered passages: every chunk of each guide section hit, the facts chunk of each listing hit."""
        passages: list[Passage] = []
        for hit in hits:
            chunks = self.retriever.doc_chunks(hit.doc_id)
            for chunk in chunks if hit.kind == "guide" else chunks[:1]:
                passages.append(Passage(n=len(passages) + 1, doc_id=chunk.doc_id, kind=chunk.kind,
                                        title=chunk.meta.get("title", ""), url=chunk.meta.get("url"),
                                        text=chunk.text, meta={**chunk.meta, "chunk": int(chunk.id.rsplit("~", 1)[1])}))
        return passages

    # --- backends ----------------------------------------------------------------------------------------------

    def _extractive(self, resolved: Resolved, hits: list[Hit]) -> tuple[extractive.Draft, list[Passage]]:
        understood = resolved.understood
        if resolved.listing_id:
            listing = self.listings.get(resolved.listing_id)
            passages = self.passages(self.retriever.hits_for(f"listing:{resolved.listing_id}"))
            if listing and passages:
                return extractive.answer_listing_detail(passages[0], listing), passages
        passages = self.passages(hits)
        if understood.intent is Intent.off_topic:
            return extractive.not_answerable(understood, passages), passages
        if understood.intent is Intent.listings:
            return extractive.answer_listings(understood, passages, self.listings), passages
        return extractive.answer_guide(understood, passages), passages

    def _with_llm(self, answer: Answer, question: str, passages: list[Passage], history: list[Turn],
                  on_token) -> Answer:
        from assistant.answer.check import check_answer
        from assistant.answer.llm import LLMError, generate

        turns = [(role, text) for turn in history[-3:] for role, text in (("user", turn.question),
                                                                           ("assistant", turn.answer))]
        try:
            text = generate(question, passages, self.settings, history=turns, on_token=on_token)
        except LLMError as error:
            answer.notices.append(f"The language model failed ({error}); this answer is extractive.")
            return answer
        checked = check_answer(text, passages)
        if not checked.kept:
            answer.notices.append("The language model's answer failed the citation check; this answer is extractive.")
            return answer
        if not checked.citations:  # a reply that cites nothing ("Good question!") says nothing checkable
            answer.notices.append("The language model's answer cited no source; this answer is extractive.")
            return answer
        notices = [f"Removed a sentence that its sources do not support: {sentence!r} ({reason})"
                   for sentence, reason in checked.removed]
        return answer.model_copy(update={"answer": checked.text, "citations": checked.citations,
                                         "backend": f"openai:{self.settings.llm_model}",
                                         "notices": answer.notices + notices})
