"""Hand-built parses for tests that run without the trained model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc


def parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    spaces: list[bool] | None = None,
) -> Doc:
    nlp = spacy.blank("en")
    return Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas
    )


def maria_said() -> Doc:
    """ "Maria said the plan works." """
    return parsed(
        ["Maria", "said", "the", "plan", "works", "."],
        [1, 1, 3, 4, 1, 1],
        ["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        ["Maria", "say", "the", "plan", "work", "."],
        [True, True, True, True, False, False],
    )
