"""Picture credits run into the text: "Photograph: Dennis Cook/AP", "Gerald Herbert/AP".

A caption's credit names the photographer and the agency; scraped pages run it into the
sentence after it ("... Photograph: Miguel Tovar/AP Health officials across the world
...") and the tagger into a name. It is neither a name, nor who spoke, nor part of what
a timeline entry says.
"""

from __future__ import annotations

import re

# A picture's credit run into the sentence after it: "Photograph: Dennis Cook/AP",
# "Gerald Herbert\/AP", "David Sandison/Greenpeace/PA", "AFP/Getty Images:", "BP, via AP".
# A bare agency heads a sentence only as "AP"/"AFP" or with a colon ("EPA" is also the
# Environmental Protection Agency, "Bloomberg" a name).
_PICTURE_AGENCY = (
    r"(?:AP|PA|AFP|EPA|Reuters|Associated\s+Press|Getty(?:\s+Images)?|Rex(?:\s+Features)?|Corbis|Sipa|Alamy"
    r"|Bloomberg|Xinhua)"
)
_CREDIT_PART = r"[A-Za-z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2}\\?/"
_CREDIT = re.compile(
    rf"(?:(?:Photograph|Photo|Picture|Image)s?\s*:\s*(?:{_CREDIT_PART})*{_PICTURE_AGENCY}"
    rf"|(?:{_CREDIT_PART})+{_PICTURE_AGENCY}"
    rf"|[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){{0,3}},\s+via\s+{_PICTURE_AGENCY}"
    rf"|{_PICTURE_AGENCY}(?=\s*:)|AP|AFP)\s*:?\s+(?=[A-Z\u201c\"`'])"
)


def credit_end(text: str, start: int = 0) -> int | None:
    """Where a picture's credit opening ``text[start:]`` ends (at the capital that starts
    what it was run into), or None when there is none there."""
    m = _CREDIT.match(text, start)
    return m.end() if m is not None else None


# A credit's agency after a slash, inside a name the tagger ran over it ("Gerald
# Herbert/AP Underwater", "Ana Vell/AFP/Getty Images").
_CREDIT_AGENCY = re.compile(rf"\\?/(?:[\w.'\-]+\\?/)*{_PICTURE_AGENCY}\b:?[ \t]*")


def credit_free_start(text: str, start: int, end: int) -> int | None:
    """Where the name the tagger found at ``text[start:end]`` starts once a picture's
    credit is off it, or None when it is no name: one a credit follows ("Dave Martin"
    of "Dave Martin/AP", the photographer, no actor of the story), or one run over a
    credit with fewer than two words after it on its line ("Gerald Herbert/AP
    Underwater"; "Ana Vell/AP Barack Obama" is Barack Obama)."""
    if _CREDIT_AGENCY.match(text, end, end + 60) is not None:
        return None
    m = _CREDIT_AGENCY.search(text, start, end)
    if m is None:
        return start
    rest = text[m.end() : end]
    return m.end() if "\n" not in rest and len(rest.split()) >= 2 else None
