"""Red flags: a framework wishlist, and data labelling as the main duty."""

from __future__ import annotations

import re

from assistant.vocab.listing import Signal

from .evidence import sentence, signal, span
from .lexicon import Lexicon
from .sections import SECTION

WISHLIST_MIN = 6  # distinct ML frameworks named before a description reads as a wishlist
WISHLIST_LIMIT = 300  # a wishlist span longer than this is quoted by its densest sentence instead
FIRST_DUTIES_CHARS = 500  # how far past the duties header counts as "among the first duties"

_I = re.IGNORECASE

_FRAMEWORKS = Lexicon(
    (
        ("PyTorch", "pytorch py", r"py\s?torch\b"),
        ("TensorFlow", "tensorflow tensor", r"tensor\s?flow\b(?!\s+serving)"),
        ("JAX", "jax", r"(?-i:JAX)\b"),
        ("Keras", "keras", r"keras\b"),
        ("scikit-learn", "scikit sklearn", r"scikit[- ]?learn\b|sklearn\b"),
        ("XGBoost", "xgboost", r"xgboost\b"),
        ("LightGBM", "lightgbm", r"lightgbm\b"),
        ("CatBoost", "catboost", r"catboost\b"),
        ("Hugging Face", "hugging huggingface", r"hugging\s?face\b"),
        ("spaCy", "spacy", r"spacy\b"),
        ("NLTK", "nltk", r"nltk\b"),
        ("OpenCV", "opencv", r"opencv\b"),
        ("MXNet", "mxnet", r"mxnet\b"),
        ("Caffe", "caffe caffe2", r"caffe2?\b"),
        ("Theano", "theano", r"theano\b"),
        ("ONNX", "onnx", r"onnx\b"),
        ("LangChain", "langchain", r"langchain\b"),
        ("LlamaIndex", "llamaindex llama", r"llama\s?index\b"),
        ("Gensim", "gensim", r"gensim\b"),
        ("fastai", "fastai fast", r"fast\.?ai\b"),
        ("PaddlePaddle", "paddlepaddle paddle", r"paddle\s?paddle\b"),
        ("Chainer", "chainer", r"(?-i:Chainer)\b"),
        ("CNTK", "cntk", r"cntk\b"),
        ("DeepSpeed", "deepspeed", r"deepspeed\b"),
        ("Spark MLlib", "mllib", r"mllib\b"),
        ("H2O", "h2o", r"(?-i:H2O)(?:\.ai)?\b"),
    ),
    _I,
)
_LABELLING = Lexicon(
    (
        (
            "labelling",
            "data label labeling labelling annotate annotating annotation annotations",
            r"(?:data\s+)?(?:label(?:l)?ing|annotat(?:e|ing|ion|ions))\b",
        ),
        ("labelling", "data dataset training", r"(?:data|dataset|training[- ]data)\s+curation\b"),
        ("labelling", "curate curating", r"curat(?:e|ing)\s+(?:training\s+)?data(?:sets?)?\b"),
    ),
    _I,
)
_TITLE_LABELLING = re.compile(
    r"\b(?:data\s+)?(?:label(?:l)?ing|annotat(?:e|ing|ion|ions))\b|\bdata(?:set)?\s+curation\b", _I
)
# Automating labelling away is ML work, not data operations.
_AUTO_LABELLING = re.compile(r"\bauto(?:mat(?:ed|ic|ion))?[- ]?label(?:l)?ing|\blabel(?:l)?ing\s+automation", _I)


def framework_wishlist(description: str) -> Signal | None:
    hits = [(name, m.start(), m.end()) for name, m in _FRAMEWORKS.finditer(description)]
    names = {name for name, _, _ in hits}
    if len(names) < WISHLIST_MIN:
        return None
    # From the first named framework to the one that completes the set.
    start, named, end = hits[0][1], set(), hits[-1][2]
    for name, _, hit_end in hits:
        named.add(name)
        if len(named) == len(names):
            end = hit_end
            break
    if end - start <= WISHLIST_LIMIT:
        return signal("red_flag", "framework wishlist", description[start:end])
    # Too spread out to quote whole: the sentence naming the most of them.
    left, right = max(
        (sentence(description, s, e, WISHLIST_LIMIT) for _, s, e in hits),
        key=lambda bounds: len({n for n, s, e in hits if s >= bounds[0] and e <= bounds[1]}),
    )
    return signal("red_flag", "framework wishlist", description[left:right])


def labelling_duty(title: str, description: str) -> Signal | None:
    m = _TITLE_LABELLING.search(title)
    if m and not _AUTO_LABELLING.search(title):
        return signal("red_flag", "data labelling as main duty", m.group(), "title")
    header = next((h for h in SECTION.finditer(description) if h.group("duty")), None)
    start = header.end() if header else 0
    end = min(len(description), start + FIRST_DUTIES_CHARS)
    for _, m in _LABELLING.finditer(description, start, end):
        if not _AUTO_LABELLING.search(description, max(0, m.start() - 15), min(len(description), m.end() + 15)):
            return signal("red_flag", "data labelling as main duty", span(description, m.start(), m.end()))
    return None
