"""The quality gate: the dev and the blind test question sets over an index of every captured feed, each against
its thresholds (evals/thresholds.toml for dev, evals/thresholds-test.toml for test)."""

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from tests.conftest import FEEDS

ROOT = Path(__file__).resolve().parents[1]
EVALS = ROOT / "evals"


def test_the_dev_and_test_sets_meet_their_thresholds(tmp_path, isolated_home):
    runner = CliRunner()
    report = tmp_path / "report"
    result = runner.invoke(
        app,
        [
            "eval",
            "--feeds",
            str(FEEDS),
            "--report",
            str(report),
            "--questions",
            str(EVALS / "questions.jsonl"),
            "--thresholds",
            str(EVALS / "thresholds.toml"),
            "--questions",
            str(EVALS / "test.jsonl"),
            "--thresholds",
            str(EVALS / "thresholds-test.toml"),
        ],
    )
    assert result.exit_code == 0, result.output[-3000:]
    for name in ("questions", "test"):
        assert (report / name / "report.md").exists() and (report / name / "report.png").exists()
    sets = (report / "sets.md").read_text()
    assert "| questions.jsonl |" in sets and "| test.jsonl |" in sets and "cross-validated accuracy" in sets
