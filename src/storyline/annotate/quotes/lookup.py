"""Lookups over a doc's quote spans and attributions in place of scans of all of them.

In a document with thousands of quotes and cues (a comment thread or transcript
pasted whole, hostile text) each "is this inside some quote" test that scans
every quote makes the whole extraction quadratic in the document's length.
Each helper gives exactly the answer of the scan it replaces (named in its
docstring), so normal articles get the same attributions as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from heapq import heappop, heappush
from itertools import accumulate

from spacy.tokens import Doc

from .direct import QuoteSpan
from .spans import Attribution


def overlapped(quotes: list[QuoteSpan], atts: list[Attribution]) -> set[int]:
    """``{k for k, q in enumerate(quotes) if any(q.start < b and a < q.end for att in atts
    for a, b in att.content)}``: the quotes some attribution's content overlaps."""
    spans = sorted((a, b) for att in atts for a, b in att.content)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end so far
    out: set[int] = set()
    for k, q in enumerate(quotes):
        n = bisect_left(starts, q.end)  # the spans with a < q.end
        if n and reach[n - 1] > q.start:
            out.add(k)
    return out


class Interiors:
    """Which char offsets lie inside a quote's marks."""

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        self.quotes = quotes
        order = sorted(quotes, key=lambda q: q.inner_start)
        self.starts = [q.inner_start for q in order]
        self.reach = list(accumulate((q.inner_end for q in order), max))

    def holds(self, at: int, skip_start: int = -1) -> bool:
        """``any(q.inner_start <= at < q.inner_end and q.inner_start != skip_start
        for q in quotes)``."""
        n = bisect_right(self.starts, at)  # the quotes with inner_start <= at
        if not n or self.reach[n - 1] <= at:
            return False  # no quote holds ``at``, whatever ``skip_start`` is
        if skip_start < 0:
            return True  # offsets are never negative: no quote is skipped
        return any(
            q.inner_start <= at < q.inner_end and q.inner_start != skip_start for q in self.quotes
        )


def holders(doc: Doc, atts: list[Attribution]) -> list[list[int]]:
    """For each attribution ``n``, ``[m for m, outer in enumerate(atts) if any(a <= at < b
    for a, b in outer.content)]`` where ``at`` is the char offset of ``n``'s cue head:
    the attributions whose content holds it, found in one sweep over the text."""
    spans = sorted((a, b, m) for m, att in enumerate(atts) for a, b in att.content)
    heads = sorted((doc[att.head].idx, n) for n, att in enumerate(atts))
    out: list[list[int]] = [[] for _ in atts]
    open_spans: list[tuple[int, int]] = []  # heap of (end, m) of spans begun by ``at``
    i = 0
    for at, n in heads:
        while i < len(spans) and spans[i][0] <= at:
            heappush(open_spans, (spans[i][1], spans[i][2]))
            i += 1
        while open_spans and open_spans[0][0] <= at:
            heappop(open_spans)  # ended: and the heads still to come are further on
        out[n] = sorted({m for _, m in open_spans})
    return out


class Overlaps:
    """The quotes a char span overlaps."""

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        self.quotes = quotes
        # Quotes come in text order without overlapping each other (``find_quote_spans``
        # pairs marks left to right); then those a span overlaps are a run of them.
        self.ordered = all(p.end <= q.start for p, q in zip(quotes, quotes[1:], strict=False))
        self.starts = [q.start for q in quotes]
        self.ends = [q.end for q in quotes]

    def of(self, a: int, b: int) -> range:
        """``[k for k, q in enumerate(quotes) if q.start < b and a < q.end]``, as a range.

        Widening [a, b) to each quote found in turn (as ``_align_to_quotes`` does) finds
        no other quote: the next one starts at or after the end of the last."""
        if not self.ordered:
            return range(len(self.quotes))  # callers test each quote themselves
        return range(bisect_right(self.ends, a), bisect_left(self.starts, b))


class NearHeads:
    """Attributions whose cue head lies in a token range."""

    def __init__(self, atts: list[Attribution]) -> None:
        self.atts = atts
        by_head = sorted(range(len(atts)), key=lambda n: atts[n].head)
        self.order = by_head
        self.heads = [atts[n].head for n in by_head]

    def between(self, lo: int, hi: int) -> list[Attribution]:
        """``[att for att in atts if lo <= att.head <= hi]``, in the order of ``atts``."""
        found = self.order[bisect_left(self.heads, lo) : bisect_right(self.heads, hi)]
        return [self.atts[n] for n in sorted(found)]


class LastEnding:
    """For a position, the last item (in list order) whose end is at or before it."""

    def __init__(self, ends: list[int]) -> None:
        # lowest[i] = min(ends[i:]): non-decreasing in i
        self.lowest = list(accumulate(reversed(ends), min))[::-1]

    def at_or_before(self, position: int) -> int | None:
        """``max((i for i, end in enumerate(ends) if end <= position), default=None)``."""
        n = bisect_right(self.lowest, position)
        return n - 1 if n else None
