"""Bounds on what one visitor can make the server keep or write: feedback size and rate, session history."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.answer.models import Answer
    from assistant.chat import Conversation

ChatMessage = dict[str, str]  # {"role": ..., "content": ...}, as the page's Chatbot holds them

MAX_COMMENT_CHARS = 2_000  # a comment on an answer, not an essay: a 50 MB one filled the log before
FEEDBACK_PER_WINDOW = 20  # votes and comments one session may record per window
FEEDBACK_WINDOW_S = 600.0
MAX_EXCHANGES = 20  # questions and answers a session keeps (history, sources, follow-up context)
TRACKED_SESSIONS = 5_000  # sessions the rate limiter remembers; the oldest is forgotten first


class RateLimiter:
    """At most `limit` events per `window` seconds per key, in bounded memory (least recently seen keys go)."""

    def __init__(
        self,
        limit: int = FEEDBACK_PER_WINDOW,
        window: float = FEEDBACK_WINDOW_S,
        keys: int = TRACKED_SESSIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.keys, self.clock = limit, window, keys, clock
        self._events: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            events = self._events.pop(key, None) or deque()
            while events and now - events[0] >= self.window:
                events.popleft()
            allowed = len(events) < self.limit
            if allowed:
                events.append(now)
            self._events[key] = events
            while len(self._events) > self.keys:
                self._events.popitem(last=False)
            return allowed


def keep_last(
    history: list[ChatMessage], answers: list[Answer | None], conversation: Conversation
) -> tuple[list[ChatMessage], list[Answer | None]]:
    """The last MAX_EXCHANGES exchanges of a session. Each exchange is two chat messages and one answer entry,
    so votes (message i → answer i // 2) still point at the right answer after the cut."""
    drop = max(0, len(answers) - MAX_EXCHANGES)
    if drop:
        history, answers = history[2 * drop :], answers[drop:]
    del conversation.turns[:-MAX_EXCHANGES]
    return history, answers
