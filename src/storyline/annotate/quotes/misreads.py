"""What the small model misreads around a report, and what reads like a report but is
none: a report verb tagged a noun ("Trump claims that ..."), a sentence whose full stop
went missing ("... the new quay The council said ..."), "let's" as a subject."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import VERB_CUES
from .indirect import cue_lemma
from .spans import Attribution


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
