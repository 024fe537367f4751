"""Seniority: the level a listing hires at."""

from __future__ import annotations

import re

from assistant.vocab.listing import Seniority

from .lexicon import Lexicon

_I = re.IGNORECASE

# "X Manager" titles that name a job, not a people manager; the level comes from the title's other words.
_ROLE_MANAGER = re.compile(
    r"\b(?:product|program(?:me)?|project|account|accounts|partner(?:ships?)?|community|customer success|"
    r"success|marketing|content|territory|category|growth|brand|campaign|social media|vendor|escalation|"
    r"relationship|case|solutions)(?:\s+(?!engineering\b)\w+)?\s+manager\b|\bchief of staff\b",
    _I,
)
_GROUP_MANAGER = re.compile(r"\bgroup\s+(?:product|program)\s+manager\b", _I)
_PEOPLE_MANAGER = re.compile(
    r"\bmanager\b|\bmgr\b|\bhead of\b|\bdirector\b|\bvp\b|\bvice[- ]president\b|\bchief\b|"
    r"\b(?:ceo|cto|cfo|coo|cmo|cio|ciso|cpo|svp|evp|avp|tlm)\b",
    _I,
)
# "Staff Engineer, Ads Business Manager": a manager word after an IC job names a product or a team.
_FIRST_SEGMENT = re.compile(r"^[^,–]*?(?=,|\s[-–]\s|$)")
_IC_JOB = re.compile(r"\b(?:engineer|scientist|developer|designer|analyst|researcher|architect)s?\b", _I)
_PARENTHESES = re.compile(r"\([^)]*\)")
# Highest first: "Mid/Senior" is senior, "Senior Staff" is staff.
_TITLE_LEVELS = (
    (Seniority.principal, re.compile(r"\b(?:principal|distinguished|fellow)\b", _I)),
    (
        Seniority.staff,
        re.compile(
            r"(?<!of )\bstaff\b(?!\s+(?:writer|accountant|nurse|attorney|reporter|photographer|physician|"
            r"pharmacist|augmentation))",
            _I,
        ),
    ),
    (
        Seniority.senior,
        re.compile(
            r"\b(?:senior|sr|snr)\b|\blead\b(?![- ]gen)|\bTL\b|\bchief of staff\b"
            r"|(?<!Tier )(?<!Level )\b(?-i:III|IV)\b",
            _I,
        ),
    ),
    (
        Seniority.mid,
        re.compile(
            r"\bmid(?:[- ]?level|weight)?\b(?![- ]market)|\bintermediate\b"
            r"|(?<!Tier )(?<!Level )\b(?-i:II)\b",
            _I,
        ),
    ),
    (
        Seniority.junior,
        re.compile(
            r"\b(?:junior|jr|entry[- ]level|graduate|new grad|associate|trainee|apprentice)\b"
            r"|(?<!Tier )(?<!Level )\b(?-i:I)\b(?![/'’])",
            _I,
        ),
    ),
)
_INTERN = re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b", _I)
# Jobicy jobLevel; "Any" says nothing.
_WORD_LEVELS = {
    "senior": Seniority.senior,
    "midweight": Seniority.mid,
    "mid": Seniority.mid,
    "mid-level": Seniority.mid,
    "junior": Seniority.junior,
    "entry": Seniority.junior,
    "entry-level": Seniority.junior,
    "lead": Seniority.senior,
    "staff": Seniority.staff,
    "principal": Seniority.principal,
    "intern": Seniority.intern,
    "internship": Seniority.intern,
    "manager": Seniority.manager,
    "director": Seniority.manager,
    "executive": Seniority.manager,
}
_LADDER = re.compile(r"(?:(?P<ic>IC)|(?P<mgmt>[MD]|VP)|L)?\s*(?P<n>\d{1,2})", _I)
_DESCRIPTION_LEVEL = Lexicon(
    (
        ("junior", "entry junior", r"(?:entry|junior)[- ]level\s+(?:role|position|opportunity|job)\b"),
        ("mid", "mid", r"mid[- ]level\s+(?:role|position|opportunity|job)\b"),
        ("senior", "senior", r"senior[- ]level\s+(?:role|position|opportunity|job)\b"),
        ("intern", "this", r"this\s+(?:is\s+an?\s+)?internship\b"),
    ),
    _I,
)


def _manages_people(title: str) -> bool:
    head = _FIRST_SEGMENT.match(title)
    head_text = head.group() if head else title
    if _IC_JOB.search(head_text) and not _PEOPLE_MANAGER.search(_ROLE_MANAGER.sub(" ", head_text)):
        title = head_text + " " + " ".join(_PARENTHESES.findall(title))
    return bool(_PEOPLE_MANAGER.search(_ROLE_MANAGER.sub(" ", title)) or _GROUP_MANAGER.search(title))


def _title_seniority(title: str) -> Seniority:
    if _manages_people(title):
        return Seniority.manager
    if _INTERN.search(title):
        return Seniority.intern
    for level, pattern in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    return Seniority.unknown


def _hint_seniority(hint: str) -> Seniority:
    """The level field, which may list several levels ("4, 5": Waymo hires some roles across a span).
    A span whose levels read differently says no single level, so it is unknown."""
    levels = {_one_level(part) for part in hint.split(",")} - {Seniority.unknown}
    return levels.pop() if len(levels) == 1 else Seniority.unknown


def _one_level(hint: str) -> Seniority:
    """Jobicy words; Reddit IC/M/D levels; bare numbers or L-numbers on Waymo's Google-style ladder."""
    word = hint.strip().lower()
    if word in _WORD_LEVELS:
        return _WORD_LEVELS[word]
    m = _LADDER.fullmatch(word)
    if not m:
        return Seniority.unknown
    n = int(m.group("n"))
    if m.group("mgmt"):
        return Seniority.manager
    if m.group("ic"):
        # Reddit, read off its titles: IC3 plain, IC4 Senior, IC5 Staff, IC6 Senior Staff, IC7 Principal.
        if n <= 2:
            return Seniority.junior
        return {3: Seniority.mid, 4: Seniority.senior, 5: Seniority.staff, 6: Seniority.staff}.get(
            n, Seniority.principal
        )
    # Waymo, read off its titles: 3 entry, 4 plain, 5 Senior, 6 Staff, 7 Senior Staff, 8 Principal/Director.
    if n <= 0:
        return Seniority.unknown
    if n <= 3:
        return Seniority.junior
    return {4: Seniority.mid, 5: Seniority.senior, 6: Seniority.staff, 7: Seniority.staff}.get(n, Seniority.principal)


def seniority(title: str, *, level_hint: str | None = None, description: str = "") -> Seniority:
    """The level a listing hires at: title words first, then the board's level field, then the text.

    People managers (Manager, Head of, Director, VP, Chief, TLM) win over IC words; "Product / Program /
    Account ... Manager" and similar are jobs, so "Senior Product Manager" is senior and a bare
    "Product Manager" is unknown unless the level field says more. Several IC words: the highest wins.
    The description only counts when it names the level of the position ("an entry-level opportunity").
    """
    level = _title_seniority(title)
    if level is Seniority.unknown and level_hint:
        level = _hint_seniority(level_hint)
    if level is Seniority.unknown and description:
        found = _DESCRIPTION_LEVEL.search(description)
        if found:
            level = Seniority(found[0])
    return level
