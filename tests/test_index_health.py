"""A corrupted index is named in one line and healed by `index build` (issue 11), on a real small index."""

import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from assistant.answer.models import AnswerError
from assistant.chat import Assistant
from assistant.cli import app
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.index import health
from assistant.index.build import build_index
from assistant.index.manifest import build_dir, read_manifest
from assistant.settings import Settings
from tests.conftest import FEEDS

QUESTION = "What does a remote senior ML engineer earn?"


def _fresh_process() -> None:
    """Chroma caches one client per path in a process; a new `ask` starts without it."""
    health._drop_client_cache()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("health")
    feeds = home / "feeds" / "remoteok"
    feeds.mkdir(parents=True)
    shutil.copy(FEEDS / "remoteok" / "api_2026-07-10_trimmed.json", feeds)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAREER_ASSISTANT_HOME", str(home))
        refresh(Settings(), from_dir=home / "feeds")
        build_index(Settings(), say=lambda _: None)
    _fresh_process()
    return home


@pytest.fixture
def home(built, isolated_home):
    for part in ("corpus", "index"):
        shutil.copytree(built / part, isolated_home / part)
    return isolated_home


def _build_dir(home):
    settings = Settings()
    return build_dir(settings.index_dir, read_manifest(settings.index_dir).build_id)


def _truncate(path, keep: float = 0.5):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _garble(path):
    data = bytearray(path.read_bytes())
    for start in range(100, len(data), 4096):  # every page, header included, overwritten in part
        data[start : start + 64] = b"\xde\xad" * 32
    path.write_bytes(bytes(data))


def _segments(home):
    return [p for p in (home / "index" / "chroma").iterdir() if p.is_dir() and health._looks_like_segment(p.name)]


CORRUPTIONS = {
    "truncated manifest": lambda home: _truncate(home / "index" / "manifest.json"),
    "empty manifest": lambda home: (home / "index" / "manifest.json").write_text(""),
    "truncated chunks": lambda home: _truncate(_build_dir(home) / "chunks.jsonl"),
    "chunks cut at a line": lambda home: (_build_dir(home) / "chunks.jsonl").write_text(
        "".join((_build_dir(home) / "chunks.jsonl").read_text().splitlines(keepends=True)[:5])
    ),
    "deleted bm25": lambda home: shutil.rmtree(_build_dir(home) / "bm25"),
    "garbled chroma sqlite": lambda home: _garble(home / "index" / "chroma" / "chroma.sqlite3"),
    "deleted chroma sqlite": lambda home: (home / "index" / "chroma" / "chroma.sqlite3").unlink(),
}


# Answering reads the build folder (chunks, keyword index, vectors.npy), never Chroma: a broken store leaves the
# build in service answering, and `index build` sees the damage and repairs it.
STORE_ONLY = {"garbled chroma sqlite", "deleted chroma sqlite"}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_a_corrupted_index_is_one_line_then_healed_by_index_build(home, corruption):
    CORRUPTIONS[corruption](home)
    _fresh_process()
    if corruption in STORE_ONLY:
        assert Assistant(Settings()).ask(QUESTION).citations
        assert health.damage(Settings()) is not None
    else:
        with pytest.raises(AnswerError) as refused:
            Assistant(Settings())
        message = str(refused.value)
        assert "\n" not in message and "career-assistant index build" in message, message
    said = []
    build_index(Settings(), say=said.append)
    assert not any("up to date" in line for line in said), said  # it said "up to date" and repaired nothing
    _fresh_process()
    answer = Assistant(Settings()).ask(QUESTION)
    assert answer.citations
    assert health.damage(Settings()) is None


def test_deleted_segment_files_are_answered_or_refused_in_one_line_and_built_again(home):
    # A small collection is rebuilt by Chroma from its log, so asking may still work; it must never be a traceback.
    for folder in _segments(home):
        shutil.rmtree(folder)
    _fresh_process()
    try:
        assert Assistant(Settings()).ask(QUESTION).citations
    except AnswerError as refused:
        assert "\n" not in str(refused) and "index build" in str(refused)
    build_index(Settings(), say=lambda _: None)
    _fresh_process()
    assert health.damage(Settings()) is None and Assistant(Settings()).ask(QUESTION).citations


def test_ask_and_search_print_one_line_for_a_damaged_index(home):
    shutil.rmtree(_build_dir(home) / "bm25")
    _fresh_process()
    runner = CliRunner()
    for args in (["ask", QUESTION], ["search", "ml engineer"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and "index build" in result.output
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_a_garbled_snapshot_line_is_seen_by_index_build(home, capsys):
    settings = Settings()
    path = snapshots.current_snapshot(settings.listings_dir)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text(lines[0][: len(lines[0]) // 2] + "\n" + "".join(lines[1:]))
    said = []
    manifest = build_index(settings, say=said.append)
    assert not any("up to date" in line for line in said)
    assert "line 1 is not a valid listing" in capsys.readouterr().err
    assert sum(manifest.listings_per_source.values()) == len(lines) - 1
    _fresh_process()
    assert Assistant(Settings()).ask(QUESTION).citations


def test_build_sweeps_temp_files_and_orphan_segment_folders(home):
    index = home / "index"
    (index / ".manifest.json.abc123.tmp").write_text("{")
    orphan = index / "chroma" / "0badc0de-0000-4000-8000-000000000000"
    orphan.mkdir()
    (orphan / "data_level0.bin").write_bytes(b"\0" * 1024)
    (index / "manifest.json").unlink()  # forces a full build; the old collection is then dropped
    build_index(Settings(), say=lambda _: None)
    assert not list(index.glob(".*.tmp"))
    assert not orphan.exists()
    with sqlite3.connect(index / "chroma" / "chroma.sqlite3") as db:
        owned = {row[0] for row in db.execute("SELECT id FROM segments")}
    assert {p.name for p in _segments(home)} <= owned  # the dropped collection's folders went too


@pytest.mark.parametrize("block", [5, 64, 1 << 22])
def test_chunk_lines_are_counted_in_blocks(tmp_path, monkeypatch, block):
    """The chunks file is counted block by block, not read whole; the count, the first line and the check
    on the last line come out the same at any block size."""
    monkeypatch.setattr(health, "_BLOCK", block)
    path = tmp_path / "chunks.jsonl"
    path.write_text("".join(f'{{"id": "c{n}", "text": "{"x" * n}"}}\n' for n in range(40)))
    assert health._chunk_lines(path) == (40, {"id": "c0", "text": ""})
    path.write_bytes(path.read_bytes()[:-9])  # the last line cut off
    with pytest.raises((ValueError, health.IndexDamaged)):  # not JSON, or no end of line
        health._chunk_lines(path)
