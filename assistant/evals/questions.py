"""Eval question files (`evals/*.jsonl`, DESIGN.md): one question a line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError


class EvalQuestion(BaseModel):
    id: str
    category: str
    question: str
    turns: list[str] = Field(default_factory=list)  # earlier user turns, oldest first
    facts: list[str] = Field(default_factory=list)
    forbidden: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)  # kinds ("guide", "listing"), all cited; citation ids, one cited
    listings: list[str] = Field(default_factory=list)
    answerable: bool = True


class QuestionFileError(ValueError):
    pass


def load_questions(path: Path) -> list[EvalQuestion]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise QuestionFileError(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    questions = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError, RecursionError) as error:  # "[[[[…" nests past the stack
            raise QuestionFileError(f"{path.name} line {number}: {type(error).__name__}: {error}"[:500]) from None
    return questions
