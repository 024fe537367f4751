"""Thumbs up/down and comments from the web chat, appended to a JSON-lines log that evaluators can read."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

_lock = threading.Lock()  # one line at a time: sessions answer in parallel threads


class Feedback(BaseModel):
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    session: str
    question: str
    answer: str
    vote: Literal["up", "down"] | None = None
    comment: str = ""
    backend: str = ""
    citations: list[str] = Field(default_factory=list)  # the cited ids, so a vote can be traced to its sources


def record(path: Path, feedback: Feedback) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock, path.open("a", encoding="utf-8") as log:
        log.write(feedback.model_dump_json() + "\n")


def read(path: Path) -> list[Feedback]:
    if not path.exists():
        return []
    return [Feedback.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
