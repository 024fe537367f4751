"""Figures, one of the two kinds of fact the citation check compares (assistant.answer.check.support).

Figures are numbers written in digits: money ("€110,000", "$190k", "CAD 175,000", "110 000 EUR"), percentages
("20–30%") and counts, which take the next word as their unit ("4 to 6 stages"). A range shares its currency,
scale and unit ("€110–165k" is €110,000 and €165,000). Figures compare by value after normalizing the format, so
€110k = 110,000 = 110 000; a stated currency must agree ("$" is any dollar: the dollars rule of
assistant.vocab.currencies, whose table names the currencies read), and so must a stated unit ("6 weeks"
is not "6 stages"). Numbers written as words ("four stages") are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypedDict

from assistant.vocab.currencies import (
    BARE_DOLLAR_SIGN,
    BARE_DOLLAR_WORDS,
    CODES,
    CURRENCIES,
    DOLLAR_CODES,
    SIGN_CURRENCY,
    sign_pattern,
)

_ANY_DOLLAR = "$"  # the currency of a figure in a dollar of no stated kind: it agrees with every dollar currency
# What a figure's currency is written with, in lower case, without spaces ("us$", "chf", "euros") -> its currency.
_CURRENCY_WORDS = {
    **{sign.lower(): code for sign, code in SIGN_CURRENCY.items()},
    BARE_DOLLAR_SIGN: _ANY_DOLLAR,
    **{code.lower(): code for code in CODES},
    **{word: c.code for c in CURRENCIES for word in c.words},
    **dict.fromkeys(BARE_DOLLAR_WORDS, _ANY_DOLLAR),
}
_DOLLARS = DOLLAR_CODES | {_ANY_DOLLAR}
_SIGNS = sign_pattern([*(s for c in CURRENCIES for s in c.signs), BARE_DOLLAR_SIGN])  # before a figure
_SIGNS_AFTER = sign_pattern(s for s in SIGN_CURRENCY if len(s) == 1)  # "110 000 €"; never "$": "in 2024 $90k"
_CODES = "|".join(CODES)
_WORDS = "|".join(
    f"[{w[0].upper()}{w[0]}]{w[1:]}"
    for w in sorted(  # "euros", "Dollars"
        {*BARE_DOLLAR_WORDS, *(w for c in CURRENCIES for w in c.words)}, key=len, reverse=True
    )
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_FIGURE = re.compile(
    rf"(?P<cur>(?:{_SIGNS}|\b(?:{_CODES})\b)\s?)?"
    r"(?<![\w.])(?<![^\W\d_]-)"  # not inside a name or version ("L6", "GPT-4") nor a decimal's tail
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])"
    r"|\d{1,3}(?:\.\d{3})+(?![\d,.])|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:[kK]|mm|[mM]|bn|[bB]|thousand|million|billion)\b)?"
    rf"(?P<post>\s?(?:%|percent\b|per\s?cent\b|{_SIGNS_AFTER}|(?:{_CODES}|{_WORDS})\b))?"
)
_RANGE_JOIN = re.compile(r"\s*(?:–|—|-|to|and|or)\s*")
_NEXT_WORD = re.compile(r"\s*-?\s*([A-Za-z]+)")
# Words after a number that are not what it counts ("110,000 per year", "4 to 6").
_NOT_UNITS = frozenset(
    "a an and are as at be base but by each for from in is of on or per than the to was were with".split()
)


@dataclass(frozen=True)
class Figure:
    value: float
    currency: str | None  # "EUR", "GBP", "USD", "CAD", ... or _ANY_DOLLAR for a dollar of unknown kind
    percent: bool
    unit: str | None  # what a count counts ("stage", "week"), singular
    text: str  # as written, for reasons

    def fits(self, other: Figure) -> bool:
        """Whether `other`, a figure of a source, states this figure of an answer."""
        if abs(self.value - other.value) > 1e-9 * max(1.0, abs(self.value)) or self.percent != other.percent:
            return False
        a, b = self.currency, other.currency
        if a and b and a != b and not (_ANY_DOLLAR in (a, b) and {a, b} <= _DOLLARS):
            return False
        return self.unit is None or other.unit is None or self.unit == other.unit


class _Found(TypedDict):
    """A figure as read, before the two ends of a range share what only one of them states."""

    value: float
    currency: str | None
    percent: bool
    unit: str | None
    scale: float
    text: str
    start: int
    end: int


def _figure(m: re.Match[str], text: str) -> _Found:
    cur, post = "".join((m["cur"] or "").split()).lower(), (m["post"] or "").strip().lower()  # "US $" is "us$"
    scale = _SCALES.get((m["scale"] or "").strip().lower(), 1.0)
    currency = _CURRENCY_WORDS.get(cur) or _CURRENCY_WORDS.get(post)
    percent = post in ("%", "percent") or post.startswith("per")
    unit, label = None, m.group().strip()
    word = None if currency or percent else _NEXT_WORD.match(text, m.end())
    if word and word[1].lower() not in _NOT_UNITS:
        unit, label = _singular(word[1].lower()), f"{label} {word[1]}"
    return {
        "value": _number(m["num"], bool(currency), scale > 1) * scale,
        "currency": currency,
        "percent": percent,
        "unit": unit,
        "scale": scale,
        "text": label,
        "start": m.start(),
        "end": m.end(),
    }


def _number(num: str, money: bool, scaled: bool) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num) and (num.count(".") > 1 or (money and not scaled)):
        num = num.replace(".", "")  # "€110.000": dots group thousands when money is meant, else "1.5" is a decimal
    return float(re.sub(r"[,\s]", "", num))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def figures(text: str) -> list[Figure]:
    """The figures of a text; the two ends of a range share what only one of them states."""
    found = [_figure(m, text) for m in _FIGURE.finditer(text)]
    for a, b in zip(found, found[1:]):
        if _RANGE_JOIN.fullmatch(text[a["end"] : b["start"]]):
            _share(a, b)
    return [Figure(f["value"], f["currency"], f["percent"], f["unit"], f["text"]) for f in found]


def _share(a: _Found, b: _Found) -> None:
    a["currency"] = a["currency"] or b["currency"]
    b["currency"] = b["currency"] or a["currency"]
    a["percent"] = a["percent"] or b["percent"]
    if a["currency"] or a["percent"]:
        a["unit"] = b["unit"] = None  # money and shares have no count unit
    elif a["unit"] is None:
        a["unit"] = b["unit"]  # "4 to 6 stages"
    if b["scale"] > 1 and a["scale"] == 1 and a["value"] < 1000:
        a["value"] *= b["scale"]  # "110–165k" is 110k to 165k
