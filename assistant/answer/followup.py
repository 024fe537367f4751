"""Multi-turn chat: follow-ups are read against the previous turn by a few explicit rules.

Both backends use them: with an LLM, condense.py asks the model for a standalone question first and falls
back to these rules when its rewrite fails or cannot be trusted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.query import Employers, Filters, Intent, Understood, question_parts, understand

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": -1,
}
_REFERENCE = re.compile(
    r"\b(?:the\s+)?(?P<ord>" + "|".join(_ORDINALS) + r")\b(?:\s+(?:one|listing|job|role|result))?"
    r"|\b(?:number|#|no\.?)\s*(?P<num>\d{1,2})\b",
    re.I,
)
_FRAGMENT = re.compile(r"^\s*(?:and|or|what about|how about|but|also|only|just)\b", re.I)
# "anything in Canada?" / "any in Taiwan instead?": a short search by place, read against the previous turn.
_OPEN = re.compile(r"^\s*(?:and\s+)?any(?:thing)?\s+(?:in|at|from|for)\b", re.I)
# Words that point back at the search: pronouns, and "else" / "other" / "more" ("anything else in India?").
_BACK = re.compile(r"\b(?:th(?:ose|ese|em)|that one|this one|it|ones|else|others?|more)\b", re.I)
# Several shown listings at once: "what level are those?", "do both pay in euros?", "which of them is remote?".
_PLURAL = re.compile(
    r"\b(?:th(?:ose|ese|em|ey)|both|each|all of them|either|any of them|the (?:two|three|four|five))\b", re.I
)
MAX_POINTED = 5
# "which of those is on search?" picks among them by what it names: the previous search, with those words.
_SELECTS = re.compile(r"^\s*(?:and |so |ok )?which\b", re.I)
# One shown listing, named by a pronoun: "what does it pay?", "is that one remote?", "apply to this job" (of
# several shown, the first).
_SINGLE = re.compile(
    r"\b(?:it|its|that one|this one|th(?:at|is) (?:job|role|listing|posting|position|company))\b", re.I
)
# "and in Canada too?", "including Canada", "or Canada", "Canada is fine as well": adds a place, never narrows.
_ADDING = re.compile(r"\b(?:also|too|as well|plus|including|incl|or)\b|\b(?:is|are) (?:fine|ok|okay)\b", re.I)
# A job like the ones shown: "would a job like that count as real ML engineering?", "that kind of role".
_LIKE_SHOWN = re.compile(
    r"\b(?:like (?:that|this|th(?:ose|ese)|it)|(?:that|this|th(?:ose|ese)) (?:kind|sort|type)s? of)\b", re.I
)
# "the senior IC one", "that MLOps role": a shown listing named by words of its title.
_THE_ONE = re.compile(r"\b(?:the|that|this) ((?:[\w+#.-]+ ){1,4})(?:one|job|role|listing|posting|position)\b", re.I)
_NAME_WORD = re.compile(r"[\w+#&]+(?:[.-][\w+#&]+)*")
# "..., not the staff or the manager": shown listings the follow-up sets aside, to the end of the clause.
_NOT_THESE = re.compile(r"\bnot (?:the |a |an )?([^,;:—?.!]+)", re.I)
_COMPARED = re.compile(r"\b(?:that|this|it|th(?:ose|ese|em))\s+compares?\b|^\s*(?:compared?|vs\.?|versus)\b", re.I)


@dataclass
class Turn:
    question: str
    understood: Understood
    answer: str = ""
    listing_ids: list[str] = field(default_factory=list)
    listing_companies: list[str] = field(default_factory=list)  # the company of each listing shown, in order
    # and its title and location: what "the senior IC one" or "the US one" names
    listing_names: list[str] = field(default_factory=list)


@dataclass
class Resolved:
    understood: Understood
    # The previous answer's listings the question points at ("the second one", "those"), in the order shown.
    listing_ids: list[str] = field(default_factory=list)
    # A guide question asked beside the pointer ("does that one need a PhD? and is that normal?").
    guide: Understood | None = None
    note: str | None = None  # how the follow-up was read: a notice shown to the user as it is


def resolve(understood: Understood, history: list[Turn], employers: Employers | None = None) -> Resolved:
    """The question as the conversation makes it; `employers` are the index's companies, for a re-reading."""
    previous = history[-1] if history else None
    if previous is None:
        return Resolved(understood)
    pointed = _pointed_listings(understood, previous, employers)
    if pointed:
        # "does domain knowledge matter for roles like that one?": the guide answers for its kind of job, beside it.
        like = _guide_topic(understood) and _LIKE_SHOWN.search(understood.question)
        return Resolved(
            understood,
            listing_ids=pointed,
            guide=understood.model_copy(update={"context": previous.question})
            if like
            else _guide_beside(understood.question, employers),
            note=f"Follow-up: about {', '.join(pointed)} from the previous answer.",
        )
    if previous.understood.intent is Intent.listings:
        if len(previous.listing_ids) == 1 and _is_fragment(understood) and not _searches(understood, employers):
            # "and in pounds?" after one posting: more about it, not a search (it names nothing to filter by).
            return Resolved(understood, listing_ids=previous.listing_ids, note="Follow-up: about the listing shown.")
        if understood.unsupported and not understood.fragment and not _searches(understood, employers):
            # "what's the rate, and where do you have to be located?" after a search: no section covers it and it
            # names nothing to search by; the jobs just shown may say.
            shown = previous.listing_ids[:MAX_POINTED]
            return Resolved(understood, listing_ids=shown, note=f"Follow-up: about {', '.join(shown)} shown before.")
        if _guide_topic(understood) and _LIKE_SHOWN.search(understood.question):
            # The guide answers about jobs like the ones shown; retrieval reads the question with the one that
            # showed them, which says what they are ("data labeling specialists").
            return Resolved(
                understood.model_copy(update={"context": previous.question}),
                note=f"Follow-up: about jobs like those found for: {previous.question}",
            )
        return _after_listings(understood, previous, employers)
    if previous.understood.intent not in (Intent.off_topic, Intent.general) and (
        _is_fragment(understood) or _COMPARED.search(understood.question)
    ):
        return _after_guide(understood, previous, employers)
    return Resolved(understood)


def _after_listings(understood: Understood, previous: Turn, employers: Employers | None) -> Resolved:
    """ "only the senior ones", "and in taiwan?": the previous search with what the follow-up names."""
    # A search naming nothing to filter by ("hourly pay is fine") answers the previous one.
    bare = understood.intent is Intent.listings and not _names_filters(understood.filters)
    if not (_refers_back(understood) or _is_fragment(understood) or bare):
        return Resolved(understood)
    # Re-read as a search: a fragment read as a guide question keeps no listing filters ("staff level" is levels).
    asked = (
        understood
        if understood.intent is Intent.listings
        else understand(understood.question, intent=Intent.listings, employers=employers)
    )
    if understood.intent not in (Intent.general, Intent.listings) and not _names_filters(asked.filters):
        return Resolved(understood)  # "and what are the red flags?" asks something new
    # What a follow-up names moves the search there ("and in taiwan?"), unless it says it adds ("Canada too").
    replace = not _ADDING.search(understood.question)
    merged = merge_filters(previous.understood.filters, asked.filters, replace=replace)
    return Resolved(
        asked.model_copy(update={"filters": merged}), note="Follow-up: narrowing the previous listing search."
    )


def _after_guide(understood: Understood, previous: Turn, employers: Employers | None) -> Resolved:
    """ "and in the UK?", "how does that compare with the US?": the previous topic, for the market now named."""
    before = previous.understood
    asked = (
        understand(understood.question, intent=before.intent, employers=employers)
        if understood.intent is not before.intent
        else understood
    )
    named = asked.markets or asked.unknown_markets
    markets = asked.markets if named else before.markets
    comparing = bool(_COMPARED.search(understood.question))
    if comparing:  # both markets: the one asked about before, and the one it is compared with
        markets = list(dict.fromkeys([*before.markets, *asked.markets]))
    # Retrieval reads the fragment with the question it continues: "and the red ones?" alone finds nothing.
    new = asked.model_copy(
        update={
            "markets": markets,
            "comparison": asked.comparison or comparing,
            "unknown_markets": asked.unknown_markets if named else before.unknown_markets,
            "context": previous.question,
            "scores": before.scores or asked.scores,
        }
    )
    return Resolved(new, note=f"Follow-up: read as a follow-up to: {previous.question}")


def _pointed_listings(understood: Understood, previous: Turn, employers: Employers | None) -> list[str]:
    """ "the second one" among the listings shown; "those" (all of them, or a named company's); "the Coinbase
    one"; "it" / "that job": the one shown, or of several the first, the best match ("is there a senior MLOps
    job?" then "does it need a clearance?")."""
    shown, question = previous.listing_ids, understood.question
    if not shown:
        return []
    found = _REFERENCE.search(question)
    if found:
        index = _ORDINALS[found.group("ord").lower()] if found.group("ord") else int(found.group("num"))
        position = index - 1 if index > 0 else len(shown) - 1
        return [shown[position]] if 0 <= position < len(shown) else []
    named = [
        lid
        for lid, company in zip(shown, previous.listing_companies)
        if company and re.search(rf"\b{re.escape(company)}\b", question, re.I)
    ]
    titled = _titled(question, shown, previous.listing_names)
    if titled:
        return titled[:MAX_POINTED]
    # "which of the two pays more?" compares the ones shown; "which of those is on search?" searches within them.
    picks = bool(_SELECTS.search(question)) and understood.intent is not Intent.pay
    if _PLURAL.search(question) and not picks and not _narrows(question, previous, employers):
        return (named or shown)[:MAX_POINTED]  # "what level are those at Reddit?" asks about each of them
    if named:
        return named[:1]
    return shown[:1] if _SINGLE.search(question) else []


def _titled(question: str, shown: list[str], names: list[str]) -> list[str]:
    """The shown listings whose titles and locations (`names`) hold the most of the words of "the senior IC one"
    or "the US one" (at least one), in the order shown; none when no name holds any."""
    said = {word for found in _THE_ONE.finditer(question) for word in _NAME_WORD.findall(found.group(1).lower())}
    refused = {word for found in _NOT_THESE.finditer(question) for word in _NAME_WORD.findall(found.group(1).lower())}
    words = [set(_NAME_WORD.findall(name.lower())) for name in names]
    held = [len(said & name) if not refused & name else 0 for name in words]
    best = max(held, default=0)
    return [lid for lid, count in zip(shown, held) if best and count == best]


def _searches(understood: Understood, employers: Employers | None) -> bool:
    """Whether a question read as a search names something to filter by."""
    asked = (
        understood
        if understood.intent is Intent.listings
        else understand(understood.question, intent=Intent.listings, employers=employers)
    )
    return _names_filters(asked.filters)


def _narrows(question: str, previous: Turn, employers: Employers | None) -> bool:
    """ "only the remote ones of those" searches again; "do those pay in dollars?" asks about the ones shown."""
    asked = understand(question, intent=Intent.listings, employers=employers).filters
    return merge_filters(previous.understood.filters, asked, replace=True) != previous.understood.filters


def _guide_beside(question: str, employers: Employers | None) -> Understood | None:
    """The guide question a follow-up asks in a part of its own that points at no listing, read with the whole
    follow-up for what "that" is: "does that one need a PhD? and is that normal?" asks the PhD FAQ, "the US one -
    what does it pay, and is that in line with what senior ML people get in the US?" the pay table."""
    parts = question_parts(question)
    if len(parts) < 2 or all(_points(part) for part in parts):
        return None
    reading = understand(asked_about(question), employers=employers)
    guide = reading.intent not in (Intent.listings, Intent.general, Intent.off_topic)
    return reading if guide and not reading.fragment else None


def asked_about(question: str) -> str:
    """A question about a shown listing without the words pointing at it ("the second one", "that job"): what
    it asks about the listing."""
    for pointer in (_REFERENCE, _SINGLE):
        question = pointer.sub(" ", question)
    return question


def _points(text: str) -> bool:
    return any(p.search(text) for p in (_REFERENCE, _SINGLE, _PLURAL))


def _guide_topic(understood: Understood) -> bool:
    return understood.intent not in (Intent.listings, Intent.general, Intent.off_topic)


def _refers_back(understood: Understood) -> bool:
    return understood.intent is Intent.listings and bool(_BACK.search(understood.question))


def _is_fragment(understood: Understood) -> bool:
    if understood.fragment:
        return True  # the classifier read an elliptical follow-up
    short = len(understood.question.split()) <= 6
    return bool(_FRAGMENT.match(understood.question)) or (
        short and (understood.intent is Intent.general or bool(_OPEN.match(understood.question)))
    )


def _names_filters(filters: Filters) -> bool:
    return bool(filters.model_dump(exclude_defaults=True, exclude={"kind"}))


def merge_filters(old: Filters, new: Filters, replace: bool = False) -> Filters:
    """The earlier search's filters with whatever the follow-up names: its lists added to the old ones or, with
    `replace`, put in their place. Every list filter is any-of, so adding "staff" to ["senior"] would widen
    the search where "what about staff level?" moves it."""
    merged = old.model_dump()
    for name, value in new.model_dump(exclude_defaults=True).items():
        if name == "kind":
            continue
        adding = isinstance(value, list) and not replace
        merged[name] = list(dict.fromkeys([*merged[name], *value])) if adding else value
    if replace and (new.countries or new.regions):  # one place, told in two fields: "Taiwan" drops "Europe" too
        merged["countries"], merged["regions"] = new.countries, new.regions
    return Filters.model_validate(merged)
