"""The answer contract (`career-assistant ask --json`, DESIGN.md) and the passages answers are built from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.index.meta import ChunkMeta
from assistant.query.results import Understood


class Passage(BaseModel):
    """One retrieved chunk offered to a backend as numbered source [n]."""

    n: int
    doc_id: str  # the citation id: "guide:<guide>#<section>" or "listing:<source>:<id>"
    kind: Literal["guide", "listing"]
    title: str
    url: str | None = None
    text: str  # the chunk's indexed text, verbatim: quotes are substrings of it
    meta: ChunkMeta | None = None  # the chunk's; None for a passage made up to check one line (check/lines.py)
    chunk: int = 0  # the chunk's place in its document: a section's passages are put back in order by it


class Citation(BaseModel):
    n: int
    id: str
    kind: Literal["guide", "listing"]
    title: str
    url: str | None = None
    quote: str  # an exact substring of the indexed text of `id`


class SalaryView(BaseModel):
    min: float | None = None
    max: float | None = None
    currency: str
    period: str
    annual_usd_min: float | None = None
    annual_usd_max: float | None = None


class ListingView(BaseModel):
    id: str
    title: str
    company: str
    url: str
    source: str
    location: str
    work_mode: str
    employment: str = "unknown"  # the type in words, with the board's own word when it says more
    salary: SalaryView | None = None
    posted_at: str | None = None


class Answer(BaseModel):
    question: str
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    listings: list[ListingView] = Field(default_factory=list)
    answerable: bool
    backend: str  # "extractive" or "openai:<model>"
    timings_ms: dict[str, float] = Field(default_factory=dict)
    notices: list[str] = Field(default_factory=list)  # fallbacks and removed sentences, said plainly
    understood: Understood | None = None  # the intent and filters the question was read as


class AnswerError(ValueError):
    """A question the assistant refuses before answering (empty, too long): one line for the user."""
