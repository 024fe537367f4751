"""The benchmark's by-criteria listing scores (bench/criteria.py) are honest only if, on the real corpus, each
listing query's criteria select exactly the listings labelled for it: checked here on the captured feeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FEEDS

from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.settings import Settings

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def criteria(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))  # the benchmark's modules import each other as top-level modules
    import criteria

    return criteria


@pytest.fixture(scope="module")
def real_listings(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("real"))
    refresh(settings, from_dir=FEEDS)
    return snapshots.load_current(settings.listings_dir)


def _listing_queries() -> list[dict]:
    lines = (BENCH / "queries.jsonl").read_text(encoding="utf-8").splitlines()
    return [q for q in map(json.loads, filter(str.strip, lines)) if q["kind"] == "listing"]


def test_every_listing_query_states_criteria_that_select_its_labels(criteria, real_listings):
    queries = _listing_queries()
    assert queries and all(q.get("criteria") for q in queries)
    found = criteria.meeting(queries, real_listings)
    wrong = {q["id"]: sorted(set(found[q["id"]]) ^ set(q["expected"])) for q in queries}
    assert {qid: diff for qid, diff in wrong.items() if diff} == {}


def test_criteria_scores_count_a_copy_that_meets_them(criteria, real_listings, tmp_path):
    query = next(q for q in _listing_queries() if q["id"] == "listing-pytorch")
    source = next(listing for listing in real_listings if f"listing:{listing.id}" in query["expected"])
    copy = source.model_copy(update={"id": f"{source.source}:synthetic-1", "company": "Someone Else"})
    other = next(listing for listing in real_listings if not criteria.matches(query["criteria"], listing))
    criteria.write_criteria(tmp_path, [query], [copy, other])
    rescored = criteria.by_criteria(tmp_path, {query["id"]: query, "guide-x": {"expected": ["guide:x"]}})
    assert rescored[query["id"]]["expected"] == [f"listing:{copy.id}"]
    assert rescored["guide-x"] == {"expected": ["guide:x"]}


def test_unknown_criteria_are_an_error_not_a_silent_match(criteria, real_listings):
    with pytest.raises(ValueError, match="unknown criteria"):
        criteria.matches({"compnay": "Reddit"}, real_listings[0])
