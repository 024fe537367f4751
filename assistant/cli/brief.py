"""`brief`: an interview brief for a listing or a role guide, as Markdown or JSON, printed or written to a file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from assistant.cli.common import app, err, fail
from assistant.settings import Settings


@app.command("brief")
def brief_command(
    listing: str | None = typer.Option(None, "--listing", metavar="ID", help="A listing id of the current snapshot."),
    guide: str | None = typer.Option(None, "--guide", metavar="ID", help="A role guide id (default: the first)."),
    notes: Path | None = typer.Option(None, "--notes", metavar="FILE", help="Notes about a candidate (text)."),
    as_json: bool = typer.Option(False, "--json", help="Print the InterviewBrief model as JSON."),
    out: Path | None = typer.Option(None, "--out", metavar="FILE", help="Write the brief here instead of printing."),
) -> None:
    """An interview brief for a listing or a role guide: must-haves, stages, questions, pay, flags, notes."""
    from assistant.answer.models import AnswerError
    from assistant.brief import BriefError, build_brief, to_markdown
    from assistant.library import Library

    if listing and guide:
        fail("give --listing or --guide, not both")
    text = _read_notes(notes) if notes else ""
    try:
        brief = build_brief(Library(Settings()), listing_id=listing, guide_id=guide, notes=text)
    except (AnswerError, BriefError) as error:
        fail(str(error))
    document = brief.model_dump_json(indent=2) + "\n" if as_json else to_markdown(brief)
    if out is None:
        sys.stdout.write(document)
        return
    try:
        out.write_text(document, encoding="utf-8")
    except OSError as error:
        fail(f"--out {out}: {error.strerror or error}")
    err.print(f"wrote {out}")


def _read_notes(path: Path) -> str:
    if not path.is_file():
        fail(f"--notes {path}: no such file")
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        fail(f"--notes {path}: {error.strerror or error}")
