"""Coded errors, spaCy style: every message starts with ``[Ennn]``.

Codes are grouped by stage: E0xx options and usage, E1xx ingest, E2xx
annotate, E3xx link/views, E4xx store, E5xx present, E6xx eval.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class; ``code`` is the stable error code."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")
        self.detail = message


class OptionsError(StorylineError, ValueError):
    code = "E001"


class IngestError(StorylineError):
    code = "E100"


class AnnotateError(StorylineError):
    code = "E200"


class StoreError(StorylineError):
    code = "E400"


class NotFound(StorylineError, LookupError):
    code = "E404"


class EvalError(StorylineError):
    code = "E600"
