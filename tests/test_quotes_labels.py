"""Speaker labels ("TAPPER: ...", "Name: ..."), on raw text and hand-built docs (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.annotate.quotes.direct import find_quote_spans
from storyline.annotate.quotes.phrases import colon_attribution
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


def _label_doc(words: list[str], pos: list[str], ents: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents)
    doc[0].is_sent_start = True
    for tok in doc[1:]:
        tok.is_sent_start = False
    return doc


def test_a_label_line_needs_words_after_the_colon() -> None:
    # the tagger can read "Follow" as part of the name: what follows decides
    words = ["Follow", "Ana", "Reyes", "on", "Twitter", ":", "@anareyes", "."]
    pos = ["PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O"]
    account = _label_doc(words, pos, ents)
    assert colon_attribution(account, account[:], account.text) == []
    words = ["Ana", "Reyes", ":", "The", "vote", "is", "on", "Friday", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "ADP", "PROPN", "PUNCT"]
    said = _label_doc(words, pos, ["B-PERSON", "I-PERSON"] + ["O"] * 7)
    [att] = colon_attribution(said, said[:], said.text)
    assert said[att.source[0] : att.source[1]].text == "Ana Reyes"


def test_a_numbered_heading_is_no_speaker() -> None:
    # "Lesson 1: ...": the tagger may call "Lesson" a person; names have no numbers
    words = ["Lesson", "1", ":", "We", "need", "better", "plans", "."]
    pos = ["PROPN", "NUM", "PUNCT", "PRON", "VERB", "ADJ", "NOUN", "PUNCT"]
    doc = _label_doc(words, pos, ["B-PERSON"] + ["O"] * 7)
    assert colon_attribution(doc, doc[:], doc.text) == []


def test_a_place_before_a_colon_is_no_speaker() -> None:
    # a reader's question in a live chat, signed with the reader's town
    words = ["Tulsa", ",", "Oklahoma", ":", "How", "long", "will", "it", "take", "?"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "SCONJ", "ADV", "AUX", "PRON", "VERB", "PUNCT"]
    ents = ["B-GPE", "O", "B-GPE"] + ["O"] * 7
    doc = _label_doc(words, pos, ents)
    assert colon_attribution(doc, doc[:], doc.text) == []


def test_a_headline_topic_before_a_colon_is_no_speaker() -> None:
    # a related-links headline: "Reyes on Tarvia: ..." names a topic, not a speaker;
    # "A lesson from Reyes: ..." still quotes her
    words = ["Reyes", "on", "Tarvia", ":", "Change", "must", "come", "now", "."]
    pos = ["PROPN", "ADP", "PROPN", "PUNCT", "NOUN", "AUX", "VERB", "ADV", "PUNCT"]
    doc = _label_doc(words, pos, ["B-PERSON", "O", "B-GPE"] + ["O"] * 6)
    assert colon_attribution(doc, doc[:], doc.text) == []
    words = ["A", "lesson", "from", "Reyes", ":", "Be", "the", "voice", "."]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PUNCT", "AUX", "DET", "NOUN", "PUNCT"]
    doc = _label_doc(words, pos, ["O", "O", "O", "B-PERSON"] + ["O"] * 5)
    [att] = colon_attribution(doc, doc[:], doc.text)
    assert att.source is not None and doc[att.source[0] : att.source[1]].text.endswith("Reyes")
