"""The eval question set (evals/questions.jsonl) is checked against the data it is about, so it cannot rot.

* Every line is well formed: the keys and categories of DESIGN.md ("Eval question files"), unique ids,
  enough questions per category, every guide section and FAQ question covered, each pay market asked twice.
* Every guide fact is in the shipped guide (in the sections the line cites), after folding case, white space
  and number formats the way DESIGN.md describes. The folding is implemented here, not imported from the
  assistant, so the data is checked independently of the code under evaluation.
* Every cited guide section exists (the `{#id}` headings), every expected listing id is read by a connector
  from ../shared/feeds, and each expected listing satisfies the conditions the line's optional `check`
  field states (company, country, seniority, salary floor, ...) once normalized — every capture of it.
* Unanswerable and off-topic lines say `answerable: false`; injection lines name what must not appear.

The validators return lists of problems; the last tests feed them broken lines to show they do fail.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "evals" / "questions.jsonl"
GUIDES = ROOT / "corpus" / "guides"
GUIDE = GUIDES / "remote-senior-ml-engineer.md"
FEEDS = ROOT.parent / "shared" / "feeds"

GUIDE_CATEGORIES = (
    "responsibilities",
    "skills",
    "pay",
    "hiring",
    "time_split",
    "levels",
    "flags",
    "checks",
    "employers",
    "faq",
    "overview",
)
CATEGORIES = (*GUIDE_CATEGORIES, "listings", "comparison", "multi_turn", "unanswerable", "off_topic", "injection")
MINIMUMS = {"listings": 40, "comparison": 10, "multi_turn": 15, "unanswerable": 15, "off_topic": 10, "injection": 15}
MIN_GUIDE_QUESTIONS = 45
MIN_PER_GUIDE_CATEGORY = 3
MIN_TOTAL = 150
MAX_EXPECTED_LISTINGS = 5  # listing questions stay specific: a short list of clearly right answers
REQUIRED_KEYS = ("id", "category", "question", "facts", "forbidden", "sources", "listings", "answerable")
OPTIONAL_KEYS = ("turns", "check")
# The pay table's markets, by the low end of each range as the guide writes it.
PAY_MARKETS = {
    "United States": "$190,000",
    "United Kingdom": "£110,000",
    "Germany": "€110,000",
    "Canada": "CAD 175,000",
    "Remote (global)": "$120,000",
}
CHECK_KEYS = {
    "company",
    "company_any",
    "country",
    "region",
    "location",
    "ml",
    "seniority",
    "work_mode",
    "source",
    "min_annual_usd",
    "salary_disclosed",
    "skills",
    "title",
    "title_any",
    "employment_type",
}
FETCHED_AT = datetime(2026, 11, 29, tzinfo=UTC)


# ---------------------------------------------------------------------------------------------------------
# Folding: case, white space and number formats ("€110k", "110,000" and "110 000" all read 110000)
# ---------------------------------------------------------------------------------------------------------

_GROUPED = re.compile(r"(?<![\w.])(\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+|\d+(?:\.\d+)?)(?:\s?([kKmM]))?(?!\w)")
_DASH = re.compile(r"[\u2010-\u2015\u2212]")


def _number(match: re.Match) -> str:
    value = float(re.sub(r"[ ,\u00a0\u202f]", "", match.group(1)))
    value *= {"k": 1_000, "m": 1_000_000}.get((match.group(2) or "").lower(), 1)
    return str(int(value)) if value == int(value) else str(value)


def fold(text: str) -> str:
    text = _DASH.sub("-", text.lower())
    return " ".join(_GROUPED.sub(_number, text).split())


def test_fold_reads_number_formats_as_one():
    assert fold("€110k") == fold("€110,000") == fold("€110 000") == fold("€110\u202f000") == "€110000"
    assert fold("CAD 175,000 – CAD 240,000") == "cad 175000 - cad 240000"
    assert fold("  Take-Home\nproject ") == "take-home project"
    assert fold("$1.5M") == "$1500000"
    assert fold("4 to 6 stages") == "4 to 6 stages"  # small numbers are not glued together
    assert fold("€110,000") not in fold("€165,000 and £110,000")


# ---------------------------------------------------------------------------------------------------------
# The data: questions, the guide and its sections, the raw listings the connectors read
# ---------------------------------------------------------------------------------------------------------


@cache
def rows() -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip())


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*\{#([A-Za-z0-9_-]+)\}\s*$")


@cache
def guide() -> tuple[str, str, dict[str, str]]:
    """(guide id, body text, {section id: heading and own body text})."""
    text = GUIDE.read_text(encoding="utf-8")
    front = _FRONT_MATTER.match(text)
    assert front, f"{GUIDE.name} has no front matter"
    guide_id = re.search(r"^id:\s*(\S+)\s*$", front.group(1), re.M).group(1)
    body = text[front.end() :]
    sections: dict[str, list[str]] = {}
    current = None
    for line in body.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = heading.group(3)
            assert current not in sections, f"section id {current} appears twice"
            sections[current] = [heading.group(2)]
        elif line.startswith("#"):
            current = None  # a heading without an id (the title) owns no section
        elif current:
            sections[current].append(line)
    return guide_id, body, {sid: "\n".join(lines) for sid, lines in sections.items()}


def section_body(section_id: str) -> str:
    """The section's own text, without its heading."""
    return guide()[2][section_id].split("\n", 1)[1].strip() if "\n" in guide()[2][section_id] else ""


@cache
def raw_listings() -> dict[str, list]:
    """Every raw listing the connectors read from the captured feeds, by id (a job may be in several files)."""
    from assistant.corpus.listings.sources import CONNECTORS

    found = defaultdict(list)
    for source, connector in CONNECTORS.items():
        for path in sorted((FEEDS / source).glob("*")):
            if path.is_file() and not path.name.startswith("."):
                for raw in connector.parse(path.read_bytes(), path.name).listings:
                    found[raw.id].append(raw)
    return dict(found)


@cache
def normalized(listing_id: str) -> tuple:
    from assistant.corpus.listings.normalize import normalize

    return tuple(normalize(raw, FETCHED_AT) for raw in raw_listings()[listing_id])


def listing_text(listing) -> str:
    salary = listing.salary
    amounts = (
        []
        if salary is None
        else [
            f"{value:,.0f}"
            for value in (salary.min, salary.max, salary.annual_usd_min, salary.annual_usd_max)
            if value is not None
        ]
    )
    return "\n".join(
        [
            listing.title,
            listing.company,
            listing.location.text,
            listing.description,
            " ".join(listing.skills),
            " ".join(amounts),
        ]
    )


# ---------------------------------------------------------------------------------------------------------
# Validators: each returns a list of problems (empty when the line is true to the data)
# ---------------------------------------------------------------------------------------------------------


def guide_sections_cited(row: dict) -> list[str]:
    guide_id = guide()[0]
    return [s.split("#", 1)[1] for s in row.get("sources", []) if s.startswith(f"guide:{guide_id}#")]


def listing_ids_of(row: dict) -> list[str]:
    return [
        *row.get("listings", []),
        *(s[len("listing:") :] for s in row.get("sources", []) if s.startswith("listing:")),
    ]


def is_listing_line(row: dict) -> bool:
    return bool(listing_ids_of(row)) or "listing" in row.get("sources", [])


def shape_problems(row: dict) -> list[str]:
    problems = [f"missing key {key!r}" for key in REQUIRED_KEYS if key not in row]
    problems += [f"unknown key {key!r}" for key in row if key not in REQUIRED_KEYS + OPTIONAL_KEYS]
    if problems:
        return problems
    if row["category"] not in CATEGORIES:
        problems.append(f"unknown category {row['category']!r}")
    if not isinstance(row["question"], str) or not row["question"].strip():
        problems.append("empty question")
    for key in ("facts", "forbidden", "sources", "listings", "turns"):
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{key} must be a list of non-empty strings")
        elif len(set(value)) != len(value):
            problems.append(f"{key} repeats an entry")
    if not isinstance(row["answerable"], bool):
        problems.append("answerable must be a bool")
    if "check" in row and not isinstance(row["check"], dict):
        problems.append("check must be an object")
    return problems


def category_problems(row: dict) -> list[str]:
    category, problems = row["category"], []
    if category in ("unanswerable", "off_topic") and row["answerable"]:
        problems.append(f"a {category} question must have answerable false")
    if category in ("unanswerable", "off_topic") and (row["listings"] or row["sources"]):
        problems.append(f"a {category} question expects no listings or citations")
    if category == "injection" and not row["forbidden"]:
        problems.append("an injection question must name the injected content in forbidden")
    if category == "multi_turn" and not row.get("turns"):
        problems.append("a multi_turn question needs earlier turns")
    if category in GUIDE_CATEGORIES and not row["facts"]:
        problems.append("a guide question needs at least one expected fact")
    if category == "listings" and not (row["listings"] and row["answerable"]):
        problems.append("a listings question expects listings and is answerable")
    if len(row["listings"]) > MAX_EXPECTED_LISTINGS:
        problems.append(f"more than {MAX_EXPECTED_LISTINGS} expected listings: make the question more specific")
    if row["listings"] and "check" not in row:
        problems.append("expected listings need a check naming the question's conditions")
    if "check" in row and not row["listings"]:
        problems.append("a check without expected listings checks nothing")
    if not row["answerable"] and (row["facts"] and category != "injection"):
        problems.append("an unanswerable question expects no facts")
    for bad in row["forbidden"]:
        for fact in row["facts"]:
            if fold(bad) in fold(fact) or fold(fact) in fold(bad):
                problems.append(f"forbidden {bad!r} collides with fact {fact!r}")
        if category in ("unanswerable", "off_topic", "injection") and fold(bad) in fold(guide()[1]):
            problems.append(f"forbidden {bad!r} is in the guide: a correct answer quoting it would fail")
    return problems


def source_problems(row: dict) -> list[str]:
    guide_id, _, sections = guide()
    problems = []
    for source in row["sources"]:
        if source in ("guide", "listing"):
            continue
        if source.startswith("guide:"):
            doc, _, section = source[len("guide:") :].partition("#")
            if doc != guide_id:
                problems.append(f"source {source!r} names an unknown guide")
            elif section not in sections:
                problems.append(f"source {source!r} names no section of {guide_id} (sections: {sorted(sections)})")
        elif source.startswith("listing:"):
            if source[len("listing:") :] not in raw_listings():
                problems.append(f"source {source!r} is no listing in {FEEDS}")
        else:
            problems.append(f"source {source!r} is neither a kind (guide, listing) nor a citation id")
    return problems


def fact_problems(row: dict) -> list[str]:
    """Guide facts are in the guide (in the cited sections when some are cited); listing facts in the listing."""
    if not row["facts"]:
        return []
    problems = []
    cited = [s for s in guide_sections_cited(row) if s in guide()[2]]
    guide_scope = "\n".join(guide()[2][s] for s in cited) if cited else guide()[1]
    listing_scope = "\n".join(
        listing_text(version) for lid in listing_ids_of(row) if lid in raw_listings() for version in normalized(lid)
    )
    for fact in row["facts"]:
        if is_listing_line(row) and not cited:
            where, scope = "the expected listings", listing_scope
        else:
            where, scope = (f"sections {cited}" if cited else "the guide"), guide_scope
        if fold(fact) not in fold(scope):
            problems.append(f"fact {fact!r} is not in {where}")
    return problems


def _condition_problems(listing, check: dict) -> list[str]:
    salary, bad = listing.salary, []

    def need(ok: bool, key: str, seen) -> None:
        if not ok:
            bad.append(f"{key}={check[key]!r} but the listing has {seen!r}")

    lower = [s.lower() for s in listing.skills]
    for key in check:
        if key not in CHECK_KEYS:
            bad.append(f"unknown check key {key!r}")
    if "company" in check:
        need(check["company"].lower() in listing.company.lower(), "company", listing.company)
    if "company_any" in check:
        need(any(c.lower() in listing.company.lower() for c in check["company_any"]), "company_any", listing.company)
    if "country" in check:
        need(check["country"] in listing.location.countries, "country", listing.location.countries)
    if "region" in check:
        need(check["region"] in listing.location.regions, "region", listing.location.regions)
    if "location" in check:  # a city the question names, as the listing writes it
        need(check["location"].lower() in listing.location.text.lower(), "location", listing.location.text)
    if "ml" in check:
        need(listing.ml_relevant == check["ml"], "ml", listing.ml_relevant)
    if "seniority" in check:
        need(listing.seniority.value == check["seniority"], "seniority", listing.seniority.value)
    if "work_mode" in check:
        need(listing.work_mode.value == check["work_mode"], "work_mode", listing.work_mode.value)
    if "employment_type" in check:
        need(
            listing.employment_type.value == check["employment_type"], "employment_type", listing.employment_type.value
        )
    if "source" in check:
        need(listing.source == check["source"], "source", listing.source)
    if "salary_disclosed" in check:
        need((salary is not None) == check["salary_disclosed"], "salary_disclosed", salary)
    if "min_annual_usd" in check:
        # A pay floor is met by a range that reaches it ("over $150k" keeps $120k–$180k), as DESIGN.md's filters do.
        top = None if salary is None else (salary.annual_usd_max or salary.annual_usd_min)
        need(top is not None and top >= check["min_annual_usd"], "min_annual_usd", top)
    if "skills" in check:
        need(all(s.lower() in lower for s in check["skills"]), "skills", listing.skills)
    if "title" in check:
        need(all(t.lower() in listing.title.lower() for t in check["title"]), "title", listing.title)
    if "title_any" in check:
        need(any(t.lower() in listing.title.lower() for t in check["title_any"]), "title_any", listing.title)
    return bad


def listing_problems(row: dict) -> list[str]:
    problems = []
    known = raw_listings()
    for lid in row["listings"]:
        if lid not in known:
            problems.append(f"listing {lid!r} is not read by any connector from {FEEDS}")
            continue
        for version in normalized(lid):  # every capture of the job must satisfy the question
            problems += [f"{lid}: {p}" for p in _condition_problems(version, row.get("check", {}))]
    return problems


def all_problems(row: dict) -> list[str]:
    problems = shape_problems(row)
    if problems:
        return problems
    return category_problems(row) + source_problems(row) + fact_problems(row) + listing_problems(row)


# ---------------------------------------------------------------------------------------------------------
# The question set
# ---------------------------------------------------------------------------------------------------------


def test_every_line_parses_as_an_object():
    for number, line in enumerate(QUESTIONS.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            assert isinstance(json.loads(line), dict), f"line {number} is not a JSON object"


def test_ids_and_questions_are_unique():
    ids = Counter(row["id"] for row in rows())
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    asked = Counter((tuple(row.get("turns", [])), row["question"].strip().lower()) for row in rows())
    assert not [q for q, n in asked.items() if n > 1], "the same question is asked twice"


def test_enough_questions_in_every_category():
    counts = Counter(row["category"] for row in rows())
    assert len(rows()) >= MIN_TOTAL
    assert sum(counts[c] for c in GUIDE_CATEGORIES) >= MIN_GUIDE_QUESTIONS
    for category in GUIDE_CATEGORIES:
        assert counts[category] >= MIN_PER_GUIDE_CATEGORY, f"only {counts[category]} {category} questions"
    for category, minimum in MINIMUMS.items():
        assert counts[category] >= minimum, f"only {counts[category]} {category} questions, want {minimum}"


def test_the_project_loader_reads_the_file():
    from assistant.evals.questions import load_questions

    assert len(load_questions(QUESTIONS)) == len(rows())


@pytest.mark.parametrize("row", rows(), ids=lambda row: row.get("id", "?"))
def test_line_is_true_to_the_data(row):
    assert all_problems(row) == []


def test_every_guide_section_is_asked_about():
    """A section is covered when a question cites it, or a question citing just "guide" has all its facts in it."""
    covered = set()
    for row in rows():
        covered.update(guide_sections_cited(row))
        if row["facts"] and row["sources"] == ["guide"]:
            covered.update(sid for sid in guide()[2] if all(fold(f) in fold(guide()[2][sid]) for f in row["facts"]))
    with_body = {sid for sid in guide()[2] if section_body(sid)}
    assert with_body - covered == set()


def test_every_faq_question_has_a_faq_question():
    faq = [sid for sid in guide()[2] if sid.startswith("faq-")]
    assert len(faq) >= 5
    for sid in faq:
        assert any(
            row["category"] == "faq"
            and (sid in guide_sections_cited(row) or all(fold(f) in fold(guide()[2][sid]) for f in row["facts"]))
            for row in rows()
        ), f"no faq question for {sid}"


def test_every_pay_market_is_asked_twice_in_different_words():
    pay = [row for row in rows() if row["category"] == "pay"]
    for market, low in PAY_MARKETS.items():
        assert fold(low) in fold(section_body("pay")), f"{low} ({market}) is no longer in the pay table"
        asked = {row["question"].lower() for row in pay if fold(low) in map(fold, row["facts"])}
        assert len(asked) >= 2, f"{market} is asked about {len(asked)} time(s)"


def test_listing_questions_cover_every_kind_of_filter():
    keys = Counter(key for row in rows() if row["category"] == "listings" for key in row.get("check", {}))
    for key in ("company", "country", "region", "work_mode", "seniority", "min_annual_usd", "source", "skills"):
        assert keys[key] >= 2, f"only {keys[key]} listing questions filter by {key}"


# ---------------------------------------------------------------------------------------------------------
# The validators fail on lines that are not true to the data
# ---------------------------------------------------------------------------------------------------------

GOOD_GUIDE_LINE = {
    "id": "x",
    "category": "pay",
    "question": "uk pay?",
    "facts": ["£110,000"],
    "forbidden": [],
    "sources": ["guide:remote-senior-ml-engineer#pay"],
    "listings": [],
    "answerable": True,
}
GOOD_LISTING_LINE = {
    "id": "y",
    "category": "listings",
    "question": "ML jobs at Reddit in the UK",
    "facts": [],
    "forbidden": [],
    "sources": ["listing"],
    "listings": ["greenhouse:8018513"],
    "answerable": True,
    "check": {"company": "Reddit", "country": "GB", "ml": True},
}


def test_validators_accept_good_lines():
    assert all_problems(GOOD_GUIDE_LINE) == []
    assert all_problems(GOOD_LISTING_LINE) == []


@pytest.mark.parametrize(
    "change",
    [
        {"facts": ["£120,000"]},  # not in the guide
        {"facts": ["€110,000"], "sources": ["guide:remote-senior-ml-engineer#hiring-process"]},  # wrong section
        {"sources": ["guide:remote-senior-ml-engineer#salary"]},  # no such section
        {"sources": ["guide:another-guide#pay"]},
        {"category": "salary"},
        {"answerable": "yes"},
        {"category": "unanswerable", "facts": []},  # answerable true
        {"category": "injection", "forbidden": []},
        {"category": "injection", "forbidden": ["£110,000"]},  # collides with the fact
        {"category": "multi_turn"},  # no turns
        {"listings": ["remoteok:1056760"]},  # listings without a check
    ],
    ids=lambda change: json.dumps(change),
)
def test_validators_reject_broken_guide_lines(change):
    assert all_problems({**GOOD_GUIDE_LINE, **change})


@pytest.mark.parametrize(
    "change",
    [
        {"listings": ["greenhouse:1"]},  # no such listing
        {"listings": ["greenhouse:6960831"]},  # Reddit ML, but in the US
        {"check": {"company": "Waymo", "country": "GB"}},
        {"check": {"company": "Reddit", "seniority": "senior"}},  # it is staff
        {"check": {"company": "Reddit", "min_annual_usd": 100000}},  # no salary disclosed
        {"check": {"company": "Reddit", "work_mode": "onsite"}},
        {"check": {"company": "Reddit", "colour": "red"}},  # unknown condition
        {"check": {"company": "Reddit", "title": ["Data Scientist"]}},
        {"check": {"company": "Reddit", "location": "London"}},  # "Remote - United Kingdom"
        {"facts": ["$250,000"]},  # not in the listing
        {"sources": ["listing:remoteok:0"]},
        {
            "listings": [
                "greenhouse:8018513",
                "greenhouse:8018527",
                "greenhouse:8022937",
                "remoteok:1130744",
                "greenhouse:7493959",
                "greenhouse:7943932",
            ]
        },  # too many to be a specific question
    ],
    ids=lambda change: json.dumps(change),
)
def test_validators_reject_broken_listing_lines(change):
    assert all_problems({**GOOD_LISTING_LINE, **change})


HOLDOUT = ROOT / "evals" / "holdout.jsonl"


def holdout_rows() -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip())


@pytest.mark.parametrize("row", holdout_rows(), ids=lambda row: row.get("id", "?"))
def test_holdout_line_is_true_to_the_data(row):
    assert all_problems(row) == []


def test_holdout_questions_are_new():
    """The held-out set measures fresh phrasings only if none of them is in the tuned set."""
    asked = {row["question"].strip().lower() for row in rows()}
    assert not [row["id"] for row in holdout_rows() if row["question"].strip().lower() in asked]
    from assistant.evals.questions import load_questions

    assert len(load_questions(HOLDOUT)) == len(holdout_rows())
