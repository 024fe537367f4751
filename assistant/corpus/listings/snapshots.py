"""Listing snapshots: JSON lines written atomically; the last good one always stays readable.

Layout under `corpus/listings/`: `<stamp>.jsonl` (one Listing a line), `<stamp>.meta.json` (the refresh
report), and `CURRENT` naming the snapshot in service. A refresh killed at any point leaves at worst a
`*.tmp` file behind, which is ignored and cleaned up by the next write.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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


def load_snapshot(path: Path, on_bad: Callable[[str], None] | None = None) -> list[Listing]:
    """Every listing in the file. A line that is not a listing (a garbled disk block) raises SnapshotError,
    or, given `on_bad`, is reported there in one line and skipped, so the rest is still served."""
    listings = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                listings.append(Listing.model_validate_json(line))
            except ValidationError as err:
                message = f"{path.name} line {number} is not a valid listing ({err.error_count()} errors)"
                if on_bad is None:
                    raise SnapshotError(f"{message}: {err}") from None
                on_bad(f"{message}; skipped")
    return listings


def load_current(directory: Path) -> list[Listing]:
    path = current_snapshot(directory)
    return load_snapshot(path) if path else []


def load_meta(snapshot: Path) -> dict[str, Any]:
    meta = snapshot.with_suffix(".meta.json")
    return json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
