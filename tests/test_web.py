"""The web page in a real browser: Debian's chromium driven by Playwright against `career-assistant serve`."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from assistant.corpus.listings import snapshots
from assistant.settings import Settings
from tests.conftest import FEEDS, INJECTED_TITLE
from tests.scripted_llm import Handler, hang

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
# Where screenshots go: test artefacts by default; `make screenshots` points this at docs/screenshots.
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).parent / "artifacts"))
# Without the background-networking flags chromium keeps dialling Google on this offline machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 60_000

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="Debian chromium is not installed (.ci/run installs it)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(home: Path, **env) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cli = Path(sys.executable).with_name("career-assistant")
    process = subprocess.Popen(
        [str(cli), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CAREER_ASSISTANT_HOME": str(home), **env},
    )
    url = f"http://127.0.0.1:{port}/"
    for line in process.stderr:  # the URL is printed once the server listens
        if "is serving at" in line:
            assert url in line
            return process, url
    raise AssertionError(f"serve exited with {process.wait()} before printing its URL")


@pytest.fixture(scope="module")
def web_home(indexed_home, tmp_path_factory):
    """A copy of the shared index, so feedback written by these tests stays out of the other tests' home."""
    home = tmp_path_factory.mktemp("web")
    shutil.copytree(indexed_home, home, dirs_exist_ok=True)
    return home


@pytest.fixture(scope="module")
def server(web_home):
    process, url = start_server(web_home)
    yield url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    page.goto(server)
    page.wait_for_selector("#question textarea")
    yield page
    assert not dialogs, f"a script from the page's data ran: {dialogs}"
    context.close()


def ask(page, question: str) -> None:
    count = page.locator("#chat .message-row, #chat [data-testid='bot']").count()
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([n]) => document.querySelectorAll(\"#chat .message-row, #chat [data-testid='bot']\").length > n", arg=[count]
    )
    page.wait_for_selector("#question textarea:not([disabled])")
    page.wait_for_function("() => !document.querySelector('#chat .pending, #chat .progress-text')")


def last_answer(page) -> str:
    return page.locator("#chat [data-testid='bot']").last.inner_text()


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def test_pay_question_answers_with_a_linked_source(page):
    ask(page, "What do senior ML engineers earn remotely in Germany?")
    page.wait_for_selector("#sources-panel .source")
    assert "€110,000 – €165,000" in last_answer(page)
    marker = page.locator("#chat a.cite", has_text="[1]").last
    source = page.locator("#sources-panel .source:has(#src-0-1)")
    assert "Pay by market" in source.inner_text()
    assert "€110,000" in " ".join(source.locator("mark").all_inner_texts())
    assert source.locator(".source-head a").get_attribute("href") == "/guides/remote-senior-ml-engineer#pay"
    marker.click()
    page.wait_for_selector(".source.flash:has(#src-0-1)")
    shoot(page, "chat.png")


def test_guide_link_opens_the_cited_section(server):
    page = httpx.get(server + "guides/remote-senior-ml-engineer")
    assert page.status_code == 200 and 'id="pay"' in page.text and "€110,000" in page.text
    assert httpx.get(server + "guides/no-such-guide").status_code == 404


# Words of a table cell laid out across two lines: a word cut in the middle ("Com pany", "Reddi t").
BROKEN_WORDS = """(selector) => [...document.querySelectorAll(selector)].flatMap(cell => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const broken = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.textContent.matchAll(/[^\\s\\-–—·]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
})"""


def test_listing_question_shows_one_table_of_whole_words_linking_to_the_boards(page):
    ask(page, "Find machine learning engineer jobs")
    rows = page.locator("#chat table tbody tr")
    rows.first.wait_for()
    assert rows.count() >= 3
    for n in range(rows.count()):
        link = rows.nth(n).locator("td").first.locator("a").first
        assert link.get_attribute("href").startswith("https://")
    assert page.locator("table").count() == 1  # one listings view: the answer's own, not a second panel
    assert page.evaluate(BROKEN_WORDS, "#chat table td, #chat table th") == []
    headers = page.locator("#chat table thead th").all_inner_texts()
    column = [h.strip() for h in headers].index("Posted")
    posted = [rows.nth(n).locator("td").nth(column).inner_text() for n in range(rows.count())]
    dated = [cell for cell in posted if cell != "—"]
    assert dated and all(
        re.fullmatch(r"\d{4}-\d\d-\d\d (\((today|\d+ days? ago)\)|⚠ posted [\d,]+ days ago)", cell) for cell in dated
    ), posted
    assert page.locator("#sources-panel .source").count() >= 3
    page.locator("#chat [data-testid='bot']").last.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "listings.png")


def test_old_listings_are_flagged_with_their_age(page):
    ask(page, "Find python jobs on Jobicy")  # the Jobicy capture is from December 2024
    page.locator("#chat table tbody tr").first.wait_for()
    assert re.search(r"⚠ posted [\d,]+ days ago", page.locator("#chat table").inner_text())


def test_freshness_line_says_how_old_the_listings_are(page, web_home):
    page.wait_for_selector("#freshness >> text=Listings from")
    line = page.locator("#freshness").inner_text()
    listings = snapshots.load_current(Settings(home=web_home).listings_dir)
    boards = len({listing.source for listing in listings})
    newest = max(listing.fetched_at for listing in listings).date().isoformat()
    assert re.fullmatch(
        rf"Listings from {newest} \((today|[\d,]+ days? ago)\); {len(listings)} listings from "
        rf"{boards} boards\.",
        line.strip(),
    ), line


def test_filter_controls_narrow_the_question_and_new_chat_clears_them(page):
    page.get_by_text("Filters for listing searches").click()
    page.get_by_label("Source").click()
    page.get_by_role("option", name="Jobicy").click()
    ask(page, "Find machine learning engineer jobs")
    rows = page.locator("#chat table tbody tr")
    rows.first.wait_for()
    sources = {rows.nth(n).locator("td").last.inner_text() for n in range(rows.count())}
    assert sources == {"Jobicy"}
    page.click("#new-chat")
    page.wait_for_function("() => !document.querySelector('#chat table')")
    assert page.get_by_label("Source").input_value() == "any"
    ask(page, "Find machine learning engineer jobs")
    rows = page.locator("#chat table tbody tr")
    rows.first.wait_for()
    assert {rows.nth(n).locator("td").last.inner_text() for n in range(rows.count())} != {"Jobicy"}


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => { const r = document.querySelector(selector).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth; }""",
        selector,
    )


def test_a_person_clicks_a_citation_and_keeps_chatting(page):
    ask(page, "What do senior ML engineers earn remotely in Germany?")
    ask(page, "What are the stages of the hiring process?")
    ask(page, "What red flags should I watch for in a senior ML engineer job ad?")
    page.locator("#chat [data-testid='bot']").first.locator("a.cite", has_text="[1]").click()
    page.wait_for_function("() => document.querySelector('.source.flash #src-0-1')")
    page.wait_for_timeout(800)  # the smooth scroll settles
    assert page.locator(".source.flash").inner_text().find("Pay by market") >= 0
    assert in_viewport(page, "#question textarea"), "the chat input left the screen"
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate("window.scrollY") == 0
    page.mouse.wheel(0, 400)
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate("window.scrollY") == 0
    shoot(page, "citation-clicked.png")
    # The sources panel scrolls to its last (oldest) source, inside its own box.
    box = page.locator("#sources-panel .sources-scroll")
    box.evaluate("b => b.scrollTo(0, b.scrollHeight)")
    page.wait_for_timeout(300)
    last = page.locator("#sources-panel .source").last
    assert box.evaluate("b => b.scrollHeight > b.clientHeight")  # three answers' sources overflow the box
    assert box.evaluate("""(b) => { const all = b.querySelectorAll('.source'), r = all[all.length - 1]
        .getBoundingClientRect(), o = b.getBoundingClientRect();
        return r.bottom <= o.bottom + 1 && r.bottom > o.top; }""")
    assert last.is_visible() and "Pay by market" in page.locator("#sources-panel .source-group").last.inner_text()
    assert in_viewport(page, "#question textarea")
    # The input still takes a question.
    ask(page, "What do senior ML engineers earn in the UK?")
    assert "£110,000 – £175,000" in last_answer(page)
    for panel in ("#chat", "#sources-panel"):
        text = page.locator(panel).inner_text()
        assert "|---|" not in text and "**" not in text and "| Market |" not in text, panel
    assert page.locator("#sources-panel .source table").count() >= 1  # the pay table, as a table


def test_each_passage_is_one_source_with_every_quote_marked(page):
    ask(page, "What do senior ML engineers earn remotely in Germany?")
    page.wait_for_selector("#sources-panel .source")
    entries = page.locator("#sources-panel .source")
    heads = [
        entries.nth(n).locator(".source-head a").first.inner_text()
        + entries.nth(n).locator(".passage").inner_text()[:200]
        for n in range(entries.count())
    ]
    assert len(heads) == len(set(heads))  # no passage twice
    anchors = page.locator("#sources-panel .source-anchor").count()
    assert anchors == page.locator("#chat [data-testid='bot']").last.locator("a.cite").count()
    for n in range(entries.count()):
        entry = entries.nth(n)
        assert entry.locator("mark").count() >= entry.locator(".source-anchor").count()


def test_a_single_pay_row_answers_in_one_sentence(page):
    ask(page, "what about Canada?")
    answer = last_answer(page)
    assert "CAD 175,000 – CAD 240,000" in answer and "|" not in answer and "Germany" not in answer


def test_a_pay_comparison_gives_one_currency_and_a_verdict(page):
    ask(page, "UK or Canada, which pays better?")
    answer = last_answer(page)
    assert re.search(r"ECB rate of \d{4}-\d\d-\d\d", answer) and "The United Kingdom pays more" in answer


def test_injected_listing_renders_as_text(page):
    ask(page, "staff machine learning engineer jobs at Injected Co")
    page.wait_for_selector("#chat table")
    assert "img src=x onerror=alert(1)" in page.locator("#chat table").inner_text()
    assert "<script>alert(2)" in page.locator("#sources-panel").inner_text()  # the description, as text
    assert page.locator("img[src='x']").count() == 0
    # No script element made of listing text (the page's own config script holds the titles as JSON data).
    assert page.evaluate("() => [...document.scripts].some(s => s.textContent.trim().startsWith('alert('))") is False
    assert not page.dialogs


def test_an_over_long_question_is_refused_with_the_limit_named(page):
    page.fill("#question textarea", "What do ML engineers earn? " * 80)
    page.keyboard.press("Enter")
    page.wait_for_selector("text=the limit is 2,000")
    assert page.locator("#chat [data-testid='bot']").count() == 0
    assert page.input_value("#question textarea").startswith("What do ML engineers earn?")  # nothing lost


def test_follow_up_uses_the_session_and_new_chat_forgets_it(page):
    ask(page, "What do senior ML engineers earn in Germany?")
    ask(page, "and in the UK?")
    assert "£110,000 – £175,000" in last_answer(page)
    page.click("#new-chat")
    page.wait_for_function("() => !document.querySelector('#sources-panel .source')")
    assert page.locator("#chat [data-testid='bot']").count() == 0


def test_thumbs_and_comment_go_to_the_feedback_log(page, web_home):
    log = Settings(home=web_home).feedback_log
    before = len(log.read_text().splitlines()) if log.exists() else 0
    ask(page, "What are the stages of the hiring process?")
    page.locator("#chat [data-testid='bot']").last.hover()
    page.get_by_label("Like").last.click()
    page.fill("#comment textarea", "clear and cited")
    page.get_by_role("button", name="Send comment").click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (len(log.read_text().splitlines()) if log.exists() else 0) < before + 2:
        time.sleep(0.2)
    entries = [json.loads(line) for line in log.read_text().splitlines()[before:]]
    assert [e["vote"] for e in entries] == ["up", None]
    assert entries[1]["comment"] == "clear and cited"
    assert all(e["question"] == "What are the stages of the hiring process?" for e in entries)
    assert all(e["citations"] and e["citations"][0].startswith("guide:") for e in entries)


def make_brief(page, search: str, notes: str = "") -> None:
    page.get_by_role("tab", name="Interview brief").click()
    page.fill("#brief-search textarea, #brief-search input", search)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#brief-listing >> text=for “{search}”")  # the search says what it found
    page.locator("#brief-listing input").click()
    page.get_by_role("option").first.click()
    if notes:
        page.fill("#brief-notes textarea", notes)
    page.click("#make-brief")
    page.wait_for_selector("#brief h2:has-text('Pay benchmark')")


def test_brief_for_a_listing_cites_everything_and_downloads(page):
    make_brief(page, "python machine learning engineer", notes="Six years of Python; built PyTorch models.")
    brief = page.locator("#brief")
    for heading in (
        "Role summary",
        "Must-have skills",
        "Suggested interview stages",
        "Questions that test production ownership",
        "Pay benchmark",
        "Candidate notes",
    ):
        assert brief.locator("h2", has_text=heading).count() == 1
    markers = brief.locator("a.cite")
    assert markers.count() >= 5
    entries = page.locator("#brief-sources .source")
    assert entries.count() >= 5
    assert all(entries.nth(n).locator("mark").count() >= 1 for n in range(entries.count()))
    markers.first.click()
    page.wait_for_selector("#brief-sources .source.flash")
    shoot(page, "brief.png")
    with page.expect_download() as download:
        page.click("#brief-download")
    path = download.value.path()
    text = Path(path).read_text(encoding="utf-8")
    assert download.value.suggested_filename.startswith("interview-brief-") and text.startswith("# Interview brief:")
    assert "## Sources" in text and "Six years of Python" in text


def test_the_brief_search_says_what_it_found(page):
    page.get_by_role("tab", name="Interview brief").click()
    assert "newest ML roles" in page.locator("#brief-listing").inner_text()
    page.fill("#brief-search textarea, #brief-search input", "python machine learning engineer")
    page.keyboard.press("Enter")
    page.wait_for_selector("#brief-listing >> text=/\\d+ listings? for “python machine learning engineer”/")
    page.fill("#brief-search textarea, #brief-search input", "zzqx")
    page.keyboard.press("Enter")
    page.wait_for_selector("#brief-listing >> text=/(No listing matches|listings? for) “zzqx”/")


def test_brief_of_the_injected_listing_renders_its_title_as_text(page):
    make_brief(page, "Staff Machine Learning Engineer Injected Co")
    assert INJECTED_TITLE in page.locator("#brief").inner_text()
    assert page.locator("img[src='x']").count() == 0


def test_data_tab_shows_sources_guides_and_why_refresh_is_off(page, web_home):
    page.get_by_role("tab", name="Data").click()
    page.wait_for_selector("text=Remote OK")
    text = page.locator("body").inner_text()
    assert "remote-senior-ml-engineer" in text and "all-MiniLM-L6-v2" in text
    button = page.locator("#refresh")
    page.wait_for_selector("#refresh-status >> text=Refresh from this page is off")  # not configured
    assert button.is_disabled()


def test_the_page_takes_no_uploads(server):
    for path in ("gradio_api/upload", "upload", "gradio_api/upload/"):
        reply = httpx.post(server + path, files={"files": ("x.html", b"<script>alert(1)</script>", "text/html")})
        assert reply.status_code == 404, path


def test_api_answers_scripts_and_refuses_long_questions(server):
    client = Client(server, verbose=False)
    answer = client.predict("What do senior ML engineers earn in Germany?", api_name="/ask")
    assert "€110,000 – €165,000" in answer["answer"] and answer["citations"][0]["id"].startswith("guide:")
    refused = client.predict("x" * 2001, api_name="/ask")
    assert refused == {"error": "the question is 2,001 characters long; the limit is 2,000"}


def test_serve_on_a_fresh_home_answers_guides_first_then_finds_listings(tmp_path, browser):
    """A fresh home: serve writes a snapshot, indexes the guides, serves, and indexes the listings behind it."""
    feeds = tmp_path / "feeds" / "jobicy"
    feeds.mkdir(parents=True)
    shutil.copy(FEEDS / "jobicy" / "v2_2024-12-08_tag-python.json", feeds)
    home = tmp_path / "fresh"
    port = free_port()
    cli = Path(sys.executable).with_name("career-assistant")
    process = subprocess.Popen(
        [str(cli), "serve", "--port", str(port), "--feeds", str(feeds.parent)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CAREER_ASSISTANT_HOME": str(home)},
    )
    try:
        said = []
        for line in process.stderr:
            said.append(line)
            if "is serving at" in line:
                break
        assert any("indexing the role guides first" in line for line in said), said
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("#question textarea")
        # What the line says first: how far the indexing is, or (on a fast machine) that the listings are in.
        page.wait_for_function(
            "() => /being indexed|Listings from/.test(document.querySelector('#freshness').innerText)"
        )
        ask(page, "What does a senior ML engineer earn in Germany?")
        assert "€" in last_answer(page)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        pay = client.predict("What does a senior ML engineer earn in Germany?", api_name="/ask")
        assert pay["answerable"] and pay["citations"][0]["id"].startswith("guide:")
        early = client.predict("Find python jobs", api_name="/ask")  # the listings may or may not be in yet
        assert early["listings"] or "No listings are searchable yet" in early["answer"], early
        for line in process.stderr:
            said.append(line)
            if "indexed and searchable" in line or "failed" in line:
                break
        assert "indexed and searchable" in said[-1], said
        wrote = next(n for n, line in enumerate(said) if "wrote" in line and "listings" in line)
        guides = next(n for n, line in enumerate(said) if "indexing the role guides first" in line)
        assert guides < wrote, said  # the guides were indexed before the boards were read, behind the page
        # The page's line follows the build by itself, no reload: it now says how old the listings are.
        page.wait_for_function("() => document.querySelector('#freshness').innerText.includes('Listings from')")
        shoot(page, "fresh-home-listings-indexed.png")
        reply = client.predict("Find python jobs", api_name="/ask")
        assert reply["listings"] and all(view["source"] == "jobicy" for view in reply["listings"])
        assert not any("being indexed" in notice for notice in reply["notices"]), reply["notices"]
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_one_slow_question_does_not_hold_up_other_people(web_home):
    """A question stuck on a hanging LLM endpoint; meanwhile someone else's question is answered."""
    llm = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    llm.daemon_threads, llm.requests, release = True, [], threading.Event()
    llm.script = hang(release)
    threading.Thread(target=llm.serve_forever, daemon=True).start()
    process, url = start_server(
        web_home,
        CAREER_ASSISTANT_LLM="openai",
        CAREER_ASSISTANT_LLM_TIMEOUT="60",
        CAREER_ASSISTANT_OPENAI_BASE_URL=f"http://127.0.0.1:{llm.server_port}/v1",
    )
    try:
        client = Client(url, verbose=False)
        slow = client.submit("What do senior ML engineers earn in Germany?", api_name="/ask")
        deadline = time.monotonic() + 60
        while not llm.requests and time.monotonic() < deadline:
            time.sleep(0.1)
        assert llm.requests, "the slow question never reached the LLM"
        quick = client.predict("Find machine learning engineer jobs", api_name="/ask")  # listings: no LLM
        assert quick["listings"] and not slow.done()
        release.set()
        answer = slow.result(timeout=120)
        assert "€110,000 – €165,000" in answer["answer"] and answer["backend"] == "extractive"
        assert any("language model failed" in notice for notice in answer["notices"])
    finally:
        release.set()
        process.terminate()
        process.wait(timeout=30)
        llm.shutdown()


class _Board(BaseHTTPRequestHandler):
    """A live Jobicy for the refresh button: serves one real capture; every other board answers 404."""

    def do_GET(self):  # noqa: N802 - the http.server API
        body = (FEEDS / "jobicy" / "v2_2026-07-10_trimmed.json").read_bytes() if self.path == "/jobicy" else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_refresh_button_fetches_the_boards_and_swaps_in_a_new_index(browser, indexed_home, tmp_path):
    home = tmp_path / "refreshed"
    shutil.copytree(indexed_home, home)
    board = ThreadingHTTPServer(("127.0.0.1", 0), _Board)
    threading.Thread(target=board.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{board.server_port}"
    endpoints = {
        source: [f"{base}/{source}"] for source in ("remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse")
    }
    process, url = start_server(
        home,
        CAREER_ASSISTANT_ENDPOINTS=json.dumps(endpoints),
        CAREER_ASSISTANT_HTTP_RETRIES="1",
        CAREER_ASSISTANT_WEB_REFRESH="true",
    )
    try:
        page = browser.new_page()
        page.set_default_timeout(TIMEOUT_MS * 3)
        page.goto(url)
        page.get_by_role("tab", name="Data").click()
        button = page.locator("#refresh")
        page.wait_for_function("() => !document.querySelector('#refresh').disabled")
        before = snapshots.current_snapshot(Settings(home=home).listings_dir)
        button.click()
        page.wait_for_selector("#refresh-status >> text=wrote")
        after = snapshots.current_snapshot(Settings(home=home).listings_dir)
        assert after != before
        jobicy = [l for l in snapshots.load_snapshot(after) if l.source == "jobicy"]
        row = page.locator("#data-sources [role=row]", has_text="Jobicy").inner_text().split("\n")
        assert [cell.strip() for cell in row if cell.strip()][:2] == ["Jobicy", str(len(jobicy))]
        reply = Client(url, verbose=False).predict(f"Find {jobicy[0].title} jobs", api_name="/ask")
        assert f"listing:{jobicy[0].id}" in {c["id"] for c in reply["citations"]}  # the new index answers
        page.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
        board.shutdown()
