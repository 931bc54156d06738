"""Speaker labels of transcripts, found on the raw text (no model needed)."""

from __future__ import annotations

from storyline.annotate.quotes.direct import find_quote_spans
from storyline.annotate.quotes.transcript import split_at_labels, transcript_labels

EXCHANGE = (
    'Partial transcript:\n\n"REYES: Will it reopen?\n\n"DIAZ: In the spring.\n\n'
    '"REYES: At what cost?\n\n"DIAZ: Four million dollars."\n'
)


def test_labels_need_three_upper_case_lines() -> None:
    assert transcript_labels(EXCHANGE) == {"REYES", "DIAZ"}
    # one "UPDATE:" line, or a Q&A's single letters, is not a transcript
    assert transcript_labels("UPDATE: The bridge reopened.\n\nMore text.") == frozenset()
    assert transcript_labels("Q: When?\n\nA: Soon.\n\nQ: Why?\n\nA: Money.") == frozenset()
    # nor are three notes: an update heads a note, it says nothing
    notes = "UPDATE: Reopened.\n\nUPDATE: Closed.\n\nCORRECTION: It was Tuesday."
    assert transcript_labels(notes) == frozenset()


def test_a_labelled_paragraph_starts_a_new_quote() -> None:
    quotes = find_quote_spans(EXCHANGE)
    assert sum(q.continues is not None for q in quotes) == 3  # one quote by nobody
    split = split_at_labels(EXCHANGE, quotes, transcript_labels(EXCHANGE))
    assert [q.continues for q in split] == [None] * len(quotes)
    assert split_at_labels(EXCHANGE, quotes, frozenset()) == quotes
