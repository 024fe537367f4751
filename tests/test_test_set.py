"""The blind test set (evals/test.jsonl) is checked against the data by the validator its writer made
(evals/blind/validate.py, standard library only), so it cannot silently rot."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _validator():
    spec = importlib.util.spec_from_file_location("blind_validate", ROOT / "evals" / "blind" / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_test_set_holds_against_the_reference_and_feeds(capsys):
    assert _validator().main() == 0, capsys.readouterr().out[-3000:]


def test_the_validator_fails_a_fact_not_in_the_reference(tmp_path, capsys):
    lines = (ROOT / "evals" / "test.jsonl").read_text().splitlines()
    broken = json.loads(lines[0]) | {"facts": ["$999,999"]}
    (tmp_path / "test.jsonl").write_text("\n".join([json.dumps(broken), *lines[1:]]) + "\n")
    validator = _validator()
    validator.TEST = str(tmp_path / "test.jsonl")
    assert validator.main() == 1
    assert "not in reference text" in capsys.readouterr().out


def test_the_test_set_is_large_enough_and_covers_every_category():
    rows = [json.loads(line) for line in (ROOT / "evals" / "test.jsonl").read_text().splitlines() if line.strip()]
    assert len(rows) >= 150
    assert {r["category"] for r in rows} >= {"pay", "hiring", "listings", "multi_turn", "unanswerable", "off_topic"}
