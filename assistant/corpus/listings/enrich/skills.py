"""Skills: from the board's tags, then from a fixed vocabulary found in the description."""

from __future__ import annotations

import re

from assistant.vocab.skills import ALIASES, ENTRIES, SKILL_NAMES, TAG_SPELLINGS

from .lexicon import Lexicon

_I = re.IGNORECASE

SKILLS = Lexicon(ENTRIES)
# A tag's canonical spelling: a vocabulary name, an alias of one, or a known tag spelling.
_CANONICAL = (
    {name.lower(): name for name in SKILL_NAMES}
    | {alias: name for name, names in ALIASES.items() for alias in names}
    | TAG_SPELLINGS
)
# Tags that name a role, a level, a contract or a board's filler category rather than a skill.
_JUNK_TAGS = frozenset(
    "digital nomad|dev|engineer|engineering|senior|junior|lead|leader|manager|director|executive|exec|"
    "developer|assistant|analyst|consultant|architect|designer|recruiter|coordinator|specialist|trainer|"
    "teacher|instructor|animator|accountant|controller|strategist|marketer|ceo|cfo|cto|founder|investor|"
    "go|non tech|other|test|full time|full-time|part-time|part time|internship|contract|freelance|"
    "support|growth|training|technical|software|system|code|travel|management|voice|investment|"
    "operational|students|teaching|education|educational|health|medical|healthcare|financial|legal|"
    "content|strategy|operations|startup|research|documentation|onboarding|admin|catalyst|apple|chat|"
    "adult|consult|consulting|teach|mobile|web|cloud|design|security|finance|sales|marketing".split("|")
)
_LIST_JOINER = re.compile(r"^\s*and\s+", _I)  # WWR's skills lists leave "and X" as the last item


def skills(tags: list[str], description: str) -> list[str]:
    """Skill names from the board's tags, then from a fixed vocabulary found in the description.

    Tags come first in their order, mapped to canonical casing where known; role, level, contract and
    filler tags are dropped, as is a bare "go" (the word, not the language). Duplicates are removed
    case-insensitively, keeping the first spelling.
    """
    names = []
    for tag in tags:
        tag = _LIST_JOINER.sub("", tag or "").strip()
        if tag and tag.lower() not in _JUNK_TAGS:
            names.append(_CANONICAL.get(tag.lower(), tag))
    if description:
        names += [name for name, _ in SKILLS.finditer(description)]
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(name.lower(), name)
    return list(out.values())
