"""Salary amounts in a question, read as a floor or a ceiling, and asks for listings that disclose a salary."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from assistant.vocab.currencies import BARE_DOLLAR_SIGN, BARE_DOLLAR_WORDS, CURRENCIES, DEFAULT_CURRENCY, SIGN_CURRENCY
from assistant.vocab.listing import Salary
from assistant.vocab.money import parse_salary_text

from .cues import _Hit, _hits
from .text import _SYMBOL, _Text

# The words a question names a currency with ("chf", "euros", "quid"); a bare "dollars" is the default dollar.
_CURRENCY_WORDS = {
    **{c.code.lower(): c.code for c in CURRENCIES if c.lower_code},
    **{word: c.code for c in CURRENCIES for word in c.words},
    **dict.fromkeys(BARE_DOLLAR_WORDS, DEFAULT_CURRENCY),
}
_CURRENCY_WORD = "|".join(_CURRENCY_WORDS)
_CURRENCY_TOKEN = re.compile(rf"(?<!\S)(?:{_CURRENCY_WORD})(?!\S)")  # a currency word as a whole token
# The signs a question's tokens keep (assistant.query.text): one character each, "$" the default dollar.
_SYMBOL_CURRENCY = {BARE_DOLLAR_SIGN: DEFAULT_CURRENCY, **{s: code for s, code in SIGN_CURRENCY.items() if len(s) == 1}}
_PERIOD_WORDS = r"(?:(?:per|a|an) )?(?:hour|year|annum|month|week|day)|hourly|yearly|annually|monthly"
# Money tokens stay whole ("€100k", "150k+", "100-150k", "$1m"), so an amount is one token, with a currency
# word before or after it and a period after.
_AMOUNT = re.compile(
    rf"(?<!\S)(?:(?:{_CURRENCY_WORD}) )?(?P<num>(?:[a-z]{{1,2}})?{_SYMBOL}?\d[^ ]*)"
    rf"(?: (?:{_CURRENCY_WORD})(?= |$))?(?: (?:{_PERIOD_WORDS})(?= |$))?"
)
_MONEY_MARK = re.compile(rf"{_SYMBOL}|\d ?k\b|(?<!\S)(?:{_CURRENCY_WORD})(?!\S)")
_MIN_BARE_DIGITS = 5  # a bare figure is pay from 10000 up: "2026" and "500" are not
_NOT_MONEY_AFTER = re.compile(
    r"^ (?:years?|days?|weeks?|months?|hours?|people|employees|users|percent|stages?"
    r"|match\w*|plans?|contributions?|accounts?)\b"
)
# Retirement plans named by their tax-code section ("401k", "403b"): a benefit, not an amount.
_RETIREMENT_PLAN = re.compile(r"^(?:401|403|457) ?\(?[kb]\)?$")
_CEILING_BEFORE = re.compile(r"(?:under|below|less than|up to|at most|max(?:imum)?(?: of)?|no more than|<=?|≤) $")
_FLOOR_AFTER = re.compile(r"^ ?(?:or (?:more|higher|above)|and (?:up|above|more)|plus)\b")
# Words quoted with the amount, so the explanation shows "over €100k" rather than "€100k".
_CUE_BEFORE = re.compile(
    r"(?:over|above|more than|greater than|higher than|at least|min(?:imum)?(?: of)?|starting (?:at|from)|from"
    r"|north of|upwards of|no less than|not less than|>=?|≥|between|paying|pays?|that pay|earning|offering"
    r"|under|below|less than|up to|at most|max(?:imum)?(?: of)?|no more than|<=?|≤) $"
)


def _is_money(m: re.Match[str], text: _Text) -> bool:
    if _NOT_MONEY_AFTER.match(text.norm[m.end() :]) or _RETIREMENT_PLAN.match(m["num"]):
        return False
    if _MONEY_MARK.search(m.group()):
        return True
    return len(re.sub(r"\D", "", m["num"].split(".")[0])) >= _MIN_BARE_DIGITS


def _floor_bound(text: _Text, floor: _Hit[Salary] | None) -> bool:
    """Whether the floor is said as a bound ("over $200k", "at least 150k", "150k+"), not a bare figure."""
    if floor is None:
        return False
    before = text.norm[max(0, floor.start - 20) : floor.start]
    return bool(
        _CUE_BEFORE.search(before)
        or _FLOOR_AFTER.match(text.norm[floor.end :])
        or text.norm[floor.start : floor.end].endswith("+")
    )


def _salary_bounds(text: _Text, today: date) -> tuple[_Hit[Salary] | None, _Hit[Salary] | None]:
    """The first floor and the first ceiling the question names. An amount with no "under"/"up to" before it
    is a floor: someone asking for "ML jobs 150k" wants at least that much."""
    floor = ceiling = None
    for m in _AMOUNT.finditer(text.norm):
        salary = _parse_amount(text, m, today) if _is_money(m, text) else None
        if salary is None:
            continue
        before = text.norm[max(0, m.start() - 20) : m.start()]
        hit = _Hit(salary, _amount_quote(text, m, before), m.start(), m.end())
        if _CEILING_BEFORE.search(before) and not _FLOOR_AFTER.match(text.norm[m.end() :]):
            ceiling = ceiling or hit
        else:
            floor = floor or hit
    return floor, ceiling


def _amount_quote(text: _Text, m: re.Match[str], before: str) -> str:
    cue = _CUE_BEFORE.search(before)
    start = m.start() - (len(before) - cue.start()) if cue else m.start()
    after = _FLOOR_AFTER.match(text.norm[m.end() :])
    return text.quote(start, m.end() + (after.end() if after else 0))


def _parse_amount(text: _Text, m: re.Match[str], today: date) -> Salary | None:
    """assistant.vocab.money reads the user's own words; a currency written as a word is the default currency,
    and with none at all the amount is in US dollars (never guessed from a place in the question)."""
    written = text.quote(m.start(), m.end())
    word = _CURRENCY_TOKEN.search(m.group())
    trailing = re.search(rf"\d({_SYMBOL})$", m["num"])  # "90.000 €": assistant.vocab.money reads symbols only in front
    if word:
        default = _CURRENCY_WORDS[word.group()]
    else:
        default = _SYMBOL_CURRENCY[trailing[1]] if trailing else DEFAULT_CURRENCY
    salary = parse_salary_text(written, posted_at=datetime.combine(today, time()), default_currency=default)
    return salary if salary is not None and salary.annual_usd_min is not None else None


def currencies_named(text: _Text) -> list[str]:
    """The currencies the question names apart from an amount ("and in pounds?", "what is that in CAD?"): the
    currency its pay is wanted in. A currency said with an amount ("140k euros") is that amount's."""
    amounts = [(m.start(), m.end()) for m in _AMOUNT.finditer(text.norm) if _is_money(m, text)]
    named = (
        _CURRENCY_WORDS[m.group()]
        for m in _CURRENCY_TOKEN.finditer(text.norm)
        if not any(s <= m.start() and m.end() <= e for s, e in amounts)
    )
    return list(dict.fromkeys(named))


# --- salary disclosed ----------------------------------------------------------------------------------

# The one list of the words a question names pay with, as nouns and verbs: intent reads "what does Reddit
# pay?" as pay, companies reads a name before them as an employer, and the disclosed filter builds on them.
_PAY_TERM = r"(?:salar(?:y|ies)|pay(?:s|ing)?|compensation|comp|wages?|stipends?|remuneration|earn\w*)"
_PAY_WORD = rf"(?:a |the |their |its |)(?:salary ranges?|pay ranges?|salary info\w*|{_PAY_TERM})"
_DISCLOSED = re.compile(
    rf"\b(?:that|which|who|where they|where the|and|to|(?:which|any|all|none) of (?:these|those|them))"
    rf" (?:actually |publicly |openly )?"
    rf"(?:disclose|state|show|list|mention|include|publish|post|display|give|share)s? {_PAY_WORD}\b"
    rf"|\b(?:with|having|has|have|incl\w*) (?:a |an |the )?(?:disclosed |listed |stated |posted |published |visible )?"
    rf"(?:salary|salaries|salary ranges?|pay ranges?|pay transparency|transparent (?:pay|salar\w+)|salary info\w*)\b"
    rf"(?! (?:over|above|of|at least|more|from|>|≥|\$|€|£|\d))(?: (?:disclosed|listed|stated|shown|included|posted))?"
    rf"|\b(?:salary|salaries|pay) (?:is |are )?(?:disclosed|listed|stated|shown|included|published|posted|visible)\b"
    rf"|\b(?:pay|salary) transparen\w+\b|\btransparent (?:pay|salar\w+)\b|\bdisclosed (?:salary|salaries|pay)\b"
)


def _disclosed(text: _Text) -> _Hit[bool] | None:
    found = _hits(text, _DISCLOSED, lambda m: True)
    return found[0] if found else None
