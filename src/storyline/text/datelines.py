"""Wire datelines: where a report was filed, written before its first sentence.

"TAVEL, Kestria (Northgate Wire) - ", "WASHINGTON — ", and the forms of scraped
wire copy: a "CITY | Tue Mar 1, 2011 12:46pm EST" stamp before the dateline, PTB
brackets ("-LRB- Reuters -RRB-") and spaces before commas. The place there says
where the reporter was, not what the sentence is about.
"""

from __future__ import annotations

import re

_CITY = r"[A-Z][A-Z.'\-\\/]+(?:[ ]+[A-Z][A-Z.'\-\\/]+)*"
_REGION = r"(?:[ ]?,[ ]*[A-Z][A-Za-z.'\-]*(?:[ ]+[A-Za-z0-9.']+){0,3})?"
_AGENCY = r"(?:[ ]*(?:\(|-LRB-)[ ]*[A-Z][A-Za-z.&' ]{0,30}?[ ]*(?:\)|-RRB-))?"
_DASH = r"[ ]*(?:--?|\u2013|\u2014)[ ]+"
# "CITY | stamp " before the dateline proper (the stamp's own words are not checked).
_STAMP_HEAD = r"(?:[^|\n]{1,60}\|[^|\n]{1,60}?[ ](?=[A-Z]{2}))?"
_DATELINE = re.compile(_STAMP_HEAD + _CITY + _REGION + _AGENCY + _DASH)


def dateline_end(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Where the dateline opening ``text[start:end]`` ends (after its dash), or None
    when that stretch does not open with one."""
    m = _DATELINE.match(text, start, len(text) if end is None else end)
    return m.end() if m is not None else None
