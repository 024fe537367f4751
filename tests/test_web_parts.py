"""The web page's parts without a browser: escaping, citation links, filters, feedback, refresh availability."""

import re
import threading
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from markdown_it import MarkdownIt

from assistant.answer.extractive.listings import (
    listing_view,
    location_cell,
    markdown_link,
    posted_cell,
    safe_url,
    salary_cell,
)
from assistant.answer.models import Answer, Citation, ListingView, SalaryView
from assistant.chat import Assistant, Conversation
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.fetch import offline_reason
from assistant.query import Filters
from assistant.settings import Settings
from assistant.vocab.listing import Seniority, WorkMode
from assistant.vocab.places import countries_in_region
from assistant.web import feedback, render
from assistant.web.handlers import REFRESH_OFF, control_filters
from assistant.web.layout import Page
from assistant.web.limits import MAX_EXCHANGES, RateLimiter, keep_last
from assistant.web.service import Service, stream_answer
from assistant.web.status import data_status
from tests.conftest import INJECTED_TITLE
from tests.scripted_llm import settings_for, stream


def citation(n: int, quote: str, kind="guide", id_="guide:remote-senior-ml-engineer#pay") -> Citation:
    return Citation(n=n, id=id_, kind=kind, title="Pay <by> market", url=None, quote=quote)


def test_markers_link_to_their_sources_and_text_is_escaped():
    answer = Answer(
        question="q",
        answer="A <b>bold</b> claim [1], a stray [7].",
        answerable=True,
        backend="extractive",
        citations=[citation(1, "claim")],
        notices=["<i>note</i>"],
    )
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


PAY_PASSAGE = (
    "Pay by market\n\nPay for remote senior ML engineers ranks **among the highest**.\n\n"
    "| Market | Base salary range |\n|---|---|\n| Canada | CAD 175,000 – CAD 240,000 |\n"
    "| Germany | €110,000 – €165,000 |\n\n- **Equity:** often worth more than base."
)


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_passages_render_as_markdown_tables_with_every_quote_of_one_passage_in_one_entry():
    answer = Answer(
        question="q",
        answer="a [1] b [2] c [3]",
        answerable=True,
        backend="extractive",
        citations=[
            citation(1, "| Canada | CAD 175,000 – CAD 240,000 |"),
            citation(2, "| Germany | €110,000 – €165,000 |"),
            citation(3, "**Equity:** often worth more than base."),
        ],
    )
    html = render.sources_html([(0, answer)], lambda c: PAY_PASSAGE)
    assert html.count('class="source"') == 1  # three citations of one passage: one entry
    assert all(f'id="src-0-{n}"' in html for n in (1, 2, 3)) and "[1]</b> <b>[2]</b> <b>[3]" in html
    assert "<table>" in html and "<td><mark>Canada</mark></td>" in html and "<mark>€110,000 – €165,000</mark>" in html
    assert "<strong>among the highest</strong>" in html and "<mark><strong>Equity:</strong> often" in html
    text = visible_text(html)
    assert "|---|" not in text and "**" not in text and "| Market |" not in text


def test_passage_markup_and_unsafe_links_stay_inert():
    passage = (
        "Apply [here](javascript:alert(1)) or [there](https://example.test/a?b=1). <script>x()</script>"
        " ![pixel](https://tracker.test/p.gif)"
    )
    html = render.highlight(passage, ["Apply"])
    assert 'href="javascript' not in html and "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="https://example.test/a?b=1"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "<img" not in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
        "//evil.test/x",
        "https://ok.test/a b",
        "ftp://files.test/x",
        "",
    ],
)
def test_only_http_urls_become_links(url):
    cited = citation(1, "x", kind="listing", id_="listing:jobicy:12")
    cited.url = url
    entry = render.citation_html(0, cited, "x")
    assert "<a " not in entry and "Pay &lt;by&gt; market" in entry
    assert safe_url(url) is None and markdown_link("Title", url) == "Title"


def test_a_parenthesis_in_a_url_cannot_break_out_of_the_markdown_link():
    link = markdown_link("Role", "https://x.test/job)![](https://evil.test/i.png)(")
    assert link.startswith("[Role](https://x.test/job%29") and link.count("(") == 1 and link.count(")") == 1
    rendered = MarkdownIt("commonmark").render(link)
    assert "<img" not in rendered and rendered.count("<a ") == 1


def test_listing_rows_escape_untrusted_fields_and_show_age():
    view = ListingView(
        id="remoteok:999",
        title=INJECTED_TITLE,
        company="<script>x</script>",
        url="https://x.test/1",
        source="remoteok",
        location="Worldwide",
        work_mode="remote",
        salary=SalaryView(
            min=100000, max=120000, currency="EUR", period="year", annual_usd_min=108000, annual_usd_max=130000
        ),
        posted_at="2026-07-01T00:00:00",
    )
    assert "<" not in markdown_link(view.title, view.url) and "img src=x onerror=alert(1)" in markdown_link(
        view.title, view.url
    )
    assert salary_cell(view) == "EUR 100,000–120,000/year (≈ $108,000/yr)"
    assert posted_cell(view, today=date(2026, 7, 11)) == "2026-07-01 (10 days ago)"
    assert posted_cell(view, today=date(2027, 1, 1)) == "2026-07-01 ⚠ posted 184 days ago"


def test_a_broad_region_match_says_so(assistant):
    broad, region = next(
        (l, r)
        for l in assistant.library.listings.values()
        if not l.location.countries
        for r in l.location.regions
        if countries_in_region(r)
    )
    country = sorted(countries_in_region(region))[0]
    cell = location_cell(listing_view(broad), broad, Filters(countries=[country]))
    assert cell.endswith(" · broad-region match")
    named = next(l for l in assistant.library.listings.values() if l.location.countries)
    plain = location_cell(listing_view(named), named, Filters(countries=named.location.countries[:1]))
    assert "broad-region" not in plain


def test_a_market_alone_answers_in_one_sentence_without_table_pipes(assistant):
    answer = assistant.ask("what about Canada?")
    assert "CAD 175,000 – CAD 240,000" in answer.answer
    assert "|" not in answer.answer and "Germany" not in answer.answer
    assert len(answer.citations) == 1 and answer.answer.count(". ") == 1  # the row, as one sentence


def test_a_pay_comparison_converts_to_one_currency_and_says_which_pays_more(assistant):
    answer = assistant.ask("UK or Canada, which pays better?")
    assert "£110,000 – £175,000" in answer.answer and "CAD 175,000 – CAD 240,000" in answer.answer
    verdict = next(line for line in answer.answer.splitlines() if line.startswith("Compared"))
    assert re.search(r"in US dollars at the ECB rate of \d{4}-\d\d-\d\d", verdict)
    assert "the United Kingdom ≈ $" in verdict and "Canada ≈ $" in verdict
    assert "The United Kingdom pays more" in verdict
    assert re.search(r"\[\d+\]", verdict)  # the converted figures cite the rows they restate


def test_freshness_line_names_the_snapshot_date_its_age_and_the_boards():
    line = render.freshness_line(818, datetime(2026, 7, 17, 9, tzinfo=UTC), 5, today=date(2026, 12, 1))
    assert line == "Listings from 2026-07-17 (137 days ago); 818 listings from 5 boards."


def test_feedback_is_limited_per_session_in_bounded_memory():
    now = [0.0]
    limiter = RateLimiter(limit=3, window=60, keys=100, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")  # another session has its own allowance
    now[0] = 61
    assert limiter.allow("a")
    for n in range(1_000):
        limiter.allow(f"s{n}")
    assert len(limiter._events) == 100


def test_a_long_session_keeps_only_its_last_exchanges():
    conversation = Conversation()
    conversation.turns.extend(range(MAX_EXCHANGES + 5))
    history = [{"role": r, "content": f"{r}{n}"} for n in range(MAX_EXCHANGES + 5) for r in ("user", "assistant")]
    answers = list(range(MAX_EXCHANGES + 5))
    history, answers = keep_last(history, answers, conversation)
    assert len(answers) == MAX_EXCHANGES and len(history) == 2 * MAX_EXCHANGES
    assert history[0]["content"] == "user5" and answers[0] == 5 and conversation.turns[0] == 5


def test_refresh_from_the_page_is_off_unless_configured(indexed_home, monkeypatch):
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    page = Page(Service(Settings()))
    before = snapshots.current_snapshot(Settings().listings_dir)
    *_, message = page.refresh()
    assert message == REFRESH_OFF and snapshots.current_snapshot(Settings().listings_dir) == before
    assert page.data()[3]["interactive"] is False


def test_empty_controls_add_no_filters_and_set_ones_map_to_fields():
    assert control_filters("any", "any", "any", None, "any time", "any") is None
    filters = control_filters("Europe", "remote", "senior", 150000, "last 30 days", "jobicy")
    assert filters == Filters(
        regions=["Europe"],
        work_modes=[WorkMode.remote],
        seniority=[Seniority.senior],
        min_annual_usd=150000,
        posted_within_days=30,
        sources=["jobicy"],
    )


@pytest.fixture
def assistant(indexed_home, monkeypatch) -> Assistant:
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    return Assistant(Settings())


def test_controls_combine_with_what_the_question_asks(assistant):
    asked = assistant.ask("Find machine learning engineer jobs in Europe", filters=Filters(sources=["jobicy"]))
    filters = asked.understood.filters
    assert filters.sources == ["jobicy"] and "Europe" in filters.regions
    assert asked.listings and {view.source for view in asked.listings} == {"jobicy"}


def test_stream_ends_with_the_checked_answer_and_remembers_the_turn(assistant):
    conversation = Conversation()
    steps = list(stream_answer(assistant, "What do senior ML engineers earn in Germany?", conversation))
    text, answer = steps[-1]
    assert answer is not None and text == answer.answer and "€110,000" in text
    assert all(step[1] is None for step in steps[:-1])
    assert len(conversation.turns) == 1


def test_data_status_counts_listings_per_source(assistant):
    status = data_status(assistant.library, refresh_blocked="offline: test")
    counts = {s.source: s.listings for s in status.sources}
    assert sum(counts.values()) == len(assistant.library.listings) and counts["remoteok"] > 0
    assert counts["weworkremotely"] == 0  # the shared index reads no We Work Remotely capture
    assert status.index_model == assistant.library.retriever.manifest.model
    assert [g.id for g in status.guides] == ["remote-senior-ml-engineer"]


def test_feedback_lines_append_and_read_back(tmp_path):
    log = tmp_path / "feedback" / "feedback.jsonl"
    threads = [
        threading.Thread(
            target=feedback.record, args=(log, feedback.Feedback(session=str(n), question="q", answer="a", vote="up"))
        )
        for n in range(20)
    ]
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
    closed = {
        source: [f"http://127.0.0.1:{server.server_port}/"]
        for source in ("remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse")
    }
    reason = offline_reason(Settings(endpoints=closed))
    assert reason.startswith("offline: no job board can be reached") and "127.0.0.1" in reason


def test_llm_answers_stream_piece_by_piece_then_end_checked(indexed_home, monkeypatch, llm_server):
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    llm_server.script = stream("Senior ML engineers in Germany earn ", "a base of €110,000 – €165,000 ", "[1].")
    bot = Assistant(settings_for(llm_server.url))
    steps = list(stream_answer(bot, "What do senior ML engineers earn in Germany?", Conversation()))
    partial = [text for text, answer in steps if answer is None]
    assert partial == [
        "Senior ML engineers in Germany earn ",
        "Senior ML engineers in Germany earn a base of €110,000 – €165,000 ",
        "Senior ML engineers in Germany earn a base of €110,000 – €165,000 [1].",
    ]
    final = steps[-1][1]
    assert final.backend == "openai:scripted-model" and "€110,000 – €165,000" in final.answer
