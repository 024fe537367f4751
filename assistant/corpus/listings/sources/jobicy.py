"""Jobicy (`GET https://jobicy.com/api/v2/remote-jobs`): two salary schemas, list fields with entities."""

from __future__ import annotations

from typing import Any

from assistant.corpus.listings.sources.base import Batch, RawListing, parse_jobs, parse_timestamp
from assistant.corpus.text import fix_text
from assistant.settings import Settings

BOARD = "jobicy"  # its id in assistant.vocab.boards
URL = "https://jobicy.com/api/v2/remote-jobs"


def default_urls(settings: Settings) -> list[str]:
    """The URLs a refresh polls unless `settings.endpoints` names others."""
    return [f"{URL}?count=100"]


def parse(content: bytes, origin: str) -> Batch:
    return parse_jobs(content, origin, _build)


def _salary_fields(job: dict[str, Any]) -> dict[str, Any] | None:
    # Older payloads: annualSalaryMin/Max. Newer: salaryMin/Max/Period, as strings or numbers.
    if "annualSalaryMin" in job or "annualSalaryMax" in job:
        return {
            "min": job.get("annualSalaryMin"),
            "max": job.get("annualSalaryMax"),
            "currency": job.get("salaryCurrency"),
            "period": "yearly",
        }
    if "salaryMin" in job or "salaryMax" in job:
        return {
            "min": job.get("salaryMin"),
            "max": job.get("salaryMax"),
            "currency": job.get("salaryCurrency"),
            "period": job.get("salaryPeriod"),
        }
    return None


def _as_list(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [fix_text(str(item)) for item in values]


def _build(job: dict[str, Any]) -> RawListing:
    industries = _as_list(job.get("jobIndustry"))
    return RawListing(
        source=BOARD,
        native_id=str(job["id"]),
        url=job.get("url") or "",
        title=job.get("jobTitle") or "",
        company=job.get("companyName") or "",
        description_html=job.get("jobDescription") or job.get("jobExcerpt") or "",
        location_texts=[job.get("jobGeo") or ""],
        tags=industries,
        category=industries[0] if industries else None,
        employment_raw=_as_list(job.get("jobType")),
        level_hint=job.get("jobLevel"),
        salary_fields=_salary_fields(job),
        posted_at=parse_timestamp(job.get("pubDate")),
    )
