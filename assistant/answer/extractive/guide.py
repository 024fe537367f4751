"""A guide question answered from the sections chosen for it: a list section by its items, a prose section by
its most relevant sentences (or the asked market's table row), a pay question by the pay table."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.compose import Composer
from assistant.answer.extractive.draft import Draft
from assistant.answer.extractive.pay import answer_pay
from assistant.answer.extractive.refusals import (
    beyond_the_guide,
    not_answerable,
    section_answers,
    stated_count_section,
)
from assistant.answer.extractive.relevance import Closeness, relevant_units, unique_units, words_as_written
from assistant.answer.models import Passage
from assistant.answer.units import Unit
from assistant.index.meta import headings
from assistant.query import Intent, Understood

MAX_ITEMS = 8
MAX_SENTENCES = 4
# A guide topic this share as likely as "no section covers it" answers when its section is the closest by meaning.
UNSURE_SHARE = 0.5


def _sections_of(passages: list[Passage], chosen: list[str]) -> list[list[Passage]]:
    """Each chosen section as its passages in document order."""
    guides = [p for p in passages if p.kind == "guide"]
    found = [sorted((p for p in guides if p.doc_id == doc), key=lambda p: p.chunk) for doc in chosen]
    return [section for section in found if section]


def answer_guide(
    understood: Understood,
    passages: list[Passage],
    chosen: list[str],
    seconds: Sequence[tuple[str, str]] = (),
    closeness: Closeness | None = None,
    siblings: Callable[[str], bool] = lambda section: False,
) -> Draft:
    """`chosen`: the section ids that answer, best first, chosen by meaning (answer/sections.py). When they do not
    speak to the question, each of `seconds` (a close second intent and its section, sections.second_readings)
    is tried before refusing. `closeness` ranks a prose section's sentences by meaning too. A section that
    `siblings` says shares its intent with another is answered under its heading: "good or bad sign?" needs to be
    told which list it reads, the green flags or the red ones."""
    draft = _answer(understood, passages, chosen, closeness, siblings)
    for intent, section in seconds:
        if draft.answerable and not _said_closer(understood.question, passages, section, chosen):
            continue
        update: dict[str, object] = {"intent": Intent(intent)}
        if _unsure_not_covered(understood, intent, section, chosen):
            update["unsupported"] = False
        second = _answer(understood.model_copy(update=update), passages, [section], closeness, siblings)
        if second.answerable:
            understood.explanation.append(f"intent: {intent}, the close second reading, answers it")
            return second
    return draft


def _unsure_not_covered(understood: Understood, intent: str, section: str, chosen: list[str]) -> bool:
    """Whether the classifier's "no section covers this" is unsure beside a guide topic that the meaning agrees
    with: the topic at least UNSURE_SHARE as likely, and its section the one chosen by meaning ("what does it
    take to go from ML engineer to senior?" reads about as much as a career question as the levels, whose
    section is the closest). A company's own interviews or rota are beyond the guide however the topic reads."""
    if not understood.unsupported or understood.intent is not Intent.general or not chosen or chosen[0] != section:
        return False
    scores = understood.scores
    return scores.get(intent, 0.0) >= UNSURE_SHARE * scores.get("other_career", 1.0)


def _said_closer(question: str, passages: list[Passage], second: str, chosen: list[str]) -> bool:
    """Whether a close second reading's section uses more of the question's words as written than the first's:
    "what documents will I write?" reads first as responsibilities ("documentation"), and the skills section
    names "design documents"."""
    first = [p for section in _sections_of(passages, chosen) for p in section]
    other = [p for section in _sections_of(passages, [second]) for p in section]
    return len(words_as_written(question, other)) > len(words_as_written(question, first))


def _answer(
    understood: Understood,
    passages: list[Passage],
    chosen: list[str],
    closeness: Closeness | None = None,
    siblings: Callable[[str], bool] = lambda section: False,
) -> Draft:
    if understood.unsupported and (stated := stated_count_section(understood, passages)) is not None:
        understood = understood.model_copy(update={"unsupported": False})
        understood.explanation.append(f"answerable: {stated} states the count asked for")
        chosen = [stated]
    sections = _sections_of(passages, chosen)
    beyond = beyond_the_guide(understood)
    if not sections or not section_answers(understood, [p for s in sections for p in s]) or beyond:
        return not_answerable(understood, passages, beyond)
    if understood.intent is Intent.pay:
        return answer_pay(understood, sections[0])
    composer = Composer()
    titled = len(sections) > 1 or siblings(sections[0][0].doc_id)
    parts = [answer_section(understood, section, composer, titled, closeness) for section in sections]
    return Draft(answer="\n\n".join(parts), answerable=True, citations=composer.citations)


def answer_section(
    understood: Understood,
    section: list[Passage],
    composer: Composer,
    titled: bool = False,
    closeness: Closeness | None = None,
) -> str:
    """List sections answer with their items; prose sections with their most relevant sentences."""
    found = unique_units(section)
    items = [(p, u) for p, u in found if u.kind == "item"]
    if items:
        # Lead and tail by place in the whole section: a chunk holding only the closing sentence is no lead.
        first = found.index(items[0])
        lead = [(p, u) for p, u in found[:first] if u.kind == "sentence"]
        lines = [f"{u.display} {composer.cite(p, u.text)}" for p, u in lead[:2]]
        numbered = _is_numbered(items)
        for n, (p, u) in enumerate(items[:MAX_ITEMS], 1):
            lines.append(
                f"{n}. {u.display} {composer.cite(p, u.text)}"
                if numbered
                else f"- {u.display} {composer.cite(p, u.text)}"
            )
        tail = [(p, u) for p, u in found[first:] if u.kind == "sentence"]
        closing = relevant_units(understood.question, tail, 2, closeness)
        lines += [f"{u.display} {composer.cite(p, u.text)}" for p, u in closing]
    else:
        # A question about a place the section's table has a row for is answered by that row, as one sentence.
        rows = [(p, u) for p, u in _prose_units(understood, found) if u.kind == "row"]
        # An overview question asks for the role in summary: each sentence of that section is a part of it.
        limit = MAX_ITEMS if understood.intent is Intent.overview else MAX_SENTENCES
        chosen = (
            rows
            if rows and understood.markets
            else relevant_units(understood.question, _prose_units(understood, found), limit, closeness)
        )
        lines = [" ".join(f"{_as_prose(found, u)} {composer.cite(p, u.text)}" for p, u in chosen)]
    if titled:
        lines.insert(0, f"**{headings(section[0].meta, section[0].title)[-1]}**")
    return "\n".join(lines)


def _prose_units(understood: Understood, found: list[tuple[Passage, Unit]]) -> list[tuple[Passage, Unit]]:
    """The units a prose answer may quote: a table's header row says nothing alone, and when the question names
    places, only the rows for those places (a row is one fact; the others answer a different question)."""
    header = _header_row(found)
    asked = {m.lower() for m in understood.markets} | {c.lower() for c in understood.unknown_markets}
    kept = []
    for p, u in found:
        if u.kind == "row":
            first = u.cells()[0].lower() if u.cells() else ""
            if u is header or (asked and first not in asked):
                continue
        kept.append((p, u))
    return kept


def _header_row(found: list[tuple[Passage, Unit]]) -> Unit | None:
    rows = [u for _, u in found if u.kind == "row"]
    return rows[0] if rows and not any(ch.isdigit() for ch in rows[0].text) else None


def _as_prose(found: list[tuple[Passage, Unit]], unit: Unit) -> str:
    """A table row as one sentence ("Canada, base salary range: CAD 175,000 – CAD 240,000."), named by the
    table's header; anything else as it reads."""
    if unit.kind != "row":
        return unit.display
    cells = unit.cells()
    header = _header_row(found)
    names = header.cells() if header else []
    parts = [
        f"{names[n].lower()}: {cell}" if n < len(names) and names[n] else cell
        for n, cell in enumerate(cells[1:], 1)
        if cell
    ]
    return f"{cells[0]}, {'; '.join(parts)}." if parts else f"{cells[0]}."


def _is_numbered(items: list[tuple[Passage, Unit]]) -> bool:
    return bool(re.match(r"\s*\d+[.)]", items[0][1].text))
