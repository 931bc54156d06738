"""Date sentences (and quote spans) by the time their main event is about.

Rules, in order (``SentenceDate.rule`` says which one decided):

- ``timex``: a calendar DATE/TIME expression attached to the main verb's
  clause (through verbs and prepositions, or an event noun governed by
  them: "said at a Tuesday news conference"). Without a parse, the first
  calendar expression of the sentence that is not a modifier of a noun
  ("Tuesday's vote" is still taken; "the 1990s war" is not).
- ``timex_recent``: no calendar expression, but a vague stretch just before
  publication attached to a main verb told in the past or present perfect
  ("authorized ... in recent weeks", "have in recent days discussed": TimeML
  values ``PXW``, ``PXD``): the event falls in that stretch, so it is filed
  under the calendar unit holding most of it (the ISO week for days, the month
  for weeks; see ``_recent_stretch``). "In coming weeks" and "in recent
  months" (too long a stretch for one unit) do not date.
- ``present_ref``: "now", "currently" ... date the sentence to the dct.
- ``lead``: the article's lead (its opening report, see :mod:`.lead`) with no
  expression of its own: it happened on or just before the publication day.
- ``publication``: no expression, but past-tense reporting ("officials
  said"): the event happened by the publication date.
- otherwise no date: generic present tense, or a future with no date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from storyline.annotate.timex.anchor import interval, text_tense
from storyline.annotate.timex.component import _verb_tense
from storyline.annotate.timex.lead import lead_date, lead_index
from storyline.models import SentenceDate, Timex

_PAST_RX = re.compile(
    r"\b(?:said|told|announced|reported|confirmed|added|wrote|was|were|had|did|"
    r"[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_NOT_PAST = frozenset({"scheduled", "expected", "planned", "need", "indeed", "based", "united"})


_ABBREV = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
    "mr mrs ms dr gen col lt sgt rep sen gov st jr sr inc corp co ltd no vs".split()
)
_BREAK_RX = re.compile(r"[.!?]+[\"'’”)]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])")


_LAST_WORD_RX = re.compile(r"([A-Za-z]+)\.?[\"'’”)]*$")
_LOWER_WORD_RX = re.compile(r"\s+[a-z]+")
_SHORT_YEAR_RX = re.compile(r"\d{2,4}")
_ARTICLE_RX = re.compile(r"(?:the|a|an)\s")
_DETERMINER_END_RX = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+$")


def sentence_spans(doc: Doc, timexes: Sequence[Timex] = ()) -> list[tuple[int, int]]:
    """Character spans of the sentences: the doc's own when it has them.

    Without sentence annotation, a light splitter: a full stop followed by
    a capital, not after an abbreviation ("Aug.", "Mr.", "U.S.") and never
    inside a temporal expression.
    """
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    text = doc.text
    inside = _Inside((t.start, t.end) for t in timexes)
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK_RX.finditer(text):
        cut = m.end()
        word = _LAST_WORD_RX.search(text[max(0, m.start() - 12) : m.start() + 1])
        if (
            word
            and text[m.start()] == "."
            and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1)
        ):
            continue
        if inside.holds(m.start()):
            continue
        out.append((start, m.start() + len(m.group().rstrip())))
        start = cut
    out.append((start, len(text)))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


class _Inside:
    """Whether a position lies strictly inside one of some spans, by bisection over their
    union (a scan of every timex at every full stop was quadratic in a document's length)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s < merged[-1][1]:  # overlapping open spans: one run
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def holds(self, position: int) -> bool:
        """``any(s < position < e for s, e in spans)``."""
        n = bisect_left(self.starts, position) - 1
        return n >= 0 and position < self.ends[n]


def _calendar(tx: Timex) -> bool:
    return tx.type in ("DATE", "TIME") and tx.interval_start is not None


def _attachment(doc: Doc, tx: Timex, sent: Span) -> int | None:
    """How directly ``tx`` hangs off the sentence's main verb (lower is closer).

    None when it modifies a noun that is not itself an argument of the
    main clause ("the 1990s war that ..." inside a relative clause).
    """
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok: Token = span.root
    root = sent.root
    nouns = 0
    for steps in range(12):
        if tok == root:
            return steps + 2 * nouns
        if tok.head.i == tok.i:
            return None
        parent = tok.head
        # a clause head the tagger took for a noun ("when the two meet" with "meet" a NOUN)
        clause = parent.dep_ in ("advcl", "ccomp")
        if parent.pos_ in ("NOUN", "PROPN", "PRON") and parent not in span and not clause:
            nouns += 1
            # "said at a Tuesday news conference", "in an interview with PBS in June":
            # event nouns hanging off the verb through prepositions are fine, subjects not
            if parent.dep_ not in ("pobj", "dobj", "npadvmod", "obl") or nouns > 2:
                return None
        elif (parent.pos_ in ("VERB", "AUX") or clause) and parent != root and parent.dep_ in (
            "relcl", "acl", "advcl", "ccomp",
        ):  # fmt: skip
            # an expression in a subordinate clause dates that clause, not the main one
            if parent.dep_ in ("relcl", "acl"):
                return None
            nouns += 1
        tok = parent
    return None


def _sentence_is_past(doc: Doc, text: str, sent: Span | None, start: int, end: int) -> bool:
    if sent is not None and doc.has_annotation("TAG") and doc.has_annotation("DEP"):
        root = sent.root
        if root.pos_ in ("VERB", "AUX"):
            return _verb_tense(root) == "past"
        return False
    for m in _PAST_RX.finditer(text, start, end):
        if m.group().lower() not in _NOT_PAST:
            return text_tense(text, m.start(), m.end()) != "future"
    return False


# A vague recent stretch ("in recent days", "over the past few weeks"): how far back it
# reaches, and the calendar unit the event is filed under. The unit is the one that holds
# the stretch's middle, so "in recent weeks" before 5 December files under November.
_RECENT_RX = re.compile(r"\b(?:recent|past|last)\b", re.IGNORECASE)
_RECENT_REACH = {"PXD": dt.timedelta(days=7), "PXW": dt.timedelta(weeks=4)}


def _recent_stretch(tx: Timex, dct: dt.date) -> tuple[str, dt.date, dt.date] | None:
    """The calendar value (with its days) a past event "in recent days/weeks" is filed
    under; None for any other expression."""
    reach = _RECENT_REACH.get(tx.value)
    if tx.type != "DURATION" or reach is None or not _RECENT_RX.search(tx.text):
        return None
    middle = dct - reach / 2
    if tx.value == "PXD":
        year, week, _ = middle.isocalendar()
        value = f"{year:04d}-W{week:02d}"
    else:
        value = f"{middle.year:04d}-{middle.month:02d}"
    days = interval(value)
    assert days is not None
    return value, days[0], days[1]


def _make(index: int, tx: Timex, ti: int, rule: str) -> SentenceDate:
    assert tx.interval_start is not None and tx.interval_end is not None
    return SentenceDate(index, tx.value, tx.interval_start, tx.interval_end, rule, ti)


def _pick(
    doc: Doc,
    text: str,
    sent: Span | None,
    candidates: list[tuple[int, Timex]],
) -> tuple[int, Timex] | None:
    if not candidates:
        return None
    if sent is not None and doc.has_annotation("DEP"):
        scored = []
        for ti, tx in candidates:
            score = _attachment(doc, tx, sent)
            if score is not None:
                scored.append((score, tx.start, ti, tx))
        if not scored:
            return None
        scored.sort(key=lambda x: (x[0], x[1]))
        return scored[0][2], scored[0][3]
    for ti, tx in candidates:
        after = text[tx.end : tx.end + 20]
        # "the 1990s war", "a 2019 report": a year or decade used as a modifier
        if _LOWER_WORD_RX.match(after) and _SHORT_YEAR_RX.fullmatch(tx.value):
            before = text[max(0, tx.start - 6) : tx.start].lower()
            if _ARTICLE_RX.match(tx.text.lower()) or _DETERMINER_END_RX.search(before):
                continue
        return ti, tx
    return None


class _ByStart:
    """The timexes ordered by start, so those of one sentence are found without a scan
    of all of them (every sentence of a long document scanning every timex is
    quadratic in its length)."""

    def __init__(self, timexes: Sequence[Timex]) -> None:
        self.order = sorted(range(len(timexes)), key=lambda i: timexes[i].start)
        self.starts = [timexes[i].start for i in self.order]

    def starting_in(self, start: int, end: int) -> list[int]:
        """Indices, in order, of the timexes with ``start <= tx.start <= end``."""
        return sorted(self.order[bisect_left(self.starts, start) : bisect_right(self.starts, end)])


def _date_region(
    doc: Doc,
    text: str,
    index: int,
    start: int,
    end: int,
    sent: Span | None,
    timexes: Sequence[Timex],
    dct: dt.date | None,
    exclude: tuple[int, int] | None = None,
    by_start: _ByStart | None = None,
) -> SentenceDate | None:
    # a timex ends after it starts, so only those starting in [start, end] can qualify
    near = range(len(timexes)) if by_start is None else by_start.starting_in(start, end)
    cands = [
        (i, tx)
        for i, tx in ((i, timexes[i]) for i in near)
        if start <= tx.start
        and tx.end <= end
        and not (exclude and exclude[0] <= tx.start < exclude[1])
    ]
    picked = _pick(doc, text, sent, [(i, tx) for i, tx in cands if _calendar(tx)])
    if picked is not None:
        return _make(index, picked[1], picked[0], "timex")
    if dct is None:
        return None
    for i, tx in cands:
        if tx.value == "PRESENT_REF":
            return SentenceDate(index, dct.isoformat(), dct, dct, "present_ref", i)
    if not _sentence_is_past(doc, text, sent, start, end):
        return None
    recent = [(i, tx) for i, tx in cands if _recent_stretch(tx, dct) is not None]
    picked = _pick(doc, text, sent, recent)
    if picked is not None:
        stretch = _recent_stretch(picked[1], dct)
        assert stretch is not None
        return SentenceDate(index, *stretch, "timex_recent", picked[0])
    return SentenceDate(index, dct.isoformat(), dct, dct, "publication", None)


def _spacy_sents(doc: Doc) -> list[Span] | None:
    return list(doc.sents) if doc.has_annotation("SENT_START") else None


def date_sentences(doc: Doc, timexes: Sequence[Timex], dct: dt.date | None) -> list[SentenceDate]:
    """One SentenceDate per sentence that has dating evidence (see module doc)."""
    sents = _spacy_sents(doc)
    spans = sentence_spans(doc, timexes)
    text = doc.text  # spaCy rebuilds it on every access: once a sentence was quadratic
    by_start = _ByStart(timexes)
    lead = lead_index(doc, spans, sents) if dct is not None else None
    out: list[SentenceDate] = []
    for index, (start, end) in enumerate(spans):
        sent = sents[index] if sents is not None else None
        got = _date_region(doc, text, index, start, end, sent, timexes, dct, by_start=by_start)
        if index == lead and dct is not None and (got is None or not got.rule.startswith("timex")):
            got = lead_date(doc, index, sent, (start, end), timexes, dct) or got
        if got is not None:
            out.append(got)
    return out


def date_span(
    doc: Doc,
    start_char: int,
    end_char: int,
    timexes: Sequence[Timex],
    dct: dt.date | None,
) -> SentenceDate | None:
    """Date an arbitrary span (a quote): when was it said?

    Expressions outside the span in its sentence(s) date the speech event
    ("..., she said Tuesday"); expressions inside the quote are about its
    content and are not used. Otherwise reported speech is dated to the
    publication (it was said by then).
    """
    if start_char >= end_char:
        return None
    spans = sentence_spans(doc, timexes)
    sents = _spacy_sents(doc)
    hits = [i for i, (s, e) in enumerate(spans) if s < end_char and e > start_char]
    if not hits:
        return None
    first, last = hits[0], hits[-1]
    start, end = spans[first][0], spans[last][1]
    sent = sents[last] if sents is not None and first == last else None
    got = _date_region(doc, doc.text, first, start, end, sent, timexes, dct, (start_char, end_char))
    if got is not None and got.rule.startswith("timex"):
        return got
    if dct is not None:
        return SentenceDate(first, dct.isoformat(), dct, dct, "publication", None)
    return None


def value_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """Re-exported for callers that hold only a value string."""
    return interval(value)
