"""Pay, read from the boards' structured fields, their salary strings and job descriptions, annualized in USD.

The currencies, their signs and words are assistant.vocab.currencies' one table."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import cast

from currency_converter import CurrencyConverter, RateNotFoundError
from price_parser import Price

from assistant.vocab.currencies import CODES, CURRENCIES, DEFAULT_CURRENCY, SIGN_CURRENCY, sign_pattern
from assistant.vocab.listing import Period, Salary

__all__ = ["salary_from_fields", "parse_salary_text", "find_salary_in_text", "annualize", "from_usd"]

_PER_YEAR: dict[str, int] = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}

_PERIOD_NAMES: dict[str, Period] = {
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "annum": "year",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
}

# ---------------------------------------------------------------- the grammar of an amount

_CODE = rf"(?<![A-Za-z])(?:{'|'.join(CODES)})(?![A-Za-z])"
# "$", "C$", "US $", "$$$"; then the one-character signs.
_DOLLAR_PREFIXES = [sign[:-1] for c in CURRENCIES for sign in c.signs if sign.endswith("$")]  # "US ", "CA", "C", ...
_SYMBOL = (
    rf"(?:(?<![A-Za-z])(?:{sign_pattern(_DOLLAR_PREFIXES)}))?\${{1,3}}"
    rf"|{sign_pattern(s for s in SIGN_CURRENCY if len(s) == 1)}"
)
# Thousands grouped by "," (also ", " as typed in one Remote OK listing), "." (European) or "'" (Swiss).
# At most 12 digits, and never starting inside a longer run of digits: a 20,000-digit figure is no pay, and
# handing it to price-parser took 7 s.
_NUMBER = (
    r"(?<!\d)(?:\d{1,3}(?:(?:,\s?|[.'’])\d{3}(?!\d)){1,4}(?:[.,]\d{1,2}(?!\d))?"
    r"|\d{1,12}(?!\d)(?:[.,]\d{1,2}(?!\d))?)"
)
# No wage in any currency for any period reaches this; a larger figure (or 1e400, infinity) is junk.
MAX_AMOUNT = 1e12


def _amount(side: str) -> str:
    return rf"""
        (?:(?P<{side}pre>{_CODE}\s?(?:{_SYMBOL})?|{_SYMBOL})\s?)?
        (?P<{side}num>{_NUMBER})
        (?P<{side}k>\s?[kK](?![A-Za-z]))?
        (?P<{side}big>\s?-?(?i:mm|[mb]n?|million|billion|trillion)(?![A-Za-z]))?
        (?P<{side}plus>\+)?
        (?:\s?(?P<{side}post>{_CODE}))?"""


_SIDE_UNIT = r"(?:\s?/\s?(?:hour|hr|h|year|yr|month|mo|week|wk|day)\b)?"  # "$40/hr – $55/hr"
_ASIDE = r"(?:\s?\([^()\n]{1,30}\))?"  # "$67,500 (entry-level) – $79,000 (highly experienced)"
_SEP = r"\s*(?:-|–|—|~|\bto\b|\band\b)\s*"
_MONEY = re.compile(rf"{_amount('a')}(?:{_SIDE_UNIT}{_ASIDE}{_SEP}{_amount('b')})?", re.X)

_PER = r"(?:/\s*|\b(?:per|an?)\s+|\bp/\s*)"
_PERIOD = re.compile(
    rf"""(?P<hour>{_PER}(?:hour|hr|h)\b|\bhourly\b)
        |(?P<day>{_PER}day\b|\bdaily\b|\bday\s+rate\b)
        |(?P<week>{_PER}(?:week|wk)\b|\bweekly\b)
        |(?P<month>{_PER}(?:month|mo|mth)\b|\bmonthly\b)
        |(?P<year>{_PER}(?:year|yr|annum)\b|\bp\.\s?a\.|\bannual(?:ly|ized)?\b|\byearly\b)""",
    re.I | re.X,
)
_PERIOD_ADJECTIVE = re.compile(r"\b(hourly|daily|weekly|monthly|annual|yearly)", re.I)
_UP_TO = re.compile(r"\b(?:up\s+to|max(?:imum)?|under|below)\s*:?\s*$", re.I)
_FROM = re.compile(r"\b(?:from|starting\s+(?:at|from)|min(?:imum)?|at\s+least|begins?\s+at|floor)\s*:?\s*$", re.I)


@dataclass
class _Money:
    low: float
    high: float | None  # None: one figure, not a range
    currency: str
    bare: bool  # no currency symbol or code was written at all
    coded: bool  # an ISO code was written after the figures ("$240,000—$320,000 USD")
    k_suffix: bool
    plus: bool


def _read_money(m: re.Match[str], default_currency: str) -> _Money | None:
    """Amounts and currency of a match of _MONEY; price-parser reads each side."""
    if m["abig"] or m["bbig"]:  # millions and billions are revenue, funding or valuations, never a wage
        return None
    low, low_currency = _side(m, "a")
    high, high_currency = _side(m, "b") if m["bnum"] else (None, None)
    if m["bk"] and not m["ak"] and high is not None and low * 1000 <= high:
        low *= 1000  # "USD 100-120k", "$45-$65k": the k written once covers both ends
    if high is not None and high < low:
        low, high = high, low
    return _Money(
        low=low,
        high=high,
        currency=low_currency or high_currency or default_currency,
        bare=not any(m[g] for g in ("apre", "apost", "bpre", "bpost")),
        coded=bool(m["bpost"] if m["bnum"] else m["apost"]),
        k_suffix=bool(m["ak"] or m["bk"]),
        plus=bool(m["bplus"] if m["bnum"] else m["aplus"]),
    )


def _side(m: re.Match[str], side: str) -> tuple[float, str | None]:
    written = " ".join(filter(None, (m[f"{side}pre"], m[f"{side}num"], m[f"{side}post"])))
    price = Price.fromstring(written)
    amount = float(price.amount or 0) * (1000 if m[f"{side}k"] else 1)
    return amount, _currency_code(price.currency)


def _currency_code(seen: str | None) -> str | None:
    if not seen or seen.strip("$") == "":
        return None  # a bare "$" means the caller's default currency
    return SIGN_CURRENCY.get(seen, seen.upper())


def _infer_period(low: float | None, high: float | None) -> Period:
    """Judge the period from the size of the amounts: Remote OK's 30/30 is $30 an hour."""
    amount = high if high is not None else low
    if amount is None:  # every caller has at least one end (comparing None raised this TypeError before)
        raise TypeError("no amount to judge a period from")
    if amount < 300:
        return "hour"
    if amount < 20_000:
        return "month"
    return "year"


def _bounds(money: _Money, before: str) -> tuple[float | None, float | None]:
    """A lone figure is both ends, unless "up to", "from" or a trailing "+" leaves one end open."""
    if money.high is not None:
        return money.low, money.high
    if money.plus or _FROM.search(before):
        return money.low, None
    if _UP_TO.search(before):
        return None, money.low
    return money.low, money.low


# ---------------------------------------------------------------- public API


def salary_from_fields(
    min_value: object,
    max_value: object,
    currency: str | None = None,
    period: str | None = None,
    *,
    posted_at: datetime | None,
) -> Salary | None:
    """Salary from a board's structured fields; 0, "" and None all mean "not given"."""
    low, high = _field_amount(min_value), _field_amount(max_value)
    if low is None and high is None:
        return None
    if low is not None and high is not None and high < low:
        low, high = high, low
    stated = _PERIOD_NAMES.get(str(period or "").strip().lower())
    salary = Salary(
        min=low,
        max=high,
        currency=_currency_code(str(currency or "").strip()) or DEFAULT_CURRENCY,
        period=stated or _infer_period(low, high),
        period_inferred=stated is None,
        origin="field",
    )
    return annualize(salary, posted_at=posted_at)


def _field_amount(value: object) -> float | None:
    text = str(value)[:40].replace(",", "").strip() if value not in (None, "") else "0"
    try:
        amount = float(text)
    except (ValueError, OverflowError):
        return None
    return amount if amount > 0 and _sane(amount) else None


def _sane(amount: float) -> bool:
    return math.isfinite(amount) and abs(amount) <= MAX_AMOUNT


def parse_salary_text(
    text: str, *, posted_at: datetime | None, default_currency: str = DEFAULT_CURRENCY
) -> Salary | None:
    """Salary from a short free-text salary field such as Remotive's "$80k - $100k" or "$18 - $22/hr"."""
    for m in _MONEY.finditer(text or ""):
        money = _read_money(m, default_currency)
        if money is None or money.low <= 0 or not _sane(money.high or money.low):
            continue
        low, high = _bounds(money, text[: m.start()])
        stated = _PERIOD.search(text)
        salary = Salary(
            min=low,
            max=high,
            currency=money.currency,
            period=_period_of(stated) if stated else _infer_period(low, high),
            period_inferred=stated is None,
            text=text,
            origin="text",
        )
        return annualize(salary, posted_at=posted_at)
    return None


def _period_of(m: re.Match[str]) -> Period:
    # the pattern's groups are named after the periods
    return cast(Period, next(name for name, value in m.groupdict().items() if value))


def annualize(salary: Salary, *, posted_at: datetime | None) -> Salary:
    """A copy with annual USD figures, at the ECB rate of the posted date (today when unknown)."""
    fx = _usd_rate(salary.currency, _day(posted_at))
    if fx is None:
        return salary.model_copy(
            update={"annual_usd_min": None, "annual_usd_max": None, "fx_rate": None, "fx_date": None}
        )
    rate, fx_date = fx
    factor = _PER_YEAR[salary.period]

    def usd(value: float | None) -> float | None:
        return None if value is None or not _sane(value * factor * rate) else float(round(value * factor * rate))

    return salary.model_copy(
        update={
            "annual_usd_min": usd(salary.min),
            "annual_usd_max": usd(salary.max),
            "fx_rate": rate,
            "fx_date": fx_date,
        }
    )


def from_usd(amount: float, currency: str, day: date | None = None) -> tuple[float, date | None] | None:
    """US dollars in another currency at the ECB rate of the day (today when unknown), with the rate's date."""
    fx = _usd_rate(currency, _day(day))
    return None if fx is None else (amount / fx[0], fx[1])


def _day(posted_at: datetime | date | None) -> date:
    if posted_at is None:
        return date.today()
    return posted_at.date() if isinstance(posted_at, datetime) else posted_at


@cache
def _converter() -> CurrencyConverter:
    """Loading the bundled ECB history takes a while, so it is done once."""
    return CurrencyConverter()


def _usd_rate(currency: str, day: date) -> tuple[float, date | None] | None:
    """USD per unit of currency on the nearest ECB reference date on or before the day."""
    if currency == "USD":
        return 1.0, None
    converter = _converter()
    if currency not in converter.currencies:
        return None
    day = min(day, converter.bounds[currency].last_date, converter.bounds["USD"].last_date)
    for _ in range(15):  # the ECB publishes no rate on weekends and TARGET holidays; gaps are a few days
        try:
            return float(converter.convert(1, currency, "USD", date=day)), day
        except RateNotFoundError:
            day -= timedelta(days=1)
    return None


# ---------------------------------------------------------------- pay stated inside a description

_CONTEXT = 120  # how far back, at most, the words that say what a figure is are looked for
_PAY_WORDS = re.compile(
    r"\b(?:salar(?:y|ies|ied)|compensation|pay|wages?|base|ote|on[\s-]target[\s-]earnings|earnings?|earn"
    r"|rates?|range|stipend|remuneration)\b",
    re.I,
)
_NOT_PAY_WORDS = re.compile(
    r"\b(?:revenue|arr|funding|funded|raised?|raising|valuation|valued|invest\w*|budgets?|allowances?"
    r"|reimburse\w*|customers?|clients?|users|bookings|assets|donations|worth|industry|market|spend|insurance"
    r"|commissions?|variable|referr\w*|rewards?|bonus(?:es)?\s*(?:of|at|:)"
    r"|(?:benefits?|wfh|training|learning|education|home\s+office|wellness|equipment|internet|phone|meal)\s+stipend)\b",
    re.I,
)
# What a figure buys when it is named right after it: "$5k/mo budget", "$20 per 100 words", "$1,600 WFH stipend".
_NOT_PAY_AFTER = re.compile(
    r"^[\s/(~]*(?:bonus\b|(?:\w+\s*){0,3}?(?:budget|allowance|stipend|reimbursement|funding|revenue|valuation)\b"
    r"|(?:per\s+)?(?:\d+[-\s]?)?(?:words?|articles?|pages?|lectures?|tasks?|clients?|visits?|sales?|employees?)\b"
    r"|in\s+(?:\w+\s+){0,2}(?:revenue|funding|bookings|sales|assets|donations|payouts|investment))",
    re.I,
)
# Context stops at a sentence end, not at a paragraph end: headings like "Salary Range:" stand alone above the figures.
_BREAK = re.compile(r"(?<=[.!?])\s+")


@dataclass
class _Found:
    salary: Salary
    end: int  # where the figure's text ends, for lists of zones


def find_salary_in_text(description: str, *, posted_at: datetime | None) -> Salary | None:
    """The pay range a description states, if any: the overall min and max of every range in the first
    range's currency and period (one range per US zone is common)."""
    found: list[_Found] = []
    for m in _MONEY.finditer(description or ""):
        hit = _pay_at(description, m, found[-1].end if found else None, posted_at)
        if hit is not None:
            found.append(hit)
    if not found:
        return None
    first = found[0].salary
    kept = [f for f in found if (f.salary.currency, f.salary.period) == (first.currency, first.period)]
    lows = [f.salary.min for f in kept if f.salary.min is not None]
    highs = [f.salary.max for f in kept if f.salary.max is not None]
    merged = first.model_copy(update={"min": min(lows, default=None), "max": max(highs, default=None)})
    return annualize(merged, posted_at=posted_at)


def _pay_at(text: str, m: re.Match[str], last_pay_end: int | None, posted_at: datetime | None) -> _Found | None:
    """The figure at m, when its context shows it is pay."""
    money = _read_money(m, DEFAULT_CURRENCY)
    if money is None or money.low <= 0 or not _sane(money.high or money.low):
        return None
    if money.bare and not (money.high is not None and money.k_suffix):
        return None  # bare numbers are counts ("550,000 customers"); only a "90-135k" range passes without a currency
    before = _context_before(text, m.start())
    after = _context_after(text, m.end())
    said = _said_about(before) or (1 if _PAY_WORDS.match(after.lstrip(" +")) else 0)  # "$220,000+ salary"
    # Zone and tier lists name the pay once, then give figure after figure.
    chained = last_pay_end is not None and last_pay_end >= m.start() - len(before)
    stated_after = _PERIOD.search(after)
    period = _period_of(stated_after) if stated_after else _adjective_period(before)
    evident = (money.high is not None and money.coded) or (stated_after is not None and period in ("hour", "year"))
    if said < 0 or _NOT_PAY_AFTER.match(after) or not (said > 0 or chained or evident):
        return None
    low, high = _bounds(money, before)
    if period is None and money.high is None and _infer_period(low, high) != "year":
        return None  # a lone small figure with no period is a perk or a price, not a salary
    end = m.end() + (stated_after.end() if stated_after and not after[: stated_after.start()].strip() else 0)
    salary = annualize(
        Salary(
            min=low,
            max=high,
            currency=money.currency,
            period=period or _infer_period(low, high),
            period_inferred=period is None,
            text=text[m.start() : end],
            origin="description",
        ),
        posted_at=posted_at,
    )
    return _Found(salary, end) if _plausible(salary) else None


def _context_before(text: str, start: int) -> str:
    return _BREAK.split(text[max(0, start - _CONTEXT) : start])[-1]


def _context_after(text: str, end: int) -> str:
    return re.split(r"\n\s*\n", _BREAK.split(text[end : end + 40])[0])[0]


def _said_about(before: str) -> int:
    """+1 when the nearest telling word before a figure is about pay, -1 when it is about something else."""
    pay = max((w.end() for w in _PAY_WORDS.finditer(before)), default=-1)
    not_pay = max((w.end() for w in _NOT_PAY_WORDS.finditer(before)), default=-1)
    if pay == not_pay == -1:
        return 0
    return 1 if pay > not_pay else -1  # on a tie ("benefits stipend") the narrower, non-pay reading wins


def _adjective_period(before: str) -> Period | None:
    words = _PERIOD_ADJECTIVE.findall(before)
    return _PERIOD_NAMES[words[-1].lower()] if words else None


def _plausible(salary: Salary) -> bool:
    """Annual pay between $5k and $5M: smaller figures are perks, larger ones company money."""
    annual = [salary.annual_usd_min, salary.annual_usd_max]
    if salary.fx_rate is None:
        annual = [v * _PER_YEAR[salary.period] if v is not None else None for v in (salary.min, salary.max)]
    return all(5_000 <= v <= 5_000_000 for v in annual if v is not None)
