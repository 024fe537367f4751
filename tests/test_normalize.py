"""Named listings from the captured feeds, normalized: salaries, work modes, places, seniority."""

from datetime import UTC, datetime

import pytest

from assistant.corpus.listings.normalize import normalize
from assistant.corpus.listings.sources import CONNECTORS
from assistant.vocab.listing import Clarity, EmploymentType, WorkMode
from tests.conftest import FEEDS

FETCHED = datetime(2026, 8, 30, tzinfo=UTC)


def listing(source: str, name: str, listing_id: str):
    batch = CONNECTORS[source].parse((FEEDS / source / name).read_bytes(), name)
    [raw] = [raw for raw in batch.listings if raw.id == listing_id]
    return normalize(raw, FETCHED)


@pytest.mark.parametrize(
    ("source", "name", "listing_id", "salary"),
    [
        ("remoteok", "api_2024-12-04.json", "remoteok:1056760", (40000, 95000, "USD", "year")),
        ("remotive", "remote-jobs_2026-07-18.json", "remotive:1919266", (120, 170, "USD", "hour")),
        ("jobicy", "v2_2024-12-08_tag-python.json", "jobicy:74847", (150000, 220000, "USD", "year")),
        ("jobicy", "v2_2026-08-15_jobs-only.json", "jobicy:150791", (115000, 115000, "USD", "year")),
        ("weworkremotely", "remote-jobs_2026-07-10.rss", "weworkremotely:mathmo-maths-coach", (40, 75, "GBP", "hour")),
        (
            "greenhouse",
            "gitlab_content_2026-07-17_trimmed.json",
            "greenhouse:8565469002",
            (108400, 129600, "USD", "year"),
        ),
        ("greenhouse", "gitlab_content_2026-08-11_trimmed.json", "greenhouse:8556658002", None),
    ],
)
def test_named_salaries(source, name, listing_id, salary):
    found = listing(source, name, listing_id).salary
    if salary is None:
        assert found is None
        return
    assert (found.min, found.max, found.currency, found.period) == salary
    assert found.annual_usd_min and found.annual_usd_max >= found.annual_usd_min


def test_hourly_pay_is_annualized_and_foreign_pay_converted_at_the_posted_date():
    hourly = listing("remotive", "remote-jobs_2026-07-18.json", "remotive:1919266").salary
    assert (hourly.annual_usd_min, hourly.annual_usd_max) == (120 * 2080, 170 * 2080)
    pounds = listing("weworkremotely", "remote-jobs_2026-07-10.rss", "weworkremotely:mathmo-maths-coach").salary
    assert pounds.fx_date is not None and pounds.fx_date <= datetime(2026, 7, 10).date()
    assert pounds.annual_usd_max == round(75 * 2080 * pounds.fx_rate)


def test_a_currency_named_in_the_text_beats_the_boards_default_field():
    zloty = listing("remoteok", "api_2026-03-16.json", "remoteok:1130779").salary
    assert (zloty.min, zloty.max, zloty.currency) == (350700, 474400, "PLN")
    assert zloty.annual_usd_max < 474400


@pytest.mark.parametrize(
    ("source", "name", "listing_id", "mode", "clarity"),
    [
        ("greenhouse", "reddit_list_2026-08-20.json", "greenhouse:7617155", WorkMode.unknown, Clarity.unknown),
        (
            "greenhouse",
            "anthropic_content_2026-07-14_trimmed.json",
            "greenhouse:5311686008",
            WorkMode.remote,
            Clarity.explicit,
        ),
        (
            "greenhouse",
            "anthropic_content_2026-07-14_trimmed.json",
            "greenhouse:5215052008",
            WorkMode.onsite,
            Clarity.explicit,
        ),
        (
            "greenhouse",
            "anthropic_content_2026-07-14_trimmed.json",
            "greenhouse:5101378008",
            WorkMode.hybrid,
            Clarity.explicit,
        ),
        ("remotive", "remote-jobs_2026-07-18.json", "remotive:2069746", WorkMode.hybrid, Clarity.explicit),
        ("remoteok", "api_2024-12-04.json", "remoteok:1051852", WorkMode.remote, Clarity.explicit),
        (
            "weworkremotely",
            "remote-jobs_2026-07-10.rss",
            "weworkremotely:mathmo-maths-coach",
            WorkMode.remote,
            Clarity.implied,
        ),
    ],
)
def test_named_work_modes(source, name, listing_id, mode, clarity):
    found = listing(source, name, listing_id)
    assert (found.work_mode, found.work_mode_clarity) == (mode, clarity)
    if clarity is Clarity.explicit:
        assert found.work_mode_evidence and found.work_mode_evidence in " ".join(
            [found.title, found.location.text, found.description, "Remote", "On-Site", "Hybrid"]
        )


def test_reddit_remote_us_is_explicitly_remote_in_the_us():
    batch = CONNECTORS["greenhouse"].parse((FEEDS / "greenhouse" / "reddit_list_2026-08-20.json").read_bytes(), "r")
    raw = next(raw for raw in batch.listings if raw.location_texts == ["Remote - United States"])
    found = normalize(raw, FETCHED)
    assert (found.work_mode, found.work_mode_clarity) == (WorkMode.remote, Clarity.explicit)
    assert found.location.countries == ["US"] and "North America" in found.location.regions


def test_ml_listing_carries_seniority_relevance_and_evidence():
    found = listing("remoteok", "api_2024-12-04.json", "remoteok:1056760")
    assert found.title == "Senior MLOps Engineer"
    assert found.seniority.value == "senior" and found.ml_relevant
    assert all(evidence in found.title + found.description for evidence in found.ml_evidence)
    assert found.location.countries == ["US"]
    assert found.content_hash and found.fetched_at == FETCHED


def test_the_boards_own_level_name_is_kept_and_shown():
    """Reddit's metadata says "Management Level: IC5"; people ask for it, so the facts lines carry it beside ours."""
    from assistant.index.chunks import listing_header

    found = listing("greenhouse", "reddit_list_2026-08-20.json", "greenhouse:8018527")
    assert found.level_stated == "IC5"
    assert "Seniority: staff (the board's level: IC5)." in listing_header(found)


def test_a_fixed_term_job_is_a_contract_and_says_so_in_the_boards_words():
    """Reddit's metadata says "Worker Sub-Type: Fixed Term" beside "Time Type: Full time": the sub-type decides,
    and "is it permanent?" is answered in the board's own words."""
    from assistant.index.chunks import listing_header

    fixed = listing("greenhouse", "reddit_list_2026-08-20.json", "greenhouse:8022942")
    assert fixed.employment_type is EmploymentType.contract and fixed.employment_stated == "Fixed Term"
    assert "Employment: contract (the board's type: Fixed Term)." in listing_header(fixed)
    regular = listing("greenhouse", "reddit_list_2026-08-20.json", "greenhouse:8084032")  # "Regular", "Full time"
    assert regular.employment_type is EmploymentType.full_time and regular.employment_stated is None
