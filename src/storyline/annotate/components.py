"""What every storyline spaCy component shares: per-doc failure recording.

A component that fails on one doc sets its extension to an empty result and
records a coded error on the doc; the annotate stage then reports that
article as an ``ItemError`` and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from ..errors import AnnotateError

ERRORS_KEY = "storyline_errors"


def record_error(doc: Doc, component: str, exc: Exception, code: str) -> None:
    """Keep a component's failure on the doc so the pipeline reports it."""
    error = exc if isinstance(exc, AnnotateError) else AnnotateError(f"{component}: {exc}", code=code)
    doc.user_data.setdefault(ERRORS_KEY, []).append(str(error))


def doc_errors(doc: Doc) -> list[str]:
    return list(doc.user_data.get(ERRORS_KEY, []))


# SENT_START values as ``Doc.to_array`` gives them: 1 starts a sentence, -1 does not.
_START = numpy.uint64(1)
_NOT_START = numpy.uint64(2**64 - 1)


def set_sent_starts(doc: Doc, values: Iterable[tuple[int, bool]]) -> None:
    """``doc[i].is_sent_start = value`` for each ``(i, value)`` in order, in one write.

    spaCy's setter scans the whole doc for a parse on every call, so a start per
    line of a long document was quadratic in its length."""
    writes = list(values)
    if not writes:
        return
    column: Any = doc.to_array([SENT_START])  # uint64; spaCy's stubs say float
    for i, value in writes:
        column[i] = _START if value else _NOT_START
    doc.from_array([SENT_START], column)


def join_sentence_at(doc: Doc, i: int, keep_later: bool = False) -> None:
    """After the parser: the sentence starting at token ``i`` and the one before it
    become one, the shorter part's root attached (``dep``) to the longer part's, or
    the earlier part's to the later part's with ``keep_later`` (setting a head
    re-derives the sentence starts from the tree)."""
    before, after = doc[i - 1].sent, doc[i].sent
    keep_after = keep_later or len(before) < len(after)
    short, long_ = (before, after) if keep_after else (after, before)
    short.root.head = long_.root
    short.root.dep_ = "dep"


def join_cuts_at(doc: Doc, starts: Iterable[int], keep_later: bool = False) -> Doc:
    """After the parser: each of ``starts`` that the parser made a sentence start is
    joined to the sentence before it (``join_sentence_at``); a doc without a parse is
    left as it is. ``starts`` is read lazily, after each join."""
    if not doc.has_annotation("DEP"):
        return doc
    for i in starts:
        if doc[i].is_sent_start:
            join_sentence_at(doc, i, keep_later)
    return doc


class ExtractorComponent:
    """Runs one extractor per doc and stores its list on ``doc._.<attr>``."""

    def __init__(self, name: str, attr: str, extract: Callable[[Doc], list[Any]], code: str) -> None:
        self.name = name
        self.attr = attr
        self.extract = extract
        self.code = code
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        try:
            setattr(doc._, self.attr, self.extract(doc))
        except Exception as exc:  # recorded, never silent: the pipeline turns it into ItemError
            setattr(doc._, self.attr, [])
            record_error(doc, self.name, exc, self.code)
        return doc
