"""Work mode: remote, hybrid or on-site, and how clearly the listing says so."""

from __future__ import annotations

import re

from assistant.vocab.listing import Clarity, WorkMode

from .evidence import sentence, span
from .lexicon import NUMBER, Lexicon

_I = re.IGNORECASE

_DAYS = r"(?:[1-5]|one|two|three|four|five)(?:\s*(?:-|–|to|or)\s*(?:[1-5]|two|three|four|five))?"
_DAY_WORDS = f"{NUMBER} one two three four five"
_NOT_REMOTE_WORK = (
    r"(?![- ](?:sensing|sensors?|control(?:led|s)?|access|desktop|monitoring|patients?|servers?|teams?|"
    r"workers|employees|colleagues|devices?|vehicles?|operations?|assistance|sites?|areas?|locations?|"
    r"communities|villages|learning|islands?|diagnostics|repositor(?:y|ies)|branch(?:es)?)\b)"
)
_NOT_HYBRID_WORK = (
    r"(?![- ](?:cloud|search|apps?|mobile|models?|vehicles?|cars?|engines?|approach(?:es)?|architectures?|"
    r"systems?|solutions?|infrastructure|retrieval|methods?|techniques?|integration|networks?|"
    r"environments? of)\b)"
)
_NOT_IN_PERSON_WORK = (
    r"(?![- ](?:events?|collaboration|meet\w*|gatherings?|off-?sites?|retreats?|interviews?|time|locations?|"
    r"connections?|training|onboarding|visits?|days?)\b)"
)
# Kinds in priority order at one position; "_s" marks phrases clear enough to count in any sentence,
# bare words count in a description only in sentences about the role.
_MODES = Lexicon(
    (
        # Options offered side by side: the most flexible one the candidate may choose is remote.
        (
            "remote_opt",
            "on onsite hybrid in",
            r"(?:on-?site|hybrid|in[- ]office)(?:\s+\w+){0,2}\s*,?\s*(?:or|and/or|/)\s*(?:full(?:y)?[- ])?"
            r"remote(?:ly)?\b",
        ),
        (
            "remote_opt",
            "full fully remote",
            r"(?:full(?:y)?[- ])?remote\s*(?:,|or|/)\s*(?:or\s+)?(?:hybrid|on-?site)\b",
        ),
        (
            "days_s",
            _DAY_WORDS,
            rf"{_DAYS}\s+days?\s*(?:a|per|each|every|/|of the)\s*week\b[^.\n]{{0,40}}?\b(?:in|at|from|into)\s+"
            r"(?:the|our|an?|one of our)\s+(?:[\w-]+\s+){0,2}?(?:office|offices|HQ|headquarters|studio|hub)\b",
        ),
        (
            "days_s",
            "in on onsite",
            rf"(?:in[- ](?:the[- ])?office|on-?site|in[- ]person)\s+(?:[\w-]+\s+){{0,3}}?{_DAYS}\s+days?\s*"
            r"(?:a|per|each|every|/)\s*week\b",
        ),
        (
            "hybrid_s",
            "hybrid",
            r"hybrid[- ](?:work(?:ing|place)?|role|position|job|schedule|policy|arrangement|set-?up|"
            r"opportunity|options?|environment|remote|model of work|work model|working model)\b",
        ),
        (
            "remote_s",
            "full fully 100 completely entirely all",
            r"(?:full(?:y)?|100\s?%|completely|entirely|all)[- ]remote(?:ly)?\b",
        ),
        (
            "remote_s",
            "remote",
            r"remote[- ](?:first|friendly|only|optional|role|position|job|opportunity|work(?:ing)?|basis|"
            r"setting|environment|employee|contract|company)\b(?! experience)",
        ),
        ("remote_s", "virtual", r"virtual[- ]first\b"),
        ("remote_s", "work working", r"work(?:ing)?[- ](?:from|at)[- ]home\b|work(?:ing)? remotely\b"),
        ("remote_s", "wfh telecommute telecommuting telecommuter telecommuters", r"WFH\b|telecommut\w*"),
        ("remote_s", "home", r"home[- ](?:office[- ])?based\b"),
        (
            "onsite_s",
            "full fully 100 entirely on onsite in",
            r"(?:full(?:y)?|100\s?%|entirely)[- ]on-?site\b|on-?site[- ](?:role|position|job|basis)\b"
            r"|in[- ]office[- ](?:role|position|job)\b",
        ),
        (
            "onsite_s",
            "office",
            r"(?<!home )(?<!home-)office[- ]based\s+(?:role|position|job)\b|(?<=\()office(?=\))",
        ),
        ("hybrid", "hybrid", rf"hybrid\b{_NOT_HYBRID_WORK}"),
        ("remote", "remote remotely", rf"remote(?:ly)?\b{_NOT_REMOTE_WORK}"),
        ("onsite", "on onsite in", rf"(?:on-?site|in[- ]office|in[- ]person)\b{_NOT_IN_PERSON_WORK}"),
    ),
    _I,
)
# Sentences that talk about this role rather than the company.
_ROLE_CUE = re.compile(
    r"\b(?:this|the)\s+(?:role|position|job|vacancy)\b|\byou(?:'ll|’ll| will| would| can)?\s+"
    r"(?:be\s+)?(?:work|working|based|located)\b|\bwork(?:ing)?\s+(?:location|arrangement|model|type|"
    r"setup|style|mode)\b|\blocation\s*(?:type)?\s*:|\b(?:role|position|job)\s+(?:is|will be)\b|"
    r"\bour roles\b|\bwe (?:are|'re) hiring\b|\bcandidates? (?:must|should)\b",
    _I,
)
_FIVE_DAYS = re.compile(r"(?:5|five)\s+days", _I)
_NEGATED = re.compile(r"\b(?:not|no|non|never|isn't|cannot|can't)\b[^.\n]{0,12}$", _I)
_MODE_VALUES = {"remote": WorkMode.remote, "hybrid": WorkMode.hybrid, "onsite": WorkMode.onsite}


def _header_start(text: str, left: int) -> int:
    """Include a 'Work Type:'-style header line just above the sentence: it names what follows."""
    i = left - 2
    if i < 0 or text[left - 1] != "\n":
        return left
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return text.rfind("\n", 0, i) + 1 if i >= 0 and text[i] == ":" else left


def _modes(text: str, *, strict: bool) -> tuple[str, int, int] | None:
    """The best (mode, start, end) in one text; `strict` keeps bare words only in role sentences.

    Best: a remote option offered among others, then hybrid (it qualifies any remote wording next to
    it), then the first phrase in the text.
    """
    found = []
    for kind, m in _MODES.finditer(text):
        if strict and not kind.endswith(("_s", "_opt")):
            if _NEGATED.search(text, max(0, m.start() - 25), m.start()):
                continue
            left, right = sentence(text, m.start(), m.end(), 400)
            if not _ROLE_CUE.search(text, _header_start(text, left), right):
                continue
        mode = kind.split("_")[0]
        if kind == "days_s":  # every working day in the office is on-site, fewer is hybrid
            mode = "onsite" if _FIVE_DAYS.match(m.group()) else "hybrid"
        found.append((kind != "remote_opt", mode != "hybrid", m.start(), mode, m.end()))
    if not found:
        return None
    *_, start, mode, end = min(found)
    return mode, start, end


def work_mode(
    title: str,
    description: str,
    location: str,
    *,
    hint: str | None = None,
    remote_board: bool = False,
) -> tuple[WorkMode, Clarity, str | None]:
    """Remote / hybrid / onsite / unknown, how clearly the listing says so, and the words that say it.

    Sources are tried from most to least specific: title, location, the board's structured hint, then
    description sentences about the role (company blurbs mention remote teams and remote sensing). Within
    one source hybrid beats remote ("remote-friendly, 3 days in office"), unless the text offers remote as
    one option among others. A remote-only board with nothing stated gives remote, implied, no evidence;
    a city alone says nothing about the mode, so it stays unknown.
    """
    for text, strict in ((title, False), (location, False), (hint or "", False), (description, True)):
        best = _modes(text, strict=strict) if text else None
        if best:
            mode, start, end = best
            evidence = span(text, start, end) if strict else text[start:end]
            return _MODE_VALUES[mode], Clarity.explicit, evidence
    if remote_board:
        return WorkMode.remote, Clarity.implied, None
    return WorkMode.unknown, Clarity.unknown, None
