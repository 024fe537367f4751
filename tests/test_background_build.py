"""`serve` on a fresh home: the guides are indexed first (seconds), the page answers guide questions while the
listings are indexed in the background, listing questions say how far that is, and the full index is swapped in
when it is done. Real captures, real embedding, real Chroma; the build is held at its first batch by a gate so
the test sees the page in the middle of it."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from assistant.cli.serve import _first_refresh, _index_to_serve
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.refresh import refresh
from assistant.index.build import build_index, up_to_date
from assistant.index.manifest import read_manifest
from assistant.index.progress import BuildProgress
from assistant.query import Intent
from assistant.settings import Settings
from assistant.web import service as service_module
from assistant.web.service import Service
from tests.conftest import FEEDS

_T = TypeVar("_T")


class Gated(BuildProgress):
    """Progress that stops after the first embedding batch until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate, self.waiting = threading.Event(), threading.Event()

    def __call__(self, items: list[_T], *, description: str) -> Iterable[_T]:
        return self._held(super().__call__(items, description=description))

    def _held(self, steps: Iterable[_T]) -> Iterator[_T]:
        for n, item in enumerate(steps):
            if n == 1:
                self.waiting.set()
                assert self.gate.wait(120), "the test never opened the gate"
            yield item


def _feeds() -> Path:
    feeds = Settings().home / "feeds"
    (feeds / "jobicy").mkdir(parents=True, exist_ok=True)
    shutil.copy(FEEDS / "jobicy" / "v2_2024-12-08_tag-python.json", feeds / "jobicy")
    return feeds


def _fresh_home() -> Settings:
    settings = Settings()
    refresh(settings, from_dir=_feeds())
    return settings


def test_guides_answer_while_the_boards_are_read_and_indexed_then_listings_are_searched():
    settings = Settings()  # a fresh home: no snapshot, no index
    first = _first_refresh(settings, _feeds())
    assert first is not None
    assert _index_to_serve(settings)  # nothing to serve: the guides alone were indexed, the rest is to do
    guides_only = read_manifest(settings.index_dir)
    assert guides_only.documents.get("listing", 0) == 0 and guides_only.documents["guide"] > 0
    assert snapshots.current_snapshot(settings.listings_dir) is None  # the boards are read behind the page

    service = Service(settings)
    progress = Gated()
    said: list[str] = []
    thread = service.build_in_background(progress, say=said.append, first=first)
    assert progress.waiting.wait(300), "the background build never reached its second batch"

    pay = service.assistant.ask("What does a senior ML engineer earn in Germany?")
    assert pay.answerable and pay.citations and pay.citations[0].id.startswith("guide:")
    assert any("still being indexed" in notice and "% done" in notice for notice in pay.notices), pay.notices
    search = service.assistant.ask("find python jobs")
    assert search.understood.intent is Intent.listings
    assert not search.answerable and not search.listings
    assert "No listings are searchable yet" in search.answer and "% done" in search.answer, search.answer

    serving = service.assistant  # a page's request still holding the guides-only one when the build finishes
    progress.gate.set()
    thread.join(600)
    assert not thread.is_alive()
    late = serving.ask("find python jobs")
    assert not late.listings and "No listings are searchable yet" in late.answer and "ask again" in late.answer
    full = read_manifest(settings.index_dir)
    assert full.documents["listing"] > 0 and up_to_date(settings)
    assert full.reused >= guides_only.chunks, "the guide vectors were embedded again"
    assert any("indexed and searchable" in line for line in said), said
    assert any(line.startswith("wrote") and "listings" in line for line in said), said
    found = service.assistant.ask("find python jobs")
    assert found.listings and all(view.source == "jobicy" for view in found.listings)
    assert not any("being indexed" in notice for notice in found.notices)


def test_an_up_to_date_index_is_served_and_a_stale_one_serves_while_the_new_one_builds():
    settings = _fresh_home()
    first = build_index(settings, say=lambda _: None)
    assert not _index_to_serve(settings)  # up to date: nothing to build
    listings = snapshots.load_current(settings.listings_dir)
    snapshots.write_snapshot(settings.listings_dir, listings[:-3], {})  # a refresh that dropped three
    assert _index_to_serve(settings)  # out of date, but servable: no guides-only build in between
    assert read_manifest(settings.index_dir).build_id == first.build_id
    service = Service(settings)
    progress = Gated()
    thread = service.build_in_background(progress, say=lambda _: None)
    if progress.waiting.wait(5):  # three fewer listings may embed nothing at all
        search = service.assistant.ask("find python jobs")
        assert search.listings, "the index in service stopped answering listing questions during the build"
        progress.gate.set()
    thread.join(600)
    assert read_manifest(settings.index_dir).chunks < first.chunks and up_to_date(settings)


def test_boards_that_give_nothing_leave_the_guides_answering_and_say_so():
    settings = Settings()
    empty = settings.home / "no-feeds"
    empty.mkdir()
    first = _first_refresh(settings, empty)
    assert _index_to_serve(settings)
    service = Service(settings)
    service.build_in_background(BuildProgress(), say=lambda _: None, first=first).join(120)
    answer = service.assistant.ask("What are the stages of the hiring process?")
    assert answer.answerable and answer.citations
    assert any("Indexing the job listings failed (no listings could be read" in n for n in answer.notices), answer
    search = service.assistant.ask("find python jobs")
    assert not search.listings and "No listings are searchable yet" in search.answer


def test_a_failed_background_build_leaves_the_guides_answering_and_says_why(monkeypatch):
    settings = _fresh_home()
    assert _index_to_serve(settings)
    service = Service(settings)

    def full_disk(*_, **__):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(service_module, "build_index", full_disk)
    service.build_in_background(BuildProgress(), say=lambda _: None).join(60)
    answer = service.assistant.ask("What are the red flags in a remote ML job ad?")
    assert answer.answerable and answer.citations
    assert any("Indexing the job listings failed" in n and "No space left" in n for n in answer.notices), answer
