"""Remotive (`GET https://remotive.com/api/remote-jobs`): an envelope with `jobs`, or a bare array."""

from __future__ import annotations

from typing import Any

from assistant.corpus.listings.sources.base import Batch, RawListing, parse_jobs, parse_timestamp
from assistant.settings import Settings

BOARD = "remotive"  # its id in assistant.vocab.boards
URL = "https://remotive.com/api/remote-jobs"


def default_urls(settings: Settings) -> list[str]:
    """The URLs a refresh polls unless `settings.endpoints` names others."""
    return [URL]


def parse(content: bytes, origin: str) -> Batch:
    return parse_jobs(content, origin, _build, bare_array=True)


def _build(job: dict[str, Any]) -> RawListing:
    return RawListing(
        source=BOARD,
        native_id=str(job["id"]),
        url=job.get("url") or "",
        title=job.get("title") or "",
        company=job.get("company_name") or "",
        description_html=job.get("description") or "",
        location_texts=[job.get("candidate_required_location") or ""],
        tags=[str(tag) for tag in job.get("tags") or []],
        category=job.get("category"),
        employment_raw=job.get("job_type"),
        salary_text=job.get("salary") or None,
        posted_at=parse_timestamp(job.get("publication_date")),
    )
