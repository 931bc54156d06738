"""A live page's time stamp run into the line before it starts a sentence."""

from __future__ import annotations

import spacy
from spacy.language import Language

from storyline.annotate.live_stamps import run_in_stamps

LIVE = (
    "1828 Between 115 and 200 staff of the port authority are still missing , an aide says .\n"
    "The harbour office in Tavel was flattened by the storm 1817 Ada Quill , director of "
    "operations at the Red Cross in Tavel , tells Radio Esterholm that three of its clinics "
    "have been partially destroyed .\n"
    "1805 The storm made landfall in 1790 Tavel time .\n"
)


def _starts(text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [doc[i].text + " " + doc[i + 1].text for i in run_in_stamps(doc)]


def test_a_stamp_run_into_a_caption_starts_the_entry() -> None:
    # (the parser alone cuts this caption after "1817", or not at all)
    # "in 1790" is not a stamp: after a preposition, and out of the page's order
    assert _starts(LIVE) == ["1817 Ada"]


def test_a_stamp_out_of_the_page_order_or_on_a_plain_page_is_left() -> None:
    assert _starts(LIVE.replace("storm 1817 Ada", "storm 1912 Ada")) == []
    assert _starts(LIVE.replace("storm 1817 Ada", "storm of 12 August 1817 Ada")) == []
    one_stamp = LIVE.replace("1805 The", "The")
    assert _starts(one_stamp.replace("1828 Between", "Between")) == []


def test_the_entry_and_its_report_are_read_apart(nlp: Language) -> None:
    doc = nlp(LIVE)
    (entry,) = [s for s in doc.sents if "Ada Quill" in s.text]
    assert entry.text.startswith("1817 Ada Quill")
    (quote,) = [q for q in doc._.quotes if q.cue == "tells"]
    assert quote.speaker is not None and quote.speaker.startswith("Ada Quill")
    assert quote.text.startswith("that three of its clinics")
    (aide,) = [q for q in doc._.quotes if q.cue == "says"]
    assert aide.text.startswith("Between 115")  # the line's own stamp is not what was said
