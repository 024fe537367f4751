"""The corpus commands: `refresh` (with its summary table), `listings export|show`, `guides list`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import track
from rich.table import Table

from assistant.cli.common import app, err, fail
from assistant.corpus.guides import GuideError, load_guides
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import RefreshReport, refresh
from assistant.corpus.listings.sources import Skip
from assistant.settings import Settings
from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.listing import Listing

listings_app = typer.Typer(help="Inspect the listings of the current snapshot.", no_args_is_help=True)
guides_app = typer.Typer(help="Inspect the role guides.", no_args_is_help=True)
app.add_typer(listings_app, name="listings")
app.add_typer(guides_app, name="guides")


@app.command("refresh")
def refresh_command(
    from_dir: Path | None = typer.Option(None, "--from-dir", help="Read captured files laid out as DIR/<source>/*."),
) -> None:
    """Fetch every board (or read captured files) and write a new listings snapshot."""
    if from_dir is not None and not from_dir.is_dir():
        fail(f"--from-dir {from_dir}: no such directory")
    report = refresh(Settings(), from_dir=from_dir, track=lambda items, **kw: track(items, console=err, **kw))
    print_summary(report)
    if report.snapshot is None:
        raise typer.Exit(1)


def print_summary(report: RefreshReport) -> None:
    table = Table(title=f"refresh ({report.mode})")
    for column in ("source", "fetched", "parsed", "skipped", "new", "updated", "removed", "kept", "listings"):
        table.add_column(column, justify="left" if column == "source" else "right", no_wrap=True)
    for source, stats in report.sources.items():
        table.add_row(
            SOURCE_NAMES[source],
            *(
                str(v)
                for v in (
                    stats.fetched,
                    stats.parsed,
                    len(stats.skipped),
                    stats.new,
                    stats.updated,
                    stats.removed,
                    stats.kept,
                    stats.listings,
                )
            ),
        )
    err.print(table)
    for stats in report.sources.values():
        for reason, refs in _group_skips(stats.skipped).items():
            err.print(f"  [yellow]skipped[/yellow] {SOURCE_NAMES[stats.source]}: {reason} ({_refs(refs)})")
        for board in stats.boards:
            if board.kept:
                err.print(
                    f"  [yellow]kept[/yellow] {board.kept} earlier listings of {SOURCE_NAMES[stats.source]} "
                    f"{board.origin}: {board.reason}"
                )
    err.print(report.message)


def _group_skips(skips: Iterable[Skip]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for skip in skips:
        grouped.setdefault(skip.reason, []).append(skip.ref)
    return grouped


def _refs(refs: list[str], shown: int = 3) -> str:
    more = f", and {len(refs) - shown} more" if len(refs) > shown else ""
    return ", ".join(refs[:shown]) + more


def _current_listings() -> list[Listing]:
    settings = Settings()
    path = snapshots.current_snapshot(settings.listings_dir)
    if path is None:
        fail(f"no listings snapshot in {settings.listings_dir}; run `career-assistant refresh` first")
    try:
        return snapshots.load_snapshot(path)
    except snapshots.SnapshotError as error:
        fail(str(error))


@listings_app.command("export")
def listings_export() -> None:
    """Print every listing of the current snapshot as JSON lines."""
    for listing in _current_listings():
        sys.stdout.write(listing.model_dump_json() + "\n")


@listings_app.command("show")
def listings_show(listing_id: str = typer.Argument(..., metavar="ID")) -> None:
    """Print one listing (by its id, or by the id of any copy merged into it) as JSON."""
    for listing in _current_listings():
        if listing_id == listing.id or listing_id in {ref.id for ref in listing.also_seen}:
            sys.stdout.write(listing.model_dump_json(indent=2) + "\n")
            return
    fail(f"no listing {listing_id!r} in the current snapshot")


@guides_app.command("list")
def guides_list() -> None:
    """List the role guides and their sections."""
    settings = Settings()
    try:
        guides = load_guides(settings.guides_dir)
    except GuideError as error:
        fail(str(error))
    table = Table(title=f"guides in {settings.guides_dir}")
    for column in ("id", "title", "format", "sections", "sources"):
        table.add_column(column)
    for guide in guides:
        table.add_row(
            guide.id,
            guide.title,
            guide.format,
            ", ".join(s.id for s in guide.sections),
            "; ".join(s.title for s in guide.sources),
        )
    Console().print(table)
