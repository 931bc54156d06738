"""Helpers for the quote tests: hand-built parses (no trained model) and the quotes of a
text run through a pipeline."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.models import Quote


def parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    spaces: list[bool] | None = None,
    *,
    tags: list[str] | None = None,
    ents: list[str] | None = None,
) -> Doc:
    """A doc with the given parse; ``ents`` as IOB tags ("B-PERSON", "I-PERSON", "O")."""
    nlp = spacy.blank("en")
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
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


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    """The quotes the pipeline's quotes component sets on ``text`` (failing on an error)."""
    doc = nlp(text)
    assert doc._.quotes_error is None
    return list(doc._.quotes)
