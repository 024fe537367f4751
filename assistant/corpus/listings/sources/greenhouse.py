"""Greenhouse job boards (`GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`).

Content mode carries entity-escaped HTML, departments and offices; list mode carries none of them.
`metadata` is null or a board-specific list of {name, value} where value may be a list.
"""

from __future__ import annotations

import html
from typing import Any

from assistant.corpus.listings.sources.base import Batch, RawListing, parse_jobs, parse_timestamp
from assistant.settings import Settings

BOARD = "greenhouse"  # its id in assistant.vocab.boards


def board_url(token: str, api: str = "https://boards-api.greenhouse.io") -> str:
    return f"{api.rstrip('/')}/v1/boards/{token}/jobs?content=true"


def default_urls(settings: Settings) -> list[str]:
    """The URLs a refresh polls unless `settings.endpoints` names others: one per configured company board."""
    return [board_url(token, settings.greenhouse_api) for token in settings.greenhouse_boards]


def parse(content: bytes, origin: str) -> Batch:
    return parse_jobs(content, origin, _build)


def _metadata(job: dict[str, Any]) -> dict[str, str]:
    values = {}
    for item in job.get("metadata") or []:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value not in (None, ""):
            values[str(item.get("name", "")).lower()] = str(value)
    return values


def _build(job: dict[str, Any]) -> RawListing:
    meta = _metadata(job)
    offices = [office.get("name") or "" for office in job.get("offices") or []]
    departments = [dept.get("name") or "" for dept in job.get("departments") or [] if dept.get("name")]
    return RawListing(
        source=BOARD,
        native_id=str(job["id"]),
        url=job.get("absolute_url") or "",
        title=job.get("title") or "",
        company=job.get("company_name") or "",
        description_html=html.unescape(job.get("content") or ""),
        location_texts=[(job.get("location") or {}).get("name") or "", *offices],
        tags=departments,
        category=departments[0] if departments else None,
        # The worker sub-type first: a fixed-term job that is full time is fixed term before it is full time
        # ("Regular" names no type and is passed over).
        employment_raw=[
            v for v in (meta.get("worker sub-type"), meta.get("time type"), meta.get("employment type")) if v
        ],
        level_hint=meta.get("management level") or meta.get("job level"),
        work_mode_hint=meta.get("location type") or meta.get("workplace type"),
        posted_at=parse_timestamp(job.get("first_published") or job.get("updated_at")),
    )
