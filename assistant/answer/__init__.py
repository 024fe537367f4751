"""Answers with verified citations: the answer contract, the extractive and LLM backends, the citation check."""
