"""Applying a question's filters to chunks. Listing filters never exclude guide text; `kind` decides that."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from assistant.index.chunks import Chunk
from assistant.places import countries_in_region
from assistant.query import Filters

WORLDWIDE = "Worldwide"


@cache
def _region_countries(region: str) -> frozenset[str]:
    try:
        return frozenset(countries_in_region(region))
    except ValueError:
        return frozenset()


def _in_place(meta: dict, countries: list[str], regions: list[str]) -> bool:
    """A listing open worldwide, or naming the place, or a region that holds it, matches."""
    listed_countries, listed_regions = set(meta["countries"]), set(meta["regions"])
    if WORLDWIDE in listed_regions:
        return True
    for region in regions:
        if region in listed_regions or listed_countries & _region_countries(region):
            return True
    # A region counts for a country only when the listing named the region itself: "France" also
    # carries Europe, which must not make it match a search for Germany.
    named_regions = [r for r in listed_regions if not listed_countries & _region_countries(r)]
    for country in countries:
        if country in listed_countries or any(country in _region_countries(r) for r in named_regions):
            return True
    return False


def _posted_since(meta: dict, days: int, now: datetime | None) -> bool:
    if now is None or not meta.get("posted_at"):
        return False
    return datetime.fromisoformat(meta["posted_at"]) >= now - timedelta(days=days)


def matches(filters: Filters, chunk: Chunk, now: datetime | None = None) -> bool:
    """`now` is the snapshot's fetch time, so "posted in the last week" means the same thing tomorrow."""
    if filters.kind and chunk.kind != filters.kind:
        return False
    if chunk.kind != "listing":
        return True
    meta = chunk.meta
    checks = (
        not filters.sources or meta["source"] in filters.sources,
        not (filters.countries or filters.regions) or _in_place(meta, filters.countries, filters.regions),
        not filters.work_modes or meta["work_mode"] in {mode.value for mode in filters.work_modes},
        not filters.seniority or meta["seniority"] in {level.value for level in filters.seniority},
        # A pay floor matches a range that reaches it: "over $150k" keeps $120k–$180k.
        filters.min_annual_usd is None or (meta["annual_usd_max"] or 0) >= filters.min_annual_usd,
        filters.salary_disclosed is None or meta["salary_disclosed"] == filters.salary_disclosed,
        filters.posted_within_days is None or _posted_since(meta, filters.posted_within_days, now),
        not filters.ml_only or meta["ml_relevant"],
        not filters.companies or any(c.lower() in meta["company"].lower() for c in filters.companies),
        not filters.skills or {s.lower() for s in filters.skills} & {s.lower() for s in meta["skills"]},
    )
    return all(checks)


def listing_filters_set(filters: Filters) -> bool:
    return any((filters.sources, filters.countries, filters.regions, filters.work_modes, filters.seniority,
                filters.min_annual_usd is not None, filters.salary_disclosed is not None,
                filters.posted_within_days is not None, filters.ml_only, filters.companies, filters.skills))
