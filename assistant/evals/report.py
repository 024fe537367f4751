"""Eval reports: report.json, report.md (tables and failures), plots, and what changed since an older report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.evals.runner import Report, Totals

COLUMNS = (
    "questions",
    "passed",
    "pass_rate",
    "facts_found",
    "listing_recall",
    "answerable_accuracy",
    "citation_validity",
    "hit_rate",
    "mrr",
    "intent_accuracy",
    "section_hit1",
    "latency_p50_ms",
    "latency_p95_ms",
)


def write_report(report: Report, directory: Path, compare_to: Path | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "report.json").write_text(report.model_dump_json(indent=2), encoding="utf-8")
    changes = compare(load_report(compare_to), report) if compare_to else None
    (directory / "report.md").write_text(markdown(report, changes), encoding="utf-8")
    return [directory / "report.json", directory / "report.md", *plot(report, directory)]


SET_COLUMNS = (
    "questions",
    "pass_rate",
    "facts_found",
    "listing_recall",
    "answerable_accuracy",
    "citation_validity",
    "hit_rate",
    "mrr",
    "intent_accuracy",
    "section_hit1",
    "latency_p50_ms",
)


def write_sets(reports: list[Report], directory: Path) -> Path:
    """sets.md: each question set's totals side by side, with the intent classifier's cross-validated accuracy
    on its training file; the gap between the dev and test rows is how much was fitted to the dev questions."""
    from assistant.query import classifier

    cv = classifier.cross_validate()
    lines = [
        "# Question sets side by side",
        "",
        f"- train: `evals/train.jsonl`, {cv['examples']} labelled questions; intent classifier 5-fold "
        f"cross-validated accuracy {cv['accuracy']:.2f} (log loss {cv['log_loss']:.2f})",
        "",
        "| set | " + " | ".join(SET_COLUMNS) + " |",
        "|---" * (len(SET_COLUMNS) + 1) + "|",
    ]
    for report in reports:
        values = report.overall.model_dump()
        name = Path(report.questions_file).name
        lines.append(f"| {name} | " + " | ".join(_cell(values[c]) for c in SET_COLUMNS) + " |")
    path = directory / "sets.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_report(path: Path) -> Report:
    path = path / "report.json" if path.is_dir() else path
    return Report.model_validate(json.loads(path.read_text(encoding="utf-8")))


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}" if value <= 1 else f"{value:,.0f}"
    return str(value)


def table(rows: dict[str, Totals]) -> list[str]:
    lines = ["| category | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for name, totals in rows.items():
        values = totals.model_dump()
        lines.append(f"| {name} | " + " | ".join(_cell(values[c]) for c in COLUMNS) + " |")
    return lines


def markdown(report: Report, changes: dict[str, Any] | None = None) -> str:
    lines = [
        "# Eval report",
        "",
        f"- backend: `{report.backend}`; questions: `{report.questions_file}`; "
        f"created {report.created_at:%Y-%m-%d %H:%M} UTC",
        f"- index: `{report.index.get('build_id')}` built with `{report.index.get('model')}` "
        f"from snapshot `{report.index.get('snapshot')}`",
        f"- retrieval metrics at k={report.k}: hit rate and MRR of the document that holds the answer",
        "",
        "## Totals",
        "",
        *table({"overall": report.overall, **report.categories}),
        "",
    ]
    if report.baseline:
        lines += [
            "## Retrieval against the llama-index default",
            "",
            "| system | questions | hit rate | MRR |",
            "|---|---|---|---|",
            f"| career-assistant (hybrid) | {report.baseline['questions']} | {report.baseline['ours_hit_rate']:.2f} "
            f"| {report.baseline['ours_mrr']:.2f} |",
            f"| llama-index default (dense) | {report.baseline['questions']} | {report.baseline['hit_rate']:.2f} "
            f"| {report.baseline['mrr']:.2f} |",
            "",
            report.baseline.get("note", ""),
            "",
        ]
    if changes:
        lines += ["## Changes since the compared report", "", *changes["lines"], ""]
    failures = [r for r in report.results if not r.score.passed]
    lines += [f"## Failures ({len(failures)})", ""]
    for result in failures:
        answer = result.answer.answer.replace("\n", " ")[:400]
        lines += [
            f"### {result.question.id} ({result.question.category})",
            "",
            f"- question: {result.question.question}",
            f"- reasons: {'; '.join(result.score.reasons)}",
            f"- answer: {answer}",
            "",
        ]
    return "\n".join(lines)


def compare(old: Report, new: Report) -> dict[str, Any]:
    """What got better and worse: per category pass rates, and the questions that flipped."""
    before = {r.question.id: r.score.passed for r in old.results}
    fixed = [r.question.id for r in new.results if r.score.passed and before.get(r.question.id) is False]
    broken = [r.question.id for r in new.results if not r.score.passed and before.get(r.question.id)]
    lines = ["| category | before | after | change |", "|---|---|---|---|"]
    for name in sorted(set(old.categories) | set(new.categories)):
        a = old.categories.get(name)
        b = new.categories.get(name)
        ra, rb = (a.pass_rate if a else None), (b.pass_rate if b else None)
        delta = f"{rb - ra:+.2f}" if ra is not None and rb is not None else "new" if ra is None else "gone"
        lines.append(f"| {name} | {_cell(ra)} | {_cell(rb)} | {delta} |")
    lines += [
        "",
        f"Now passing ({len(fixed)}): {', '.join(fixed) or 'none'}",
        f"Now failing ({len(broken)}): {', '.join(broken) or 'none'}",
    ]
    return {"fixed": fixed, "broken": broken, "lines": lines}


def plot(report: Report, directory: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")  # no screen here, and none is needed
    import matplotlib.pyplot as plt

    names = list(report.categories)
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8))
    left.barh(names, [report.categories[n].pass_rate for n in names], color="#4c72b0")
    left.set_xlim(0, 1)
    left.set_xlabel("pass rate")
    left.set_title(f"Pass rate by category (overall {report.overall.pass_rate:.2f})")
    left.invert_yaxis()
    latencies = [r.score.latency_ms for r in report.results]
    right.hist(latencies, bins=30, color="#55a868")
    right.set_xlabel("answer latency (ms)")
    right.set_ylabel("questions")
    right.set_title(f"Latency (p50 {report.overall.latency_p50_ms:.0f} ms, p95 {report.overall.latency_p95_ms:.0f} ms)")
    fig.tight_layout()
    path = directory / "report.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return [path]
