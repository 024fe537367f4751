"""Approximation of the scorer's text folding, used by validate.py.

lower-case; fold white space; fold dash variants to '-'; "percent"/"per cent" -> '%';
small number words -> digits; "110k" / "110,000" / "110 000" -> 110000.
"""
import re

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def fold(s: str) -> str:
    s = s.lower()
    for d in _DASHES:
        s = s.replace(d, "-")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\bper ?cent\b", "%", s)
    s = re.sub(r"(\d) %", r"\1%", s)
    s = re.sub(r"\b(" + "|".join(_WORDS) + r")\b", lambda m: str(_WORDS[m.group(1)]), s)
    # thousands separators: 110,000 / 110 000 / 110.000 -> 110000
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"(\d)[, ](\d{3})(?!\d)", r"\1\2", s)
    # 110k -> 110000, 1.5m -> 1500000
    s = re.sub(r"(\d+(?:\.\d+)?)k\b", lambda m: str(int(round(float(m.group(1)) * 1000))), s)
    s = re.sub(r"(\d+(?:\.\d+)?)m\b", lambda m: str(int(round(float(m.group(1)) * 1000000))), s)
    return s.strip()


if __name__ == "__main__":
    for t in ["€110k", "110,000", "110 000", "eight weeks", "20 percent", "four to six stages", "20–30%"]:
        print(repr(t), "->", repr(fold(t)))
