"""Listing queries scored by what they ask for, not only by the listings labelled for them.

A labelled listing query names the real listings that answer it. In the synthetic corpora a perturbed copy
keeps its source's description, skills and work mode (bench/corpus.py), so for "Which jobs use PyTorch?"
hundreds of copies are as good an answer as the four labelled originals, and strict hit@k counts every one
of them as a miss. Each listing query in bench/queries.jsonl therefore also states its criteria: the
predicate its label note describes. On the real corpus the listings meeting the criteria are exactly the
labelled ones (tests/test_bench_criteria.py); in a synthetic corpus they are the labelled ones plus every
copy that meets them too. The report shows the strict figure and this one side by side.

Criteria (all given must hold; text matches are case-insensitive regular expressions):
  company: the company's name, exactly (case aside)    title: on the title
  countries: any of these ISO codes                     location: on the location text
  work_mode: the listing's work mode                    seniority: any of these levels
  ml: the listing is ML-relevant                        usd_max_at_least: annual USD maximum at least this
  text: on the description and skills
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from common import read_json, write_json

from assistant.vocab.listing import Listing

FILE = "criteria.json"  # in a corpus directory: {query id: [doc ids meeting its criteria]}


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.I)


def matches(criteria: dict, listing: Listing) -> bool:
    checks = {
        "company": lambda v: listing.company.casefold() == v.casefold(),
        "title": lambda v: bool(_pattern(v).search(listing.title)),
        "countries": lambda v: bool(set(v) & set(listing.location.countries)),
        "location": lambda v: bool(_pattern(v).search(listing.location.text)),
        "work_mode": lambda v: listing.work_mode.value == v,
        "seniority": lambda v: listing.seniority.value in v,
        "ml": lambda v: listing.ml_relevant == v,
        "usd_max_at_least": lambda v: bool(
            listing.salary and listing.salary.annual_usd_max is not None and listing.salary.annual_usd_max >= v
        ),
        "text": lambda v: bool(_pattern(v).search(listing.description + "\n" + " ".join(listing.skills))),
    }
    unknown = set(criteria) - set(checks)
    if unknown:
        raise ValueError(f"unknown criteria {sorted(unknown)}")
    return all(checks[name](value) for name, value in criteria.items())


def meeting(queries: Iterable[dict], listings: Iterable[Listing]) -> dict[str, list[str]]:
    """Per listing query with criteria, the doc ids (`listing:<id>`) of every listing meeting them."""
    with_criteria = [q for q in queries if q.get("criteria")]
    found: dict[str, list[str]] = {q["id"]: [] for q in with_criteria}
    for listing in listings:
        for query in with_criteria:
            if matches(query["criteria"], listing):
                found[query["id"]].append(f"listing:{listing.id}")
    return found


def write_criteria(corpus: Path, queries: list[dict], listings: Iterable[Listing]) -> dict[str, list[str]]:
    """For the snapshot queried (the changed one), the listings meeting each listing query's criteria."""
    found = meeting(queries, listings)
    write_json(corpus / FILE, found)
    return found


def by_criteria(corpus: Path, queries: dict[str, dict]) -> dict[str, dict] | None:
    """The queries with each listing query's expected ids replaced by the listings meeting its criteria."""
    path = corpus / FILE
    if not path.exists():
        return None
    found = read_json(path)
    return {qid: {**q, "expected": found[qid]} if qid in found else q for qid, q in queries.items()}
