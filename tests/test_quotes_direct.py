"""Quotation-mark pairing (no model needed)."""

from __future__ import annotations

from storyline.annotate.quotes.direct import find_quote_spans, quote_chain


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quote_spans(text)]


def test_curly_and_straight_quotes() -> None:
    text = 'She said \u201cthe road is open\u201d and he said "it is closed."'
    assert _inner(text) == ["the road is open", "it is closed."]
    spans = find_quote_spans(text)
    assert text[spans[0].start] == "\u201c" and text[spans[0].end - 1] == "\u201d"


def test_two_apostrophes_as_quote_marks() -> None:
    text = "''We will win,'' the mayor said."
    assert _inner(text) == ["We will win,"]
    assert find_quote_spans(text)[0].start == 0


def test_apostrophes_are_not_quotes() -> None:
    assert _inner("The mayor's plan isn't ready, officials' notes show.") == []


def test_multi_paragraph_quote_is_linked() -> None:
    text = "\u201cFirst part of the speech.\n\n\u201cSecond part,\u201d she said."
    spans = find_quote_spans(text)
    assert len(spans) == 2
    assert not spans[0].closed and spans[0].continues == 1
    assert quote_chain(spans, 1) == [0, 1]
    assert quote_chain(spans, 0) == [0, 1]


def test_unbalanced_quote_is_closed_at_paragraph_end_when_short() -> None:
    text = "He called it \u201ca disaster.\nNext paragraph here."
    spans = find_quote_spans(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == ["a disaster."]
    assert not spans[0].closed


def test_long_unclosed_quote_is_dropped() -> None:
    text = '"' + "word " * 200 + "\nAnother paragraph."
    assert find_quote_spans(text) == []


def test_stray_closing_mark_is_ignored() -> None:
    text = "Nothing opened here\u201d but \u201cthis is quoted\u201d now."
    assert _inner(text) == ["this is quoted"]


def test_typo_opening_mark_used_as_closing() -> None:
    text = "\u201cThe reality is bad here,\u201c said the senator."
    assert _inner(text) == ["The reality is bad here,"]


def test_empty_and_mark_only_text() -> None:
    assert find_quote_spans("") == []
    assert find_quote_spans('""') == []
    assert find_quote_spans('"') == []
