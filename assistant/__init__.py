"""career-assistant: answers about remote ML careers, with citations to role guides and job listings."""

from typing import Any

__version__ = "0.1.0"
__all__ = ["Assistant", "Conversation"]


def __getattr__(name: str) -> Any:
    # `assistant.Assistant` without importing the models and the store for every `assistant.*` import.
    if name in __all__:
        from assistant import chat

        return getattr(chat, name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
