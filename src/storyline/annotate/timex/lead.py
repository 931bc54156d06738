"""The lead: the sentence that opens an article's report.

A news article opens with its news. Its lead, told in the past, the present
perfect or the news present ("has authorized", "is finalizing a plan", "is in
talks"), reports what happened on or just before the publication day, so it
is dated there (rule ``lead``) unless the text dates it otherwise: by an
expression attached to its main verb (rule ``timex``), or by a day of the week
before publication that it names where the parse attached none (a dateline can
throw the parse: "TAVEL - The cabinet on Tuesday authorized ..."). A lead in
the future tense says what will happen, with no date of its own, and stays
undated.

The lead is the first of the opening sentences that reads as a report: a
clause with a subject and a finite verb, a few words long, ending in a full
stop, not addressed to the reader. A headline (no full stop), a question,
player and comment prompts ("Can not play media.", "Sorry, this media is not
available in your territory.") and a time alone on its line come before it and
are passed over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.annotate.timex.component import _verb_tense
from storyline.models import SentenceDate, Timex

# How many opening sentences may come before the lead (headline, kicker, prompts).
LEAD_WITHIN = 5
MIN_WORDS = 5
# A day named in the lead this close before the publication day is the news's day.
RECENT = dt.timedelta(days=7)

_WORD_RX = re.compile(r"[A-Za-z][A-Za-z'’]*")
_QUOTED_RX = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''")
# a sentence's end: a full stop, then closing quotes or brackets (PTB "''", "-RRB-" too)
_STOP_RX = re.compile(r"[.!](?:\s*(?:''|[\"'’”)\]]|-RRB-))*\s*$")
_READER_RX = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FUTURE_RX = re.compile(r"\b(?:will|shall|won['’]t)\b|['’]ll\b", re.IGNORECASE)
_REPORTED_RX = re.compile(
    r"\b(?:said|says|say|told|announced|reported|confirmed|was|were|had|has|have|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


def _reads_as_report(text: str) -> bool:
    """A few words ending in a full stop (a headline has none), not addressed to the
    reader (outside quotes)."""
    if len(_WORD_RX.findall(text)) < MIN_WORDS or not _STOP_RX.search(text):
        return False
    return _READER_RX.search(_QUOTED_RX.sub(" ", text)) is None


def _finite(tok: Token) -> bool:
    return tok.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in tok.children
    )


def _clause(sent: Span) -> bool:
    """A subject and a finite verb: a sentence, not a headline fragment."""
    return any(
        t.dep_ in _SUBJECTS and t.head.pos_ in ("VERB", "AUX") and _finite(t.head) for t in sent
    )


def lead_index(doc: Doc, spans: list[tuple[int, int]], sents: list[Span] | None) -> int | None:
    """Index of the lead among the sentence ``spans`` (None: no sentence reads as one)."""
    parsed = doc.has_annotation("DEP") and doc.has_annotation("TAG")
    for i, (start, end) in enumerate(spans[:LEAD_WITHIN]):
        if not _reads_as_report(doc.text[start:end]):
            continue
        if sents is None or not parsed or _clause(sents[i]):
            return i
    return None


def _future(doc: Doc, sent: Span | None, start: int, end: int) -> bool:
    """Whether the lead's main clause is in the future tense ("will announce")."""
    if sent is not None and doc.has_annotation("TAG") and doc.has_annotation("DEP"):
        root = sent.root
        return root.pos_ in ("VERB", "AUX") and _verb_tense(root) == "future"
    m = _FUTURE_RX.search(doc.text, start, end)
    # a report before the modal is the news ("officials said it will ...")
    return m is not None and _REPORTED_RX.search(doc.text, start, m.start()) is None


def _recent_day(
    timexes: Sequence[Timex], start: int, end: int, dct: dt.date
) -> tuple[int, Timex] | None:
    """The first single day, in the week up to the dct, named in [start, end): the day
    of the news where the parse attached none ("TAVEL - The cabinet on Tuesday ...")."""
    for i, tx in enumerate(timexes):
        if not (start <= tx.start and tx.end <= end) or tx.type not in ("DATE", "TIME"):
            continue
        lo, hi = tx.interval_start, tx.interval_end
        if lo is not None and lo == hi and dct - RECENT <= lo <= dct:
            return i, tx
    return None


def lead_date(
    doc: Doc,
    index: int,
    sent: Span | None,
    span: tuple[int, int],
    timexes: Sequence[Timex],
    dct: dt.date,
) -> SentenceDate | None:
    """The lead dated to the publication day, or to the recent day it names; none
    when it is told in the future."""
    start, end = span
    if _future(doc, sent, start, end):
        return None
    named = _recent_day(timexes, start, end, dct)
    if named is not None:
        i, tx = named
        assert tx.interval_start is not None and tx.interval_end is not None
        return SentenceDate(index, tx.value[:10], tx.interval_start, tx.interval_end, "lead", i)
    return SentenceDate(index, dct.isoformat(), dct, dct, "lead", None)
