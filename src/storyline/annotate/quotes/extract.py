"""``extract_quotes``: attributions turned into ``Quote`` records.

One ``Quote`` per contiguous piece of content. A direct quote interrupted by
its attribution (``"A," he said. "B."``) gives two quotes with the same speaker,
cue and addressee; so does an indirect clause split by an inserted "he said".
Records of one attribution share ``cue_start``/``cue_end``, which is how
``attribution_groups`` (and the evaluation) put them back together.

Direct quotes are stored without their quotation marks (and without the comma
news style puts inside the closing mark); a mixed quote ("said the missiles
were \"still in play\"") is indirect content that keeps its inner marks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc

from ...errors import AnnotateError
from ...models import Quote
from ...text.credits import credit_end
from ...text.datelines import dateline_end, update_note_end
from ..timex.hhmm import is_hhmm, live_page
from .assemble import find_attributions
from .confidence import asserted, confidences
from .direct import ALL_MARKS, QuoteSpan
from .learned import QuoteModels, apply_models
from .spans import Attribution, DocView, char_span, token_at
from .speakers import Speaker, resolve_speakers


def _sentence_index(doc: Doc, char: int, starts: list[int]) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _strip_marks(text: str, a: int, b: int, quotes: list[QuoteSpan]) -> tuple[int, int]:
    for q in quotes:
        if q.start == a and q.end == b:
            a, b = q.inner_start, q.inner_end
            while b > a and text[b - 1] in ", \n":
                b -= 1
            return a, b
    # a signed line whose marks did not pair ("\u201d...\u201d"): its own edge marks
    if b - a > 2 and text[a] in ALL_MARKS and text[b - 1] in ALL_MARKS:
        return a + 1, b - 1
    return a, b


def _after_stamp(doc: Doc, start: int) -> int:
    """``start``, or past a live page's entry time opening its sentence there ("1817
    Meinie Nicolai ... tells"): no part of a speaker or of what was said."""
    i = token_at(doc, start)
    if i is None or doc[i].idx != start or not is_hhmm(doc[i].text) or not doc[i].is_sent_start:
        return start
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return doc[j].idx if j < len(doc) and doc[j].text[:1].isupper() else start


def _speaker_past(text: str, sp: Speaker, move: Callable[[int], int]) -> Speaker:
    """The speaker starting where ``move`` takes its start (past a stamp or a line's
    head), if that leaves it any words."""
    if sp.start is None or sp.end is None:
        return sp
    start = move(sp.start)
    if start == sp.start or start >= sp.end:
        return sp
    return replace(sp, text=text[start : sp.end], start=start)


def _past_line_head(text: str, at: int) -> int:
    """``at``, or the end of what heads its line when ``at`` falls inside it: a live
    page's update note ("(Update 6:46 p.m. Cairo, 11:46 a.m. ET) State Department ...",
    which the parser may cut anywhere) or a wire dateline with its stamp ("GENEVA | Sat
    May 16, 2009 6:41 pm EDT GENEVA (Reuters) - Health negotiators ..."); or the end of
    a picture's credit opening at ``at``."""
    line = text.rfind("\n", 0, at) + 1
    while line < at and text[line] in " \t":
        line += 1
    end = update_note_end(text, line) or dateline_end(text, line)
    if end is not None and line <= at < end:
        return end
    # a picture's credit run into the sentence the speaker or content opens ("Photograph:
    # Ana Vell/AP Health officials said ...")
    return credit_end(text, at) or at


def quotes_from(
    view: DocView,
    atts: list[Attribution],
    quotes: list[QuoteSpan],
    speakers: list[Speaker],
    confidence: list[float] | None = None,
) -> list[Quote]:
    """The records of ``atts``; ``confidence`` per attribution (1.0 each when not given)."""
    doc, text = view.doc, view.text
    starts = [s.start_char for s in view.sents]
    out: list[Quote] = []
    sure = confidence if confidence is not None else [1.0] * len(atts)
    live = live_page(text)
    for att, sp, conf in zip(atts, speakers, sure, strict=True):
        if live:
            sp = _speaker_past(text, sp, lambda at: _after_stamp(doc, at))
        sp = _speaker_past(text, sp, lambda at: _past_line_head(text, at))
        cue_a, cue_b = char_span(doc, min(att.cue), max(att.cue) + 1)
        while cue_b - cue_a > 1 and text[cue_a] in ALL_MARKS:
            cue_a += 1  # a signature's dash tokenized with the closing mark: "\u201d\u2015"
        addressee = None
        if att.addressee is not None and att.addressee[0] < att.addressee[1]:
            a, b = char_span(doc, *att.addressee)
            addressee = text[a:b]
        for a, b in att.content:
            a, b = _strip_marks(text, a, b, quotes) if att.direct else (a, b)
            if live and not att.direct:
                a = _after_stamp(doc, a)
            a = _past_line_head(text, a)
            if a >= b:
                continue
            out.append(
                Quote(
                    text=text[a:b],
                    start=a,
                    end=b,
                    direct=att.direct,
                    speaker=sp.text,
                    speaker_start=sp.start,
                    speaker_end=sp.end,
                    cue=text[cue_a:cue_b],
                    cue_start=cue_a,
                    cue_end=cue_b,
                    anonymous=sp.anonymous,
                    addressee=addressee,
                    sentence=_sentence_index(doc, a, starts),
                    speaker_resolved=sp.resolved,
                    confidence=conf,
                )
            )
    out.sort(key=lambda q: (q.start, q.end))
    return out


def extract_quotes(doc: Doc, models: QuoteModels | None = None) -> list[Quote]:
    """Quotes and attributions in a doc parsed by en_core_web_sm (tagger, parser, ner).

    ``models`` are the learned keep/add models (``load_quote_models()``, see
    ``learned``) applied to the rules' attributions; ``None`` runs the rules alone.
    Raises ``AnnotateError`` [E246] when the doc has no dependency parse.
    """
    if len(doc) == 0 or all(t.is_space for t in doc):
        return []
    if not doc.has_annotation("DEP"):
        raise AnnotateError("quote extraction needs a dependency parse", code="E246")
    view = DocView.of(doc)
    atts, quotes = find_attributions(view)
    if models is not None:
        atts = apply_models(view, atts, models)
    atts = [a for a in atts if asserted(view, a)]
    speakers = resolve_speakers(view, atts)
    sure = confidences(view, atts, speakers, models.confidence if models else None)
    return quotes_from(view, atts, quotes, speakers, sure)


def attribution_groups(quotes: Iterable[Quote]) -> list[list[Quote]]:
    """Quotes grouped back into attributions (same cue and speaker span), in order."""
    groups: dict[tuple[int | None, int | None, int | None, int | None], list[Quote]] = {}
    for q in quotes:
        key = (q.cue_start, q.cue_end, q.speaker_start, q.speaker_end)
        if q.cue_start is None:
            key = (q.start, q.end, None, None)
        groups.setdefault(key, []).append(q)
    return sorted(groups.values(), key=lambda g: min(q.start for q in g))
