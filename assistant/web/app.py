"""The Gradio page: a Chat tab for candidates, an Interview brief tab for recruiters, a Data tab for everyone."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import gradio as gr
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse

from assistant.web import feedback
from assistant.answer.models import Answer, AnswerError
from assistant.chat import Conversation
from assistant.corpus.listings.fetch import offline_reason
from assistant.corpus.guides import load_guides
from assistant.vocab.listing import SOURCE_NAMES, Seniority, WorkMode
from assistant.vocab.places import REGIONS
from assistant.query import Filters
from assistant.web import render
from assistant.web.limits import MAX_COMMENT_CHARS, RateLimiter, keep_last
from assistant.web.guide_page import guide_html
from assistant.web.service import RefreshUnavailable, Service, stream_answer
from assistant.web.status import data_status

EXAMPLES = [
    "What do senior ML engineers earn remotely in Germany?",
    "Find senior MLOps roles in Europe that disclose salary",
    "What are the stages of the hiring process?",
    "What red flags should I watch for in a senior ML engineer job ad?",
    "UK vs Germany pay for senior ML engineers",
]
POSTED_WITHIN = {"any time": None, "last 7 days": 7, "last 30 days": 30, "last 90 days": 90}
ANY = "any"
CHAT_CONCURRENCY = 4  # answers run in parallel so one slow question (a slow LLM) never blocks other people
SESSION_TTL_S = 3_600  # an idle session's chat state is dropped after an hour
STATE_SESSIONS = 200  # sessions whose chat state the server keeps at once (Gradio's default is 10,000); the
# least recently used go first, so serving memory levels off instead of growing with every visitor
# Gradio's routes that take files: the page has no upload, so no visitor may store files on the server.
UPLOAD_PATHS = re.compile(r"^/(?:gradio_api/)?upload(?:_progress)?/?$")

HEAD = """
<script>
// [n] in an answer jumps to its passage in the sources panel (Gradio renders answers as sanitized Markdown,
// so the markers are plain links and this listener does the scrolling). Only the panel's own scroll box
// moves: scrollIntoView would scroll every ancestor, the page included, and leave the chat out of view.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a.cite');
  if (!link) return;
  const anchor = document.getElementById(link.getAttribute('href').slice(1));
  if (!anchor) return;
  event.preventDefault();
  event.stopPropagation();
  const entry = anchor.closest('.source') || anchor;
  const box = entry.closest('.sources-scroll');
  if (box) {
    const offset = entry.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTo({top: box.scrollTop + offset - 8, behavior: 'smooth'});
  }
  entry.classList.add('flash');
  setTimeout(() => entry.classList.remove('flash'), 2000);
}, true);
</script>
"""

CSS = """
.sources-scroll { max-height: 75vh; overflow-y: auto; overscroll-behavior: contain; padding-right: .4rem; }
.source { border-left: 3px solid #94a3b8; padding: .25rem .6rem; margin: .5rem 0; transition: background .3s; }
.source.flash { background: #fff3bf; }
.source .passage { margin: .3rem 0; font-size: .9em; color: #334155; }
.source .passage p { margin: .3rem 0; }
.source .passage h1, .source .passage h2, .source .passage h3, .source .passage h4 { font-size: 1em; margin: .4rem 0 .2rem; }
.source .passage table { border-collapse: collapse; margin: .3rem 0; }
.source .passage td, .source .passage th { border: 1px solid #cbd5e1; padding: .15rem .4rem; }
.source mark { background: #fde68a; padding: 0 .1rem; }
.source-kind { color: #64748b; font-size: .85em; }
.source-question { font-weight: 600; margin-top: .8rem; }
#freshness { color: #475569; font-size: .9em; }
/* A listings table in an answer: as wide as the chat, scrolling sideways rather than breaking words. */
#chat .message-wrap .bot:has(table), #chat .message-row.bot-row:has(table) .message { max-width: 100% !important; }
#chat table { display: block; overflow-x: auto; max-width: 100%; font-size: .85em; }
#chat table td, #chat table th { word-break: normal !important; overflow-wrap: normal !important;
  hyphens: none; min-width: 4.5rem; }
#chat table td:first-child { min-width: 11rem; }
#chat table td:nth-child(5) { min-width: 7.5rem; }
"""


FILTER_DEFAULTS = (ANY, ANY, ANY, None, "any time", ANY)  # region, work mode, seniority, salary, posted, source
REFRESH_OFF = ("Refresh from this page is off (set `CAREER_ASSISTANT_WEB_REFRESH=true` to allow it); "
               "run `career-assistant refresh` and `career-assistant index build` on the server instead.")


def control_filters(region: str, work_mode: str, seniority: str, min_salary: float | None, posted: str,
                    source: str) -> Filters | None:
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


class Page:
    """Builds the Blocks; every handler reads `service.assistant` at call time, so a refresh swaps it for all."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.feedback_limit = RateLimiter()

    @property
    def assistant(self):
        return self.service.assistant

    # --- chat ----------------------------------------------------------------------------------------------

    def respond(self, question, history, conversation, answers, region, work_mode, seniority, min_salary, posted,
                source):
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
                    history[-1] = {"role": "assistant", "content": render.answer_markdown(
                        Answer(question=question, answer=text, answerable=True, backend=""), len(answers))}
                    yield history, "", gr.skip(), answers
        except AnswerError as error:
            history[-1] = {"role": "assistant", "content": f"⚠ {error}"}
            answers.append(None)  # one entry per exchange keeps votes on later answers pointing right
            yield history, "", gr.skip(), answers
            return
        answers.append(answer)
        history[-1] = {"role": "assistant", "content": render.answer_markdown(answer, len(answers) - 1)}
        history, answers = self._bounded(history, answers, conversation)
        # The answer's own bubble holds its listings table: one listings view per answer, kept with its question.
        yield history, "", self.sources(answers), answers

    @staticmethod
    def _bounded(history: list, answers: list, conversation: Conversation) -> tuple[list, list]:
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

    def passage_for(self, citation) -> str:
        """The chunk a quote was taken from, for the highlighted context."""
        for chunk in self.assistant.library.retriever.doc_chunks(citation.id):
            if citation.quote in chunk.text:
                return chunk.text
        return citation.quote

    def new_chat(self):
        """An empty chat with every filter back at "any": a filter left set in a closed panel would silently
        narrow the next person's searches."""
        return [], Conversation(), [], render.sources_html([], self.passage_for), "", *FILTER_DEFAULTS

    def freshness(self) -> str:
        listings = self.assistant.library.listings
        newest = max((listing.fetched_at for listing in listings.values()), default=None)
        boards = len({listing.source for listing in listings.values()})
        return render.freshness_line(listings, newest, boards)

    def vote(self, answers, request: gr.Request, data: gr.LikeData):
        answer = self._answer_at(answers, data.index)
        if answer is not None and self._allowed(request):
            self._record(request, answer, vote="up" if data.liked else "down")

    def comment(self, text, answers, request: gr.Request):
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
    def _answer_at(answers: list[Answer | None], index) -> Answer | None:
        # Each exchange is two messages (question, answer), so message i belongs to answer i // 2.
        position = (index[0] if isinstance(index, (list, tuple)) else index) // 2
        return answers[position] if answers and 0 <= position < len(answers) else None

    def _record(self, request: gr.Request, answer: Answer, vote=None, comment: str = "") -> None:
        feedback.record(self.service.settings.feedback_log, feedback.Feedback(
            session=getattr(request, "session_hash", None) or "api", question=answer.question,
            answer=answer.answer, vote=vote, comment=comment, backend=answer.backend,
            citations=[c.id for c in answer.citations]))

    def api_ask(self, question: str) -> dict:
        """One question, no history: the answer object of DESIGN.md, or {"error": ...} for a refused question."""
        try:
            return self.assistant.ask(question).model_dump(mode="json")
        except AnswerError as error:
            return {"error": str(error)}

    # --- data ----------------------------------------------------------------------------------------------

    def data(self):
        # With the page's refresh off, no visitor's page load makes the server dial every board.
        blocked = offline_reason(self.service.settings) if self.service.settings.web_refresh else REFRESH_OFF
        status = data_status(self.assistant.library, blocked)
        sources = [[s.name, s.listings, s.last_refresh.strftime("%Y-%m-%d %H:%M UTC") if s.last_refresh else "—"]
                   for s in status.sources]
        guides = [[g.id, g.title, g.sections, g.as_of or "—"] for g in status.guides]
        index = (f"**Snapshot** `{status.snapshot}` · **index** built {status.index_built_at:%Y-%m-%d %H:%M} UTC in "
                 f"{status.index_seconds:.0f} s · {status.index_chunks:,} chunks · model `{status.index_model}`")
        button = gr.update(interactive=blocked is None)
        return sources, guides, index, button, blocked or "The live boards are reachable."

    def refresh(self):
        # Checked here, not only by the button's state: any client can call a handler the page registers.
        if not self.service.settings.web_refresh:
            return (*self.data()[:4], REFRESH_OFF)
        try:
            message = self.service.refresh()
        except RefreshUnavailable as error:
            message = f"Refresh not run: {error}"
        return (*self.data()[:4], message)

    # --- layout --------------------------------------------------------------------------------------------

    def blocks(self) -> gr.Blocks:
        with gr.Blocks(title="career-assistant", analytics_enabled=False, fill_width=True) as page:
            gr.Markdown("## career-assistant\nRemote machine-learning careers: pay, hiring, flags, and current "
                        "listings, every claim linked to its source.")
            with gr.Tab("Chat", id="chat"):
                self._chat_tab(page)
            with gr.Tab("Interview brief", id="brief"):
                self._brief_tab()
            with gr.Tab("Data", id="data"):
                self._data_tab(page)
            gr.api(self.api_ask, api_name="ask")
        return page

    def _chat_tab(self, page: gr.Blocks) -> None:
        conversation = gr.State(Conversation(), time_to_live=SESSION_TTL_S)
        answers = gr.State([], time_to_live=SESSION_TTL_S)
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=520, elem_id="chat")
                question = gr.Textbox(placeholder="Ask about remote ML roles, pay, hiring stages or listings",
                                      show_label=False, elem_id="question", submit_btn="Ask")
                freshness = gr.Markdown(elem_id="freshness")
                gr.Examples(EXAMPLES, inputs=question, label="Try")
                with gr.Accordion("Filters for listing searches", open=False):
                    with gr.Row():
                        region = gr.Dropdown([ANY, *REGIONS], value=ANY, label="Region")
                        work_mode = gr.Dropdown([ANY, *(m.value for m in WorkMode if m is not WorkMode.unknown)],
                                                value=ANY, label="Work mode")
                        seniority = gr.Dropdown([ANY, *(s.value for s in Seniority if s is not Seniority.unknown)],
                                                value=ANY, label="Seniority")
                    with gr.Row():
                        min_salary = gr.Number(label="Minimum salary (USD a year)", minimum=0, precision=0)
                        posted = gr.Dropdown(list(POSTED_WITHIN), value="any time", label="Posted within")
                        source = gr.Dropdown([(ANY, ANY), *((name, key) for key, name in SOURCE_NAMES.items())],
                                             value=ANY, label="Source")
                with gr.Row():
                    comment = gr.Textbox(placeholder="Optional comment on the last answer", show_label=False,
                                         scale=4, elem_id="comment")
                    send = gr.Button("Send comment", scale=1)
                    new = gr.Button("New chat", scale=1, elem_id="new-chat")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(render.sources_html([], self.passage_for), elem_id="sources-panel")
        controls = [region, work_mode, seniority, min_salary, posted, source]
        question.submit(self.respond, [question, chatbot, conversation, answers, *controls],
                        [chatbot, question, sources, answers], concurrency_limit=CHAT_CONCURRENCY,
                        api_name="chat")
        # On every page load: after a refresh swaps the listings, the next visit says so.
        page.load(self.freshness, None, freshness, show_progress="hidden", api_visibility="private")
        chatbot.like(self.vote, [answers], None, api_visibility="private")
        send.click(self.comment, [comment, answers], [comment], api_visibility="private")
        comment.submit(self.comment, [comment, answers], [comment], api_visibility="private")
        new.click(self.new_chat, None, [chatbot, conversation, answers, sources, question, *controls],
                  api_visibility="private")

    def _brief_tab(self) -> None:
        gr.Markdown("Pick a listing (or the role guide alone), paste notes about a candidate if you have them, "
                    "and get a brief to take into the interview. Every statement cites its source.")
        with gr.Row():
            with gr.Column(scale=3):
                subject = gr.Radio(["a listing", "the role guide"], value="a listing", label="Brief for")
                search = gr.Textbox(label="Search listings", placeholder="e.g. MLOps Europe, then Enter",
                                    elem_id="brief-search")
                listing = gr.Dropdown(self.listing_choices(""), label="Listing", elem_id="brief-listing",
                                      info="The newest ML roles; search to find others.")
                guides = [(g.title, g.id) for g in load_guides(self.service.settings.guides_dir)]
                guide = gr.Dropdown(guides, value=guides[0][1] if guides else None, label="Role guide")
                notes = gr.Textbox(label="Candidate notes (optional)", lines=4, elem_id="brief-notes")
                make = gr.Button("Make brief", variant="primary", elem_id="make-brief")
                download = gr.DownloadButton("Download Markdown", visible=False, elem_id="brief-download")
                document = gr.Markdown(elem_id="brief")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(elem_id="brief-sources")
        search.submit(self.search_listings, search, listing, show_progress="full", api_visibility="private")
        make.click(self.brief, [subject, listing, guide, notes], [document, sources, download], api_name="brief")

    def search_listings(self, text: str):
        """The picker's new choices, and a line saying what the search found (it takes a second or two)."""
        choices = self.listing_choices(text)
        said = f"“{text.strip()}”" if text.strip() else "the newest ML roles"
        info = (f"{len(choices)} listing{'s' if len(choices) != 1 else ''} for {said}: pick one" if choices
                else f"No listing matches {said}; try other words.")
        return gr.update(choices=choices, value=None, info=info)

    def listing_choices(self, text: str) -> list[tuple[str, str]]:
        """(label, id) of listings for the brief picker: the best matches for `text`, else the newest ML roles."""
        listings = self.assistant.library.listings
        if text.strip():
            hits = self.assistant.library.retriever.search(text, Filters(kind="listing"), k=25)
            found = [listings[h.doc_id.removeprefix("listing:")] for h in hits
                     if h.doc_id.removeprefix("listing:") in listings]
        else:
            found = sorted((l for l in listings.values() if l.ml_relevant),
                           key=lambda l: l.posted_at.isoformat() if l.posted_at else "", reverse=True)[:50]
        return [(f"{l.title} — {l.company} ({SOURCE_NAMES[l.source]})", l.id) for l in found]

    def brief(self, subject: str, listing_id: str | None, guide_id: str | None, notes: str):
        from assistant.brief import BriefError, build_brief, to_markdown

        if subject == "a listing" and not listing_id:
            raise gr.Error("Pick a listing first (search, then choose one), or make a brief for the role guide.")
        try:
            brief = build_brief(self.assistant.library, listing_id=listing_id if subject == "a listing" else None,
                                guide_id=guide_id, notes=notes or "")
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

    def _data_tab(self, page: gr.Blocks) -> None:
        sources = gr.Dataframe(headers=["Source", "Listings", "Last refresh"], label="Listings by source",
                               interactive=False, elem_id="data-sources")
        guides = gr.Dataframe(headers=["Guide", "Title", "Sections", "As of"], label="Role guides",
                              interactive=False)
        index = gr.Markdown()
        with gr.Row():
            refresh = gr.Button("Refresh from the live job boards", interactive=False, elem_id="refresh")
            why = gr.Markdown(elem_id="refresh-status")
        page.load(self.data, None, [sources, guides, index, refresh, why], api_visibility="private")
        refresh.click(self.refresh, None, [sources, guides, index, refresh, why], concurrency_limit=1,
                      api_visibility="private")


def create_app(service: Service) -> FastAPI:
    """FastAPI with the guide pages, and the Gradio page mounted at /."""
    app = FastAPI()

    @app.get("/guides/{guide_id}", response_class=HTMLResponse)
    def guide_page(guide_id: str) -> str:
        for guide in load_guides(service.settings.guides_dir):
            if guide.id == guide_id:
                return guide_html(guide)
        raise HTTPException(404, f"no guide {guide_id!r}")

    @app.middleware("http")
    async def no_uploads(request: Request, call_next):
        if UPLOAD_PATHS.match(request.url.path):
            return JSONResponse({"error": "this page takes no uploads"}, status_code=404)
        return await call_next(request)

    page = Page(service).blocks().queue(default_concurrency_limit=CHAT_CONCURRENCY)
    page.state_session_capacity = STATE_SESSIONS  # read when the page is mounted
    theme = gr.themes.Soft(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    return gr.mount_gradio_app(app, page, path="/", theme=theme, css=CSS, head=HEAD, ssr_mode=False,
                               footer_links=["api"])
