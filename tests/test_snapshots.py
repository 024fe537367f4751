"""Snapshots are written atomically and the last good one always keeps serving."""

import os
from datetime import UTC, datetime

import pytest

from assistant.corpus.listings import snapshots
from assistant.vocab.listing import Listing

NOW = datetime(2026, 8, 1, tzinfo=UTC)


def listing(native_id: str, title: str = "ML Engineer") -> Listing:
    return Listing(
        id=f"remotive:{native_id}",
        source="remotive",
        url=f"https://remotive.com/{native_id}",
        title=title,
        company="Acme",
        fetched_at=NOW,
    ).with_hash()


def test_write_then_load_round_trips_and_points_current(tmp_path):
    path = snapshots.write_snapshot(tmp_path, [listing("2"), listing("1")], {"mode": "test"})
    assert snapshots.current_snapshot(tmp_path) == path
    assert [l.id for l in snapshots.load_snapshot(path)] == ["remotive:1", "remotive:2"]
    assert snapshots.load_meta(path) == {"mode": "test"}


def test_a_write_killed_midway_leaves_the_last_good_snapshot_serving(tmp_path, monkeypatch):
    good = snapshots.write_snapshot(tmp_path, [listing("1")], {})

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies between writing the temp file and renaming it

    monkeypatch.setattr(os, "replace", killed)  # used by assistant.files
    with pytest.raises(KeyboardInterrupt):
        snapshots.write_snapshot(tmp_path, [listing("9")], {})
    monkeypatch.undo()
    assert snapshots.current_snapshot(tmp_path) == good
    assert [l.id for l in snapshots.load_current(tmp_path)] == ["remotive:1"]
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_leftover_temp_file_from_a_crash_is_ignored_and_cleaned(tmp_path):
    good = snapshots.write_snapshot(tmp_path, [listing("1")], {})
    (tmp_path / ".20990101T000000Z.jsonl.abc.tmp").write_text('{"id": "half', encoding="utf-8")
    assert snapshots.current_snapshot(tmp_path) == good
    snapshots.write_snapshot(tmp_path, [listing("2")], {})
    assert list(tmp_path.glob(".*.tmp")) == []


def test_missing_pointer_falls_back_to_newest_snapshot(tmp_path):
    snapshots.write_snapshot(tmp_path, [listing("1")], {})
    newest = snapshots.write_snapshot(tmp_path, [listing("2")], {})
    (tmp_path / snapshots.POINTER).unlink()
    assert snapshots.current_snapshot(tmp_path) == newest


def test_old_snapshots_are_pruned_but_never_the_current_one(tmp_path):
    paths = [snapshots.write_snapshot(tmp_path, [listing(str(n))], {}, keep=2) for n in range(4)]
    assert sorted(tmp_path.glob("*.jsonl")) == paths[-2:]
    assert snapshots.current_snapshot(tmp_path) == paths[-1]


def test_a_corrupt_snapshot_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text(listing("1").model_dump_json() + "\n{not json\n", encoding="utf-8")
    with pytest.raises(snapshots.SnapshotError, match="line 2"):
        snapshots.load_snapshot(path)


def test_no_snapshot_yet(tmp_path):
    assert snapshots.current_snapshot(tmp_path / "missing") is None
    assert snapshots.load_current(tmp_path / "missing") == []
