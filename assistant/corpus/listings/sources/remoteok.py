"""Remote OK (`GET https://remoteok.com/api`): a JSON array whose element 0 is a legal notice."""

from __future__ import annotations

import re
from typing import Any

from assistant.corpus.listings.sources.base import (
    Batch,
    InputError,
    RawListing,
    load_json,
    parse_records,
    parse_timestamp,
)
from assistant.settings import Settings

BOARD = "remoteok"  # its id in assistant.vocab.boards
URL = "https://remoteok.com/api"

# Remote OK's anti-spam footer ends every description; it is an instruction to applicants, not the job.
# Found first, then the line breaks before it are stripped from the end: one pattern doing both retried
# the run of <br> from every position in it (20,000 <br> took 22 s).
_FOOTER = re.compile(r"Please mention the word\b", re.I)
_LAST_BREAK = re.compile(r"<br\s{0,5}/?>\s*\Z", re.I)
_BREAK_WINDOW = 20  # characters a last <br> and the spaces after it may take: each strip looks only there


def default_urls(settings: Settings) -> list[str]:
    """The URLs a refresh polls unless `settings.endpoints` names others."""
    return [URL]


def parse(content: bytes, origin: str) -> Batch:
    data = load_json(content)
    if not isinstance(data, list):
        raise InputError(f"expected a JSON array of jobs, got {type(data).__name__}")
    jobs = [item for item in data if not (isinstance(item, dict) and "legal" in item and "id" not in item)]
    return parse_records(Batch(origin=origin), jobs, _build)


def _build(job: dict[str, Any]) -> RawListing:
    return RawListing(
        source=BOARD,
        native_id=str(job["id"]),
        url=job.get("url") or job.get("apply_url") or "",
        title=job.get("position") or "",
        company=job.get("company") or "",
        description_html=_without_footer(str(job.get("description") or "")),
        location_texts=[job.get("location") or ""],
        tags=[str(tag) for tag in job.get("tags") or []],
        salary_fields={"min": job.get("salary_min"), "max": job.get("salary_max"), "currency": "USD"},
        posted_at=parse_timestamp(job.get("date") or job.get("epoch")),
    )


def _without_footer(description: str) -> str:
    found = _FOOTER.search(description)
    if found is None:
        return description
    head = description[: found.start()].rstrip()
    while (last := _LAST_BREAK.search(head, max(0, len(head) - _BREAK_WINDOW))) is not None:
        head = head[: last.start()].rstrip()
    return head
