"""How far a build running in the background is: `serve` prints it and the page's answers say it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

_T = TypeVar("_T")
REPORT_EVERY = 0.1  # the terminal hears of every tenth of the work


class BuildProgress:
    """A `Track` (build.py) that remembers where the build is, for other threads to read."""

    def __init__(self, say: Callable[[str], object] | None = None) -> None:
        self.say = say or (lambda _: None)
        self.started = time.monotonic()
        self.description = "reading the listings"
        self.done = 0
        self.total = 0
        self.finished = False
        self.failed: str | None = None
        self._phase = self.started
        self._lock = threading.Lock()

    def __call__(self, items: list[_T], *, description: str) -> Iterable[_T]:
        return self._steps(items, description)

    def _steps(self, items: list[_T], description: str) -> Iterator[_T]:
        with self._lock:
            self.description, self.done, self.total, self._phase = description, 0, len(items), time.monotonic()
        self.say(f"{description}: started")
        reported = 0.0
        for item in items:
            yield item
            with self._lock:
                self.done += 1
            if self.fraction - reported >= REPORT_EVERY or self.done == self.total:
                reported = self.fraction
                self.say(f"{description}: {self.fraction:.0%} done{self._left()}")

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    def _left(self) -> str:
        """About how long the current step has left, from its pace so far."""
        if not self.done or self.done >= self.total:
            return ""
        seconds = (time.monotonic() - self._phase) / self.done * (self.total - self.done)
        return f", about {seconds / 60:.0f} min left" if seconds >= 90 else f", about {seconds:.0f} s left"

    def finish(self, failed: str | None = None) -> None:
        with self._lock:
            self.finished, self.failed = True, failed

    def notice(self) -> str | None:
        """One sentence for an answer while the listings are being indexed (or when that failed); None once the
        build is done."""
        if self.failed:
            return f"Indexing the job listings failed ({self.failed}); only the role guides are searched."
        if self.finished:
            return None
        if not self.total:
            where = self.description
        else:
            where = f"{self.description.lower()}: {self.fraction:.0%} done{self._left()}"
        return (
            f"The job listings are still being indexed ({where}); guide questions are answered now, "
            "and listing searches cover the listings when it finishes."
        )
