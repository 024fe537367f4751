"""What every command module shares: the Typer app, the error console, `fail`, and the progress bar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import track

app = typer.Typer(
    help="Answers about remote ML careers, with citations to role guides and job listings.", no_args_is_help=True
)

err = Console(stderr=True)

T = TypeVar("T")


def fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


def _progress(items: Iterable[T], **kwargs: Any) -> Iterable[T]:
    return track(items, console=err, **kwargs)
