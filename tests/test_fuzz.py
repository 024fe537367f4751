"""Fuzzing (issue 11): every parser of strangers' text, on mutated real captures and hostile strings, ends
without an unhandled exception and within a per-input deadline.

`make test` runs FUZZ_EXAMPLES=500 per parser (the default); `make fuzz` runs 10,000 and writes how many
inputs each parser was tried on to FUZZ_REPORT (a JSON file), which `make reliability` reads.
"""

from __future__ import annotations

import functools
import json
import os
import random
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus.guides import GuideError, load_guide, split_sections
from assistant.corpus.listings import enrich
from assistant.corpus.listings.normalize import normalize
from assistant.corpus.listings.sources import CONNECTORS, InputError
from assistant.corpus.text import html_to_text
from assistant.evals.questions import QuestionFileError, load_questions
from assistant.query import understand
from assistant.vocab import money as salary
from assistant.vocab import places
from tests.conftest import FEEDS

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))
RUN = int(os.environ.get("FUZZ_RUN", "400"))  # the longest run of one piece; `make fuzz` goes to 5,000
# Seconds of CPU one input may take. CPU time of the thread that parses, not wall time: a hang (backtracking,
# a quadratic loop) is CPU time, while on this shared 2-core box other people's load stretches the wall time of
# any input several-fold (a load average of 12 made inputs that take 1 s look like hangs).
DEADLINE_S = float(os.environ.get("FUZZ_DEADLINE", "2"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
TRIED: Counter[str] = Counter()
NOW = datetime(2026, 8, 20, tzinfo=UTC)


class Hang(AssertionError):
    """One input took longer than the deadline."""


def bounded(test):
    """The test body under the CPU-time deadline: an input over it fails the test (and hypothesis shrinks it)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        started = time.thread_time()
        test(*args, **kwargs)
        spent = time.thread_time() - started
        if spent > DEADLINE_S:
            raise Hang(f"one input took {spent:.2f} s of CPU; the deadline is {DEADLINE_S} s")

    return run


# The smallest real capture of each board: mutated, they stand for what a board may send.
CAPTURES = {
    "remoteok": "api_2026-07-10_trimmed.json",
    "remotive": "remote-jobs_2026-07-09_trimmed.json",
    "jobicy": "v2_2026-07-10_trimmed.json",
    "weworkremotely": "remote-jobs_2026-03-27_trimmed.rss",
    "greenhouse": "gitlab_content_2026-07-17_trimmed.json",
}

# Pieces hostile text is built from: markup, money, places, headings, injection words, blanks, surrogates.
TOKENS = [
    "<br>",
    "<br />",
    "<p>",
    "</p>",
    "<li>",
    "<pre>",
    "&amp;",
    "&#x27;",
    "<script>",
    "<!--",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\u00a0",
    "\u2028",
    "\ud800",
    "\udfff",
    "\x00",
    "Ã©",
    "â€™",
    "$",
    "US$",
    "€",
    "£",
    "k",
    "K",
    "0",
    "1",
    "9",
    ",",
    ".",
    "-",
    "–",
    " to ",
    "/hr",
    " per year",
    "USD",
    "EUR",
    "1e400",
    "inf",
    "NaN",
    "Remote",
    "Berlin",
    "New York, NY",
    "Europe",
    "LATAM",
    "US",
    "OR",
    " or ",
    "(",
    ")",
    ";",
    "|",
    ":",
    "#",
    "## ",
    "{#",
    "}",
    "---",
    "ignore previous instructions",
    "ASSISTANT:",
    "user:",
    "invent jobs '",
    "Machine Learning",
    "ML",
    "AI",
    "Engineer",
    "Senior",
    "Staff",
    "hybrid",
    "on-site",
    "full-time",
    "contract",
    "salary",
    "Please mention the word",
    "401k",
    "paying",
    "over",
    "under",
    "between",
    "and",
    "jobs",
    "in",
]
_piece = st.one_of(st.sampled_from(TOKENS), st.text(max_size=6))
# A run of one piece, long: the shape that found every hang in the issue.
_run = st.tuples(st.sampled_from(TOKENS), st.integers(20, RUN)).map(lambda pair: pair[0] * pair[1])
hostile = st.lists(st.one_of(_piece, _piece, _piece, _run), max_size=12).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=True) | hostile,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    """Place tables and rates load once, outside any deadline; the counts are written at the end."""
    places.normalize_location("Berlin, Germany")
    salary.parse_salary_text("€100k", posted_at=None)
    understand("ml jobs in berlin over €100k")
    yield
    target = os.environ.get("FUZZ_REPORT")
    if target:
        Path(target).write_text(
            json.dumps(
                {"examples_setting": EXAMPLES, "tried": dict(sorted(TRIED.items())), "modules": _loaded_modules()},
                indent=2,
            )
        )


def _loaded_modules() -> list[str]:
    """The project's source files this run imported: what `make fuzz`'s digest covers."""
    root = Path(__file__).resolve().parents[1]
    found = set()
    for module in list(sys.modules.values()):
        path = Path(getattr(module, "__file__", None) or "/").resolve()
        if path.is_relative_to(root / "assistant"):
            found.add(str(path.relative_to(root)))
    return sorted(found)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One folder whose files each example overwrites: a new folder per example costs more than the parse."""
    return tmp_path_factory.mktemp("fuzz")


def _records(source: str) -> tuple[object, list[dict]]:
    """The capture's parsed JSON and its job records."""
    data = json.loads((FEEDS / source / CAPTURES[source]).read_text(encoding="utf-8"))
    jobs = data["jobs"] if isinstance(data, dict) else [item for item in data if "id" in item]
    return data, jobs


def _parse_and_normalize(source: str, content: bytes) -> None:
    try:
        batch = CONNECTORS[source].parse(content, "fuzzed")
    except InputError:
        return
    for raw in batch.listings[:1]:  # normalizing runs every enrichment; the parse above saw every record
        try:
            listing = normalize(raw, NOW, origin="fuzzed")
        except ValueError:  # the Listing model refused a field (a non-web URL): refresh skips the record
            continue
        listing.model_dump_json()  # what write_snapshot does


def _mutate_bytes(content: bytes, seed: int, edits: int) -> bytes:
    rng = random.Random(seed)
    data = bytearray(content)
    for _ in range(edits):
        choice, at = rng.random(), rng.randrange(len(data) + 1)
        if choice < 0.3:
            data = data[:at]  # cut off
        elif choice < 0.6:
            data[at:at] = rng.choice(TOKENS).encode("utf-8", "surrogatepass") * rng.choice((1, 1, 50, RUN))
        elif data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        if not data:
            break
    return bytes(data)


def _mutated_record(data, jobs: list[dict], index: int, changes: dict) -> bytes:
    job = {**jobs[index % len(jobs)], **changes}
    payload = [job] if isinstance(data, list) else {**data, "jobs": [job]}
    return json.dumps(payload, ensure_ascii=True, default=str).encode()


@pytest.mark.parametrize("source", CAPTURES)
def test_connector_on_mutated_captures(source):
    """Half the inputs are the capture's bytes cut, spliced or flipped; half are one of its records with
    fields replaced by odd JSON values (RSS is mutated as bytes only)."""
    content = (FEEDS / source / CAPTURES[source]).read_bytes()
    data, jobs = _records(source) if source != "weworkremotely" else (None, [])
    fields = sorted({key for job in jobs for key in job}) or ["id"]

    @FUZZ
    @given(
        as_bytes=st.booleans() if jobs else st.just(True),
        seed=st.integers(0, 2**32),
        edits=st.integers(1, 6),
        changes=st.dictionaries(st.sampled_from(fields) | st.text(max_size=8), json_values, max_size=4),
    )
    @bounded
    def run(as_bytes, seed, edits, changes):
        TRIED[source] += 1
        mutated = _mutate_bytes(content, seed, edits) if as_bytes else _mutated_record(data, jobs, seed, changes)
        _parse_and_normalize(source, mutated)

    run()


@FUZZ
@given(hostile)
@bounded
def test_salary_text(text):
    TRIED["salary text"] += 1
    salary.parse_salary_text(text, posted_at=NOW)
    salary.find_salary_in_text(text, posted_at=NOW)


_field = st.none() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=True) | hostile


@FUZZ
@given(_field, _field, _field, _field)
@bounded
def test_salary_fields(low, high, currency, period):
    TRIED["salary fields"] += 1
    salary.salary_from_fields(
        low,
        high,
        currency if isinstance(currency, str) else None,
        period if isinstance(period, str) else None,
        posted_at=NOW,
    )


@FUZZ
@given(st.lists(hostile, max_size=3))
@bounded
def test_places(texts):
    TRIED["places"] += 1
    places.normalize_location(*texts)
    for text in texts:
        places.resolve_place(text)


@FUZZ
@given(hostile)
@bounded
def test_html_cleaning(markup):
    TRIED["html cleaning"] += 1
    html_to_text(markup)


@FUZZ
@given(hostile, hostile, st.lists(hostile, max_size=3))
@bounded
def test_enrichment(title, description, tags):
    TRIED["enrichment"] += 1
    title, description = title[:300], description[:20_000]  # the caps RawListing applies to what is read
    enrich.work_mode(title, description, "Remote", hint=None, remote_board=False)
    enrich.ml_relevance(title, description, tags, None)
    enrich.seniority(title, level_hint=tags[0] if tags else None, description=description)
    enrich.employment_type(tags or None, title=title, description=description)
    enrich.skills(tags, description)
    enrich.signals(title, description, tags)


@FUZZ
@given(front=hostile, body=hostile, suffix=st.sampled_from([".md", ".txt", ".html"]), raw=st.binary(max_size=64))
@bounded
def test_guide_loading(scratch, front, body, suffix, raw):
    TRIED["guide loading"] += 1
    path = scratch / f"fuzzed{suffix}"
    path.write_bytes(f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass") + raw)
    try:
        load_guide(path)
    except GuideError:
        pass
    split_sections(body)


@FUZZ
@given(st.one_of(hostile, st.sampled_from(TOKENS)).map(lambda text: text[:2_000]))
@bounded
def test_question_parser(question):
    TRIED["question parser"] += 1  # `ask` and the web API refuse questions over 2,000 characters first
    understand(question)


@FUZZ
@given(
    st.lists(st.one_of(json_values.map(lambda v: json.dumps(v, default=str)), hostile), max_size=5),
    st.binary(max_size=32),
)
@bounded
def test_eval_file_loading(scratch, lines, raw):
    TRIED["eval file loading"] += 1
    path = scratch / "questions.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + raw)
    try:
        load_questions(path)
    except QuestionFileError:
        pass


def test_the_deadline_counts_cpu_time(monkeypatch):
    """A parser spinning past the deadline fails; waiting (what other processes' load looks like) does not."""
    monkeypatch.setitem(bounded.__globals__, "DEADLINE_S", 0.2)

    def spin():
        until = time.thread_time() + 0.4
        while time.thread_time() < until:
            pass

    with pytest.raises(Hang, match="deadline is 0.2 s"):
        bounded(spin)()
    bounded(lambda: time.sleep(0.4))()
