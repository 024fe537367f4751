"""`make fuzz`: tests/test_fuzz.py with many inputs per parser, and a report of what was tried.

    .venv/bin/python bench/fuzz.py [--examples 10000] [--run 5000] [--deadline 5] [--out bench/results/fuzz.json]

The report holds, from this run: the inputs each parser was tried on (counted by the tests themselves), each
test's outcome and time (pytest's JUnit XML), pytest's summary line, the settings, the date, the commit and a
digest of the code that was fuzzed (the package modules the run imported, the package's data files, the fuzz
tests and pyproject.toml, as they were on disk when it started). `make reliability` quotes this report instead
of fuzzing again when that digest matches the same files on disk.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "bench" / "results" / "fuzz.json"
FUZZED_CODE = ("assistant", "tests", "pyproject.toml")
# Always part of the digest: the tests themselves, the settings, and every data file the package reads (tables,
# the intent model); the package's modules count when the fuzzing run imported them.
ALWAYS = ("tests/test_fuzz.py", "tests/conftest.py", "pyproject.toml")


def file_hashes(root: Path = ROOT) -> dict[str, str]:
    """sha256 of every file the fuzzing could exercise, by path relative to `root`, as it is on disk now."""
    hashes = {}
    for name in FUZZED_CODE:
        top = root / name
        for path in [top] if top.is_file() else sorted(top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and "artifacts" not in path.parts:
                hashes[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def fuzzed_files(hashes: dict[str, str], modules: list[str]) -> list[str]:
    """What the fuzzing exercised: the modules it imported, the package's data files and `ALWAYS`. A change
    anywhere else (the index, the web page) leaves the fuzzing's verdict standing."""
    data = [path for path in hashes if path.startswith("assistant/") and not path.endswith(".py")]
    return sorted({*modules, *data, *ALWAYS} & set(hashes))


def code_digest(files: list[str], hashes: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path}\0{hashes[path]}\0".encode())
    return digest.hexdigest()


def commit(root: Path = ROOT) -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no", "--", *FUZZED_CODE],
        cwd=root,
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def _outcomes(junit: Path) -> dict[str, dict]:
    tests = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        problem = next((child for child in case if child.tag in ("failure", "error", "skipped")), None)
        message = (problem.get("message") or problem.text or "").strip().splitlines()[:1] if problem is not None else []
        detail = (problem.text or "").strip()[-4000:] if problem is not None else ""  # the falsifying example
        tests[case.get("name")] = {
            "outcome": "passed" if problem is None else problem.tag,
            "seconds": round(float(case.get("time", 0)), 1),
            **({"message": message[0][:300]} if message else {}),
            **({"detail": detail} if detail else {}),
        }
    return tests


def _tests(env: dict[str, str]) -> list[str]:
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_fuzz.py", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return [line for line in listed.stdout.splitlines() if "::" in line]


def _deal(tests: list[str], jobs: int, last: Path = REPORT) -> list[list[str]]:
    """The tests in `jobs` shares of about equal time: longest first, each to the share with least so far, timed
    by the last report (the question parser alone took as long as half the rest)."""
    try:
        seconds = {name: test["seconds"] for name, test in json.loads(last.read_text())["tests"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        seconds = {}
    shares: list[list[str]] = [[] for _ in range(jobs)]
    loads = [0.0] * jobs
    for test in sorted(tests, key=lambda t: -seconds.get(t.split("::")[-1], 0.0)):
        n = loads.index(min(loads))
        shares[n].append(test)
        loads[n] += seconds.get(test.split("::")[-1], 0.0)
    return shares


def run(examples: int, longest_run: int = 5000, deadline: float = 5.0, jobs: int = 1) -> dict:
    """tests/test_fuzz.py in `jobs` pytest processes (its tests dealt out in turn); every figure in the result
    is from this run. The deadline is CPU time, so two processes on two cores judge each input as one would."""
    # Hashed before the run: the bytes pytest imports, even if a file is edited while a long run goes on.
    hashes, at_commit, started_at, started = file_hashes(), commit(), datetime.now(UTC), time.perf_counter()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "FUZZ_EXAMPLES": str(examples),
        "FUZZ_RUN": str(longest_run),
        "FUZZ_DEADLINE": str(deadline),
    }
    shares = _deal(_tests(env), jobs) if jobs > 1 else [["tests/test_fuzz.py"]]
    with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
        running = []
        for n, share in enumerate(s for s in shares if s):
            counts, junit = Path(scratch) / f"tried-{n}.json", Path(scratch) / f"junit-{n}.xml"
            command = [sys.executable, "-m", "pytest", *share, "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"]
            process = subprocess.Popen(
                command, cwd=ROOT, env={**env, "FUZZ_REPORT": str(counts)}, stdout=subprocess.PIPE, text=True
            )
            running.append((process, counts, junit))
        tried: Counter[str] = Counter()
        modules: set[str] = set()
        outcomes: dict[str, dict] = {}
        lines: list[str] = []
        codes = []
        for process, counts, junit in running:
            out, _ = process.communicate()
            codes.append(process.returncode)
            lines += out.strip().splitlines()
            found = json.loads(counts.read_text()) if counts.exists() and counts.stat().st_size else {}
            tried.update(found.get("tried", {}))
            modules.update(found.get("modules", []))
            outcomes.update(_outcomes(junit) if junit.exists() else {})
    files = fuzzed_files(hashes, sorted(modules))
    passed = all(code == 0 for code in codes)
    summaries = [line for line in lines if " in " in line and ("passed" in line or "failed" in line)]
    return {
        "command": "make fuzz",
        "date": started_at.strftime("%Y-%m-%d %H:%M UTC"),
        "commit": at_commit,
        "code_digest": code_digest(files, hashes),
        "fuzzed_files": files,
        "examples": examples,
        "longest_run": longest_run,
        "deadline_s": deadline,
        "jobs": jobs,
        "passed": passed,
        "summary": "; ".join(summaries),
        "tried": dict(sorted(tried.items())),
        "tests": outcomes,
        "seconds": round(time.perf_counter() - started, 1),
        "cores": os.cpu_count(),
        "load_after": round(os.getloadavg()[0], 1),
        "output_tail": lines[-40:] if not passed else [],
    }


def fresh(path: Path, examples: int, root: Path = ROOT) -> dict | None:
    """The report at `path` when it fuzzed exactly the code on disk now, with at least `examples` per parser."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(report, dict) or not report.get("fuzzed_files"):
        return None
    hashes = file_hashes(root)
    files = report["fuzzed_files"]
    if set(files) - set(hashes) or report.get("code_digest") != code_digest(files, hashes):
        return None
    return report if report.get("examples", 0) >= examples else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="inputs asked per parser")
    parser.add_argument("--run", type=int, default=5000, help="the longest run of one piece in hostile text")
    parser.add_argument("--deadline", type=float, default=5.0, help="seconds of CPU allowed per input")
    parser.add_argument("--jobs", type=int, default=1, help="pytest processes the tests are dealt out to")
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args()
    report = run(args.examples, args.run, args.deadline, args.jobs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for name, count in report["tried"].items():
        print(f"{count:>8}  {name}")
    for name, test in report["tests"].items():
        if test["outcome"] != "passed":
            print(f"{test['outcome'].upper()}: {name}: {test.get('message', '')}")
    print(f"{report['summary']} ({report['seconds']} s); wrote {args.out}")
    sys.exit(0 if report["passed"] else 1)


if __name__ == "__main__":
    main()
