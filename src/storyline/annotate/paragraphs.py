"""Paragraph breaks end sentences.

The trained parser sometimes runs a sentence on across a blank line, most
often after an abbreviation ("Rep. Gregory W. Meeks, N.Y.\\n\\nEarly this
month, ..."), which glues two paragraphs into one timeline or quote sentence.
A blank line is never inside a sentence of news prose, so this component marks
the first token after one as a sentence start. It runs before the parser,
which keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def is_paragraph_break(text: str) -> bool:
    """True for whitespace holding a blank line ("\\n\\n", "\\n \\n", "\\r\\n\\r\\n")."""
    return text.replace("\r", "").replace(" ", "").replace("\t", "").count("\n") >= 2


_CLOSING_MARKS = frozenset({'"', "”", "’", "'", "''", ")"})
_FINAL_PUNCT = frozenset({".", "!", "?", "…"})


def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space:
            continue
        if (before.is_space and is_paragraph_break(before.text)) or is_paragraph_break(
            before.whitespace_
        ):
            token.is_sent_start = True
            # A closing quotation mark ending the paragraph ('... be lost."') belongs
            # to the sentence it closes; left alone the parser may start one with it.
            last = before.i - 1 if before.is_space else before.i
            if last > 0 and doc[last].text in _CLOSING_MARKS and doc[last - 1].text in _FINAL_PUNCT:
                doc[last].is_sent_start = False
    return doc


@Language.factory("storyline_paragraphs_v1")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    """The pipeline component: see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc)
