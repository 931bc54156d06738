"""Bounds on the work one document can cost the annotate stage.

Hostile or broken input (a page of words with no full stop, a feed or a thread
dumped into one "article") must neither hang the stage nor blow up its memory:

* Sentences. The parser may read a long run of words with no sentence-final
  punctuation as one sentence, and the components after it do work per
  sentence that grows with its length (a quote cue looks at its whole
  sentence), so one "sentence" of 100,000 words was quadratic. The
  ``storyline_sentence_cap_v1`` component, placed before the parser, starts a
  sentence after every ``MAX_RUN_TOKENS`` tokens of such a run. Real news
  sentences are under 150 tokens; the longest such run in the T17, PolNeAR,
  TempEval-3 and FNC-1 corpora is 279 tokens (an unpunctuated reader comment),
  so no real sentence is cut and normal text is annotated as before.
* Documents. The model's memory grows with the text it is given at once
  (about 2 KB per character, most of it tok2vec), so an article longer than
  ``LONG_DOC_CHARS`` goes through the model in pieces of at most
  ``PIECE_CHARS``, cut at paragraph breaks where there are any; the pieces are
  then joined into one doc for storyline's components, which need the whole
  article (quotes, mentions, dates refer across paragraphs). Only such long
  articles can be annotated differently from one pass (near the joins).
  Articles longer than ``MAX_DOC_CHARS`` (spaCy's own ``max_length``) are
  refused with [E205]. The components themselves look things up instead of
  scanning the whole doc per item (``quotes.lookup``, ``components.set_sent_starts``),
  so their work grows about linearly with the document.
* Batches. ``annotate`` closes a batch at ``BATCH_CHARS`` of text, so many
  long articles are never given to the model at once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from .components import set_sent_starts

# spaCy's default ``nlp.max_length``; ingest refuses longer articles as well.
MAX_DOC_CHARS = 1_000_000
# Above this the model runs on pieces (200,000 characters at once take it about 600 MB).
LONG_DOC_CHARS = 200_000
PIECE_CHARS = 100_000
# Text given to the model in one ``nlp.pipe`` batch, at most (one article may be more).
BATCH_CHARS = 200_000
# Tokens with no possible sentence end before a sentence start is forced.
MAX_RUN_TOKENS = 512

# A token holding one of these may end a sentence, and so ends a run.
_ENDS = frozenset(".!?…;:")


def _may_end_sentence(tok_text: str, whitespace: str) -> bool:
    return "\n" in whitespace or "\n" in tok_text or not _ENDS.isdisjoint(tok_text)


def cap_sentence_runs(doc: Doc, max_tokens: int = MAX_RUN_TOKENS) -> Doc:
    """Starts a sentence after every ``max_tokens`` tokens that have no sentence start
    (set before, e.g. at a paragraph break) and nothing that may end a sentence."""
    run = 0
    starts: list[tuple[int, bool]] = []
    for tok in doc:
        if tok.i > 0 and tok.is_sent_start:
            run = 0
        elif run >= max_tokens:
            starts.append((tok.i, True))
            run = 0
        run += 1
        if _may_end_sentence(tok.text, tok.whitespace_):
            run = 0
    set_sent_starts(doc, starts)
    return doc


@Language.factory("storyline_sentence_cap_v1", default_config={"max_tokens": MAX_RUN_TOKENS})
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> Callable[[Doc], Doc]:
    """The pipeline component: see the module docstring."""
    return partial(cap_sentence_runs, max_tokens=max_tokens)


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece that starts at ``start`` and may run to ``end``: after the
    last paragraph break, else line break, else space, in the piece's second half."""
    floor = start + (end - start) // 2
    for sep in ("\n\n", "\n", " "):
        at = text.rfind(sep, floor, end)
        if at > start:
            at += len(sep)
            while at < end and text[at].isspace():
                at += 1  # the rest of a run of whitespace stays with the piece it ends
            return at
    return end  # no space at all: a hard cut (the tokenizer splits the word there)


def pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Char spans [start, end) of at most ``size`` (default ``PIECE_CHARS``) that cover
    ``text`` in order, cut where ``_cut`` says."""
    size = size or PIECE_CHARS
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out
