"""Candidate notes against the must-haves: which the notes mention (quoting the line) and which they leave open.

Each match or gap cites the requirement's own source, since the notes themselves are not indexed; the
notes' line is quoted in the statement's text instead. A mention under a negation ("no TensorFlow", "never
used Spark") is a gap, not a match; years stated beside a skill ("7 yrs ML") are carried into the match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.brief.models import MustHave, NoteMatch
from assistant.brief.terms import excerpt, find_term

MAX_NOTES_CHARS = 20_000

# Negation is read within the clause that names the skill: a comma, semicolon or "but" starts a new one, so
# "no Spark, strong PyTorch" negates Spark only.
_CLAUSE_END = re.compile(r"[.;:!?,()\n]|\b(?:but|however|though|although|whereas|while)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|never|without|lacks?|lacking|none|zero|nor|neither)\b|n[’']t\b", re.I)
_NEGATED_AFTER = re.compile(r"^\s*[:–—-]\s*(?:no|none|never|not yet|missing|lacking)\b", re.I)
_YEARS = re.compile(r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?|y)\b(?:\s+of)?", re.I)
_NUMBER_WORDS = {
    w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)
}
_YEARS_IN_WORDS = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\s+(?:years?|yrs?)\b", re.I)


@dataclass(frozen=True)
class Mention:
    line: str
    at: int
    negated: bool
    years: float | None


def note_lines(notes: str) -> list[str]:
    return [line.strip() for line in notes.splitlines() if line.strip()]


def _clause(line: str, at: int, end: int) -> tuple[int, int]:
    """The start and end of the clause holding line[at:end]."""
    start = max((m.end() for m in _CLAUSE_END.finditer(line, 0, at)), default=0)
    after = _CLAUSE_END.search(line, end)
    return start, after.start() if after else len(line)


def _negated(line: str, at: int, end: int) -> bool:
    start, _ = _clause(line, at, end)
    return bool(_NEGATION.search(line[start:at]) or _NEGATED_AFTER.search(line[end:]))


def _years(line: str, at: int, end: int) -> float | None:
    """Years stated in the same clause as the skill ("7 yrs ML", "PyTorch for three years")."""
    start, stop = _clause(line, at, end)
    clause = line[start:stop]
    found = _YEARS.search(clause)
    if found:
        return float(found.group(1))
    words = _YEARS_IN_WORDS.search(clause)
    return float(_NUMBER_WORDS[words.group(1).lower()]) if words else None


def _span_end(line: str, at: int, term: str) -> int:
    if line[at : at + len(term)].lower() == term.lower():
        return at + len(term)
    token = re.match(r"[\w+#./-]+", line[at:])  # a short form ("ML") or another spelling
    return at + (len(token.group()) if token else len(term))


def mentions(lines: list[str], must: MustHave) -> list[Mention]:
    found = []
    for line in lines:
        for term in must.terms or [must.skill]:
            at = find_term(line, term)
            if at is not None:
                end = _span_end(line, at, term)
                found.append(Mention(line, at, _negated(line, at, end), _years(line, at, end)))
                break
    return found


def _years_text(years: float | None) -> str:
    if years is None:
        return ""
    return f" ({years:g} year{'s' if years != 1 else ''})"


def match_notes(must_haves: list[MustHave], notes: str) -> tuple[list[NoteMatch], list[NoteMatch]]:
    lines = note_lines(notes)
    matches, gaps = [], []
    for must in must_haves:
        found = mentions(lines, must)
        positive = next((m for m in found if not m.negated), None)
        if positive:
            quoted = excerpt(positive.line, positive.at)
            matches.append(
                NoteMatch(
                    skill=must.skill,
                    note_line=quoted,
                    cites=must.cites,
                    years=positive.years,
                    text=f"{must.skill}: the notes say “{quoted}”{_years_text(positive.years)}",
                )
            )
        elif found:
            quoted = excerpt(found[0].line, found[0].at)
            gaps.append(
                NoteMatch(
                    skill=must.skill,
                    note_line=quoted,
                    cites=must.cites,
                    negated=True,
                    text=f"{must.skill}: the notes say “{quoted}”, which reads as not having it; ask about it.",
                )
            )
        else:
            gaps.append(
                NoteMatch(
                    skill=must.skill, cites=must.cites, text=f"{must.skill}: not mentioned in the notes; ask about it."
                )
            )
    return matches, gaps
