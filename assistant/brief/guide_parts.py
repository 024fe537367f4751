"""What the role guide gives a brief: the role, its must-have skills, the interview stages, questions that test
production ownership, and the flags to look for. Each statement restates one guide unit and cites it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.brief.models import Flag, MustHave, Stage, Statement
from assistant.brief.sources import Item, Sources
from assistant.brief.terms import vocabulary

SUMMARY_SENTENCES = 4
# Label words too common in a guide's skill labels to tell one skill from another in candidate notes.
_GENERIC_LABEL_WORDS = {"experience", "engineering", "skills", "knowledge", "ability"}
# Stages where a listing's technical must-haves belong.
_TECHNICAL_STAGE = r"technical|take-home|case study|system design|coding"

# Production-ownership questions: (section, item label, words the item must say, the question they ground).
# A question is asked only when its item says those words, so none claims more than the guide does.
OWNERSHIP = (
    (
        "responsibilities",
        r"production ownership",
        "degradation, drift and failure modes",
        "How have you watched a model in production for degradation, drift and failure modes, and what did you catch?",
    ),
    (
        "responsibilities",
        r"production ownership",
        "alerting and retraining pipelines",
        "Which alerting and retraining pipelines have you built so a production system stayed healthy without "
        "constant hands-on fixes?",
    ),
    (
        "levels",
        r"to senior",
        "incident response, retraining and monitoring",
        "Which production ML system have you owned end to end, covering incident response, retraining and monitoring?",
    ),
    (
        "levels",
        r"to senior",
        "production endpoints running under real traffic",
        "Which production endpoints have you shipped and then kept running under real traffic?",
    ),
    ("skills", r"production ml", "in front of real users", "Which ML systems have you put in front of real users?"),
    (
        "skills",
        r"production ml",
        "serving infrastructure, latency limits, model versioning",
        "How did you handle serving infrastructure, latency limits and model versioning in a system you ran?",
    ),
    (
        "skills",
        r"production ml",
        "show up in production but never in a notebook",
        "Which operational problem showed up in production but never in a notebook, and how did you deal with it?",
    ),
    (
        "green-flags",
        r"past decisions",
        "past engineering decisions",
        "Which past engineering decision of yours would you make differently now, and why?",
    ),
)


def role_summary(src: Sources, limit: int = SUMMARY_SENTENCES) -> list[Statement]:
    found = [(p, u) for p, u in src.units("overview") if u.kind == "sentence"][:limit]
    return [Statement(text=u.display, cites=src.cite_unit((p, u))) for p, u in found]


def must_haves(src: Sources) -> list[MustHave]:
    """The guide's skills: each item's label, what it says, and the words that show it in candidate notes."""
    return [
        MustHave(skill=item.label, text=f"{item.label}: {item.body}", terms=_terms(item), cites=src.cite_item(item))
        for item in src.items("skills")
    ]


def _terms(item: Item) -> list[str]:
    words = [w for w in re.findall(r"[A-Za-z][\w-]{4,}", item.label) if w.lower() not in _GENERIC_LABEL_WORDS]
    return list(dict.fromkeys([item.label, *words, *vocabulary(item.body)]))


def stage_notes(src: Sources) -> list[Statement]:
    """The hiring section's sentences around the stages: how many there are, how long, optional rounds."""
    found = [(p, u) for p, u in src.units("hiring-process") if u.kind == "sentence" and not u.text.endswith(":")]
    return [Statement(text=u.display, cites=src.cite_unit((p, u))) for p, u in found]


def stages(src: Sources, listing_skills: Sequence[MustHave] = ()) -> list[Stage]:
    """The guide's stages in its order, each with what it covers; technical stages also probe the listing's
    must-haves, and the system design round carries the guide's warning about leaving it out."""
    warning = src.item("red-flags", r"system design")
    found = []
    for item in src.items("hiring-process"):
        probes = [Statement(text=f"What the guide says of it: {item.body}", cites=src.cite_item(item))]
        if listing_skills and re.search(_TECHNICAL_STAGE, item.label, re.I):
            names = ", ".join(m.skill for m in listing_skills)
            probes.append(
                Statement(
                    text=f"Also probe the listing's must-haves: {names}.", cites=_union(m.cites for m in listing_skills)
                )
            )
        if warning and re.search(r"system design", item.label, re.I):
            probes.append(Statement(text=f"Keep this round: {warning.body}", cites=src.cite_item(warning)))
        found.append(Stage(name=item.label, probes=probes))
    return found


def _union(lists: Iterable[Iterable[int]]) -> list[int]:
    return list(dict.fromkeys(n for numbers in lists for n in numbers))


def ownership_questions(src: Sources) -> list[Statement]:
    questions = []
    for part, label, words, question in OWNERSHIP:
        item = src.item(part, label)
        if item and words in item.body:
            questions.append(Statement(text=question, cites=src.cite_item(item)))
    return questions or _fallback_questions(src)


def _fallback_questions(src: Sources) -> list[Statement]:
    """A guide without the shipped wording: ask for first-hand experience of each item about production."""
    items = [
        i
        for part in ("responsibilities", "skills", "levels")
        for i in src.items(part)
        if re.search(r"production", f"{i.label} {i.body}", re.I)
    ]
    return [
        Statement(
            text=f"Where have you done this yourself, and what went wrong in production? ({i.label})",
            cites=src.cite_item(i),
        )
        for i in items
    ]


def guide_flags(src: Sources, part: str) -> list[Flag]:
    """A guide section's flags as what to look for, for a brief about the role rather than one listing."""
    return [
        Flag(label=item.label, text=f"{item.label}: {item.body}", cites=src.cite_item(item)) for item in src.items(part)
    ]
