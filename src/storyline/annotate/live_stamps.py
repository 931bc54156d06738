"""A live page's time stamp run into the line before it starts a sentence.

Live pages (agency and broadcaster blogs, "1828 Between 115 and 200 UN staff are
missing ...") open each entry with its time, newest first. Scraped copy loses some
line breaks, mostly after a picture caption that has no full stop: "The UN
headquarters was destroyed by the earthquake 1817 Meinie Nicolai, director of
operations at MSF, tells the BBC ...". The parser then reads the caption and the
next entry as one sentence, and the entry's report gets the caption for its
content. ``storyline_live_stamps_v1``, before the parser, starts a sentence at
such a stamp. The number must be a clock time (``hhmm``), on a page where at
least two lines open with one, after a word and before a capitalised word, and it
must fit the page's order: between the times of the entries around it, or within
the hour of the one entry next to it; it is no year near the publication date's.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .components import set_sent_starts
from .timex.hhmm import LIVE_PAGE_STAMPS, is_hhmm, line_stamps, minutes

# Words after which four digits are a year or an amount, not a new entry's time: "in
# 1790", "29 August 2009" (a chronology's dated entry is cut by the parser, not here).
_NOT_BEFORE_STAMP = frozenset(
    """in since of by from until till during before after circa at about around some nearly
    over under than and or to the a january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
HOUR = 60
# Four digits this close to the publication year are read as a year ("... 2009 Dr Murray").
YEARS_NEAR = 5


def _fits(minutes: int, before: int | None, after: int | None) -> bool:
    """Whether a time lies between the entry times around it (either order)."""
    if before is not None and after is not None:
        return min(before, after) <= minutes <= max(before, after)
    near = before if before is not None else after
    return near is not None and abs(near - minutes) <= HOUR


def run_in_stamps(doc: Doc) -> Iterator[int]:
    """The tokens that are a live entry's time stamp run into the line before it."""
    text = doc.text
    stamps = line_stamps(text)
    if len(stamps) < LIVE_PAGE_STAMPS:
        return
    offsets = [offset for offset, _ in stamps]
    published = doc._.dct if Doc.has_extension("dct") else None
    for tok in doc[1 : len(doc) - 1]:
        if not is_hhmm(tok.text):
            continue
        if isinstance(published, dt.date) and abs(int(tok.text) - published.year) <= YEARS_NEAR:
            continue
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if "\n" in prev.whitespace_ or prev.is_space or prev.is_punct:
            continue  # a line's own opening stamp, or after a stop: the parser's to cut
        if not prev.is_alpha or prev.lower_ in _NOT_BEFORE_STAMP:
            continue
        if not nxt.text[:1].isupper():
            continue
        n = bisect_left(offsets, tok.idx)
        before = stamps[n - 1][1] if n > 0 else None
        after = stamps[n][1] if n < len(stamps) else None
        if _fits(minutes(tok.text), before, after):
            yield tok.i


def mark_run_in_stamps(doc: Doc) -> Doc:
    """Before the parser: see the module docstring."""
    set_sent_starts(doc, [(i, True) for i in run_in_stamps(doc) if doc[i].is_sent_start is None])
    return doc


@Language.component("storyline_live_stamps_v1")
def live_stamps_component(doc: Doc) -> Doc:
    return mark_run_in_stamps(doc)
