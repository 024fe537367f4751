"""RawListing (as a board describes a job) → Listing (clean, normalized, enriched)."""

from __future__ import annotations

from datetime import datetime

from assistant.corpus.listings import enrich
from assistant.corpus.listings.sources import RawListing
from assistant.corpus.text import fix_text, html_to_text, squash_spaces
from assistant.vocab import money as salary
from assistant.vocab import places
from assistant.vocab.boards import REMOTE_BOARDS
from assistant.vocab.listing import Listing, Salary


def normalize(raw: RawListing, fetched_at: datetime, origin: str = "") -> Listing:
    title = squash_spaces(fix_text(raw.title))
    description = html_to_text(raw.description_html)
    location = places.normalize_location(*(fix_text(text) for text in raw.location_texts))
    tags = [squash_spaces(fix_text(tag)) for tag in raw.tags if tag and tag.strip()]
    mode, clarity, evidence = enrich.work_mode(
        title, description, location.text, hint=raw.work_mode_hint, remote_board=raw.source in REMOTE_BOARDS
    )
    ml_relevant, ml_evidence = enrich.ml_relevance(title, description, tags, raw.category)
    listing = Listing(
        id=raw.id,
        source=raw.source,
        url=raw.url.strip(),
        title=title,
        company=squash_spaces(fix_text(raw.company)) or "Unknown company",
        description=description,
        location=location,
        work_mode=mode,
        work_mode_clarity=clarity,
        work_mode_evidence=evidence,
        employment_type=enrich.employment_type(raw.employment_raw, title=title, description=description),
        employment_stated=enrich.employment_stated(raw.employment_raw),
        seniority=enrich.seniority(title, level_hint=raw.level_hint, description=description),
        level_stated=squash_spaces(fix_text(raw.level_hint or "")) or None,
        ml_relevant=ml_relevant,
        ml_evidence=ml_evidence,
        skills=enrich.skills(tags, description),
        salary=_salary(raw, description),
        signals=enrich.signals(title, description, tags),
        posted_at=raw.posted_at,
        fetched_at=fetched_at,
        origin=origin,
    )
    return listing.with_hash()


def _salary(raw: RawListing, description: str) -> Salary | None:
    """Structured fields first, then the board's salary text, then a pay statement in the description."""
    stated = salary.find_salary_in_text(description, posted_at=raw.posted_at) if description else None
    fields = raw.salary_fields or {}
    found = None
    if fields:
        found = salary.salary_from_fields(
            fields.get("min"),
            fields.get("max"),
            fields.get("currency"),
            fields.get("period"),
            posted_at=raw.posted_at,
        )
    if found is not None and _same_amounts_other_currency(found, stated):
        # Boards fill the currency field with a default (Remote OK always USD); the text names the real one.
        return stated
    if found is None and raw.salary_text:
        found = salary.parse_salary_text(fix_text(raw.salary_text), posted_at=raw.posted_at)
    return found or stated


def _same_amounts_other_currency(field: Salary, stated: Salary | None) -> bool:
    return (
        stated is not None and stated.currency != field.currency and (stated.min, stated.max) == (field.min, field.max)
    )
