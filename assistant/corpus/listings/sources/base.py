"""What every connector returns: raw records in a common shape, plus what it skipped and why."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from assistant.vocab.boards import Source


class InputError(ValueError):
    """A whole response or file could not be read; the message is shown to the user as the reason."""


# Longest text kept per field. Boards' real values are far shorter (the longest description in the captures
# is ~40k characters); a stranger's 1 MB title must not make every later step slow.
FIELD_LIMITS = {
    "native_id": 200,
    "url": 2_000,
    "title": 300,
    "company": 200,
    "description_html": 100_000,
    "category": 200,
    "level_hint": 200,
    "work_mode_hint": 200,
    "salary_text": 300,
}
LIST_LIMIT, ITEM_LIMIT = 50, 300  # location texts, tags, employment values: how many, and how long each
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# The oldest and newest posting date believed: no job board predates 1995, and none posts from the future.
EARLIEST_POST = datetime(1995, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=2)


def clean_string(value: str, limit: int) -> str:
    """Text fit to store: cut to `limit`, lone surrogates (unencodable as UTF-8) replaced."""
    return _SURROGATE.sub("\ufffd", value[:limit])


def _clean_strings(value: Any, limit: int) -> Any:
    if isinstance(value, str):
        return clean_string(value, limit)
    if isinstance(value, list):
        return [_clean_strings(item, limit) for item in value[:LIST_LIMIT]]
    if isinstance(value, dict):
        return {clean_string(str(k), ITEM_LIMIT): _clean_strings(v, limit) for k, v in list(value.items())[:LIST_LIMIT]}
    return value


class RawListing(BaseModel):
    """One job as a board describes it, before cleaning and enrichment. Every string is capped in length
    and free of lone surrogates from here on, so no later step meets a hostile size or an unencodable id."""

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        # A URL is only cut: a replaced character would make a wrong link, so the Listing refuses it instead.
        return {
            key: value[: FIELD_LIMITS["url"]]
            if key == "url" and isinstance(value, str)
            else _clean_strings(value, FIELD_LIMITS.get(key, ITEM_LIMIT))
            for key, value in data.items()
        }

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
    damaged: str | None = None  # the response was cut off or malformed: what it held is not all the board has

    def skip(self, reason: str, record: str | None = None) -> None:
        self.skipped.append(Skip(reason=reason, ref=f"{self.origin}#{record}" if record else self.origin))


# Longer integers are no id, count or salary: kept as text, so the record they sit in is skipped with a reason
# instead of Python's int conversion limit (4,300 digits) failing the whole response.
MAX_INTEGER_DIGITS = 30


def _integer(text: str) -> int | str:
    return int(text) if len(text) <= MAX_INTEGER_DIGITS else text


def load_json(content: bytes) -> Any:
    """Parse a JSON response, telling an HTML error page or a cut-off body apart from other junk."""
    text = content.decode("utf-8", errors="replace").lstrip("\ufeff")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        raise InputError("got an HTML page where JSON was expected (an error page or a block?)")
    if not head:
        raise InputError("empty response")
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}; truncated?)") from None


def parse_jobs(
    content: bytes, origin: str, build: Callable[[dict[str, Any]], RawListing | None], *, bare_array: bool = False
) -> Batch:
    """A JSON response holding `{"jobs": [...]}` (or, where a board also sends it, a bare array of jobs)."""
    data = load_json(content)
    jobs = data.get("jobs") if isinstance(data, dict) else data if bare_array else None
    if not isinstance(jobs, list):
        shape = "a `jobs` array or a bare array of jobs" if bare_array else "an object with a `jobs` array"
        raise InputError(f"expected {shape}")
    return parse_records(Batch(origin=origin), jobs, build)


def parse_records(batch: Batch, records: list[Any], build: Callable[[dict[str, Any]], RawListing | None]) -> Batch:
    """Build each record in isolation: one bad record is a skip, never a lost file."""
    for index, record in enumerate(records):
        batch.seen += 1
        ref = clean_string(str(record.get("id", index)) if isinstance(record, dict) else str(index), 100)
        if not isinstance(record, dict):
            batch.skip(f"record is a {type(record).__name__}, not an object", ref)
            continue
        try:
            raw = build(record)
        except Exception as err:  # any field of any shape (a string where an object was, 1e400): skip only this one
            batch.skip(f"unreadable record ({type(err).__name__}: {_short(err)})", ref)
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


def _short(err: Exception, limit: int = 200) -> str:
    return clean_string(str(err), limit)


def parse_timestamp(value: Any) -> datetime | None:
    """ISO 8601 strings, or epoch seconds; None when absent, unreadable or outside the believable range."""
    if value in (None, "") or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            return None
        try:
            parsed = datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):  # 1e20 seconds is past year 9999
            return None
        return _believable(parsed)
    text = str(value).strip()[:100]
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)  # RSS: "Fri, 10 Jul 2026 22:45:30 +0000"
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    # Remotive and older Jobicy payloads carry no zone; the boards publish in UTC.
    return _believable(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))


def _believable(when: datetime) -> datetime | None:
    try:
        return when if EARLIEST_POST <= when <= datetime.now(UTC) + FUTURE_SLACK else None
    except (OverflowError, ValueError):  # an offset that pushes it past datetime's range
        return None
