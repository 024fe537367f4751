"""refresh: read every board (live or from captured files) → parse → normalize → dedupe → snapshot."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, Field

from assistant import fetch, snapshots
from assistant.dedupe import dedupe
from assistant.models import SOURCES, Listing
from assistant.normalize import normalize
from assistant.settings import Settings
from assistant.sources import CONNECTORS, Batch, InputError, Skip

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


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


def refresh(settings: Settings, from_dir: Path | None = None, track=None) -> RefreshReport:
    """Write a new snapshot from what could be read; never lose the last good one."""
    report = RefreshReport(
        mode=f"from-dir {from_dir}" if from_dir else "live",
        started_at=datetime.now(timezone.utc),
        sources={source: SourceReport(source=source) for source in SOURCES},
    )
    steps = list(_captured_steps(from_dir) if from_dir else _live_steps(settings))
    track = track or (lambda items, **_: items)
    fresh: list[Listing] = []
    for source, origin, load in track(steps, description="Reading job boards"):
        fresh += _read(source, origin, load, report.sources[source])
    previous_path = snapshots.current_snapshot(settings.listings_dir)
    previous = snapshots.load_snapshot(previous_path) if previous_path else []
    fresh += _carry_over(previous, report)
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


def _read(source: str, origin: str, load: Callable[[], fetch.Response], stats: SourceReport) -> list[Listing]:
    try:
        response = load()
        batch: Batch = CONNECTORS[source].parse(response.content, origin)
    except InputError as err:
        stats.skipped.append(Skip(reason=str(err), ref=origin))
        return []
    except Exception as err:  # a board that is down or blocks us must not stop the others
        stats.skipped.append(Skip(reason=fetch.describe_error(err), ref=origin))
        return []
    stats.fetched += batch.seen
    stats.skipped += batch.skipped
    listings = []
    for raw in batch.listings:
        try:
            listings.append(normalize(raw, response.fetched_at))
        except Exception as err:
            stats.skipped.append(Skip(reason=f"could not normalize ({type(err).__name__}: {err})", ref=raw.id))
    stats.parsed += len(listings)
    return listings


def _captured_steps(directory: Path) -> Iterator[Step]:
    """Files laid out as DIR/<source>/*, exactly like ../shared/feeds."""
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory} is not a directory")
    for source in SOURCES:
        for path in sorted((directory / source).glob("*")):
            if path.is_file() and not path.name.startswith("."):
                yield source, path.name, lambda path=path: _read_file(path)


def _read_file(path: Path) -> fetch.Response:
    # A capture's own date (in its name) is when it was fetched; its mtime is only when it was copied.
    found = _DATE_IN_NAME.search(path.name)
    when = (
        datetime.fromisoformat(found.group(1)).replace(tzinfo=timezone.utc)
        if found
        else datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    )
    return fetch.Response(origin=path.name, content=path.read_bytes(), fetched_at=when)


def _live_steps(settings: Settings) -> Iterator[Step]:
    client = fetch.client_for(settings)
    get = fetch.make_getter(client, settings)
    for source, urls in fetch.endpoints(settings).items():
        for url in urls:
            yield source, url, lambda url=url: get(url)


def _carry_over(previous: list[Listing], report: RefreshReport) -> list[Listing]:
    """A source that yielded nothing this time keeps its listings from the last snapshot."""
    kept = []
    for source, stats in report.sources.items():
        if stats.parsed == 0:
            mine = [listing for listing in previous if listing.source == source]
            stats.kept = len(mine)
            kept += mine
    return kept


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
