"""The annotate stage: one failing article is named; the others are stored."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from storyline.annotate.pipeline import annotate
from storyline.models import Annotations, Article, ItemError


@Language.component("storyline_test_breaks_on_marker")
def _breaks(doc: Doc) -> Doc:
    if "EXPLODE" in doc.text:
        raise RuntimeError("boom")
    return doc


def _articles() -> list[Article]:
    text = "The port authority met on Tuesday. \"We are ready,\" Ana Pell said."
    return [
        Article(id="ok1", text=text, published=dt.date(2025, 3, 13), path="ok1.txt"),
        Article(id="bad", text=text + " EXPLODE", published=dt.date(2025, 3, 13), path="bad.txt"),
        Article(id="ok2", text=text.replace("Tuesday", "Monday"), published=dt.date(2025, 3, 13), path="ok2.txt"),
    ]


def test_one_bad_article_never_stops_the_batch(nlp: Language) -> None:
    nlp.add_pipe("storyline_test_breaks_on_marker", first=True)
    try:
        results = list(annotate(nlp, _articles(), batch_size=8))
    finally:
        nlp.remove_pipe("storyline_test_breaks_on_marker")
    assert [type(r) for r in results] == [Annotations, ItemError, Annotations]
    error = results[1]
    assert isinstance(error, ItemError) and error.item == "bad.txt" and "boom" in error.message
    ok = results[0]
    assert isinstance(ok, Annotations) and ok.timexes[0].value == "2025-03-11" and ok.quotes


def test_component_failure_is_reported_not_stored_half_done(nlp: Language) -> None:
    from storyline.annotate.components import record_error

    @Language.component("storyline_test_records_error")
    def _records(doc: Doc) -> Doc:
        if "Monday" in doc.text:
            record_error(doc, "storyline_test_records_error", ValueError("bad doc"), "E299")
        return doc

    nlp.add_pipe("storyline_test_records_error")
    try:
        results = list(annotate(nlp, _articles()[::2], batch_size=8))
    finally:
        nlp.remove_pipe("storyline_test_records_error")
    assert isinstance(results[0], Annotations)
    assert isinstance(results[1], ItemError) and "[E299]" in results[1].message
