"""Signals: what separates credible ML listings, each with the words that show it."""

from __future__ import annotations

import re

from assistant.vocab.listing import Signal

from .evidence import signal, span
from .lexicon import NUMBER, Lexicon
from .platforms import platform_signals
from .red_flags import framework_wishlist, labelling_duty

_I = re.IGNORECASE

_INFERENCE = Lexicon(
    (
        (
            "latency",
            "low real online high large production",
            r"(?:low[- ]latency|real[- ]time|online|high[- ]throughput|large[- ]scale|production)\s+"
            r"(?:ML\s+|model\s+)?(?:inference|serving|predictions?|model serving)\b",
        ),
        (
            "scale",
            "hundreds tens millions billions trillions thousands",
            r"(?:(?:hundreds|tens) of )?(?:millions|billions|trillions|thousands)\s+of\s+"
            r"(?:(?:daily|real-time|online)\s+)?(?:requests|predictions|inferences|queries|api calls|"
            r"recommendations|ad requests|events)\b(?:\s+(?:per|a|each)\s+(?:second|day|minute)\b)?",
        ),
        (
            "qps",
            NUMBER,
            r"\d[\d,.]*\s*[kmb]?\+?\s*(?:QPS|RPS|requests per second|queries per second|predictions per "
            r"(?:second|day))\b",
        ),
        ("qps", "qps", r"(?-i:QPS)\b"),
        (
            "serving",
            "serve serves serving model inference",
            r"serv(?:e|es|ing)\s+(?:ML\s+|machine learning\s+|deep learning\s+)?models?\s+(?:in|to|at)\s+"
            r"(?:production|scale)\b|model serving\b|inference (?:at scale|infrastructure|platform|service|"
            r"servers?|latency|throughput|optimization)\b",
        ),
    ),
    _I,
)
_AB_TESTING = Lexicon(
    (
        (
            "A/B testing",
            "a split",
            # A bare "A/B" (an A/B switch, A/B sides) counts only with tests or experiments close by.
            r"A\s?/\s?B(?:[- ]?(?:test(?:s|ing)?|experiment(?:s|ation)?)\b|(?![\w/])(?=[^.\n]{0,30}?"
            r"\b(?:test|experiment)))|split[- ]test(?:s|ing)?\b",
        ),
        (
            "online experiments",
            "online controlled multi",
            r"online\s+(?:experiment(?:s|ation)?|evaluations?|controlled experiments)\b"
            r"|controlled experiments\b|multi-armed bandits?\b",
        ),
        (
            "experimentation platform",
            "experimentation",
            r"experimentation\s+(?:platform|framework|infrastructure|systems?|tooling)\b",
        ),
    ),
    _I,
)
_YEARS = r"(?:years?|yrs?)\b"
_SENIORITY_TEXT = Lexicon(
    (
        ("mentorship", "mentor mentors mentored mentoring mentorship", r"mentor(?:s|ed|ing|ship)?\b"),
        (
            "leads design",
            "lead leads leading",
            r"lead(?:s|ing)?\s+(?:the\s+)?(?:technical\s+|system\s+|architecture\s+)?design\b",
        ),
        (
            "technical leadership",
            "technical as be become",
            r"technical\s+leadership\b|(?:as|be|become)\s+(?:a|the)\s+(?:[\w-]+\s+)?tech(?:nical)?\s+lead\b",
        ),
        (
            "end-to-end ownership",
            "own owns owning end",
            r"own(?:s|ing)?\b[^.\n]{0,60}?\bend[- ]to[- ]end\b|end[- ]to[- ]end\s+ownership\b",
        ),
        ("years", NUMBER, rf"(?P<n>\d{{1,2}})\s*(?:\+|plus|or more)\s*{_YEARS}"),
        ("years", "at minimum min", rf"(?:at least|minimum(?: of)?|min\.?)\s*(?P<n>\d{{1,2}})\s*{_YEARS}"),
        ("years", NUMBER, rf"(?P<lo>\d{{1,2}})\s*(?:-|–|to)\s*(?P<hi>\d{{1,2}})\s*\+?\s*{_YEARS}"),
    ),
    _I,
)
# Years only count as a requirement when experience is named or an activity follows: "25+ years in
# Finance" in a founder's bio is not one.
_EXPERIENCE_AFTER = re.compile(
    r"[^\n]{0,100}?\b(?:experience|exp|background|track record|roles?|positions?)\b"
    r"|['’]?\s+(?:of\s+)?(?:[\w-]+\s+)?\w+ing\b",
    _I,
)
_WHITESPACE = re.compile(r"\s+")


def _inference_signals(description: str) -> list[Signal]:
    found: dict[str, Signal] = {}
    for _, m in _INFERENCE.finditer(description):
        label = _WHITESPACE.sub(" ", m.group()).lower()
        if label not in found:
            found[label] = signal("inference_scale", label, span(description, m.start(), m.end()))
    return list(found.values())


def _ab_signals(description: str) -> list[Signal]:
    found: dict[str, Signal] = {}
    for label, m in _AB_TESTING.finditer(description):
        if label not in found:
            found[label] = signal("ab_testing", label, span(description, m.start(), m.end()))
    return list(found.values())


def _years(m: re.Match[str]) -> tuple[int, str] | None:
    """(minimum years, label) for a stated experience requirement."""
    if not _EXPERIENCE_AFTER.match(m.string, m.end()):
        return None
    groups = m.groupdict()
    if groups.get("lo"):
        lo, hi = int(groups["lo"]), int(groups["hi"])
        return (lo, f"{lo}-{hi} years") if 0 < lo < hi <= 30 else None
    n = int(groups["n"])
    return (n, f"{n}+ years") if 0 < n <= 30 else None


def _seniority_signals(description: str) -> list[Signal]:
    """Ownership and leadership phrases, and the highest experience requirement (the job's bar; smaller
    numbers usually belong to a single tool)."""
    found: dict[str, Signal] = {}
    best: tuple[int, Signal] | None = None
    for label, m in _SENIORITY_TEXT.finditer(description):
        if label == "years":
            years = _years(m)
            if years and (best is None or years[0] > best[0]):
                best = (years[0], signal("seniority", years[1], span(description, m.start(), m.end())))
        elif label not in found:
            found[label] = signal("seniority", label, span(description, m.start(), m.end()))
    return list(found.values()) + ([best[1]] if best else [])


def signals(title: str, description: str, tags: list[str]) -> list[Signal]:
    """What the role guide says separates credible ML listings, each with the words that show it:
    named ML platforms (one per platform), production inference scale, A/B testing, seniority
    expectations, and red flags (a framework wishlist: WISHLIST_MIN or more distinct ML frameworks; data
    labelling in the title or the first duties). "No ML system design" cannot be seen in a listing, so it
    is not reported."""
    out = platform_signals(title, description, tags)
    if description:
        out += _inference_signals(description) + _ab_signals(description) + _seniority_signals(description)
        wishlist = framework_wishlist(description)
        out += [wishlist] if wishlist else []
    labelling = labelling_duty(title, description)
    return out + ([labelling] if labelling else [])
