"""The offline default: answers composed from the retrieved text itself, rendered by what was asked.

Every sentence it writes either is a unit of a retrieved passage or restates one unit's figures with that
unit as its citation, so the citation check holds by construction.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from urllib.parse import quote, urlsplit

from assistant.answer.compose import Composer
from assistant.answer.figures import compare_figure
from assistant.answer.models import Citation, ListingView, Passage, SalaryView
from assistant.answer.units import Unit, units
from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.listing import Listing, Seniority
from assistant.vocab.places import country_name, resolve_place
from assistant.vocab.money import parse_salary_text
from assistant.query import MARKETS, Filters, Intent, Understood, normalized

MAX_ITEMS = 8
MAX_SENTENCES = 4
MAX_LISTINGS = 10
OLD_LISTING_DAYS = 60  # a listing posted longer ago than this is flagged with its age: it may well be filled

# Words every question about this domain shares: they say nothing about whether a passage answers it.
_GENERIC = set("""
a an the and or of to in on for at by with from about is are was were be been do does did can could should would
will what whats which who whom how when where why much many any some there their they them it its this that these
those i me my we our you your role roles job jobs position positions work working ml machine learning engineer
engineers engineering senior remote remotely typical typically usually like look looks get getting need needs
tell explain please know want more most mean means between vs versus ai make makes earn earns paid
ok okay hey hi hello so just then thanks thank also really actually never mind nutshell compare compared
based mle mles sr snr jr doing done have has honestly think thinking going wondering curious guess guide
all lot lots day days week weeks
""".split())
_WORD = re.compile(r"[a-z][a-z0-9+#-]{2,}")
_MARKER = re.compile(r"\[(\d+)\](?!\()")

# The guide's pay table is for senior engineers (and says staff and principal earn more): other levels have no figure.
_LEVELS_WITHOUT_PAY = {Seniority.junior, Seniority.mid, Seniority.intern}
# Staff and principal pay: the guide says only that it extends above the senior ranges, with no figure.
_LEVELS_ABOVE = {Seniority.staff, Seniority.principal}
# Forecasts are beyond any guide: it states what pay is, not what it will be.
_FORECAST = re.compile(r"\b(?:forecast\w*|predict\w*|projected|projections?|outlook|in the future|next decade)\b")
_YEAR = re.compile(r"\b20\d\d\b")
_RANGE_ASKED = re.compile(r"\b(?:range|exactly|how much|what (?:is|are) (?:the )?(?:pay|salar\w+|base))\b")
# A general question (no topic named) must find this share of its own words in the section; more refuses
# fair questions in other words ("accountable for once a model is live"), less answers unrelated ones.
GENERAL_SHARE = 0.25
# Rates and shares: answered only by a section that states a percentage.
_QUANTITY = re.compile(r"\b(?:percent\w*|percentage|share of|proportion|odds|likelihood|chances?|how likely"
                       r"|success rate|pass rate|acceptance rate)\b")
SURE_TOPIC = 0.8  # a classifier probability this high needs no word of the question in the section
_FUZZY_MIN = 6  # words this long match a near-miss spelling (one slip in a short word changes its meaning)


@dataclass
class Draft:
    answer: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    listings: list[ListingView] = field(default_factory=list)


def join_drafts(first: Draft, second: Draft) -> Draft:
    """Two answers as one: the second's markers renumbered after the first's citations."""
    offset = len(first.citations)
    text = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", second.answer)
    moved = [c.model_copy(update={"n": c.n + offset}) for c in second.citations]
    return Draft(answer=f"{first.answer}\n\n{text}", answerable=first.answerable or second.answerable,
                 citations=first.citations + moved, listings=first.listings + second.listings)


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    # "write", "writes" and "writing" are one word; so are "package" and "packages".
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


def specific_terms(question: str) -> set[str]:
    """The question's own words that are not shared by every question in this domain, nor places
    (places are matched as markets and filters, not as words). Read after query normalization, so "sr" and
    "responsibilites" count as the words they stand for."""
    words = _WORD.findall(normalized(question))
    return {stem(w) for w in words if w not in _GENERIC and resolve_place(w) is None}


def _terms_in(passages: list[Passage]) -> set[str]:
    return {stem(w) for p in passages for w in _WORD.findall(p.text.lower())}


def _found(term: str, text_terms: set[str]) -> bool:
    """A term is in the text as written or as a near-miss spelling of a long word."""
    if term in text_terms:
        return True
    if len(term) < _FUZZY_MIN:
        return False
    close = difflib.get_close_matches(term, [t for t in text_terms if t[:1] == term[:1]], n=1, cutoff=0.88)
    return bool(close)


def covered(passages: list[Passage], terms: set[str]) -> set[str]:
    text_terms = _terms_in(passages)
    return {t for t in terms if _found(t, text_terms)}


def covers(passages: list[Passage], terms: set[str], share: float = 0.0) -> bool:
    """Whether the passages mention the question's specific words (or it has none): at least one, or with
    `share` at least that part of them."""
    if not terms:
        return True
    found = covered(passages, terms)
    return bool(found) and len(found) >= share * len(terms)


# --- guide answers ---------------------------------------------------------------------------------------------


def _sections_of(passages: list[Passage], chosen: list[str]) -> list[list[Passage]]:
    """Each chosen section as its passages in document order."""
    guides = [p for p in passages if p.kind == "guide"]
    found = [sorted((p for p in guides if p.doc_id == doc), key=lambda p: p.meta.get("chunk", 0)) for doc in chosen]
    return [section for section in found if section]


def _heading(passage: Passage) -> str:
    return " > ".join(passage.meta.get("heading_path") or [passage.title])


def unique_units(section: list[Passage]) -> list[tuple[Passage, Unit]]:
    """Units across a section's chunks without the overlap's repeats, in document order."""
    seen, found = set(), []
    for passage in section:
        for unit in units(passage.text):
            if unit.text not in seen:
                seen.add(unit.text)
                found.append((passage, unit))
    return found


def answer_guide(understood: Understood, passages: list[Passage], chosen: list[str]) -> Draft:
    """`chosen`: the section ids that answer, best first, chosen by meaning (answer/sections.py)."""
    sections = _sections_of(passages, chosen)
    beyond = _beyond_the_guide(understood)
    if not sections or not _answers(understood, [p for s in sections for p in s]) or beyond:
        return not_answerable(understood, passages, beyond)
    if understood.intent is Intent.pay:
        return answer_pay(understood, sections[0])
    composer = Composer()
    parts = [answer_section(understood, section, composer, titled=len(sections) > 1) for section in sections]
    return Draft(answer="\n\n".join(parts), answerable=True, citations=composer.citations)


def _answers(understood: Understood, section: list[Passage]) -> bool:
    """Whether the chosen section speaks to the question. A topic the classifier is sure of is answered by the
    section chosen by meaning; otherwise the section must hold one of the question's own words, and a general
    question GENERAL_SHARE of them, as one common word ("companies") says nothing about "relocation packages"."""
    if _QUANTITY.search(understood.question.lower()) and "%" not in "".join(p.text for p in section):
        return False  # "what share of candidates pass?" wants a rate the section does not state
    if understood.scores.get(understood.intent.value, 0.0) >= SURE_TOPIC:
        return True  # the classifier is sure of the topic, and the section was chosen by meaning
    if understood.subjects and not covers(section, {stem(w) for s in understood.subjects for w in s.split()}, 1.0):
        return False  # "relocation package": an answer that does not name relocation answers something else
    if understood.intent is Intent.pay and (understood.markets or understood.unknown_markets):
        return True  # a named market is answered by its row, or told which markets exist
    terms = specific_terms(understood.question)
    return covers(section, terms, share=GENERAL_SHARE if understood.intent is Intent.general else 0.0)


def _beyond_the_guide(understood: Understood) -> str | None:
    """Why a question is beyond the guide: a career topic no section covers (the classifier's reading), a level it
    has no pay figure for, or a pay forecast for a later year."""
    if understood.unsupported:
        return "The guide does not cover that topic."
    if understood.intent is not Intent.pay:
        return None
    levels = [level.value for level in understood.levels if level in _LEVELS_WITHOUT_PAY]
    if levels:
        return f"The guide's pay ranges are for senior ML engineers, not {' or '.join(levels)} ones."
    above = [level.value for level in understood.levels if level in _LEVELS_ABOVE]
    if above and Seniority.senior not in understood.levels and _RANGE_ASKED.search(understood.question.lower()):
        return (f"The guide gives no range for {' or '.join(above)} ML engineers; it says only that they earn above "
                "the senior ranges.")
    later = any(int(y) > date.today().year for y in _YEAR.findall(understood.question))
    if later or _FORECAST.search(understood.question.lower()):
        return "The guide gives pay as it is now; it makes no forecast."
    return None


def answer_section(understood: Understood, section: list[Passage], composer: Composer, titled: bool = False) -> str:
    """List sections answer with their items; prose sections with their most relevant sentences."""
    found = unique_units(section)
    items = [(p, u) for p, u in found if u.kind == "item"]
    if items:
        # Lead and tail by place in the whole section: a chunk holding only the closing sentence is no lead.
        first = found.index(items[0])
        lead = [(p, u) for p, u in found[:first] if u.kind == "sentence"]
        lines = [f"{u.display} {composer.cite(p, u.text)}" for p, u in lead[:2]]
        numbered = _is_numbered(items)
        for n, (p, u) in enumerate(items[:MAX_ITEMS], 1):
            lines.append(f"{n}. {u.display} {composer.cite(p, u.text)}" if numbered else
                         f"- {u.display} {composer.cite(p, u.text)}")
        tail = [(p, u) for p, u in found[first:] if u.kind == "sentence"]
        lines += [f"{u.display} {composer.cite(p, u.text)}" for p, u in _relevant(understood.question, tail, 2)]
    else:
        # A question about a place the section's table has a row for is answered by that row, as one sentence.
        rows = [(p, u) for p, u in _prose_units(understood, found) if u.kind == "row"]
        chosen = rows if rows and understood.markets else _relevant(understood.question,
                                                                    _prose_units(understood, found), MAX_SENTENCES)
        lines = [" ".join(f"{_as_prose(found, u)} {composer.cite(p, u.text)}" for p, u in chosen)]
    if titled:
        lines.insert(0, f"**{section[0].meta.get('heading_path', [section[0].title])[-1]}**")
    return "\n".join(lines)


def _prose_units(understood: Understood, found: list[tuple[Passage, Unit]]) -> list[tuple[Passage, Unit]]:
    """The units a prose answer may quote: a table's header row says nothing alone, and when the question names
    places, only the rows for those places (a row is one fact; the others answer a different question)."""
    header = _header_row(found)
    asked = {m.lower() for m in understood.markets} | {c.lower() for c in understood.unknown_markets}
    kept = []
    for p, u in found:
        if u.kind == "row":
            first = u.cells()[0].lower() if u.cells() else ""
            if u is header or (asked and first not in asked):
                continue
        kept.append((p, u))
    return kept


def _header_row(found: list[tuple[Passage, Unit]]) -> Unit | None:
    rows = [u for _, u in found if u.kind == "row"]
    return rows[0] if rows and not any(ch.isdigit() for ch in rows[0].text) else None


def _as_prose(found: list[tuple[Passage, Unit]], unit: Unit) -> str:
    """A table row as one sentence ("Canada, base salary range: CAD 175,000 – CAD 240,000."), named by the
    table's header; anything else as it reads."""
    if unit.kind != "row":
        return unit.display
    cells = unit.cells()
    header = _header_row(found)
    names = header.cells() if header else []
    parts = [f"{names[n].lower()}: {cell}" if n < len(names) and names[n] else cell
             for n, cell in enumerate(cells[1:], 1) if cell]
    return f"{cells[0]}, {'; '.join(parts)}." if parts else f"{cells[0]}."


def _is_numbered(items: list[tuple[Passage, Unit]]) -> bool:
    return bool(re.match(r"\s*\d+[.)]", items[0][1].text))


def _relevant(question: str, found: list[tuple[Passage, Unit]], limit: int) -> list[tuple[Passage, Unit]]:
    """The `limit` units sharing most of the question's words (earlier first among equals), in document order."""
    terms = specific_terms(question)
    scored = [(len(terms & {stem(w) for w in _WORD.findall(u.text.lower())}), -n, n) for n, (_, u) in enumerate(found)]
    best = sorted(scored, reverse=True)[:limit]
    return [found[n] for *_, n in sorted(best, key=lambda s: s[2])]


def answer_pay(understood: Understood, section: list[Passage]) -> Draft:
    composer = Composer()
    rows = {u.cells()[0]: (p, u) for p, u in unique_units(section) if u.kind == "row" and len(u.cells()) >= 2}
    asked = [m for m in understood.markets if m in rows] or ([] if understood.unknown_markets else list(MARKETS))
    lines = []
    for market in asked:
        passage, row = rows[market] if market in rows else (None, None)
        if row is None:
            continue
        where = "for remote roles open globally" if market == "Remote (global)" else f"in {_market_phrase(market)}"
        lines.append(f"- Base salary {where}: {row.cells()[1]} {composer.cite(passage, row.text)}")
    if understood.unknown_markets:
        return _pay_for_missing_market(understood, rows, composer, lines)
    if not lines:
        return Draft(answer="", answerable=False)
    verdict = _figure_verdict(understood, rows, asked, composer)
    if verdict:
        lines.insert(0, verdict)
    lead = "Base salary ranges for remote senior ML engineers, by market:" if len(lines) > 1 else \
        "The guide's base salary range for remote senior ML engineers:"
    verdict = _pay_verdict([(m, *rows[m]) for m in asked if m in rows], composer) \
        if len(asked) >= 2 and understood.markets else None
    notes = [(p, u) for p, u in unique_units(section)
             if u.kind == "sentence" and re.search(r"upper end|top of|equity|staff|principal", u.text, re.I)]
    extra = " ".join(f"{u.display} {composer.cite(p, u.text)}" for p, u in _relevant(understood.question, notes, 2))
    body = "\n".join([lead, *lines]) + (f"\n\n{verdict}" if verdict else "")
    return Draft(answer=body + (f"\n\n{extra}" if extra else ""), answerable=True, citations=composer.citations)


def _pay_verdict(found: list[tuple[str, Passage, Unit]], composer: Composer) -> str | None:
    """The asked markets' ranges in one currency (US dollars, at the latest ECB rate the salary module has) and
    which pays more: ranges in pounds and Canadian dollars side by side compare nothing."""
    converted = []
    for market, passage, row in found:
        salary = parse_salary_text(row.cells()[1], posted_at=None)
        if salary is None or not salary.annual_usd_min:
            return None
        converted.append((market, salary, composer.cite(passage, row.text)))
    if len({s.currency for _, s, _ in converted}) == 1 and converted[0][1].currency == "USD":
        dollars = "in US dollars"
    else:
        day = max((s.fx_date for _, s, _ in converted if s.fx_date), default=None)
        dollars = f"in US dollars at the ECB rate of {day.isoformat()}" if day else "in US dollars"
    ranges = "; ".join(f"{_market_phrase(m)} ≈ {_thousands(s.annual_usd_min)} – "
                       f"{_thousands(s.annual_usd_max or s.annual_usd_min)} {marker}" for m, s, marker in converted)
    mid = {m: (s.annual_usd_min + (s.annual_usd_max or s.annual_usd_min)) / 2 for m, s, _ in converted}
    best = max(mid, key=mid.get)
    others = [m for m in mid if m != best]
    if all(abs(mid[best] - mid[m]) < 0.02 * mid[best] for m in others):
        return f"Compared {dollars}: {ranges}. The ranges are about the same."
    top = next(s for m, s, _ in converted if m == best)
    ends = all(top.annual_usd_min >= s.annual_usd_min and (top.annual_usd_max or 0) >= (s.annual_usd_max or 0)
               for m, s, _ in converted if m != best)
    return (f"Compared {dollars}: {ranges}. {_market_phrase(best)[:1].upper()}{_market_phrase(best)[1:]} pays more"
            f"{' at both ends of the range' if ends else ' at the midpoint of the range'}.")


def _thousands(usd: float) -> str:
    return f"${round(usd, -3):,.0f}"  # a converted figure is approximate: to the nearest thousand


def _figure_verdict(understood: Understood, rows: dict, asked: list[str], composer: Composer) -> str | None:
    """"Is €140k fair in Munich?": the figure placed in the one market's range, cited to its row."""
    if understood.figure is None or len(asked) != 1 or asked[0] not in rows:
        return None
    passage, row = rows[asked[0]]
    market = "remote roles open globally" if asked[0] == "Remote (global)" else _market_phrase(asked[0])
    sentence = compare_figure(understood.figure, row.cells()[1], market)
    return f"{sentence} {composer.cite(passage, row.text)}" if sentence else None


def _market_phrase(market: str) -> str:
    return f"the {market}" if market.startswith("United") else market


def _pay_for_missing_market(understood: Understood, rows: dict, composer: Composer, lines: list[str]) -> Draft:
    missing = ", ".join(understood.unknown_markets)
    covered = ", ".join(rows[m][1].cells()[0] for m in MARKETS if m in rows and m != "Market")
    intro = f"The guide gives no pay figure for {missing}; it covers {covered}."
    fallback = rows.get("Remote (global)")
    if fallback and not lines:
        passage, row = fallback
        lines = [f"- The nearest it has is the range for remote roles open globally: {row.cells()[1]} "
                 f"{composer.cite(passage, row.text)}"]
    return Draft(answer="\n".join([intro, *lines]), answerable=bool(understood.markets),
                 citations=composer.citations)


# --- listing answers -------------------------------------------------------------------------------------------


def listing_view(listing: Listing) -> ListingView:
    salary = listing.salary
    return ListingView(
        id=listing.id, title=listing.title, company=listing.company, url=listing.url, source=listing.source,
        location=listing.location.text or "not stated", work_mode=listing.work_mode.value,
        salary=SalaryView(**salary.model_dump(include={"min", "max", "currency", "period", "annual_usd_min",
                                                       "annual_usd_max"})) if salary else None,
        posted_at=listing.posted_at.isoformat() if listing.posted_at else None,
    )


def salary_cell(view: ListingView) -> str:
    salary = view.salary
    if salary is None:
        return "not disclosed"
    amounts = "–".join(f"{v:,.0f}" for v in dict.fromkeys(x for x in (salary.min, salary.max) if x is not None))
    text = f"{salary.currency} {amounts}/{salary.period}"
    if salary.annual_usd_min and (salary.currency != "USD" or salary.period != "year"):
        text += f" (≈ ${salary.annual_usd_min:,.0f}/yr)"
    return text


def _cell(text: str) -> str:
    # Listing text is untrusted: no pipes to break the table, no markup to render.
    return " ".join(re.sub(r"[|<>`\[\]*_~\\]", " ", text).split())


_URL_KEPT = "/:?#&=+%@!$,;~'*.-_"  # everything else, "(", ")" and spaces included, is percent-encoded


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address, else None: listing URLs come from feeds we do not control,
    and a `javascript:` or `data:` one must never become a link."""
    if not url or any(ord(ch) < 33 or ch in "<>\"\\`" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def markdown_link(text: str, url: str | None) -> str:
    """`[text](url)` that no character of the URL can break out of (parentheses and spaces percent-encoded),
    or the plain text when the URL is not a safe http(s) one."""
    safe = safe_url(url)
    if safe is None:
        return _cell(text)
    return f"[{_cell(text)}]({quote(safe, safe=_URL_KEPT)})"


def age_days(posted_at: str | None, today: date | None = None) -> int | None:
    if not posted_at:
        return None
    try:
        posted = datetime.fromisoformat(posted_at)
    except ValueError:
        return None
    return ((today or datetime.now(timezone.utc).date()) - posted.date()).days


def posted_cell(view: ListingView, today: date | None = None) -> str:
    """The posted date with its age; an old listing flagged, as it may be filled though a board still shows it."""
    days = age_days(view.posted_at, today)
    if days is None:
        return "—"
    day = view.posted_at[:10]
    if days > OLD_LISTING_DAYS:
        return f"{day} ⚠ posted {days:,} days ago"
    ago = "today" if days <= 0 else f"{days} day{'s' if days != 1 else ''} ago"
    return f"{day} ({ago})"


def location_cell(view: ListingView, listing: Listing, filters: Filters) -> str:
    """Location and work mode; a listing that matched an asked country only through a wider region says so."""
    text = f"{_cell(view.location)} · {view.work_mode}"
    if filters.countries and not set(listing.location.countries) & set(filters.countries):
        text += " · broad-region match"  # open to a region that holds the country, not to the country by name
    return text


def describe_filters(filters: Filters) -> str:
    """The filters in a few words: "senior · Europe · salary stated · ML roles"."""
    parts = [*(s.value for s in filters.seniority), *(country_name(c) for c in filters.countries), *filters.regions,
             *(m.value for m in filters.work_modes), *filters.companies, *filters.skills,
             *(SOURCE_NAMES.get(s, s) for s in filters.sources)]
    if filters.min_annual_usd is not None:
        parts.append(f"pay reaching ${filters.min_annual_usd:,.0f}/yr")
    if filters.salary_disclosed:
        parts.append("salary stated")
    if filters.posted_within_days is not None:
        parts.append(f"posted within {filters.posted_within_days} days")
    if filters.ml_only:
        parts.append("ML roles")
    return " · ".join(parts) or "no filters"


def answer_listings(understood: Understood, passages: list[Passage], listings: dict[str, Listing]) -> Draft:
    composer = Composer()
    wanted = describe_filters(understood.filters)
    chosen = [p for p in passages if p.kind == "listing" and p.doc_id.removeprefix("listing:") in listings]
    if not chosen:
        return Draft(answer=f"No listing in the current snapshot matches: {wanted}. Try dropping a filter.",
                     answerable=False)
    views, rows = [], []
    for passage in chosen[:MAX_LISTINGS]:
        listing = listings[passage.doc_id.removeprefix("listing:")]
        view = listing_view(listing)
        views.append(view)
        header = passage.text.split("\n", 1)[0]
        marker = composer.cite(passage, header)
        rows.append(f"| {markdown_link(view.title, view.url)} {marker} | {_cell(view.company)} | "
                    f"{location_cell(view, listing, understood.filters)} | {salary_cell(view)} | "
                    f"{posted_cell(view)} | {SOURCE_NAMES[view.source]} |")
    intro = f"{len(views)} matching listing{'s' if len(views) > 1 else ''} ({wanted}):"
    table = ["| Role | Company | Location · work mode | Salary | Posted | Source |", "|---|---|---|---|---|---|"]
    return Draft(answer="\n".join([intro, "", *table, *rows]), answerable=True, citations=composer.citations,
                 listings=views)


def answer_listing_detail(passage: Passage, listing: Listing) -> Draft:
    """"Tell me more about the second one": the facts lines of its chunk, each quoted."""
    composer = Composer()
    lines = passage.text.split("\n\n", 1)[0].split("\n")
    body = [f"**{_cell(listing.title)}** at {_cell(listing.company)} {composer.cite(passage, lines[0])}"]
    body += [f"- {line} {composer.cite(passage, line)}" for line in lines[1:]]
    body.append(f"- Original listing: {markdown_link(f'{SOURCE_NAMES[listing.source]} listing', listing.url)}")
    return Draft(answer="\n".join(body), answerable=True, citations=composer.citations,
                 listings=[listing_view(listing)])


# --- nothing to say --------------------------------------------------------------------------------------------


OFF_TOPIC = ("I can only help with remote machine-learning careers: the role, its pay, hiring and the flags to "
             "watch for, and current job listings.")


def not_answerable(understood: Understood, passages: list[Passage], reason: str | None = None) -> Draft:
    if understood.intent is Intent.off_topic:
        return Draft(answer=OFF_TOPIC, answerable=False)
    composer = Composer()
    first_of_each: dict[str, Passage] = {}
    for passage in passages:
        if passage.kind == "guide":
            first_of_each.setdefault(passage.doc_id, passage)
    closest = list(first_of_each.values())[:2]
    text = "The guides and listings I have do not answer that." + (f" {reason}" if reason else "")
    pointers = []
    for passage in closest:
        first = next(iter(units(passage.text)), None)
        if first:
            pointers.append(f"{_heading(passage).split(' > ')[-1]} {composer.cite(passage, first.text)}")
    if pointers:
        text += " The closest sections are: " + "; ".join(pointers) + "."
    return Draft(answer=text, answerable=False, citations=composer.citations)
