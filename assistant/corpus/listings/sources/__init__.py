"""The connectors: one module per board of `assistant.vocab.boards`, each reading that board's response format.

A connector module declares its board's id (`BOARD`), the URLs a refresh polls by default (`default_urls`),
and parses a response into `RawListing`s (`parse`). CONNECTORS holds them by board id in the registry's order,
checked on import to cover every board and no other; fetch and refresh iterate it.
"""

from __future__ import annotations

from typing import Protocol

from assistant.corpus.listings.sources import greenhouse, jobicy, remoteok, remotive, weworkremotely
from assistant.corpus.listings.sources.base import Batch, InputError, RawListing, Skip
from assistant.settings import Settings
from assistant.vocab.boards import keyed_by_board


class Connector(Protocol):
    BOARD: str

    def default_urls(self, settings: Settings) -> list[str]: ...

    def parse(self, content: bytes, origin: str) -> Batch: ...


_MODULES: tuple[Connector, ...] = (remoteok, remotive, jobicy, weworkremotely, greenhouse)
CONNECTORS: dict[str, Connector] = keyed_by_board({m.BOARD: m for m in _MODULES}, "connectors")
if len(CONNECTORS) != len(_MODULES):
    raise ValueError("connectors: two modules declare the same BOARD")

__all__ = ["CONNECTORS", "Batch", "Connector", "InputError", "RawListing", "Skip"]
