"""Snapshots are written atomically and the last good one always keeps serving."""

import os
from datetime import UTC, datetime

import pytest

from assistant.corpus.listings import snapshots
from assistant.vocab.listing import Listing, SourceRef

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


def test_the_on_demand_reader_gives_what_a_full_parse_gives_on_real_listings(small_snapshot, tmp_path):
    """`Snapshot` reads ids, boards and fetch times off the bytes and parses a listing only when asked: on a
    real refresh (plus a merged copy and a title holding the keys it looks for) it must agree with
    `load_snapshot` listing for listing."""
    real = list(small_snapshot)
    merged = real[0].model_copy(
        update={"also_seen": [SourceRef(id="jobicy:77", url="https://jobicy.com/77")], "id": "remoteok:merged"}
    )
    tricky = listing("tricky", title='quoted "also_seen":[] and "fetched_at":"1999-01-01" in a title')
    path = snapshots.write_snapshot(tmp_path, [*real, merged, tricky], {})
    parsed = {found.id: found for found in snapshots.load_snapshot(path)}
    lazy = snapshots.Snapshot(path)
    assert len(lazy) == len(parsed) and sorted(lazy) == sorted(parsed)
    assert all(lazy[listing_id] == found for listing_id, found in parsed.items())
    assert lazy.aliases == {"jobicy:77": "remoteok:merged"}
    assert {i: (line.source, line.fetched_at) for i, line in lazy.lines().items()} == {
        i: (found.source, found.fetched_at) for i, found in parsed.items()
    }
    assert lazy.get("remotive:nothing") is None


def test_a_garbled_line_is_reported_once_and_the_rest_still_serve(tmp_path):
    path = snapshots.write_snapshot(tmp_path, [listing("1"), listing("2"), listing("3")], {})
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace('"url":"https://', '"url":"javascript://')  # valid JSON, not a valid listing
    path.write_text("".join(lines) + "not json at all\n", encoding="utf-8")
    reported: list[str] = []
    lazy = snapshots.Snapshot(path, on_bad=reported.append)
    assert reported == [f"{path.name} line 4 is not a valid listing (1 errors); skipped"]  # found by the scan
    assert lazy["remotive:1"].id == "remotive:1" and lazy["remotive:3"].id == "remotive:3"
    assert lazy.get("remotive:2") is None and lazy.get("remotive:2") is None
    assert reported[1:] == [f"{path.name} line 2 is not a valid listing (1 errors); skipped"]
    assert sorted(lazy) == ["remotive:1", "remotive:3"]


def test_no_snapshot_is_an_empty_one():
    assert len(snapshots.Snapshot(None)) == 0 and snapshots.Snapshot(None).aliases == {}
