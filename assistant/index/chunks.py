"""Documents → chunks: guides along their sections, listings with a header that carries every fact to filter on.

A chunk never mixes two guide sections. Long sections and long descriptions are split at sentence
boundaries with overlap (llama-index's SentenceSplitter, tiktoken counts), small enough that the
embedding model sees all of a chunk (all-MiniLM-L6-v2 reads 256 word pieces).
"""

from __future__ import annotations

import hashlib
from functools import cache, cached_property
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, model_validator

from assistant.corpus.guides import Guide
from assistant.index.meta import ChunkMeta, GuideMeta, ListingMeta
from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.listing import Listing, Salary
from assistant.vocab.places import country_name

if TYPE_CHECKING:
    from llama_index.core.node_parser import SentenceSplitter

CHUNK_TOKENS = 200
OVERLAP_TOKENS = 30


class Chunk(BaseModel):
    id: str  # "<doc_id>~<n>"
    doc_id: str  # the citation id: "guide:<guide>#<section>" or "listing:<listing id>"
    kind: Literal["guide", "listing"]
    text: str
    meta: ChunkMeta  # GuideMeta for a guide chunk, ListingMeta for a listing's

    @model_validator(mode="after")
    def _meta_of_its_kind(self) -> Chunk:
        # Readers tell the kinds apart by either `kind` or the meta's type: the two must agree.
        if isinstance(self.meta, GuideMeta) != (self.kind == "guide"):
            raise ValueError(f"a {self.kind} chunk with {type(self.meta).__name__}")
        return self

    @cached_property  # a build asks each of 300k chunks for it several times; the text is never reassigned
    def text_hash(self) -> str:
        """What the embedding depends on: the text alone, so metadata-only changes re-embed nothing."""
        return hashlib.sha256(self.text.encode()).hexdigest()[:32]


@cache
def _splitter() -> SentenceSplitter:
    # Imported here: llama-index takes seconds to import, and answering a question never cuts chunks.
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.utils import get_tokenizer

    return SentenceSplitter(
        chunk_size=CHUNK_TOKENS, chunk_overlap=OVERLAP_TOKENS, tokenizer=get_tokenizer(), paragraph_separator="\n\n"
    )


def count_tokens(text: str) -> int:
    from llama_index.core.utils import get_tokenizer

    return len(get_tokenizer()(text))


def split(text: str) -> list[str]:
    return [piece for piece in _splitter().split_text(text) if piece.strip()] if text.strip() else []


def guide_chunks(guide: Guide) -> list[Chunk]:
    chunks = []
    for section in guide.sections:
        if not section.text.strip():
            continue
        doc_id = f"guide:{guide.id}#{section.id}"
        heading = " > ".join(section.heading_path)
        meta = GuideMeta(
            guide_id=guide.id,
            section_id=section.id,
            heading_path=section.heading_path,
            title=f"{guide.title}: {section.title}" if section.title and section.title != guide.title else guide.title,
            path=guide.path,
        )
        for n, piece in enumerate(split(section.text)):
            chunks.append(
                Chunk(id=f"{doc_id}~{n}", doc_id=doc_id, kind="guide", text=f"{heading}\n\n{piece}", meta=meta)
            )
    return chunks


def listing_chunks(listing: Listing) -> list[Chunk]:
    doc_id = f"listing:{listing.id}"
    meta = listing_meta(listing)
    pieces = split(listing.description) or [""]
    chunks = []
    for n, piece in enumerate(pieces):
        head = listing_header(listing) if n == 0 else f"{listing.title} — {listing.company} (continued)"
        chunks.append(
            Chunk(id=f"{doc_id}~{n}", doc_id=doc_id, kind="listing", text=f"{head}\n\n{piece}".strip(), meta=meta)
        )
    return chunks


def listing_header(listing: Listing) -> str:
    """The facts people filter and ask on, in words, so keyword and vector search can both see them."""
    places = [country_name(code) for code in listing.location.countries] + listing.location.regions
    where = listing.location.text or "not stated"
    if places:
        where += f" ({', '.join(places)})"
    how = {"explicit": "stated in the listing", "implied": "implied by the board", "unknown": "not stated"}
    lines = [
        f"{listing.title} — {listing.company}",
        f"Location: {where}",
        f"Work mode: {listing.work_mode.value} ({how[listing.work_mode_clarity.value]})",
        f"Salary: {describe_salary(listing.salary)}",
        f"Seniority: {listing.level_words}. Employment: {listing.employment_words}.",
        f"Posted: {listing.posted_at.date().isoformat() if listing.posted_at else 'unknown'}. "
        f"Source: {SOURCE_NAMES[listing.source]}.",
    ]
    if listing.skills:
        lines.append(f"Skills: {', '.join(listing.skills[:15])}")
    return "\n".join(lines)


def describe_salary(salary: Salary | None) -> str:
    if salary is None:
        return "not disclosed"
    low, high = salary.min, salary.max
    amount = " – ".join(f"{value:,.0f}" for value in (low, high) if value is not None) if low != high else f"{low:,.0f}"
    text = f"{salary.currency} {amount} per {salary.period}"
    if salary.annual_usd_min is not None and (salary.currency != "USD" or salary.period != "year"):
        usd = f"${salary.annual_usd_min:,.0f}" + (
            f" – ${salary.annual_usd_max:,.0f}" if salary.annual_usd_max not in (None, salary.annual_usd_min) else ""
        )
        rate = f" at the ECB rate of {salary.fx_date.isoformat()}" if salary.fx_date else ""
        text += f" (about {usd} a year in USD{rate})"
    return text


def listing_meta(listing: Listing) -> ListingMeta:
    """Every filterable field of the Listing, flat."""
    salary = listing.salary
    return ListingMeta(
        listing_id=listing.id,
        title=f"{listing.title} — {listing.company}",
        url=listing.url,
        source=listing.source,
        company=listing.company,
        countries=listing.location.countries,
        regions=listing.location.regions,
        work_mode=listing.work_mode.value,
        seniority=listing.seniority.value,
        employment_type=listing.employment_type.value,
        ml_relevant=listing.ml_relevant,
        skills=listing.skills,
        salary_disclosed=salary is not None,
        annual_usd_min=salary.annual_usd_min if salary else None,
        annual_usd_max=salary.annual_usd_max if salary else None,
        posted_at=listing.posted_at.isoformat() if listing.posted_at else None,
    )
