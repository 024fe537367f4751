"""What a chunk carries besides its text: the fields its citation shows and the index filters on.

One model per kind of document, with exactly the keys `chunks.py` has always written, in the same order: a
chunk's meta is stored in chunks.jsonl as `model_dump_json` writes it and digested as `model_dump` gives it
(ledger.digest), so an index built before these models existed reads back as it did. Both are frozen: every
chunk of a listing shares one meta, so no reader may change it for the others.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant.vocab.boards import Source


class GuideMeta(BaseModel):
    """A guide section's chunk."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    guide_id: str
    section_id: str
    heading_path: list[str]  # the titles from the guide's top heading down to the section's
    title: str  # "<guide title>: <section title>", or the guide's title for its opening section
    url: None = None  # a guide has no URL of its own (its page is served by id); the key stays for the file format
    path: str  # the guide's file


class ListingMeta(BaseModel):
    """Every filterable field of a listing, flat (filters.FilterColumns reads them into arrays)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    listing_id: str
    title: str  # "<job title> — <company>"
    url: str
    source: Source
    company: str
    countries: list[str]  # ISO 3166-1 alpha-2
    regions: list[str]
    # The enums' values, not the enums: what is stored, and what the filters compare with `.value`.
    work_mode: str
    seniority: str
    employment_type: str
    ml_relevant: bool
    skills: list[str]
    salary_disclosed: bool
    annual_usd_min: float | None
    annual_usd_max: float | None
    posted_at: str | None  # ISO 8601 as stored; parsed only by the filters that need a date


# Told apart without a tag: each model forbids the other's keys, so a stored dict validates as exactly one.
ChunkMeta = GuideMeta | ListingMeta


def construct_meta(kind: str, fields: dict[str, Any]) -> ChunkMeta:
    """A meta read back from a build's chunks.jsonl, unvalidated as the build wrote it (manifest.read_chunks)."""
    model: type[GuideMeta] | type[ListingMeta] = GuideMeta if kind == "guide" else ListingMeta
    return model.model_construct(**fields)


def headings(meta: ChunkMeta | None, title: str) -> list[str]:
    """A guide section's heading path; the title alone for a listing or a passage with no meta."""
    path = meta.heading_path if isinstance(meta, GuideMeta) else []
    return path or [title]
