"""One listing per job, keeping every source URL."""

from datetime import UTC, datetime, timedelta

from assistant.corpus.listings.dedupe import dedupe
from assistant.vocab.listing import Listing, Location, Salary

T0 = datetime(2026, 7, 1, tzinfo=UTC)


def make(id_: str, title="Senior ML Engineer", company="Acme AI", posted=T0, fetched=T0, **extra) -> Listing:
    source = id_.split(":")[0]
    return Listing(
        id=id_,
        source=source,
        url=f"https://{source}.example/{id_}",
        title=title,
        company=company,
        posted_at=posted,
        fetched_at=fetched,
        **extra,
    ).with_hash()


def test_same_id_in_two_snapshots_keeps_the_newest_copy():
    old = make("remotive:1", description="old text")
    new = make("remotive:1", description="new text", fetched=T0 + timedelta(days=21))
    [kept] = dedupe([new, old])
    assert kept.description == "new text" and kept.also_seen == []


def test_same_job_on_two_boards_becomes_one_listing_with_both_urls():
    first = make("remoteok:5", posted=T0)
    second = make(
        "jobicy:9",
        title="Senior ML Engineer (Remote)",
        company="ACME AI",
        posted=T0 + timedelta(days=1),
        salary=Salary(min=150000, max=200000),
    )
    [merged] = dedupe([second, first])
    assert merged.id == "remoteok:5"  # the first posting keeps its id
    assert merged.urls == ["https://remoteok.example/remoteok:5", "https://jobicy.example/jobicy:9"]
    assert merged.salary.min == 150000  # filled from the copy that disclosed it


def test_one_job_per_city_merges_locations():
    cities = [
        make("remotive:1", location=Location(text="Germany", countries=["DE"], regions=["EMEA", "Europe"])),
        make(
            "remotive:2",
            location=Location(text="Brazil", countries=["BR"], regions=["Americas", "LATAM"]),
            posted=T0 + timedelta(hours=1),
        ),
    ]
    [merged] = dedupe(cities)
    assert merged.location.countries == ["BR", "DE"]
    assert merged.location.text == "Germany; Brazil"
    assert [ref.id for ref in merged.also_seen] == ["remotive:2"]


def test_different_jobs_stay_apart():
    listings = [
        make("remotive:1"),
        make("remotive:2", title="Staff ML Engineer"),
        make("remotive:3", company="Other Co"),
    ]
    assert sorted(l.id for l in dedupe(listings)) == ["remotive:1", "remotive:2", "remotive:3"]


def test_merge_is_order_independent():
    listings = [
        make("remoteok:5"),
        make("jobicy:9", posted=T0 + timedelta(days=1)),
        make("remotive:3", posted=T0 + timedelta(days=2)),
    ]
    assert dedupe(listings)[0] == dedupe(list(reversed(listings)))[0]
