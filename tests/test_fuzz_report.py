"""`make reliability` quotes `make fuzz`'s report only when that report fuzzed the very code on disk
(bench/fuzz.py): any change to a module the run imported, a data file of the package, the fuzz tests or
pyproject.toml makes it stale, and so does asking for more inputs per parser than it tried. A module the
fuzzing never imported (the index, the web page) may change."""

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
    (root / "assistant" / "web.py").write_text("def page(): ...\n")
    (root / "assistant" / "tables.json").write_text("{}\n")
    (root / "tests").mkdir()
    (root / "tests" / "conftest.py").write_text("")
    (root / "tests" / "test_fuzz.py").write_text("def test(): ...\n")
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (root / "docs").mkdir()
    return root


def _report(root: Path, examples: int) -> Path:
    path = root / "fuzz.json"
    hashes = fuzz.file_hashes(root)
    files = fuzz.fuzzed_files(hashes, ["assistant/sources/remoteok.py"])  # as if the run imported only it
    report = {"code_digest": fuzz.code_digest(files, hashes), "fuzzed_files": files, "examples": examples}
    path.write_text(json.dumps({**report, "tried": {}}))
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
    for changed in ("assistant/tables.json", "tests/test_fuzz.py", "pyproject.toml"):
        report = _report(root, 10_000)
        (root / changed).write_text((root / changed).read_text() + "\n")
        assert fuzz.fresh(report, 10_000, root) is None, changed
    report = _report(root, 10_000)
    (root / "assistant" / "sources" / "remoteok.py").unlink()  # a fuzzed file gone
    assert fuzz.fresh(report, 10_000, root) is None


def test_code_the_fuzzing_did_not_import_may_change(tmp_path):
    root = _tree(tmp_path)
    report = _report(root, 10_000)
    (root / "assistant" / "web.py").write_text("def page(): return 1\n")
    (root / "assistant" / "index.py").write_text("def build(): ...\n")
    assert fuzz.fresh(report, 10_000, root) is not None


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
