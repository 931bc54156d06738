"""Paragraph breaks end sentences.

The trained parser sometimes runs a sentence on across a blank line, most
often after an abbreviation ("Rep. Gregory W. Meeks, N.Y.\\n\\nEarly this
month, ..."), which glues two paragraphs into one timeline or quote sentence.
A blank line is never inside a sentence of news prose, so this component marks
the first token after one as a sentence start. It runs before the parser,
which keeps boundaries that are already set.

Text extracted from HTML (and much pasted copy) puts one paragraph per line
with a single line break between them, and its headline, byline or
subheadings on lines of their own without a closing stop; the parser then
glues the headline onto the lead ("Kestria approves interceptors after months
of debate Kestria has approved sending ..."). Such a document has lines far
longer than hard-wrapped text ever has (wrapping keeps lines under about 80
characters), so when any line is longer than ``LONG_LINE`` characters, a
single line break ends a sentence too.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .components import set_sent_starts

# A line this long is a paragraph, not hard-wrapped prose.
LONG_LINE = 150


def lines_are_paragraphs(text: str) -> bool:
    """True when ``text`` writes one paragraph per line (see the module docstring)."""
    return any(len(line) > LONG_LINE for line in text.splitlines())


def is_paragraph_break(text: str) -> bool:
    """True for whitespace holding a blank line ("\\n\\n", "\\n \\n", "\\r\\n\\r\\n")."""
    return text.replace("\r", "").replace(" ", "").replace("\t", "").count("\n") >= 2


def paragraph_ends(text: str) -> Callable[[str], bool]:
    """The test of whether whitespace in ``text`` ends a paragraph: a blank line, or a
    single line break in text written a paragraph per line."""
    one_per_line = lines_are_paragraphs(text)

    def ends_paragraph(space: str) -> bool:
        return is_paragraph_break(space) or (one_per_line and "\n" in space)

    return ends_paragraph


_CLOSING_MARKS = frozenset({'"', "”", "’", "'", "''", ")"})
# Tokens that end a sentence.
FINAL_PUNCT = frozenset({".", "!", "?", "…"})


def mark_paragraph_starts(doc: Doc) -> Doc:
    ends_paragraph = paragraph_ends(doc.text)
    writes: list[tuple[int, bool]] = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space:
            continue
        if (before.is_space and ends_paragraph(before.text)) or ends_paragraph(before.whitespace_):
            writes.append((token.i, True))
            # A closing quotation mark ending the paragraph ('... be lost."') belongs
            # to the sentence it closes; left alone the parser may start one with it.
            last = before.i - 1 if before.is_space else before.i
            if last > 0 and doc[last].text in _CLOSING_MARKS and doc[last - 1].text in FINAL_PUNCT:
                writes.append((last, False))
    set_sent_starts(doc, writes)
    return doc


@Language.factory("storyline_paragraphs_v1")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    """The pipeline component: see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc)
