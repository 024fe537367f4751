"""The `career-assistant` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import track
from rich.table import Table

from assistant.corpus.listings import snapshots
from assistant.corpus.guides import GuideError, load_guides
from assistant.vocab.listing import SOURCE_NAMES
from assistant.corpus.listings.refresh import RefreshReport, refresh
from assistant.settings import PROJECT_ROOT, Settings

app = typer.Typer(help="Answers about remote ML careers, with citations to role guides and job listings.",
                  no_args_is_help=True)
listings_app = typer.Typer(help="Inspect the listings of the current snapshot.", no_args_is_help=True)
guides_app = typer.Typer(help="Inspect the role guides.", no_args_is_help=True)
index_app = typer.Typer(help="Build and check the search index.", no_args_is_help=True)
app.add_typer(listings_app, name="listings")
app.add_typer(guides_app, name="guides")
app.add_typer(index_app, name="index")
intent_app = typer.Typer(help="Train and inspect the intent classifier.", no_args_is_help=True)
app.add_typer(intent_app, name="intent")

err = Console(stderr=True)


def fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


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
        table.add_row(SOURCE_NAMES[source], *(str(v) for v in (
            stats.fetched, stats.parsed, len(stats.skipped), stats.new, stats.updated, stats.removed, stats.kept,
            stats.listings)))
    err.print(table)
    for stats in report.sources.values():
        for reason, refs in _group_skips(stats.skipped).items():
            err.print(f"  [yellow]skipped[/yellow] {SOURCE_NAMES[stats.source]}: {reason} ({_refs(refs)})")
        for board in stats.boards:
            if board.kept:
                err.print(f"  [yellow]kept[/yellow] {board.kept} earlier listings of {SOURCE_NAMES[stats.source]} "
                          f"{board.origin}: {board.reason}")
    err.print(report.message)


def _group_skips(skips) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for skip in skips:
        grouped.setdefault(skip.reason, []).append(skip.ref)
    return grouped


def _refs(refs: list[str], shown: int = 3) -> str:
    more = f", and {len(refs) - shown} more" if len(refs) > shown else ""
    return ", ".join(refs[:shown]) + more


def _current_listings():
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
        table.add_row(guide.id, guide.title, guide.format, ", ".join(s.id for s in guide.sections),
                      "; ".join(s.title for s in guide.sources))
    Console().print(table)


def _progress(items, **kwargs):
    return track(items, console=err, **kwargs)


@index_app.command("build")
def index_build() -> None:
    """Chunk, embed (only what changed) and store every guide and listing; swap the new index in at the end."""
    from assistant.index.build import build_index

    manifest = build_index(Settings(), track=_progress, say=err.print)
    err.print(f"index {manifest.build_id}: {manifest.chunks} chunks ({manifest.embedded} embedded, "
              f"{manifest.reused} reused, {manifest.removed_documents} documents removed) with {manifest.model}")


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


@intent_app.command("train")
def intent_train(
    data: Path = typer.Option(None, help="Labelled questions (default evals/train.jsonl)."),
    c: float = typer.Option(32.0, "-c", help="Inverse regularization strength of the logistic regression."),
    cv: bool = typer.Option(False, "--cv", help="Only report 5-fold cross-validated accuracy; write nothing."),
) -> None:
    """Fit the intent classifier on the training questions and write assistant/query/intent_model.npz."""
    from assistant.query import classifier

    path = data or classifier.TRAIN_FILE
    if cv:
        sys.stdout.write(json.dumps(classifier.cross_validate(path, c)) + "\n")
        return
    model = classifier.train(path, c)
    model.save()
    err.print(f"intent model: {len(model.labels)} labels, trained on {path} ({model.digest[:12]})")


@intent_app.command("classify")
def intent_classify(question: str = typer.Argument(..., metavar="QUESTION")) -> None:
    """Print the classifier's probability per label for one question."""
    from assistant.query import classifier

    sys.stdout.write(json.dumps({k: round(v, 3) for k, v in classifier.classify(question).items()}) + "\n")


@app.command("search")
def search_command(
    query: str,
    kind: str | None = typer.Option(None, help="guide or listing"),
    filter_: list[str] = typer.Option([], "--filter", help="FIELD=VALUE, e.g. region=Europe, seniority=senior, "
                                      "min_annual_usd=150000, salary_disclosed=true (repeatable)"),
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
    server = uvicorn.Server(uvicorn.Config(create_app(service), host=host, port=port, log_level="warning",
                                           timeout_graceful_shutdown=3))

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            err.print(f"[bold]career-assistant[/bold] is serving at http://{host}:{port}/  (Ctrl+C stops it)")

    threading.Thread(target=announce, daemon=True).start()
    server.run()
    if not server.started:
        raise typer.Exit(1)


@app.command("ask")
def ask_command(
    question: str,
    as_json: bool = typer.Option(False, "--json", help="Print the answer object (DESIGN.md contract)."),
) -> None:
    """Answer QUESTION from the guides and listings, with numbered citations."""
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant

    try:
        answer = Assistant(Settings()).ask(question)
    except AnswerError as error:
        fail(str(error))
    if as_json:
        sys.stdout.write(answer.model_dump_json(indent=2) + "\n")
        return
    print_answer(answer)


def print_answer(answer) -> None:
    from rich.markdown import Markdown

    out = Console()
    out.print(Markdown(answer.answer))
    for notice in answer.notices:
        out.print(f"[yellow]{notice}[/yellow]")
    if answer.citations:
        out.print("\n[bold]Sources[/bold]")
        _print_sources(out, answer)


@app.command("chat")
def chat_command() -> None:
    """Chat in the terminal. /sources shows the last answer's sources, /reset starts over, /quit leaves."""
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant, Conversation

    try:
        assistant = Assistant(Settings())
    except AnswerError as error:
        fail(str(error))
    conversation, last = Conversation(), None
    out = Console()
    out.print("[bold]career-assistant[/bold] — ask about remote ML roles, pay, hiring or listings. "
              "/sources, /reset, /quit")
    while True:
        try:
            question = out.input("[bold cyan]you>[/bold cyan] ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if question in ("/quit", "/exit"):
            break
        if question == "/reset":
            conversation.reset()
            out.print("[dim]started a new conversation[/dim]")
            continue
        if question == "/sources":
            _print_sources(out, last)
            continue
        try:
            last = assistant.ask(question, conversation)
        except AnswerError as error:
            out.print(f"[red]{error}[/red]")
            continue
        from rich.markdown import Markdown

        out.print(Markdown(last.answer))
        for notice in last.notices:
            out.print(f"[yellow]{notice}[/yellow]")


def _print_sources(out: Console, answer) -> None:
    if answer is None or not answer.citations:
        out.print("[dim]no sources yet[/dim]")
        return
    for citation in answer.citations:
        where = f" — {citation.url}" if citation.url else ""
        out.print(f"[{citation.n}] {citation.title} ({citation.id}){where}\n    “{citation.quote}”")


@app.command("eval")
def eval_command(
    questions: list[Path] = typer.Option(
        [PROJECT_ROOT / "evals" / "questions.jsonl"],
        help="An eval question file; repeat for several sets (dev, test), scored side by side."),
    feeds: Path | None = typer.Option(None, help="Refresh from captured feeds laid out like ../shared/feeds and "
                                      "rebuild the index first."),
    backend: str | None = typer.Option(None, help="extractive or openai (default: the configured one)."),
    as_json: bool = typer.Option(False, "--json", help="Print each question's answer and scores, then totals."),
    report: Path | None = typer.Option(None, help="Write report.json, report.md and plots to this directory "
                                       "(one subdirectory per set, and sets.md, when there are several)."),
    compare: Path | None = typer.Option(None, help="An older report (file or directory) to compare with."),
    baseline: bool = typer.Option(False, help="Also score the llama-index default's retrieval (slow)."),
    thresholds: list[Path] = typer.Option(
        [], help="Fail (exit 1) below the thresholds in this TOML file; repeat to pair one with each set."),
) -> None:
    """Run eval question sets through the assistant and score every answer."""
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant
    from assistant.evals import gate
    from assistant.evals.questions import QuestionFileError, load_questions
    from assistant.evals.report import write_report, write_sets
    from assistant.evals.runner import run_eval

    settings = Settings(**({"llm": backend} if backend else {}))
    try:
        question_sets = [(path, load_questions(path)) for path in questions]
    except (OSError, QuestionFileError) as error:
        fail(str(error))
    if feeds is not None:
        refresh(settings, from_dir=feeds, track=_progress)
        from assistant.index.build import build_index

        build_index(settings, track=_progress, say=err.print)
    try:
        assistant = Assistant(settings)
    except AnswerError as error:
        fail(str(error))
    results = []
    for path, question_set in question_sets:
        result = run_eval(assistant, question_set, str(path), track=_progress)
        if baseline:
            from assistant.evals.baseline import baseline_retrieval

            err.print("building the llama-index default baseline (embeds every document again)")
            result.baseline = baseline_retrieval(assistant, result)
        results.append((path, result))
    if report:
        several = len(results) > 1
        for path, result in results:
            for written in write_report(result, report / path.stem if several else report, compare_to=compare):
                err.print(f"wrote {written}")
        if several:
            err.print(f"wrote {write_sets([r for _, r in results], report)}")
    failures = []
    for n, (path, result) in enumerate(results):
        if as_json:
            sys.stdout.write(json.dumps(_eval_json(result), indent=2, default=str) + "\n")
        else:
            _print_totals(result)
        if n < len(thresholds):
            failures += [f"{path.name}: {line}" for line in gate.check(result, thresholds[n])]
    for failure in failures:
        err.print(f"[red]below threshold:[/red] {failure}")
    if failures:
        raise typer.Exit(1)


def _eval_json(result) -> dict:
    rows = [{**r.answer.model_dump(mode="json"), "id": r.question.id, "category": r.question.category,
             "scores": r.score.model_dump(), "retrieval": r.retrieval.model_dump() if r.retrieval else None}
            for r in result.results]
    return {"results": rows, "totals": result.overall.model_dump(),
            "categories": {k: v.model_dump() for k, v in result.categories.items()}, "baseline": result.baseline}


def _print_totals(result) -> None:
    table = Table(title=f"eval ({result.backend}, {result.overall.questions} questions)")
    for column in ("category", "questions", "passed", "pass rate", "facts", "hit@5", "MRR@5"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, totals in {"overall": result.overall, **result.categories}.items():
        table.add_row(name, str(totals.questions), str(totals.passed), f"{totals.pass_rate:.2f}",
                      f"{totals.facts_found:.2f}", "—" if totals.hit_rate is None else f"{totals.hit_rate:.2f}",
                      "—" if totals.mrr is None else f"{totals.mrr:.2f}")
    Console().print(table)


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
