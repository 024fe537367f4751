"""We Work Remotely (RSS at `https://weworkremotely.com/remote-jobs.rss`), with its non-standard tags."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import feedparser

from assistant.corpus.listings.sources.base import Batch, InputError, RawListing, parse_records, parse_timestamp
from assistant.settings import Settings

BOARD = "weworkremotely"  # its id in assistant.vocab.boards
URL = "https://weworkremotely.com/remote-jobs.rss"

# Each description opens with the company logo and a "Headquarters / URL" block about the company,
# not the job: dropped so it is not mistaken for the job's location.
_HEADER = re.compile(r"\A\s*(<img[^>]*>\s*)?<p>\s*<strong>Headquarters:</strong>.*?</p>", re.S | re.I)


def default_urls(settings: Settings) -> list[str]:
    """The URLs a refresh polls unless `settings.endpoints` names others."""
    return [URL]


def parse(content: bytes, origin: str) -> Batch:
    try:
        feed = feedparser.parse(content)
    except Exception as err:  # feedparser itself fails on some malformed encoding declarations
        raise InputError(f"not a readable RSS feed ({type(err).__name__})") from None
    batch = Batch(origin=origin)
    if feed.bozo and not feed.entries:
        raise InputError(f"not a readable RSS feed ({feed.get('bozo_exception')})")
    if feed.bozo and not isinstance(feed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        # A cut-off feed still yields its complete items; the cut one lacks its link and is skipped.
        batch.damaged = f"malformed feed ({feed.bozo_exception})"
        batch.skip(f"{batch.damaged}; complete items kept")
    return parse_records(batch, [dict(entry) for entry in feed.entries], _build)


def _split_title(title: str) -> tuple[str, str]:
    company, sep, role = title.partition(": ")
    return (company, role) if sep else ("", title)


def _build(entry: dict[str, Any]) -> RawListing:
    link = entry.get("link") or ""
    company, role = _split_title(entry.get("title") or "")
    skills = re.split(r",\s*|\s+and\s+", entry.get("skills") or "")
    categories = [tag.get("term") for tag in entry.get("tags") or [] if tag.get("term")]
    return RawListing(
        source=BOARD,
        native_id=urlparse(link).path.rstrip("/").rsplit("/", 1)[-1] if link else str(entry.get("id", "")),
        url=link,
        title=role,
        company=company,
        description_html=_HEADER.sub("", entry.get("summary") or ""),
        # <state> holds the company's home state more often than the job's, so it is not a location.
        location_texts=[entry.get("region") or "", entry.get("country") or ""],
        tags=[skill.strip() for skill in skills if skill.strip()] + categories,
        category=categories[0] if categories else None,
        employment_raw=entry.get("type"),
        posted_at=parse_timestamp(entry.get("published")),
    )
