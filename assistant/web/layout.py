"""The page's layout: the Chat, Interview brief and Data tabs, each control wired to its handler, and the
script and style the page loads (citation links that scroll the sources panel, the sources and table look)."""

from __future__ import annotations

import gradio as gr

from assistant.chat import Conversation
from assistant.corpus.guides import load_guides
from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.listing import Seniority, WorkMode
from assistant.vocab.places import REGIONS
from assistant.web import render
from assistant.web.handlers import ANY, POSTED_WITHIN, Handlers

EXAMPLES = [
    "What do senior ML engineers earn remotely in Germany?",
    "Find senior MLOps roles in Europe that disclose salary",
    "What are the stages of the hiring process?",
    "What red flags should I watch for in a senior ML engineer job ad?",
    "UK vs Germany pay for senior ML engineers",
]
CHAT_CONCURRENCY = 4  # answers run in parallel so one slow question (a slow LLM) never blocks other people
SESSION_TTL_S = 3_600  # an idle session's chat state is dropped after an hour
INDEXING_TICK_S = 3  # how often the page rereads the progress of a background index build

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
.source .passage h1, .source .passage h2, .source .passage h3, .source .passage h4 {
  font-size: 1em; margin: .4rem 0 .2rem;
}
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


class Page(Handlers):
    """Builds the Blocks: the tabs, their controls, and which handler each control calls."""

    def blocks(self) -> gr.Blocks:
        page: gr.Blocks
        with gr.Blocks(title="career-assistant", analytics_enabled=False, fill_width=True) as page:
            gr.Markdown(
                "## career-assistant\nRemote machine-learning careers: pay, hiring, flags, and current "
                "listings, every claim linked to its source."
            )
            with gr.Tab("Chat", id="chat"):
                self._chat_tab(page)
            with gr.Tab("Interview brief", id="brief"):
                self._brief_tab()
            with gr.Tab("Data", id="data"):
                self._data_tab(page)
            gr.api(self.api_ask, api_name="ask")  # type: ignore[attr-defined]  # gradio exports it, but not in __all__
        return page

    def _chat_tab(self, page: gr.Blocks) -> None:
        conversation = gr.State(Conversation(), time_to_live=SESSION_TTL_S)
        answers = gr.State([], time_to_live=SESSION_TTL_S)
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=520, elem_id="chat")
                question = gr.Textbox(
                    placeholder="Ask about remote ML roles, pay, hiring stages or listings",
                    show_label=False,
                    elem_id="question",
                    submit_btn="Ask",
                )
                freshness = gr.Markdown(elem_id="freshness")
                gr.Examples(EXAMPLES, inputs=question, label="Try")
                with gr.Accordion("Filters for listing searches", open=False):
                    with gr.Row():
                        region = gr.Dropdown([ANY, *REGIONS], value=ANY, label="Region")
                        work_mode = gr.Dropdown(
                            [ANY, *(m.value for m in WorkMode if m is not WorkMode.unknown)],
                            value=ANY,
                            label="Work mode",
                        )
                        seniority = gr.Dropdown(
                            [ANY, *(s.value for s in Seniority if s is not Seniority.unknown)],
                            value=ANY,
                            label="Seniority",
                        )
                    with gr.Row():
                        min_salary = gr.Number(label="Minimum salary (USD a year)", minimum=0, precision=0)
                        posted = gr.Dropdown(list(POSTED_WITHIN), value="any time", label="Posted within")
                        source = gr.Dropdown(
                            [(ANY, ANY), *((name, key) for key, name in SOURCE_NAMES.items())],
                            value=ANY,
                            label="Source",
                        )
                with gr.Row():
                    comment = gr.Textbox(
                        placeholder="Optional comment on the last answer", show_label=False, scale=4, elem_id="comment"
                    )
                    send = gr.Button("Send comment", scale=1)
                    new = gr.Button("New chat", scale=1, elem_id="new-chat")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(render.sources_html([], self.passage_for), elem_id="sources-panel")
        controls = [region, work_mode, seniority, min_salary, posted, source]
        question.submit(
            self.respond,
            [question, chatbot, conversation, answers, *controls],
            [chatbot, question, sources, answers],
            concurrency_limit=CHAT_CONCURRENCY,
            api_name="chat",
        )
        # On every page load: after a refresh swaps the listings, the next visit says so.
        page.load(self.freshness, None, freshness, show_progress="hidden", api_visibility="private")
        # While `serve` indexes the listings behind the page, the line says how far it is, every few seconds.
        ticking = gr.Timer(INDEXING_TICK_S, active=self.indexing_tick()[1].active)
        ticking.tick(self.indexing_tick, None, [freshness, ticking], show_progress="hidden", api_visibility="private")
        chatbot.like(self.vote, [answers], None, api_visibility="private")
        send.click(self.comment, [comment, answers], [comment], api_visibility="private")
        comment.submit(self.comment, [comment, answers], [comment], api_visibility="private")
        new.click(
            self.new_chat,
            None,
            [chatbot, conversation, answers, sources, question, *controls],
            api_visibility="private",
        )

    def _brief_tab(self) -> None:
        gr.Markdown(
            "Pick a listing (or the role guide alone), paste notes about a candidate if you have them, "
            "and get a brief to take into the interview. Every statement cites its source."
        )
        with gr.Row():
            with gr.Column(scale=3):
                subject = gr.Radio(["a listing", "the role guide"], value="a listing", label="Brief for")
                search = gr.Textbox(
                    label="Search listings", placeholder="e.g. MLOps Europe, then Enter", elem_id="brief-search"
                )
                listing = gr.Dropdown(
                    self.listing_choices(""),
                    label="Listing",
                    elem_id="brief-listing",
                    info="The newest ML roles; search to find others.",
                )
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

    def _data_tab(self, page: gr.Blocks) -> None:
        sources = gr.Dataframe(
            headers=["Source", "Listings", "Last refresh"],
            label="Listings by source",
            interactive=False,
            elem_id="data-sources",
        )
        guides = gr.Dataframe(headers=["Guide", "Title", "Sections", "As of"], label="Role guides", interactive=False)
        index = gr.Markdown()
        with gr.Row():
            refresh = gr.Button("Refresh from the live job boards", interactive=False, elem_id="refresh")
            why = gr.Markdown(elem_id="refresh-status")
        page.load(self.data, None, [sources, guides, index, refresh, why], api_visibility="private")
        refresh.click(
            self.refresh, None, [sources, guides, index, refresh, why], concurrency_limit=1, api_visibility="private"
        )
