"""Titles before names, and the acronym definitions an article makes itself
("Army Tactical Missile System, known as ATACMS", "Foo Bar Baz (FBB)").

Split from ``annotate.mentions``, which uses both to clean and add mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The title vocabulary lives in the text layer; annotate and link import it from here too.
from ..text.titles import ALL_TITLE as ALL_TITLE
from ..text.titles import TITLE_CORE as TITLE_CORE

CONNECT = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "del", "&"})

# ---- acronym definitions ------------------------------------------------------

_WORD = r"[A-Z][\w’'\-]*"
_CONN = r"(?:of|for|and|the|on|in|to|de|du|des|del|&)"
_LONG = rf"{_WORD}(?:\s+(?:{_CONN}\s+){{0,2}}{_WORD}){{0,9}}"
_ACR = r"[A-Z][A-Za-z0-9&\-]{0,8}[A-Z0-9][A-Za-z0-9]?"
_ALIAS = rf"(?:{_ACR}|[A-Z][a-z]{{2,12}})"
_NAMED = r"(?:also\s+)?(?P<cue>known\s+as|called|dubbed|nicknamed|abbreviated(?:\s+as)?|or)"
_DEFINITION_PATTERNS = (
    # Foo Bar Baz (FBB)
    re.compile(rf"(?P<long>{_LONG})\s*\(\s*(?:the\s+)?(?P<short>{_ACR})\s*\)"),
    # FBB (Foo Bar Baz)
    re.compile(rf"\b(?P<short>{_ACR})\s*\(\s*(?:the\s+)?(?P<long>{_LONG})\s*\)"),
    # Foo Bar Baz, known as FBB / called the Fob, for FBB
    # (the name then ends the phrase: "the ambassador to the United Nations, called
    # Gadhafi “delusional”" is the verb)
    re.compile(
        rf"(?P<long>{_LONG}),?\s+{_NAMED}\s+(?:the\s+)?(?P<short>{_ALIAS})"
        rf"(?:,?\s+(?:or|for|short\s+for)\s+(?:the\s+)?(?P<short2>{_ACR}))?\b"
        rf"(?=\s*(?:[,.;:)\u2014\u2013]|$))"
    ),
    # Foo Bar Baz, the FBB,
    re.compile(
        rf"(?P<long>{_LONG}),\s+(?:the|an?)\s+(?P<short>{_ACR})\b(?=\s*[,.;:)—–]|\s+(?:to|is|was|which|that|in|for)\b)"
    ),
    # FBB, the Foo Bar Baz
    re.compile(rf"\b(?P<short>{_ACR}),\s+(?:the|an?)\s+(?P<long>{_LONG})"),
)


@dataclass(frozen=True)
class Definition:
    """An article's own definition of a short form."""

    short: str
    long: str
    start: int  # offsets of the whole defining phrase
    end: int


def best_long_form(short: str, candidate: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest tail of ``candidate`` that ``short`` abbreviates.

    Every letter or digit of ``short`` must appear in order in the long form, the
    first one at the start of a word. Returns None when it does not.
    """
    s = len(short) - 1
    pos = len(candidate) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        while pos >= 0 and (
            candidate[pos].lower() != ch or (s == 0 and pos > 0 and candidate[pos - 1].isalnum())
        ):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    long = candidate[pos + 1 :].strip()
    words = long.split()
    if len(long) <= len(short) or len(words) < 2:
        return None
    if len(words) > min(len(short) + 5, 2 * len(short)):
        return None
    return long


def _initials_fit(short: str, long: str) -> bool:
    """Every content word of the long form starts a letter of the short form, in order."""
    letters = short.lower()
    pos = 0
    for word in long.split():
        if word.lower() in CONNECT or word.lower() in ("in", "to"):
            continue
        pos = letters.find(word[0].lower(), pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _whole_initials(short: str, candidate: str, long: str) -> str:
    """The long form grown left over capitalised words whose initials the short form
    still has unspent: the shortest tail "Management Service" abbreviates MMS letter by
    letter ("MaNageMent"), but "Minerals Management Service" is what MMS stands for."""
    letters = [c.lower() for c in short if c.isalpha()]
    initials = [w[0].lower() for w in long.split() if w.lower() not in CONNECT]
    before = candidate.rstrip()[: -len(long)].split() if candidate.rstrip().endswith(long) else []
    grown = long
    while before and len(initials) < len(letters):
        word = before[-1]
        missing = letters[len(letters) - len(initials) - 1]
        if not word[:1].isupper() or word[0].lower() != missing:
            break
        grown = f"{word} {grown}"
        initials.insert(0, missing)
        before.pop()
    return grown if initials[: len(letters)] == letters else long


def _nickname(alias: str, long: str) -> str | None:
    """The long form a cue such as "called the Volt" names, without initials to check."""
    words = long.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or alias.lower() in ALL_TITLE or alias.lower() in CONNECT:
        return None
    if any(w.lower().rstrip(".") in TITLE_CORE for w in words):
        return None  # "President Obama, known as ..." is about a person
    return " ".join(words)


def find_definitions(text: str) -> list[Definition]:
    """Short forms the text defines, first definition of each short form wins.

    A short form must abbreviate its long form (Schwartz & Hearst, and every
    content word's initial in order: ATACMS / Army Tactical Missile System); a
    capitalised word after "called", "known as", "dubbed" or "nicknamed" is
    taken as a nickname of the name before it.
    """
    found: dict[str, Definition] = {}
    has_paren = "(" in text
    for n, pattern in enumerate(_DEFINITION_PATTERNS):
        if n < 2 and not has_paren:
            continue
        for match in pattern.finditer(text):
            groups = match.groupdict()
            cue = (groups.get("cue") or "").split()
            for key in ("short", "short2"):
                short = groups.get(key)
                if not short or short in found:
                    continue
                acronym = sum(1 for c in short if c.isupper()) >= 2
                if not acronym and (not cue or cue[0] in ("or", "abbreviated")):
                    continue  # "Britain, or London": a list, not a name
                long = best_long_form(short, groups["long"])
                if long is not None and not _initials_fit(short, long):
                    long = None
                if long is not None:
                    long = _whole_initials(short, groups["long"], long)
                if (
                    long is None
                    and key == "short"
                    and cue
                    and cue[0] not in ("or", "abbreviated")
                    and not acronym  # initials must abbreviate: "the Ministry called NATO's"
                ):
                    long = _nickname(short, groups["long"])
                if long is None or long.lower().startswith(("the ", "a ")):
                    continue
                found[short] = Definition(short, long, match.start(), match.end())
    return sorted(found.values(), key=lambda d: d.start)


# ---- helpers -------------------------------------------------------------------
