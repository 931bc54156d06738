"""A wire dateline starts the report's first sentence and does not end it.

The trained parser cuts after an agency dateline's dash: "Cairo, Egypt (CNN) --"
and "WASHINGTON -LRB- AP -RRB- --" became sentences of their own (T17: 66 in
bpoil, 48 in egypt), shown as timeline entries, while the lead they open lost
its first words. Scraped pages also run a block of highlights into the dateline
("... has been wracked by protests this week Cairo, Egypt (CNN) -- Hours
ahead of ..."), which glued the block onto the lead. Two components:

* ``storyline_datelines_v1``, before the parser, marks the tokens of a dateline
  (``text.datelines.wire_datelines``) after its first, and the token after it, as
  not starting a sentence, and the dateline's first token as starting one unless
  a publication stamp heads it on its line ("May 1, 2010 3:36 am EDT LOS ANGELES
  (Reuters) -": a stamp on its own would read as a sentence naming a day); a
  start or non-start already set by an earlier rule is kept;
* ``storyline_dateline_joins_v1``, right after the model, joins a sentence the
  parser still started inside or right after a dateline to the one before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..text.datelines import stamped, wire_datelines
from .components import join_cuts_at, set_sent_starts


def dateline_tokens(doc: Doc) -> Iterator[tuple[int, int, bool]]:
    """(first token of the dateline, first token after it, whether a stamp heads it)
    for each wire dateline followed by more text on its line."""
    found = wire_datelines(doc.text)
    if not found:  # most documents: no token map to build
        return
    starts = {t.idx: t.i for t in doc if not t.is_space}
    for start, end in found:
        first = starts.get(start)
        if first is None:
            continue
        after = next((t.i for t in doc[first:] if t.idx >= end and not t.is_space), None)
        # A dateline on a line of its own is left to the line rules.
        if after is not None and "\n" not in doc.text[end : doc[after].idx]:
            yield first, after, stamped(doc.text, start)


def mark_datelines(doc: Doc) -> Doc:
    """Before the parser: see the module docstring."""
    writes: list[tuple[int, bool]] = []
    for first, after, stamp in dateline_tokens(doc):
        if first > 0 and not stamp and doc[first].is_sent_start is None:
            writes.append((first, True))
        writes.extend(
            (i, False) for i in range(first + 1, after + 1) if doc[i].is_sent_start is None
        )
    set_sent_starts(doc, writes)
    return doc


def join_cut_datelines(doc: Doc) -> Doc:
    """After the parser: a sentence the parser started inside or right after a
    dateline is joined to the one before it, under the report's root."""
    inside = (i for first, after, _ in dateline_tokens(doc) for i in range(first + 1, after + 1))
    return join_cuts_at(doc, inside, keep_later=True)


@Language.component("storyline_datelines_v1")
def datelines_component(doc: Doc) -> Doc:
    return mark_datelines(doc)


@Language.component("storyline_dateline_joins_v1")
def dateline_joins_component(doc: Doc) -> Doc:
    return join_cut_datelines(doc)
