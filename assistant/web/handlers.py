"""What the page does when a visitor acts: answer a question (streamed), vote or comment, show the data tab,
refresh, find listings for a brief and make the brief. Gradio calls these; layout.py wires them to controls.

The filter controls' values and their meaning as Filters are here too, as the chat handler reads them.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, cast

import gradio as gr

from assistant.answer.models import Answer, AnswerError, Citation
from assistant.chat import Assistant, Conversation
from assistant.corpus.listings.fetch import offline_reason
from assistant.index.meta import ListingMeta
from assistant.query import Filters
from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.listing import Seniority, WorkMode
from assistant.web import feedback, render
from assistant.web.limits import MAX_COMMENT_CHARS, ChatMessage, RateLimiter, keep_last
from assistant.web.service import RefreshUnavailable, Service, stream_answer
from assistant.web.status import data_status

POSTED_WITHIN: dict[str, int | None] = {"any time": None, "last 7 days": 7, "last 30 days": 30, "last 90 days": 90}
ANY = "any"

FILTER_DEFAULTS: tuple[str, str, str, None, str, str] = (
    ANY,
    ANY,
    ANY,
    None,
    "any time",
    ANY,
)  # region, work mode, seniority, salary, posted, source
REFRESH_OFF = (
    "Refresh from this page is off (set `CAREER_ASSISTANT_WEB_REFRESH=true` to allow it); "
    "run `career-assistant refresh` and `career-assistant index build` on the server instead."
)


def control_filters(
    region: str, work_mode: str, seniority: str, min_salary: float | None, posted: str, source: str
) -> Filters | None:
    """The filter controls as Filters; None when every control is left at "any"."""
    filters = Filters(
        regions=[region] if region != ANY else [],
        work_modes=[WorkMode(work_mode)] if work_mode != ANY else [],
        seniority=[Seniority(seniority)] if seniority != ANY else [],
        min_annual_usd=float(min_salary) if min_salary else None,
        posted_within_days=POSTED_WITHIN.get(posted),
        sources=[source] if source != ANY else [],
    )
    return filters if filters != Filters() else None


class Handlers:
    """The page's handlers; every handler reads `service.assistant` at call time, so a refresh swaps it for all."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.feedback_limit = RateLimiter()

    @property
    def assistant(self) -> Assistant:
        return self.service.assistant

    # --- chat ----------------------------------------------------------------------------------------------

    def respond(
        self,
        question: str,
        history: list[ChatMessage] | None,
        conversation: Conversation,
        answers: list[Answer | None] | None,
        region: str,
        work_mode: str,
        seniority: str,
        min_salary: float | None,
        posted: str,
        source: str,
    ) -> Iterator[tuple[list[ChatMessage], str, dict[str, Any] | str, list[Answer | None]]]:
        history = list(history or [])
        answers = list(answers or [])
        try:
            question = self.assistant.check_question(question)
        except AnswerError as error:
            gr.Warning(str(error))
            yield history, question, gr.skip(), answers
            return
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        filters = control_filters(region, work_mode, seniority, min_salary, posted, source)
        try:
            for text, answer in stream_answer(self.assistant, question, conversation, filters):
                if answer is None:
                    history[-1] = {
                        "role": "assistant",
                        "content": render.answer_markdown(
                            Answer(question=question, answer=text, answerable=True, backend=""), len(answers)
                        ),
                    }
                    yield history, "", gr.skip(), answers
        except AnswerError as error:
            history[-1] = {"role": "assistant", "content": f"⚠ {error}"}
            answers.append(None)  # one entry per exchange keeps votes on later answers pointing right
            yield history, "", gr.skip(), answers
            return
        answer = cast(Answer, answer)  # stream_answer's last pair always carries the Answer
        answers.append(answer)
        history[-1] = {"role": "assistant", "content": render.answer_markdown(answer, len(answers) - 1)}
        history, answers = self._bounded(history, answers, conversation)
        # The answer's own bubble holds its listings table: one listings view per answer, kept with its question.
        yield history, "", self.sources(answers), answers

    @staticmethod
    def _bounded(
        history: list[ChatMessage], answers: list[Answer | None], conversation: Conversation
    ) -> tuple[list[ChatMessage], list[Answer | None]]:
        """The session's last exchanges only, so a long session holds bounded memory; the kept bubbles are
        rendered again so their [n] links match the renumbered sources."""
        kept_history, kept = keep_last(history, answers, conversation)
        if len(kept) < len(answers):
            for n, answer in enumerate(kept):
                if answer is not None:
                    kept_history[2 * n + 1] = {"role": "assistant", "content": render.answer_markdown(answer, n)}
        return kept_history, kept

    def sources(self, answers: list[Answer | None]) -> str:
        return render.sources_html([(n, a) for n, a in enumerate(answers) if a], self.passage_for)

    def passage_for(self, citation: Citation) -> str:
        """The chunk a quote was taken from, for the highlighted context."""
        for chunk in self.assistant.library.retriever.doc_chunks(citation.id):
            if citation.quote in chunk.text:
                return chunk.text
        return citation.quote

    def new_chat(
        self,
    ) -> tuple[list[ChatMessage], Conversation, list[Answer | None], str, str, str, str, str, None, str, str]:
        """An empty chat with every filter back at "any": a filter left set in a closed panel would silently
        narrow the next person's searches."""
        return [], Conversation(), [], render.sources_html([], self.passage_for), "", *FILTER_DEFAULTS

    def freshness(self) -> str:
        """The line under the question box: how old the listings are, or how far indexing them is."""
        library = self.assistant.library
        if library.indexing and (notice := library.indexing.notice()):
            return notice
        lines = library.listings.lines()
        newest = max((line.fetched_at for line in lines.values() if line.fetched_at), default=None)
        boards = len({line.source for line in lines.values()})
        return render.freshness_line(len(lines), newest, boards)

    def indexing_tick(self) -> tuple[str, gr.Timer]:
        """The freshness line again while the listings are being indexed; the timer stops once they are in."""
        library = self.assistant.library
        building = bool(library.indexing and not library.indexing.finished)
        return self.freshness(), gr.Timer(active=building)

    def vote(self, answers: list[Answer | None], request: gr.Request, data: gr.LikeData) -> None:
        answer = self._answer_at(answers, data.index)
        if answer is not None and self._allowed(request):
            self._record(request, answer, vote="up" if data.liked else "down")

    def comment(self, text: str | None, answers: list[Answer | None] | None, request: gr.Request) -> str:
        answered = [a for a in answers or [] if a]
        text = (text or "").strip()
        if not answered or not text:
            gr.Warning("Ask something first, then comment on the answer.")
            return text
        if len(text) > MAX_COMMENT_CHARS:
            gr.Warning(f"The comment is {len(text):,} characters long; the limit is {MAX_COMMENT_CHARS:,}.")
            return text
        if not self._allowed(request):
            gr.Warning("Too many comments and votes from this session; try again in a few minutes.")
            return text
        self._record(request, answered[-1], comment=text)
        gr.Info("Thanks: your comment was saved.")
        return ""

    def _allowed(self, request: gr.Request) -> bool:
        return self.feedback_limit.allow(getattr(request, "session_hash", None) or "api")

    @staticmethod
    def _answer_at(answers: list[Answer | None], index: int | list[int] | tuple[int, ...]) -> Answer | None:
        # Each exchange is two messages (question, answer), so message i belongs to answer i // 2.
        position = (index[0] if isinstance(index, (list, tuple)) else index) // 2
        return answers[position] if answers and 0 <= position < len(answers) else None

    def _record(
        self, request: gr.Request, answer: Answer, vote: Literal["up", "down"] | None = None, comment: str = ""
    ) -> None:
        feedback.record(
            self.service.settings.feedback_log,
            feedback.Feedback(
                session=getattr(request, "session_hash", None) or "api",
                question=answer.question,
                answer=answer.answer,
                vote=vote,
                comment=comment,
                backend=answer.backend,
                citations=[c.id for c in answer.citations],
            ),
        )

    def api_ask(self, question: str) -> dict[str, Any]:
        """One question, no history: the answer object of DESIGN.md, or {"error": ...} for a refused question."""
        try:
            return self.assistant.ask(question).model_dump(mode="json")
        except AnswerError as error:
            return {"error": str(error)}

    # --- data ----------------------------------------------------------------------------------------------

    def data(self) -> tuple[list[list[object]], list[list[object]], str, dict[str, Any], str]:
        # With the page's refresh off, no visitor's page load makes the server dial every board.
        blocked = offline_reason(self.service.settings) if self.service.settings.web_refresh else REFRESH_OFF
        status = data_status(self.assistant.library, blocked)
        sources: list[list[object]] = [
            [s.name, s.listings, s.last_refresh.strftime("%Y-%m-%d %H:%M UTC") if s.last_refresh else "—"]
            for s in status.sources
        ]
        guides: list[list[object]] = [[g.id, g.title, g.sections, g.as_of or "—"] for g in status.guides]
        index = (
            f"**Snapshot** `{status.snapshot}` · **index** built {status.index_built_at:%Y-%m-%d %H:%M} UTC in "
            f"{status.index_seconds:.0f} s · {status.index_chunks:,} chunks · model `{status.index_model}`"
        )
        button = gr.update(interactive=blocked is None)
        return sources, guides, index, button, blocked or "The live boards are reachable."

    def refresh(self) -> tuple[list[list[object]], list[list[object]], str, dict[str, Any], str]:
        # Checked here, not only by the button's state: any client can call a handler the page registers.
        if not self.service.settings.web_refresh:
            return (*self.data()[:4], REFRESH_OFF)
        try:
            message = self.service.refresh()
        except RefreshUnavailable as error:
            message = f"Refresh not run: {error}"
        return (*self.data()[:4], message)

    # --- brief ---------------------------------------------------------------------------------------------

    def search_listings(self, text: str) -> dict[str, Any]:
        """The picker's new choices, and a line saying what the search found (it takes a second or two)."""
        choices = self.listing_choices(text)
        said = f"“{text.strip()}”" if text.strip() else "the newest ML roles"
        info = (
            f"{len(choices)} listing{'s' if len(choices) != 1 else ''} for {said}: pick one"
            if choices
            else f"No listing matches {said}; try other words."
        )
        return gr.update(choices=choices, value=None, info=info)

    def listing_choices(self, text: str) -> list[tuple[str, str]]:
        """(label, id) of listings for the brief picker: the best matches for `text`, else the newest ML roles.
        Read from the index's listing fields, so filling the picker parses no snapshot."""
        retriever = self.assistant.library.retriever
        if text.strip():
            hits = retriever.search(text, Filters(kind="listing"), k=25)
            metas = [hit.meta for hit in hits if isinstance(hit.meta, ListingMeta)]
        else:
            metas = sorted(
                (m for m in self.assistant.library.listing_metas() if m.ml_relevant),
                key=lambda m: m.posted_at or "",
                reverse=True,
            )[:50]
        return [(f"{m.title} ({SOURCE_NAMES[m.source]})", m.listing_id) for m in metas]

    def brief(
        self, subject: str, listing_id: str | None, guide_id: str | None, notes: str
    ) -> tuple[str, str, dict[str, Any]]:
        from assistant.brief import BriefError, build_brief, to_markdown

        if subject == "a listing" and not listing_id:
            raise gr.Error("Pick a listing first (search, then choose one), or make a brief for the role guide.")
        try:
            brief = build_brief(
                self.assistant.library,
                listing_id=listing_id if subject == "a listing" else None,
                guide_id=guide_id,
                notes=notes or "",
            )
        except BriefError as error:
            raise gr.Error(str(error)) from None
        markdown = to_markdown(brief)
        name = re.sub(r"[^A-Za-z0-9]+", "-", brief.subject_id).strip("-")
        path = Path(tempfile.mkdtemp(prefix="brief-")) / f"interview-brief-{name}.md"
        path.write_text(markdown, encoding="utf-8")
        # The page lists the sources beside the brief, with their passages; the download keeps its own list.
        shown = render.link_markers(markdown.split("\n## Sources", 1)[0], {c.n for c in brief.citations}, "brief")
        panel = "".join(render.citation_html("brief", c, self.passage_for(c)) for c in brief.citations)
        return shown, panel, gr.update(value=str(path), visible=True)
