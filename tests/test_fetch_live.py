"""Live refresh against real HTTP servers on loopback: retries, time-outs, one board down, politeness."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.corpus.listings.refresh import refresh
from assistant.settings import Settings
from tests.conftest import FEEDS

ROUTES = {
    "/remoteok": FEEDS / "remoteok" / "api_2026-07-10_trimmed.json",
    "/remotive": FEEDS / "remotive" / "remote-jobs_2026-07-09_trimmed.json",
    "/jobicy": FEEDS / "jobicy" / "v2_2026-07-10_trimmed.json",
    "/wwr": FEEDS / "weworkremotely" / "remote-jobs_2026-07-10.rss",
    "/gh/v1/boards/anthropic/jobs": FEEDS / "greenhouse" / "anthropic_content_2026-07-14_trimmed.json",
}


class Board(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: set[str] = set()
    failing: set[str] = set()  # paths that answer 503 every time
    flaky: set[str] = set()  # paths that answer 429 once, then work
    slow: set[str] = set()  # paths that answer after the client's time-out

    def do_GET(self):
        path = self.path.split("?")[0]
        type(self).hits[path] = type(self).hits.get(path, 0) + 1
        type(self).agents.add(self.headers.get("User-Agent", ""))
        if path in self.slow:
            time.sleep(1.5)
        if path in self.failing or (path in self.flaky and self.hits[path] == 1):
            self.send_response(503 if path in self.failing else 429)
            self.end_headers()
            return
        target = ROUTES.get(path)
        body = target.read_bytes() if target else b"not found"
        self.send_response(200 if target else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def board(monkeypatch):
    Board.hits, Board.agents, Board.failing, Board.flaky, Board.slow = {}, set(), set(), set(), set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Board)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setenv(
        "CAREER_ASSISTANT_ENDPOINTS",
        (
            f'{{"remoteok": ["{base}/remoteok"], "remotive": ["{base}/remotive"], '
            f'"jobicy": ["{base}/jobicy"], "weworkremotely": ["{base}/wwr"]}}'
        ),
    )
    monkeypatch.setenv("CAREER_ASSISTANT_GREENHOUSE_API", f"{base}/gh")
    monkeypatch.setenv("CAREER_ASSISTANT_GREENHOUSE_BOARDS", '["anthropic", "missing"]')
    monkeypatch.setenv("CAREER_ASSISTANT_HTTP_BACKOFF", "0.01")
    monkeypatch.setenv("CAREER_ASSISTANT_HTTP_TIMEOUT", "0.5")
    yield Board
    server.shutdown()


def test_live_refresh_reads_every_board_politely(board):
    report = refresh(Settings())
    assert {s: r.parsed for s, r in report.sources.items()} == {
        "remoteok": 4,
        "remotive": 4,
        "jobicy": 4,
        "weworkremotely": 4,
        "greenhouse": 4,
    }
    assert report.snapshot is not None
    assert len(board.agents) == 1 and next(iter(board.agents)).startswith("career-assistant/")
    # An unknown Greenhouse board is a 404: reported, not retried, and the other board still counts.
    assert board.hits["/gh/v1/boards/missing/jobs"] == 1
    assert any("HTTP 404" in skip.reason for skip in report.sources["greenhouse"].skipped)


def test_a_board_that_is_down_is_retried_then_keeps_its_last_listings(board):
    first = refresh(Settings())
    board.failing.add("/jobicy")
    board.hits.clear()
    second = refresh(Settings())
    assert board.hits["/jobicy"] == Settings().http_retries  # retried with backoff, then given up
    jobicy = second.sources["jobicy"]
    assert jobicy.parsed == 0 and jobicy.kept == first.sources["jobicy"].listings == 4
    assert any("HTTP 503" in skip.reason for skip in jobicy.skipped)
    assert jobicy.removed == 0
    assert second.sources["remotive"].parsed == 4  # the other boards were not held up


def test_rate_limit_is_retried_and_succeeds(board):
    board.flaky.add("/remotive")
    report = refresh(Settings())
    assert board.hits["/remotive"] == 2
    assert report.sources["remotive"].parsed == 4 and not report.sources["remotive"].skipped


def test_a_board_that_hangs_times_out_without_blocking_the_others(board):
    board.slow.add("/wwr")
    report = refresh(Settings())
    assert report.sources["weworkremotely"].parsed == 0
    assert any("timed out" in skip.reason for skip in report.sources["weworkremotely"].skipped)
    assert report.sources["remoteok"].parsed == 4
