"""Signed quotes: "\u201c...\u201d \u2015 Sonya Herridge", a quoted line with its speaker after a dash.

Collected reactions, letters, pull quotes and embedded posts give each quote a
line of its own, close it, and sign it with a dash and the name. The dash is the
cue, the name the source, the quoted line the content. The line is read as a
whole: such lists often open a quote with the wrong mark (\u201d...\u201d), which the
pairing of quotation marks cannot trust.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .direct import QuoteSpan
from .spans import SIGNED, Attribution

# One to five capitalised words, particles allowed inside ("Maria de la Cruz").
_NAME_WORD = r"[A-Z][\w.'\u2019-]*"
_NAME = _NAME_WORD + r"(?:[^\S\n]+(?:" + _NAME_WORD + r"|de|del|da|la|le|van|von|bin|al)){0,4}"
_SIGNED_LINE = re.compile(
    r"^[^\S\n]*(?P<content>[\"\u201c\u201d].*?[\"\u201d])[^\S\n]*(?P<dash>\u2015|\u2014|\u2013|--)"
    r"[^\S\n]*(?P<name>" + _NAME + r")[^\S\n]*\.?[^\S\n]*$",
    re.MULTILINE,
)


def signed_quotes(
    doc: Doc, text: str, quotes: list[QuoteSpan], taken: set[int]
) -> list[Attribution]:
    """Attributions of signed quoted lines; ``quotes`` of each lists the quote spans
    in its line (a line with a quote already ``taken`` is left alone)."""
    out: list[Attribution] = []
    for m in _SIGNED_LINE.finditer(text):
        a, b = m.span("content")
        inside = [k for k, q in enumerate(quotes) if q.start < b and a < q.end]
        if any(k in taken for k in inside):
            continue
        name_end = m.end("name")
        last = m.group("name").split()[-1]
        if last.endswith(".") and len(last) > 3 and last[:-1] not in ("Jr", "Sr"):
            name_end -= 1  # the sentence's full stop, not an initial's
        dash = doc.char_span(*m.span("dash"), alignment_mode="expand")
        name = doc.char_span(m.start("name"), name_end, alignment_mode="contract")
        if dash is None or name is None or len(name) == 0 or name.start <= dash.start:
            continue
        out.append(
            Attribution(
                head=dash.end - 1,
                cue=[dash.end - 1],
                kind="signature",
                lemma=m.group("dash"),
                source=(name.start, name.end),
                content=[(a, b)],
                direct=True,
                frame=SIGNED,
                quotes=inside,
            )
        )
    return out
