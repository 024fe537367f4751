"""What a listing gives a brief: its facts, its must-have skills, and its red and green flags, each quoted from
the listing's indexed chunks (and, for flags, next to the guide text that says why they matter).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.answer.extractive.listings import listing_view, salary_cell
from assistant.answer.models import Passage
from assistant.answer.units import Unit, units
from assistant.brief.models import Flag, MustHave, Statement
from assistant.brief.sources import Item, Sources
from assistant.brief.terms import excerpt, find_term, plain
from assistant.vocab.listing import Listing

MAX_MUST_HAVES = 12
MAX_GREEN_FLAGS = 6
ROLE_SENTENCES = 2
_FACT_LINES = ("Location:", "Work mode:", "Seniority:", "Posted:")
# Sentences that describe the job rather than the company: they make the listing's half of the summary.
_ABOUT_ROLE = re.compile(
    r"\b(?:you(?:'ll|’ll| will)|this role|the role|responsible for|we(?:'re|’re| are) "
    r"(?:looking|hiring|seeking))\b",
    re.I,
)
# Green-flag signals and the guide words that say why each matters (guide "what to look for" / green flags).
_GREEN = {
    "ml_platform": ("Names a specific ML platform", r"ML platforms?\b"),
    "inference_scale": ("Mentions the scale of production inference", r"production inference|inference"),
    "ab_testing": ("Describes its A/B testing", r"A/B test"),
}
_GUIDE_GREEN_PARTS = ("listing-signals", "green-flags")


def doc_id(listing: Listing) -> str:
    return f"listing:{listing.id}"


def header(src: Sources, listing: Listing) -> tuple[Passage, list[str]]:
    """The facts header of the listing's first chunk: title line, location, work mode, salary, skills..."""
    first = src.passages(doc_id(listing))[0]
    return first, first.text.split("\n\n", 1)[0].split("\n")


def header_line(src: Sources, listing: Listing, prefix: str) -> tuple[Passage, str] | None:
    passage, lines = header(src, listing)
    return next(((passage, line) for line in lines if line.startswith(prefix)), None)


def body_units(src: Sources, listing: Listing) -> Iterator[tuple[Passage, Unit]]:
    """The description's sentences and items across every chunk, once each (chunks overlap)."""
    seen: set[str] = set()
    for passage in src.passages(doc_id(listing)):
        for unit in units(passage.text):
            if unit.text not in seen:
                seen.add(unit.text)
                yield passage, unit


def summary(src: Sources, listing: Listing) -> list[Statement]:
    passage, lines = header(src, listing)
    found = [Statement(text=f"{listing.title} at {listing.company}.", cites=src.cite((passage, lines[0])))]
    found += [Statement(text=line, cites=src.cite((passage, line))) for line in lines if line.startswith(_FACT_LINES)]
    about = [(p, u) for p, u in body_units(src, listing) if _ABOUT_ROLE.search(u.text) and not u.text.startswith("#")][
        :ROLE_SENTENCES
    ]  # not headings
    found += [Statement(text=excerpt(u.display, 0, 300), cites=src.cite((p, u.text))) for p, u in about]
    return found


def must_haves(src: Sources, listing: Listing) -> list[MustHave]:
    """The listing's extracted skills, each cited where the description names it, else in the skills line."""
    found = []
    for skill in listing.skills[:MAX_MUST_HAVES]:
        where = _skill_source(src, listing, skill)
        if where is None:
            src.notices.append(f"Skill {skill!r} is not in the listing's indexed text, so it is left out.")
            continue
        passage, quote = where
        shown = plain(quote)
        found.append(
            MustHave(
                skill=skill,
                text=f"{skill}: “{excerpt(shown, find_term(shown, skill) or 0)}”",
                terms=[skill],
                cites=src.cite((passage, quote)),
            )
        )
    return found


def _skill_source(src: Sources, listing: Listing, skill: str) -> tuple[Passage, str] | None:
    for passage, unit in body_units(src, listing):
        if find_term(unit.text, skill) is not None:
            return passage, unit.text
    line = header_line(src, listing, "Skills:")
    return line if line and find_term(line[1], skill) is not None else None


def red_flags(src: Sources, listing: Listing) -> list[Flag]:
    """Red-flag signals with the listing's words and the guide's red-flag item they match."""
    found = []
    for signal in (s for s in listing.signals if s.kind == "red_flag"):
        evidence = src.locate(doc_id(listing), signal.evidence)
        if evidence is None:
            src.notices.append(
                f"The {signal.label!r} flag's evidence is not verbatim in the indexed listing; "
                "it is left out rather than quoted loosely."
            )
            continue
        item = _matching_item(src, signal.label)
        where = " in its title" if signal.field == "title" else ""
        guide = f" The guide: {item.body}" if item else ""
        found.append(
            Flag(
                label=signal.label,
                evidence=evidence[1],
                text=f"{signal.label.capitalize()}: the listing says{where} “{plain(evidence[1])}”.{guide}",
                cites=src.cite(evidence, *([(item.passage, item.unit.text)] if item else [])),
            )
        )
    return found


def _matching_item(src: Sources, label: str) -> Item | None:
    """The guide red-flag item sharing a word with the signal's label ("framework wishlist", "labelling")."""
    words = {w for w in re.findall(r"[a-z]{5,}", label.lower())}
    return next((i for i in src.items("red-flags") if words & set(re.findall(r"[a-z]{5,}", i.label.lower()))), None)


def green_flags(src: Sources, listing: Listing) -> list[Flag]:
    """One flag per kind and evidence span: "MLflow" and "SageMaker" named in one sentence are one flag."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for signal in listing.signals:
        if signal.kind in _GREEN:
            grouped.setdefault((signal.kind, signal.evidence), []).append(signal.label)
    found = []
    for (kind, span), labels in list(grouped.items())[:MAX_GREEN_FLAGS]:
        title, pattern = _GREEN[kind]
        evidence, guide = src.locate(doc_id(listing), span), src.unit(_GUIDE_GREEN_PARTS, pattern)
        if evidence and guide:
            named = [name for name in dict.fromkeys(labels) if name.lower() not in title.lower()]
            label = f"{title} ({', '.join(named)})" if named else title
            found.append(
                Flag(
                    label=label,
                    evidence=evidence[1],
                    text=f"{label}: “{plain(evidence[1])}”",
                    cites=src.cite(evidence, (guide[0], guide[1].text)),
                )
            )
    return found + _salary_flag(src, listing)


def _salary_flag(src: Sources, listing: Listing) -> list[Flag]:
    line, guide = header_line(src, listing, "Salary:"), src.unit(_GUIDE_GREEN_PARTS, r"salary ranges")
    if listing.salary is None or line is None or guide is None:
        return []
    cell = salary_cell(listing_view(listing))
    return [
        Flag(
            label="Salary disclosed",
            evidence=line[1],
            text=f"Salary disclosed: {cell}.",
            cites=src.cite(line, (guide[0], guide[1].text)),
        )
    ]
