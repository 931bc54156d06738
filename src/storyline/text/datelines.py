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


# News agencies: their name in brackets before a dash makes a dateline wherever it
# stands ("Cairo, Egypt (CNN) --" after a scraped block of highlights), where a
# bracketed acronym before a dash ("the Environmental Protection Agency (EPA) --
# which ...") is an aside.
WIRES = (
    "Reuters", "Reuters Health", "AP", "AFP", "UPI", "Bloomberg", "CNN", "CNNMoney", "dpa",
    "DPA", "Xinhua", "IANS", "PTI", "ANI", "ANSA", "EFE", "Kyodo", "Yonhap", "TASS",
    "Interfax", "AAP", "Agencies", "MarketWatch",
)  # fmt: skip
# Time zones written after a clock time.
TIME_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|JST|IST)"
_PLACE_WORD = rf"(?!{TIME_ZONE}\b)[A-Z][A-Za-z.'\-\\/]*"
_PLACE_PART = rf"{_PLACE_WORD}(?:[ ]+(?:{_PLACE_WORD}|\d{{1,2}}))*"  # "NEW ORLEANS", "June 2"
_PLACE = rf"{_PLACE_PART}(?:[ ]?,[ ]*{_PLACE_PART}){{0,2}}[ ]*"
_WIRE_DATELINE = re.compile(
    rf"(?<![\w.'\-])(?P<place>{_PLACE})?(?:\(|-LRB-)[ ]*(?:{'|'.join(WIRES)})[ ]*(?:\)|-RRB-)"
    rf"[ ]*(?:--?|\u2013|\u2014)(?=[ \n]|$)[ ]*"
)
_ALL_CAPS = re.compile(r"[A-Z][A-Z.'\-]+")


def wire_datelines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each agency dateline in ``text``: "WASHINGTON (AP) --", "Cairo,
    Egypt -LRB- CNN -RRB- --", "(Reuters) -"; ``end`` is past the dash and its spaces,
    where the report's first sentence begins. Within a place whose words run on from
    the text before it ("in Iran WASHINGTON (AP) --"), the dateline starts at the
    first all-capital word."""
    out = []
    for m in _WIRE_DATELINE.finditer(text):
        start = m.start()
        place = m.group("place")
        if place:
            words = list(re.finditer(r"\S+", place))
            caps = [w for w in words if _ALL_CAPS.fullmatch(w.group().rstrip(","))]
            if caps and caps[0] is not words[0]:
                start += caps[0].start()
        out.append((start, m.end()))
    return out


# A publication stamp right before a dateline ("NEW YORK | Thu May 6, 2010 7:34pm EDT",
# "May 1, 2010 3:36 am EDT"): a clock time or a year ends it.
_STAMP_END = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}[ ]*(?:[ap]\.?m\.?|[AP]M)?[ ]*(?:{TIME_ZONE})?|\b\d{{4}})[ ]*$"
)


def stamped(text: str, start: int) -> bool:
    """True when the line before ``start`` ends with a publication stamp: the stamp
    heads the dateline's report and is not a sentence of its own."""
    line_start = text.rfind("\n", 0, start) + 1
    return _STAMP_END.search(text, line_start, start) is not None


# A live page's update note opening an entry, its opening bracket sometimes left with
# the sentence before: "(Update 6:46 p.m. Cairo, 11:46 a.m. ET) - ", "UPDATE 3:05 p.m.: ".
_UPDATE_HEAD = re.compile(
    r"(?:\(|-LRB-)?[ ]*(?:Update[sd]?|UPDATE[SD]?|Posted|Last updated)\b"
    r"(?P<note>[^()\n]{0,80}?)(?:\)|-RRB-|:(?=[ ]))[ ]*(?:(?:--?|\u2013|\u2014)[ ]*)?"
)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def update_note_end(text: str, start: int = 0) -> int | None:
    """Where the update note opening ``text`` at ``start`` ends, or None: a note names
    a clock time ("Update 6:46 p.m. ..."), so "Updates to the plan: ..." is none."""
    m = _UPDATE_HEAD.match(text, start)
    if m is None or not _CLOCK.search(m.group("note")):
        return None
    return m.end()
