"""`eval`: run eval question sets through the assistant, score them, write reports, gate on thresholds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from assistant.cli.common import _progress, app, err, fail
from assistant.corpus.listings.refresh import refresh
from assistant.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from assistant.evals.runner import Report


@app.command("eval")
def eval_command(
    questions: list[Path] = typer.Option(
        [PROJECT_ROOT / "evals" / "questions.jsonl"],
        help="An eval question file; repeat for several sets (dev, test), scored side by side.",
    ),
    feeds: Path | None = typer.Option(
        None, help="Refresh from captured feeds laid out like ../shared/feeds and rebuild the index first."
    ),
    backend: str | None = typer.Option(None, help="extractive or openai (default: the configured one)."),
    as_json: bool = typer.Option(False, "--json", help="Print each question's answer and scores, then totals."),
    report: Path | None = typer.Option(
        None,
        help="Write report.json, report.md and plots to this directory "
        "(one subdirectory per set, and sets.md, when there are several).",
    ),
    compare: Path | None = typer.Option(None, help="An older report (file or directory) to compare with."),
    baseline: bool = typer.Option(False, help="Also score the llama-index default's retrieval (slow)."),
    thresholds: list[Path] = typer.Option(
        [], help="Fail (exit 1) below the thresholds in this TOML file; repeat to pair one with each set."
    ),
) -> None:
    """Run eval question sets through the assistant and score every answer."""
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant
    from assistant.evals import gate
    from assistant.evals.questions import QuestionFileError, load_questions
    from assistant.evals.report import write_report, write_sets
    from assistant.evals.runner import run_eval

    overrides: dict[str, Any] = {"llm": backend} if backend else {}  # a raw --backend string: Settings validates it
    settings = Settings(**overrides)
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


def _eval_json(result: Report) -> dict[str, Any]:
    rows = [
        {
            **r.answer.model_dump(mode="json"),
            "id": r.question.id,
            "category": r.question.category,
            "scores": r.score.model_dump(),
            "retrieval": r.retrieval.model_dump() if r.retrieval else None,
        }
        for r in result.results
    ]
    return {
        "results": rows,
        "totals": result.overall.model_dump(),
        "categories": {k: v.model_dump() for k, v in result.categories.items()},
        "baseline": result.baseline,
    }


def _print_totals(result: Report) -> None:
    table = Table(title=f"eval ({result.backend}, {result.overall.questions} questions)")
    for column in ("category", "questions", "passed", "pass rate", "facts", "hit@5", "MRR@5"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, totals in {"overall": result.overall, **result.categories}.items():
        table.add_row(
            name,
            str(totals.questions),
            str(totals.passed),
            f"{totals.pass_rate:.2f}",
            f"{totals.facts_found:.2f}",
            "—" if totals.hit_rate is None else f"{totals.hit_rate:.2f}",
            "—" if totals.mrr is None else f"{totals.mrr:.2f}",
        )
    Console().print(table)
