"""No sentence starts inside a short bracket pair.

The trained parser does not know the bracket tokens of PTB-tokenized copy
("-LRB-", "-RRB-": T17's wire text, much of the research news we ingest as it
comes) and cuts sentences at them: "the Drug Enforcement Agency -LRB-" / "DEA
-RRB- entered Dr Conrad Murray 's office". On the T17 egypt and mj topics 5.6 %
of sentences had an unbalanced bracket, each a fragment shown as a timeline
entry or a quote's content. It also cuts after an abbreviation inside real
brackets ("(Update 10:38 p.m." / "Cairo, 3:38 p.m. ET) Heavy machine gun fire
...", "(" / "AP)").

A bracket pair closed within ``MAX_PAIR_TOKENS`` tokens, inside one paragraph,
holds an aside, not a sentence break. Two components keep it whole:

* ``storyline_brackets_v1``, before the parser, marks every token inside such a
  pair, and its closing bracket, as not starting a sentence. The parser mostly
  keeps that (and parses the aside with its sentence), but it may still leave a
  token there without a head, which makes it a sentence start again (a wire
  dateline, "WASHINGTON -LRB-" / "Reuters -RRB- - Libya may ...");
* ``storyline_bracket_joins_v1``, right after the model, joins such a cut: the
  shorter part's root is attached (``dep``) to the longer part's.

A token right after a bare full stop, question or exclamation mark may still
start a sentence, so a parenthetical of whole sentences ("(Why did he issue the
subpoenas? It is unclear.)") keeps its own sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from .components import join_cuts_at, set_sent_starts
from .paragraphs import FINAL_PUNCT, paragraph_ends

# A longer span is more likely two unrelated brackets than one aside.
MAX_PAIR_TOKENS = 40

_PAIRS = {
    ")": "(",
    "]": "[",
    "}": "{",
    "-RRB-": "-LRB-",
    "-RSB-": "-LSB-",
    "-RCB-": "-LCB-",
}
_OPENING = frozenset(_PAIRS.values())
_CLOSING_QUOTES = frozenset({'"', "”", "’", "''"})


def _may_start_after(doc: Doc, i: int) -> bool:
    """True when token ``i`` follows a sentence's end (a bare ".", "?", "!", maybe
    with a closing quotation mark after it)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and doc[j].text in _CLOSING_QUOTES:
        j -= 1
    return j >= 0 and doc[j].text in FINAL_PUNCT


def bracket_pairs(doc: Doc, max_tokens: int = MAX_PAIR_TOKENS) -> list[tuple[int, int]]:
    """Token indices (open, close) of the matched bracket pairs of at most
    ``max_tokens`` tokens that do not cross a paragraph break (a single line break
    too, in text written a paragraph per line: see ``annotate.paragraphs``)."""
    breaks = paragraph_ends(doc.text)
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for tok in doc:
        if (tok.is_space and breaks(tok.text)) or breaks(tok.whitespace_):
            stack.clear()
            continue
        if tok.text in _OPENING:
            stack.append(tok.i)
        elif tok.text in _PAIRS:
            if stack and doc[stack[-1]].text == _PAIRS[tok.text]:
                start = stack.pop()
                if tok.i - start <= max_tokens:
                    pairs.append((start, tok.i))
            else:  # a stray closer: what was open is not matched by it
                stack.clear()
    return pairs


def inside_asides(doc: Doc, max_tokens: int = MAX_PAIR_TOKENS) -> list[int]:
    """The tokens that must not start a sentence: inside a ``bracket_pairs`` pair (its
    closer included), not right after a sentence's end, in document order."""
    out: set[int] = set()
    for start, close in bracket_pairs(doc, max_tokens):
        out.update(i for i in range(start + 1, close + 1) if not _may_start_after(doc, i))
    return sorted(out)


def mark_bracket_insides(doc: Doc, max_tokens: int = MAX_PAIR_TOKENS) -> Doc:
    """Before the parser: ``inside_asides`` marked as not starting a sentence; a start
    already set (by another rule) is kept."""
    set_sent_starts(
        doc, [(i, False) for i in inside_asides(doc, max_tokens) if not doc[i].is_sent_start]
    )
    return doc


def join_cut_asides(doc: Doc, max_tokens: int = MAX_PAIR_TOKENS) -> Doc:
    """After the parser: a sentence that starts at one of ``inside_asides`` is joined
    to the one before it (the shorter part's root goes under the longer part's)."""
    return join_cuts_at(doc, inside_asides(doc, max_tokens))


@Language.factory("storyline_brackets_v1", default_config={"max_tokens": MAX_PAIR_TOKENS})
def make_brackets(nlp: Language, name: str, max_tokens: int) -> Callable[[Doc], Doc]:
    """The component before the parser: see the module docstring."""
    return partial(mark_bracket_insides, max_tokens=max_tokens)


@Language.factory("storyline_bracket_joins_v1", default_config={"max_tokens": MAX_PAIR_TOKENS})
def make_bracket_joins(nlp: Language, name: str, max_tokens: int) -> Callable[[Doc], Doc]:
    """The component after the model: see the module docstring."""
    return partial(join_cut_asides, max_tokens=max_tokens)
