"""`prepare` (a snapshot and an up-to-date index, offline from captured feeds if need be) and `serve` (the web page)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from assistant.cli.common import _progress, app, err, fail
from assistant.cli.corpus import print_summary
from assistant.cli.index import index_build
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.index.progress import BuildProgress
from assistant.settings import Settings


@app.command("prepare")
def prepare(
    feeds: Path | None = typer.Option(None, help="Captured feeds to read when no snapshot exists yet."),
) -> None:
    """Make sure a listings snapshot and an up-to-date index exist (offline from captured feeds if given)."""
    _snapshot(Settings(), feeds)
    index_build()


def _snapshot(settings: Settings, feeds: Path | None) -> None:
    """A listings snapshot in service: the current one, or a first refresh (from captured feeds if given)."""
    current = snapshots.current_snapshot(settings.listings_dir)
    if current:
        err.print(f"listings snapshot in service: {current}")
        return
    report = refresh(settings, from_dir=feeds if feeds and feeds.is_dir() else None, track=_progress)
    print_summary(report)
    if report.snapshot is None:
        err.print("[yellow]no listings yet: the role guides are served alone until a refresh succeeds[/yellow]")


def _index_to_serve(settings: Settings) -> bool:
    """An index the page can answer from now; True when the full one must still be built (in the background).
    With nothing servable (a fresh home, a damaged or mismatched index) the guides alone are indexed first:
    seconds, where reading the boards and embedding every listing takes minutes."""
    from assistant.answer.models import AnswerError
    from assistant.index import health
    from assistant.index.build import build_index, up_to_date
    from assistant.library import Library

    first_refresh = snapshots.current_snapshot(settings.listings_dir) is None
    damaged = health.damage(settings)  # a damaged index is rebuilt, never served while a build clears it
    if damaged is None and up_to_date(settings) and not first_refresh:
        return False
    reason = f"the index in service is damaged ({damaged})" if damaged else None
    if reason is None:
        try:
            Library(settings)
            return True
        except AnswerError as error:
            reason = str(error)
    err.print(f"{reason}\nindexing the role guides first; the listings follow in the background")
    build_index(settings, track=_progress, say=err.print, guides_only=True)
    return True


def _first_refresh(settings: Settings, feeds: Path | None) -> Callable[[BuildProgress], None] | None:
    """What the background build does first on a home with no snapshot yet: read the boards (the captured
    feeds if given). No listing read is a failure the page reports; the guides keep answering."""
    if snapshots.current_snapshot(settings.listings_dir):
        return None

    def read_boards(progress: BuildProgress) -> None:
        report = refresh(settings, from_dir=feeds if feeds and feeds.is_dir() else None, track=progress)
        progress.say(report.message)
        if report.snapshot is None:
            raise RuntimeError(f"no listings could be read: {report.message}")

    return read_boards


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(7860, help="Port to listen on."),
    feeds: Path | None = typer.Option(None, help="Captured feeds to read when no snapshot exists yet."),
) -> None:
    """Start the web page (chat, interview briefs, data) after making sure a snapshot and an index exist."""
    import threading
    import time

    import uvicorn

    from assistant.answer.models import AnswerError
    from assistant.web.app import create_app
    from assistant.web.service import Service

    settings = Settings()
    first = _first_refresh(settings, feeds)
    background = _index_to_serve(settings)
    try:
        service = Service(settings)
    except AnswerError as error:
        fail(str(error))
    if background:
        service.build_in_background(say=lambda line: err.print(f"[dim]listings:[/dim] {line}"), first=first)
    # Open event streams (browsers, gradio_client) must not hold a stop for long.
    server = uvicorn.Server(
        uvicorn.Config(create_app(service), host=host, port=port, log_level="warning", timeout_graceful_shutdown=3)
    )

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            err.print(f"[bold]career-assistant[/bold] is serving at http://{host}:{port}/  (Ctrl+C stops it)")

    threading.Thread(target=announce, daemon=True).start()
    server.run()
    if not server.started:
        raise typer.Exit(1)
