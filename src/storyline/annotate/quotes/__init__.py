"""Quote and attribution extraction: who said (or thinks, or wants) what, with a source.

``extract_quotes(doc)`` reads a doc parsed by en_core_web_sm and returns
``Quote`` records; the ``storyline_quotes_v1`` component sets ``doc._.quotes``.
See ``assemble`` for the order of work, ``learned`` for the models that
check and extend the rules' output, ``extract`` for how attributions become
records, and ``speakers`` for anonymity and pronoun resolution.
"""

from __future__ import annotations

from .component import QuotesComponent, make_quotes
from .extract import attribution_groups, extract_quotes
from .learned import QuoteModels, load_quote_models

__all__ = [
    "QuoteModels",
    "QuotesComponent",
    "attribution_groups",
    "extract_quotes",
    "load_quote_models",
    "make_quotes",
]
