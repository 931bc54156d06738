"""date_sentences / date_span: which time each sentence (or quote) is about."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from storyline.annotate.timex import date_sentences, date_span, register_extensions, tag

DCT = dt.date(2024, 9, 11)


def _plain(text: str) -> Doc:
    return spacy.blank("en")(text)


def test_sentences_get_timex_publication_or_nothing() -> None:
    text = (
        "The army withdrew on Aug. 30. "
        "Officials said the decision was final. "
        "Missiles are expensive. "
        "The council will meet again."
    )
    doc = _plain(text)
    txs = tag(text, DCT)
    got = {sd.sentence: sd for sd in date_sentences(doc, txs, DCT)}
    assert got[0].rule == "timex" and got[0].value == "2024-08-30"
    assert got[0].timex == 0 and txs[0].text == "Aug. 30"
    assert (got[0].interval_start, got[0].interval_end) == (dt.date(2024, 8, 30),) * 2
    assert got[1].rule == "publication" and got[1].value == "2024-09-11" and got[1].timex is None
    assert 2 not in got  # generic present tense
    assert 3 not in got  # future without a date


def test_now_dates_to_the_dct() -> None:
    # after the lead (the opening report has a rule of its own, ``lead``)
    text = "The owners sold the mill on Monday. The plant is now closed."
    doc = _plain(text)
    got = {sd.sentence: sd for sd in date_sentences(doc, tag(text, DCT), DCT)}
    assert (got[1].rule, got[1].interval_start) == ("present_ref", DCT)


def test_no_dct_no_publication_fallback() -> None:
    text = "Officials said the decision was final."
    assert date_sentences(_plain(text), tag(text, None), None) == []


def test_year_used_as_noun_modifier_is_skipped_without_parse() -> None:
    text = "The 1990s war displaced millions, officials said in May 2024."
    doc = _plain(text)
    (sd,) = date_sentences(doc, tag(text, DCT), DCT)
    assert sd.value == "2024-05"


def _parsed(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]
) -> Doc:
    register_extensions()
    sent_starts: list[bool | int | None] = [True]
    sent_starts += [False] * (len(words) - 1)
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        sent_starts=sent_starts,
    )


def test_parse_prefers_the_expression_on_the_main_verb() -> None:
    # "The report about 2019 was released Tuesday" -> Tuesday, not 2019
    words = ["The", "report", "about", "2019", "was", "released", "Tuesday"]
    doc = _parsed(
        words,
        heads=[1, 5, 1, 2, 5, 5, 5],
        deps=["det", "nsubjpass", "prep", "pobj", "auxpass", "ROOT", "npadvmod"],
        pos=["DET", "NOUN", "ADP", "NUM", "AUX", "VERB", "PROPN"],
        tags=["DT", "NN", "IN", "CD", "VBD", "VBN", "NNP"],
    )
    txs = tag(doc.text, DCT)
    (sd,) = date_sentences(doc, txs, DCT)
    assert sd.rule == "timex" and txs[sd.timex or 0].text == "Tuesday"
    assert sd.value == "2024-09-10"


def test_date_span_uses_the_reporting_clause_not_the_quote() -> None:
    text = 'He said Tuesday: "We will finish it in March."'
    doc = _plain(text)
    txs = tag(text, DCT)
    q0 = text.index('"') + 1
    q1 = text.rindex('"')
    sd = date_span(doc, q0, q1, txs, DCT)
    assert sd is not None and sd.rule == "timex" and sd.value == "2024-09-10"
    bare = 'Officials said: "We will finish it in March."'
    sd2 = date_span(_plain(bare), bare.index('"') + 1, bare.rindex('"'), tag(bare, DCT), DCT)
    assert sd2 is not None and sd2.rule == "publication" and sd2.value == DCT.isoformat()
    assert date_span(doc, 5, 5, txs, DCT) is None


@pytest.mark.parametrize(
    ("dct", "friday"), [(DCT, "2024-09-13"), (dt.date(2023, 7, 19), "2023-07-21")]
)
def test_a_clause_head_tagged_as_a_noun_still_carries_its_date(dct: dt.date, friday: str) -> None:
    # "The loan will come up when the two meet on Friday", with "meet" mistagged as a
    # noun heading the "when" clause: the clause's date still dates the sentence
    words = "The loan will come up when the two meet on Friday .".split()
    doc = _parsed(
        words,
        heads=[1, 3, 3, 3, 3, 8, 7, 8, 3, 8, 9, 3],
        deps=["det", "nsubj", "aux", "ROOT", "prt", "advmod", "det", "nsubj", "advcl",
              "prep", "pobj", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "SCONJ", "DET", "NUM", "NOUN", "ADP", "PROPN",
             "PUNCT"],
        tags=["DT", "NN", "MD", "VB", "RP", "WRB", "DT", "CD", "NN", "IN", "NNP", "."],
    )  # fmt: skip
    txs = tag(doc.text, dct)
    (sd,) = date_sentences(doc, txs, dct)
    assert (sd.rule, sd.value) == ("timex", friday)


def test_inside_answers_as_the_scan_it_replaces() -> None:
    import random

    from storyline.annotate.timex.event_dating import _Inside

    rng = random.Random(3)
    for _ in range(200):
        spans = [(s, s + rng.randrange(1, 12)) for s in rng.sample(range(80), rng.randrange(12))]
        inside = _Inside(spans)
        for p in range(95):
            assert inside.holds(p) == any(s < p < e for s, e in spans), (spans, p)


def test_dating_an_unparsed_document_is_linear_in_its_length() -> None:
    import time

    def seconds(copies: int) -> float:
        text = "On Monday the minister said the plan, set out in a 2019 report, had failed. "
        doc = _plain(text * copies)
        txs = tag(doc.text, DCT)
        started = time.perf_counter()
        assert len(date_sentences(doc, txs, DCT)) == copies
        return time.perf_counter() - started

    # 24 s for 2,000 sentences when each rebuilt Doc.text and each full stop scanned every
    # date; 0.05 s now
    assert seconds(2_000) < 1.0
