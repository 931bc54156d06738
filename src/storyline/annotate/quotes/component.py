"""The spaCy component: factory ``storyline_quotes_v1`` setting ``doc._.quotes``."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ...errors import AnnotateError
from .extract import extract_quotes
from .learned import QuoteModels, load_quote_models

log = logging.getLogger(__name__)

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Doc.has_extension("quotes_error"):
    Doc.set_extension("quotes_error", default=None)


class QuotesComponent:
    """Sets ``doc._.quotes``; a doc that fails gets ``[]`` and its error recorded.

    The error goes to ``doc._.quotes_error`` and to ``doc.user_data["storyline_errors"]``
    (which the annotate stage turns into an ``ItemError``); it is also logged.
    """

    name = "storyline_quotes_v1"

    def __init__(self, models: QuoteModels | None = None) -> None:
        self.models = models

    @property
    def model_version(self) -> str:
        """Which learned models shape the output ("rules" when none): part of the
        pipeline version, so stored annotations are redone when it changes."""
        return self.models.version if self.models else "rules"

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.quotes = extract_quotes(doc, self.models)
            doc._.quotes_error = None
        except Exception as exc:  # one bad doc never stops a batch; recorded, not swallowed
            error = (
                exc
                if isinstance(exc, AnnotateError)
                else AnnotateError(f"{self.name}: {type(exc).__name__}: {exc}", code="E245")
            )
            doc._.quotes = []
            doc._.quotes_error = str(error)
            doc.user_data.setdefault("storyline_errors", []).append(str(error))
            log.warning("quote extraction failed: %s", error)
        return doc


@Language.factory("storyline_quotes_v1", default_config={"learned": True})
def make_quotes(nlp: Language, name: str, learned: bool) -> QuotesComponent:
    """``learned``: apply the keep/add models shipped with storyline to the rules'
    attributions (see ``learned``); false runs the rules alone."""
    return QuotesComponent(load_quote_models() if learned else None)
