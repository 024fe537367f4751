"""The normalized listing: what every connector's output becomes, and what the snapshot stores."""

from __future__ import annotations

import hashlib
import json
import math
import re
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, Field

from assistant.vocab.boards import Source

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _web_url(value: str) -> str:
    """Only http(s) links are shown as links: a board's `javascript:` or `data:` URL is no listing."""
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        raise ValueError("not a URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {value[:80]!r}")
    if _SURROGATE.search(value) or any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise ValueError("URL holds spaces, control characters or unencodable text")
    return value


def _encodable(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("holds a lone surrogate, which no file can store")
    return value


def _finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


WebUrl = Annotated[str, AfterValidator(_web_url)]
Encodable = Annotated[str, AfterValidator(_encodable)]
Amount = Annotated[float | None, AfterValidator(_finite)]


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


# The type a word says, by how the word starts: "part-time", "contractor", "fixed-term", "FTC", "internship".
EMPLOYMENT_PREFIXES = (
    ("full", EmploymentType.full_time),
    ("part", EmploymentType.part_time),
    ("contract", EmploymentType.contract),
    ("fixed", EmploymentType.contract),
    ("ftc", EmploymentType.contract),
    ("freelance", EmploymentType.freelance),
    ("intern", EmploymentType.internship),
    ("temp", EmploymentType.temporary),
    ("seasonal", EmploymentType.temporary),
)


# Work one board tags "contract" another calls freelance (A.Team's "Senior Independent AI Engineer" is a contract
# job): a search for either takes both.
KINDRED_EMPLOYMENT = {
    EmploymentType.contract: EmploymentType.freelance,
    EmploymentType.freelance: EmploymentType.contract,
}


# After "contract": a job about contracts ("Contract Manager", "Contracts Counsel", "contract law"), no contract job.
NOT_A_CONTRACT_JOB = (
    r"(?!\s+(?:manager|management|specialist|administrat\w*|negotiat\w*|lawyer|attorney|counsel|analyst|review\w*"
    r"|law\b))"
)


def employment_of(word: str) -> EmploymentType:
    word = word.lower()
    return next((kind for prefix, kind in EMPLOYMENT_PREFIXES if word.startswith(prefix)), EmploymentType.unknown)


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
    min: Amount = None
    max: Amount = None
    currency: str = "USD"
    period: Period = "year"
    period_inferred: bool = False  # the source gave no period; it was judged from the amounts
    text: str | None = None  # as disclosed, when it came from text
    origin: Literal["field", "text", "description"] = "field"
    annual_usd_min: Amount = None
    annual_usd_max: Amount = None
    fx_rate: Amount = None  # USD per unit of currency
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

    id: Encodable
    url: WebUrl
    posted_at: datetime | None = None


class Listing(BaseModel):
    """Validated at the boundary: a record that fails here is skipped with its reason, and nothing that
    passes can stop a snapshot being written or put a non-web link on the page."""

    id: Encodable  # <source>:<native id>
    source: Source
    url: WebUrl
    title: Encodable
    company: Encodable
    description: Encodable = ""
    location: Location = Field(default_factory=Location)
    work_mode: WorkMode = WorkMode.unknown
    work_mode_clarity: Clarity = Clarity.unknown
    work_mode_evidence: str | None = None
    employment_type: EmploymentType = EmploymentType.unknown
    employment_stated: Encodable | None = None  # the board's own word for it when it says more ("Fixed Term")
    seniority: Seniority = Seniority.unknown
    level_stated: Encodable | None = None  # the board's own name for the level ("IC5", "5, 6"): people ask for it
    ml_relevant: bool = False
    ml_evidence: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    salary: Salary | None = None
    signals: list[Signal] = Field(default_factory=list)
    posted_at: datetime | None = None
    fetched_at: datetime
    also_seen: list[SourceRef] = Field(default_factory=list)
    content_hash: str = ""
    origin: str = ""  # the file or board URL it was read from: a board that fails keeps what it had

    @property
    def native_id(self) -> str:
        return self.id.split(":", 1)[1]

    @property
    def employment_words(self) -> str:
        """Ours, and the board's own word for it when that says more ("contract (the board's type: Fixed Term)")."""
        ours = self.employment_type.value.replace("_", " ")
        return f"{ours} (the board's type: {self.employment_stated})" if self.employment_stated else ours

    @property
    def level_words(self) -> str:
        """Ours, and the board's own name for it when that says more ("staff (the board's level: IC5)")."""
        stated = self.level_stated
        if not stated or stated.lower() in (self.seniority.value, "any"):
            return self.seniority.value
        return f"{self.seniority.value} (the board's level: {stated})"

    @property
    def urls(self) -> list[str]:
        return [self.url, *(ref.url for ref in self.also_seen)]

    def with_hash(self) -> Listing:
        """Hash what the job says, not when we saw it, so a re-fetch of the same job is not an update."""
        content = self.model_dump(mode="json", exclude={"fetched_at", "content_hash", "also_seen", "origin"})
        digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
        return self.model_copy(update={"content_hash": digest[:16]})
