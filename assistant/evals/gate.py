"""The quality gate: a report's totals against `evals/thresholds.toml`."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from assistant.evals.runner import Report


def check(report: Report, thresholds_file: Path) -> list[str]:
    """Every metric below its threshold, as a readable line; empty when the gate holds."""
    thresholds = tomllib.loads(thresholds_file.read_text(encoding="utf-8"))
    failures = _below("overall", report.overall.model_dump(), thresholds.get("overall", {}))
    for category, wanted in thresholds.get("categories", {}).items():
        totals = report.categories.get(category)
        if totals is None:
            failures.append(f"{category}: no questions in this category")
            continue
        failures += _below(category, totals.model_dump(), wanted)
    return failures


def _below(name: str, values: dict[str, Any], wanted: dict[str, Any]) -> list[str]:
    failures = []
    for metric, minimum in wanted.items():
        value = values.get(metric)
        if value is None or value < minimum:
            failures.append(f"{name}.{metric} = {value} is below the threshold {minimum}")
    return failures
