"""A title abbreviation before a name does not end a sentence.

The trained parser cuts after the abbreviated ranks and titles of war and
politics coverage: "The commander, Lt. Cmdr." / "Sarah Jones, said ...",
"Brig." / "Gen. Mark Kimmitt told reporters ...", "Army Capt." / "John Smith and
Sgt." / "Maj." / "Bill Ray were killed". On the nine T17 topics 128 stored
sentences ended in a title (``bench/sentence_cuts.py``; "Coast Guard Adm." /
"Thad Allen said ..." in bpoil): the name lost its role, and the title was left
as a fragment. Two components:

* ``storyline_titles_v1``, before the parser, marks the token after a title
  abbreviation (``TITLE_ABBREVIATIONS``, written with its full stop) as not
  starting a sentence when it begins with a capital letter and is not a function
  word (a name or a second title, not "The"); a start or non-start set by an
  earlier rule is kept;
* ``storyline_title_joins_v1``, right after the model, joins a sentence the
  parser still started there to the one before it, under the name's sentence.

Left out on purpose: abbreviations that often end a sentence ("St." for a
street, "Jr.", "Sr.", "Co.", "Inc.") and single initials ("U.S." at a sentence's
end is common).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .components import join_cuts_at, set_sent_starts

# Ranks, offices and honorifics that stand before a name, as written with their
# full stop and capital (case-sensitive: "gen." is not a title).
TITLE_ABBREVIATIONS = frozenset(
    {
        "Adm.", "Amb.", "Atty.", "Brig.", "Capt.", "Cmdr.", "Cdr.", "Col.", "Cpl.", "Cpt.",
        "Det.", "Dr.", "Gen.", "Gens.", "Gov.", "Insp.", "Lt.", "Lieut.", "Maj.", "Messrs.",
        "Mr.", "Mrs.", "Ms.", "Pfc.", "Pres.", "Prof.", "Pvt.", "Rep.", "Reps.", "Rev.",
        "Sen.", "Sens.", "Sgt.", "Spc.", "Supt.", "Treas.",
    }
)  # fmt: skip


# Words that open a sentence and are never a name ("Bill", "Will", "Mark" may be one).
_SENTENCE_OPENERS = frozenset(
    "a an the this that these those he she it they we i you his her its their our my"
    " there here but and or so yet if when while after before as at in on for from by"
    " with of to however meanwhile then".split()
)


# Lower-case words that may open a name's title run: "retired Coast Guard Adm.".
_TITLE_MODIFIERS = frozenset({"retired", "former", "acting", "deputy", "then"})


def _abbreviation_at(doc: Doc, i: int) -> int | None:
    """The first token of a title abbreviation ending at token ``i`` ("Gen." or
    "Capt" + "."), else None."""
    if doc[i].text in TITLE_ABBREVIATIONS:
        return i
    if (
        doc[i].text == "."
        and i > 0
        and not doc[i - 1].whitespace_
        and doc[i - 1].text + "." in TITLE_ABBREVIATIONS
    ):
        return i - 1
    return None


def title_continuations(doc: Doc) -> Iterator[int]:
    """The tokens right after a title abbreviation that begin with a capital letter
    and stand on its line: each continues the title's sentence. The tokenizer keeps
    some abbreviations whole ("Gen.") and splits others from their stop ("Capt" +
    "."); both count."""
    for stop in doc[:-1]:
        if "\n" in stop.whitespace_ or _abbreviation_at(doc, stop.i) is None:
            continue
        nxt = doc[stop.i + 1]
        # "promoted to Lt. Col. The ceremony ...": a function word opens a sentence
        if nxt.text[:1].isupper() and nxt.lower_ not in _SENTENCE_OPENERS:
            yield nxt.i


def title_run_before(doc: Doc, end: int) -> int | None:
    """Where the title ending right before token ``end`` starts: "retired Coast Guard
    Adm." before "Thad Allen", "Brig. Gen." before "Ivo Dane"; None when no title
    abbreviation ends there."""
    i = end - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    start = _abbreviation_at(doc, i) if i >= 0 else None
    if start is None:
        return None
    while start > 0:
        prev = doc[start - 1]
        abbreviation = _abbreviation_at(doc, start - 1)
        if abbreviation is not None:
            start = abbreviation
        elif (prev.is_alpha and prev.text[:1].isupper()) or prev.lower_ in _TITLE_MODIFIERS:
            start -= 1
        else:
            break
    return start


def mark_titles(doc: Doc) -> Doc:
    """Before the parser: see the module docstring."""
    set_sent_starts(
        doc, [(i, False) for i in title_continuations(doc) if doc[i].is_sent_start is None]
    )
    return doc


def join_cut_titles(doc: Doc) -> Doc:
    """After the parser: a sentence the parser started right after a title
    abbreviation is joined to the one before it, under the name's sentence."""
    return join_cuts_at(doc, title_continuations(doc), keep_later=True)


@Language.component("storyline_titles_v1")
def titles_component(doc: Doc) -> Doc:
    return mark_titles(doc)


@Language.component("storyline_title_joins_v1")
def title_joins_component(doc: Doc) -> Doc:
    return join_cut_titles(doc)
