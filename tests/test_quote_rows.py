"""Quote rows in the views: one row per reported content, its pieces joined."""

from __future__ import annotations

from storyline.models import Quote
from storyline.views.quotes_view import ELLIPSIS, attributions


def _piece(text: str, part: str, cue: str, speaker: str, *, direct: bool = False) -> Quote:
    start = text.index(part)
    c, s = text.index(cue), text.index(speaker)
    return Quote(
        text=part,
        start=start,
        end=start + len(part),
        direct=direct,
        speaker=speaker,
        speaker_start=s,
        speaker_end=s + len(speaker),
        cue=cue,
        cue_start=c,
        cue_end=c + len(cue),
    )


def test_the_pieces_of_one_report_are_one_row() -> None:
    text = (
        "Officials have announced plans to house 9,000 people outside the capital, Tavel. "
        "The plan, Ana Ruiz said, will fail."
    )
    first = _piece(
        text, "plans to house 9,000 people outside the capital", "have announced", "Officials"
    )
    second = _piece(text, "Tavel", "have announced", "Officials")
    third = _piece(text, "The plan", "said", "Ana Ruiz")
    fourth = _piece(text, "will fail", "said", "Ana Ruiz")
    rows = attributions(text, [first, second, third, fourth])
    assert [(q.start, content) for q, content in rows] == [
        (first.start, "plans to house 9,000 people outside the capital, Tavel"),
        (third.start, "The plan" + ELLIPSIS + "will fail"),
    ]


def test_each_quotation_of_a_direct_report_keeps_its_row() -> None:
    text = '"We are ready," Ana Ruiz said. "The ships sail at dawn."'
    a = _piece(text, "We are ready,", "said", "Ana Ruiz", direct=True)
    b = _piece(text, "The ships sail at dawn.", "said", "Ana Ruiz", direct=True)
    assert [content for _, content in attributions(text, [a, b])] == [a.text, b.text]
