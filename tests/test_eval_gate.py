"""The quality gate: the eval question set over an index of every captured feed, against evals/thresholds.toml."""

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from tests.conftest import FEEDS

ROOT = Path(__file__).resolve().parents[1]


def test_the_eval_set_meets_its_thresholds(tmp_path, isolated_home):
    runner = CliRunner()
    report = tmp_path / "report"
    result = runner.invoke(app, ["eval", "--feeds", str(FEEDS), "--questions", str(ROOT / "evals" / "questions.jsonl"),
                                 "--report", str(report), "--thresholds", str(ROOT / "evals" / "thresholds.toml")])
    assert result.exit_code == 0, result.output[-3000:]
    assert (report / "report.md").exists() and (report / "report.png").exists()
