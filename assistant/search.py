"""Search as users call it: a question, plus any explicit filters, → ranked chunks with the filters shown."""

from __future__ import annotations

import math
import weakref
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from assistant.index import health
from assistant.index.embeddings import common_words
from assistant.index.manifest import IndexMissing
from assistant.index.meta import ListingMeta
from assistant.index.retrieve import Hit, IndexMismatch, Retriever, place_terms
from assistant.query import Employers, Filters, Understood, understand
from assistant.settings import Settings
from assistant.vocab.money import MAX_AMOUNT, parse_salary_text
from assistant.vocab.places import resolve_place

LIST_FIELDS = {"sources", "countries", "regions", "work_modes", "employment", "seniority", "companies", "skills"}
ALIASES = {
    "source": "sources",
    "country": "countries",
    "region": "regions",
    "work_mode": "work_modes",
    "company": "companies",
    "skill": "skills",
    "min_salary": "min_annual_usd",
    "ml": "ml_only",
    "posted_within": "posted_within_days",
    "place": "countries",
}


class SearchError(ValueError):
    pass


class SearchResult(BaseModel):
    query: str
    understood: Understood
    filters: Filters  # what was applied: the question's filters merged with explicit ones
    hits: list[Hit]
    index: dict[str, Any]
    timings_ms: dict[str, float]


def parse_filter_options(options: list[str], base: Filters) -> Filters:
    """`FIELD=VALUE` options (repeatable; lists comma-separated) on top of the question's own filters."""
    values = base.model_dump()
    for option in options:
        field, sep, raw = option.partition("=")
        field = ALIASES.get(field.strip(), field.strip())
        if not sep or field not in Filters.model_fields:
            raise SearchError(
                f"--filter {option!r}: expected FIELD=VALUE with FIELD one of {', '.join(sorted(Filters.model_fields))}"
            )
        if field == "countries" or field == "regions":
            _add_place(values, raw)
        elif field in LIST_FIELDS:
            values[field] = list(dict.fromkeys([*values[field], *(v.strip() for v in raw.split(",") if v.strip())]))
        elif field == "min_annual_usd":
            values[field] = _usd_floor(raw)
        else:
            values[field] = raw.strip()
    try:
        return Filters.model_validate(values)
    except ValueError as error:
        raise SearchError(f"invalid filter: {error}") from None


def _add_place(values: dict[str, Any], raw: str) -> None:
    for name in raw.split(","):
        place = resolve_place(name.strip())
        if place is None:
            raise SearchError(f"unknown place {name.strip()!r}")
        values["countries"] = list(dict.fromkeys([*values["countries"], *place.countries]))
        values["regions"] = list(dict.fromkeys([*values["regions"], *place.regions]))


def _usd_floor(raw: str) -> float:
    try:
        amount = float(raw)
    except ValueError:
        pass
    else:
        if not math.isfinite(amount) or abs(amount) > MAX_AMOUNT:
            raise SearchError(f"min_annual_usd={raw[:40]!r}: not a believable amount")
        return amount
    salary = parse_salary_text(raw, posted_at=datetime.now(UTC))
    if salary is None or salary.annual_usd_min is None:
        raise SearchError(f"min_annual_usd={raw!r}: not an amount")
    return salary.annual_usd_min


_EMPLOYERS: weakref.WeakKeyDictionary[Retriever, Employers] = weakref.WeakKeyDictionary()


def employers_of(retriever: Retriever) -> Employers:
    """The indexed listings' companies, for `understand` to read by name; made once per index opened (at 100k
    listings it takes a fifth of a second), and let go with it."""
    found = _EMPLOYERS.get(retriever)
    if found is None:
        found = _EMPLOYERS[retriever] = _employers(retriever)
    return found


def _employers(retriever: Retriever) -> Employers:
    """How many chunks each company has, and how often a word of its name is used by other chunks (a guide,
    another company's listing)."""
    company = [chunk.meta.company if isinstance(chunk.meta, ListingMeta) else None for chunk in retriever.chunks]
    own = Counter(name for name in company if name)

    def other_uses(word: str, name: str) -> int:
        rows = retriever.rows_with(word)
        if len(rows) > 2 * own[name] + 10:  # plainly a common word: no need to look at each chunk
            return len(rows) - own[name]
        return sum(company[int(row)] != name for row in rows)

    return Employers.of(own, other_uses, common_words())


def ground(understood: Understood, retriever: Retriever) -> None:
    """The question's slots checked against the data, in place. A capitalized phrase standing where a company
    does is read as one; when no listing's company bears that name but listing titles use it ("Perception
    research jobs", "Voice AI research scientist position", "the Anthropic Fellows Program"), it is what the
    job is about, not who offers it: it leaves the filter, stays in the search words, and the explanation says
    so. A name found in neither stays a filter, so "jobs at Acme" says there are none rather than show others."""
    columns = retriever.columns
    topics = [c for c in understood.filters.companies if not columns.names_a_company(c) and columns.in_titles(c)]
    if topics:
        kept = [c for c in understood.filters.companies if c not in topics]
        understood.filters = understood.filters.model_copy(update={"companies": kept})
        understood.explanation += [
            f"company {name!r}: dropped (no company of that name; titles use it)" for name in topics
        ]


def open_retriever(settings: Settings) -> Retriever:
    try:
        return health.open_retriever(settings)
    except (IndexMissing, IndexMismatch, health.IndexDamaged) as error:
        raise SearchError(str(error)) from None


def search(
    settings: Settings,
    query: str,
    *,
    kind: str | None = None,
    filters: Sequence[str] = (),
    k: int = 8,
    retriever: Retriever | None = None,
) -> SearchResult:
    if not query.strip():
        raise SearchError("the query is empty")
    limit = settings.max_question_chars  # the same limit as a question to `ask`: both are read the same way
    if len(query) > limit:
        raise SearchError(f"the query is {len(query):,} characters long; the limit is {limit:,}")
    retriever = retriever or open_retriever(settings)
    understood = understand(query, employers=employers_of(retriever))
    ground(understood, retriever)
    applied = parse_filter_options(list(filters) + ([f"kind={kind}"] if kind else []), understood.filters)
    hits = retriever.search(query, applied, k=k, expand=place_terms(applied) + understood.markets)
    manifest = retriever.manifest
    return SearchResult(
        query=query,
        understood=understood,
        filters=applied,
        hits=hits,
        index={"build_id": manifest.build_id, "model": manifest.model},
        timings_ms=retriever.timings,
    )
