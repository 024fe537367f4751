"""The interview brief: every part a list of statements, each with the numbers of the citations behind it.

Citations are the chat's own `Citation` model, so a sources panel renders brief citations and chat
citations alike; `cites` holds their `n`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, Field

from assistant.answer.models import Citation, SalaryView


class BriefError(ValueError):
    """A brief that cannot be built (unknown listing or guide, nothing indexed): one line for the user."""


class Statement(BaseModel):
    text: str
    cites: list[int] = Field(default_factory=list)  # `Citation.n` of the brief's citations


class MustHave(Statement):
    skill: str  # the skill's name (a listing skill) or the guide item's label
    terms: list[str] = Field(default_factory=list)  # words that count as the skill when found in notes


class Stage(BaseModel):
    name: str
    probes: list[Statement]  # what the stage should probe: the guide's account first, then the listing's skills


class Flag(Statement):
    label: str
    evidence: str | None = None  # the listing's own words (verbatim in a cited chunk); None for guide items


class PayRow(Statement):
    market: str
    guide_range: str  # as the guide's table writes it, e.g. "€110,000 – €165,000"


class PayBenchmark(BaseModel):
    market: str | None = None  # the guide market the listing's location falls in; None when it has no row
    covered_markets: list[str] = Field(default_factory=list)  # every market the guide's pay table has
    rows: list[PayRow] = Field(default_factory=list)  # the rows that apply (all for a guide brief; the global
    # row, as the nearest, when the guide has no row for the listing's market)
    listing: Statement | None = None  # the listing's range as disclosed, plus annual USD
    salary: SalaryView | None = None
    comparison: Statement | None = None  # both ranges in annual USD, side by side
    note: Statement | None = None  # the guide has no row for the listing's market: which ones it has
    ask: Statement | None = None  # the pay the candidate notes ask for, against the listing's range

    def statements(self) -> Iterator[Statement]:
        yield from (s for s in (self.note,) if s is not None)
        yield from self.rows
        yield from (s for s in (self.listing, self.comparison, self.ask) if s is not None)


class NoteMatch(Statement):
    skill: str
    note_line: str | None = None  # the line of the notes that mentions it (a negated mention is a gap with its line)
    years: float | None = None  # years of it the notes state in the same clause ("7 yrs ML")
    negated: bool = False  # the notes name it under a negation ("no TensorFlow")


class InterviewBrief(BaseModel):
    subject_kind: Literal["listing", "guide"]
    subject_id: str  # a listing id ("remoteok:1056760") or a guide id
    title: str
    company: str | None = None
    url: str | None = None
    guide_id: str  # the role guide the brief benchmarks against
    role_summary: list[Statement] = Field(default_factory=list)
    must_haves: list[MustHave] = Field(default_factory=list)
    stage_notes: list[Statement] = Field(default_factory=list)  # how many stages, how long, optional rounds
    stages: list[Stage] = Field(default_factory=list)
    ownership_questions: list[Statement] = Field(default_factory=list)
    pay: PayBenchmark = Field(default_factory=PayBenchmark)
    red_flags: list[Flag] = Field(default_factory=list)
    green_flags: list[Flag] = Field(default_factory=list)
    no_description: bool = False  # the listing has only a title and facts: no text to read skills or flags from
    notes_given: bool = False
    notes_match: list[NoteMatch] = Field(default_factory=list)
    notes_gaps: list[NoteMatch] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)  # what was left out and why, said plainly

    def statements(self) -> Iterator[Statement]:
        """Every cited statement of the brief, in reading order."""
        yield from self.role_summary
        yield from self.must_haves
        yield from self.stage_notes
        for stage in self.stages:
            yield from stage.probes
        yield from self.ownership_questions
        yield from self.pay.statements()
        yield from self.red_flags
        yield from self.green_flags
        yield from self.notes_match
        yield from self.notes_gaps
