"""Near-duplicate sentences (syndicated copies, light rewrites) by token-set Jaccard."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.text.similarity import containment, jaccard

_WORD = re.compile(r"\w+")


def token_set(text: str) -> frozenset[str]:
    """Lower-cased word set of a sentence: the key near-duplicates share."""
    return frozenset(_WORD.findall(text.lower()))


__all__ = ["group_duplicates", "jaccard", "near_duplicate", "token_set"]


def near_duplicate(a: frozenset[str], b: frozenset[str], threshold: float = 0.6) -> bool:
    """True when two sentences say the same thing in (almost) the same words.

    Besides plain Jaccard, a sentence whose words are nearly all inside the
    other (a trimmed copy) also counts: containment >= 0.9 on 6+ words.
    """
    if jaccard(a, b) >= threshold:
        return True
    return min(len(a), len(b)) >= 6 and containment(a, b) >= 0.9


def group_duplicates(sets: Sequence[frozenset[str]], threshold: float = 0.6) -> list[int]:
    """For each item, the index of the first earlier item it near-duplicates (itself if none).

    Quadratic in the number of items; callers pass per-date pools (tens to a few
    hundred sentences). Exact repeats are found through a dict first.
    """
    rep: list[int] = []
    exact: dict[frozenset[str], int] = {}
    heads: list[int] = []
    for i, s in enumerate(sets):
        j = exact.get(s)
        if j is None:
            for h in heads:
                if near_duplicate(s, sets[h], threshold):
                    j = h
                    break
        if j is None:
            heads.append(i)
            exact[s] = i
            rep.append(i)
        else:
            exact.setdefault(s, j)
            rep.append(j)
    return rep
