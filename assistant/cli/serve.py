"""`prepare` (a snapshot and an up-to-date index, offline from captured feeds if need be) and `serve` (the web page)."""

from __future__ import annotations

from pathlib import Path

import typer

from assistant.cli.common import _progress, app, err, fail
from assistant.cli.corpus import print_summary
from assistant.cli.index import index_build
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.settings import Settings


@app.command("prepare")
def prepare(
    feeds: Path | None = typer.Option(None, help="Captured feeds to read when no snapshot exists yet."),
) -> None:
    """Make sure a listings snapshot and an up-to-date index exist (offline from captured feeds if given)."""
    settings = Settings()
    current = snapshots.current_snapshot(settings.listings_dir)
    if current:
        err.print(f"listings snapshot in service: {current}")
    else:
        report = refresh(settings, from_dir=feeds if feeds and feeds.is_dir() else None, track=_progress)
        print_summary(report)
        if report.snapshot is None:
            err.print("[yellow]no listings yet: the role guides are served alone until a refresh succeeds[/yellow]")
    index_build()


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

    prepare(feeds)
    try:
        service = Service(Settings())
    except AnswerError as error:
        fail(str(error))
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
