"""What the index can filter on (`Filters`) and applying it to chunks. Listing filters never exclude guide text;
`kind` decides that. Question understanding fills a `Filters`; the index depends on nothing of it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache, cached_property
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from assistant.index.chunks import Chunk
from assistant.index.meta import ListingMeta
from assistant.vocab.listing import EmploymentType, Seniority, WorkMode
from assistant.vocab.places import countries_in_region

WORLDWIDE = "Worldwide"


class Filters(BaseModel):
    kind: Literal["guide", "listing"] | None = None
    sources: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)  # ISO 3166-1 alpha-2
    regions: list[str] = Field(default_factory=list)  # assistant.vocab.places.REGIONS
    work_modes: list[WorkMode] = Field(default_factory=list)
    employment: list[EmploymentType] = Field(default_factory=list)
    seniority: list[Seniority] = Field(default_factory=list)
    min_annual_usd: float | None = None
    salary_disclosed: bool | None = None
    posted_within_days: int | None = None
    ml_only: bool = False
    # With ml_only: a job whose title holds one of these words is an ML role too. They are the role words the
    # question searches by ("AI" in "part-time AI trainer work"): a job called so is what was asked for, whether
    # or not its text reads as ML work.
    ml_titles: list[str] = Field(default_factory=list)
    companies: list[str] = Field(default_factory=list)
    excluded_companies: list[str] = Field(default_factory=list)  # "not Waymo": no job of these
    skills: list[str] = Field(default_factory=list)


@cache
def _region_countries(region: str) -> frozenset[str]:
    try:
        return frozenset(countries_in_region(region))
    except ValueError:
        return frozenset()


def _in_place(listed: tuple[Sequence[str], Sequence[str]], countries: list[str], regions: list[str]) -> bool:
    """A listing open worldwide, or naming the place, or a region that holds it, matches. `listed`: the
    listing's (countries, regions)."""
    listed_countries, listed_regions = set(listed[0]), set(listed[1])
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


def _titled(title: str, words: list[str]) -> bool:
    return bool(words) and _title_pattern(tuple(words)).search(title.lower()) is not None


@cache
def _title_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern per search, not one per title and word: the columns test every distinct title."""
    return re.compile(r"\b(?:" + "|".join(re.escape(word.lower()) for word in words) + r")\b")


def _posted_since(meta: ListingMeta, days: int, now: datetime | None) -> bool:
    if now is None or not meta.posted_at:
        return False
    return datetime.fromisoformat(meta.posted_at) >= now - timedelta(days=days)


def matches(filters: Filters, chunk: Chunk, now: datetime | None = None) -> bool:
    """`now` is the snapshot's fetch time, so "posted in the last week" means the same thing tomorrow."""
    if filters.kind and chunk.kind != filters.kind:
        return False
    meta = chunk.meta
    if not isinstance(meta, ListingMeta):  # a guide chunk (Chunk checks that its kind says the same)
        return True
    checks = (
        not filters.sources or meta.source in filters.sources,
        not (filters.countries or filters.regions)
        or _in_place((meta.countries, meta.regions), filters.countries, filters.regions),
        not filters.work_modes or meta.work_mode in {mode.value for mode in filters.work_modes},
        not filters.seniority or meta.seniority in {level.value for level in filters.seniority},
        not filters.employment or meta.employment_type in {kind.value for kind in filters.employment},
        # A pay floor matches a range that reaches it: "over $150k" keeps $120k–$180k.
        filters.min_annual_usd is None or (meta.annual_usd_max or 0) >= filters.min_annual_usd,
        filters.salary_disclosed is None or meta.salary_disclosed == filters.salary_disclosed,
        filters.posted_within_days is None or _posted_since(meta, filters.posted_within_days, now),
        not filters.ml_only or meta.ml_relevant or _titled(meta.title, filters.ml_titles),
        not filters.companies or any(c.lower() in meta.company.lower() for c in filters.companies),
        not any(c.lower() in meta.company.lower() for c in filters.excluded_companies),
        not filters.skills or {s.lower() for s in filters.skills} & {s.lower() for s in meta.skills},
    )
    return all(checks)


# What a search by company may also name that none of the company's jobs matches, dropped one at a time in this
# order: the words most often said in passing first ("senior" of "what do senior ML engineers get", "recently",
# "on-site with clients") and the place, which is often where the asker lives ("while living in Mexico City"),
# after them. A stated salary is never dropped: "how much does Reddit pay?" asks for it, and none stated is the
# answer.
_LOOSENED: tuple[dict[str, Any], ...] = (
    {"seniority": []},
    {"posted_within_days": None},
    {"work_modes": []},
    {"employment": []},
    {"countries": [], "regions": []},
    {"min_annual_usd": None},
    {"skills": []},
    {"sources": []},
)


def loosened(filters: Filters) -> list[Filters]:
    """Wider filters to try, nearest first, when a search that names a company finds nothing: each with one kind
    of filter dropped, then the company alone (and a stated salary), then any of its jobs, ML or not. The company
    stays: the question is about its jobs."""
    if not filters.companies:
        return []
    alone = Filters(
        kind=filters.kind,
        companies=filters.companies,
        salary_disclosed=filters.salary_disclosed,
        ml_only=filters.ml_only,
        ml_titles=filters.ml_titles,
    )
    found: list[Filters] = []
    anything = alone.model_copy(update={"ml_only": False, "ml_titles": []})  # a company none of whose jobs is ML
    for wider in [*(filters.model_copy(update=drop) for drop in _LOOSENED), alone, anything]:
        if wider != filters and wider not in found:
            found.append(wider)
    return found


def listing_filters_set(filters: Filters) -> bool:
    return any(
        (
            filters.sources,
            filters.countries,
            filters.regions,
            filters.work_modes,
            filters.seniority,
            filters.employment,
            filters.min_annual_usd is not None,
            filters.salary_disclosed is not None,
            filters.posted_within_days is not None,
            filters.ml_only,
            filters.companies,
            filters.excluded_companies,
            filters.skills,
        )
    )


TITLE_WORD = re.compile(r"[a-z][a-z0-9+#]{2,}")
RARE_TITLES = 3
RARE_TITLE_SHARE = 0.02  # a word in at most this share of distinct titles names a job rather than a kind of job


class FilterColumns:
    """The filterable fields of every listing as arrays, built once when an index loads, so a query's filters
    cost a few vector operations instead of `matches()` on each of hundreds of thousands of chunks.

    Filters decide per document (a listing's chunks share its fields) and the result is spread to its chunks.
    Each text field is factorized: a code per document into its distinct values. A filter is decided once per
    distinct value with the same rules `matches` uses (places: `_in_place` on each distinct countries/regions
    pair), then spread by indexing — so the semantics live in one place and the cost is the number of
    distinct values (hundreds), not documents. Pay and posting dates are numeric columns compared directly.
    """

    def __init__(self, chunks: list[Chunk]) -> None:
        self.size = len(chunks)
        self._doc_of, docs = _factorize(c.doc_id for c in chunks)
        first: dict[str, Chunk] = {}
        for chunk in chunks:
            first.setdefault(chunk.doc_id, chunk)
        kinds = [first[doc].kind for doc in docs]
        self.listing: npt.NDArray[np.bool_] = np.array([kind == "listing" for kind in kinds], dtype=bool)
        self.guide: npt.NDArray[np.bool_] = np.array([kind == "guide" for kind in kinds], dtype=bool)
        metas = [_listing_meta(first[doc]) for doc in docs]
        # Each field's distinct values are of its own type (a source, a (countries, regions) pair, ...).
        self._codes: dict[str, tuple[npt.NDArray[np.int64], list[Any]]] = {
            "source": _factorize(m and m.source for m in metas),
            "place": _factorize(m and (tuple(m.countries), tuple(m.regions)) for m in metas),
            "work_mode": _factorize(m and m.work_mode for m in metas),
            "seniority": _factorize(m and m.seniority for m in metas),
            "employment": _factorize(m and m.employment_type for m in metas),
            "company": _factorize(m and m.company.lower() for m in metas),
            "title": _factorize(m and m.title.lower() for m in metas),
        }
        self.ml = np.array([bool(m and m.ml_relevant) for m in metas], dtype=bool)
        self.disclosed = np.array([bool(m and m.salary_disclosed) for m in metas], dtype=bool)
        self.usd_max = np.array([(m and m.annual_usd_max) or 0.0 for m in metas], dtype=float)
        posted_codes, posted = _factorize(m and m.posted_at for m in metas)
        self.posted = np.array([_epoch(value) for value in posted], dtype=float)[posted_codes]
        rows: dict[str, list[int]] = {}
        for n, meta in enumerate(metas):
            for skill in {s.lower() for s in meta.skills} if meta else ():
                rows.setdefault(skill, []).append(n)
        self._skills = {skill: np.asarray(found, dtype=np.int64) for skill, found in rows.items()}

    def mask(self, filters: Filters, now: datetime | None = None) -> npt.NDArray[np.bool_]:
        """The boolean mask `matches(filters, chunk, now)` gives for every chunk, in order."""
        keep = self._listing_mask(filters, now) | self.guide
        if filters.kind == "listing":
            keep &= self.listing
        elif filters.kind == "guide":
            keep &= self.guide
        return keep[self._doc_of]

    def _listing_mask(self, filters: Filters, now: datetime | None) -> npt.NDArray[np.bool_]:
        keep = self.listing.copy()
        if filters.sources:
            keep &= self._where("source", lambda source: source in filters.sources)
        if filters.countries or filters.regions:
            keep &= self._where("place", lambda place: _in_place(place, filters.countries, filters.regions))
        if filters.work_modes:
            modes = {mode.value for mode in filters.work_modes}
            keep &= self._where("work_mode", lambda mode: mode in modes)
        if filters.seniority:
            levels = {level.value for level in filters.seniority}
            keep &= self._where("seniority", lambda level: level in levels)
        if filters.employment:
            kinds = {kind.value for kind in filters.employment}
            keep &= self._where("employment", lambda kind: kind in kinds)
        if filters.min_annual_usd is not None:
            keep &= self.usd_max >= filters.min_annual_usd
        if filters.salary_disclosed is not None:
            keep &= self.disclosed == filters.salary_disclosed
        if filters.posted_within_days is not None:
            if now is None:
                return np.zeros_like(keep)
            keep &= self.posted >= (now - timedelta(days=filters.posted_within_days)).timestamp()  # NaN: never
        if filters.ml_only:
            titled = self._where("title", lambda title: _titled(title, filters.ml_titles))
            keep &= self.ml | titled
        if filters.companies:
            wanted = [c.lower() for c in filters.companies]
            keep &= self._where("company", lambda company: any(c in company for c in wanted))
        if filters.excluded_companies:
            unwanted = [c.lower() for c in filters.excluded_companies]
            keep &= ~self._where("company", lambda company: any(c in company for c in unwanted))
        if filters.skills:
            with_skill = np.zeros_like(keep)
            for skill in {s.lower() for s in filters.skills}:
                with_skill[self._skills.get(skill, [])] = True
            keep &= with_skill
        return keep

    def names_a_company(self, name: str) -> bool:
        """Whether the company filter for `name` would keep any listing."""
        wanted = name.lower()
        return any(company is not None and wanted in company for company in self._codes["company"][1])

    def in_titles(self, name: str) -> bool:
        """Whether some listing's title holds `name` as words ("Perception" in "Perception Engineer")."""
        words = re.compile(rf"\b{re.escape(name.lower())}\b")
        return any(title is not None and words.search(title) for title in self._codes["title"][1])

    def rare_title_words(self, title: str) -> set[str]:
        """The words of `title` that few listings' titles use: what names this job among the rest ("fellows" in
        "Anthropic Fellows Program"), unlike "senior" or "engineer"."""
        counts, titles = self._title_words
        rare = max(RARE_TITLES, RARE_TITLE_SHARE * titles)
        return {word for word in set(TITLE_WORD.findall(title.lower())) if counts[word] <= rare}

    @cached_property
    def _title_words(self) -> tuple[Counter[str], int]:
        """How many distinct titles use each word, counted when a question first needs it."""
        titles = [title for title in self._codes["title"][1] if title]
        return Counter(word for title in titles for word in set(TITLE_WORD.findall(title))), len(titles)

    def _where(self, field: str, test: Callable[[Any], bool]) -> npt.NDArray[np.bool_]:
        codes, values = self._codes[field]
        decided = np.fromiter((value is not None and test(value) for value in values), dtype=bool, count=len(values))
        return decided[codes]


def _listing_meta(chunk: Chunk) -> ListingMeta | None:
    return chunk.meta if isinstance(chunk.meta, ListingMeta) else None


def _factorize(values: Iterable[Hashable]) -> tuple[npt.NDArray[np.int64], list[Any]]:
    """(a code per item, the distinct values in order of first appearance)."""
    index: dict[Hashable, int] = {}
    codes = np.fromiter((index.setdefault(value, len(index)) for value in values), dtype=np.int64)
    return codes, list(index)


def _epoch(posted_at: str | None) -> float:
    return datetime.fromisoformat(posted_at).timestamp() if posted_at else np.nan
