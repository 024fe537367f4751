"""Intent by a learned model: multinomial logistic regression over the bundled sentence embeddings.

Patterns fitted to the questions they were written against break on new wording; a linear model over
all-MiniLM-L6-v2 embeddings, trained on many paraphrases per intent (`evals/train.jsonl`), reads
"Relocating to Toronto — what base should I aim for?" as pay although it names no pay word. It returns a
probability per label, never one bare label, so callers can see how sure it is and route a question that
sits between two intents to both.

The weights (16 rows over the 384 embedding dimensions and the character grams of the training file) are
trained by `career-assistant intent train` and committed beside this file with the digest of the training file
they came from; a test fails when the two disagree, so nobody ships weights that no longer match the data.
Inference is one matrix product in numpy.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel

from assistant.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

MODEL_FILE = Path(__file__).with_name("intent_model.npz")
TRAIN_FILE = PROJECT_ROOT / "evals" / "train.jsonl"

# The labels of evals/train.jsonl. Most are the guide's topics (its sections); three are not:
# "listings" asks for job postings, "followup" is an elliptical turn ("and in the UK?") that only the
# previous turn makes whole, and "other_career" is a career question no guide section answers (visas,
# signing bonuses), which must be refused rather than answered with a neighbouring section.
LABELS = (
    "overview",
    "employers",
    "responsibilities",
    "skills",
    "time_split",
    "pay",
    "hiring",
    "levels",
    "flags",
    "checks",
    "listing_signals",
    "faq",
    "listings",
    "followup",
    "off_topic",
    "other_career",
)


class TrainingExample(BaseModel):
    text: str
    intent: str


class CharGrams:
    """Character 3- to 5-grams within words, tf-idf weighted (sublinear tf, smoothed idf, unit length): the
    spelling side of a question. Embeddings read meaning but blur rare words and typos ("salery", "copywriter",
    "k8s"); the grams keep them. Written out rather than taken from scikit-learn so serving needs only numpy and
    training and use read a question the same way."""

    SIZES = (3, 4, 5)
    MIN_DF = 2  # a gram seen in one training question only says nothing about a label

    def __init__(self, grams: tuple[str, ...], idf: np.ndarray) -> None:
        self.grams, self.idf = grams, idf
        self._index = {g: i for i, g in enumerate(grams)}

    @classmethod
    def grams_of(cls, text: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for word in text.split():
            padded = f" {word} "
            for n in cls.SIZES:
                found.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
        return found

    @classmethod
    def fit(cls, texts: list[str]) -> CharGrams:
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(cls.grams_of(text)))
        grams = tuple(sorted(g for g, n in df.items() if n >= cls.MIN_DF))
        idf = np.log((1 + len(texts)) / (1 + np.array([df[g] for g in grams], dtype=np.float64))) + 1
        return cls(grams, idf.astype(np.float32))

    def transform(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.grams)), dtype=np.float32)
        for row, text in enumerate(texts):
            for gram, count in self.grams_of(text).items():
                if (col := self._index.get(gram)) is not None:
                    out[row, col] = (1 + np.log(count)) * self.idf[col]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class IntentModel:
    """Weights, bias and labels of a trained model over [embedding; character grams]; `scores` gives a
    probability per label."""

    def __init__(
        self, weights: np.ndarray, bias: np.ndarray, labels: tuple[str, ...], digest: str, grams: CharGrams
    ) -> None:
        self.weights, self.bias, self.labels, self.digest, self.grams = weights, bias, labels, digest, grams

    def features(self, texts: list[str], sentences: bool = False) -> np.ndarray:
        return features(texts, self.grams, sentences)

    def scores(self, vector: np.ndarray) -> dict[str, float]:
        logits = self.weights @ vector + self.bias
        exp = np.exp(logits - logits.max())
        probs = exp / exp.sum()
        return {label: float(p) for label, p in zip(self.labels, probs)}

    def save(self, path: Path = MODEL_FILE) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            labels=np.array(self.labels),
            digest=np.array(self.digest),
            grams=np.array(self.grams.grams),
            idf=self.grams.idf,
        )

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> IntentModel:
        with np.load(path) as data:
            grams = CharGrams(tuple(str(g) for g in data["grams"]), data["idf"])
            return cls(data["weights"], data["bias"], tuple(str(x) for x in data["labels"]), str(data["digest"]), grams)


def file_digest(path: Path = TRAIN_FILE) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_examples(path: Path = TRAIN_FILE) -> list[TrainingExample]:
    examples = [TrainingExample.model_validate_json(line) for line in path.read_text().splitlines() if line.strip()]
    unknown = {e.intent for e in examples} - set(LABELS)
    if unknown:
        raise ValueError(f"{path}: unknown intent labels {sorted(unknown)}; the labels are {', '.join(LABELS)}")
    return examples


def embed(texts: list[str], sentences: bool = False) -> np.ndarray:
    """Unit-length embeddings from the bundled model, whatever embedding backend the index uses: the weights
    were trained on this model's space. One text, or `sentences` (a guide section's, read when answering), goes
    through the numpy encoder, which needs no torch; many at once (training) through one torch batch."""
    from assistant.index.embeddings import local_embedder

    embedder = local_embedder()
    if len(texts) == 1:
        return np.asarray([embedder.embed_query(texts[0])], dtype=np.float32)
    if sentences:
        return np.asarray(embedder.embed_sentences(texts), dtype=np.float32)
    return np.asarray(embedder.embed_documents(texts), dtype=np.float32)


def _regression(c: float) -> LogisticRegression:
    """scikit-learn's multinomial logistic regression, class-balanced so the larger labels do not swallow the
    smaller ones; C was chosen by cross-validation on the training file (`intent train --cv`)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced")


# C chosen by 5-fold cross-validation on the training file (1,907 questions): 0.880 at 100, 0.879 at 32; without
# the character grams the best was 0.835.
C = 100.0


def normalized_texts(texts: list[str]) -> list[str]:
    """Texts as the slot rules read them (lower case, "sr" → senior, "salery" → salary), the same way in training
    and in use."""
    from .text import normalized

    return [normalized(t) for t in texts]


def features(texts: list[str], grams: CharGrams, sentences: bool = False) -> np.ndarray:
    """What the weights read: the normalized texts' embeddings beside their character grams."""
    return np.hstack([embed(texts, sentences), grams.transform(texts)])


def fit(texts: list[str], labels: list[str], c: float = C, digest: str = "") -> IntentModel:
    """A model fitted on normalized texts: the character grams are counted on these texts alone."""
    grams = CharGrams.fit(texts)
    regression = _regression(c).fit(features(texts, grams), labels)
    return IntentModel(
        regression.coef_, regression.intercept_, tuple(str(x) for x in regression.classes_), digest, grams
    )


def train(path: Path = TRAIN_FILE, c: float = C) -> IntentModel:
    examples = read_examples(path)
    return fit(normalized_texts([e.text for e in examples]), [e.intent for e in examples], c, file_digest(path))


def cross_validate(path: Path = TRAIN_FILE, c: float = C, folds: int = 5) -> dict[str, float]:
    """Accuracy and log loss of held-out folds: how well the model reads paraphrases it was not fitted on (the
    grams of each fold are counted without its held-out questions)."""
    from sklearn.model_selection import StratifiedKFold

    examples = read_examples(path)
    texts = np.array(normalized_texts([e.text for e in examples]))
    labels = np.array([e.intent for e in examples])
    right, losses = 0, []
    for fitted, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, labels):
        model = fit(list(texts[fitted]), list(labels[fitted]), c)
        for vector, label in zip(model.features(list(texts[held])), labels[held]):
            scores = model.scores(vector)
            right += max(scores, key=scores.__getitem__) == label
            losses.append(-np.log(max(scores.get(label, 0.0), 1e-9)))
    return {"examples": len(labels), "accuracy": right / len(labels), "log_loss": float(np.mean(losses))}


@cache
def model() -> IntentModel:
    return IntentModel.load()


def classify(text: str) -> dict[str, float]:
    """A probability per label for one question, best first."""
    return classify_all([text])[0]


def classify_all(texts: list[str]) -> list[dict[str, float]]:
    """A probability per label for each text, best first, embedded in one batch."""
    if not texts:
        return []
    current = model()
    found = [current.scores(vector) for vector in current.features(normalized_texts(texts), sentences=True)]
    return [dict(sorted(scores.items(), key=lambda kv: -kv[1])) for scores in found]
