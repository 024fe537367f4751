"""The web page in a real browser: Debian's chromium driven by Playwright against `career-assistant serve`."""

import json
import os
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

from assistant import snapshots
from assistant.fetch import offline_reason
from assistant.settings import Settings
from tests.conftest import FEEDS, INJECTED_TITLE
from tests.scripted_llm import Handler, hang

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
# Where screenshots go: test artefacts by default; `make screenshots` points this at docs/screenshots.
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).parent / "artifacts"))
# Without the background-networking flags chromium keeps dialling Google on this offline machine.
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 60_000

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="Debian chromium is not installed (.ci/run installs it)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(home: Path, **env) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cli = Path(sys.executable).with_name("career-assistant")
    process = subprocess.Popen([str(cli), "serve", "--port", str(port)], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "CAREER_ASSISTANT_HOME": str(home), **env})
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
        "([n]) => document.querySelectorAll(\"#chat .message-row, #chat [data-testid='bot']\").length > n",
        arg=[count])
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
    source = page.locator("#sources-panel #src-0-1")
    assert "Pay by market" in source.inner_text()
    assert "€110,000" in source.locator("mark").inner_text()
    assert source.locator("a").get_attribute("href") == "/guides/remote-senior-ml-engineer#pay"
    marker.click()
    page.wait_for_selector("#src-0-1.flash")
    shoot(page, "chat.png")


def test_guide_link_opens_the_cited_section(server):
    page = httpx.get(server + "guides/remote-senior-ml-engineer")
    assert page.status_code == 200 and 'id="pay"' in page.text and "€110,000" in page.text
    assert httpx.get(server + "guides/no-such-guide").status_code == 404


def test_listing_question_shows_rows_linking_to_the_boards(page):
    ask(page, "Find machine learning engineer jobs")
    rows = page.locator("#listings-panel table.listings tbody tr")
    rows.first.wait_for()
    assert rows.count() >= 3
    for n in range(rows.count()):
        link = rows.nth(n).locator("td").first.locator("a")
        assert link.get_attribute("href").startswith("https://")
    assert page.locator("#sources-panel .source").count() >= 3
    shoot(page, "listings.png")


def test_filter_controls_narrow_the_question(page):
    page.get_by_text("Filters for listing searches").click()
    page.get_by_label("Source").click()
    page.get_by_role("option", name="Jobicy").click()
    ask(page, "Find machine learning engineer jobs")
    rows = page.locator("#listings-panel table.listings tbody tr")
    rows.first.wait_for()
    sources = {rows.nth(n).locator("td").last.inner_text() for n in range(rows.count())}
    assert sources == {"Jobicy"}


def test_injected_listing_renders_as_text(page):
    ask(page, "staff machine learning engineer jobs at Injected Co")
    page.wait_for_selector("#listings-panel table.listings")
    assert INJECTED_TITLE in page.locator("#listings-panel").inner_text()
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
    page.wait_for_timeout(500)  # the picker's choices are replaced after the search
    page.locator("#brief-listing input").click()
    page.get_by_role("option").first.click()
    if notes:
        page.fill("#brief-notes textarea", notes)
    page.click("#make-brief")
    page.wait_for_selector("#brief h2:has-text('Pay benchmark')")


def test_brief_for_a_listing_cites_everything_and_downloads(page):
    make_brief(page, "python machine learning engineer", notes="Six years of Python; built PyTorch models.")
    brief = page.locator("#brief")
    for heading in ("Role summary", "Must-have skills", "Suggested interview stages",
                    "Questions that test production ownership", "Pay benchmark", "Candidate notes"):
        assert brief.locator("h2", has_text=heading).count() == 1
    markers = brief.locator("a.cite")
    assert markers.count() >= 5
    entries = page.locator("#brief-sources .source")
    assert entries.count() >= 5 and entries.locator("mark").count() == entries.count()
    markers.first.click()
    page.wait_for_selector("#brief-sources .source.flash")
    shoot(page, "brief.png")
    with page.expect_download() as download:
        page.click("#brief-download")
    path = download.value.path()
    text = Path(path).read_text(encoding="utf-8")
    assert download.value.suggested_filename.startswith("interview-brief-") and text.startswith("# Interview brief:")
    assert "## Sources" in text and "Six years of Python" in text


def test_brief_of_the_injected_listing_renders_its_title_as_text(page):
    make_brief(page, "Staff Machine Learning Engineer Injected Co")
    assert INJECTED_TITLE in page.locator("#brief").inner_text()
    assert page.locator("img[src='x']").count() == 0


def test_data_tab_shows_sources_guides_and_why_refresh_is_off(page, web_home):
    page.get_by_role("tab", name="Data").click()
    page.wait_for_selector("text=Remote OK")
    text = page.locator("body").inner_text()
    assert "remote-senior-ml-engineer" in text and "all-MiniLM-L6-v2" in text
    blocked = offline_reason(Settings(home=web_home))
    button = page.locator("#refresh")
    if blocked:
        page.wait_for_selector("#refresh-status >> text=offline")
        assert button.is_disabled()
    else:
        assert button.is_enabled()


def test_api_answers_scripts_and_refuses_long_questions(server):
    client = Client(server, verbose=False)
    answer = client.predict("What do senior ML engineers earn in Germany?", api_name="/ask")
    assert "€110,000 – €165,000" in answer["answer"] and answer["citations"][0]["id"].startswith("guide:")
    refused = client.predict("x" * 2001, api_name="/ask")
    assert refused == {"error": "the question is 2,001 characters long; the limit is 2,000"}


def test_serve_prepares_a_snapshot_and_index_on_a_fresh_home(tmp_path):
    feeds = tmp_path / "feeds" / "jobicy"
    feeds.mkdir(parents=True)
    shutil.copy(FEEDS / "jobicy" / "v2_2024-12-08_tag-python.json", feeds)
    home = tmp_path / "fresh"
    port = free_port()
    cli = Path(sys.executable).with_name("career-assistant")
    process = subprocess.Popen([str(cli), "serve", "--port", str(port), "--feeds", str(feeds.parent)],
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "CAREER_ASSISTANT_HOME": str(home)})
    try:
        said = []
        for line in process.stderr:
            said.append(line)
            if "is serving at" in line:
                break
        assert any("wrote" in line and "listings" in line for line in said), said
        assert any(line.startswith("index ") for line in said), said
        reply = Client(f"http://127.0.0.1:{port}/", verbose=False).predict("Find python jobs", api_name="/ask")
        assert reply["listings"] and all(view["source"] == "jobicy" for view in reply["listings"])
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_one_slow_question_does_not_hold_up_other_people(web_home):
    """A question stuck on a hanging LLM endpoint; meanwhile someone else's question is answered."""
    llm = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    llm.daemon_threads, llm.requests, release = True, [], threading.Event()
    llm.script = hang(release)
    threading.Thread(target=llm.serve_forever, daemon=True).start()
    process, url = start_server(web_home, CAREER_ASSISTANT_LLM="openai", CAREER_ASSISTANT_LLM_TIMEOUT="60",
                                CAREER_ASSISTANT_OPENAI_BASE_URL=f"http://127.0.0.1:{llm.server_port}/v1")
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
    endpoints = {source: [f"{base}/{source}"] for source in ("remoteok", "remotive", "jobicy", "weworkremotely",
                                                              "greenhouse")}
    process, url = start_server(home, CAREER_ASSISTANT_ENDPOINTS=json.dumps(endpoints),
                                CAREER_ASSISTANT_HTTP_RETRIES="1")
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
