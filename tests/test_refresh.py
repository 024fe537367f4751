"""`career-assistant refresh` end to end: captured feeds in, one clean deduplicated snapshot out."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.sources import CONNECTORS
from tests.conftest import FEEDS

runner = CliRunner()
MOJIBAKE = ("â€", "Ã©", "Ã¨", "Â ", "\u00e2\u0080", "ï¿½", "\ufffd")


def run(*args):
    return runner.invoke(app, [str(arg) for arg in args])


def export() -> list[dict]:
    result = run("listings", "export")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def feed_ids() -> set[str]:
    """Every listing id in every captured file, as the connectors read them."""
    ids = set()
    for source, connector in CONNECTORS.items():
        for path in (FEEDS / source).iterdir():
            ids |= {raw.id for raw in connector.parse(path.read_bytes(), path.name).listings}
    return ids


@pytest.fixture(scope="module")
def refreshed_home(tmp_path_factory):
    """One real refresh from the captured feeds, shared: each test gets a copy of its snapshot."""
    home = tmp_path_factory.mktemp("refreshed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAREER_ASSISTANT_HOME", str(home))
        result = run("refresh", "--from-dir", FEEDS)
    assert result.exit_code == 0, result.output
    return home


@pytest.fixture
def exported(refreshed_home, isolated_home) -> list[dict]:
    shutil.copytree(refreshed_home / "corpus", isolated_home / "corpus")
    return export()


def test_refresh_from_captured_feeds_exports_every_listing_once(exported, feed_ids):
    primary = [item["id"] for item in exported]
    aliases = [ref["id"] for item in exported for ref in item["also_seen"]]
    assert len(primary) == len(set(primary))
    assert set(primary) | set(aliases) == feed_ids
    assert not set(primary) & set(aliases)
    assert len(exported) < len(feed_ids)  # the overlapping snapshots and per-city repeats were merged


def test_no_mojibake_or_markup_left(exported):
    for item in exported:
        text = " ".join([item["title"], item["company"], item["description"], item["location"]["text"]])
        assert not any(bad in text for bad in MOJIBAKE), (item["id"], [b for b in MOJIBAKE if b in text])
        assert "<p" not in item["description"] and "&amp;" not in item["description"], item["id"]
        assert "Please mention the word" not in item["description"]
        assert "blank.gif" not in item["description"]


def test_remote_ok_fixes_double_encoded_text(exported):
    listing = next(item for item in exported if item["id"] == "remoteok:1130788")
    assert "What You'll Do" in listing["description"] or "What You’ll Do" in listing["description"]


def test_overlapping_remotive_snapshots_keep_the_newest_copy(exported):
    first = json.loads((FEEDS / "remotive" / "remote-jobs_2026-07-18.json").read_text())["jobs"]
    second = json.loads((FEEDS / "remotive" / "remote-jobs_2026-08-05.json").read_text())["jobs"]
    overlap = {job["id"] for job in first} & {job["id"] for job in second}
    assert len(overlap) == 27
    by_id = {item["id"]: item for item in exported}
    job_id = min(overlap)
    if f"remotive:{job_id}" in by_id:
        assert by_id[f"remotive:{job_id}"]["fetched_at"].startswith("2026-08-05")


def test_summary_table_and_a_second_identical_refresh_changes_nothing(exported, isolated_home):
    result = run("refresh", "--from-dir", FEEDS)
    assert result.exit_code == 0, result.output
    for word in ("Remote OK", "Remotive", "Jobicy", "We Work Remotely", "Greenhouse", "skipped", "new", "removed"):
        assert word in result.output
    assert "no title" in result.output  # Remote OK's untitled entries, with their reason
    listings_dir = isolated_home / "corpus" / "listings"
    meta = snapshots.load_meta(snapshots.current_snapshot(listings_dir))
    changes = {s: (r["new"], r["updated"], r["removed"]) for s, r in meta["sources"].items()}
    assert changes == {source: (0, 0, 0) for source in CONNECTORS}
    assert sum(r["listings"] for r in meta["sources"].values()) == len(exported)
    assert len(list(listings_dir.glob("*.jsonl"))) == 2  # the previous snapshot is kept


def test_listings_show_by_id_and_by_merged_alias(exported):
    merged = next(item for item in exported if item["also_seen"])
    for wanted in (merged["id"], merged["also_seen"][0]["id"]):
        result = run("listings", "show", wanted)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == merged["id"]
    missing = run("listings", "show", "remoteok:does-not-exist")
    assert missing.exit_code == 2 and "no listing" in missing.output


def test_export_without_a_snapshot_says_how_to_make_one():
    result = run("listings", "export")
    assert result.exit_code == 2
    assert "career-assistant refresh" in result.output


def test_bad_files_are_skipped_with_reasons_and_lose_nothing_else(tmp_path, exported):
    feeds = tmp_path / "feeds"
    shutil.copytree(FEEDS, feeds)
    (feeds / "jobicy" / "v2_2024-12-08_tag-python.json").write_text(
        "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", encoding="utf-8"
    )
    cut = feeds / "remotive" / "remote-jobs_2026-07-18.json"
    cut.write_bytes(cut.read_bytes()[:5000])
    result = run("refresh", "--from-dir", feeds)
    assert result.exit_code == 0, result.output
    assert "HTML page where JSON was expected" in result.output
    assert "not valid JSON" in result.output
    after = {item["id"] for item in export()}
    assert "greenhouse:7617155" in after and "remoteok:1130788" in after


def test_nothing_readable_keeps_the_last_good_snapshot(tmp_path, exported):
    junk = tmp_path / "junk"
    for source in CONNECTORS:
        (junk / source).mkdir(parents=True)
        (junk / source / "broken.json").write_text("{", encoding="utf-8")
    result = run("refresh", "--from-dir", junk)
    # Every source failed, so each keeps its listings from the last snapshot: nothing is lost.
    assert "kept" in result.output
    assert {item["id"] for item in export()} == {item["id"] for item in exported}


def test_refresh_rejects_a_missing_directory(tmp_path):
    result = run("refresh", "--from-dir", tmp_path / "nope")
    assert result.exit_code == 2 and "no such directory" in result.output


def test_nothing_readable_and_no_snapshot_yet_writes_nothing(tmp_path, isolated_home):
    junk = tmp_path / "junk"
    (junk / "remoteok").mkdir(parents=True)
    (junk / "remoteok" / "api.json").write_text("[", encoding="utf-8")
    result = run("refresh", "--from-dir", junk)
    assert result.exit_code == 1
    assert "nothing could be read" in result.output
    assert not list((isolated_home / "corpus" / "listings").glob("*.jsonl"))


def test_two_postings_of_one_job_merge_and_the_salary_survives(exported):
    # GitLab posted "AI Engineer" twice (two Greenhouse ids, two captures); only one copy states the pay.
    [engineer] = [item for item in exported if item["company"] == "GitLab" and item["title"] == "AI Engineer"]
    ids = {engineer["id"], *(ref["id"] for ref in engineer["also_seen"])}
    assert ids == {"greenhouse:8556658002", "greenhouse:8565469002"}
    assert (engineer["salary"]["min"], engineer["salary"]["max"]) == (108400, 129600)
    assert len({engineer["url"], *(ref["url"] for ref in engineer["also_seen"])}) == 2
