"""The corpora: the real one (refreshed from the captured feeds) and synthetic ones scaled up from it.

A synthetic corpus of N listings holds every real listing plus N − real perturbed copies. Copy i is made from
real listing i mod real (so every real listing has about as many copies), with a generator seeded by i alone:
the first 10k copies of the 100k corpus are the 10k corpus. A copy gets

* a new id (`<source>:synthetic-<i>`) and URL, no cross-board references;
* its title with one seniority word (Senior, Staff, Lead, ...) and one role noun (Engineer, Scientist, ...)
  swapped for another of the same kind found in real titles, and the seniority re-read from the new title;
* the company of a random real listing (company names shuffled, their frequencies kept);
* the location of a random real listing (countries and regions with it);
* its salary scaled by a factor in [0.8, 1.2] (USD conversions with it);
* its posting date shifted by −21 to +7 days, never after the fetch time.

The description, work mode and skills stay the source's. Every corpus also has a "changed" version, the
incremental-rebuild case: 1% of its listings (never one a labelled query expects) get a sentence appended to
the description and are re-posted at the fetch time.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path

from assistant.corpus.listings.enrich import seniority
from assistant.vocab.listing import Listing, Salary

SEED = 20261129
CHANGED_FRACTION = 0.01
UPDATE_NOTE = "Update: the team now also owns model monitoring and on-call for production inference."

SENIORITY_WORDS = ("Junior", "Senior", "Sr.", "Staff", "Senior Staff", "Lead", "Principal")
ROLE_NOUNS = (  # swapped only within a group, so a copy's title stays a plausible job
    ("Engineer", "Developer", "Architect"),
    ("Scientist", "Researcher", "Analyst"),
    ("Manager", "Specialist", "Consultant", "Coordinator"),
)


# --- the real corpus -----------------------------------------------------------------------------------------


def refresh_real(feeds: Path) -> tuple[list[Listing], dict]:
    """Refresh from captured feeds into the CAREER_ASSISTANT_HOME of this process; the listings and the meta."""
    from assistant.corpus.listings import snapshots
    from assistant.corpus.listings.refresh import refresh
    from assistant.settings import Settings

    settings = Settings()
    report = refresh(settings, from_dir=feeds)
    if report.snapshot is None:
        raise RuntimeError(f"refresh from {feeds} wrote no snapshot: {report.message}")
    listings = snapshots.load_current(settings.listings_dir)
    return listings, {"fetched_at": report.fetched_at.isoformat(), "mode": report.mode, "bench": "real"}


def changed_version(listings: list[Listing], protected: set[str], seed: int = SEED) -> tuple[list[Listing], list[str]]:
    """1% of the listings (none of `protected`) with a sentence added and a new posting date."""
    rng = random.Random(f"{seed}:changed:{len(listings)}")
    candidates = sorted(listing.id for listing in listings if listing.id not in protected)
    chosen = set(rng.sample(candidates, max(1, round(CHANGED_FRACTION * len(listings)))))
    changed = []
    for listing in listings:
        if listing.id in chosen:
            listing = listing.model_copy(
                update={
                    "description": f"{listing.description}\n\n{UPDATE_NOTE}".strip(),
                    "posted_at": listing.fetched_at,
                }
            ).with_hash()
        changed.append(listing)
    return changed, sorted(chosen)


# --- synthetic copies ----------------------------------------------------------------------------------------


class Pools:
    """What copies draw from: real companies, locations and the title words that occur in real titles."""

    def __init__(self, real: list[Listing]) -> None:
        self.companies = [listing.company for listing in real]
        self.locations = [listing.location for listing in real]
        titles = " ".join(listing.title for listing in real)
        self.seniority_words = [w for w in SENIORITY_WORDS if _word(w).search(titles)]
        self.role_groups = [[w for w in group if _word(w).search(titles)] for group in ROLE_NOUNS]


@cache
def _word(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w.]){re.escape(word)}(?![\w])")


def _swap_word(title: str, words: list[str], rng: random.Random) -> str:
    """Replace the first of `words` found in the title (longest first) by another of them."""
    for word in sorted(words, key=len, reverse=True):
        found = _word(word).search(title)
        if found:
            other = rng.choice([w for w in words if w != word] or [word])
            return title[: found.start()] + other + title[found.end() :]
    return title


def perturb_title(title: str, pools: Pools, rng: random.Random) -> str:
    title = _swap_word(title, pools.seniority_words, rng)
    for group in pools.role_groups:
        if len(group) > 1 and rng.random() < 0.5:
            title = _swap_word(title, group, rng)
    return title


def scale_salary(salary: Salary | None, factor: float) -> Salary | None:
    if salary is None:
        return None

    def scaled(value):
        return None if value is None else round(value * factor, -2 if value >= 1000 else 0)

    return salary.model_copy(
        update={
            "min": scaled(salary.min),
            "max": scaled(salary.max),
            "text": None,
            "annual_usd_min": scaled(salary.annual_usd_min),
            "annual_usd_max": scaled(salary.annual_usd_max),
        }
    )


def shift_date(posted: datetime | None, days: int, latest: datetime) -> datetime | None:
    return None if posted is None else min(posted + timedelta(days=days), latest)


def perturbed_copy(source: Listing, i: int, pools: Pools, seed: int = SEED) -> Listing:
    rng = random.Random(f"{seed}:copy:{i}")
    title = perturb_title(source.title, pools, rng)
    level = source.seniority
    if title != source.title:
        level = seniority(title, description=source.description)
    copy = source.model_copy(
        update={
            "id": f"{source.source}:synthetic-{i}",
            "url": f"{source.url}#synthetic-{i}",
            "title": title,
            "seniority": level,
            "company": rng.choice(pools.companies),
            "location": rng.choice(pools.locations).model_copy(),
            "salary": scale_salary(source.salary, rng.uniform(0.8, 1.2)),
            "posted_at": shift_date(source.posted_at, rng.randint(-21, 7), source.fetched_at),
            "also_seen": [],
        }
    )
    return copy.with_hash()


def synthetic_corpus(real: list[Listing], size: int, seed: int = SEED) -> tuple[list[Listing], dict[str, str]]:
    """Every real listing plus perturbed copies up to `size`; and each listing's real source id."""
    pools = Pools(real)
    listings, source_of = list(real), {listing.id: listing.id for listing in real}
    for i in range(max(0, size - len(real))):
        source = real[i % len(real)]
        copy = perturbed_copy(source, i, pools, seed)
        listings.append(copy)
        source_of[copy.id] = source.id
    return listings, source_of


# --- which real text each synthetic text derives from --------------------------------------------------------


def ours_pairs(versions: list[list[Listing]], source_of: dict[str, str], real: dict[str, Listing]):
    """(chunk text, real chunk text) for every listing chunk of every version: the chunk at the same position
    of the source listing (its last one if the copy has more chunks)."""
    from assistant.index import chunks as chunk_module

    original_split = chunk_module.split
    chunk_module.split = lru_cache(maxsize=None)(original_split)  # copies share descriptions: split each once
    try:
        real_texts = {}
        for listings in versions:
            for listing in listings:
                source_id = source_of[listing.id]
                if source_id not in real_texts:
                    real_texts[source_id] = [c.text for c in chunk_module.listing_chunks(real[source_id])]
                sources = real_texts[source_id]
                for n, chunk in enumerate(chunk_module.listing_chunks(listing)):
                    yield chunk.text, sources[min(n, len(sources) - 1)]
    finally:
        chunk_module.split = original_split


def baseline_pairs(versions: list[list[Listing]], source_of: dict[str, str], real: dict[str, Listing]):
    """The same for the baseline's nodes (llama-index's default SentenceSplitter over the listing documents)."""
    from baseline import listing_node_texts

    real_texts: dict[str, list[str]] = {}
    for listings in versions:
        missing = sorted({source_of[listing.id] for listing in listings} - set(real_texts))
        real_texts.update(listing_node_texts([real[i] for i in missing]))
        for listing_id, texts in listing_node_texts(listings).items():
            sources = real_texts[source_of[listing_id]]
            for n, text in enumerate(texts):
                yield text, sources[min(n, len(sources) - 1)]
