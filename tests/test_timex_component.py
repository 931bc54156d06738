"""The spaCy component storyline_timex_v1, on blank pipelines and hand-built parses."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from storyline.annotate.timex import register_extensions
from storyline.annotate.timex.component import parse_tense


def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_timex_v1")
    return nlp


def test_component_reads_dct_and_sets_timexes() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("The talks collapsed on Friday, officials said.")
    doc._.dct = dt.date(2024, 9, 9)
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.timexes] == [("Friday", "2024-09-06")]
    assert doc._.timex_error is None


def test_component_without_dct_leaves_relative_values_open() -> None:
    doc = _nlp()("The talks collapsed on Friday.")
    assert doc._.dct is None
    assert doc._.timexes[0].value == "XXXX-WXX-5"


def test_bad_dct_is_recorded_not_raised() -> None:
    nlp = _nlp()
    docs = []
    for dct in ("not a date", dt.date(2024, 9, 9)):
        doc = nlp.make_doc("It rained on Friday.")
        doc._.dct = dct
        docs.append(doc)
    out = list(nlp.pipe(docs))
    assert out[0]._.timexes == [] and "[E212]" in out[0]._.timex_error
    assert out[1]._.timexes[0].value == "2024-09-06"


def test_iso_string_dct_is_accepted() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("It rained yesterday.")
    doc._.dct = "2024-09-11"
    assert nlp(doc)._.timexes[0].value == "2024-09-10"


def _parsed(
    words: list[str], tags: list[str], pos: list[str], heads: list[int], deps: list[str]
) -> Doc:
    register_extensions()
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_parse_tense_reads_the_governing_verb() -> None:
    # "They will meet Friday" / "They met Friday"
    fut = _parsed(
        ["They", "will", "meet", "Friday"],
        ["PRP", "MD", "VB", "NNP"],
        ["PRON", "AUX", "VERB", "PROPN"],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "npadvmod"],
    )
    i = fut.text.index("Friday")
    assert parse_tense(fut)(i, i + 6) == "future"
    past = _parsed(
        ["They", "met", "Friday"],
        ["PRP", "VBD", "NNP"],
        ["PRON", "VERB", "PROPN"],
        [1, 1, 1],
        ["nsubj", "ROOT", "npadvmod"],
    )
    i = past.text.index("Friday")
    assert parse_tense(past)(i, i + 6) == "past"


def test_cue_words_come_before_the_parse() -> None:
    # the parse reads "has scheduled" as a past (present perfect); the cue word
    # "scheduled" says the meeting lies ahead, which is what TimeML annotators read
    doc = _parsed(
        ["The", "league", "has", "scheduled", "a", "meeting", "Friday"],
        ["DT", "NN", "VBZ", "VBN", "DT", "NN", "NNP"],
        ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PROPN"],
        [1, 3, 3, 3, 5, 3, 3],
        ["det", "nsubj", "aux", "ROOT", "det", "dobj", "npadvmod"],
    )
    i = doc.text.index("Friday")
    assert parse_tense(doc)(i, i + 6) == "future"


def test_component_uses_the_parse_for_direction() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_timex_v1")
    # "wo n't" is no cue word for the text heuristic (it would read a past Friday);
    # the parse says "meet" has a future auxiliary
    doc = _parsed(
        ["They", "wo", "n't", "meet", "Friday"],
        ["PRP", "MD", "RB", "VB", "NNP"],
        ["PRON", "AUX", "PART", "VERB", "PROPN"],
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "npadvmod"],
    )
    doc._.dct = dt.date(2024, 9, 9)
    doc = nlp(doc)
    assert [t.value for t in doc._.timexes if t.text == "Friday"] == ["2024-09-13"]
    blank = spacy.blank("en")
    blank.add_pipe("storyline_timex_v1", config={"use_parse": False})
    plain = blank.make_doc("They wo n't meet Friday")
    plain._.dct = dt.date(2024, 9, 9)
    assert [t.value for t in blank(plain)._.timexes] == ["2024-09-06"]
