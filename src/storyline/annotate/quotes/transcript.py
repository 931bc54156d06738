"""Transcripts: "TAPPER: ...", "\"PENCE: ..." lines, one speaker turn each.

A transcript quoted paragraph by paragraph opens every paragraph with a quotation
mark and closes only the last, so the quote finder reads the exchange as one
multi-paragraph quote by nobody. A paragraph that opens with a speaker label
starts a new turn instead: it is that speaker's direct quote, and the label
(``phrases.colon_attribution``) is its attribution.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from .direct import QuoteSpan, quote_chain
from .spans import TURN, Attribution

# A line opening with an upper-case speaker label: "TAPPER: ...", "\"PENCE: ...".
_CAPS_LABEL = re.compile(r"^[\"\u201c]?([A-Z][A-Z.'\u2019 -]{0,30}):", re.MULTILINE)


# Upper-case line labels that head a note, not a speaker's words.
NOT_SPEAKERS = frozenset(
    {
        *"UPDATE UPDATED BREAKING NOTE CORRECTION CLARIFICATION RELATED WATCH PHOTO PHOTOS".split(),
        *("SOURCE", "SOURCES", "READ MORE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE"),
    }
)


# A transcript's stage directions and its labels for unnamed speakers, folded.
STAGE_DIRECTIONS = frozenset(
    """inaudible unintelligible crosstalk laughter applause applauding cheering cheers
    booing music singing silence sic""".split()
) | frozenset(
    f"{a} {b}"
    for a in ("begin", "end")
    for b in ("video clip", "videotape", "audio clip", "audiotape", "clip", "video")
) | frozenset(
    {"video clip", "commercial break", "voice over", "voice-over", "off camera", "off-camera"}
    | {f"unidentified {w}" for w in ("male", "female", "man", "woman", "person", "speaker")}
)
# The last word of a transcript speaker's role line ("BEN WEDEMAN, CNN SENIOR
# INTERNATIONAL CORRESPONDENT:"): the role, not an organisation.
ROLE_LABELS = frozenset("correspondent anchor reporter host contributor analyst".split())


# A transcript's label with the speaker's role: "IVAN WATSON, CNN CORRESPONDENT:".
_NAME_AND_ROLE = re.compile(
    r"^[\"\u201c]?(?P<name>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){1,3}),"
    r" [A-Z][A-Z.'\u2019&, -]{1,60}:",
    re.MULTILINE,
)


def label_names(text: str) -> list[tuple[int, int]]:
    """The character spans of the names that open speaker labels with a role
    ("IVAN WATSON" of "IVAN WATSON, CNN CORRESPONDENT:")."""
    return [m.span("name") for m in _NAME_AND_ROLE.finditer(text)]


def transcript_labels(text: str) -> frozenset[str]:
    """Upper-case speaker labels of a transcript: only when the text has at least
    three such lines (one "UPDATE:" line is not a transcript)."""
    # single letters ("Q:", "A:") are left to ``phrases._label_name``: whether an
    # interview's answers are the interviewee's reports or hold reports of their own
    # varies
    labels = [m.group(1).strip() for m in _CAPS_LABEL.finditer(text)]
    labels = [label for label in labels if len(label) > 1 and label not in NOT_SPEAKERS]
    return frozenset(labels) if len(labels) >= 3 else frozenset()


def _opens_with_label(text: str, q: QuoteSpan, labels: frozenset[str]) -> bool:
    head = text[q.inner_start : q.inner_start + 40]
    return any(head.startswith(label + ":") for label in labels)


def split_at_labels(text: str, quotes: list[QuoteSpan], labels: frozenset[str]) -> list[QuoteSpan]:
    """Quote parts that open with a speaker label no longer continue the part before."""
    if not labels:
        return quotes
    turns = {k for k, q in enumerate(quotes) if _opens_with_label(text, q, labels)}
    return [replace(q, continues=None) if q.continues in turns else q for q in quotes]


def take_turns(
    doc: Doc, text: str, quotes: list[QuoteSpan], atts: list[Attribution]
) -> dict[int, Attribution]:
    """Give each quoted turn to the label that opens it: content is the turn's words
    after the label (and the paragraphs that continue it). Returns quote -> owner.
    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access."""
    starts = {q.inner_start: k for k, q in enumerate(quotes)}
    owners: dict[int, Attribution] = {}
    for att in atts:
        if att.kind != "colon" or not att.source:
            continue
        k = starts.get(doc[att.source[0]].idx)
        if k is None:
            continue
        chain = quote_chain(quotes, k)
        after = doc[att.head].idx + 1
        while after < quotes[k].inner_end and text[after].isspace():
            after += 1
        att.content = [(after, quotes[k].inner_end)] + [
            (quotes[j].inner_start, quotes[j].inner_end) for j in chain if j != k
        ]
        att.quotes = chain
        att.direct = True
        att.frame = TURN
        owners[k] = att
    return owners
