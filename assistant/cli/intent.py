"""The intent classifier's commands: `intent train` (or its cross-validated accuracy), `intent classify`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from assistant.cli.common import app, err

intent_app = typer.Typer(help="Train and inspect the intent classifier.", no_args_is_help=True)
app.add_typer(intent_app, name="intent")


@intent_app.command("train")
def intent_train(
    data: Path = typer.Option(None, help="Labelled questions (default evals/train.jsonl)."),
    c: float = typer.Option(
        None,
        "-c",
        help="Inverse regularization strength of the logistic regression "
        "(default: the cross-validated choice, classifier.C).",
    ),
    cv: bool = typer.Option(False, "--cv", help="Only report 5-fold cross-validated accuracy; write nothing."),
) -> None:
    """Fit the intent classifier on the training questions and write assistant/query/intent_model.npz."""
    from assistant.query import classifier

    path = data or classifier.TRAIN_FILE
    c = classifier.C if c is None else c
    if cv:
        sys.stdout.write(json.dumps(classifier.cross_validate(path, c)) + "\n")
        return
    model = classifier.train(path, c)
    model.save()
    err.print(f"intent model: {len(model.labels)} labels, trained on {path} ({model.digest[:12]})")


@intent_app.command("classify")
def intent_classify(question: str = typer.Argument(..., metavar="QUESTION")) -> None:
    """Print the classifier's probability per label for one question."""
    from assistant.query import classifier

    sys.stdout.write(json.dumps({k: round(v, 3) for k, v in classifier.classify(question).items()}) + "\n")
