"""spaCy component ``storyline_timex_v1``: TIMEX3 tagging on a Doc.

Reads the document creation date from ``doc._.dct`` (a ``datetime.date``;
None leaves relative expressions unresolved) and sets ``doc._.timexes``.
Whether a bare "Friday" is the last or the next one comes from cue words
next to it ("will", "until", "had"); where they say nothing and the pipeline
has tagged and parsed the doc, from the tense of the verb that governs it.
(Cue words first: on TempEval-3 they are right more often where both speak.)
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.annotate.components import record_error
from storyline.annotate.timex.anchor import Tense, text_tense
from storyline.annotate.timex.core import TenseFn, tag
from storyline.errors import AnnotateError, StorylineError

log = logging.getLogger(__name__)

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_FUTURE_HEADS = frozenset(
    {"scheduled", "expected", "plan", "plans", "planning", "due", "set", "going", "intend",
     "intends", "aim", "aims", "hope", "hopes", "slated"}
)  # fmt: skip

_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_TEMPORAL_MARKS = frozenset({"when", "once", "until", "till", "whenever"})


def register_extensions() -> None:
    """Doc._.dct (date | None), Doc._.timexes (list[Timex] | None), Doc._.timex_error."""
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", default=None)
    if not Doc.has_extension("timexes"):
        Doc.set_extension("timexes", default=None)
    if not Doc.has_extension("timex_error"):
        Doc.set_extension("timex_error", default=None)


def _verb_tense(verb: Token) -> Tense | None:
    """Tense of a verb from its tag and auxiliaries (None when it says nothing)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return "future"
    head = verb.head if verb.dep_ == "xcomp" else None
    if head is not None and head.lower_ in _FUTURE_HEADS and head.tag_ != "VBD":
        return "future"  # "is scheduled to meet", "plans to visit"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return "past"
    if verb.tag_ in _PRESENT_TAGS or any(a.tag_ in _PRESENT_TAGS for a in aux):
        if any(c.lower_ in _TEMPORAL_MARKS for c in verb.children if c.dep_ in ("mark", "advmod")):
            return "future"  # "when the two meet on Friday": English puts a future there in the present
        return "present"
    return None


def parse_tense(doc: Doc) -> TenseFn:
    """A tense function over character spans of ``doc``: cue words, then its parse."""
    text = doc.text

    def tense(start: int, end: int) -> Tense | None:
        cue = text_tense(text, start, end)
        if cue is not None:
            return cue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span.root
        for _ in range(5):
            if tok.pos_ in ("VERB", "AUX"):
                return _verb_tense(tok)
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    return tense


class TimexComponent:
    """Callable pipeline component; one failing doc is logged, never raised."""

    def __init__(self, name: str = "storyline_timex", use_parse: bool = True) -> None:
        self.name = name
        self.use_parse = use_parse
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        try:
            dct = _as_date(doc._.dct)
            tense_fn = None
            if self.use_parse and doc.has_annotation("DEP") and doc.has_annotation("TAG"):
                tense_fn = parse_tense(doc)
            doc._.timexes = tag(doc.text, dct, tense=tense_fn)
            doc._.timex_error = None
        except StorylineError as exc:
            log.warning("%s", exc)
            doc._.timexes = []
            doc._.timex_error = str(exc)
            record_error(doc, self.name, exc, exc.code)
        except Exception as exc:  # noqa: BLE001 - a bad doc must not stop the batch
            err = AnnotateError(f"temporal tagging failed: {exc!r}", code="E219")
            log.warning("%s", err)
            doc._.timexes = []
            doc._.timex_error = str(err)
            record_error(doc, self.name, err, err.code)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError as exc:
            raise AnnotateError(f"doc._.dct is not an ISO date: {value!r}", code="E212") from exc
    raise AnnotateError(
        f"doc._.dct must be a datetime.date, got {type(value).__name__}", code="E212"
    )


@Language.factory("storyline_timex_v1", default_config={"use_parse": True})
def make_timex_component(nlp: Language, name: str, use_parse: bool) -> TimexComponent:
    return TimexComponent(name=name, use_parse=use_parse)
