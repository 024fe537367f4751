"""One listing per job: the same job seen in two snapshots, on two boards, or once per city."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import UTC, datetime

from assistant.vocab.listing import Listing, Location, SourceRef

_NOISE = re.compile(r"\b(remote|100%|fully|anywhere|wfh|work from home)\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_FOREVER = datetime.max.replace(tzinfo=UTC)


def dedupe(listings: list[Listing]) -> list[Listing]:
    """Newest copy of each id, then one listing per (company, title) keeping every source URL."""
    return [_merge(group) for group in _group_by_job(_newest_by_id(listings)).values()]


def _fold(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    return " ".join(_NON_WORD.sub(" ", _NOISE.sub(" ", ascii_text)).split())


def job_key(listing: Listing) -> tuple[str, str]:
    return _fold(listing.company), _fold(listing.title)


def _newest_by_id(listings: list[Listing]) -> list[Listing]:
    newest: dict[str, Listing] = {}
    for listing in listings:
        seen = newest.get(listing.id)
        if seen is None or listing.fetched_at >= seen.fetched_at:
            newest[listing.id] = listing
    return list(newest.values())


def _group_by_job(listings: list[Listing]) -> dict[tuple[str, str], list[Listing]]:
    groups: dict[tuple[str, str], list[Listing]] = defaultdict(list)
    for listing in listings:
        groups[job_key(listing)].append(listing)
    return groups


def _merge(group: list[Listing]) -> Listing:
    """The first-posted copy keeps its id (ids stay stable as boards repost); the rest add what it lacks."""
    if len(group) == 1:
        return group[0]
    group = sorted(group, key=lambda item: (item.posted_at or _FOREVER, item.id))
    primary, others = group[0], group[1:]
    seen = [*primary.also_seen, *(SourceRef(id=o.id, url=o.url, posted_at=o.posted_at) for o in others)]
    seen += [ref for other in others for ref in other.also_seen]
    merged = primary.model_copy(
        update={
            "also_seen": _unique_refs(seen, primary.id),
            "location": _union_locations([item.location for item in group]),
            "salary": primary.salary or next((o.salary for o in others if o.salary), None),
            "skills": list(dict.fromkeys(skill for item in group for skill in item.skills)),
            "fetched_at": max(item.fetched_at for item in group),
        }
    )
    return merged.with_hash()


def _unique_refs(refs: list[SourceRef], primary_id: str) -> list[SourceRef]:
    unique = {ref.id: ref for ref in refs if ref.id != primary_id}
    return sorted(unique.values(), key=lambda ref: ref.id)


def _union_locations(locations: list[Location]) -> Location:
    texts = list(dict.fromkeys(loc.text for loc in locations if loc.text))
    return Location(
        text="; ".join(texts),
        countries=sorted({c for loc in locations for c in loc.countries}),
        regions=sorted({r for loc in locations for r in loc.regions}),
    )
