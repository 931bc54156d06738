"""Paragraph breaks end sentences (annotate/paragraphs.py)."""

from __future__ import annotations

import spacy

from storyline.annotate.paragraphs import is_paragraph_break, mark_paragraph_starts


def _marked(text: str):  # type: ignore[no-untyped-def]
    return mark_paragraph_starts(spacy.blank("en")(text))


def test_is_paragraph_break() -> None:
    assert (
        is_paragraph_break("\n\n")
        and is_paragraph_break("\r\n \r\n")
        and is_paragraph_break(" \n\t\n")
    )
    assert not is_paragraph_break("\n") and not is_paragraph_break("  ")


def test_first_token_after_a_blank_line_starts_a_sentence() -> None:
    doc = _marked("It was backed by Rep. Gregory W. Meeks, N.Y.\n\nEarly this month, they met.")
    early = next(t for t in doc if t.text == "Early")
    assert early.is_sent_start is True
    # nothing else is decided here: the parser sets the rest
    assert [t.i for t in doc if t.is_sent_start is not None and t.i > 0] == [early.i]


def test_a_single_line_break_is_not_a_paragraph() -> None:
    doc = _marked("The ministry said on Friday\nthat it would decide soon.")
    assert all(t.is_sent_start is None for t in doc[1:])


def test_closing_quote_stays_with_the_sentence_it_closes() -> None:
    doc = _marked('She wanted it "on paper, where it cannot be lost."\n\nNext came the vote.')
    closing = [t for t in doc if t.text == '"'][-1]
    assert closing.is_sent_start is False
    assert next(t for t in doc if t.text == "Next").is_sent_start is True


def test_the_pipeline_keeps_paragraph_sentences_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The resolution was backed by Rep. Gregory W. Meeks, N.Y.\n\n"
        "Early this month, two senators joined the call. "
        'Officials wanted the request "on paper, where it cannot be lost."\n\n'
        "Esterholm has relied since last year on an older missile."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "The resolution was backed by Rep. Gregory W. Meeks, N.Y." in sentences
    assert any(s.startswith("Early this month") for s in sentences)
    assert any(s.endswith('cannot be lost."') for s in sentences)
    assert "Esterholm has relied since last year on an older missile." in sentences


LEAD = (
    "Kestria has approved sending two batteries of its long-range interceptor system to"
    " Esterholm, a reversal for a government that at the start of the year said it could not."
)


def test_a_line_break_ends_a_headline_when_lines_are_paragraphs() -> None:
    # one paragraph per line (text extracted from HTML): the headline line has no
    # closing stop but is a sentence of its own
    doc = _marked(
        "Kestria approves interceptors after months of debate\n" + LEAD + "\nNext came the vote."
    )
    assert next(t for t in doc if t.text == "Kestria" and t.i > 0).is_sent_start is True
    assert next(t for t in doc if t.text == "Next").is_sent_start is True


def test_hard_wrapped_lines_are_not_paragraphs() -> None:
    wrapped = "\n".join(
        [
            "Kestria has approved sending two batteries of its long-range",
            "interceptor system to Esterholm, a reversal for a government",
            "that at the start of the year said it could not spare them.",
        ]
    )
    doc = _marked(wrapped)
    assert all(t.is_sent_start is None for t in doc[1:])


def test_the_pipeline_splits_a_headline_from_the_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kestria approves interceptors after months of debate\n" + LEAD
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ["Kestria approves interceptors after months of debate", LEAD]
