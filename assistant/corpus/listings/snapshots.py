"""Listing snapshots: JSON lines written atomically; the last good one always stays readable.

Layout under `corpus/listings/`: `<stamp>.jsonl` (one Listing a line), `<stamp>.meta.json` (the refresh
report), and `CURRENT` naming the snapshot in service. A refresh killed at any point leaves at worst a
`*.tmp` file behind, which is ignored and cleaned up by the next write.
"""

from __future__ import annotations

import json
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from assistant.files import atomic_write
from assistant.vocab.listing import Listing

POINTER = "CURRENT"


class SnapshotError(RuntimeError):
    pass


def write_snapshot(directory: Path, listings: list[Listing], meta: dict[str, Any], keep: int = 5) -> Path:
    """Write the snapshot and its report, then point CURRENT at it: readers never see a half file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"{stamp}.jsonl"
    lines = "".join(listing.model_dump_json() + "\n" for listing in sorted(listings, key=lambda l: l.id))
    atomic_write(path, lines)
    atomic_write(path.with_suffix(".meta.json"), json.dumps(meta, indent=2, default=str))
    atomic_write(directory / POINTER, path.name + "\n")
    _prune(directory, keep=keep, current=path)
    return path


def _snapshots(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.jsonl") if not p.name.startswith("."))


def _prune(directory: Path, keep: int, current: Path) -> None:
    for stale in directory.glob(".*.tmp"):
        stale.unlink(missing_ok=True)
    for old in _snapshots(directory)[:-keep]:
        if old != current:
            old.unlink(missing_ok=True)
            old.with_suffix(".meta.json").unlink(missing_ok=True)


def current_snapshot(directory: Path) -> Path | None:
    """The snapshot CURRENT names; failing that, the newest snapshot file on disk."""
    pointer = directory / POINTER
    if pointer.exists():
        named = directory / pointer.read_text(encoding="utf-8").strip()
        if named.is_file():
            return named
    found = _snapshots(directory) if directory.is_dir() else []
    return found[-1] if found else None


def warn(message: str) -> None:
    sys.stderr.write(f"warning: {message}\n")


def lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, the line's bytes without its line break) for every non-blank line, nothing parsed."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if line := raw.rstrip(b"\r\n"):
                yield number, line


def parse_line(line: bytes, where: str, on_bad: Callable[[str], None] | None = None) -> Listing | None:
    """One snapshot line as a listing. One that is not a listing (a garbled disk block) raises SnapshotError,
    or, given `on_bad`, is reported there in one line and is None."""
    try:
        return Listing.model_validate_json(line.decode("utf-8", errors="replace"))
    except ValidationError as err:
        message = f"{where} is not a valid listing ({err.error_count()} errors)"
        if on_bad is None:
            raise SnapshotError(f"{message}: {err}") from None
        on_bad(f"{message}; skipped")
        return None


def load_snapshot(path: Path, on_bad: Callable[[str], None] | None = None) -> list[Listing]:
    """Every listing in the file; bad lines as `parse_line` treats them."""
    found = (parse_line(line, f"{path.name} line {number}", on_bad) for number, line in lines(path))
    return [listing for listing in found if listing is not None]


# The writer above puts `id` first and `source` second (Listing's field order), so a line's id, board and
# fetch time can be read off its bytes. A quoted key can't occur inside a JSON string value (quotes there
# are escaped), so these patterns only ever meet keys.
_HEAD = re.compile(rb'\{"id":("(?:[^"\\]|\\.)*"),"source":"([a-z_]+)"')
_FETCHED = re.compile(rb'"fetched_at":"([^"]*)"')
_NO_COPIES = b'"also_seen":[]'


@dataclass(frozen=True)
class Line:
    """Where a listing sits in the file, and what the page shows without parsing it."""

    offset: int
    length: int
    number: int  # the line's number, for the message about a bad one
    source: str
    fetched_at: datetime | None


class Snapshot(Mapping[str, Listing]):
    """A snapshot file read on demand, as the assistant and the page read it. Opening scans the bytes once
    for each line's id, board and fetch time; a listing is parsed and validated when it is asked for, and
    the last `cache` of them are kept. Parsing all 100k listings of a large snapshot takes ~17 s and a GB
    of memory, where an answer reads ten. A line that turns out not to be a listing is reported to `on_bad`
    once and is then absent. No path: no snapshot yet, no listings."""

    def __init__(self, path: Path | None, on_bad: Callable[[str], None] = warn, cache: int = 2048) -> None:
        self.path, self._on_bad, self._cache_size = path, on_bad, cache
        self._lines: dict[str, Line] = {}
        self._parsed: OrderedDict[str, Listing] = OrderedDict()
        self.aliases: dict[str, str] = {}  # ids merged into another listing → the id it is shown under
        if path is None:
            return
        with path.open("rb") as handle:
            offset = 0
            for number, raw in enumerate(handle, 1):
                self._scan(raw, offset, number)
                offset += len(raw)

    def _scan(self, raw: bytes, offset: int, number: int) -> None:
        head = _HEAD.match(raw)
        if head is None or _NO_COPIES not in raw:  # not our writer's line, or copies to read: parse it now
            if raw.strip() and (listing := self._parse(raw, number)) is not None:
                self._lines[listing.id] = Line(offset, len(raw), number, listing.source, listing.fetched_at)
                self.aliases.update((ref.id, listing.id) for ref in listing.also_seen)
            return
        fetched = _FETCHED.search(raw)
        quoted = head[1]
        listing_id = json.loads(quoted) if b"\\" in quoted else quoted[1:-1].decode()
        self._lines[listing_id] = Line(
            offset, len(raw), number, head[2].decode(), _datetime(fetched[1].decode()) if fetched else None
        )

    def _parse(self, raw: bytes, number: int) -> Listing | None:
        return parse_line(raw.rstrip(b"\r\n"), f"{cast(Path, self.path).name} line {number}", self._on_bad)

    def __getitem__(self, listing_id: str) -> Listing:
        if (cached := self._parsed.get(listing_id)) is not None:
            self._parsed.move_to_end(listing_id)
            return cached
        line = self._lines[listing_id]
        with cast(Path, self.path).open("rb") as handle:  # a listing was found in it
            handle.seek(line.offset)
            listing = self._parse(handle.read(line.length), line.number)
        if listing is None or listing.id != listing_id:
            del self._lines[listing_id]
            raise KeyError(listing_id)
        self._parsed[listing_id] = listing
        if len(self._parsed) > self._cache_size:
            self._parsed.popitem(last=False)
        return listing

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._lines))

    def __len__(self) -> int:
        return len(self._lines)

    def lines(self) -> Mapping[str, Line]:
        """Each listing's board and fetch time, for counts and ages without parsing anything."""
        return self._lines


def _datetime(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def load_current(directory: Path) -> list[Listing]:
    path = current_snapshot(directory)
    return load_snapshot(path) if path else []


def load_meta(snapshot: Path) -> dict[str, Any]:
    meta = snapshot.with_suffix(".meta.json")
    return json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
