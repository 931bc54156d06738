"""A wire dateline opens the report's first sentence (text/datelines.py,
annotate/datelines.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.annotate.datelines import join_cut_datelines, mark_datelines
from storyline.annotate.paragraphs import mark_paragraph_starts
from storyline.text.datelines import stamped, wire_datelines


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b in wire_datelines(text)]


def test_agency_datelines_are_found_in_plain_and_ptb_copy() -> None:
    assert _found("Varna , Kestria -LRB- CNN -RRB- -- Crowds filled the square .") == [
        "Varna , Kestria -LRB- CNN -RRB- -- "
    ]
    assert _found("TAVEL (AP) -- The port reopened.") == ["TAVEL (AP) -- "]
    assert _found("TAVEL, May 2 (Reuters) - The port reopened.") == ["TAVEL, May 2 (Reuters) - "]
    assert _found("(Reuters) - The port reopened.") == ["(Reuters) - "]
    assert _found("TAVEL, N.K. (AP) — The port") == ["TAVEL, N.K. (AP) — "]
    # run on from the text before: the dateline starts at its all-capital place
    assert _found("was seen in Esterholm TAVEL (AP) -- The port") == ["TAVEL (AP) -- "]
    # a time zone is not part of the place
    assert _found("3:36 am EDT TAVEL -LRB- Reuters -RRB- - The port") == [
        "TAVEL -LRB- Reuters -RRB- - "
    ]


def test_a_bracketed_acronym_before_a_dash_is_no_dateline() -> None:
    assert _found("the Harbour Safety Board (HSB) -- which runs the port -- said") == []
    assert _found("the port (Reuters reported) - then closed") == []
    assert _found("TAVEL (AP) --- The port") == []


def test_a_stamp_before_the_dateline_is_seen() -> None:
    text = "TAVEL | Mon May 3 , 2010 7:34 pm EDT TAVEL -LRB- Reuters -RRB- - The port"
    assert stamped(text, wire_datelines(text)[0][0])
    text = "May 3 , 2010 TAVEL (AP) -- The port"
    assert stamped(text, wire_datelines(text)[0][0])
    text = "protests spread this week Varna , Kestria (CNN) -- The port"
    assert not stamped(text, wire_datelines(text)[0][0])
    assert not stamped("Stamp 9:12 pm\nVarna (CNN) -- The port", len("Stamp 9:12 pm\n"))


def _marked(text: str) -> Doc:
    return mark_datelines(mark_paragraph_starts(spacy.blank("en")(text)))


def _starts(doc: Doc) -> list[tuple[str, bool]]:
    return [(t.text, bool(t.is_sent_start)) for t in doc if t.is_sent_start is not None]


def test_the_dateline_starts_a_sentence_and_its_report_goes_on() -> None:
    doc = _marked("Protests spread this week Varna , Kestria -LRB- CNN -RRB- -- Crowds filled it .")
    starts = _starts(doc)
    assert ("Varna", True) in starts
    assert ("Crowds", False) in starts and ("--", False) in starts and (",", False) in starts
    assert doc[0].is_sent_start  # the doc's first token, as spaCy sets it


def test_a_stamped_dateline_keeps_its_stamp_and_an_aside_is_left_alone() -> None:
    doc = _marked("May 3 , 2010 7:34 pm EDT TAVEL -LRB- Reuters -RRB- - The port reopened .")
    assert ("TAVEL", True) not in _starts(doc)
    assert ("The", False) in _starts(doc)
    doc = _marked("The Harbour Safety Board -LRB- HSB -RRB- -- which runs it -- said so .")
    assert _starts(doc) == [("The", True)]


def test_a_dateline_on_a_line_of_its_own_is_left_to_the_line_rules() -> None:
    doc = _marked("TAVEL (AP) --\n\nThe port reopened .")
    assert next(t for t in doc if t.text == "The").is_sent_start is True


def test_a_cut_after_the_dateline_is_joined() -> None:
    # The parser's cut: "TAVEL ( AP ) --" / "The port reopened ."
    words = ["TAVEL", "(", "AP", ")", "--", "The", "port", "reopened", "."]
    heads = [0, 0, 0, 0, 0, 6, 7, 7, 7]
    deps = ["ROOT", "punct", "appos", "punct", "punct", "det", "nsubj", "ROOT", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert len(list(doc.sents)) == 2
    join_cut_datelines(doc)
    assert [s.text for s in doc.sents] == [doc.text.strip()]
    assert doc[0].head.text == "reopened" and doc[0].dep_ == "dep"


def test_the_pipeline_opens_the_lead_with_its_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "By the Wire Staff Kestria is not stable NEW : Esterholm says the talks should go on"
        " Kestria has been shaken by protests this week Varna , Kestria -LRB- CNN -RRB- --"
        " Hours ahead of what are expected to be large marches across the country , the"
        " internet went dark in parts of Varna early Friday .\n"
        "TAVEL -LRB- AP -RRB- -- The port reopened on Monday after a week of talks ."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "Varna , Kestria -LRB- CNN -RRB- -- Hours ahead of what are expected" in " ".join(
        s for s in sentences if s.startswith("Varna")
    ), sentences
    assert any(s.startswith("TAVEL -LRB- AP -RRB- -- The port reopened") for s in sentences)
    assert not any(s.endswith("--") for s in sentences), sentences
