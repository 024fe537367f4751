"""Skills named in a question ("PyTorch", "Kubernetes"), under assistant.enrich's canonical names."""

from __future__ import annotations

import re

from .cues import _Hit, _hits, _unique
from .text import _Text

# Canonical names are assistant.enrich's, so a skill filter compares equal to Listing.skills.
_SKILL_ENTRIES = (
    ("Python", r"python"), ("PyTorch", r"py ?torch"), ("TensorFlow", r"tensor ?flow"), ("JAX", r"jax"),
    ("Keras", r"keras"), ("scikit-learn", r"scikit[- ]?learn|sklearn"), ("XGBoost", r"xgboost"),
    ("Hugging Face", r"hugging ?face"), ("LangChain", r"langchain"), ("Pandas", r"pandas"), ("NumPy", r"numpy"),
    ("Spark", r"(?:apache )?spark|pyspark"), ("SQL", r"sql"), ("Kubernetes", r"kubernetes|k8s"),
    ("Docker", r"docker"), ("Terraform", r"terraform"), ("AWS", r"aws|amazon web services"),
    ("GCP", r"gcp|google cloud(?: platform)?"), ("Azure ML", r"azure ?ml|azure machine learning"),
    ("Azure", r"azure"), ("dbt", r"dbt"), ("Kafka", r"kafka"), ("Snowflake", r"snowflake"),
    ("BigQuery", r"big ?query"), ("PostgreSQL", r"postgres(?:ql)?"), ("Scala", r"scala"),
    ("JavaScript", r"javascript"), ("TypeScript", r"typescript"), ("Java", r"java"), ("C++", r"c\+\+"),
    ("Rust", r"rust"), ("Go", r"golang"), ("MLflow", r"mlflow"),
    ("Weights & Biases", r"weights (?:&|and) biases|wandb|w&b"), ("Vertex AI", r"vertex(?: ai)?"),
    ("SageMaker", r"sage ?maker"), ("Kubeflow", r"kubeflow"), ("Databricks", r"databricks"),
    ("Airflow", r"airflow"), ("Triton", r"triton"), ("vLLM", r"vllm"), ("Metaflow", r"metaflow"),
    ("TensorRT", r"tensorrt"), ("BentoML", r"bentoml"), ("Ray", r"ray"),
)
_SKILL = re.compile("|".join(rf"(?P<s{i}>(?<![\w+])(?:{p})(?![\w+]))" for i, (_, p) in enumerate(_SKILL_ENTRIES)))
_CASE_SENSITIVE_SKILLS = {"Ray": "Ray"}  # "ray" is a name and a word; only "Ray" as written is the framework


def _skills(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    def name(m: re.Match) -> str | None:
        skill = _SKILL_ENTRIES[int(m.lastgroup[1:])][0]
        written = _CASE_SENSITIVE_SKILLS.get(skill)
        return None if written and text.quote(m.start(), m.end()) != written else skill

    return _unique(_hits(text, _SKILL, name, taken))
