"""What every connector returns: raw records in a common shape, plus what it skipped and why."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable

from pydantic import BaseModel, Field

from assistant.models import Source


class InputError(ValueError):
    """A whole response or file could not be read; the message is shown to the user as the reason."""


class RawListing(BaseModel):
    """One job as a board describes it, before cleaning and enrichment."""

    source: Source
    native_id: str
    url: str
    title: str
    company: str
    description_html: str = ""
    location_texts: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    category: str | None = None
    employment_raw: str | list[str] | None = None
    level_hint: str | None = None
    work_mode_hint: str | None = None
    salary_fields: dict[str, Any] | None = None  # min, max, currency, period as the board gives them
    salary_text: str | None = None
    posted_at: datetime | None = None

    @property
    def id(self) -> str:
        return f"{self.source}:{self.native_id}"


class Skip(BaseModel):
    reason: str
    ref: str  # file name, or file name and record


class Batch(BaseModel):
    """The result of parsing one response: how many records it held, which became listings, which not."""

    origin: str
    seen: int = 0
    listings: list[RawListing] = Field(default_factory=list)
    skipped: list[Skip] = Field(default_factory=list)

    def skip(self, reason: str, record: str | None = None) -> None:
        self.skipped.append(Skip(reason=reason, ref=f"{self.origin}#{record}" if record else self.origin))


def load_json(content: bytes) -> Any:
    """Parse a JSON response, telling an HTML error page or a cut-off body apart from other junk."""
    text = content.decode("utf-8", errors="replace").lstrip("\ufeff")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        raise InputError("got an HTML page where JSON was expected (an error page or a block?)")
    if not head:
        raise InputError("empty response")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}; truncated?)") from None


def parse_jobs(content: bytes, origin: str, build: Callable[[dict], RawListing | None], *,
               bare_array: bool = False) -> Batch:
    """A JSON response holding `{"jobs": [...]}` (or, where a board also sends it, a bare array of jobs)."""
    data = load_json(content)
    jobs = data.get("jobs") if isinstance(data, dict) else data if bare_array else None
    if not isinstance(jobs, list):
        shape = "a `jobs` array or a bare array of jobs" if bare_array else "an object with a `jobs` array"
        raise InputError(f"expected {shape}")
    return parse_records(Batch(origin=origin), jobs, build)


def parse_records(batch: Batch, records: list[Any], build: Callable[[dict], RawListing | None]) -> Batch:
    """Build each record in isolation: one bad record is a skip, never a lost file."""
    for index, record in enumerate(records):
        batch.seen += 1
        ref = str(record.get("id", index)) if isinstance(record, dict) else str(index)
        if not isinstance(record, dict):
            batch.skip(f"record is a {type(record).__name__}, not an object", ref)
            continue
        try:
            raw = build(record)
        except (KeyError, TypeError, ValueError) as err:
            batch.skip(f"unreadable record ({type(err).__name__}: {err})", ref)
            continue
        if raw is None:
            continue
        if not raw.title.strip():
            batch.skip("no title", ref)
        elif not raw.url.strip():
            batch.skip("no link back to the original", ref)
        else:
            batch.listings.append(raw)
    return batch


def parse_timestamp(value: Any) -> datetime | None:
    """ISO 8601 strings, or epoch seconds; None when absent or unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)  # RSS: "Fri, 10 Jul 2026 22:45:30 +0000"
        except (TypeError, ValueError):
            return None
    # Remotive and older Jobicy payloads carry no zone; the boards publish in UTC.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
