"""The web page's parts without a browser: escaping, citation links, filters, feedback, refresh availability."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import feedback
from assistant.answer.models import Answer, Citation, ListingView, SalaryView
from assistant.chat import Assistant, Conversation
from assistant.fetch import offline_reason
from assistant.models import Seniority, WorkMode
from assistant.query import Filters
from assistant.settings import Settings
from assistant.web import render
from assistant.web.app import control_filters
from assistant.web.service import stream_answer
from assistant.web.status import data_status
from tests.conftest import INJECTED_TITLE
from tests.scripted_llm import settings_for, stream


def citation(n: int, quote: str, kind="guide", id_="guide:remote-senior-ml-engineer#pay") -> Citation:
    return Citation(n=n, id=id_, kind=kind, title="Pay <by> market", url=None, quote=quote)


def test_markers_link_to_their_sources_and_text_is_escaped():
    answer = Answer(question="q", answer="A <b>bold</b> claim [1], a stray [7].", answerable=True,
                    backend="extractive", citations=[citation(1, "claim")], notices=["<i>note</i>"])
    html = render.answer_markdown(answer, turn=3)
    assert '<a class="cite" href="#src-3-1">[1]</a>' in html
    assert "[7]" in html and "#src-3-7" not in html  # no link to a source that does not exist
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>" not in html
    assert "&lt;i&gt;note&lt;/i&gt;" in html


def test_source_entry_highlights_the_quote_in_its_passage_and_escapes_it():
    passage = "Intro. " + "x" * 400 + " The <range> is €110,000 – €165,000 here. " + "y" * 400
    entry = render.citation_html(0, citation(2, "The <range> is €110,000 – €165,000"), passage)
    assert 'id="src-0-2"' in entry and 'href="/guides/remote-senior-ml-engineer#pay"' in entry
    assert "<mark>The &lt;range&gt; is €110,000 – €165,000</mark>" in entry
    assert "Pay &lt;by&gt; market" in entry
    assert entry.count("…") == 2  # the passage is cut around the quote on both sides


def test_listing_sources_name_the_board_and_link_to_the_listing():
    cited = citation(1, "x", kind="listing", id_="listing:jobicy:12")
    cited.url = "https://jobicy.com/jobs/12?a=1&b=2"
    entry = render.citation_html(0, cited, "x")
    assert "listing · Jobicy" in entry and 'href="https://jobicy.com/jobs/12?a=1&amp;b=2"' in entry


def test_listing_rows_escape_untrusted_fields():
    view = ListingView(id="remoteok:999", title=INJECTED_TITLE, company="<script>x</script>", url="https://x.test/1",
                       source="remoteok", location="Worldwide", work_mode="remote",
                       salary=SalaryView(min=100000, max=120000, currency="EUR", period="year",
                                         annual_usd_min=108000, annual_usd_max=130000), posted_at="2026-07-01T00:00:00")
    html = render.listings_html([view], {})
    assert "<img" not in html and "<script>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "EUR 100,000–120,000/year (≈ $108,000/yr)" in html
    assert "<td>2026-07-01</td>" in html and "<td>Remote OK</td>" in html


def test_empty_controls_add_no_filters_and_set_ones_map_to_fields():
    assert control_filters("any", "any", "any", None, "any time", "any") is None
    filters = control_filters("Europe", "remote", "senior", 150000, "last 30 days", "jobicy")
    assert filters == Filters(regions=["Europe"], work_modes=[WorkMode.remote], seniority=[Seniority.senior],
                              min_annual_usd=150000, posted_within_days=30, sources=["jobicy"])


@pytest.fixture
def assistant(indexed_home, monkeypatch) -> Assistant:
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    return Assistant(Settings())


def test_controls_combine_with_what_the_question_asks(assistant):
    asked = assistant.ask("Find machine learning engineer jobs in Europe", filters=Filters(sources=["jobicy"]))
    filters = asked.understood["filters"]
    assert filters["sources"] == ["jobicy"] and "Europe" in filters["regions"]
    assert asked.listings and {view.source for view in asked.listings} == {"jobicy"}


def test_stream_ends_with_the_checked_answer_and_remembers_the_turn(assistant):
    conversation = Conversation()
    steps = list(stream_answer(assistant, "What do senior ML engineers earn in Germany?", conversation))
    text, answer = steps[-1]
    assert answer is not None and text == answer.answer and "€110,000" in text
    assert all(step[1] is None for step in steps[:-1])
    assert len(conversation.turns) == 1


def test_data_status_counts_listings_per_source(assistant):
    status = data_status(assistant, refresh_blocked="offline: test")
    counts = {s.source: s.listings for s in status.sources}
    assert sum(counts.values()) == len(assistant.listings) and counts["remoteok"] > 0
    assert counts["weworkremotely"] == 0  # the shared index reads no We Work Remotely capture
    assert status.index_model == assistant.retriever.manifest.model
    assert [g.id for g in status.guides] == ["remote-senior-ml-engineer"]


def test_feedback_lines_append_and_read_back(tmp_path):
    log = tmp_path / "feedback" / "feedback.jsonl"
    threads = [threading.Thread(target=feedback.record, args=(log, feedback.Feedback(
        session=str(n), question="q", answer="a", vote="up"))) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(int(entry.session) for entry in feedback.read(log)) == list(range(20))


class _Ok(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_refresh_is_possible_when_a_board_answers_and_says_why_not_otherwise():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        live = f"http://127.0.0.1:{server.server_port}/feed"
        assert offline_reason(Settings(endpoints={"remoteok": [live]})) is None
    finally:
        server.shutdown()
        server.server_close()
    closed = {source: [f"http://127.0.0.1:{server.server_port}/"] for source in
              ("remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse")}
    reason = offline_reason(Settings(endpoints=closed))
    assert reason.startswith("offline: no job board can be reached") and "127.0.0.1" in reason


def test_llm_answers_stream_piece_by_piece_then_end_checked(indexed_home, monkeypatch, llm_server):
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    llm_server.script = stream("Senior ML engineers in Germany earn ", "a base of €110,000 – €165,000 ", "[1].")
    bot = Assistant(settings_for(llm_server.url))
    steps = list(stream_answer(bot, "What do senior ML engineers earn in Germany?", Conversation()))
    partial = [text for text, answer in steps if answer is None]
    assert partial == ["Senior ML engineers in Germany earn ",
                       "Senior ML engineers in Germany earn a base of €110,000 – €165,000 ",
                       "Senior ML engineers in Germany earn a base of €110,000 – €165,000 [1]."]
    final = steps[-1][1]
    assert final.backend == "openai:scripted-model" and "€110,000 – €165,000" in final.answer
