"""Each filter on its own, over listing chunks made from real normalized fields."""

from datetime import UTC, datetime

import pytest

from assistant.index.chunks import Chunk, listing_chunks
from assistant.index.filters import FilterColumns, Filters, loosened, matches
from assistant.index.meta import GuideMeta, ListingMeta
from assistant.vocab.listing import EmploymentType, Seniority, WorkMode

NOW = datetime(2026, 8, 22, tzinfo=UTC)


def listing(**overrides) -> Chunk:
    meta = {
        "listing_id": "remotive:1",
        "title": "Senior ML Engineer — Acme",
        "url": "https://x",
        "source": "remotive",
        "company": "Acme AI",
        "countries": ["DE"],
        "regions": ["EMEA", "Europe"],
        "work_mode": "remote",
        "seniority": "senior",
        "employment_type": "full_time",
        "ml_relevant": True,
        "skills": ["PyTorch"],
        "salary_disclosed": True,
        "annual_usd_min": 120000.0,
        "annual_usd_max": 160000.0,
        "posted_at": "2026-08-20T00:00:00+00:00",
    }
    meta.update(overrides)
    return Chunk(id="listing:remotive:1~0", doc_id="listing:remotive:1", kind="listing", text="t", meta=meta)


GUIDE = Chunk(
    id="guide:g#pay~0",
    doc_id="guide:g#pay",
    kind="guide",
    text="t",
    meta=GuideMeta(guide_id="g", section_id="pay", heading_path=["Pay"], title="Pay", path="g.md"),
)


CASES = [
    (Filters(kind="listing"), {}, None),
    (Filters(sources=["remotive"]), {}, {"source": "remoteok"}),
    (Filters(countries=["DE"]), {}, {"countries": ["FR"], "regions": ["EMEA", "Europe"]}),
    (Filters(countries=["DE"]), {"countries": [], "regions": ["Europe"]}, {"countries": ["US"], "regions": []}),
    (Filters(regions=["Europe"]), {"countries": ["PL"], "regions": []}, {"countries": ["BR"], "regions": []}),
    (Filters(regions=["Europe"]), {"countries": [], "regions": ["Worldwide"]}, {"countries": [], "regions": []}),
    (Filters(work_modes=[WorkMode.remote]), {}, {"work_mode": "hybrid"}),
    (Filters(seniority=[Seniority.senior, Seniority.staff]), {"seniority": "staff"}, {"seniority": "junior"}),
    (Filters(employment=[EmploymentType.contract]), {"employment_type": "contract"}, {}),
    (Filters(min_annual_usd=150000), {}, {"annual_usd_max": 140000.0}),
    (Filters(min_annual_usd=150000), {}, {"annual_usd_max": None, "salary_disclosed": False}),
    (Filters(salary_disclosed=True), {}, {"salary_disclosed": False}),
    (Filters(salary_disclosed=False), {"salary_disclosed": False}, {}),
    (Filters(posted_within_days=7), {}, {"posted_at": "2026-08-01T00:00:00+00:00"}),
    (Filters(posted_within_days=7), {}, {"posted_at": None}),
    (Filters(ml_only=True), {}, {"ml_relevant": False}),
    (  # a job titled by the role word searched by counts, whatever its text reads as
        Filters(ml_only=True, ml_titles=["AI"]),
        {"ml_relevant": False, "title": "AI Trainer — Kastle"},
        {"ml_relevant": False, "title": "Chat Support — Acme (Trainer)"},
    ),
    (Filters(companies=["acme"]), {}, {"company": "Other Co"}),
    (Filters(excluded_companies=["other"]), {}, {"company": "Other Co"}),
    (Filters(skills=["pytorch"]), {}, {"skills": ["TensorFlow"]}),
]


@pytest.mark.parametrize(("filters", "keeps", "drops"), CASES)
def test_each_filter_keeps_what_matches_and_drops_what_does_not(filters, keeps, drops):
    assert matches(filters, listing(**keeps), NOW)
    if drops is not None:
        assert not matches(filters, listing(**drops), NOW)


def test_posted_within_counts_from_the_snapshot_not_the_wall_clock():
    week = Filters(posted_within_days=7)
    assert matches(week, listing(), NOW)  # two days before the snapshot was fetched
    assert not matches(week, listing(), datetime(2026, 11, 29, tzinfo=UTC))


def test_listing_filters_leave_guides_alone_and_kind_decides():
    assert matches(Filters(regions=["Europe"], min_annual_usd=1e6), GUIDE, NOW)
    assert not matches(Filters(kind="listing"), GUIDE, NOW)
    assert not matches(Filters(kind="guide"), listing(), NOW)


@pytest.mark.parametrize(("filters", "keeps", "drops"), CASES)
def test_the_columns_decide_each_filter_as_matches_does(filters, keeps, drops):
    chunks = [listing(**keeps), GUIDE]
    if drops is not None:  # another listing: a listing's chunks share its fields, as listing_chunks makes them
        chunks.append(
            listing(**drops).model_copy(update={"id": "listing:remotive:2~0", "doc_id": "listing:remotive:2"})
        )
    for now in (NOW, None):
        assert FilterColumns(chunks).mask(filters, now).tolist() == [matches(filters, c, now) for c in chunks]


def test_the_columns_agree_with_matches_on_real_listings_for_combined_filters(small_snapshot):
    chunks = [GUIDE] + [c for found in small_snapshot for c in listing_chunks(found)]
    columns = FilterColumns(chunks)
    metas = [c.meta for c in chunks if isinstance(c.meta, ListingMeta)]
    companies = sorted({meta.company for meta in metas})
    combined = [
        Filters(),
        Filters(kind="guide"),
        Filters(kind="listing", countries=["US"], ml_only=True),
        Filters(kind="listing", regions=["Europe"], work_modes=[WorkMode.remote], min_annual_usd=100000),
        Filters(countries=["DE", "GB"], seniority=[Seniority.senior, Seniority.staff]),
        Filters(regions=["LATAM"], salary_disclosed=False),
        Filters(companies=[companies[0][:4], companies[-1].upper()], posted_within_days=30),
        Filters(skills=["Python", "pytorch", "Kubernetes"], sources=["remoteok", "greenhouse"]),
    ]
    now = max(datetime.fromisoformat(meta.posted_at) for meta in metas if meta.posted_at)
    for filters in combined:
        expected = [matches(filters, c, now) for c in chunks]
        assert columns.mask(filters, now).tolist() == expected, filters
    assert 0 < sum(columns.mask(combined[2], now)) < len(chunks)  # the real listings exercise both outcomes


def test_rare_title_words_are_the_ones_few_titles_use():
    """What names one job among the rest: a word used by few distinct titles, not "senior" or "engineer"."""
    common = [listing(title=f"Senior ML Engineer, Team {n}", listing_id=f"remotive:{n}") for n in range(200)]
    chunks = [
        Chunk(id=f"listing:remotive:{n}~0", doc_id=f"listing:remotive:{n}", kind="listing", text="t", meta=c.meta)
        for n, c in enumerate(common)
    ]
    columns = FilterColumns(chunks)
    assert columns.rare_title_words("Senior ML Engineer, Fellows Program") == {"fellows", "program"}
    assert columns.rare_title_words("Senior ML Engineer") == set()


def test_a_company_search_loosens_one_kind_of_filter_at_a_time_and_keeps_the_company_and_a_stated_salary():
    asked = Filters(
        kind="listing",
        companies=["Pinterest"],
        countries=["ES"],
        seniority=[Seniority.senior],
        salary_disclosed=True,
        ml_only=True,
    )
    tried = loosened(asked)
    assert tried[0] == asked.model_copy(update={"seniority": []})  # said in passing most often: dropped first
    assert asked.model_copy(update={"countries": [], "regions": []}) in tried
    assert all(f.companies == ["Pinterest"] and f.salary_disclosed for f in tried)
    assert all(f.ml_only for f in tried[:-1])
    assert tried[-2:] == [
        Filters(kind="listing", companies=["Pinterest"], salary_disclosed=True, ml_only=True),
        Filters(kind="listing", companies=["Pinterest"], salary_disclosed=True),
    ]
    assert asked not in tried and len(tried) == len({f.model_dump_json() for f in tried})  # each wider, once
    # Without a company there is nothing the question is about to keep: a search that finds nothing says so.
    assert loosened(asked.model_copy(update={"companies": []})) == []
