"""Finding quoted stretches of text: pairing quotation marks, curly or straight.

Works on characters, not tokens, so a quote that runs over several sentences is
one span. Pairing is done per paragraph: news style opens every paragraph of a
multi-paragraph quote with a quotation mark and closes only the last, so an
open quote at a paragraph end continues when the next paragraph opens with a
mark (``continues`` links the parts). A quote left open at the end of its
paragraph with no continuation is closed there when it is short; longer ones
are dropped rather than swallowing the text (unbalanced marks are common in
scraped copy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = "\u201c\u00ab\u201e"  # “ « „
CLOSE_MARKS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
# Two apostrophes stand for a double quotation mark in some wire and NYT copy; two
# backticks open one in Penn Treebank tokenized text (`` like this '', as in T17).
PTB_OPEN = "``"
_MARK = re.compile("``|''|[\u201c\u00ab\u201e\u201d\u00bb\"]")

# An unclosed quote longer than this is more likely a stray mark than speech.
MAX_UNCLOSED = 400
# A closed quote longer than this is a pairing error (a missed mark in between).
MAX_QUOTE = 3000


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch. ``start``/``end`` include the marks; ``inner_*`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    continues: int | None = None  # index of the next part of a multi-paragraph quote


def _direction(text: str, i: int, width: int = 1) -> str:
    """'open' or 'close' for the mark at ``i``, from its neighbours."""
    ch = text[i]
    if text.startswith(PTB_OPEN, i):
        return "open"  # backticks only ever open
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if ch in OPEN_MARKS:
        # a typo'd closing mark: "here,“ said Jim" (glued to the word before, space after)
        if (
            not before.isspace()
            and before not in "([{\u2014\u2013-/"
            and (after.isspace() or after in ".,;:!?")
        ):
            return "close"
        return "open"
    if ch in CLOSE_MARKS:
        return "close"
    if before.isspace() or before in "([{\u2014\u2013-/":
        return "open" if not after.isspace() else "close"
    if after.isspace() or after in ".,;:!?)]}\u2014\u2013-" or after in CLOSE_MARKS:
        return "close"
    return "open" if before in ":" else "close"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _pair(text: str, start: int, end: int) -> list[tuple[int, int, int, int, bool]]:
    """(open index, open width, close index or paragraph end, close width, closed?)."""
    out: list[tuple[int, int, int, int, bool]] = []
    open_at: tuple[int, int] | None = None
    for m in _MARK.finditer(text, start, end):
        i, width = m.start(), m.end() - m.start()
        d = _direction(text, i, width)
        if open_at is None:
            if d == "open":
                open_at = (i, width)
            # a close with nothing open is a stray mark: skip it
            continue
        if d == "close" or text[i] in STRAIGHT + "'":
            # a straight mark while open always closes: straight quotes do not nest
            out.append((open_at[0], open_at[1], i, width, True))
            open_at = None
        else:
            # a second opening mark: the first was never closed; it ends here
            out.append((open_at[0], open_at[1], i, 0, False))
            open_at = (i, width)
    if open_at is not None:
        out.append((open_at[0], open_at[1], end, 0, False))
    return out


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches of ``text`` in order, with multi-paragraph quotes linked."""
    raw: list[tuple[int, int, int, int, bool]] = []
    for p_start, p_end in _paragraphs(text):
        raw.extend(_pair(text, p_start, p_end))
    spans: list[QuoteSpan] = []
    for k, (o, ow, c, cw, closed) in enumerate(raw):
        inner_end = c
        end = c + cw if closed else c
        if closed:
            if end - o > MAX_QUOTE:
                continue
        else:
            while inner_end > o + ow and text[inner_end - 1].isspace():
                inner_end -= 1
            end = inner_end
            nxt = raw[k + 1] if k + 1 < len(raw) else None
            continued = nxt is not None and text[c : nxt[0]].strip() == ""
            if not continued and inner_end - o > MAX_UNCLOSED:
                continue
        inner_start = o + ow
        # tokenized text pads the marks with spaces (`` It is ''): the words start inside
        while inner_start < inner_end and text[inner_start] in " \t":
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1] in " \t":
            inner_end -= 1
        if inner_end - inner_start < 1:
            continue
        spans.append(QuoteSpan(o, end, inner_start, inner_end, closed))
    # link a paragraph-final open quote to a quote opening the next paragraph
    linked: list[QuoteSpan] = []
    for k, span in enumerate(spans):
        cont = None
        if not span.closed and k + 1 < len(spans):
            gap = text[span.end : spans[k + 1].start]
            if "\n" in gap and gap.strip() == "":
                cont = k + 1
        linked.append(
            QuoteSpan(span.start, span.end, span.inner_start, span.inner_end, span.closed, cont)
        )
    return linked


def quote_chain(spans: list[QuoteSpan], k: int) -> list[int]:
    """Indices of the quote ``k`` and the parts that continue it, and that it continues."""
    back = k
    changed = True
    while changed:
        changed = False
        for j in range(back):
            if spans[j].continues == back:
                back = j
                changed = True
                break
    chain = [back]
    seen = {back}
    while spans[chain[-1]].continues is not None:
        nxt = spans[chain[-1]].continues
        if nxt is None or nxt in seen:
            break
        chain.append(nxt)
        seen.add(nxt)
    return chain


def is_quote_mark(ch: str) -> bool:
    return ch in ALL_MARKS


def mark_width_before(text: str, i: int) -> int:
    """Width of a quotation mark ending just before ``i`` (0 when none)."""
    j = i
    while j > 0 and text[j - 1] in " \t" and j > i - 2:
        j -= 1  # `` padded with a space in tokenized text
    if j >= 2 and text[j - 2 : j] in ("''", PTB_OPEN):
        return i - j + 2
    if i >= 1 and text[i - 1] in ALL_MARKS:
        return 1
    return 0


def mark_width_at(text: str, i: int) -> int:
    """Width of a quotation mark starting at ``i`` (0 when none)."""
    j = i
    while j < len(text) and text[j] in " \t" and j < i + 1:
        j += 1  # '' padded with a space in tokenized text
    if text[j : j + 2] == "''":
        return j - i + 2
    if i < len(text) and text[i] in ALL_MARKS:
        return 1
    return 0
