"""One bad board, file or record loses nothing else (issue 11): carry-over per board, skips per record,
fields checked where they are read, bad guide files skipped with one line."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus.guides import load_guides
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.corpus.listings.sources import CONNECTORS
from assistant.index.build import collect_chunks
from assistant.settings import Settings
from assistant.vocab.listing import Listing
from tests.conftest import FEEDS

runner = CliRunner()
GREENHOUSE = ("gitlab_content_2026-07-17_trimmed.json", "waymo_list_2026-08-22.json")
WWR = "remote-jobs_2026-02-22.rss"


def _feeds(tmp_path, files: dict[str, tuple[str, ...]]):
    feeds = tmp_path / "feeds"
    for source, names in files.items():
        (feeds / source).mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(FEEDS / source / name, feeds / source / name)
    return feeds


def _ids() -> set[str]:
    return {listing.id for listing in snapshots.load_current(Settings().listings_dir)}


def _board(report, source: str, origin: str):
    return next(board for board in report.sources[source].boards if board.origin == origin)


def test_one_greenhouse_board_returning_an_error_page_keeps_its_listings(tmp_path):
    feeds = _feeds(tmp_path, {"greenhouse": GREENHOUSE})
    refresh(Settings(), from_dir=feeds)
    before = _ids()
    assert len(before) > 300
    (feeds / "greenhouse" / GREENHOUSE[1]).write_text("<!DOCTYPE html><html><body>503</body></html>")
    result = runner.invoke(app, ["refresh", "--from-dir", str(feeds)])
    assert result.exit_code == 0, result.output
    assert _ids() == before  # 818 → 463 in the issue: the other board's good read no longer decides
    boards = {
        board["origin"]: board
        for board in snapshots.load_meta(snapshots.current_snapshot(Settings().listings_dir))["sources"]["greenhouse"][
            "boards"
        ]
    }
    waymo = boards[GREENHOUSE[1]]
    assert waymo["kept"] > 300 and "HTML page" in waymo["reason"]
    assert boards[GREENHOUSE[0]]["kept"] == 0
    assert f"kept {waymo['kept']} earlier listings of Greenhouse {GREENHOUSE[1]}" in result.output


def _cut_after_items(path, items: int) -> bytes:
    """The feed cut off inside item number `items + 1`, as a dropped connection leaves it."""
    content = path.read_bytes()
    start = 0
    for _ in range(items + 1):
        start = content.index(b"<item>", start) + 1
    return content[: start + 40]


def test_a_truncated_feed_that_still_parses_keeps_the_rest(tmp_path):
    feeds = _feeds(tmp_path, {"weworkremotely": (WWR,)})
    refresh(Settings(), from_dir=feeds)
    before = _ids()
    assert len(before) == 5
    path = feeds / "weworkremotely" / WWR
    path.write_bytes(_cut_after_items(path, 2))
    report = refresh(Settings(), from_dir=feeds)
    board = _board(report, "weworkremotely", WWR)
    assert board.parsed == 2 and board.kept == 3 and "malformed feed" in board.reason
    assert _ids() == before


def test_a_board_far_smaller_than_its_last_read_is_kept_once_then_believed(tmp_path):
    feeds = _feeds(tmp_path, {"greenhouse": (GREENHOUSE[1],)})
    refresh(Settings(), from_dir=feeds)
    before = _ids()
    path = feeds / "greenhouse" / GREENHOUSE[1]
    data = json.loads(path.read_text())
    data["jobs"] = data["jobs"][:20]
    path.write_text(json.dumps(data))
    first = refresh(Settings(), from_dir=feeds)
    assert _ids() == before and _board(first, "greenhouse", GREENHOUSE[1]).reason.startswith("far smaller")
    second = refresh(Settings(), from_dir=feeds)
    assert len(_ids()) == 20 and _board(second, "greenhouse", GREENHOUSE[1]).kept == 0


def _greenhouse_with(tmp_path, bad: list[dict]):
    """The GitLab capture with hostile records added to its jobs."""
    data = json.loads((FEEDS / "greenhouse" / GREENHOUSE[0]).read_text())
    good = len(data["jobs"])
    template = data["jobs"][0]
    # Distinct titles: dedupe would otherwise merge each copy into the template's job.
    data["jobs"] += [{**template, "id": 900_000 + n, "title": f"Copy {n}", **fields} for n, fields in enumerate(bad)]
    feeds = tmp_path / "feeds"
    (feeds / "greenhouse").mkdir(parents=True)
    # ensure_ascii keeps a lone surrogate as a \\ud800 escape, exactly as a board's JSON carries it.
    (feeds / "greenhouse" / GREENHOUSE[0]).write_text(json.dumps(data, ensure_ascii=True))
    return feeds, good


def test_a_record_of_the_wrong_shape_is_skipped_alone(tmp_path):
    feeds, good = _greenhouse_with(
        tmp_path,
        [
            {"location": "Remote"},  # a string where an object was: AttributeError
            {"offices": ["x"]},
            {"departments": [5]},
            {"metadata": [{"name": "Time Type", "value": {"a": 1}}], "title": "Fine Engineer"},
        ],
    )
    report = refresh(Settings(), from_dir=feeds)
    assert report.snapshot is not None
    stats = report.sources["greenhouse"]
    assert stats.parsed == good + 1  # the last one has a harmless odd value and is kept
    assert len([s for s in stats.skipped if "unreadable record" in s.reason]) == 3


def test_hostile_values_never_block_the_snapshot(tmp_path):
    feeds, good = _greenhouse_with(
        tmp_path,
        [
            {"absolute_url": "https://example.com/jobs/\ud800"},
            {"absolute_url": "javascript:alert(1)"},
            {"absolute_url": "https://example.com/x", "id": "id-\udfff", "title": "Engineer \ud800"},
            {"absolute_url": "https://example.com/y", "first_published": "9999-12-31T00:00:00Z"},
        ],
    )
    report = refresh(Settings(), from_dir=feeds)
    assert report.snapshot is not None, report.message  # write_snapshot raised on the surrogate before
    listings = snapshots.load_current(Settings().listings_dir)
    assert len(listings) == good + 2
    assert all(listing.url.startswith("https://") for listing in listings)
    dated = next(listing for listing in listings if listing.url == "https://example.com/y")
    assert dated.posted_at is None  # a date from the future is no posting date
    assert "\ufffd" in next(listing for listing in listings if listing.url == "https://example.com/x").title
    reasons = " ".join(skip.reason for skip in report.sources["greenhouse"].skipped)
    assert "http(s)" in reasons and "unencodable" in reasons


def test_an_epoch_past_year_9999_loses_only_its_date(tmp_path):
    data = json.loads((FEEDS / "remoteok" / "api_2026-07-10_trimmed.json").read_text())
    jobs = [job for job in data if "id" in job]
    jobs[0] = {**jobs[0], "date": None, "epoch": 1e20}
    jobs[1] = {**jobs[1], "salary_min": "1e400", "salary_max": float("inf")}
    feeds = tmp_path / "feeds"
    (feeds / "remoteok").mkdir(parents=True)
    (feeds / "remoteok" / "api.json").write_text(json.dumps(data[:1] + jobs))
    report = refresh(Settings(), from_dir=feeds)
    parsed = {
        raw.id
        for raw in CONNECTORS["remoteok"]
        .parse((FEEDS / "remoteok" / "api_2026-07-10_trimmed.json").read_bytes(), "x")
        .listings
    }
    assert report.sources["remoteok"].parsed == len(parsed)  # 818 → 722 in the issue for one such record
    salaries = {listing.id: listing.salary for listing in snapshots.load_current(Settings().listings_dir)}
    assert salaries[f"remoteok:{jobs[1]['id']}"] is None


def test_listing_model_refuses_non_web_urls_and_unencodable_ids():
    base = {
        "id": "remotive:1",
        "source": "remotive",
        "url": "https://remotive.com/1",
        "title": "t",
        "company": "c",
        "fetched_at": "2026-08-01T00:00:00Z",
    }
    Listing.model_validate(base)
    for bad in (
        {"url": "javascript:alert(1)"},
        {"url": "data:text/html,x"},
        {"url": "https://a.com/\ud800"},
        {"url": "/relative"},
        {"id": "remotive:\ud800"},
        {"salary": {"min": float("inf")}},
    ):
        with pytest.raises(ValueError):
            Listing.model_validate({**base, **bad})


BAD_GUIDES = {
    "bad-date.md": "---\nas_of: 2026-13-45\n---\n# Title\n\nText.\n",
    "bad-sources.md": "---\nsources: 5\n---\n# Title\n\nText.\n",
    "bad-yaml.md": "---\ntitle: [unclosed\n---\n# Title\n\nText.\n",
    "bad-source-entry.md": "---\nsources: [x]\n---\n# Title\n\nText.\n",
}


@pytest.fixture
def guides_dir(tmp_path, monkeypatch):
    directory = tmp_path / "guides"
    directory.mkdir()
    (directory / "good.md").write_text("---\ntitle: Good\n---\n# Good\n\nText.\n")
    for name, text in BAD_GUIDES.items():
        (directory / name).write_text(text)
    (directory / "bad-encoding.md").write_bytes(b"---\ntitle: x\n---\n# T\n\n\xff\xfe caf\xe9\n")
    monkeypatch.setenv("CAREER_ASSISTANT_GUIDES_DIR", str(directory))
    return directory


def test_bad_guide_files_are_skipped_with_one_line_each(guides_dir):
    skipped = []
    assert [guide.id for guide in load_guides(guides_dir, on_skip=skipped.append)] == ["good"]
    assert len(skipped) == 5
    assert all("\n" not in line and line.startswith("skipped guide bad-") for line in skipped)
    result = runner.invoke(app, ["guides", "list"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "good" in result.output
    assert "bad-date.md" in result.output and "bad-encoding.md" in result.output


def test_index_build_reads_past_a_bad_guide(guides_dir):
    chunks, origin = collect_chunks(Settings())  # what `index build` chunks: it raised on the first bad file
    assert origin["guides"] == ["good"] and chunks


def test_a_number_too_long_for_python_loses_nothing_else_in_the_response():
    """`"id": 999…` of 5,000 digits passed json's parser to Python's int limit (4,300 digits) and failed the whole
    Remotive response (found by `make fuzz`); now such a number is read as text and the response parses."""
    from assistant.corpus.listings.normalize import normalize

    name = "jobs-array_2026-02-19_trimmed.json"
    data = json.loads((FEEDS / "remotive" / name).read_text(encoding="utf-8"))
    jobs = data["jobs"] if isinstance(data, dict) else data
    text = json.dumps(data).replace(json.dumps(jobs[0]["id"]), "9" * 5000, 1)
    batch = CONNECTORS["remotive"].parse(text.encode(), name)
    assert [raw.native_id for raw in batch.listings[1:]] == [str(job["id"]) for job in jobs[1:]]
    assert batch.listings[0].title == jobs[0]["title"] and not batch.skipped
    for raw in batch.listings:
        normalize(raw, raw.posted_at)
