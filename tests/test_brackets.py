"""No sentence starts inside a short bracket pair (annotate/brackets.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.annotate.brackets import bracket_pairs, join_cut_asides, mark_bracket_insides
from storyline.annotate.paragraphs import mark_paragraph_starts


def _marked(text: str, max_tokens: int = 40):  # type: ignore[no-untyped-def]
    return mark_bracket_insides(mark_paragraph_starts(spacy.blank("en")(text)), max_tokens)


def _not_starts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.text for t in doc if t.is_sent_start is False]


def test_inside_of_a_ptb_pair_and_its_closer_start_no_sentence() -> None:
    doc = _marked("Agents of the Drug Control Office -LRB- DCO -RRB- searched the clinic .")
    assert _not_starts(doc) == ["DCO", "-RRB-"]
    # the opener and what follows the pair are the parser's to decide
    assert all(t.is_sent_start is None for t in doc if t.text in ("-LRB-", "searched"))


def test_abbreviation_inside_brackets_does_not_end_a_sentence() -> None:
    doc = _marked("(Update 9:12 p.m. Varna, 2:12 p.m. ET) Shelling was heard downtown.")
    assert "Varna" in _not_starts(doc)
    assert ")" in _not_starts(doc)


def test_a_parenthetical_of_whole_sentences_keeps_them() -> None:
    doc = _marked("(Who signed the order? Nobody would say.) The vote went ahead.")
    nobody = next(t for t in doc if t.text == "Nobody")
    assert nobody.is_sent_start is None  # after a "?": the parser may start one
    assert "signed" in _not_starts(doc)


def test_a_sentence_start_already_set_is_kept() -> None:
    doc = _marked("The council met (briefly\n\nThen) it adjourned.")
    then = next(t for t in doc if t.text == "Then")
    assert then.is_sent_start is True  # a paragraph break wins: no pair across it
    assert bracket_pairs(doc) == []


def test_long_or_unmatched_brackets_are_left_alone() -> None:
    long_aside = "The plan ( " + " ".join(["word"] * 45) + " ) failed."
    assert bracket_pairs(spacy.blank("en")(long_aside)) == []
    assert _not_starts(_marked(long_aside)) == []
    assert _not_starts(_marked("Items: a) the levy, b) the fund. (See below.")) == []
    # a stray closer clears what was open; a later pair still counts
    doc = spacy.blank("en")("One ( two ] three ( four ) five")
    assert [(doc[a].text, doc[b].text) for a, b in bracket_pairs(doc)] == [("(", ")")]
    assert bracket_pairs(doc)[0] == (5, 7)


def test_a_single_line_break_ends_a_pair_only_in_text_written_a_paragraph_per_line() -> None:
    wrapped = "The fund (set up\nin May) paid out."
    assert len(bracket_pairs(spacy.blank("en")(wrapped))) == 1
    per_line = "The fund (set up\nin May) paid out. " + "The levy rose again. " * 10
    assert bracket_pairs(spacy.blank("en")(per_line)) == []


def test_a_cut_the_parser_left_is_joined_under_the_longer_part() -> None:
    words = ["VARNA", "-LRB-", "Wire", "-RRB-", "-", "Talks", "resumed", "on", "Monday", "."]
    # as the parser left it: "VARNA -LRB-" / "Wire -RRB- - Talks resumed on Monday ."
    heads = [0, 0, 6, 6, 6, 6, 6, 6, 7, 6]
    deps = ["ROOT", "punct", "npadvmod", "punct", "punct", "nsubj", "ROOT", "prep", "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert [s.text for s in doc.sents] == ["VARNA -LRB-", "Wire -RRB- - Talks resumed on Monday ."]
    join_cut_asides(doc)
    assert [s.text for s in doc.sents] == [doc.text.strip()]
    assert doc[0].head.text == "resumed" and doc[0].dep_ == "dep"


def test_a_sentence_after_a_full_stop_inside_brackets_is_not_joined() -> None:
    words = ["(", "Who", "signed", "?", "Nobody", "said", ".", ")"]
    heads = [2, 2, 2, 2, 5, 5, 5, 5]
    deps = ["punct", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    join_cut_asides(doc)
    assert [s.text for s in doc.sents] == ["( Who signed ?", "Nobody said . )"]


def test_nested_pairs() -> None:
    doc = spacy.blank("en")("Kestria ( and its ally [ Esterholm ] ) agreed .")
    assert [(doc[a].text, doc[b].text) for a, b in bracket_pairs(doc)] == [("[", "]"), ("(", ")")]


def test_the_pipeline_keeps_a_ptb_aside_in_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Troops held the port city .\n"
        "-- -LRB- Update 9:12 p.m. Varna , 2:12 p.m. ET -RRB- Heavy shelling could be heard"
        " Sunday night as crowds marched through the old town , a reporter said .\n"
        "Officers from the Drug Control Office -LRB- DCO -RRB- searched the clinic and"
        " removed several boxes .\n"
        "VARNA | Mon Mar 7 , 2011 2:05 pm EST VARNA -LRB- Wire -RRB- - Talks on the port"
        " resumed on Monday , the ministry said ."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert any(s.startswith("-- -LRB- Update 9:12 p.m. Varna") for s in sentences), sentences
    assert any(
        s.startswith("Officers from the Drug Control Office -LRB- DCO -RRB- searched")
        for s in sentences
    ), sentences
    assert any(s.startswith("VARNA | Mon") and s.endswith("the ministry said .") for s in sentences)
    assert not any(s.startswith(("Varna", "DCO", "-RRB-", "Wire")) for s in sentences)
