"""Set and bag-of-words similarities shared by the views and the link stage."""

from __future__ import annotations

import math
from collections.abc import Mapping, Set


def jaccard(a: Set[str], b: Set[str]) -> float:
    """|A∩B| / |A∪B|; two empty sets are the same set (1.0)."""
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: Set[str], b: Set[str]) -> float:
    """|A∩B| / min(|A|, |B|): how much of the smaller set the other holds; 0 if one is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (term -> weight); 0 when either is all zeros."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if dot == 0:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0
