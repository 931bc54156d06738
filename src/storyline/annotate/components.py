"""What every storyline spaCy component shares: per-doc failure recording.

A component that fails on one doc sets its extension to an empty result and
records a coded error on the doc; the annotate stage then reports that
article as an ``ItemError`` and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from ..errors import AnnotateError

ERRORS_KEY = "storyline_errors"


def record_error(doc: Doc, component: str, exc: Exception, code: str) -> None:
    """Keep a component's failure on the doc so the pipeline reports it."""
    error = exc if isinstance(exc, AnnotateError) else AnnotateError(f"{component}: {exc}", code=code)
    doc.user_data.setdefault(ERRORS_KEY, []).append(str(error))


def doc_errors(doc: Doc) -> list[str]:
    return list(doc.user_data.get(ERRORS_KEY, []))


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
