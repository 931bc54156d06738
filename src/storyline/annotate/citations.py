"""Which media outlets an article cites, and how.

"according to The Washington Post", "Politico reports", "as POLITICO first
reported", "told Defense One", "in an interview with PBS Newshour", "per the
outlet", "Information ... contributed by Alex Horton of The Washington Post".

Citations are for outlets (newspapers, broadcasters, news agencies, newsletters),
not for people or officials: "according to U.S. officials" is left to the quote
extractor. A name counts as an outlet when

* its cue can only name a publication ("X reported", "as X first reported",
  "contributed by ... of X") and the name is a proper name that is not a person,
  a place or a government body; or
* it has a media word ("Post", "Times", "News", "Daily", "CNN" ...), or the article
  has already cited it as an outlet; or
* it is told something / interviewed ("told Defense One") and the model tags it
  as an organisation that is not a government body.

"the outlet", "the newspaper" and short names ("The Post") resolve to the outlet
named before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Citation
from .components import ExtractorComponent
from .mentions import doc_text, sentence_index, sentence_starts

_W = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&\-]*(?:/[A-Z]+)?(?:\.com)?)"
_NAME = rf"(?:[Tt]he\s+)?{_W}(?:\s+(?:(?:of|&)\s+)?(?:{_W}|\d+\b)){{0,5}}"
_N = rf"(?P<name>{_NAME})"
_ADV = r"(?:(?:first|previously|also|earlier|exclusively|originally|initially|recently)\s+)?"
_ANAPHOR = (
    r"(?P<ana>outlet|news\s+outlet|newspaper|paper|publication|network|broadcaster|news\s+agency"
    r"|agency|magazine|newsletter|website|site|daily|wire\s+service|channel|station)"
)

# (pattern, kind): strong cues name a publication; contact cues name someone spoken
# to; weak cues name any source and need more evidence that it is an outlet.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?:according\s+to|per|citing|speaking\s+to|spoke\s+to|spoke\s+with|told|said\s+to|(?:an?\s+)?interview\s+with)\s+the\s+{_ANAPHOR}\b"), "anaphor"),
    (re.compile(rf"\bas\s+{_N}\s+{_ADV}(?:has\s+|had\s+)?(?:reported|noted|revealed|wrote)\b"), "strong"),
    (re.compile(rf"{_N}\s+(?:(?:has|had|have)\s+)?{_ADV}(?:reported|reports|revealed|reveals|broke\s+the\s+news)\b"), "strong"),
    (re.compile(rf"\b(?:reported|reports)\s+{_N}(?=\s*[.;,]|\s*$)"), "strong"),
    (re.compile(rf"\b{_ADV}(?:reported|published|revealed)\s+(?:by|in)\s+{_N}"), "strong"),
    (re.compile(rf"\b(?:a|an|the)\s+(?:new\s+|recent\s+|separate\s+|earlier\s+)?(?:report|story|article|investigation|analysis|op-ed|editorial|column|piece|dispatch)\s+(?:published\s+)?(?:by|from|in|for)\s+{_N}"), "strong"),
    (re.compile(rf"{_N}[’']s\s+(?:own\s+)?(?:reporting|report|investigation|analysis)\b"), "strong"),
    (re.compile(rf"\bcontributed\s+by\s+[^.;\n]{{1,120}}?\s+of\s+{_N}"), "strong"),
    (re.compile(rf"{_N}\s+contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|article|story)"), "strong"),
    (re.compile(rf"(?:^|\n)\s*[A-Z][A-Za-z .,'\-]{{0,40}}\(\s*{_N}\s*\)\s*[-—–]"), "strong"),
    (re.compile(rf"\b(?:told|tells|telling)\s+{_N}"), "contact"),
    (re.compile(rf"\b(?:interview(?:ed)?\s+(?:with|on|by)|(?:spoke|speaking|talking|talked)\s+(?:to|with)|appearing\s+on|appearance\s+on|said\s+on)\s+{_N}"), "contact"),
    (re.compile(rf"\baccording\s+to\s+{_N}"), "weak"),
    (re.compile(rf"\b(?:per|citing|via|cited\s+by)\s+{_N}"), "weak"),
    (re.compile(rf"\bwrote\s+(?:in|for)\s+{_N}"), "weak"),
)  # fmt: skip

_MEDIA_WORDS = frozenset(
    """post times journal press daily wire newswire telegraph guardian herald tribune gazette
    magazine radio television tv network broadcasting broadcaster channel insider monitor
    chronicle observer economist reporter mail express globe courier inquirer dispatch bulletin
    digest media newspaper examiner sentinel register weekly newsletter reuters bloomberg
    associated agence ledger recorder advertiser statesman enquirer beacon""".split()
)
_BROADCASTERS = frozenset(
    "CNN BBC NPR PBS ABC CBS NBC MSNBC CNBC AP AFP UPI DPA ANSA EFE TASS RIA Reuters Bloomberg "
    "Xinhua Interfax Axios ITV DW VOA RFE/RL RTE CBC NHK".split()
)
# Heads of organisation names that are not publications.
_INSTITUTION_HEADS = frozenset(
    """pentagon kremlin house senate congress parliament committee council department ministry
    agency office bureau commission administration government cabinet army navy force forces
    command forum assembly court police party union alliance nato un state embassy institute
    university center centre foundation company corp inc corporation bank fund organization
    organisation group service services international watch brotherhood movement front league
    society association federation coalition authority board federal agencies hospital church
    club team institution program programme project initiative survey exchange""".split()
)
_NOT_NAMES = frozenset(
    """he she it they we i you this that these those there here officials official sources
    source people one some many but and however meanwhile reports report several analysts
    experts it's what who which media multimedia news press local state official witnesses
    police authorities""".split()
)
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()
)


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    name: str | None
    name_start: int
    name_end: int
    anaphor: str | None = None


def _clean_name(name: str, start: int) -> tuple[str, int, int]:
    end = start + len(name)
    for tail in ("’s", "'s"):
        if name.endswith(tail):
            name, end = name[:-2], end - 2
    # "told Fox News Friday": a day or month after the name is not part of it.
    words = name.split(" ")
    while len(words) > 1 and words[-1].lower().strip(".") in _TIME_WORDS:
        end -= len(words.pop()) + 1
    name = " ".join(words)
    lead = re.match(r"the\s+", name)  # lowercase "the" is not part of the name
    if lead:
        name, start = name[lead.end() :], start + lead.end()
    return name, start, end


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", name) if w]


def _key(name: str) -> str:
    words = [w.lower().strip(".") for w in _words(name)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_media_name(name: str) -> bool:
    """Has a word that only publications carry ("Post", "Times", "News", "CNN" ...)."""
    for word in _words(name):
        lower = word.lower()
        if lower in _MEDIA_WORDS or "news" in lower or word in _BROADCASTERS:
            return True
        if lower.endswith(".com"):
            return True
    return False


def _head(name: str) -> str:
    words = [w.lower() for w in _words(name)]
    for i, w in enumerate(words):
        if i and w in ("of", "for", "on"):
            return words[i - 1]
    return words[-1] if words else ""


class _DocInfo:
    """Token facts about character spans, computed once per doc."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.idx = [t.idx for t in doc]
        self.surnames = {
            ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
        }

    def tokens(self, start: int, end: int) -> list[int]:
        from bisect import bisect_left, bisect_right

        lo = max(bisect_right(self.idx, start) - 1, 0)
        hi = bisect_left(self.idx, end)
        return [i for i in range(lo, hi) if self.idx[i] + len(self.doc[i]) > start]

    def labels(self, start: int, end: int) -> set[str]:
        return {self.doc[i].ent_type_ for i in self.tokens(start, end)} - {""}

    def next_is_common_noun(self, end: int) -> bool:
        toks = self.tokens(end, end + 1)
        text = self.text
        if not toks or end >= len(text) or not text[end].isspace():
            return False
        i = toks[-1] if self.idx[toks[-1]] >= end else toks[-1] + 1
        if i >= len(self.doc):
            return False
        tok = self.doc[i]
        return tok.is_lower and tok.pos_ in ("NOUN", "PROPN", "ADJ")

    def proper(self, start: int, end: int) -> bool:
        toks = self.tokens(start, end)
        return bool(toks) and any(
            self.doc[i].pos_ == "PROPN" or (self.doc[i].is_upper and len(self.doc[i]) > 1)
            for i in toks
        )


def _plausible(name: str) -> bool:
    words = _words(name)
    if not words:
        return False
    first = words[0].lower()
    if first == "the" and len(words) > 1:
        first = words[1].lower()
    return first not in _NOT_NAMES and not all(w.lower().strip(".") in _TIME_WORDS for w in words)


# Patterns that start with the name are slow to scan for: run them only in a
# window before their cue word.
_ANCHORS = {
    2: re.compile(r"\b(?:reported|reports|revealed|reveals|broke\s+the\s+news)\b"),
    6: re.compile(r"[’']s\s+(?:own\s+)?(?:reporting|report|investigation|analysis)\b"),
    8: re.compile(r"\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|article|story)"),
}
_WINDOW = 160


def _matches(n: int, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    anchor = _ANCHORS.get(n)
    if anchor is None:
        yield from pattern.finditer(text)
        return
    seen: set[tuple[int, int]] = set()
    for cue in anchor.finditer(text):
        lo = max(cue.start() - _WINDOW, 0)
        for m in pattern.finditer(text, lo, cue.end()):
            if m.end() == cue.end() and (m.start(), m.end()) not in seen:
                seen.add((m.start(), m.end()))
                yield m


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for n, (pattern, kind) in enumerate(_PATTERNS):
        for m in _matches(n, pattern, text):
            if kind == "anaphor":
                found.append(_Candidate(kind, m.start(), m.end(), None, -1, -1, m.group("ana")))
                continue
            name, ns, ne = _clean_name(m.group("name"), m.start("name"))
            if not _plausible(name):
                continue
            start = m.start() + (1 if text[m.start()] == "\n" else 0)
            while start < ns and text[start].isspace():
                start += 1
            found.append(_Candidate(kind, start, m.end(), name, ns, ne))
    return found


def extract_citations(doc: Doc) -> list[Citation]:
    """Outlet citations in one parsed article, in text order (see module docstring)."""
    text = doc_text(doc)
    candidates = _candidates(text)
    if not candidates:
        return []
    info = _DocInfo(doc, text)
    # Keep the longest phrase for each cited name span.
    best: dict[tuple[int, int], _Candidate] = {}
    rank = {"strong": 3, "contact": 2, "weak": 1, "anaphor": 0}
    for c in candidates:
        key = (c.name_start, c.name_end) if c.name is not None else (c.start, c.end)
        old = best.get(key)
        if old is None or (rank[c.kind], c.end - c.start) > (rank[old.kind], old.end - old.start):
            best[key] = c
    ordered = sorted(best.values(), key=lambda c: (c.start, c.end))

    def verdict(c: _Candidate, established: set[str]) -> bool:
        assert c.name is not None
        if is_media_name(c.name):
            return True
        key = _key(c.name)
        if key in established or any(_is_short_for(key, full) for full in established):
            return True
        labels = info.labels(c.name_start, c.name_end)
        head = _head(c.name)
        if head in _INSTITUTION_HEADS or labels & {"GPE", "NORP", "LOC", "DATE", "CARDINAL"}:
            return False
        if info.next_is_common_noun(c.name_end):
            return False  # "U.S. officials", "Pentagon spokesperson"
        words = [w for w in _words(c.name) if w.lower() != "the"]
        person = "PERSON" in labels and (len(words) >= 2 or words[-1].lower() in info.surnames)
        if c.kind == "strong":
            return not person and info.proper(c.name_start, c.name_end)
        if c.kind == "contact":
            is_acr = len(words) == 1 and words[0].isupper()
            return "ORG" in labels and not person and not is_acr
        return False

    established: set[str] = set()
    previous: _Candidate | None = None
    for c in ordered:
        if c.kind == "strong" and c.name is not None and verdict(c, set()):
            established.add(_key(c.name))
        elif c.name is not None and is_media_name(c.name):
            established.add(_key(c.name))
        elif c.kind == "anaphor" and previous is not None and c.start - previous.end < 600:
            # "according to X ... told the newspaper": X is the newspaper.
            as_strong = _Candidate("strong", *_fields(previous))
            if verdict(as_strong, set()):
                established.add(_key(previous.name or ""))
        if c.name is not None:
            previous = c

    starts = sentence_starts(doc)
    citations: list[Citation] = []
    full_names: list[str] = []  # outlets cited so far, as written, in order
    for c in ordered:
        if c.kind == "anaphor":
            if not full_names:
                continue
            cites = full_names[-1]
        else:
            if not verdict(c, established):
                continue
            assert c.name is not None
            cites = _resolve(c.name, full_names, established, ordered)
        if cites not in full_names:
            full_names.append(cites)
        else:  # most recent last, for "the outlet"
            full_names.remove(cites)
            full_names.append(cites)
        citations.append(
            Citation(
                cites=cites,
                cue=text[c.start : c.end],
                sentence=sentence_index(starts, c.start),
                start=c.start,
                end=c.end,
            )
        )
    return citations


def _fields(c: _Candidate) -> tuple[int, int, str | None, int, int]:
    return c.start, c.end, c.name, c.name_start, c.name_end


def _is_short_for(short: str, full: str) -> bool:
    """``post`` is short for ``washington post``: the last words of the full name."""
    s, f = short.split(), full.split()
    return 0 < len(s) < len(f) and f[-len(s) :] == s


def _resolve(name: str, seen: list[str], established: set[str], ordered: list[_Candidate]) -> str:
    key = _key(name)
    for full in reversed(seen):
        if _is_short_for(key, _key(full)):
            return full
    # Named in full only later in the article: use that spelling.
    for c in ordered:
        if c.name is not None and _key(c.name) in established and _is_short_for(key, _key(c.name)):
            return c.name
    return name


# ---- spaCy component -------------------------------------------------------------


@Language.factory("storyline_citations_v1")
def make_citations(nlp: Language, name: str) -> ExtractorComponent:
    return ExtractorComponent(name, "citations", extract_citations, "E232")
