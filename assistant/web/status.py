"""The Data tab: what the assistant is answering from, and whether a live refresh can run."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from assistant.corpus.guides import load_guides
from assistant.library import Library
from assistant.vocab.boards import SOURCE_NAMES, SOURCES


class SourceStatus(BaseModel):
    source: str
    name: str
    listings: int
    last_refresh: datetime | None  # the newest fetch among the listings from this board


class GuideStatus(BaseModel):
    id: str
    title: str
    sections: int
    as_of: str | None


class DataStatus(BaseModel):
    snapshot: str | None
    sources: list[SourceStatus]
    guides: list[GuideStatus]
    index_model: str
    index_built_at: datetime
    index_seconds: float
    index_chunks: int
    refresh_blocked: str | None  # why the refresh button is disabled


def data_status(library: Library, refresh_blocked: str | None) -> DataStatus:
    lines = list(library.listings.lines().values())
    sources = []
    for source in SOURCES:
        mine = [line for line in lines if line.source == source]
        sources.append(
            SourceStatus(
                source=source,
                name=SOURCE_NAMES[source],
                listings=len(mine),
                last_refresh=max((line.fetched_at for line in mine if line.fetched_at), default=None),
            )
        )
    guides = [
        GuideStatus(id=g.id, title=g.title, sections=len(g.sections), as_of=str(g.as_of) if g.as_of else None)
        for g in load_guides(library.settings.guides_dir)
    ]
    manifest = library.retriever.manifest
    return DataStatus(
        snapshot=manifest.snapshot,
        sources=sources,
        guides=guides,
        index_model=manifest.model,
        index_built_at=manifest.built_at,
        index_seconds=manifest.seconds,
        index_chunks=manifest.chunks,
        refresh_blocked=refresh_blocked,
    )
