"""Intent by a learned model: multinomial logistic regression over the bundled sentence embeddings.

Patterns fitted to the questions they were written against break on new wording; a linear model over
all-MiniLM-L6-v2 embeddings, trained on many paraphrases per intent (`evals/train.jsonl`), reads
"Relocating to Toronto — what base should I aim for?" as pay although it names no pay word. It returns a
probability per label, never one bare label, so callers can see how sure it is and route a question that
sits between two intents to both.

The weights (a 16 × 384 matrix) are trained by `career-assistant intent train` and committed beside this
file with the digest of the training file they came from; a test fails when the two disagree, so nobody
ships weights that no longer match the data. Inference is one matrix product in numpy.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from assistant.settings import PROJECT_ROOT

MODEL_FILE = Path(__file__).with_name("intent_model.npz")
TRAIN_FILE = PROJECT_ROOT / "evals" / "train.jsonl"

# The labels of evals/train.jsonl. Most are the guide's topics (its sections); three are not:
# "listings" asks for job postings, "followup" is an elliptical turn ("and in the UK?") that only the
# previous turn makes whole, and "other_career" is a career question no guide section answers (visas,
# signing bonuses), which must be refused rather than answered with a neighbouring section.
LABELS = ("overview", "employers", "responsibilities", "skills", "time_split", "pay", "hiring", "levels", "flags",
          "checks", "listing_signals", "faq", "listings", "followup", "off_topic", "other_career")


class TrainingExample(BaseModel):
    text: str
    intent: str


class IntentModel:
    """Weights, bias and labels of a trained model; `scores` gives a probability per label."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, labels: tuple[str, ...], digest: str) -> None:
        self.weights, self.bias, self.labels, self.digest = weights, bias, labels, digest

    def scores(self, vector: np.ndarray) -> dict[str, float]:
        logits = self.weights @ vector + self.bias
        exp = np.exp(logits - logits.max())
        probs = exp / exp.sum()
        return {label: float(p) for label, p in zip(self.labels, probs)}

    def save(self, path: Path = MODEL_FILE) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
                            labels=np.array(self.labels), digest=np.array(self.digest))

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> IntentModel:
        with np.load(path) as data:
            return cls(data["weights"], data["bias"], tuple(str(x) for x in data["labels"]), str(data["digest"]))


def file_digest(path: Path = TRAIN_FILE) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_examples(path: Path = TRAIN_FILE) -> list[TrainingExample]:
    examples = [TrainingExample.model_validate_json(line) for line in path.read_text().splitlines() if line.strip()]
    unknown = {e.intent for e in examples} - set(LABELS)
    if unknown:
        raise ValueError(f"{path}: unknown intent labels {sorted(unknown)}; the labels are {', '.join(LABELS)}")
    return examples


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings from the bundled model, whatever embedding backend the index uses: the weights
    were trained on this model's space."""
    from assistant.index.embeddings import local_embedder

    embedder = local_embedder()
    if len(texts) == 1:
        return np.asarray([embedder.embed_query(texts[0])], dtype=np.float32)
    return np.asarray(embedder.embed_documents(texts), dtype=np.float32)


def _regression(c: float):
    """scikit-learn's multinomial logistic regression, class-balanced so the larger labels do not swallow the
    smaller ones; C was chosen by cross-validation on the training file (`intent train --cv`)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000, class_weight="balanced")


def fit(vectors: np.ndarray, labels: list[str], c: float = 32.0) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    model = _regression(c).fit(vectors, labels)
    return model.coef_, model.intercept_, tuple(str(x) for x in model.classes_)


def _read(texts: list[str]) -> np.ndarray:
    """Embeddings of texts as the slot rules read them (lower case, "sr" → senior, "salery" → salary), the same
    way in training and in use."""
    from .text import normalized

    return embed([normalized(t) for t in texts])


def train(path: Path = TRAIN_FILE, c: float = 32.0) -> IntentModel:
    examples = read_examples(path)
    vectors = _read([e.text for e in examples])
    weights, bias, labels = fit(vectors, [e.intent for e in examples], c)
    return IntentModel(weights, bias, labels, file_digest(path))


def cross_validate(path: Path = TRAIN_FILE, c: float = 32.0, folds: int = 5) -> dict[str, float]:
    """Accuracy and log loss of held-out folds: how well the model reads paraphrases it was not fitted on."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    examples = read_examples(path)
    vectors = _read([e.text for e in examples])
    labels = np.array([e.intent for e in examples])
    probs = cross_val_predict(_regression(c), vectors, labels, cv=StratifiedKFold(folds, shuffle=True, random_state=0),
                              method="predict_proba")
    classes = np.array(sorted(set(labels)))
    predicted = classes[probs.argmax(axis=1)]
    truth = np.searchsorted(classes, labels)
    log_loss = float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), truth], 1e-9, 1))))
    return {"examples": len(labels), "accuracy": float((predicted == labels).mean()), "log_loss": log_loss}


@cache
def model() -> IntentModel:
    return IntentModel.load()


def classify(text: str) -> dict[str, float]:
    """A probability per label for one question, best first."""
    scores = model().scores(_read([text])[0])
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))
