"""TimeML TIMEX3 temporal tagger: extraction and normalization.

- :func:`tag` (text, dct) -> list of :class:`storyline.models.Timex`;
- the spaCy factory ``storyline_timex_v1`` (:mod:`.component`) runs it on a
  Doc, reading ``doc._.dct`` and setting ``doc._.timexes``;
- :func:`date_sentences` / :func:`date_span` (:mod:`.event_dating`) date
  sentences and quote spans from the results.
"""

from __future__ import annotations

from storyline.annotate.timex.anchor import interval
from storyline.annotate.timex.component import TimexComponent, register_extensions
from storyline.annotate.timex.core import RULES, tag
from storyline.annotate.timex.event_dating import date_sentences, date_span

__all__ = [
    "RULES",
    "TimexComponent",
    "date_sentences",
    "date_span",
    "interval",
    "register_extensions",
    "tag",
]
