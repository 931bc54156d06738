"""Which dated sentences tell of the same happening.

The default timeline files every dated sentence under its date value; this
module splits one value's sentences into happenings (Storm Shadow deliveries
and a presidential remark both "in May" are two events, not one) and finds the
coarser mentions of a finer-dated happening ("In late May, Reinholt said ...
'still in play'" is the 2025-05-27 statement, told again with a month).

Two sentences tell of the same happening when they quote the same words (three
or more, inside quotation marks), or when most of the content of the shorter
one is in the other: shared stemmed content words, each weighted by its
inverse document frequency over the story's dated sentences so that the names
every sentence of the story carries count for little. Names (capitalized words
inside a sentence) count half: one minister's two statements share her name
and title, not their content. Words that only say when ("May", "Tuesday",
"last", "month") or who spoke ("said", "told") are left out: they date or
attribute a happening, they do not tell which.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.dates import CALENDAR_WORDS
from .tls.relevance import Tokenizer, content_words

# Share of the shorter sentence's weighted content that must be in the other.
SAME_HAPPENING_OVERLAP = 0.5
# A quotation this many words long, found in both, is the same statement.
SHARED_QUOTE_WORDS = 3

_DATE_WORDS = CALENDAR_WORDS | frozenset(
    "today yesterday tomorrow tonight morning afternoon evening night"
    " day days week weeks month months year years ago last earlier later early late since"
    " previous following next weekend".split()
)
_ATTRIBUTION_WORDS = frozenset(
    "said say says saying told tell tells added adding according stated noted".split()
)
# Weight of a name (a capitalized word inside the sentence) against a plain word.
NAME_WEIGHT = 0.5
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,400})[\"”]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gist:
    """What a sentence is about, for comparison: content stems and quotations."""

    stems: frozenset[str]
    names: frozenset[str]  # the stems only ever written capitalized inside the sentence
    quotes: tuple[str, ...]


class HappeningIndex:
    """Gists of a story's sentences, with the story's stem document frequencies.

    Built once over all the sentences to compare (``texts``); ``same(i, j)``
    then compares sentences by position.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        tokenizer = Tokenizer()
        left_out = {tokenizer.stem(w) for w in _DATE_WORDS | _ATTRIBUTION_WORDS}
        self.gists = [_gist(text, tokenizer, left_out) for text in texts]
        df = Counter(s for g in self.gists for s in g.stems)
        n = len(texts)
        self._idf = {s: math.log((1 + n) / (1 + c)) + 1 for s, c in df.items()}

    def _weight(self, gist: Gist, stems: frozenset[str]) -> float:
        return sum(self._idf[s] * (NAME_WEIGHT if s in gist.names else 1.0) for s in stems)

    def overlap(self, i: int, j: int) -> float:
        """The larger of the two weighted shares of one gist's content found in the
        other (mostly the shorter sentence's), 0 to 1."""
        gi, gj = self.gists[i], self.gists[j]
        if not gi.stems or not gj.stems:
            return 0.0
        shared = gi.stems & gj.stems
        # idf >= 1, so a gist with stems weighs more than 0
        return max(self._weight(g, shared) / self._weight(g, g.stems) for g in (gi, gj))

    def same(self, i: int, j: int) -> bool:
        gi, gj = self.gists[i], self.gists[j]
        if any(q in gj.quotes for q in gi.quotes):
            return True
        # Two shared content words are a coincidence of names, not a happening.
        if len(gi.stems & gj.stems) < 3:
            return False
        return self.overlap(i, j) >= SAME_HAPPENING_OVERLAP


def _gist(text: str, tokenizer: Tokenizer, left_out: set[str]) -> Gist:
    stems: set[str] = set()
    plain: set[str] = set()
    first = _WORD.search(text)
    opening = first.start() if first else 0
    for offset, word in content_words(text):
        stem = tokenizer.stem(word.lower())
        if stem in left_out or len(stem) < 2:
            continue
        stems.add(stem)
        if offset == opening or not word[0].isupper():
            plain.add(stem)
    return Gist(frozenset(stems), frozenset(stems - plain), tuple(_quotations(text)))


def _quotations(text: str) -> list[str]:
    out = []
    for m in _QUOTED.finditer(text):
        words = _WORD.findall(m.group(1).casefold())
        if len(words) >= SHARED_QUOTE_WORDS:
            out.append(" ".join(words))
    return out


# A sentence joins a happening when it tells the same as one of its first few
# members: linear in the number of happenings, not quadratic in sentences, on a
# date that thousands of articles name.
_COMPARED_MEMBERS = 5


def group_happenings(index: HappeningIndex, members: Sequence[int]) -> list[list[int]]:
    """``members`` (positions in the index) split into happenings, in order: each
    joins the first happening one of whose first members tells the same."""
    groups: list[list[int]] = []
    for m in members:
        home = next(
            (g for g in groups if any(index.same(m, o) for o in g[:_COMPARED_MEMBERS])), None
        )
        if home is None:
            groups.append([m])
        else:
            home.append(m)
    return groups


def best_happening(
    index: HappeningIndex, member: int, groups: Sequence[Sequence[int]]
) -> int | None:
    """Position in ``groups`` of the happening ``member`` tells best (highest
    overlap with a member it tells the same as), or None."""
    best, best_overlap = None, -1.0
    for k, group in enumerate(groups):
        for other in group[:_COMPARED_MEMBERS]:
            if index.same(member, other):
                overlap = index.overlap(member, other)
                if overlap > best_overlap:
                    best, best_overlap = k, overlap
    return best
