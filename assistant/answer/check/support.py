"""The check itself: which units of a generated answer are backed by one line of a source they cite.

Pure and deterministic: the same answer and passages always give the same result.

How an answer is read (`check_answer`):

* Units. Each Markdown list item, table row and heading is one unit; other lines are cut into sentences
  (a marker after the full stop, "... €165,000. [1]", belongs to the sentence before it). Blank lines and
  table rules (``|---|``) are layout and are kept unchecked.
* Facts. A unit's facts are its figures (assistant.answer.check.figures: money, percentages, counts) and its
  named entities (assistant.answer.check.entities: places, ML platforms, names).
* Rules. (1) Every [n] must name a passage. (2) A unit without [n] may state no figure and no entity
  ("I can only answer from the sources." passes). (3) A unit with markers must have ALL its facts together
  in ONE line of ONE passage it cites (assistant.answer.check.lines says what a line is, and why one line).
* Output. Failing units are removed, each with a reason; the remaining markers are renumbered 1..m in
  order of first use; each citation quotes, verbatim, the line of its passage that supports the most of the
  sentences citing it (then the one sharing the most words with them).

Not caught: numbers written as words ("four stages"), and claims that carry no figure and no name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from assistant.answer.check.entities import Entity, entities, fold, name_words
from assistant.answer.check.figures import Figure, figures
from assistant.answer.check.lines import Line, lines
from assistant.answer.models import Citation, Passage
from assistant.answer.units import LINE_UNIT, LIST_MARK, TABLE_RULE, sentence_spans


class CheckedAnswer(BaseModel):
    text: str  # the answer less its failing units, markers renumbered 1..m
    citations: list[Citation] = Field(default_factory=list)
    removed: list[tuple[str, str]] = Field(default_factory=list)  # (unit as written, why it was removed)
    kept: int = 0  # checked units that passed

    @property
    def examined(self) -> int:
        return self.kept + len(self.removed)


_MARKER = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")


def markers(text: str) -> list[int]:
    """The source numbers a text cites, in order: "[1]", "[1, 2]", "[1-3]"."""
    found: list[int] = []
    for m in _MARKER.finditer(text):
        for part in re.split(r"\s*,\s*", m[1]):
            low, _, high = re.sub(r"\s", "", part).replace("–", "-").partition("-")
            first, last = int(low), int(high or low)
            found += range(first, last + 1) if 0 <= last - first < 50 else [first]  # "[1-3]"; "[2020-2024]" is no range
    return found


# --- the check -------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    start: int
    end: int
    whole_line: bool  # a list item, table row or heading: removed with its line break
    ok: bool = True
    cites: list[int] = field(default_factory=list)
    support: dict[int, set[int]] = field(default_factory=dict)  # passage n -> indexes of its lines that back it
    words: frozenset[str] = frozenset()


def _answer_units(text: str) -> list[_Unit]:
    units, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and not TABLE_RULE.match(body):
            if LINE_UNIT.match(body):
                units.append(_Unit(offset, offset + len(line), True))
            else:
                units += [_Unit(s, e, False) for s, e in sentence_spans(body, offset)]
        offset += len(line)
    return units


def _labels(facts: Sequence[Figure | Entity]) -> str:
    return ", ".join(dict.fromkeys(f"“{f.text if isinstance(f, Figure) else f.label}”" for f in facts))


def _holds(entity: Entity, line: Line) -> bool:
    return (
        f" {entity.words} " in line.words
        or (entity.place is not None and entity.place in line.places)
        or (entity.platform is not None and entity.platform in line.platforms)
    )


def _backs(line: Line, figs: list[Figure], ents: list[Entity]) -> bool:
    return all(any(f.fits(g) for g in line.figures) for f in figs) and all(_holds(e, line) for e in ents)


def _check_unit(unit: _Unit, text: str, by_n: dict[int, Passage], names: frozenset[str]) -> str | None:
    """Fill in the unit's citations and support; the reason it fails, or None."""
    raw = text[unit.start : unit.end].strip()
    unit.cites = markers(raw)
    body = LIST_MARK.sub("", _MARKER.sub(" ", raw), count=1)
    unit.words = frozenset(fold(body).split())
    figs = figures(body)
    ents = entities(body, names, market_words=bool(figs))
    missing = [n for n in dict.fromkeys(unit.cites) if n not in by_n]
    if missing:
        return f"cites [{missing[0]}], but there is no source [{missing[0]}]"
    if not figs and not ents:  # nothing to verify: any line of a cited source will do, chosen by shared words
        unit.support = {n: set(range(len(lines(by_n[n])))) for n in unit.cites}
        return None
    if not unit.cites:
        return f"states {_labels([*figs, *ents])} without a citation"
    for n in dict.fromkeys(unit.cites):
        unit.support[n] = {i for i, line in enumerate(lines(by_n[n])) if _backs(line, figs, ents)}
    if any(unit.support.values()):
        return None
    return _why_not(figs, ents, [lines(by_n[n]) for n in dict.fromkeys(unit.cites)], unit.cites)


def _why_not(figs: list[Figure], ents: list[Entity], cited: list[tuple[Line, ...]], cites: list[int]) -> str:
    refs = " or ".join(f"[{n}]" for n in dict.fromkeys(cites))
    every = [line for group in cited for line in group]
    absent: list[Figure | Entity] = [f for f in figs if not any(f.fits(g) for line in every for g in line.figures)]
    absent += [e for e in ents if not any(_holds(e, line) for line in every)]
    if absent:
        return f"{_labels(absent)} not found in {refs}"
    return f"{_labels([*figs, *ents])} never appear together in one line of {refs}"


def check_answer(text: str, passages: list[Passage]) -> CheckedAnswer:
    """Remove the units that fail the citation check, renumber the markers and quote the backing lines."""
    by_n = {p.n: p for p in passages}
    names = name_words(passages)
    units = _answer_units(text)
    removed = []
    for unit in units:
        reason = _check_unit(unit, text, by_n, names)
        if reason:
            unit.ok = False
            removed.append((text[unit.start : unit.end].strip(), reason))
    kept_units = [u for u in units if u.ok]
    body, order = _renumber(_without(text, [u for u in units if not u.ok]))
    citations = [_citation(new, by_n[old], [u for u in kept_units if old in u.cites]) for old, new in order.items()]
    return CheckedAnswer(text=body, citations=citations, removed=removed, kept=len(kept_units))


def _without(text: str, failed: list[_Unit]) -> str:
    for unit in sorted(failed, key=lambda u: u.start, reverse=True):
        end = unit.end
        while not unit.whole_line and end < len(text) and text[end] in " \t":
            end += 1  # a removed sentence takes the space after it, so the next one keeps its place
        text = text[: unit.start] + text[end:]
    text = re.sub(r"[ \t]+(?=\n|$)", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _renumber(text: str) -> tuple[str, dict[int, int]]:
    """Markers renumbered 1..m in order of first use; returns the text and {old n: new n}."""
    order: dict[int, int] = {}
    for n in markers(text):
        order.setdefault(n, len(order) + 1)

    def new(m: re.Match[str]) -> str:
        return "[" + ", ".join(str(order[n]) for n in dict.fromkeys(markers(m.group()))) + "]"

    return _MARKER.sub(new, text), order


def _citation(n: int, passage: Passage, citing: list[_Unit]) -> Citation:
    return Citation(
        n=n,
        id=passage.doc_id,
        kind=passage.kind,
        title=passage.title,
        url=passage.url,
        quote=_best_quote(passage, citing),
    )


def _best_quote(passage: Passage, citing: list[_Unit]) -> str:
    """The line that backs the most citing units, then shares the most words with them, then comes first."""
    found = lines(passage)
    if not found:
        return passage.text.strip()

    def score(i: int) -> tuple[int, int, int]:
        backed = sum(i in u.support.get(passage.n, ()) for u in citing)
        shared = sum(len(u.words & set(found[i].words.split())) for u in citing)
        return backed, shared, -i

    return found[max(range(len(found)), key=score)].quote
