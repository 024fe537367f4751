"""`make reliability` quotes `make fuzz`'s report only when that report fuzzed the very code on disk
(bench/fuzz.py): any change to assistant/, tests/ or pyproject.toml makes it stale, and so does asking for more
inputs per parser than it tried."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)


def _tree(root: Path) -> Path:
    (root / "assistant" / "sources").mkdir(parents=True)
    (root / "assistant" / "sources" / "remoteok.py").write_text("def parse(): ...\n")
    (root / "tests").mkdir()
    (root / "tests" / "test_fuzz.py").write_text("def test(): ...\n")
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (root / "docs").mkdir()
    return root


def _report(root: Path, examples: int) -> Path:
    path = root / "fuzz.json"
    path.write_text(json.dumps({"code_digest": fuzz.code_digest(root), "examples": examples, "tried": {}}))
    return path


def test_a_report_of_this_code_is_quoted(tmp_path):
    root = _tree(tmp_path)
    report = _report(root, 10_000)
    assert fuzz.fresh(report, 10_000, root)["examples"] == 10_000
    assert fuzz.fresh(report, 500, root) is not None


def test_a_report_with_fewer_inputs_than_asked_is_not(tmp_path):
    root = _tree(tmp_path)
    assert fuzz.fresh(_report(root, 500), 10_000, root) is None


def test_any_change_to_the_fuzzed_code_makes_it_stale(tmp_path):
    root = _tree(tmp_path)
    report = _report(root, 10_000)
    (root / "assistant" / "sources" / "remoteok.py").write_text("def parse(): return None\n")
    assert fuzz.fresh(report, 10_000, root) is None
    report = _report(root, 10_000)
    (root / "tests" / "test_new.py").write_text("def test(): ...\n")  # a new file counts too
    assert fuzz.fresh(report, 10_000, root) is None


def test_docs_bytecode_and_the_report_itself_do_not_count(tmp_path):
    root = _tree(tmp_path)
    report = _report(root, 10_000)
    (root / "docs" / "reliability.md").write_text("# new figures\n")
    (root / "assistant" / "__pycache__").mkdir()
    (root / "assistant" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert fuzz.fresh(report, 10_000, root) is not None


def test_a_missing_or_broken_report_is_not_quoted(tmp_path):
    root = _tree(tmp_path)
    assert fuzz.fresh(root / "absent.json", 1, root) is None
    (root / "broken.json").write_text("{not json")
    assert fuzz.fresh(root / "broken.json", 1, root) is None
