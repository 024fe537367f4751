"""The job boards: the one list of them, with the facts about each that the other layers read.

A board's id is a listing's `source` and the prefix of its listings' ids (`remoteok:123`); its name is how
the page, the answers and the refresh summary show it; `remote_only` says every job it lists is remote.
SOURCES, SOURCE_NAMES and REMOTE_BOARDS are read off the registry.

What is code about a board lives in its layer, keyed by the registry and checked against it once, on import
(`keyed_by_board`): the connector that reads the board's feed and knows its URLs (corpus/listings/sources/),
and the patterns that find its name in a question (query/sources.py). This module imports neither: vocab/
is the bottom layer.

Adding a board: a `Board` below and its id in `Source`, a connector module, a question pattern.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict

# The board ids as a type checker can read them; checked below to be the registry's, in its order.
Source = Literal["remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse"]


class Board(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Source
    name: str  # where a board is named to people, its terms ask for this exact name
    remote_only: bool  # it lists remote jobs only, so a listing silent about its work mode is still remote


BOARDS: tuple[Board, ...] = (
    Board(id="remoteok", name="Remote OK", remote_only=True),
    Board(id="remotive", name="Remotive", remote_only=True),
    Board(id="jobicy", name="Jobicy", remote_only=True),
    Board(id="weworkremotely", name="We Work Remotely", remote_only=True),
    Board(id="greenhouse", name="Greenhouse", remote_only=False),  # companies' own boards: any work mode
)

SOURCES: tuple[Source, ...] = tuple(board.id for board in BOARDS)
SOURCE_NAMES: dict[str, str] = {board.id: board.name for board in BOARDS}
REMOTE_BOARDS: frozenset[str] = frozenset(board.id for board in BOARDS if board.remote_only)

if get_args(Source) != SOURCES:
    raise TypeError(f"Source lists {get_args(Source)}, the registry {SOURCES}: they must agree, in order")

T = TypeVar("T")


def keyed_by_board(entries: Mapping[str, T], what: str) -> dict[str, T]:
    """`entries` (board id → anything) in the registry's order, checked to hold every board and no other."""
    missing = [source for source in SOURCES if source not in entries]
    unknown = sorted(set(entries) - set(SOURCES))
    problems = ([f"no entry for {', '.join(missing)}"] if missing else []) + (
        [f"{', '.join(unknown)} not in assistant.vocab.boards"] if unknown else []
    )
    if problems:
        raise ValueError(f"{what}: {'; '.join(problems)}")
    return {source: entries[source] for source in SOURCES}
