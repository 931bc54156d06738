"""Page furniture glued to the front of a sentence: wire datelines, publication
stamps, photo credits, live-blog update stamps.

Text extraction often joins such a prefix to the lead sentence it precedes::

    CAIRO | Sat Nov 12 , 2011 6:48 pm EST CAIRO -LRB- Reuters -RRB- - The Arab League ...
    <headline> <standfirst> Thursday 10 March 2005 13.55 GMT American forces have agreed ...
    Photograph : Jane Doe\\/AP The company said ...
    Jane Doe | 09:26 UK time , Friday , 11 June 2010 Commentators discuss ...
    -LRB- Update 6:58 p.m. Cairo , 11:58 a.m. ET -RRB- The prime minister said ...

The prefix is not part of what happened: it lengthens a summary sentence with
words no reader (or reference summary) wants, and its date is when the piece
was filed, not an event. ``strip_prefix`` finds it; ``clean_sentence`` drops it
from the text and drops the date references written only inside it (an update
stamp keeps its date: it dates the live-blog entry that follows).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from .records import CandidateSentence

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_AGENCY = r"(?:Reuters|AP|AFP|CNN|Bloomberg|UPI|BBC|CNN\.com)"

# (pattern, keeps its dates) in the order tried; each matches from the sentence start.
_PREFIXES: tuple[tuple[re.Pattern[str], bool], ...] = (
    # wire dateline, possibly after a "CITY | Fri Oct 22 , 2010 11:49 am BST" stamp or
    # story highlights; the last marker within the first 400 characters ends it
    (
        re.compile(
            rf"^.{{0,400}}-LRB- ?{_AGENCY}[^()]{{0,30}}?-RRB- ?-{{1,2}}(?=\s)\s*", re.DOTALL
        ),
        False,
    ),
    # photo caption with its credit: "... -LRB- AP Photo\/Name -RRB- -LRB- Name - AP -RRB-"
    (
        re.compile(
            r"^.{0,400}-LRB- ?(?:AP|Reuters|AFP|Getty)(?: Photo)?\\?/[^()]{0,60}-RRB-"
            r"(?: ?-LRB-[^()]{0,60}-RRB-)?\s+",
            re.DOTALL,
        ),
        False,
    ),
    # newspaper publication stamp after headline and standfirst
    (
        re.compile(
            rf"^.{{0,400}}?\b{_WEEKDAY} \d{{1,2}} {_MONTH} \d{{4}} \d{{1,2}}\.\d{{2}}"
            r" (?:BST|GMT|CET|CEST|EST|EDT)\s+",
            re.DOTALL,
        ),
        False,
    ),
    # blog byline with its time stamp
    (
        re.compile(
            rf"^[^|]{{0,80}}\| ?\d{{1,2}}:\d{{2}} UK time , {_WEEKDAY} , \d{{1,2}} {_MONTH}"
            r" \d{4}\s+"
        ),
        False,
    ),
    # photo credit: "Photograph : Name\/AGENCY" or "Photograph : AGENCY"
    (
        re.compile(
            r"^(?:Photograph|Photo|Picture)\s*:\s*(?:\S+\s+){0,4}?"
            r"(?:\S*\\?/\S+(?: Images| Features| Press)?|AP|PA|Reuters|AFP|EPA|Getty Images"
            r"|Corbis|Rex Features|Alamy)\s+"
        ),
        False,
    ),
    # live-blog update stamp
    (
        re.compile(
            r"^-LRB- ?Updated? [^()]{0,80}?(?:-LRB-[^()]{0,20}-RRB-[^()]{0,20})?-RRB- ?-?\s*"
        ),
        True,
    ),
)
# Cheap test before the patterns: every prefix contains one of these.
_HINTS = ("-RRB-", " BST", " GMT", " CET", " EST", " EDT", "UK time", "Photo", "Picture")


def strip_prefix(text: str) -> tuple[int, bool]:
    """(length of the furniture prefix, whether its dates are kept); (0, True) when none.

    A match that would leave no sentence behind (fewer than three words) is ignored.
    """
    if not any(h in text for h in _HINTS):
        return 0, True
    for pattern, keep_dates in _PREFIXES:
        m = pattern.match(text)
        if m and len(text[m.end() :].split()) >= 3:
            return m.end(), keep_dates
    return 0, True


def clean_sentence(
    s: CandidateSentence, tokenize: Callable[[str], Sequence[str]]
) -> CandidateSentence:
    """``s`` without its furniture prefix (the same object when it has none)."""
    cut, keep_dates = strip_prefix(s.text)
    if cut == 0:
        return s
    prefix, rest = s.text[:cut], s.text[cut:]
    dates = s.dates
    if not keep_dates:
        dates = tuple(
            r for r in s.dates if not (r.text and r.text in prefix and r.text not in rest)
        )
    return dataclasses.replace(s, text=rest, dates=dates, tokens=tuple(tokenize(rest)))
