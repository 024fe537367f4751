"""Multi-turn chat without an LLM: follow-ups are read against the previous turn by a few explicit rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.places import resolve_place
from assistant.query import Filters, Intent, Understood

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
             "last": -1}
_REFERENCE = re.compile(
    r"\b(?:the\s+)?(?P<ord>" + "|".join(_ORDINALS) + r")\b(?:\s+(?:one|listing|job|role|result))?"
    r"|\b(?:number|#|no\.?)\s*(?P<num>\d{1,2})\b", re.I)
_FRAGMENT = re.compile(r"^\s*(?:and|or|what about|how about|but|also)\b", re.I)
_BACK = re.compile(r"\b(?:th(?:ose|ese|em)|that one|this one|it)\b", re.I)


@dataclass
class Turn:
    question: str
    understood: Understood
    answer: str = ""
    listing_ids: list[str] = field(default_factory=list)


@dataclass
class Resolved:
    understood: Understood
    listing_id: str | None = None  # set when the question points at one listing of the previous answer
    note: str | None = None  # how the follow-up was read, shown to the user


def resolve(understood: Understood, history: list[Turn]) -> Resolved:
    previous = history[-1] if history else None
    if previous is None:
        return Resolved(understood)
    pointed = _pointed_listing(understood.question, previous)
    if pointed:
        return Resolved(understood, listing_id=pointed, note=f"about {pointed} from the previous answer")
    if previous.understood.intent is Intent.listings and _refers_back(understood):
        merged = merge_filters(previous.understood.filters, understood.filters)
        new = understood.model_copy(update={"intent": Intent.listings, "filters": merged})
        return Resolved(new, note="narrowing the previous listing search")
    if _is_fragment(understood) and previous.understood.intent not in (Intent.off_topic, Intent.general):
        new = understood.model_copy(update={"intent": previous.understood.intent,
                                            "filters": previous.understood.filters if not understood.markets
                                            and not understood.unknown_markets else understood.filters})
        if previous.understood.intent is Intent.listings:
            named = _with_named_places(understood)
            new.filters = merge_filters(previous.understood.filters, named, replace_places=True)
        return Resolved(new, note=f"read as a follow-up to: {previous.question}")
    return Resolved(understood)


def _pointed_listing(question: str, previous: Turn) -> str | None:
    if not previous.listing_ids:
        return None
    found = _REFERENCE.search(question)
    if not found:
        return None
    index = _ORDINALS[found.group("ord").lower()] if found.group("ord") else int(found.group("num"))
    position = index - 1 if index > 0 else len(previous.listing_ids) - 1
    return previous.listing_ids[position] if 0 <= position < len(previous.listing_ids) else None


def _refers_back(understood: Understood) -> bool:
    return understood.intent is Intent.listings and bool(_BACK.search(understood.question)) or (
        _is_fragment(understood) and understood.intent in (Intent.general, Intent.listings))


def _is_fragment(understood: Understood) -> bool:
    short = len(understood.question.split()) <= 6
    return bool(_FRAGMENT.match(understood.question)) or (short and understood.intent is Intent.general)


def _with_named_places(understood: Understood) -> Filters:
    """A fragment read as a guide question keeps its places as markets; a listing search needs them as places."""
    countries, regions = list(understood.filters.countries), list(understood.filters.regions)
    for name in [*understood.markets, *understood.unknown_markets]:
        place = resolve_place("worldwide" if name == "Remote (global)" else name)
        if place:
            countries += place.countries
            regions += place.regions
    return understood.filters.model_copy(update={"countries": countries, "regions": regions})


def merge_filters(old: Filters, new: Filters, replace_places: bool = False) -> Filters:
    """The earlier search's filters, with whatever the follow-up names added or, for places, replaced."""
    merged = old.model_dump()
    for name, value in new.model_dump(exclude_defaults=True).items():
        if name == "kind":
            continue
        if isinstance(value, list) and not (replace_places and name in ("countries", "regions")):
            merged[name] = list(dict.fromkeys([*merged[name], *value]))
        else:
            merged[name] = value
    if replace_places and (new.countries or new.regions):
        merged["countries"], merged["regions"] = new.countries, new.regions
    return Filters.model_validate(merged)
