"""What a content gives up at its edges once its attribution is assembled: the wire
dateline that opens it (where the report was filed, not what was said) and the
speaker's title the parser left at its end (``assemble.find_attributions``, step 7)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc

from ..titles import title_run_before
from .spans import Attribution, trim_chars

# A wire dateline opening a paragraph: "TAVEL (Northgate Wire) - ", "WASHINGTON — ".
DATELINE = re.compile(
    r"[A-Z][A-Z.' ]*[A-Z](?:, [A-Z][A-Za-z.' ]{1,30})?(?: \([^()\n]{1,40}\))? ?[-–—]{1,2} "
)


def drop_dateline(text: str, att: Attribution, dateline_ends: Sequence[int]) -> None:
    """Content starts after the wire dateline in it, if any: one opening a paragraph, or
    an agency dateline ("Cairo , Egypt -LRB- CNN -RRB- --") ending inside a piece of the
    content, with whatever the parse hung on the clause before it: the publication stamp
    heading it ("May 1 , 2009 9:46 am EDT WASHINGTON -LRB- Reuters -RRB- - The new virus
    ..., the World Health Organization said"), or the dateline's own first words. The
    dateline says where the report was filed, not what was said. ``dateline_ends``: the
    ends of the text's wire datelines, in order (``DocView.dateline_ends``)."""
    if att.direct or not att.content:
        return
    a, b = att.content[0]
    if not a or text[a - 1] == "\n":
        m = DATELINE.match(text, a, b)
        if m is not None and m.end() < b:
            att.content[0] = (m.end(), b)
    att.content = [(after_wire_dateline(a, b, dateline_ends), b) for a, b in att.content]


def after_wire_dateline(a: int, b: int, dateline_ends: Sequence[int]) -> int:
    """``a``, or the end of the last wire dateline ending inside [a, b)."""
    n = bisect_left(dateline_ends, b) - 1
    return dateline_ends[n] if n >= 0 and dateline_ends[n] > a else a


def title_to_source(doc: Doc, text: str, att: Attribution) -> None:
    """ "..., but retired Coast Guard Adm. Thad Allen said": a title the parser left
    in the content, right before the source, goes with the source."""
    if att.source is None:
        return
    s, e = att.source
    lo = title_run_before(doc, s)
    if lo is None:
        return
    at = doc[lo].idx
    if not any(a < at < b for a, b in att.content):
        return
    cut = [trim_chars(text, a, at) if a < at < b else (a, b) for a, b in att.content]
    att.content = [(a, b) for a, b in cut if b > a]
    att.source = (lo, e)
