"""Candidate notes against the must-haves: which the notes mention (quoting the line) and which they leave open.

Each match or gap cites the requirement's own source, since the notes themselves are not indexed; the
notes' line is quoted in the statement's text instead.
"""

from __future__ import annotations

from assistant.brief.models import MustHave, NoteMatch
from assistant.brief.terms import excerpt, find_term

MAX_NOTES_CHARS = 20_000


def note_lines(notes: str) -> list[str]:
    return [line.strip() for line in notes.splitlines() if line.strip()]


def _mention(lines: list[str], must: MustHave) -> tuple[str, int] | None:
    """The first notes line naming any of the requirement's words, and where."""
    for line in lines:
        for term in must.terms or [must.skill]:
            at = find_term(line, term)
            if at is not None:
                return line, at
    return None


def match_notes(must_haves: list[MustHave], notes: str) -> tuple[list[NoteMatch], list[NoteMatch]]:
    lines = note_lines(notes)
    matches, gaps = [], []
    for must in must_haves:
        found = _mention(lines, must)
        if found:
            quoted = excerpt(*found)
            matches.append(NoteMatch(skill=must.skill, note_line=quoted, cites=must.cites,
                                     text=f"{must.skill}: the notes say “{quoted}”"))
        else:
            gaps.append(NoteMatch(skill=must.skill, cites=must.cites,
                                  text=f"{must.skill}: not mentioned in the notes; ask about it."))
    return matches, gaps
