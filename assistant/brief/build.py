"""Building a brief: the guide's parts, the listing's parts (when a listing is picked), the candidate notes."""

from __future__ import annotations

from pathlib import Path

from assistant.brief import guide_parts, listing_parts
from assistant.brief.models import BriefError, InterviewBrief
from assistant.brief.notes import MAX_NOTES_CHARS, match_notes
from assistant.brief.pay import guide_pay, listing_pay, pay_ask
from assistant.brief.sources import Sources
from assistant.corpus.guides import Guide, GuideError, load_guides
from assistant.library import Library
from assistant.vocab.listing import Listing


def build_brief(
    library: Library, *, listing_id: str | None = None, guide_id: str | None = None, notes: str = ""
) -> InterviewBrief:
    """A brief about one listing (benchmarked against `guide_id`, else the first guide) or about a role guide.

    The library's snapshot listings and indexed chunks are what is quoted.
    Raises `BriefError` for an unknown id, a guide that is not indexed, or notes over the length limit.
    """
    if len(notes) > MAX_NOTES_CHARS:
        raise BriefError(f"the notes are {len(notes):,} characters long; the limit is {MAX_NOTES_CHARS:,}")
    src = Sources(library, find_guide(library.settings.guides_dir, guide_id))
    if not any(src.section(part) for part in ("overview", "skills", "hiring-process", "pay")):
        raise BriefError(f"guide {src.guide.id!r} is not in the index; run `career-assistant index build`")
    listing = find_listing(library, listing_id) if listing_id else None
    brief = _listing_brief(src, listing) if listing else _guide_brief(src)
    if notes.strip():
        brief.notes_given = True
        brief.notes_match, brief.notes_gaps = match_notes(brief.must_haves, notes)
        if listing:
            brief.pay.ask = pay_ask(src, listing, notes)
    brief.citations = src.composer.citations
    brief.notices = src.notices
    return brief


def find_guide(directory: Path, guide_id: str | None) -> Guide:
    try:
        guides = load_guides(directory)
    except GuideError as error:
        raise BriefError(str(error)) from None
    if not guides:
        raise BriefError(f"no role guide in {directory}")
    if not guide_id:
        return guides[0]
    wanted = guide_id.removeprefix("guide:")
    found = next((g for g in guides if g.id == wanted), None)
    if found is None:
        raise BriefError(f"no guide {guide_id!r}; the guides are {', '.join(g.id for g in guides)}")
    return found


def find_listing(library: Library, listing_id: str) -> Listing:
    """A listing by its id or the id of a copy merged into it, as it is indexed."""
    listing = library.listing(listing_id.strip().removeprefix("listing:"))
    if listing is None:
        raise BriefError(f"no listing {listing_id!r} in the current snapshot")
    if not library.retriever.doc_chunks(f"listing:{listing.id}"):
        raise BriefError(f"listing {listing.id!r} is not in the index yet; run `career-assistant index build`")
    return listing


def _guide_brief(src: Sources) -> InterviewBrief:
    return InterviewBrief(
        subject_kind="guide",
        subject_id=src.guide.id,
        title=src.guide.title,
        guide_id=src.guide.id,
        role_summary=guide_parts.role_summary(src),
        must_haves=guide_parts.must_haves(src),
        stage_notes=guide_parts.stage_notes(src),
        stages=guide_parts.stages(src),
        ownership_questions=guide_parts.ownership_questions(src),
        pay=guide_pay(src),
        red_flags=guide_parts.guide_flags(src, "red-flags"),
        green_flags=guide_parts.guide_flags(src, "green-flags"),
    )


def _listing_brief(src: Sources, listing: Listing) -> InterviewBrief:
    # Parts are built in reading order (keyword arguments too), so citation numbers rise through the document.
    summary = listing_parts.summary(src, listing)
    must = listing_parts.must_haves(src, listing)
    return InterviewBrief(
        subject_kind="listing",
        subject_id=listing.id,
        title=listing.title,
        company=listing.company,
        url=listing.url,
        guide_id=src.guide.id,
        role_summary=summary,
        must_haves=must,
        no_description=not listing.description.strip(),
        stage_notes=guide_parts.stage_notes(src),
        stages=guide_parts.stages(src, must),
        ownership_questions=guide_parts.ownership_questions(src),
        pay=listing_pay(src, listing),
        red_flags=listing_parts.red_flags(src, listing),
        green_flags=listing_parts.green_flags(src, listing),
    )
