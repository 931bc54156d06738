"""The storyline_quotes_v1 component on odd documents, with hand-built parses (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from parsed_docs import maria_said, parsed
from storyline.annotate.quotes import extract_quotes


def test_factory_registered_and_sets_extension() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_quotes_v1")
    assert "storyline_quotes_v1" in nlp.pipe_names
    comp = nlp.get_pipe("storyline_quotes_v1")
    doc = comp(maria_said())
    assert doc._.quotes_error is None
    [q] = doc._.quotes
    assert (q.speaker, q.cue, q.text, q.direct) == ("Maria", "said", "the plan works", False)
    assert q.sentence == 0 and q.anonymous is False


def test_empty_and_whitespace_docs_give_no_quotes() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_quotes_v1")
    for text in ("", "   \n\n  "):
        doc = nlp(text)
        assert doc._.quotes == [] and doc._.quotes_error is None


def test_unparsed_doc_is_recorded_not_raised() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_quotes_v1")
    docs = list(nlp.pipe(['"Hello," she said.', "Plain text without any parse."]))
    for doc in docs:
        assert doc._.quotes == []
        assert "E246" in doc._.quotes_error
        assert any("E246" in e for e in doc.user_data["storyline_errors"])


def test_quote_spanning_the_whole_doc_and_unbalanced_marks() -> None:
    # a doc that is one quotation, and one with a stray mark: no crash, sane output
    whole = parsed(
        ['"', "We", "won", '"'],
        [2, 2, 2, 2],
        ["punct", "nsubj", "ROOT", "punct"],
        ["PUNCT", "PRON", "VERB", "PUNCT"],
        ['"', "we", "win", '"'],
        [False, True, False, False],
    )
    assert extract_quotes(whole) == []
    stray = parsed(
        ["Maria", "said", '"', "the", "plan", "works", "."],
        [1, 1, 1, 4, 5, 1, 1],
        ["nsubj", "ROOT", "punct", "det", "nsubj", "ccomp", "punct"],
        ["PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        ["Maria", "say", '"', "the", "plan", "work", "."],
        [True, True, False, True, True, False, False],
    )
    [q] = extract_quotes(stray)
    assert q.speaker == "Maria" and "plan works" in q.text


def test_component_survives_an_internal_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.annotate.quotes import component

    def boom(doc: Doc, models: object = None) -> list[object]:
        raise ValueError("broken parse")

    monkeypatch.setattr(component, "extract_quotes", boom)
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_quotes_v1")
    docs = list(nlp.pipe(["one", "two"]))
    for doc in docs:
        assert doc._.quotes == []
        assert doc._.quotes_error.startswith("[E245]")
        assert "broken parse" in doc.user_data["storyline_errors"][0]


def test_name_modifier_set_off_by_a_comma_goes_back_to_the_content() -> None:
    # "Ostmark has no plans to help Veldt, Minister Brandt said." parsed with "Veldt"
    # hanging on the speaker's name (as the small model does in the sample's lead)
    doc = parsed(
        ["Ostmark", "has", "no", "plans", "to", "help", "Veldt", ",", "Minister", "Brandt"]
        + ["said", "."],
        [1, 10, 3, 1, 5, 3, 9, 6, 9, 10, 10, 10],
        ["nsubj", "ccomp", "det", "dobj", "aux", "acl", "nmod", "punct", "compound", "nsubj"]
        + ["ROOT", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN"]
        + ["VERB", "PUNCT"],
        ["Ostmark", "have", "no", "plan", "to", "help", "Veldt", ",", "Minister", "Brandt"]
        + ["say", "."],
    )
    [q] = extract_quotes(doc)
    assert q.speaker == "Minister Brandt"
    assert q.text == "Ostmark has no plans to help Veldt"


def test_pronouns_resolve_to_names_as_the_mentions_component_cleaned_them(nlp) -> None:  # type: ignore[no-untyped-def]
    """A wire dateline in capitals, tagged a person by the small model, is the place the
    mentions component makes of it: "he" there names nobody, not the town."""
    doc = nlp(
        "MISRATA, Libya (Reuters) - Rebel fighters held the port on Sunday after a night "
        'of shelling. "We will not leave," he said.'
    )
    [q] = [q for q in doc._.quotes if q.speaker == "he"]
    assert q.speaker_resolved is None


def test_a_live_pages_update_note_is_neither_speaker_nor_content(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The army took positions around the square on Saturday.\n\n"
        "(Update 1:50 a.m. Cairo, 6:50 p.m. ET) - Roughly 1,000 prisoners have escaped "
        "from a prison in Fayoum, a security official said.\n\n"
        "(Update 6:46 p.m. Cairo, 11:46 a.m. ET) State Department spokesman Jim Carlow "
        "told reporters the talks would go on."
    )
    by_speaker = {q.speaker: q.text for q in doc._.quotes}
    assert by_speaker["a security official"] == (
        "Roughly 1,000 prisoners have escaped from a prison in Fayoum"
    )
    assert "State Department spokesman Jim Carlow" in by_speaker


def test_a_wire_dateline_and_its_stamp_are_no_part_of_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "TAVEL | Sat May 16, 2009 6:41 pm EDT TAVEL (Reuters) - Health negotiators from "
        "rich and poor countries failed on Saturday to clinch a deal on virus sharing, but "
        "expressed satisfaction that they had closed gaps on some tough political issues."
    )
    speakers = {q.speaker for q in doc._.quotes}
    assert "Health negotiators from rich and poor countries" in speakers


def test_a_pictures_credit_is_no_part_of_a_speaker_or_a_content(nlp) -> None:  # type: ignore[no-untyped-def]
    """A caption's credit run into the next sentence ("Ana Vell/AP Health officials
    said ...", "Photograph: Ana Vell/PA Two new cases ...") is neither who spoke nor
    what was said."""
    doc = nlp(
        "A nurse checks a patient in Vell. Ana Vell/AP Health officials in the capital "
        "said the outbreak had peaked.\n\n"
        "The minister spoke after the meeting. Photograph: Ana Vell/PA Two new cases were "
        "found in the north, the ministry said."
    )
    by_speaker = {q.speaker: q.text for q in doc._.quotes}
    assert "Health officials in the capital" in by_speaker
    assert by_speaker["the ministry"] == "Two new cases were found in the north"
