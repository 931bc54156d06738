"""The attribution record the extractor builds, and span helpers shared by its modules."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ...text.datelines import wire_datelines

# Punctuation trimmed from the edges of source and content spans. Quotation
# marks are kept on content when the quote they open or close lies inside it.
EDGE_PUNCT = set(",;:.-\u2013\u2014()[]{}/|*")
DASHES = "-\u2013\u2014"
# Frames of attributions whose form names the speaker outright: a transcript's
# labelled turn ("PENCE: ...") and a signed quote ("\u201c...\u201d \u2015 Jane Roe"). The
# learned keep model does not review them.
TURN = "turn"
SIGNED = "signed"
CERTAIN_FRAMES = frozenset({TURN, SIGNED})
# Tokens that are a quotation mark, for the learned models' features (with the
# Penn Treebank pair `` '' of tokenized copy; spaCy splits `` into two tokens).
QUOTE_MARKS = frozenset(['"', "\u201c", "\u201d", "''", "``"])


@dataclass
class Attribution:
    """One attribution while it is being built (token indices, char spans).

    ``content`` holds char spans; for a direct quote each span includes the
    quotation marks (the eval format), ``Quote`` records strip them.
    """

    head: int  # token index of the cue's head word
    cue: list[int]  # token indices of the cue
    kind: str  # verb | according | noun | colon | signature
    lemma: str = ""
    source: tuple[int, int] | None = None  # token span [start, end)
    content: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    addressee: tuple[int, int] | None = None  # token span
    frame: str = ""  # which rule found the content, for explanations and tuning
    quotes: list[int] = field(default_factory=list)  # indices of QuoteSpans used as content
    score: float | None = None  # the learned model's probability, when one reviewed it

    def content_range(self) -> tuple[int, int] | None:
        if not self.content:
            return None
        return min(a for a, _ in self.content), max(b for _, b in self.content)


@dataclass(frozen=True)
class DocView:
    """Per-doc values computed once: ``Doc.text``, ``Doc.sents`` and ``Doc.ents`` are
    rebuilt from the tokens on every access."""

    doc: Doc
    text: str
    sents: tuple[Span, ...]
    ents: tuple[Span, ...]

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        return cls(doc, doc.text, tuple(doc.sents), tuple(doc.ents))

    @cached_property
    def names(self) -> tuple[Span, ...]:
        """The names as the mentions component cleaned them, where it ran before (a
        wire dateline's "MISRATA" is a place, "pro-Gaddafi" a side, "Gen. Mark Milley"
        the person Mark Milley); the tagger's entities otherwise."""
        mentions = self.doc._.mentions if Doc.has_extension("mentions") else None
        if mentions is None:
            return self.ents
        spans = (
            self.doc.char_span(m.start, m.end, label=m.label, alignment_mode="contract")
            for m in mentions
        )
        return tuple(span for span in spans if span is not None and len(span))

    @cached_property
    def quote_marks(self) -> list[int]:
        """Indices of the tokens in ``QUOTE_MARKS``, in order: counting them in a
        stretch is then a lookup, not a walk over its tokens."""
        doc = self.doc
        return [
            t.i
            for t in doc
            if t.text in QUOTE_MARKS or (t.text == "`" and _backtick_pair(doc, t.i))
        ]

    @cached_property
    def mid_sentence_words(self) -> frozenset[str]:
        """Texts of the tokens that do not open a sentence: whether a capitalised first
        word is also written so elsewhere is then a lookup, not a walk over the doc."""
        return frozenset(t.text for t in self.doc if not t.is_sent_start)

    @cached_property
    def capitalised_names(self) -> frozenset[str]:
        """Words in capitals inside the doc's ORG, GPE and NORP entities ("WHO" of "the
        World Health Organization (WHO)"): such a word is a name wherever the tagger
        reads it, even as a pronoun."""
        return frozenset(
            t.text
            for ent in self.ents
            if ent.label_ in ("ORG", "GPE", "NORP")
            for t in ent
            if t.is_upper and len(t) > 1
        )

    @cached_property
    def dateline_ends(self) -> list[int]:
        """Where the text's wire datelines end, in order (``text.datelines``)."""
        return [end for _, end in wire_datelines(self.text)]

    def marks_between(self, start: int, end: int) -> int:
        """How many quotation-mark tokens lie in the token span [start, end)."""
        return bisect_left(self.quote_marks, end) - bisect_left(self.quote_marks, start)


def _backtick_pair(doc: Doc, i: int) -> bool:
    """The first of two adjacent backtick tokens (one opening mark, counted once)."""
    return i + 1 < len(doc) and doc[i + 1].text == "`" and doc[i + 1].idx == doc[i].idx + 1


def is_opening_mark(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a quotation ("\u201c", a straight mark, ``)."""
    text = doc[i].text
    return text in ('"', "\u201c", "''", "``") or (text == "`" and _backtick_pair(doc, i))


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Char offsets of the token span [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs [start, end) of a set of token indices."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(indices)):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def is_edge_punct(tok: Token) -> bool:
    return tok.is_punct and tok.text not in ("%",) or tok.is_space


def token_at(doc: Doc, char: int) -> int | None:
    """Index of the token covering char ``char`` (None past the text or in a gap)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def trim_tokens(doc: Doc, start: int, end: int, *, keep_quotes: bool = False) -> tuple[int, int]:
    """Drop punctuation and spaces from both edges of a token span."""

    def droppable(tok: Token) -> bool:
        if keep_quotes and tok.text and tok.text[0] in "\"\u201c\u201d\u2018\u2019'`":
            return False
        return tok.is_space or (tok.is_punct and tok.text not in ("%", "$"))

    while start < end and droppable(doc[start]):
        start += 1
    while end > start and droppable(doc[end - 1]):
        end -= 1
    return start, end


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and edge punctuation (not quotation marks) from a char span."""
    while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
        end -= 1
    return start, end


def subtree_indices(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}
