"""Features of a (claim, text) pair for the stance model; numpy and scipy only.

The same code builds the features when ``bench/train_stance.py`` fits the model
and when ``model.StanceModel`` scores pairs, so training and inference cannot
drift apart. A pair is described by (after UCLMR's FNC-1 system):

* the claim's and the text's term frequencies over one vocabulary, each scaled
  to unit length (what is said, and about what);
* the cosine of their TF-IDF vectors, and word and bigram overlap (whether the
  text is about the claim at all: the unrelated class);
* cue words, as presence in the claim and log counts in the text: refuting
  ("hoax", "denied", "fake"), hedging ("reportedly", "allegedly", "unconfirmed")
  and negation ("not", "never"), plus negations within three words of a claim
  word in the text (a text that repeats the claim in order to deny it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

REFUTING = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denial", "bogus",
    "debunk", "debunks", "debunked", "prank", "pranks", "retract", "retracts", "retracted",
    "rumor", "rumors", "rumour", "untrue", "misleading", "baseless", "satire", "satirical",
    "fabricated", "nonsense", "refute", "refutes", "refuted", "dismissed", "dismisses",
    "myth", "lie", "lies", "incorrect", "wrong", "doubt", "doubts", "skeptical", "despite",
)  # fmt: skip
HEDGING = (
    "reportedly", "allegedly", "alleged", "claims", "claimed", "claim", "according",
    "rumored", "unconfirmed", "may", "might", "could", "possibly", "apparently", "reported",
    "purportedly", "purported", "suggests", "suggest", "appears", "appear", "seems", "seem",
    "unverified", "if", "believed", "likely", "unclear", "speculation", "report", "reports",
)  # fmt: skip
NEGATION = ("not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot", "isn't", "wasn't", "didn't", "doesn't", "don't", "won't", "aren't", "weren't", "hasn't", "haven't")  # fmt: skip
CUES = tuple(dict.fromkeys(REFUTING + HEDGING + NEGATION))
_NEGATION_SET = frozenset(NEGATION)
_NEAR = 3  # words between a negation and a claim word for "negated claim word"
# The dense features after the two term-frequency blocks, in order.
DENSE = ("cosine", "lead_cosine", "overlap", "jaccard", "bigram_overlap", "negated_claim_words", "text_length")  # fmt: skip


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


class Featurizer:
    """Turns pairs into one sparse row each: [claim TF | text TF | dense | claim cues | text cues]."""

    def __init__(
        self, vocabulary: Sequence[str], idf: np.ndarray, stopwords: Sequence[str]
    ) -> None:
        self.vocabulary = list(vocabulary)
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.stopwords = frozenset(stopwords)
        self.cue_index = {w: i for i, w in enumerate(CUES)}
        self.size = 2 * len(self.vocabulary) + len(DENSE) + 2 * len(CUES)
        self._text_cache: dict[str, _TextParts] = {}

    def _parts(self, text: str, cache: bool) -> _TextParts:
        if cache and text in self._text_cache:
            return self._text_cache[text]
        parts = _TextParts.of(text, self)
        if cache:
            self._text_cache[text] = parts
        return parts

    def transform(self, pairs: Sequence[tuple[str, str]]) -> sp.csr_matrix:
        """One row per (claim, text); texts seen before are not tokenized again."""
        v = len(self.vocabulary)
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        dense_at = 2 * v
        cue_at = dense_at + len(DENSE)
        for r, (claim, text) in enumerate(pairs):
            c = self._parts(claim, cache=False)
            t = self._parts(text, cache=True)
            for offset, parts in ((0, c), (v, t)):
                for i, x in parts.tf.items():
                    rows.append(r)
                    cols.append(offset + i)
                    vals.append(x)
            claim_words = set(c.content)
            text_words = set(t.content)
            shared = claim_words & text_words
            dense = (
                _cosine(c.tfidf, t.tfidf),
                _cosine(c.tfidf, t.lead_tfidf),
                len(shared) / len(claim_words) if claim_words else 0.0,
                len(shared) / len(claim_words | text_words) if claim_words | text_words else 0.0,
                len(c.bigrams & t.bigrams) / len(c.bigrams) if c.bigrams else 0.0,
                math.log1p(sum(1 for w in t.negated if w in claim_words)),
                math.log1p(len(t.words)) / 10.0,
            )
            for k, x in enumerate(dense):
                if x:
                    rows.append(r)
                    cols.append(dense_at + k)
                    vals.append(float(x))
            for w in set(c.words):
                cue = self.cue_index.get(w)
                if cue is not None:
                    rows.append(r)
                    cols.append(cue_at + cue)
                    vals.append(1.0)
            for k, n in t.cues.items():
                rows.append(r)
                cols.append(cue_at + len(CUES) + k)
                vals.append(math.log1p(n))
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(pairs), self.size), dtype=np.float32)


class _TextParts:
    __slots__ = ("words", "content", "tf", "tfidf", "lead_tfidf", "bigrams", "cues", "negated")

    words: list[str]
    content: list[str]
    tf: dict[int, float]
    tfidf: dict[int, float]
    lead_tfidf: dict[int, float]
    bigrams: set[tuple[str, str]]
    cues: Counter[int]
    negated: set[str]

    @classmethod
    def of(cls, text: str, f: Featurizer) -> _TextParts:
        p = cls()
        p.words = tokens(text)
        p.content = [w for w in p.words if w not in f.stopwords]
        counts = Counter(f.index[w] for w in p.content if w in f.index)
        p.tf = _unit({i: float(n) for i, n in counts.items()})
        p.tfidf = _unit({i: n * f.idf[i] for i, n in counts.items()})
        lead = Counter(f.index[w] for w in p.content[:60] if w in f.index)
        p.lead_tfidf = _unit({i: n * f.idf[i] for i, n in lead.items()})
        p.bigrams = set(zip(p.content, p.content[1:], strict=False))
        p.cues = Counter(f.cue_index[w] for w in p.words if w in f.cue_index)
        p.negated = set()
        for i, w in enumerate(p.words):
            if w in _NEGATION_SET:
                p.negated.update(p.words[i + 1 : i + 1 + _NEAR])
        return p


def _unit(vector: Mapping[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {i: x / norm for i, x in vector.items()} if norm else {}


def _cosine(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(i, 0.0) for i, x in a.items())
