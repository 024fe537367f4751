"""What question understanding returns: the intent and the reading as a whole; the filters it carries are the
index's `Filters` (the index owns what it can filter on)."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from assistant.index.filters import Filters as Filters  # re-exported: the filters a reading carries
from assistant.vocab.listing import EmploymentType, Salary, Seniority


class Intent(str, Enum):
    listings = "listings"
    pay = "pay"
    hiring = "hiring"
    responsibilities = "responsibilities"
    skills = "skills"
    time_split = "time_split"
    levels = "levels"
    flags = "flags"
    checks = "checks"
    listing_signals = "listing_signals"  # what in a listing tells a credible employer, and where listings come from
    employers = "employers"
    faq = "faq"
    overview = "overview"  # what the role is and how it is done: the guide's opening section
    general = "general"
    off_topic = "off_topic"


class Understood(BaseModel):
    question: str
    intent: Intent
    filters: Filters
    markets: list[str] = Field(default_factory=list)
    unknown_markets: list[str] = Field(default_factory=list)
    currencies: list[str] = Field(default_factory=list)  # the pay asked for in these ("and in pounds?")
    comparison: bool = False
    role_terms: list[str] = Field(default_factory=list)
    # Employment types a search names: its filter, or asked of the jobs found ("is it permanent?"); both shown.
    employment: list[EmploymentType] = Field(default_factory=list)
    level_asked: bool = False  # a search asking the jobs' levels ("what level are those roles?"): each one's shown
    asked: list[str] = Field(default_factory=list)  # a search's words no slot read: what it asks of the listings
    # Filters a search by company named that none of its jobs matches, dropped so that its jobs are shown.
    unmatched: list[str] = Field(default_factory=list)
    levels: list[Seniority] = Field(default_factory=list)  # seniority a guide question names ("junior pay")
    subjects: list[str] = Field(default_factory=list)  # benefits asked about ("relocation"): an answer must name them
    explanation: list[str] = Field(default_factory=list)
    scores: dict[str, float] = Field(default_factory=dict)  # the intent classifier's probabilities, best first
    close: list[Intent] = Field(default_factory=list)  # other readings nearly as likely: answered too where they fit
    context: str = ""  # the earlier question a follow-up continues: retrieval reads the two together
    fragment: bool = False  # an elliptical follow-up ("and in the UK?"): the previous turn completes it
    unsupported: bool = False  # read as a career topic the guide does not cover
    # A company whose job the guide's criteria are asked of ("is the Workada data labeling job real ML work by your
    # guide?"): the section answers, and that job's listing is shown beside it.
    job_of: str = ""
    figure: Salary | None = None  # an amount a guide question asks about ("is €140k fair?"), compared with the range
