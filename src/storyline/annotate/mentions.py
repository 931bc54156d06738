"""Entity mentions per article: spaCy's NER, cleaned, plus the domain terms it misses.

Three sources, in order of trust:

1. acronym definitions the article makes itself ("Army Tactical Missile System,
   known as ATACMS", "Foo Bar Baz (FBB)"): every later use of either form is a
   mention, and the short form carries the long one as ``expansion``;
2. spaCy's named entities, cleaned (no leading "the", no possessive, titles such
   as "President" or "Secretary of State" moved to ``EntityMention.title``);
3. capitalised multi-word phrases the article repeats, and unlabelled all-caps
   acronyms, as ``TERM`` (weapon systems, programmes, laws the model misses).

Then the article's layout has its say: the agency credited in a wire dateline is no
mention (and the dateline's place no person), and a transcript's speaker labels are
people.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..models import EntityMention
from ..text.credits import credit_free_start
from ..text.datelines import wire_datelines
from ..text.titles import surname_index
from .components import ExtractorComponent
from .definitions import ALL_TITLE as _ALL_TITLE
from .definitions import CONNECT as _CONNECT
from .definitions import TITLE_CORE, find_definitions
from .name_kinds import (
    described_as,
    first_lady,
    label_for_long_form,
    place_context,
    title_before,
    titled_person,
)
from .name_kinds import is_cap as _is_cap
from .name_kinds import word as _word
from .quotes.speakers import HUMAN_NOUNS, UNNAMED
from .quotes.transcript import ROLE_LABELS, STAGE_DIRECTIONS, label_names, transcript_labels

__all__ = [
    "ENTITY_LABELS",
    "GROUP_NOUNS",
    "TITLE_CORE",
    "doc_text",
    "extract_mentions",
    "sentence_index",
    "sentence_starts",
]

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)


# A person's name followed by one of these is an organisation ("the Biden administration").
_PERSON_ORG_HEADS = frozenset({"administration", "government", "campaign", "regime", "cabinet"})

# A clock time before a capitalised word makes it a time zone ("2153 GMT", "1000 EST",
# "9:30 PST"), and so does "All times GMT": a label of the clock, not an actor.
_CLOCK_RX = re.compile(r"(?:[01]?\d|2[0-3])[:.]?[0-5]\d(?:[ap]\.?m\.?)?", re.IGNORECASE)
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_CLOCK_WORDS = frozenset({"times", "midnight", "noon", "midday"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_PERSON_KEEP = frozenset({"GPE", "LOC", "NORP", "PERSON"})
_SIDES = frozenset({"pro", "anti"})  # "pro-Saddam": a side


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


def _no_alnum(token: Token) -> bool:
    # Also bracket tokens of pre-tokenized text ("-RRB-", "--").
    text = token.text
    return not any(c.isalnum() for c in text) or (len(text) > 1 and text[0] == "-" == text[-1])


@dataclass
class _Draft:
    start: int
    end: int
    label: str
    expansion: str | None = None
    title: str | None = None
    # The text itself says what the name is ("the charity Oxfam"): the label to give the
    # article's other mentions of the same name.
    described: bool = False


def _clock_zone(doc: Doc, start: int, end: int) -> bool:
    """A one-word name in capitals after a clock time ("2153 GMT", "4:59 pm BST",
    "midnight GMT", "local time"), in brackets after a day ("on Sunday (GMT)"), or in
    "All times GMT": a time zone."""
    if end - start != 1 or start == 0 or not doc[start].is_upper:
        return False
    k = start - 1
    bracketed = doc[k].text in ("(", "-LRB-") and k > 0
    if bracketed:
        k -= 1
    prev = doc[k]
    if prev.lower_.replace(".", "") in ("am", "pm") and k > 0:
        prev = doc[k - 1]  # "4:59 pm GMT"
    if _CLOCK_RX.fullmatch(prev.text) or prev.lower_ in _CLOCK_WORDS:
        return True
    if prev.lower_ == "time" and k > 0 and doc[k - 1].lower_ == "local":
        return True
    return bracketed and prev.lower_ in _TIME_WORDS


def _untagged_words_before(doc: Doc, start: int) -> int:
    """Where a name starts when the model tagged only its last word(s): "since the
    Deepwater [Horizon] rig", "BP's Deepwater [Horizon]" (a person's first names have
    their own rule). At most two capitalised proper nouns the model left untagged, and
    only after a lower-case word, an article or a possessive: a title-case headline
    ("Oil Spill Hits [Louisiana]") or a sentence's first word is not grown over."""
    k = start
    while k > 0 and start - k < 2:
        prev = doc[k - 1]
        if (
            prev.ent_iob_ != "O"
            or not prev.is_title
            or not prev.is_alpha
            or prev.pos_ != "PROPN"
            or prev.is_stop
            or _word(prev) in _ALL_TITLE
            or prev.lower_ in _TIME_WORDS
        ):
            break
        k -= 1
    if k == start or k == 0:
        return start
    before = doc[k - 1]
    if before.is_lower or before.lower_ in ("the", "a", "an") or before.text in _POSSESSIVE_TOKENS:
        return k
    return start


# Common nouns for groups of people a sentence may open with, which the tagger then
# takes for a people or a place ("Rebels" GPE, "Witnesses" NORP); besides the nouns of
# anonymous sources (``HUMAN_NOUNS``). "Government" alone is whichever government the
# sentence is about (British style capitalises it): as one name it would make the
# governments of every country in a pile one actor.
GROUP_NOUNS = HUMAN_NOUNS | frozenset(
    """rebels troops soldiers police militants insurgents demonstrators authorities doctors
    villagers fighters forces refugees students parents teachers nurses farmers fishermen
    investors traders shareholders survivors victims relatives neighbours neighbors
    opponents residents gunmen loyalists protestors government governments administration
    ministry military""".split()
)


def _group_noun(token: Token) -> bool:
    return token.is_title and token.lower_ in GROUP_NOUNS


def _clean_ent(doc: Doc, text: str, ent: Span, person_ends: Set[str]) -> _Draft | None:
    """``person_ends``: the surnames of the doc's full names (PERSON entities of two words
    or more: a one-word "person" is too often a tagging slip, "Bible")."""
    start, end, label = ent.start, ent.end, ent.label_
    title: str | None = None
    while start < end and (doc[start].lower_ in ("the", "a", "an") or _no_alnum(doc[start])):
        start += 1
    while start < end - 1 and _clock_zone(doc, start, start + 1):
        start += 1  # "1:37 pm BST MISRATA, Libya": a stamp's zone run into a dateline
    if end - start > 2 and doc[start].lower_ in _SIDES and doc[start + 1].text == "-":
        # "pro-Saddam fighters", "anti-Gaddafi rebels": a side, not the person (and
        # "pro" is no first name the bare "Saddam" should follow)
        label = "NORP"
    if titled_person(doc, start, end, label, person_ends):
        label = "PERSON"
    if label != "PERSON" and start == ent.start:
        start = _untagged_words_before(doc, start)
    if label == "PERSON":
        # "Gen. Mark Milley" as one span: the title is a hint, not the name.
        first = start
        while start < end - 1 and _word(doc[start]) in _ALL_TITLE:
            start += 1
        if start < end - 1 and first_lady(doc, start):
            # "First Lady Michelle Obama": a post, as "Lady" alone is not ("Lady Gaga")
            title = "First Lady" if start == first else doc[first : start + 1].text
            start += 1
            first = start
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
                or first_lady(doc, start - 1)
            ):
                break
            start -= 1
        # "Stephen Rae of GlaxoSmithKline": a full name, then where the person works
        cut = next((k for k in range(start + 2, end - 1) if doc[k].lower_ == "of"), None)
        if cut is not None:
            end = cut
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
    if end - start == 1 and _group_noun(doc[start]):
        # "Rebels said", "Witnesses told": a capital from the sentence (or from a headline
        # run into it, "... rape claim Rebels take back"), no name
        return None
    if _clock_zone(doc, start, end):
        return None
    words = [_word(t) for t in span]
    if span.text.isupper() and (
        " ".join(words) in STAGE_DIRECTIONS or (len(words) > 1 and words[-1] in ROLE_LABELS)
    ):
        # a transcript's "(INAUDIBLE)", "END VIDEO CLIP", "UNIDENTIFIED MALE" or a
        # speaker's role line "CNN INTERNATIONAL CORRESPONDENT": no one's name
        return None
    if all(w in _ALL_TITLE for w in words):
        # "State" in "Secretary of State", "Defence" in "Defence Minister".
        nxt = _word(doc[end]) if end < len(doc) else ""
        before = [_word(t) for t in doc[max(start - 2, 0) : start]]
        if nxt in TITLE_CORE or (before[-1:] == ["of"] and before[0] in TITLE_CORE):
            return None
    if label == "PERSON" and title is None:
        found = title_before(doc, start)
        if found is not None:
            title = found[1]
    described = described_as(doc, start, end) if title is None else None
    if described is not None:
        label = described
    elif title is None and place_context(doc, start, end):
        # this mention only: one "present in Dick Cheney?" must not make a place of
        # every Cheney in the article (what the text says outright spreads, this not)
        label = "GPE"
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
    return _Draft(start_char, end_char, label, title=title, described=label == described)


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
            if not doc[i].is_stop and doc[i].pos_ == "PROPN" and not _clock_zone(doc, i, i + 1):
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


def _spread_descriptions(text: str, drafts: list[_Draft]) -> None:
    """Give every mention of a name the label the article's own words give it once
    ("the charity Oxfam" ... "Oxfam's warehouse"): the tagger reads each mention
    alone and splits one name over several labels. A name described two ways is left
    as tagged; a mention with a title stays a person's."""
    said: dict[str, set[str]] = {}
    for d in drafts:
        if d.described:
            said.setdefault(text[d.start : d.end], set()).add(d.label)
    for d in drafts:
        labels = said.get(text[d.start : d.end])
        if labels and len(labels) == 1 and d.title is None and d.expansion is None:
            d.label = next(iter(labels))


_BRACKET = re.compile(r"\(|-LRB-")


def _dateline_mentions(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """The mentions of a wire dateline ("MISRATA, Libya (Reuters) -"): its place is no
    person or term, whatever the tagger read in capitals ("MISRATA" PERSON, 858 times
    in libya), and the agency credited there is dropped: it is the outlet's byline, not an
    actor of the story (h1n1: 162 of Reuters' 243 mentions), and the outlet is the
    article's own field."""
    datelines = []
    for start, end in wire_datelines(text):
        bracket = _BRACKET.search(text, start, end)
        datelines.append((start, bracket.start() if bracket else start, end))
    if not datelines:
        return drafts
    kept = []
    for d in drafts:
        where = next(((a, b, c) for a, b, c in datelines if a <= d.start and d.end <= c), None)
        if where is not None and d.start >= where[1]:
            continue
        if where is not None and d.label not in ("GPE", "LOC", "FAC", "ORG"):
            d.label = "GPE"  # an ORG may be right: "UNITED NATIONS (Reuters) -"
        kept.append(d)
    return kept


def _without_credits(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Drafts with a picture's credit off them, or gone (``credit_free_start``)."""
    kept = []
    for d in drafts:
        start = credit_free_start(text, d.start, d.end)
        if start is not None:
            d.start = start
            kept.append(d)
    return kept


def _transcript_speakers(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """A transcript's speaker label opening a line ("KURTZ: Well, ...") is a person,
    though a name in capitals is otherwise read as an acronym (in place); a label that
    names nobody ("UNIDENTIFIED FEMALE:") is no mention. The name of a label with a
    role ("IVAN WATSON, CNN CORRESPONDENT:") is a person too, where the tagger found
    only the employer in the role."""
    labels = transcript_labels(text)
    if not labels:
        return drafts
    taken = _Spans(len(text), drafts)
    for a, b in label_names(text):
        if text[a:b].split()[0].casefold() in UNNAMED:
            continue
        same = [d for d in drafts if (d.start, d.end) == (a, b)]
        if same:
            same[0].label = "PERSON"
        elif not taken.overlaps(a, b):
            drafts = [*drafts, _Draft(a, b, "PERSON")]
    kept = []
    for d in drafts:
        surface = text[d.start : d.end]
        if surface in labels and surface.split()[0].casefold() in UNNAMED:
            continue
        if (
            surface in labels
            and text.startswith(":", d.end)
            and text[text.rfind("\n", 0, d.start) + 1 : d.start].strip('"\u201c ') == ""
        ):
            d.label = "PERSON"
        kept.append(d)
    return kept


def extract_mentions(doc: Doc) -> list[EntityMention]:
    """Cleaned entity mentions of one parsed article, in text order, never overlapping."""
    text = doc_text(doc)
    spacy_drafts: list[_Draft] = []
    ents = doc.ents
    person_ends = {
        ent[surname_index([t.text for t in ent])].text
        for ent in ents
        if ent.label_ == "PERSON" and len(ent) > 1
    }
    for ent in ents:
        if ent.label_ in ENTITY_LABELS:
            draft = _clean_ent(doc, text, ent, person_ends)
            if draft is not None:
                spacy_drafts.append(draft)
    defined = _definition_drafts(text, spacy_drafts)
    drafts = list(defined)
    by_definition = _Spans(len(text), defined)
    for draft in spacy_drafts:
        if not by_definition.overlaps(draft.start, draft.end):
            drafts.append(draft)
    drafts.extend(_term_drafts(doc, text, drafts))
    _spread_descriptions(text, drafts)
    drafts = _dateline_mentions(text, drafts)
    drafts = _transcript_speakers(text, _without_credits(text, drafts))
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
