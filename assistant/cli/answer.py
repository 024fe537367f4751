"""Answers in the terminal: `ask` (one question, or its answer object as JSON) and `chat` (with follow-ups)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from assistant.cli.common import app, fail
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.answer.models import Answer


@app.command("ask")
def ask_command(
    question: str,
    as_json: bool = typer.Option(False, "--json", help="Print the answer object (DESIGN.md contract)."),
) -> None:
    """Answer QUESTION from the guides and listings, with numbered citations."""
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant

    try:
        answer = Assistant(Settings()).ask(question)
    except AnswerError as error:
        fail(str(error))
    if as_json:
        sys.stdout.write(answer.model_dump_json(indent=2) + "\n")
        return
    print_answer(answer)


def print_answer(answer: Answer) -> None:
    from rich.markdown import Markdown

    out = Console()
    out.print(Markdown(answer.answer))
    for notice in answer.notices:
        out.print(f"[yellow]{notice}[/yellow]")
    if answer.citations:
        out.print("\n[bold]Sources[/bold]")
        _print_sources(out, answer)


@app.command("chat")
def chat_command() -> None:
    """Chat in the terminal. /sources shows the last answer's sources, /reset starts over, /quit leaves."""
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant, Conversation

    try:
        assistant = Assistant(Settings())
    except AnswerError as error:
        fail(str(error))
    conversation, last = Conversation(), None
    out = Console()
    out.print(
        "[bold]career-assistant[/bold] — ask about remote ML roles, pay, hiring or listings. /sources, /reset, /quit"
    )
    while True:
        try:
            question = out.input("[bold cyan]you>[/bold cyan] ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if question in ("/quit", "/exit"):
            break
        if question == "/reset":
            conversation.reset()
            out.print("[dim]started a new conversation[/dim]")
            continue
        if question == "/sources":
            _print_sources(out, last)
            continue
        try:
            last = assistant.ask(question, conversation)
        except AnswerError as error:
            out.print(f"[red]{error}[/red]")
            continue
        from rich.markdown import Markdown

        out.print(Markdown(last.answer))
        for notice in last.notices:
            out.print(f"[yellow]{notice}[/yellow]")


def _print_sources(out: Console, answer: Answer | None) -> None:
    if answer is None or not answer.citations:
        out.print("[dim]no sources yet[/dim]")
        return
    for citation in answer.citations:
        where = f" — {citation.url}" if citation.url else ""
        out.print(f"[{citation.n}] {citation.title} ({citation.id}){where}\n    “{citation.quote}”")
