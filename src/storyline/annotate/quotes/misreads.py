"""What the small model misreads around a report, and what reads like a report but is
none: a report verb tagged a noun ("Trump claims that ..."), a sentence whose full stop
went missing ("... the new quay The council said ...") and content run past one, "let's"
as a subject."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import VERB_CUES
from .indirect import cue_lemma
from .spans import Attribution, token_at, trim_chars


def verb_tagged_as_noun(tok: Token) -> bool:
    """ "Trump claims that he ...": a report verb the small tagger made a plural noun,
    parsed as a verb (a subject before it, a clause after it)."""
    if tok.tag_ != "NNS" or cue_lemma(tok) not in VERB_CUES:
        return False
    kids = list(tok.children)
    return any(c.dep_ == "nsubj" and c.i < tok.i for c in kids) and any(
        c.dep_ == "ccomp" and c.i > tok.i for c in kids
    )


def lets(doc: Doc, att: Attribution) -> bool:
    """ "Let's say you think ...", "let's focus on ...": an imperative, no one reporting."""
    if att.source is None or att.source[1] - att.source[0] != 1:
        return False
    tok = doc[att.source[0]]
    return tok.lower_ in ("'s", "\u2019s") and tok.i > 0 and doc[tok.i - 1].lower_ == "let"


def run_on(token: Token) -> bool:
    """A capitalised article right after a lower-case word: a sentence whose full stop
    went missing ("... the new quay The council said ..."), not a phrase."""
    if token.text not in ("The", "A", "An") or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.is_alpha and before.is_lower


# Words that open a sentence and are no one's name: a capitalised one of these after a
# lower-case word is where a full stop went missing. Not nouns or adjectives: a name the
# tagger missed is one ("a Trump divorce file", "Internet polls").
_OPENER_POS = frozenset({"DET", "ADP", "ADV", "PRON", "CCONJ", "SCONJ", "AUX", "NUM"})
_COUNT_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_CLOSING_QUOTES = frozenset({'"', "\u201d", "''"})


def run_on_start(token: Token) -> bool:
    """A capitalised common word right after a lower-case word (or a closing quotation
    mark): a new sentence whose full stop went missing where a headline or a caption was
    run into the text ("... looking for food and water Up to 10,000 troops ...",
    "... the head of the WHO voices concern In the US, ..."). Not a name, not "I"."""
    if token.i < 2 or not token.is_title or token.lower_ == "i" or token.lower_.startswith("i'"):
        return False
    if token.ent_type_ and token.ent_type_ not in _COUNT_LABELS:
        return False  # a name or a day
    if not token.ent_type_ and token.pos_ not in _OPENER_POS:
        return False  # a count passes whatever its tag ("Dozens of" as a proper noun)
    before = token.doc[token.i - 1]
    if before.text in _CLOSING_QUOTES:
        before = token.doc[token.i - 2]
    # "the editor of The Times" is a title; a verb's particle ("step down But") never
    # comes before one
    return before.is_alpha and before.is_lower and (
        before.pos_ not in ("DET", "ADP") or before.tag_ == "RP"
    )


def clip_run_on(doc: Doc, text: str, att: Attribution) -> None:
    """Indirect content stops at a sentence run into it: after the cue, at the first such
    start; before the cue, the content begins at the last one."""
    if att.direct or not att.content:
        return
    at = doc[att.head].idx
    clipped = []
    for a, b in att.content:
        first, last = token_at(doc, a), token_at(doc, b - 1)
        starts = (
            [i for i in range(first + 1, last + 1) if run_on_start(doc[i])]
            if first is not None and last is not None
            else []
        )
        if starts and a >= at:
            a, b = trim_chars(text, a, doc[starts[0]].idx)
        elif starts and b <= at:
            a, b = trim_chars(text, doc[starts[-1]].idx, b)
        if b - a > 1:
            clipped.append((a, b))
    if clipped:
        att.content = clipped
