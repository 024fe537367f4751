"""The normalized listing: what every connector's output becomes, and what the snapshot stores."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field

SOURCES = ("remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse")
Source = Literal["remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse"]

# Where a source's name is shown to people, the boards' terms ask for these exact names.
SOURCE_NAMES = {
    "remoteok": "Remote OK",
    "remotive": "Remotive",
    "jobicy": "Jobicy",
    "weworkremotely": "We Work Remotely",
    "greenhouse": "Greenhouse",
}


class WorkMode(str, Enum):
    remote = "remote"
    hybrid = "hybrid"
    onsite = "onsite"
    unknown = "unknown"


class Clarity(str, Enum):
    """How clearly the listing states its work mode."""

    explicit = "explicit"  # the listing says so in a field or its text
    implied = "implied"  # only the board implies it (a remote-only board, a "Remote" location)
    unknown = "unknown"


class EmploymentType(str, Enum):
    full_time = "full_time"
    part_time = "part_time"
    contract = "contract"
    freelance = "freelance"
    internship = "internship"
    temporary = "temporary"
    unknown = "unknown"


class Seniority(str, Enum):
    intern = "intern"
    junior = "junior"
    mid = "mid"
    senior = "senior"
    staff = "staff"
    principal = "principal"
    manager = "manager"
    unknown = "unknown"


Period = Literal["year", "month", "week", "day", "hour"]


class Salary(BaseModel):
    min: float | None = None
    max: float | None = None
    currency: str = "USD"
    period: Period = "year"
    period_inferred: bool = False  # the source gave no period; it was judged from the amounts
    text: str | None = None  # as disclosed, when it came from text
    origin: Literal["field", "text", "description"] = "field"
    annual_usd_min: float | None = None
    annual_usd_max: float | None = None
    fx_rate: float | None = None  # USD per unit of currency
    fx_date: date | None = None  # the ECB reference date whose rate was used


class Signal(BaseModel):
    """Something the role guide says matters, found in a listing, with the text that shows it."""

    kind: Literal["ml_platform", "inference_scale", "ab_testing", "seniority", "red_flag"]
    label: str
    evidence: str  # an exact substring of the field named below
    field: Literal["title", "description", "tags"] = "description"


class Location(BaseModel):
    text: str = ""
    countries: list[str] = Field(default_factory=list)  # ISO 3166-1 alpha-2
    regions: list[str] = Field(default_factory=list)  # e.g. "Europe", "North America", "Worldwide"


class SourceRef(BaseModel):
    """One place the job was seen: dedupe keeps every one."""

    id: str
    url: str
    posted_at: datetime | None = None


class Listing(BaseModel):
    id: str  # <source>:<native id>
    source: Source
    url: str
    title: str
    company: str
    description: str = ""
    location: Location = Field(default_factory=Location)
    work_mode: WorkMode = WorkMode.unknown
    work_mode_clarity: Clarity = Clarity.unknown
    work_mode_evidence: str | None = None
    employment_type: EmploymentType = EmploymentType.unknown
    seniority: Seniority = Seniority.unknown
    ml_relevant: bool = False
    ml_evidence: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    salary: Salary | None = None
    signals: list[Signal] = Field(default_factory=list)
    posted_at: datetime | None = None
    fetched_at: datetime
    also_seen: list[SourceRef] = Field(default_factory=list)
    content_hash: str = ""

    @property
    def native_id(self) -> str:
        return self.id.split(":", 1)[1]

    @property
    def urls(self) -> list[str]:
        return [self.url, *(ref.url for ref in self.also_seen)]

    def with_hash(self) -> "Listing":
        """Hash what the job says, not when we saw it, so a re-fetch of the same job is not an update."""
        content = self.model_dump(mode="json", exclude={"fetched_at", "content_hash", "also_seen"})
        digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
        return self.model_copy(update={"content_hash": digest[:16]})
