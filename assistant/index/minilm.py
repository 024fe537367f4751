"""all-MiniLM-L6-v2 for one question at a time, in numpy: the same vectors as sentence-transformers without
importing torch.

Why: a question needs one forward pass over a dozen tokens, yet `career-assistant ask` in a new process spent
about 7 of its 11 seconds importing torch, transformers and sentence-transformers and loading the model
(measured on the real corpus, 2 cores, quiet). This reads the same verified safetensors with `safetensors`
and the same `tokenizer.json` with `tokenizers` (a fifth of a second) and runs BERT's six layers as plain
matrix products: 13 ms a question warm, against 17 ms through `SentenceTransformer.encode`, and within 1e-6 of
its vectors (tests/test_embeddings.py). Documents are still embedded by sentence-transformers: a build embeds
thousands of texts in batches, where torch is the faster.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length: longer texts are cut, as sentence-transformers does
HEADS = 12
EPS = 1e-12  # config.json's layer_norm_eps

Array = npt.NDArray[np.float32]


def _layer_norm(x: Array, weight: Array, bias: Array) -> Array:
    centred = x - x.mean(-1, keepdims=True)
    normed: Array = centred / np.sqrt((centred * centred).mean(-1, keepdims=True) + EPS) * weight + bias
    return normed


class _Layer:
    """One encoder layer's weights, transposed once (x @ W) and the three attention projections as one."""

    def __init__(self, weights: dict[str, Array], prefix: str) -> None:
        def w(name: str) -> Array:
            return weights[prefix + name]

        projections = ("query", "key", "value")
        self.qkv = np.ascontiguousarray(np.concatenate([w(f"attention.self.{p}.weight") for p in projections]).T)
        self.qkv_bias = np.concatenate([w(f"attention.self.{p}.bias") for p in projections])
        self.out, self.out_bias = (
            np.ascontiguousarray(w("attention.output.dense.weight").T),
            w("attention.output.dense.bias"),
        )
        self.norm1 = w("attention.output.LayerNorm.weight"), w("attention.output.LayerNorm.bias")
        self.up, self.up_bias = np.ascontiguousarray(w("intermediate.dense.weight").T), w("intermediate.dense.bias")
        self.down, self.down_bias = np.ascontiguousarray(w("output.dense.weight").T), w("output.dense.bias")
        self.norm2 = w("output.LayerNorm.weight"), w("output.LayerNorm.bias")

    def __call__(self, x: Array) -> Array:
        from scipy.special import erf  # BERT's GELU is the exact one, with erf

        n, width = x.shape
        head = width // HEADS
        qkv = (x @ self.qkv + self.qkv_bias).reshape(n, 3, HEADS, head).transpose(1, 2, 0, 3)
        scores = qkv[0] @ qkv[1].transpose(0, 2, 1) / np.sqrt(head)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        attended = (scores @ qkv[2]).transpose(1, 0, 2).reshape(n, width)
        x = _layer_norm(x + attended @ self.out + self.out_bias, *self.norm1)
        hidden = x @ self.up + self.up_bias
        hidden = 0.5 * hidden * (1 + erf(hidden / np.sqrt(2)))
        return _layer_norm(x + hidden @ self.down + self.down_bias, *self.norm2)


class QueryEncoder:
    """Mean-pooled, unit-length sentence vectors, one text at a time."""

    def __init__(self, model_dir: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = load_file(str(model_dir / "model.safetensors"))
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.no_padding()  # the file pads to 128; one text needs none
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._words = weights["embeddings.word_embeddings.weight"]
        self._positions = weights["embeddings.position_embeddings.weight"]
        self._type = weights["embeddings.token_type_embeddings.weight"][0]
        self._norm = weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"]
        count = 1 + max(int(k.split(".")[2]) for k in weights if k.startswith("encoder.layer."))
        self._layers = [_Layer(weights, f"encoder.layer.{i}.") for i in range(count)]
        # One BLAS thread per question: matrices of a dozen rows gain nothing from a second, and on a busy
        # machine OpenBLAS's threads waiting on each other made a cold guide answer take 14 s instead of 6.6
        # (2 cores, both loaded). Scoped to the forward pass; the index's large products keep their threads.
        self._blas = ThreadpoolController()

    def encode(self, text: str) -> Array:
        ids = np.asarray(self._tokenizer.encode(text).ids)
        with self._blas.limit(limits=1, user_api="blas"):
            x = _layer_norm(self._words[ids] + self._positions[: len(ids)] + self._type, *self._norm)
            for layer in self._layers:
                x = layer(x)
        pooled = x.mean(0)
        unit: Array = (pooled / np.linalg.norm(pooled)).astype(np.float32)
        return unit
