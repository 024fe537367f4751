"""Salary parsing and annualization, checked against the salaries the five boards really send."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter

from assistant.vocab import money as salary_module
from assistant.vocab.listing import Salary
from assistant.vocab.money import annualize, find_salary_in_text, parse_salary_text, salary_from_fields

FEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "feeds"

THURSDAY = datetime(2026, 7, 16, 13, 28, 2, tzinfo=UTC)
SATURDAY = datetime(2026, 7, 11, 9, 0, tzinfo=UTC)
LAST_ECB_DATE = date(2026, 10, 30)  # the bundled ECB file runs through 2026-10-31, a Saturday


def plain_text(markup: str) -> str:
    """What a connector makes of a board's HTML: entities decoded twice (Greenhouse escapes its HTML), tags gone."""
    text = html.unescape(markup or "")
    text = re.sub(r"<(?:br\s*/?|/p|/li|/h\d|/div|/ul)>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _jobs(path: Path) -> list[dict]:
    data = json.loads(path.read_text())
    return data["jobs"] if isinstance(data, dict) and "jobs" in data else data


def greenhouse_description(file: str, job_id: int) -> tuple[str, datetime]:
    job = next(j for j in _jobs(FEEDS / "greenhouse" / file) if j["id"] == job_id)
    return plain_text(job["content"]), datetime.fromisoformat(job["updated_at"])


def description(source: str, file: str, job_id) -> str:
    if source == "weworkremotely":
        items = ET.parse(FEEDS / source / file).iter("item")
        return plain_text(next(i.findtext("description") for i in items if i.findtext("guid") == job_id))
    field = {"jobicy": "jobDescription", "remoteok": "description", "remotive": "description"}[source]
    return plain_text(next(j[field] for j in _jobs(FEEDS / source / file) if str(j.get("id")) == str(job_id)))


def shape(s: Salary | None):
    return None if s is None else (s.min, s.max, s.currency, s.period, s.period_inferred)


# ---------------------------------------------------------------- free text (Remotive's `salary`)

REMOTIVE_SALARIES = {
    "$80k - $100k": (80_000, 100_000, "USD", "year", True),
    "$45k - $65k": (45_000, 65_000, "USD", "year", True),
    "$120 - $170 /hour": (120, 170, "USD", "hour", False),
    "$55k - $100k": (55_000, 100_000, "USD", "year", True),
    "OTE $25k - $35k": (25_000, 35_000, "USD", "year", True),
    "$3k - $10k": (3_000, 10_000, "USD", "month", True),
    "$36k": (36_000, 36_000, "USD", "year", True),
    "$90 - $150 /hour": (90, 150, "USD", "hour", False),
    "$150k - $230k": (150_000, 230_000, "USD", "year", True),
    "$170k - $200k": (170_000, 200_000, "USD", "year", True),
    "$31,2k- $52k": (31_200, 52_000, "USD", "year", True),
    "$50-$75 /hour": (50, 75, "USD", "hour", False),
    "$18 - $22/hr": (18, 22, "USD", "hour", False),
    "$20k -$35k": (20_000, 35_000, "USD", "year", True),
    "$12K": (12_000, 12_000, "USD", "month", True),
    "$120k - $220k": (120_000, 220_000, "USD", "year", True),
    "$20k-$25k": (20_000, 25_000, "USD", "year", True),
    "$30k - $100k": (30_000, 100_000, "USD", "year", True),
    "$45k- $65k": (45_000, 65_000, "USD", "year", True),
    "$45,000 - $50,000": (45_000, 50_000, "USD", "year", True),
    "$14/hr": (14, 14, "USD", "hour", False),
}


@pytest.mark.parametrize("text", REMOTIVE_SALARIES)
def test_remotive_salary_strings(text):
    s = parse_salary_text(text, posted_at=THURSDAY)
    assert shape(s) == REMOTIVE_SALARIES[text]
    assert s.text == text and s.origin == "text"


def test_every_salary_in_the_remotive_feeds_is_covered():
    seen = {j["salary"] for f in (FEEDS / "remotive").glob("*.json") for j in _jobs(f)}
    assert seen - {"", "Pay per task"} == set(REMOTIVE_SALARIES)


@pytest.mark.parametrize("text", ["Pay per task", "", "   ", "Competitive"])
def test_text_without_an_amount_is_none(text):
    assert parse_salary_text(text, posted_at=THURSDAY) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("€60,000–€80,000 per year", (60_000, 80_000, "EUR", "year", False)),
        ("£50k-£70k", (50_000, 70_000, "GBP", "year", True)),
        ("CAD 120,000 - 150,000", (120_000, 150_000, "CAD", "year", True)),
        ("USD 100-120k", (100_000, 120_000, "USD", "year", True)),
        ("$45-$65k", (45_000, 65_000, "USD", "year", True)),
        ("$500 - $2k", (500, 2_000, "USD", "month", True)),  # 500 is plausible alone: the k stays on the max
        ("up to $150k", (None, 150_000, "USD", "year", True)),
        ("from €4,000 per month", (4_000, None, "EUR", "month", False)),
        ("80.000 - 100.000 EUR", (80_000, 100_000, "EUR", "year", True)),
        ("$110,000+", (110_000, None, "USD", "year", True)),
        ("CHF 120'000", (120_000, 120_000, "CHF", "year", True)),
    ],
)
def test_other_salary_text_formats(text, expected):
    assert shape(parse_salary_text(text, posted_at=THURSDAY)) == expected


@pytest.mark.parametrize(
    "text, period",
    [
        ("$100k/yr", "year"),
        ("£50,000 per annum", "year"),
        ("$90k a year", "year"),
        ("€70k p.a.", "year"),
        ("$8,000/month", "month"),
        ("$8,000 per month", "month"),
        ("$8,000/mo", "month"),
        ("€55/h", "hour"),
        ("$40 per hour", "hour"),
        ("$60 hourly", "hour"),
        ("$500/day", "day"),
        ("€500 daily rate", "day"),
        ("$2,000/week", "week"),
    ],
)
def test_stated_periods(text, period):
    s = parse_salary_text(text, posted_at=THURSDAY)
    assert (s.period, s.period_inferred) == (period, False)


def test_default_currency_applies_to_a_bare_dollar_sign():
    assert parse_salary_text("$50k - $60k", posted_at=THURSDAY, default_currency="CAD").currency == "CAD"
    assert parse_salary_text("US$50k - US$60k", posted_at=THURSDAY, default_currency="CAD").currency == "USD"


# ---------------------------------------------------------------- structured fields


def test_jobicy_old_schema_strings():
    job = next(j for j in _jobs(FEEDS / "jobicy" / "v2_2024-12-08_tag-python.json") if j["id"] == 111272)
    s = salary_from_fields(
        job["annualSalaryMin"], job["annualSalaryMax"], job["salaryCurrency"], "annual", posted_at=THURSDAY
    )
    assert shape(s) == (101_382, 209_296, "USD", "year", False)
    assert (s.annual_usd_min, s.annual_usd_max, s.origin, s.text) == (101_382, 209_296, "field", None)


def test_jobicy_old_schema_in_cad():
    file = FEEDS / "jobicy" / "v2_2024-12-08_geo-usa_industry-copywriting.json"
    job = next(j for j in _jobs(file) if j.get("salaryCurrency") == "CAD")
    s = salary_from_fields(job["annualSalaryMin"], job["annualSalaryMax"], job["salaryCurrency"], posted_at=THURSDAY)
    assert shape(s) == (36_000, 44_000, "CAD", "year", True)
    assert 0.6 < s.fx_rate < 0.9


def test_jobicy_new_schema_without_max():
    job = next(j for j in _jobs(FEEDS / "jobicy" / "v2_2026-07-10_trimmed.json") if j.get("salaryMin"))
    s = salary_from_fields(
        job["salaryMin"], job.get("salaryMax"), job["salaryCurrency"], job["salaryPeriod"], posted_at=THURSDAY
    )
    assert shape(s) == (151_000, None, "USD", "year", False)
    assert (s.annual_usd_min, s.annual_usd_max) == (151_000, None)


@pytest.mark.parametrize("value", [151000, "151000", "151000.00", 151000.0])
def test_numeric_strings_and_numbers_read_alike(value):
    assert salary_from_fields(value, None, "USD", "yearly", posted_at=THURSDAY).min == 151_000


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (0, 0, None),
        ("", "", None),
        (None, None, None),
        (30, 30, (30, 30, "USD", "hour", True)),  # Remote OK's "$30 an hour"
        (80, 140, (80, 140, "USD", "hour", True)),
        (114, 225, (114, 225, "USD", "hour", True)),
        (3_000, 10_000, (3_000, 10_000, "USD", "month", True)),
        (90_000, 110_000, (90_000, 110_000, "USD", "year", True)),
        (0, 90_000, (None, 90_000, "USD", "year", True)),
        (60_000, 0, (60_000, None, "USD", "year", True)),
    ],
)
def test_remote_ok_integers(low, high, expected):
    assert shape(salary_from_fields(low, high, posted_at=THURSDAY)) == expected


def test_remote_ok_feed_records():
    jobs = {j["id"]: j for j in _jobs(FEEDS / "remoteok" / "api_2026-03-16.json") if "id" in j}
    ai_trainer, no_salary = jobs["1130776"], jobs["1130788"]
    posted = datetime.fromisoformat(ai_trainer["date"])
    s = salary_from_fields(ai_trainer["salary_min"], ai_trainer["salary_max"], posted_at=posted)
    assert shape(s) == (30, 30, "USD", "hour", True)
    assert s.annual_usd_min == s.annual_usd_max == 30 * 2080
    assert salary_from_fields(no_salary["salary_min"], no_salary["salary_max"], posted_at=posted) is None


@pytest.mark.parametrize(
    "period, expected",
    [
        ("yearly", "year"),
        ("annual", "year"),
        ("monthly", "month"),
        ("hourly", "hour"),
        ("weekly", "week"),
        ("daily", "day"),
        ("Yearly", "year"),
    ],
)
def test_period_strings(period, expected):
    s = salary_from_fields(50, 60, "USD", period, posted_at=THURSDAY)
    assert (s.period, s.period_inferred) == (expected, False)


@pytest.mark.parametrize(
    "amount, period", [(299, "hour"), (300, "month"), (19_999, "month"), (20_000, "year"), (250_000, "year")]
)
def test_period_inference_thresholds(amount, period):
    s = salary_from_fields(amount, None, posted_at=THURSDAY)
    assert (s.period, s.period_inferred) == (period, True)


def test_currency_defaults_to_usd():
    assert salary_from_fields(100_000, 120_000, None, posted_at=THURSDAY).currency == "USD"
    assert salary_from_fields(100_000, 120_000, "", posted_at=THURSDAY).currency == "USD"
    assert salary_from_fields(100_000, 120_000, "eur", posted_at=THURSDAY).currency == "EUR"
    assert salary_from_fields(100_000, 120_000, "€", posted_at=THURSDAY).currency == "EUR"


# ---------------------------------------------------------------- annualization


@pytest.mark.parametrize(
    "period, amount, annual",
    [
        ("year", 120_000, 120_000),
        ("month", 5_000, 60_000),
        ("week", 3_850, 200_200),
        ("day", 500, 130_000),
        ("hour", 30, 62_400),
        ("hour", 17.5, 36_400),
    ],
)
def test_usd_annualization_is_exact(period, amount, annual):
    s = annualize(Salary(min=amount, max=amount, period=period), posted_at=THURSDAY)
    assert (s.annual_usd_min, s.annual_usd_max, s.fx_rate, s.fx_date) == (annual, annual, 1.0, None)


def ecb_rate(currency: str, day: date) -> float:
    return CurrencyConverter().convert(1, currency, "USD", date=day)


@pytest.mark.parametrize("currency, band", [("EUR", (0.9, 1.4)), ("GBP", (1.1, 1.6))])
def test_foreign_currency_uses_the_ecb_rate_of_the_posted_date(currency, band):
    s = annualize(Salary(min=60_000, max=80_000, currency=currency), posted_at=THURSDAY)
    assert s.fx_date == THURSDAY.date()
    assert band[0] < s.fx_rate < band[1]
    assert s.fx_rate == pytest.approx(ecb_rate(currency, s.fx_date))
    assert (s.annual_usd_min, s.annual_usd_max) == (round(60_000 * s.fx_rate), round(80_000 * s.fx_rate))


def test_monthly_euros_are_multiplied_then_converted():
    s = annualize(Salary(min=4_000, currency="EUR", period="month"), posted_at=THURSDAY)
    assert s.annual_usd_min == round(4_000 * 12 * s.fx_rate)
    assert s.annual_usd_max is None


def test_weekend_posting_uses_the_friday_rate():
    s = annualize(Salary(min=50_000, currency="EUR"), posted_at=SATURDAY)
    assert s.fx_date == date(2026, 7, 10)
    assert s.fx_date.weekday() < 5 and s.fx_date <= SATURDAY.date()
    assert s.fx_rate == pytest.approx(ecb_rate("EUR", s.fx_date))


def test_ecb_holiday_uses_the_previous_business_day():
    s = annualize(Salary(min=50_000, currency="GBP"), posted_at=datetime(2024, 12, 25, 12, 0))
    assert s.fx_date == date(2024, 12, 24)


def test_dates_after_the_bundled_data_use_its_last_rate():
    s = annualize(Salary(min=50_000, currency="EUR"), posted_at=datetime(2027, 3, 3, tzinfo=UTC))
    assert s.fx_date == LAST_ECB_DATE
    assert s.annual_usd_min == round(50_000 * ecb_rate("EUR", LAST_ECB_DATE))


def test_no_posted_date_means_today():
    s = annualize(Salary(min=50_000, currency="EUR"), posted_at=None)
    assert s.fx_date <= min(date.today(), LAST_ECB_DATE)
    assert s.fx_date.weekday() < 5
    assert 0.9 < s.fx_rate < 1.4


@pytest.mark.parametrize("currency", ["ARS", "XYZ"])
def test_unknown_currency_stays_unconverted(currency):
    s = annualize(Salary(min=1_000_000, max=2_000_000, currency=currency), posted_at=THURSDAY)
    assert (s.annual_usd_min, s.annual_usd_max, s.fx_rate, s.fx_date) == (None, None, None, None)
    assert (s.min, s.max) == (1_000_000, 2_000_000)


def test_annualize_returns_a_copy():
    original = Salary(min=5_000, currency="EUR", period="month")
    annualize(original, posted_at=THURSDAY)
    assert original.annual_usd_min is None and original.fx_rate is None


def test_the_converter_is_loaded_once():
    salary_module._converter.cache_clear()
    for currency in ("EUR", "GBP", "CAD"):
        annualize(Salary(min=1, currency=currency), posted_at=THURSDAY)
    assert salary_module._converter.cache_info().misses == 1


def test_parsers_return_annualized_results():
    assert parse_salary_text("£50k-£70k", posted_at=THURSDAY).annual_usd_max > 70_000
    assert salary_from_fields(30, 30, posted_at=THURSDAY).annual_usd_min == 62_400


# ---------------------------------------------------------------- pay inside Greenhouse descriptions


@pytest.mark.parametrize(
    "file, job_id, expected, text",
    [
        (
            "anthropic_content_2026-07-14_trimmed.json",
            5215052008,
            (265_000, 365_000, "USD", "year", False),
            "$265,000—$365,000 USD",
        ),
        ("anthropic_content_2026-07-14_trimmed.json", 5023394008, (3_850, 3_850, "USD", "week", False), "3,850 USD"),
        (
            "gitlab_content_2026-07-17_trimmed.json",
            8565469002,
            (108_400, 129_600, "USD", "year", True),
            "$108,400—$129,600 USD",
        ),
        (
            "gitlab_content_2026-08-11_trimmed.json",
            8638232002,
            (139_200, 235_200, "USD", "year", True),
            "$139,200—$235,200 USD",
        ),
    ],
)
def test_greenhouse_pay_transparency_blocks(file, job_id, expected, text):
    content, posted = greenhouse_description(file, job_id)
    s = find_salary_in_text(content, posted_at=posted)
    assert shape(s) == expected
    assert s.text == text and s.text in content
    assert s.origin == "description"
    assert s.annual_usd_min == round(expected[0] * {"year": 1, "week": 52}[expected[3]])


@pytest.mark.parametrize(
    "file, job_id",
    [
        ("anthropic_content_2026-07-14_trimmed.json", 5311686008),
        ("anthropic_content_2026-07-14_trimmed.json", 5101378008),
        ("gitlab_content_2026-07-17_trimmed.json", 8503792002),
        ("gitlab_content_2026-08-11_trimmed.json", 8556658002),
    ],
)
def test_greenhouse_descriptions_without_pay(file, job_id):
    content, posted = greenhouse_description(file, job_id)
    assert find_salary_in_text(content, posted_at=posted) is None


def test_fellows_compute_funding_is_not_pay():
    content, posted = greenhouse_description("anthropic_content_2026-07-14_trimmed.json", 5023394008)
    assert "Funding for compute (~$15k/month)" in content
    assert find_salary_in_text(content, posted_at=posted).max == 3_850


# ---------------------------------------------------------------- pay inside the other boards' descriptions

DESCRIPTIONS = [
    # several ranges (zones, tiers, countries): the overall min and max in the first range's currency
    ("remoteok", "api_2024-12-04.json", "1057910", (93_850, 144_183, "USD", "year", True), "$93,850 -$110,910"),
    (
        "jobicy",
        "v2_2024-12-08_geo-usa_industry-copywriting.json",
        109446,
        (71_300, 177_700, "USD", "year", True),
        "$101,800 – $177,700 USD",
    ),
    ("jobicy", "v2_2026-08-15_jobs-only.json", 150791, (79_825, 115_000, "USD", "year", True), "$115,000"),
    (
        "weworkremotely",
        "remote-jobs_2026-07-10.rss",
        "https://weworkremotely.com/remote-jobs/mathmo-maths-coach",
        (40, 75, "GBP", "hour", False),
        "£75 per hour",
    ),
    # one range or figure
    (
        "weworkremotely",
        "remote-jobs_2026-02-22.rss",
        "https://weworkremotely.com/remote-jobs/ottimate-director-of-partner-marketing",
        (170_000, 190_000, "USD", "year", True),
        "$170,000-190,000",
    ),
    (
        "weworkremotely",
        "remote-jobs_2026-02-22.rss",
        "https://weworkremotely.com/remote-jobs/wex-product-marketing-manager-corporate-payments",
        (94_000, 125_000, "USD", "year", True),
        "$94,000.00 - $125,000.00",
    ),
    (
        "jobicy",
        "v2_2024-12-08_geo-canada.json",
        113594,
        (113_000, 125_000, "CAD", "year", True),
        "$113,000—$125,000 CAD",
    ),
    ("jobicy", "v2_2024-12-08_geo-canada.json", 111303, (40, 55, "USD", "hour", False), "$40/hr – $55/hr"),
    (
        "jobicy",
        "v2_2024-12-05_geo-usa_industry-marketing_tag-seo.json",
        111786,
        (67_500, 79_000, "USD", "year", True),
        "$67,500 (entry-level) – $79,000",
    ),
    (
        "jobicy",
        "v2_2024-12-08_industry-supporting.json",
        113570,
        (2_200, 3_400, "EUR", "month", True),
        "€2,200 – €3,400",
    ),
    ("jobicy", "v2_2024-12-08_tag-python.json", 74847, (150_000, 220_000, "USD", "year", True), "$150K – $220K"),
    ("jobicy", "v2_2024-12-08_tag-python.json", 112049, (120_000, 135_000, "USD", "year", True), "$120,000 – $135,000"),
    (
        "jobicy",
        "v2_2024-12-08_geo-usa_industry-copywriting.json",
        112019,
        (35, 40, "USD", "hour", False),
        "$35 – 40 per hour",
    ),
    ("remoteok", "api_2024-12-04.json", "1058939", (90_000, 135_000, "USD", "year", True), "90-135k"),
    ("remoteok", "api_2024-12-04.json", "1058117", (6, 6, "USD", "hour", False), "$6 - $6 an hour"),
    (
        "remoteok",
        "api_2024-12-04.json",
        "1059034",
        (148_000, 230_000, "USD", "year", True),
        "148,000 USD - 230,000 USD",
    ),
    (
        "remoteok",
        "api_2026-03-16.json",
        "1130700",
        (60_675, 101_125, "USD", "year", False),
        "$60,675- $101, 125 annually",
    ),
    (
        "remoteok",
        "api_2026-03-16.json",
        "1130707",
        (130_000, 150_000, "USD", "year", False),
        "$130,000/year - $150,000/year",
    ),
    ("remoteok", "api_2026-03-16.json", "1130761", (150_000, 200_000, "USD", "year", False), "$150-200k/year"),
    ("remoteok", "api_2026-03-16.json", "1130672", (110_000, None, "USD", "year", False), "$110,000+ per year"),
    ("remoteok", "api_2026-03-16.json", "1130685", (1_800, 2_200, "AUD", "month", False), "$1800 - $2200 AUD"),
    ("remoteok", "api_2026-03-16.json", "1130779", (350_700, 474_400, "PLN", "year", True), "PLN 350,700 - 474,400"),
    ("remoteok", "api_2026-03-16.json", "1130752", (15, 15, "USD", "hour", False), "15 USD per hour"),
    ("remotive", "remote-jobs_2026-07-18.json", 2090994, (45_000, 65_000, "USD", "year", True), "$45-$65k"),
    (
        "remotive",
        "remote-jobs_2026-07-18.json",
        2091056,
        (80_000, 100_000, "USD", "year", False),
        "USD $80,000–$100,000 annual",
    ),
    (
        "remotive",
        "remote-jobs_2026-07-18.json",
        2091039,
        (10_000, 15_000, "USD", "month", False),
        "$10,000–$15,000+ USD/month",
    ),
    ("remotive", "remote-jobs_2026-07-18.json", 1919265, (90, 150, "USD", "hour", False), "$90-$150+/hr"),
    ("remotive", "remote-jobs_2026-07-18.json", 2091068, (75, 120, "USD", "hour", False), "$75 - $120 p/hr"),
    ("remotive", "remote-jobs_2026-07-18.json", 2091069, (17.5, 17.5, "USD", "hour", False), "$17.50/hr"),
    ("remotive", "remote-jobs_2026-07-18.json", 2086540, (25_000, 45_000, "USD", "year", False), "25K-35K"),
    ("remotive", "remote-jobs_2026-07-18.json", 1185979, (50, 50, "USD", "hour", False), "$50 per hour"),
]


@pytest.mark.parametrize("source, file, job_id, expected, text", DESCRIPTIONS)
def test_pay_in_real_descriptions(source, file, job_id, expected, text):
    body = description(source, file, job_id)
    s = find_salary_in_text(body, posted_at=THURSDAY)
    assert shape(s) == expected
    assert s.text == text and s.text in body


@pytest.mark.parametrize(
    "source, file, job_id, why",
    [
        ("jobicy", "v2_2026-08-15_jobs-only.json", 150796, "$100M in annual recurring revenue"),
        ("jobicy", "v2_2026-07-10_trimmed.json", 145878, "an industry worth over $400B"),
        ("jobicy", "v2_2024-12-08_tag-python.json", 112942, "Up to 1000 EUR per year for conferences"),
        ("remotive", "remote-jobs_2026-08-05.json", 2091072, "Each sale is between $250 and $2,500"),
        ("remotive", "remote-jobs_2026-07-18.json", 2091035, "allowance of 100 USD, 35 EUR / 40 USD per visit"),
        ("remotive", "remote-jobs_2026-07-18.json", 1749306, "$0.06 per word, $30 or $17 per 500-word page"),
        ("remoteok", "api_2024-12-04.json", "1057297", "R$800/mo for food, R$5.000 referral bonus"),
        ("remoteok", "api_2024-12-04.json", "1055976", "range begins at $300/lecture"),
        ("remoteok", "api_2024-12-04.json", "1057874", "£0 - £0 a year; raised US$110M at a US$1.1B valuation"),
        ("remoteok", "api_2026-03-16.json", "1130762", "$100/month education budget"),
    ],
)
def test_money_that_is_not_pay_in_real_descriptions(source, file, job_id, why):
    assert find_salary_in_text(description(source, file, job_id), posted_at=THURSDAY) is None, why


@pytest.mark.parametrize(
    "text",
    [
        "We are a Series C company that has hit $100M in annual recurring revenue. Competitive pay.",
        "Dandy is transforming an industry worth over $400B. Salary is competitive.",
        "Our salary bands are fair and we serve 550,000 customers in 40 countries.",
        "Compensation also includes a $5k/mo budget for tools and travel.",
        "We raised a $25.9 million Series B, and pay well.",
        "Total pay to members of our network reached $120-$200M since 2020.",
        "Pay: competitive. Perks: Monthly internet reimbursement up to $75, $50 per month for a gym membership.",
        "Salary: we are open to discuss. Annual Benefits Stipend: $21,393",
    ],
)
def test_figures_that_are_not_pay(text):
    assert find_salary_in_text(text, posted_at=THURSDAY) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The annual compensation range for this role is $180,000 — $220,000 USD.",
            (180_000, 220_000, "USD", "year", False),
        ),
        ("Pay transparency\n\n$240,000—$320,000 USD\n\nBenefits", (240_000, 320_000, "USD", "year", True)),
        ("Salary range: $150,000 - $200,000", (150_000, 200_000, "USD", "year", True)),
        ("The base salary range for this position is €90.000 - €110.000.", (90_000, 110_000, "EUR", "year", True)),
        ("Our customers love us. Pay is £75 per hour.", (75, 75, "GBP", "hour", False)),
    ],
)
def test_pay_statements(text, expected):
    assert shape(find_salary_in_text(text, posted_at=THURSDAY)) == expected


def test_pay_among_company_figures():
    text = (
        "We hit $100M in annual recurring revenue and serve 550,000 customers. "
        "Salary range: $150,000 - $200,000. Perks include a $5k/mo budget."
    )
    s = find_salary_in_text(text, posted_at=THURSDAY)
    assert (s.min, s.max, s.text) == (150_000, 200_000, "$150,000 - $200,000")


def test_one_range_per_zone_gives_the_overall_min_and_max():
    text = (
        "The base salary range for this role:\nZone A: $120,000 - $150,000\n"
        "Zone B: $110,000 - $140,000\nZone C: $100,000 - $130,000\n"
        "Canada: CAD 140,000 - 170,000"
    )
    s = find_salary_in_text(text, posted_at=THURSDAY)
    assert shape(s) == (100_000, 150_000, "USD", "year", True)
    assert s.text == "$120,000 - $150,000"  # the first span
    assert (s.annual_usd_min, s.annual_usd_max) == (100_000, 150_000)


def test_description_amounts_are_annualized_in_usd():
    s = find_salary_in_text("Compensation: €5,000 per month gross.", posted_at=SATURDAY)
    assert (s.min, s.currency, s.period) == (5_000, "EUR", "month")
    assert s.fx_date == date(2026, 7, 10)
    assert s.annual_usd_min == round(5_000 * 12 * s.fx_rate)


@pytest.mark.parametrize("text", ["", "No figures here at all."])
def test_descriptions_without_figures(text):
    assert find_salary_in_text(text, posted_at=THURSDAY) is None
