"""A title abbreviation before a name does not end a sentence (annotate/titles.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.annotate.titles import (
    join_cut_titles,
    mark_titles,
    title_continuations,
    title_run_before,
)


def _continuations(text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [doc[i].text for i in title_continuations(doc)]


def test_a_name_after_a_title_continues_its_sentence_whole_or_split_stop() -> None:
    # the tokenizer keeps "Gen." and "Adm." whole and splits "Capt" + "."
    assert _continuations("Brig. Gen. Vesna Marten told reporters .") == ["Gen.", "Vesna"]
    assert _continuations("Army Capt. Ivo Dane and Sgt. Maj. Tomas Rell were hurt .") == [
        "Ivo",
        "Maj",
        "Tomas",
    ]
    assert _continuations("Coast Guard Adm. Ilse Vorn said it would hold .") == ["Ilse"]


def test_what_is_not_a_name_after_a_title_is_left_alone() -> None:
    assert _continuations("He was made Lt. Col. The ceremony was short .") == ["Col"]
    assert _continuations("It is on Main St. The house is old .") == []  # not a title
    assert _continuations("the gen. staff met") == []  # lower case: not a title
    assert _continuations("Coast Guard Adm.\nIlse Vorn said so .") == []  # a line break


def test_before_the_parser_the_name_is_marked_and_an_earlier_rule_wins() -> None:
    doc = spacy.blank("en")("The commander , Lt. Cmdr. Sara Holm , said so .")
    mark_titles(doc)
    assert [t.text for t in doc if t.is_sent_start is False] == ["Cmdr", "Sara"]
    doc = spacy.blank("en")("Lt. Sara Holm said so .")
    doc[2].is_sent_start = True  # set by an earlier rule: kept
    mark_titles(doc)
    assert doc[2].is_sent_start is True


def test_a_cut_after_a_title_is_joined_under_the_names_sentence() -> None:
    # The parser's cut: "Army Capt ." / "Ivo Dane was hurt ."
    words = ["Army", "Capt", ".", "Ivo", "Dane", "was", "hurt", "."]
    spaces = [True, False, True, True, True, True, True, False]
    heads = [1, 1, 1, 4, 6, 6, 6, 6]
    deps = ["compound", "ROOT", "punct", "compound", "nsubjpass", "auxpass", "ROOT", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert len(list(doc.sents)) == 2
    join_cut_titles(doc)
    assert [s.text for s in doc.sents] == [doc.text.strip()]
    assert doc[1].head.text == "hurt" and doc[1].dep_ == "dep"


def test_the_pipeline_keeps_ranks_with_their_names(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The commander, Lt. Cmdr. Sara Holm, said the ship had left port.",
        "Brig. Gen. Ivo Dane told reporters that the raid had been a success.",
        "Army Capt. Tomas Rell and Sgt. Maj. Bill Vorn were hurt on Tuesday.",
    ):
        assert [s.text for s in nlp(text).sents] == [text]
    two = "He was promoted to Lt. Col. The ceremony was short."
    assert len(list(nlp(two).sents)) == 2


def test_the_title_run_before_a_name() -> None:
    doc = spacy.blank("en")("It held , but retired Coast Guard Adm. Ilse Vorn said so .")
    name = next(t.i for t in doc if t.text == "Ilse")
    assert doc[title_run_before(doc, name) :].text.startswith("retired Coast Guard Adm. Ilse")
    doc = spacy.blank("en")("It held , Army Capt. Ilse Vorn said .")
    name = next(t.i for t in doc if t.text == "Ilse")
    assert doc[title_run_before(doc, name) :].text.startswith("Army Capt. Ilse")
    assert title_run_before(doc, name + 1) is None  # "Ilse" is no title
