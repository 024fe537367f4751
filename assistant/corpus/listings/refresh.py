"""refresh: read every board (live or from captured files) → parse → normalize → dedupe → snapshot."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.listings import fetch, snapshots
from assistant.corpus.listings.dedupe import dedupe
from assistant.corpus.listings.normalize import normalize
from assistant.corpus.listings.sources import CONNECTORS, Batch, InputError, Skip
from assistant.corpus.listings.sources.base import clean_string
from assistant.settings import Settings
from assistant.vocab.boards import SOURCES
from assistant.vocab.listing import Listing

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


# A board whose read holds under half of its last good one (and at least this many fewer) is judged cut off
# rather than emptied: its previous listings are kept once. If the next read is as small, it is believed.
SHRINK_RATIO = 0.5
SHRINK_MIN_LOST = 5
SHRUNK = "far smaller than the last good read"


class BoardReport(BaseModel):
    """One file or board URL: carry-over is decided per board, so one bad board costs no other its listings."""

    origin: str
    parsed: int = 0
    kept: int = 0
    reason: str | None = None  # why its previous listings were kept


class SourceReport(BaseModel):
    source: str
    fetched: int = 0  # records in the responses or files
    parsed: int = 0  # records that became listings
    skipped: list[Skip] = Field(default_factory=list)
    new: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # carried over from the last snapshot because this source could not be read
    listings: int = 0  # in the new snapshot, after dedupe
    boards: list[BoardReport] = Field(default_factory=list)


class RefreshReport(BaseModel):
    mode: str  # "live" or "from-dir DIR"
    started_at: datetime
    fetched_at: datetime | None = None  # newest fetch time in this snapshot: "posted within N days" counts from it
    snapshot: str | None = None
    message: str = ""
    sources: dict[str, SourceReport]

    @property
    def total(self) -> int:
        return sum(report.listings for report in self.sources.values())


Step = tuple[str, str, Callable[[], fetch.Response]]  # (source, origin, load)


def refresh(
    settings: Settings, from_dir: Path | None = None, track: Callable[..., Iterable[Step]] | None = None
) -> RefreshReport:
    """Write a new snapshot from what could be read; never lose the last good one."""
    report = RefreshReport(
        mode=f"from-dir {from_dir}" if from_dir else "live",
        started_at=datetime.now(UTC),
        sources={source: SourceReport(source=source) for source in SOURCES},
    )
    steps = list(_captured_steps(from_dir) if from_dir else _live_steps(settings))
    track = track or (lambda items, **_: items)
    read: list[tuple[BoardReport, list[Listing]]] = []
    for source, origin, load in track(steps, description="Reading job boards"):
        board = BoardReport(origin=origin)
        report.sources[source].boards.append(board)
        read.append((board, _read(source, origin, load, report.sources[source], board)))
    previous_path = snapshots.current_snapshot(settings.listings_dir)
    previous = _previous(previous_path)
    fresh = [listing for _, listings in read for listing in listings]
    fresh += _carry_over(previous, read, _shrunk_before(previous_path), report)
    if not fresh:
        report.message = "nothing could be read; the last good snapshot stays in service"
        return report
    listings = dedupe(fresh)
    _count_changes(previous, listings, report)
    report.fetched_at = max(listing.fetched_at for listing in listings)
    path = snapshots.write_snapshot(
        settings.listings_dir, listings, report.model_dump(mode="json"), keep=settings.snapshots_kept
    )
    report.snapshot = path.name
    report.message = f"wrote {len(listings)} listings to {path}"
    return report


def _read(
    source: str, origin: str, load: Callable[[], fetch.Response], stats: SourceReport, board: BoardReport
) -> list[Listing]:
    try:
        response = load()
        batch: Batch = CONNECTORS[source].parse(response.content, origin)
    except InputError as err:
        stats.skipped.append(Skip(reason=str(err), ref=origin))
        board.reason = str(err)
        return []
    except Exception as err:  # a board that is down or blocks us must not stop the others
        stats.skipped.append(Skip(reason=fetch.describe_error(err), ref=origin))
        board.reason = fetch.describe_error(err)
        return []
    stats.fetched += batch.seen
    stats.skipped += batch.skipped
    board.reason = batch.damaged
    listings = []
    for raw in batch.listings:
        try:
            listing = normalize(raw, response.fetched_at, origin=origin)
            listing.model_dump_json()  # what write_snapshot does: a record that cannot be stored fails here, alone
        except Exception as err:
            reason = f"could not normalize ({type(err).__name__}: {clean_string(str(err), 200)})"
            stats.skipped.append(Skip(reason=reason, ref=clean_string(raw.id, 100)))
            continue
        listings.append(listing)
    stats.parsed += len(listings)
    board.parsed = len(listings)
    return listings


def _previous(path: Path | None) -> list[Listing]:
    """The snapshot in service, less any garbled line; an unreadable file is as good as none."""
    if path is None:
        return []
    try:
        return snapshots.load_snapshot(path, on_bad=snapshots.warn)
    except OSError:
        return []


def _shrunk_before(path: Path | None) -> set[str]:
    """Boards the last refresh kept for being far smaller: a second small read in a row is believed."""
    try:
        meta = snapshots.load_meta(path) if path else {}
    except (OSError, ValueError):
        return set()
    return {
        origin
        for source in (meta.get("sources") or {}).values()
        if isinstance(source, dict)
        for board in source.get("boards") or []
        if isinstance(board, dict) and board.get("reason") == SHRUNK
        if isinstance(origin := board.get("origin"), str)  # a board's origin is a string; nothing else can match one
    }


def _captured_steps(directory: Path) -> Iterator[Step]:
    """Files laid out as DIR/<source>/*, exactly like ../shared/feeds."""
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory} is not a directory")
    for source in SOURCES:
        for path in sorted((directory / source).glob("*")):
            if path.is_file() and not path.name.startswith("."):
                yield source, path.name, partial(_read_file, path)


def _read_file(path: Path) -> fetch.Response:
    # A capture's own date (in its name) is when it was fetched; its mtime is only when it was copied.
    found = _DATE_IN_NAME.search(path.name)
    when = (
        datetime.fromisoformat(found.group(1)).replace(tzinfo=UTC)
        if found
        else datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    )
    return fetch.Response(origin=path.name, content=path.read_bytes(), fetched_at=when)


def _live_steps(settings: Settings) -> Iterator[Step]:
    client = fetch.client_for(settings)
    get = fetch.make_getter(client, settings)
    for source, urls in fetch.endpoints(settings).items():
        for url in urls:
            yield source, url, partial(get, url)


def _carry_over(
    previous: list[Listing],
    read: list[tuple[BoardReport, list[Listing]]],
    shrunk_before: set[str],
    report: RefreshReport,
) -> list[Listing]:
    """A board that could not be read, was cut off or came back far smaller keeps its last listings; a
    source that yielded nothing at all keeps every listing it had (also those read from boards not read now)."""
    by_origin: dict[str, list[Listing]] = {}
    for listing in previous:
        by_origin.setdefault(listing.origin, []).append(listing)
    fresh_ids = {listing.id for _, listings in read for listing in listings}
    kept: list[Listing] = []
    for board, listings in read:
        last = by_origin.get(board.origin, []) if board.origin else []
        if board.reason is None and _far_smaller(len(listings), len(last)) and board.origin not in shrunk_before:
            board.reason = SHRUNK
        if board.reason is not None:
            mine = [listing for listing in last if listing.id not in fresh_ids]
            board.kept = len(mine)
            fresh_ids |= {listing.id for listing in mine}
            kept += mine
    for source, stats in report.sources.items():
        if stats.parsed == 0:
            kept += [listing for listing in previous if listing.source == source and listing.id not in fresh_ids]
        stats.kept = sum(1 for listing in kept if listing.source == source)
    return kept


def _far_smaller(now: int, last: int) -> bool:
    return now < last * SHRINK_RATIO and last - now >= SHRINK_MIN_LOST


def _count_changes(previous: list[Listing], current: list[Listing], report: RefreshReport) -> None:
    before = {listing.id: listing for listing in previous}
    # An id merged into another listing (a repost, the same job on a second board) is still present.
    after = {ref.id for listing in current for ref in listing.also_seen} | {listing.id for listing in current}
    for listing in current:
        stats = report.sources[listing.source]
        stats.listings += 1
        old = before.get(listing.id)
        if old is None:
            stats.new += 1
        elif old.content_hash != listing.content_hash:
            stats.updated += 1
    for listing in previous:
        if listing.id not in after:
            report.sources[listing.source].removed += 1
