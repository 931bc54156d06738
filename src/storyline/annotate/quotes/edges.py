"""What a content gives up at its edges once its attribution is assembled: the wire
dateline that opens it (where the report was filed, not what was said) and the
speaker's title the parser left at its end (``assemble.find_attributions``, step 7)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...text.datelines import stamped, wire_datelines
from ..titles import title_run_before
from .spans import Attribution, trim_chars

# A wire dateline opening a paragraph: "TAVEL (Northgate Wire) - ", "WASHINGTON — ".
DATELINE = re.compile(
    r"[A-Z][A-Z.' ]*[A-Z](?:, [A-Z][A-Za-z.' ]{1,30})?(?: \([^()\n]{1,40}\))? ?[-–—]{1,2} "
)
# How far into a content a dateline (with a stamp heading it) may end.
_DATELINE_REACH = 160


def drop_dateline(text: str, att: Attribution) -> None:
    """Content starts after the wire dateline that opens it, if any: one opening a
    paragraph, or an agency dateline anywhere ("Cairo , Egypt -LRB- CNN -RRB- --"),
    with the publication stamp heading it ("HOUSTON | Thu Apr 22 , 2010 7:30 pm EDT
    HOUSTON -LRB- Reuters -RRB- -"). The dateline says where the report was filed,
    not what was said."""
    if att.direct or not att.content:
        return
    a, b = att.content[0]
    if not a or text[a - 1] == "\n":
        m = DATELINE.match(text, a, b)
        if m is not None and m.end() < b:
            a = m.end()
    span = text[a:b]
    wire = wire_datelines(span[:_DATELINE_REACH])
    if wire:
        start, end = wire[0]
        if (start == 0 or ("|" in span[:start] and stamped(span, start))) and a + end < b:
            a += end
    att.content[0] = (a, b)


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
