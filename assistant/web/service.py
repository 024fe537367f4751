"""What the page serves: one Assistant for every session, swapped whole after a refresh, and answers streamed."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

from assistant.answer.models import Answer
from assistant.chat import Assistant, Conversation
from assistant.corpus.listings.fetch import offline_reason
from assistant.corpus.listings.refresh import refresh
from assistant.index.build import build_index
from assistant.index.progress import BuildProgress
from assistant.library import Library
from assistant.query import Filters
from assistant.settings import Settings


class RefreshUnavailable(RuntimeError):
    pass


class Service:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.assistant = Assistant(settings)
        self._refreshing = threading.Lock()

    def build_in_background(
        self,
        progress: BuildProgress | None = None,
        say: Callable[[str], object] = print,
        first: Callable[[BuildProgress], object] | None = None,
    ) -> threading.Thread:
        """Build the full index while the one in service answers (`serve` on a fresh home serves the guides
        alone meanwhile), then swap in an Assistant on it. `first` runs before the build (the first refresh of
        a fresh home). Answers say how far it is until then; a failure leaves the index in service answering
        and says why."""
        progress = progress or BuildProgress()
        progress.say = say  # what the build, `first` and the progress itself report goes to one place
        self.assistant = Assistant(self.settings, library=Library(self.settings, indexing=progress))

        def work() -> None:
            with self._refreshing:  # a refresh from the page waits for this build, not the other way round
                try:
                    if first is not None:
                        first(progress)
                    build_index(self.settings, track=progress, say=say)
                    self.assistant = Assistant(self.settings)
                except Exception as error:  # the index in service keeps answering, with the reason shown
                    progress.finish(failed=str(error) or type(error).__name__)
                    say(f"indexing the listings failed: {error}")
                    return
            progress.finish()
            say("the listings are indexed and searchable")

        thread = threading.Thread(target=work, name="index-build", daemon=True)
        thread.start()
        return thread

    def refresh(self) -> str:
        """Fetch the live boards, rebuild the index, then swap in a new Assistant. Until the swap, and whenever
        anything fails, the last good snapshot and index keep answering."""
        reason = offline_reason(self.settings)
        if reason:
            raise RefreshUnavailable(reason)
        if not self._refreshing.acquire(blocking=False):
            raise RefreshUnavailable("a refresh is already running")
        try:
            report = refresh(self.settings)
            if report.snapshot is None:
                return report.message
            build_index(self.settings)
            self.assistant = Assistant(self.settings)
            return report.message
        finally:
            self._refreshing.release()


def stream_answer(
    assistant: Assistant, question: str, conversation: Conversation, filters: Filters | None = None
) -> Iterator[tuple[str, Answer | None]]:
    """(text so far, None) while the answer streams, then (final text, Answer): the final answer is the one
    the citation check kept, which may differ from what streamed. `question` has passed `check_question`;
    AnswerError passes through."""
    tokens: queue.Queue[str | None] = queue.Queue()
    outcome: dict[str, Answer] = {}
    failure: list[Exception] = []

    def work() -> None:
        try:
            outcome["answer"] = assistant.reply(question, conversation, on_token=tokens.put, filters=filters)
        except Exception as error:  # re-raised in the caller's thread, where Gradio reports it
            failure.append(error)
        finally:
            tokens.put(None)

    threading.Thread(target=work, daemon=True).start()
    text = ""
    while (token := tokens.get()) is not None:
        text += token
        yield text, None
    if failure:
        raise failure[0]
    yield outcome["answer"].answer, outcome["answer"]
