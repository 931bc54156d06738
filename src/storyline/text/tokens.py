"""Words of a text: ASCII word tokens, content words (no stop words, tokenizer
artefacts or bare numbers) and stemmed, lower-cased content tokens."""

from __future__ import annotations

import re
from collections.abc import Collection

from .stem import porter_stem

WORD = re.compile(r"[A-Za-z0-9]+")
# Tokenizer artefacts of PTB-style text (-LRB-, -RRB-) carry no content.
PTB_ARTEFACTS = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})


def words(text: str) -> list[str]:
    """The ASCII words and numbers of ``text``, as written."""
    return WORD.findall(text)


def content_words(text: str, stop_words: Collection[str]) -> list[tuple[int, str]]:
    """The words of ``text`` that carry content, with their offsets, as written
    (case kept): not in ``stop_words`` (lower-case), no PTB artefacts or bare numbers."""
    out = []
    for m in WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if low not in stop_words and low not in PTB_ARTEFACTS and not word.isdigit():
            out.append((m.start(), word))
    return out


class StemTokenizer:
    """Lower-cased, stop-worded, Porter-stemmed content words; caches stems.

    Words of three characters or fewer are kept as they are (as ROUGE-1.5.5 does)."""

    def __init__(self, stop_words: Collection[str]) -> None:
        self.stop_words = stop_words
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        s = self._stems.get(word)
        if s is None:
            s = porter_stem(word) if len(word) > 3 else word
            self._stems[word] = s
        return s

    def __call__(self, text: str) -> tuple[str, ...]:
        return tuple(self.stem(w.lower()) for _, w in content_words(text, self.stop_words))
