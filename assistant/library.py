"""What answers, briefs and the web page draw on: the index in service and the listings snapshot it was built
from, handed to each of them as one `Library` instead of each reaching into the assistant."""

from __future__ import annotations

from functools import cached_property

from assistant.answer.models import AnswerError, Passage
from assistant.corpus.listings import snapshots
from assistant.index import health
from assistant.index.chunks import Chunk
from assistant.index.manifest import IndexMissing
from assistant.index.meta import ListingMeta
from assistant.index.progress import BuildProgress
from assistant.index.retrieve import Hit, IndexMismatch, Retriever
from assistant.query import Employers
from assistant.search import employers_of
from assistant.settings import Settings
from assistant.vocab.listing import Listing


def passage(chunk: Chunk, n: int) -> Passage:
    """A chunk offered to a backend as source [n]: the one place a chunk becomes a passage."""
    return Passage(
        n=n,
        doc_id=chunk.doc_id,
        kind=chunk.kind,
        title=chunk.meta.title,
        url=chunk.meta.url,
        text=chunk.text,
        meta=chunk.meta,
        chunk=int(chunk.id.rsplit("~", 1)[1]),
    )


class Library:
    def __init__(
        self,
        settings: Settings | None = None,
        retriever: Retriever | None = None,
        indexing: BuildProgress | None = None,
    ) -> None:
        """Opens the index in service; a missing, mismatched or damaged one is one line for the user.
        `indexing`: the build running in the background that will replace this index (`serve`)."""
        self.settings = settings or Settings()
        try:
            self.retriever = retriever or health.open_retriever(self.settings)
        except (IndexMissing, IndexMismatch, health.IndexDamaged) as error:
            raise AnswerError(str(error)) from None
        self.indexing = indexing
        self._stale = self._staleness()

    @property
    def stale(self) -> str | None:
        """What every answer must say about the index it came from: being replaced, or older than the listings."""
        building = self.indexing.notice() if self.indexing else None
        return building or (None if self.indexing else self._stale)

    @property
    def listings_indexed(self) -> bool:
        return bool(self.retriever.manifest.documents.get("listing"))

    @property
    def employers(self) -> Employers:
        """The indexed listings' companies, read by name in questions: made with the first question."""
        return employers_of(self.retriever)

    # Opened when first asked for (a listing answer, a brief, the page's freshness line), not with the
    # library: a guide question never reads it. Listings are parsed one by one as answers need them.

    @cached_property
    def listings(self) -> snapshots.Snapshot:
        """The listings of the snapshot the index was built from, by id."""
        name = self.retriever.manifest.snapshot
        path = self.settings.listings_dir / name if name else None
        if path is None or not path.exists():
            path = snapshots.current_snapshot(self.settings.listings_dir)
        return snapshots.Snapshot(path)

    @property
    def aliases(self) -> dict[str, str]:
        """Ids merged into another listing (reposts, the same job on two boards) → the id it is shown under."""
        return self.listings.aliases

    def listing(self, listing_id: str) -> Listing | None:
        """A listing by its id or by the id of a copy merged into it."""
        return self.listings.get(self.aliases.get(listing_id, listing_id))

    def listing_metas(self) -> list[ListingMeta]:
        """Each indexed listing's fields as the index stores them, read without parsing the snapshot."""
        chunks = (self.retriever.doc_chunks(doc)[0] for doc in self.retriever.by_doc if doc.startswith("listing:"))
        return [chunk.meta for chunk in chunks if isinstance(chunk.meta, ListingMeta)]

    def _staleness(self) -> str | None:
        """Listings refreshed since the index was built are not searchable yet: say so on every answer."""
        current = snapshots.current_snapshot(self.settings.listings_dir)
        if current and self.retriever.manifest.snapshot and current.name != self.retriever.manifest.snapshot:
            return (
                "The index is older than the current listings snapshot; run `career-assistant index build` "
                "to search the newest listings."
            )
        return None

    # --- passages ----------------------------------------------------------------------------------------------

    def document(self, doc_id: str) -> list[Passage]:
        """Every indexed chunk of a document, in order, numbered from 1."""
        return [passage(chunk, n) for n, chunk in enumerate(self.retriever.doc_chunks(doc_id), 1)]

    def passages(self, hits: list[Hit]) -> list[Passage]:
        """Numbered passages: every chunk of each guide section hit, the facts chunk of each listing hit."""
        chunks: list[Chunk] = []
        for hit in hits:
            found = self.retriever.doc_chunks(hit.doc_id)
            chunks += found if hit.kind == "guide" else found[:1]
        return [passage(chunk, n) for n, chunk in enumerate(chunks, 1)]
