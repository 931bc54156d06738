"""Speakers read off the surface when the small model's parse has lost them.

``"...," said Edward Leamer, an economist`` and ``Brendan Buck, a spokesman for
Ryan, told POLITICO``: en_core_web_sm often makes the named speaker the subject
of the next clause, an adverb, or an apposition of an earlier noun, and the
speech verb is left without a subject. These rules take the name from where news
style puts it (next to the closing quotation mark, right after the cue, or at the
head of the clause), only when the words there look like a name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .cues import SPEECH_VERBS
from .direct import QuoteSpan
from .lookup import Overlaps
from .spans import Attribution, token_at, trim_tokens

# Tags that end a speaker read off the surface: a finite verb or a preposition starts
# the rest of the sentence ("said Skelly, explaining", "said Smith at a rally").
_NOT_SPEAKER_TAGS = frozenset("VBD VBZ VBP MD IN TO WDT".split())


def surface_speaker(doc: Doc, cue: list[int], quote_end: int) -> tuple[int, int] | None:
    """``"...," said Edward Leamer, an economist`` when the parse has lost the speaker
    (the small model makes him the subject of the next clause): the words between the
    closing mark (content ending at char ``quote_end``) and the ``cue`` tokens, or else
    the name right after the cue, read off the surface. Only a run of name-like words
    qualifies."""
    lo = token_at(doc, quote_end - 1)
    first, last = min(cue), max(cue)
    if lo is None or lo >= first:
        return None
    between = trim_tokens(doc, lo + 1, first)
    if between[0] < between[1]:
        run = between  # "...," Gene Sperling, a top adviser, said
    else:
        hi = last + 1
        while hi < len(doc) and hi - last <= 8 and not (doc[hi].is_punct or doc[hi].is_space):
            if doc[hi].tag_ in _NOT_SPEAKER_TAGS:
                break
            hi += 1
        run = (last + 1, hi)
    a, b = run
    while a < b and doc[a].ent_type_ in ("DATE", "TIME"):
        a += 1  # "said Tuesday"
    while b > a and doc[b - 1].ent_type_ in ("DATE", "TIME"):
        b -= 1
    if a >= b or b - a > 25:
        return None
    words = doc[a:b]
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or "\n" in t.text for t in words):
        return None
    head = words[0]
    if not (
        head.is_title or head.tag_ == "VBN" or head.pos_ in ("DET", "PRON", "PROPN", "ADJ", "NOUN")
    ):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.is_title for t in words):
        return None
    return a, b


def quote_then_name(
    doc: Doc, text: str, quotes: list[QuoteSpan], overlaps: Overlaps, att: Attribution
) -> None:
    """``"...," said David Brock, a confidant who heads Correct the Record``: the parser
    made the name the subject of a clause hung on the cue, so the content runs from the
    quote past (or up to) the cue and no source is found. The quote is the content and
    the name read off the surface its source. ``text`` is ``doc.text``, passed in
    because spaCy rebuilds it on every access."""
    if att.source is not None or att.kind != "verb" or att.lemma not in SPEECH_VERBS:
        return
    cue_at = doc[min(att.cue)].idx
    for a, b in att.content:
        for k in overlaps.of(a, b):
            q = quotes[k]
            if not (q.closed and q.start <= a <= q.inner_start and q.end <= cue_at):
                continue
            if cue_at >= b and text[b:cue_at].strip(" ,"):
                continue  # the content ends well before the cue
            if "\n" in text[q.end : cue_at]:
                return
            speaker = surface_speaker(doc, att.cue, q.end)
            if speaker is None:
                return
            att.content = [(x, y) for x, y in att.content if y <= q.start] + [(q.start, q.end)]
            att.quotes, att.direct, att.source = [k], True, speaker
            return


# a standalone hyphen is a dash in plain-text copy ("accident - Dana Pirel, ...")
_CLAUSE_OPENERS = frozenset([":", ";", "(", "-", "--", "\u2014", "\u2013"])


def set_off_name(doc: Doc, att: Attribution) -> tuple[int, int] | None:
    """``Brendan Buck, a spokesman for Ryan, told POLITICO``: a name opening the clause and
    set off from a subjectless speech verb by an appositive the parser hung elsewhere."""
    verb = doc[att.head]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "Sanders, whose campaign ..., was projected the winner"
    first = min(att.cue)
    j = first - 1
    while j >= 0 and doc[j].pos_ == "ADV":
        j -= 1  # "..., also said"
    if j < 1 or doc[j].text != ",":
        return None
    sent_start = doc[first].sent.start
    start = j
    while start > sent_start and doc[start - 1].text not in _CLAUSE_OPENERS:
        start -= 1
    while start < j and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "CCONJ"):
        start += 1
    if doc[start].ent_iob_ != "B" or doc[start].ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    end = start + 1
    while end < j and doc[end].ent_iob_ == "I":
        end += 1
    if end >= j or doc[end].text != ",":
        return None
    if any(doc[i].lemma_ in SPEECH_VERBS and doc[i].pos_ == "VERB" for i in range(end, j)):
        return None  # the name is another report's speaker
    return start, end


def take_set_off_name(doc: Doc, att: Attribution) -> None:
    """Give a sourceless speech verb its ``set_off_name``; the appositive the parser made
    a clause before the cue is then no part of what was said."""
    if att.source is not None or att.kind != "verb" or att.lemma not in SPEECH_VERBS:
        return
    att.source = set_off_name(doc, att)
    if att.source is not None:
        cue_at = doc[min(att.cue)].idx
        att.content = [(a, b) for a, b in att.content if b > cue_at]
