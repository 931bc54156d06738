"""Entity mentions per article: spaCy's NER, cleaned, plus the domain terms it misses.

Three sources, in order of trust:

1. acronym definitions the article makes itself ("Army Tactical Missile System,
   known as ATACMS", "Foo Bar Baz (FBB)"): every later use of either form is a
   mention, and the short form carries the long one as ``expansion``;
2. spaCy's named entities, cleaned (no leading "the", no possessive, titles such
   as "President" or "Secretary of State" moved to ``EntityMention.title``);
3. capitalised multi-word phrases the article repeats, and unlabelled all-caps
   acronyms, as ``TERM`` (weapon systems, programmes, laws the model misses).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..models import EntityMention
from .components import ExtractorComponent

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)

# Words that make up a title in front of a name; one of TITLE_CORE must be present.
TITLE_CORE = frozenset(
    """president president-elect vice-president secretary secretary-general minister premier
    chancellor gen general lt col colonel maj capt captain sgt sergeant adm admiral cmdr
    commander brig sen sens senator senators rep reps representative gov governor mayor dr mr
    mrs ms sir dame lord judge justice king queen prince princess pope ambassador chairman
    chairwoman chair chairperson speaker spokesman spokeswoman spokesperson envoy adviser
    advisor director commissioner prosecutor sheikh ayatollah rev bishop archbishop cardinal
    emir sultan leader chief ceo undersecretary marshal whip""".split()
)
TITLE_MODIFIERS = frozenset(
    """foreign defense defence home interior finance treasury state prime vice deputy assistant
    national security press attorney commerce energy education labor labour transportation
    agriculture homeland economy economic trade health army navy air force joint chiefs staff
    majority minority senate house of the elect - first executive former acting then ranking
    committee""".split()
)
_ALL_TITLE = TITLE_CORE | TITLE_MODIFIERS

# A person's name followed by one of these is an organisation ("the Biden administration").
_PERSON_ORG_HEADS = frozenset({"administration", "government", "campaign", "regime", "cabinet"})

# The head of a long form decides its label when spaCy gives none we trust.
_ORG_HEADS = frozenset(
    """organization organisation agency committee council department ministry bureau office
    commission authority administration association institute institution university college
    company corporation corp inc group party union alliance bank fund foundation service services
    force forces army navy command court board center centre network federation league society
    coalition front movement brigade battalion regiment division guard police parliament
    assembly senate congress cabinet government directorate secretariat reserve""".split()
)
_LAW_HEADS = frozenset(
    "act law treaty convention agreement accord bill resolution protocol directive regulation "
    "charter pact".split()
)
_CONNECT = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "del", "&"})
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_PERSON_KEEP = frozenset({"GPE", "LOC", "NORP", "PERSON"})

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
    re.compile(
        rf"(?P<long>{_LONG}),?\s+{_NAMED}\s+(?:the\s+)?(?P<short>{_ALIAS})"
        rf"(?:,?\s+(?:or|for|short\s+for)\s+(?:the\s+)?(?P<short2>{_ACR}))?\b"
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
        if word.lower() in _CONNECT or word.lower() in ("in", "to"):
            continue
        pos = letters.find(word[0].lower(), pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _nickname(alias: str, long: str) -> str | None:
    """The long form a cue such as "called the Volt" names, without initials to check."""
    words = long.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or alias.lower() in _ALL_TITLE or alias.lower() in _CONNECT:
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
                if long is None and key == "short" and cue and cue[0] not in ("or", "abbreviated"):
                    long = _nickname(short, groups["long"])
                if long is None or long.lower().startswith(("the ", "a ")):
                    continue
                found[short] = Definition(short, long, match.start(), match.end())
    return sorted(found.values(), key=lambda d: d.start)


# ---- helpers -------------------------------------------------------------------


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data``: spaCy rebuilds it from the tokens on every access."""
    cached = doc.user_data.get("storyline_text")
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if isinstance(cached, str) and len(cached) == size:
        return cached
    text = doc.text
    doc.user_data["storyline_text"] = text
    return text


def sentence_starts(doc: Doc) -> list[int]:
    """Start offsets of the sentences (one sentence when the doc has no boundaries)."""
    if len(doc) and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [s.start_char for s in doc.sents]
    return [0]


def sentence_index(starts: list[int], char: int) -> int:
    return max(bisect_right(starts, char) - 1, 0)


def _word(token: Token) -> str:
    return token.lower_.rstrip(".")


def _is_cap(token: Token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _no_alnum(token: Token) -> bool:
    # Also bracket tokens of pre-tokenized text ("-RRB-", "--").
    text = token.text
    return not any(c.isalnum() for c in text) or (len(text) > 1 and text[0] == "-" == text[-1])


def _head_word(long: str) -> str:
    words = long.split()
    for i, w in enumerate(words):
        if i and w.lower() in ("of", "for"):
            return words[i - 1].lower()
    return words[-1].lower()


def label_for_long_form(long: str) -> str:
    head = _head_word(long)
    if head in _ORG_HEADS or head.rstrip("s") in _ORG_HEADS:
        return "ORG"
    if head in _LAW_HEADS:
        return "LAW"
    return "TERM"


@dataclass
class _Draft:
    start: int
    end: int
    label: str
    expansion: str | None = None
    title: str | None = None


def _title_before(doc: Doc, start: int) -> tuple[int, str] | None:
    """The title phrase right before token ``start``: (first token index, text)."""
    j = start - 1
    while j >= 0 and start - j <= 6 and _word(doc[j]) in _ALL_TITLE:
        j -= 1
    first = j + 1
    while first < start and doc[first].lower_ in ("of", "the", "-"):
        first += 1
    if first >= start or not any(_word(doc[k]) in TITLE_CORE for k in range(first, start)):
        return None
    return first, doc[first:start].text


def _clean_ent(doc: Doc, text: str, ent: Span) -> _Draft | None:
    start, end, label = ent.start, ent.end, ent.label_
    title: str | None = None
    while start < end and (doc[start].lower_ in ("the", "a", "an") or _no_alnum(doc[start])):
        start += 1
    if label == "PERSON":
        # "Gen. Mark Milley" as one span: the title is a hint, not the name.
        first = start
        while start < end - 1 and _word(doc[start]) in _ALL_TITLE:
            start += 1
        # "Saudi King Abdullah": everything up to the last title word is the title.
        cores = [k for k in range(start, end - 1) if _word(doc[k]) in TITLE_CORE]
        if cores:
            start = cores[-1] + 1
        if start > first and any(_word(doc[k]) in TITLE_CORE for k in range(first, start)):
            title = doc[first:start].text
        else:
            start = first
        # Grow left over first names the model left out ("Minister Rustem [Umerov]").
        for _ in range(2):
            prev = doc[start - 1] if start > 0 else None
            if (
                prev is None
                or prev.ent_iob_ != "O"
                or not prev.is_title
                or not prev.is_alpha
                or prev.pos_ != "PROPN"
                or _word(prev) in _ALL_TITLE
            ):
                break
            start -= 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE_TOKENS
        or _no_alnum(doc[end - 1])
        or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET", "PART")
    ):
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    if not any(c.isalpha() for c in span.text) or span.text.islower():
        return None
    words = [_word(t) for t in span]
    if all(w in _ALL_TITLE for w in words):
        # "State" in "Secretary of State", "Defence" in "Defence Minister".
        nxt = _word(doc[end]) if end < len(doc) else ""
        before = [_word(t) for t in doc[max(start - 2, 0) : start]]
        if nxt in TITLE_CORE or (before[-1:] == ["of"] and before[0] in TITLE_CORE):
            return None
    if label == "PERSON" and title is None:
        found = _title_before(doc, start)
        if found is not None:
            title = found[1]
    start_char, end_char = span.start_char, span.end_char
    tail = text[end_char - 2 : end_char]
    if tail in ("'s", "’s") and end_char - 2 > start_char:
        end_char -= 2
    if (
        label in ("PERSON", "ORG", "NORP")
        and end < len(doc)
        and doc[end].lower_ in _PERSON_ORG_HEADS
    ):
        # "the Biden administration" is an organisation, not the person.
        end_char = doc[end].idx + len(doc[end])
        label = "ORG"
    elif label == "PERSON" and len(span) == 1 and span[0].is_upper and span[0].is_alpha:
        # Names are not written in capitals; an all-caps "person" is an acronym.
        if len(span[0]) >= 3:
            label = "TERM"
    elif (
        label == "PERSON"
        and len(span) == 1
        and start > 0
        and doc[start - 1].text == "the"
        and title is None
    ):
        # "the Ledger reported": people take no article; a one-word name after a
        # lower-case "the" is a publication or an organisation's short name.
        label = "ORG"
    return _Draft(start_char, end_char, label, title=title)


def _occurrences(text: str, form: str) -> Iterable[tuple[int, int]]:
    base = form
    if form.endswith("s") and not form.endswith("ss") and len(form.split()) > 1:
        base = form[:-1]
    pattern = re.compile(rf"(?<![\w\-]){re.escape(base)}(?:s|es)?(?![\w\-])")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


class _Spans:
    """Char spans, added one by one, and whether one overlaps ``[start, end)``: the answer of
    ``any(d.start < end and start < d.end for d in spans)`` without a scan of them all
    (a definition's short form repeated thousands of times made that quadratic). A
    Fenwick tree keeps, for each offset, the furthest end of the spans starting there
    or before."""

    def __init__(self, size: int, spans: Iterable[_Draft] = ()) -> None:
        self.tree = [-1] * (size + 2)
        for d in spans:
            self.add(d.start, d.end)

    def add(self, start: int, end: int) -> None:
        i = start + 1
        while i < len(self.tree):
            self.tree[i] = max(self.tree[i], end)
            i += i & -i

    def overlaps(self, start: int, end: int) -> bool:
        i, furthest = min(end, len(self.tree) - 1), -1  # the spans starting before ``end``
        while i > 0:
            furthest = max(furthest, self.tree[i])
            i -= i & -i
        return furthest > start


def _definition_drafts(text: str, spacy_drafts: list[_Draft]) -> list[_Draft]:
    drafts: list[_Draft] = []
    spacy_labels = {text[d.start : d.end]: d.label for d in spacy_drafts}
    definitions = find_definitions(text)
    taken = _Spans(len(text) if definitions else 0)
    for definition in definitions:
        label = spacy_labels.get(definition.long)
        if label not in _PERSON_KEEP or label == "PERSON":
            label = label_for_long_form(definition.long)
        for start, end in _occurrences(text, definition.long):
            drafts.append(_Draft(start, end, label))
            taken.add(start, end)
        for start, end in _occurrences(text, definition.short):
            if not taken.overlaps(start, end):
                drafts.append(_Draft(start, end, label, expansion=definition.long))
                taken.add(start, end)
    return drafts


def _split_at_titles(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Splits a capitalised run at titles: "Harbor Authority President Ada Quill" is two."""
    parts: list[tuple[int, int]] = []
    first = start
    for k in range(start, end + 1):
        if k == end or _word(doc[k]) in TITLE_CORE:
            a, b = first, k
            while a < b and _word(doc[a]) in _ALL_TITLE:
                a += 1
            while b > a and (_word(doc[b - 1]) in _ALL_TITLE or doc[b - 1].lower_ in _CONNECT):
                b -= 1
            if b - a >= 2:
                parts.append((a, b))
            first = k + 1
    return parts


def _term_drafts(doc: Doc, text: str, taken: list[_Draft]) -> list[_Draft]:
    """Repeated capitalised phrases and stray all-caps acronyms, as TERM."""
    runs: list[tuple[int, int]] = []
    acronyms: list[int] = []
    n = len(doc)
    sent_caps: dict[int, list[int]] = {}
    sent_id = 0
    i = 0
    while i < n:
        token = doc[i]
        if token.is_sent_start and i:
            sent_id += 1
        counts = sent_caps.setdefault(sent_id, [0, 0])
        if token.is_alpha:
            counts[1] += 1
        if not _is_cap(token):
            i += 1
            continue
        counts[0] += 1
        j = i + 1
        while j < n:
            nxt = doc[j]
            if nxt.is_sent_start:
                break
            if _is_cap(nxt):
                counts[0] += 1
                counts[1] += 1
                j += 1
            elif nxt.lower_ in _CONNECT and j + 1 < n and _is_cap(doc[j + 1]):
                j += 1
            else:
                break
        while i < j and (
            doc[i].is_stop or _word(doc[i]) in _ALL_TITLE or doc[i].lower_ in _TIME_WORDS
        ):
            i += 1
        end = j
        while end > i and (doc[end - 1].lower_ in _CONNECT or doc[end - 1].lower_ in _TIME_WORDS):
            end -= 1
        if end - i >= 2 and end - i <= 6:
            runs.extend(_split_at_titles(doc, i, end))
        elif end - i == 1 and doc[i].is_upper and 3 <= len(doc[i]) <= 8 and doc[i].ent_iob_ == "O":
            # Shouted words ("STOP", "MONEY") are not names: the tagger says so.
            if not doc[i].is_stop and doc[i].pos_ == "PROPN":
                acronyms.append(i)
        i = j if j > i else i + 1
    shouty = {s for s, (caps, words) in sent_caps.items() if words >= 4 and caps > 0.6 * words}
    sent_of: dict[int, int] = {}
    if shouty:
        sid = 0
        for tok in doc:
            if tok.is_sent_start and tok.i:
                sid += 1
            sent_of[tok.i] = sid
    known = {text[d.start : d.end].lower(): d.label for d in taken}
    occupied = _Spans(len(text), taken)
    keys = Counter(doc[a:b].text for a, b in runs)
    drafts: list[_Draft] = []
    for a, b in runs:
        span = doc[a:b]
        if keys[span.text] < 2 or sent_of.get(a, -1) in shouty:
            continue
        if all(_word(t) in _ALL_TITLE for t in span):
            continue
        if occupied.overlaps(span.start_char, span.end_char):
            continue
        label = known.get(span.text.lower()) or label_for_long_form(span.text)
        drafts.append(_Draft(span.start_char, span.end_char, label))
    for a in acronyms:
        token = doc[a]
        if sent_of.get(a, -1) in shouty or occupied.overlaps(token.idx, token.idx + len(token)):
            continue
        label = known.get(token.lower_, "TERM")
        drafts.append(_Draft(token.idx, token.idx + len(token), label))
    return drafts


def extract_mentions(doc: Doc) -> list[EntityMention]:
    """Cleaned entity mentions of one parsed article, in text order, never overlapping."""
    text = doc_text(doc)
    spacy_drafts: list[_Draft] = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            draft = _clean_ent(doc, text, ent)
            if draft is not None:
                spacy_drafts.append(draft)
    defined = _definition_drafts(text, spacy_drafts)
    drafts = list(defined)
    by_definition = _Spans(len(text), defined)
    for draft in spacy_drafts:
        if not by_definition.overlaps(draft.start, draft.end):
            drafts.append(draft)
    drafts.extend(_term_drafts(doc, text, drafts))
    drafts.sort(key=lambda d: (d.start, -d.end))
    starts = sentence_starts(doc)
    mentions: list[EntityMention] = []
    last_end = -1
    for d in drafts:
        if d.start < last_end:
            continue
        last_end = d.end
        mentions.append(
            EntityMention(
                text=text[d.start : d.end],
                label=d.label,
                start=d.start,
                end=d.end,
                sentence=sentence_index(starts, d.start),
                expansion=d.expansion,
                title=d.title,
            )
        )
    return mentions


# ---- spaCy component -------------------------------------------------------------


@Language.factory("storyline_mentions_v1")
def make_mentions(nlp: Language, name: str) -> ExtractorComponent:
    return ExtractorComponent(name, "mentions", extract_mentions, "E231")
