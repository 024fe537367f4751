"""Named ML platforms and tools: the vocabulary (shared with skills) and the platform signals."""

from __future__ import annotations

import re

from assistant.vocab.listing import Signal
from .evidence import signal, span
from .lexicon import Lexicon

# Named ML platforms and tools. Ambiguous names (Ray, Comet, Feast, Triton) are matched case-sensitively
# and, for Ray, Feast and Comet, only in a list or next to their own components.
PLATFORM_ENTRIES = (
    ("MLflow", "mlflow", r"(?i:mlflow)\b"),
    ("Weights & Biases", "weights wandb w", r"(?i:weights\s*(?:&|and)\s*biases\b|wandb\b)|W&B\b"),
    ("Vertex AI", "vertex vertexai", r"(?i:vertex\s*ai)\b"),
    ("SageMaker", "sagemaker sage", r"(?i:sage\s?maker)\b"),
    ("Kubeflow", "kubeflow", r"(?i:kubeflow)\b"),
    ("Ray", "ray", r"Ray(?=\s*(?:[,/)]|and\b|or\b|Serve\b|Tune\b|Train\b|Data\b|Core\b|RLlib\b|clusters?\b))"),
    ("Databricks", "databricks", r"(?i:databricks)\b"),
    ("Feast", "feast", r"Feast(?=\s*(?:[,/)]|and\b|or\b|feature))"),
    ("Tecton", "tecton", r"Tecton\b"),
    ("Airflow", "airflow", r"(?i:airflow)\b"),
    ("BentoML", "bentoml", r"(?i:bentoml)\b"),
    ("Triton", "triton", r"Triton(?:\s+Inference\s+Server)?\b"),
    ("KServe", "kserve kserving kfserve kfserving", r"(?i:kf?serv(?:e|ing))\b"),
    ("Seldon", "seldon", r"Seldon(?:\s+Core)?\b"),
    ("TFX", "tfx", r"TFX\b"),
    ("DVC", "dvc", r"DVC\b"),
    ("Comet", "comet cometml", r"(?i:comet(?:\.ml|\s?ml))\b|Comet(?=\s*(?:[,/)]|and\b|or\b))"),
    ("Neptune", "neptune", r"(?i:neptune(?:\.ai|\s+ai))\b"),
    ("Azure ML", "azure azureml", r"(?i:azure\s*(?:ml|machine\s+learning))\b"),
    ("Metaflow", "metaflow", r"(?i:metaflow)\b"),
    ("Flyte", "flyte", r"Flyte\b"),
    ("ZenML", "zenml", r"(?i:zenml)\b"),
    ("ClearML", "clearml", r"(?i:clearml)\b"),
    ("TorchServe", "torchserve", r"(?i:torchserve)\b"),
    ("TensorFlow Serving", "tensorflow tf", r"(?i:tensorflow\s+serving|tf\s+serving)\b"),
    ("TensorRT", "tensorrt", r"(?i:tensorrt)\b"),
    ("vLLM", "vllm", r"(?i:vllm)\b"),
    ("Hopsworks", "hopsworks", r"(?i:hopsworks)\b"),
)
_PLATFORMS = Lexicon(PLATFORM_ENTRIES)
# Tags are short and many: one alternation is cheap there, and keeps them out of the word-index cache.
_PLATFORM_TAG = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, _, p) in enumerate(PLATFORM_ENTRIES)))


def platform_signals(title: str, description: str, tags: list[str]) -> list[Signal]:
    found: dict[str, Signal] = {}
    for field, text in (("title", title), ("description", description)):
        for name, m in _PLATFORMS.finditer(text):
            if name not in found:
                evidence = m.group() if field == "title" else span(text, m.start(), m.end())
                found[name] = signal("ml_platform", name, evidence, field)
    for tag in tags:
        m = _PLATFORM_TAG.fullmatch(tag.strip()) if tag else None
        if m:
            name = PLATFORM_ENTRIES[int((m.lastgroup or "p0")[1:])][0]
            found.setdefault(name, signal("ml_platform", name, tag, "tags"))
    return list(found.values())
