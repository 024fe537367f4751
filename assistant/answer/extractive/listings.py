"""A listings question answered by a table of the matching listings, and one listing's facts ("tell me more
about the second one"); the cells (salary, posted date, location, safe links) are shared with the web page and
the interview briefs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import cast
from urllib.parse import quote, urlsplit

from assistant.answer.compose import Composer
from assistant.answer.extractive.draft import Draft
from assistant.answer.extractive.relevance import specific_terms, stem, terms_of, unique_units
from assistant.answer.models import ListingView, Passage, SalaryView
from assistant.answer.units import Unit
from assistant.query import WORD, Filters, Understood
from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.currencies import BARE_DOLLAR_SIGN, CODES, SIGN_CURRENCY, codes_named
from assistant.vocab.listing import Listing
from assistant.vocab.money import parse_salary_text
from assistant.vocab.places import country_name

MAX_LISTINGS = 10
QUOTED_ROWS = 3  # the table's first rows whose descriptions are quoted on what the search asks of them
SAID_UNITS = 2  # units quoted from each
SAID_SHARE = 0.75  # of the asked words' weight the first holds, a second unit must hold
DESCRIBED_UNITS = 4  # description units quoted under a listing's facts
SKILLS_SHOWN = 5  # a row's skills, those the question names first: what each job works with, at a glance
LIST_UNITS = 8  # items quoted after a lead-in the question names ("Requirements:")
PREFIX_MIN = 5
OLD_LISTING_DAYS = 60  # a listing posted longer ago than this is flagged with its age: it may well be filled


def listing_view(listing: Listing) -> ListingView:
    salary = listing.salary
    return ListingView(
        id=listing.id,
        title=listing.title,
        company=listing.company,
        url=listing.url,
        source=listing.source,
        location=listing.location.text or "not stated",
        work_mode=listing.work_mode.value,
        employment=listing.employment_words,
        salary=SalaryView(
            **salary.model_dump(include={"min", "max", "currency", "period", "annual_usd_min", "annual_usd_max"})
        )
        if salary
        else None,
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
    if not url or any(ord(ch) < 33 or ch in '<>"\\`' for ch in url):
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
    return ((today or datetime.now(UTC).date()) - posted.date()).days


def posted_cell(view: ListingView, today: date | None = None) -> str:
    """The posted date with its age; an old listing flagged, as it may be filled though a board still shows it."""
    days = age_days(view.posted_at, today)
    if days is None:
        return "—"
    day = cast(str, view.posted_at)[:10]  # it has an age, so it has a date
    if days > OLD_LISTING_DAYS:
        return f"{day} ⚠ posted {days:,} days ago"
    ago = "today" if days <= 0 else f"{days} day{'s' if days != 1 else ''} ago"
    return f"{day} ({ago})"


def location_cell(view: ListingView, listing: Listing, filters: Filters) -> str:
    """Location and work mode; a listing that matched an asked country only through a wider region says so."""
    where = view.location
    # "Austin" alone does not say which country: the one it was read as, when the text does not name it.
    unnamed = [
        country_name(code) for code in listing.location.countries if country_name(code).lower() not in where.lower()
    ]
    if unnamed and len(unnamed) == len(listing.location.countries) and len(unnamed) <= 2:
        where += f" ({', '.join(unnamed)})"
    text = f"{_cell(where)} · {view.work_mode}"
    if filters.countries and not set(listing.location.countries) & set(filters.countries):
        text += " · broad-region match"  # open to a region that holds the country, not to the country by name
    return text


def describe_filters(filters: Filters) -> str:
    """The filters in a few words: "senior · Europe · salary stated · ML roles"."""
    return " · ".join(filter_parts(filters)) or "no filters"


def filter_parts(filters: Filters) -> list[str]:
    parts = [
        *(s.value for s in filters.seniority),
        *(country_name(c) for c in filters.countries),
        *filters.regions,
        *(m.value for m in filters.work_modes),
        *(kind.value.replace("_", " ") for kind in filters.employment),
        *filters.companies,
        *(f"not {company}" for company in filters.excluded_companies),
        *filters.skills,
        *(SOURCE_NAMES.get(s, s) for s in filters.sources),
    ]
    if filters.min_annual_usd is not None:
        parts.append(f"pay reaching ${filters.min_annual_usd:,.0f}/yr")
    if filters.salary_disclosed:
        parts.append("salary stated")
    if filters.posted_within_days is not None:
        parts.append(f"posted within {filters.posted_within_days} days")
    if filters.ml_only:
        parts.append("ML roles")
    return parts


def answer_listings(
    understood: Understood,
    passages: list[Passage],
    listings: Mapping[str, Listing],
    asked: Sequence[str] = (),
    document: Callable[[str], Sequence[Passage]] | None = None,
    weights: Mapping[str, float] | None = None,
) -> Draft:
    """The table of the matching listings; with `asked` (words the search asks of them beyond its filters, as
    "security clearance" in "MLOps roles that need a security clearance") and `document` (a listing's chunks),
    what the first rows' descriptions say of those words, quoted, each word by its weight in `weights` if given."""
    composer = Composer()
    wanted = describe_filters(understood.filters)
    chosen = [p for p in passages if p.kind == "listing" and p.doc_id.removeprefix("listing:") in listings]
    if not chosen:
        return Draft(
            answer=f"No listing in the current snapshot matches: {wanted}. Try dropping a filter.", answerable=False
        )
    views, rows = [], []
    employment = bool(understood.employment)  # a type asked about is shown for each job ("permanent?")
    level = understood.level_asked  # "what level are those roles?"
    for passage in chosen[:MAX_LISTINGS]:
        listing = listings[passage.doc_id.removeprefix("listing:")]
        view = listing_view(listing)
        views.append(view)
        header = passage.text.split("\n", 1)[0]
        marker = composer.cite(passage, header)
        rows.append(
            f"| {markdown_link(view.title, view.url)} {marker} | {_cell(view.company)} | "
            f"{location_cell(view, listing, understood.filters)} | "
            + (f"{_cell(view.employment)} | " if employment else "")
            + (f"{_cell(listing.level_words)} | " if level else "")
            + f"{_cell(_skills_cell(listing, understood))} | "
            + f"{salary_cell(view)} | {posted_cell(view)} | {SOURCE_NAMES[view.source]} |"
        )
    intro = f"{len(views)} matching listing{'s' if len(views) > 1 else ''} ({wanted}):"
    if understood.unmatched:
        intro = f"No listing matches every filter; without {' · '.join(understood.unmatched)}, {intro}"
    columns = ["Role", "Company", "Location · work mode", *(["Employment"] if employment else [])]
    columns += [*(["Level"] if level else []), "Skills", "Salary", "Posted"]
    table = ["| " + " | ".join([*columns, "Source"]) + " |", "|---" * (len(columns) + 1) + "|"]
    said = (
        _said_of(terms_of(list(asked)), views[:QUOTED_ROWS], document, composer, weights) if asked and document else []
    )
    lines = [intro, "", *table, *rows] + (["", f"What they say about {', '.join(asked)}:", *said] if said else [])
    return Draft(answer="\n".join(lines), answerable=True, citations=composer.citations, listings=views)


def _skills_cell(listing: Listing, understood: Understood) -> str:
    """The listing's skills, those the question searches by or names first."""
    named = {s.lower() for s in understood.filters.skills} | {w.lower() for w in WORD.findall(understood.question)}
    ranked = sorted(listing.skills, key=lambda skill: skill.lower() not in named)
    return ", ".join(ranked[:SKILLS_SHOWN]) or "not listed"


def _said_of(
    asked: set[str],
    views: list[ListingView],
    document: Callable[[str], Sequence[Passage]],
    composer: Composer,
    weights: Mapping[str, float] | None = None,
) -> list[str]:
    """For each listing, the description's units sharing most of the asked terms (not its title's own words); a
    lead-in ("Clearance Requirements:") stands for the item it opens."""
    lines = []
    for view in views:
        terms = asked - _terms(f"{view.title} {view.company}")
        found = _body_units(document(f"listing:{view.id}"))
        shared = [_sharing(terms, _terms(unit.text), weights) for _, unit in found]
        best = sorted((n for n in range(len(found)) if shared[n]), key=lambda n: -shared[n])[:SAID_UNITS]
        # A second unit only when it says about as much: "3+ years of experience", not "two years in a row".
        best = [n for n in best if shared[n] >= SAID_SHARE * shared[best[0]]]
        opened = {min(n + 1, len(found) - 1) if _lead_in(found[n][1]) else n for n in best}
        for source, unit in (found[n] for n in sorted(opened)):
            lines.append(f"- {_cell(view.title)}: {_cell(unit.display)} {composer.cite(source, unit.text)}")
    return lines


def _body_units(described: Sequence[Passage]) -> list[tuple[Passage, Unit]]:
    """A listing's description units: a chunk's header (its facts lines, or "title — company (continued)") ends
    at its first blank line."""
    return [(p, u) for p, u in unique_units(list(described)) if -1 < p.text.find("\n\n") < u.position]


def answer_listing_detail(
    passage: Passage,
    listing: Listing,
    question: str = "",
    described: Sequence[Passage] = (),
    weights: Mapping[str, float] | None = None,
    pay: bool = False,
) -> Draft:
    """ "Tell me more about the second one": the facts lines of its chunk, each quoted; then what its
    description says about the question ("what do they require?", "which regions can apply?"), from
    `described` (its chunks). `weights`: how much each of the question's terms says (a rare word more than
    "looking"); without them every term counts the same. `pay`: the question asks what the job pays, so the
    description's own figures are quoted too ("Is that really what it pays?" of a board field that says less)."""
    composer = Composer()
    lines = passage.text.split("\n\n", 1)[0].split("\n")
    body = [f"**{_cell(listing.title)}** at {_cell(listing.company)} {composer.cite(passage, lines[0])}"]
    body += [f"- {line} {composer.cite(passage, line)}" for line in lines[1:]]
    body.append(f"- Original listing: {markdown_link(f'{SOURCE_NAMES[listing.source]} listing', listing.url)}")
    excerpt = _described(question, described, lines[0], weights)
    if pay:
        held = {id(unit) for _, unit in excerpt}
        figures = [(p, u) for p, u in _body_units(described) if id(u) not in held and _states_pay(u.text)]
        excerpt = sorted(excerpt + figures[:DESCRIBED_UNITS], key=lambda pu: (pu[0].chunk, pu[1].position))
    if excerpt:
        body += ["", "From the listing's description:"]
        body += [f"- {_cell(unit.display)} {composer.cite(source, unit.text)}" for source, unit in excerpt]
    return Draft(
        answer="\n".join(body), answerable=True, citations=composer.citations, listings=[listing_view(listing)]
    )


# An amount written with a currency ("$110,000", "PLN 350,700", "€90k"): a count of years or sensors is none.
_MONEY_WRITTEN = re.compile(
    "|".join([*(re.escape(sign) for sign in [*SIGN_CURRENCY, BARE_DOLLAR_SIGN]), *(rf"\b{code}\b" for code in CODES)])
)


def _states_pay(text: str) -> bool:
    salary = parse_salary_text(text, posted_at=None) if _MONEY_WRITTEN.search(text) else None
    return salary is not None and salary.min is not None


def describes(question: str, described: Sequence[Passage]) -> bool:
    """Whether a listing's facts lines or description (its chunks) say something about what the question asks
    of it ("what level is it?" is its seniority line)."""
    if not described:
        return False
    named, _, facts = described[0].text.split("\n\n", 1)[0].partition("\n")
    asked = specific_terms(question) - _terms(named)
    return bool(asked & _terms(facts)) or bool(_described(question, described, named))


def _described(
    question: str, described: Sequence[Passage], named: str, weights: Mapping[str, float] | None = None
) -> list[tuple[Passage, Unit]]:
    """The description's units that share the question's words, most first, in document order; a shared lead-in
    ("Requirements:") brings the list it opens. None for a question asking nothing in particular ("tell me
    more"). The words of `named` (its title and company) say which listing, not what is asked about it."""
    # "in pounds?" asks for the figure a listing writes in GBP.
    terms = specific_terms(question) - _terms(named) | {
        code.lower() for code in codes_named(WORD.findall(question.lower()))
    }
    found = _body_units(described)
    shared = [_sharing(terms, _terms(unit.text), weights) for _, unit in found]
    best = sorted((n for n in range(len(found)) if shared[n]), key=lambda n: -shared[n])[:DESCRIBED_UNITS]
    # A lead-in among them brings the list it opens ("Requirements:" for "what does it require?"), into the next
    # chunk: its items say what the question asks, in the listing's words, whether or not they repeat the word.
    opened = [n for lead in best if _lead_in(found[lead][1]) for n in _list_under(found, lead)]
    return [found[n] for n in sorted(set(best) | set(opened))]


def _lead_in(unit: Unit) -> bool:
    return unit.text.rstrip("*").endswith(":")


def _list_under(found: list[tuple[Passage, Unit]], lead: int) -> list[int]:
    """The lead-in at `lead` and the list items that follow it, at most LIST_UNITS of them."""
    items = itertools.takewhile(lambda n: found[n][1].kind == "item", range(lead + 1, len(found)))
    return [lead, *itertools.islice(items, LIST_UNITS)]


def _sharing(terms: set[str], words: set[str], weights: Mapping[str, float] | None = None) -> float:
    """How many of the question's terms the words hold (each by its weight, if given), a long term also as the
    start of a longer word ("requir" in "requirement")."""
    held = [t for t in terms if t in words or (len(t) >= PREFIX_MIN and any(w.startswith(t) for w in words))]
    return sum(weights.get(t, 1.0) for t in held) if weights else len(held)


def _terms(text: str) -> set[str]:
    return {stem(word) for word in WORD.findall(text.lower())}
