"""The index commands: `index build|status|verify`, and `search` (ranked chunks for a query)."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from assistant.cli.common import _progress, app, err, fail
from assistant.settings import Settings

index_app = typer.Typer(help="Build and check the search index.", no_args_is_help=True)
app.add_typer(index_app, name="index")


@index_app.command("build")
def index_build() -> None:
    """Chunk, embed (only what changed) and store every guide and listing; swap the new index in at the end."""
    from assistant.index.build import build_index

    manifest = build_index(Settings(), track=_progress, say=err.print)
    err.print(
        f"index {manifest.build_id}: {manifest.chunks} chunks ({manifest.embedded} embedded, "
        f"{manifest.reused} reused, {manifest.removed_documents} documents removed) with {manifest.model}"
    )


@index_app.command("status")
def index_status() -> None:
    """Print the manifest of the index in service."""
    from assistant.index.manifest import IndexMissing, read_manifest

    try:
        sys.stdout.write(read_manifest(Settings().index_dir).model_dump_json(indent=2) + "\n")
    except IndexMissing as error:
        fail(str(error))


@index_app.command("verify")
def index_verify() -> None:
    """Check the stored vectors and texts against the chunks, and the chunks against the documents."""
    from assistant.index.manifest import IndexMissing
    from assistant.index.verify import verify_index

    try:
        report = verify_index(Settings())
    except IndexMissing as error:
        fail(str(error))
    sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    if not report.ok:
        raise typer.Exit(1)


@app.command("search")
def search_command(
    query: str,
    kind: str | None = typer.Option(None, help="guide or listing"),
    filter_: list[str] = typer.Option(
        [],
        "--filter",
        help="FIELD=VALUE, e.g. region=Europe, seniority=senior, "
        "min_annual_usd=150000, salary_disclosed=true (repeatable)",
    ),
    k: int = typer.Option(8, "-k", "--top", help="How many results."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Rank chunks for QUERY: hybrid retrieval with the filters the question implies plus any given."""
    from assistant.search import SearchError, search

    try:
        result = search(Settings(), query, kind=kind, filters=filter_, k=k)
    except SearchError as error:
        fail(str(error))
    if as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
        return
    out = Console()
    out.print(f"[bold]filters[/bold]: {result.filters.model_dump(exclude_defaults=True) or 'none'}")
    for n, hit in enumerate(result.hits, 1):
        out.print(f"{n}. [{hit.score:.4f}] {hit.doc_id} — {hit.title}")
