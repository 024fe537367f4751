"""Evals: a question set run through the assistant, scored, reported and gated."""
