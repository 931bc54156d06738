"""Putting attributions together: syntax first, then direct quotes matched to cues.

Order of work for one doc:

1. quoted stretches are found on the raw text (``direct.find_quote_spans``);
2. every cue word yields an attribution from the parse (``indirect`` for verbs,
   ``phrases`` for "according to", nouns, adjectives and "Name: ...");
   attributions whose cue is inside someone's direct quote are dropped
   (reported speech within a quote belongs to the quote);
3. a transcript's labelled turn (``"PENCE: ...``, ``transcript``) and a quoted
   line signed with a dash (``"..." ― Jane Roe``, ``signed``) own their quotes;
   then each quote's adjacent speech cue (``"...," Ross said`` / ``Biden told
   reporters: "..."``) owns it; content another verb's parse puts inside that
   quote is not its own;
4. content that falls inside a quote becomes the whole quote (a multi-sentence
   or multi-paragraph quote is one content; "said the plan was \"dead\"" stays
   indirect: a mixed quote);
5. quotes no cue has claimed go to their adjacent speech cue, then, within a
   paragraph, to the direct attribution just before them (``"A," he said. "B."``
   is one attribution with two content parts);
6. a speaker the parse lost is read off the surface (``surface``: ``"...," said
   Edward Leamer, an economist``); sources the parser took from inside a quote or
   across a paragraph break are repaired, and a name's modifier set off by a comma
   ("to Esterholm, Minister Marten said") goes back to the content; indirect
   content is kept to the cue's paragraph;
7. speech verbs still without content take their host clause
   ("The plan, he said, is dead"); a content loses the wire dateline that opens
   it ("TAVEL (Northgate Wire) - ") and gives the speaker's title at its end to the
   source (``edges``);
8. reports nested in another's content are resolved (``_resolve_nesting``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from .cues import CLAUSE, SPEECH_VERBS
from .direct import QuoteSpan, find_quote_spans, quote_chain
from .edges import drop_dateline, title_to_source
from .indirect import source_span, verb_attribution
from .lookup import Interiors, LastEnding, NearHeads, Overlaps, holders, overlapped
from .misreads import clip_run_on, lets, run_on, verb_tagged_as_noun
from .parenthetical import final_parenthetical, parenthetical_content
from .phrases import colon_attribution, named_last_words, phrase_attributions
from .signed import signed_quotes
from .spans import Attribution, DocView, char_span, token_at, trim_chars, trim_tokens
from .surface import quote_then_name, surface_speaker, take_set_off_name
from .transcript import split_at_labels, take_turns, transcript_labels

# Plain verbs of saying: one of these inside another's content is a second
# report ("X said A, adding B"), not part of what was said.
REPORT_VERBS = frozenset(
    "say tell add note write tweet argue explain insist claim ask acknowledge".split()
)
# How many tokens may separate a quote from its speaker/cue ("...," Ross said).
NEAR_AFTER = 3
NEAR_BEFORE = 8


def _inside(a: int, b: int, q: QuoteSpan) -> bool:
    return q.start <= a and b <= q.end


def _chain_spans(quotes: list[QuoteSpan], k: int) -> list[int]:
    return quote_chain(quotes, k)


def _align_to_quotes(
    att: Attribution,
    quotes: list[QuoteSpan],
    owners: dict[int, Attribution] | None = None,
    overlaps: Overlaps | None = None,
) -> None:
    """Widen content to whole quotes; mark the attribution direct when it is only quotes.

    A quote with an adjacent speech cue (``owners``) belongs to that cue: another
    verb whose parse reaches into the quote does not get it. ``overlaps`` indexes
    ``quotes``, so only the quotes a content span overlaps are looked at.
    """
    if not att.content:
        return
    overlaps = overlaps or Overlaps(quotes)
    new: list[tuple[int, int]] = []
    used: list[int] = []
    all_quote = True
    for a, b in att.content:
        hit = None
        near = overlaps.of(a, b)
        for k in near:
            q = quotes[k]
            if q.start < b and a < q.end:
                if _inside(a, b, q) or (q.inner_start <= a and b <= q.inner_end + 1):
                    hit = k
                    break
        if hit is not None:
            chain = _chain_spans(quotes, hit)
            owner = (owners or {}).get(chain[0])
            if owner is not None and owner is not att:
                continue
            for j in chain:
                if j not in used:
                    used.append(j)
                    new.append((quotes[j].start, quotes[j].end))
            continue
        all_quote = False
        for k in near:
            q = quotes[k]
            if q.start < b and a < q.end:
                a, b = min(a, q.start), max(b, q.end)
        new.append((a, b))
    att.content = sorted(set(new))
    att.quotes = sorted(used)
    att.direct = all_quote and bool(used)


def _adjacent_cue(
    doc: Doc, q: QuoteSpan, speech: NearHeads, *, free_only: bool
) -> Attribution | None:
    """The speech cue right after (``"...," Ross said``) or before (``told reporters: "..."``) a quote.

    With ``free_only``, cues whose content already lies outside the quote are passed over.
    """
    best: Attribution | None = None
    best_gap = 10**9
    q_first = token_at(doc, q.start)
    q_last = token_at(doc, q.end - 1)
    if q_first is None or q_last is None:
        return None
    # nearer than 60 tokens: further is too far to be this quote's frame
    for att in speech.between(q_first - 60, q_last + 60):
        if any(q.start <= doc[i].idx < q.end for i in att.cue):
            continue  # the cue is inside this quote
        if (
            free_only
            and att.content
            and not all(_inside(a, b, q) or _claimable(a, b, q) for a, b in att.content)
        ):
            if not (att.direct and att.quotes):
                continue
        frame_tokens = list(att.cue)
        if att.source:
            frame_tokens.extend(range(*att.source))
        if att.addressee:
            frame_tokens.extend(range(*att.addressee))
        lo, hi = min(frame_tokens), max(frame_tokens)
        if lo > q_last:
            gap = _gap(doc, q_last + 1, lo, min(NEAR_AFTER, best_gap - 1))
            if gap <= NEAR_AFTER and gap < best_gap:
                best, best_gap = att, gap
        elif hi < q_first:
            gap = _gap(doc, hi + 1, q_first, min(NEAR_BEFORE, best_gap - 1), verb_head=att.head)
            if gap <= NEAR_BEFORE and gap < best_gap:
                best, best_gap = att, gap
    return best


def _speech(atts: list[Attribution]) -> list[Attribution]:
    return [a for a in atts if a.kind == "verb" and a.lemma in SPEECH_VERBS]


def _continuations(quotes: list[QuoteSpan]) -> set[int]:
    """The quotes that continue another (a later paragraph of a multi-paragraph quote)."""
    return {q.continues for q in quotes if q.continues is not None}


def _attach_adjacent(doc: Doc, quotes: list[QuoteSpan], atts: list[Attribution]) -> None:
    """Give unclaimed quotes to a speech cue right after or right before them."""
    covered = overlapped(quotes, atts)
    continued = _continuations(quotes)
    speech = NearHeads(_speech(atts))
    for k, q in enumerate(quotes):
        if k in covered or k in continued:
            continue
        best = _adjacent_cue(doc, q, speech, free_only=True)
        if best is None:
            continue
        parts = _chain_spans(quotes, k)
        if best.direct and best.quotes:
            best.quotes = sorted(set(best.quotes) | set(parts))
        else:
            best.quotes = parts
        best.content = sorted({(quotes[j].start, quotes[j].end) for j in best.quotes})
        best.direct = True
        best.frame = best.frame or "quote"
        covered |= set(parts)


def _inverted_speaker(doc: Doc, att: Attribution) -> tuple[int, int] | None:
    """``"...," added another Democrat``: the parser may take the speaker for an object."""
    verb = doc[att.head]
    for c in verb.children:
        if c.i > max(att.cue) and c.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd"):
            if c.pos_ in ("PROPN", "NOUN", "PRON"):
                return source_span(doc, c, set(att.cue))
    return None


def _claimable(a: int, b: int, q: QuoteSpan) -> bool:
    """Content spaCy made from a fragment of the quote (or just its marks)."""
    return q.start - 2 <= a and b <= q.end + 2


def _gap(doc: Doc, start: int, end: int, most: int, verb_head: int | None = None) -> int:
    """Tokens between two positions that are not punctuation; a clause or newline blocks,
    and so do more than ``most`` (the scan stops there: a dense page has cues every few
    words, and each quote looks at all those within 60 tokens)."""
    n = 0
    for i in range(start, max(start, end)):
        tok = doc[i]
        if "\n" in tok.text:
            return 10**9
        if tok.text in (".", "!", "?"):
            return 10**9  # a sentence ends in between
        if tok.is_punct or tok.is_space:
            continue
        if tok.pos_ in ("VERB", "AUX") and (verb_head is None or tok.head.i != verb_head):
            return 10**9
        if verb_head is not None and not _governed_by(tok, verb_head):
            return 10**9
        n += 1
        if n > most:
            return 10**9
    return n


def _governed_by(tok: Token, head: int) -> bool:
    cur = tok
    for _ in range(50):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == head:
            return True
    return False


def _attach_continuations(
    doc: Doc, text: str, quotes: list[QuoteSpan], atts: list[Attribution]
) -> None:
    """``"A," he said. "B."``: a following quote in the paragraph continues the attribution."""
    covered = overlapped(quotes, atts)
    continued = _continuations(quotes)
    ordered = sorted(atts, key=lambda a: a.head)
    heads = [att.head for att in ordered]
    ends = [_extent_end(doc, att) for att in ordered]
    last_ending = LastEnding(ends)
    for k, q in enumerate(quotes):
        if k in covered or k in continued:
            continue
        # the last attribution (by cue) that ends before the quote
        at = last_ending.at_or_before(q.start)
        if at is None or not ordered[at].direct:
            continue
        prev = ordered[at]
        # the first attribution equal to it (``ordered.index(prev)``): equal ones share its head
        first = bisect_left(heads, prev.head)
        end = ends[next(i for i in range(first, at + 1) if ordered[i] == prev)]
        gap = text[end : q.start]
        if "\n" in gap:
            continue
        if gap.strip(" .,;:\u2014-") != "" and not _adjunct_gap(doc, end, q.start, prev.head):
            continue
        parts = _chain_spans(quotes, k)
        prev.quotes = sorted(set(prev.quotes) | set(parts))
        prev.content = sorted(set(prev.content) | {(quotes[j].start, quotes[j].end) for j in parts})
        covered |= set(parts)


def _adjunct_gap(doc: Doc, start: int, end: int, head: int, most: int = 15) -> bool:
    """Whether the words between chars ``start`` and ``end`` all hang on the cue ``head``
    ("...," Marten told reporters after a meeting of the council. "B."): the rest of the
    attribution's own sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if start <= t.idx < end and not (t.is_punct or t.is_space)]
    return 0 < len(words) <= most and all(_governed_by(t, head) for t in words)


def _repair_source(
    doc: Doc, text: str, quotes: list[QuoteSpan], att: Attribution, overlaps: Overlaps | None = None
) -> None:
    """Sources the parser took from inside a quote or across a paragraph break.

    In ``"Like Oakland. Or Ferguson," Trump said`` the small model may make the
    last quoted noun the subject; the speaker is the noun phrase between the
    closing mark and the cue (or right after the cue: "said Trump").
    """
    if att.source is None:
        return
    s, e = att.source
    a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    cue_at = doc[att.head].idx
    for k in (overlaps or Overlaps(quotes)).of(a, b):
        q = quotes[k]
        if q.start < b and a < q.end and not (q.start <= cue_at < q.end):
            first = min(att.cue)
            if q.end <= cue_at:
                lo = token_at(doc, q.end - 1)
                span = (lo + 1, first) if lo is not None else (first, first)
            else:
                span = (max(att.cue) + 1, max(att.cue) + 1)
            lo, hi = span
            if lo == hi:
                while hi < len(doc) and not doc[hi].is_punct and hi - lo < 12:
                    hi += 1  # "said Trump": the name after the cue
            while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
                lo += 1
            while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
                hi -= 1
            att.source = (lo, hi) if lo < hi else None
            return
    if "\n" in text[a:b]:
        # a source never runs over a paragraph break: keep the part at its head
        cut = text.rfind("\n", a, b)
        lo = s
        while lo < e and doc[lo].idx < cut:
            lo += 1
        while lo < e and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        att.source = (lo, e) if lo < e else None


def _clip_to_paragraph(doc: Doc, text: str, att: Attribution) -> None:
    """Indirect content stays in the cue's paragraph (the parser may run sentences together)."""
    if att.direct:
        return
    at = doc[att.head].idx
    p_start = text.rfind("\n", 0, at) + 1
    p_end = text.find("\n", at)
    p_end = len(text) if p_end < 0 else p_end
    clipped = []
    for a, b in att.content:
        if a >= p_start and b <= p_end:
            clipped.append((a, b))
            continue
        if any(a <= q_at < b for q_at in (at,)) or (a < p_end and b > p_start):
            lo, hi = trim_chars(text, max(a, p_start), min(b, p_end))
            if hi - lo > 1:
                clipped.append((lo, hi))
    if clipped:
        att.content = clipped


def _drop_leading_modifier(doc: Doc, text: str, att: Attribution) -> None:
    """ "to Esterholm, Defense Minister Ilse Marten said": the parser may hang the end of
    the content on the speaker's name as a modifier set off by a comma; it is not the
    speaker."""
    if att.source is None:
        return
    s, e = att.source
    head = next((t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i), None)
    if head is None:
        return
    for child in head.lefts:
        end = child.right_edge.i
        if child.dep_ in ("nmod", "npadvmod") and child.left_edge.i == s and end + 1 < head.i:
            if doc[end].text == "," or doc[end + 1].text == ",":
                lo = end + 1 if doc[end].text == "," else end + 2
                att.source = (lo, e)
                _extend_content(doc, text, att, s, lo)
                return


def _extend_content(doc: Doc, text: str, att: Attribution, start: int, end: int) -> None:
    """Content that stops right before tokens [start, end) takes them (less edge punctuation)."""
    a, b = trim_tokens(doc, start, end)
    if a >= b or not att.content:
        return
    k = max(range(len(att.content)), key=lambda i: att.content[i][1])
    lo, hi = att.content[k]
    if hi <= doc[a].idx and not text[hi : doc[a].idx].strip():
        att.content[k] = (lo, char_span(doc, a, b)[1])


def _extent_end(doc: Doc, att: Attribution) -> int:
    ends = [char_span(doc, i, i + 1)[1] for i in att.cue]
    if att.source:
        ends.append(char_span(doc, *att.source)[1])
    if att.addressee:
        ends.append(char_span(doc, *att.addressee)[1])
    ends.extend(b for _, b in att.content)
    return max(ends)


def find_attributions(view: DocView) -> tuple[list[Attribution], list[QuoteSpan]]:
    """All attributions in a parsed doc (with their quote spans), in text order."""
    doc, text = view.doc, view.text
    labels = transcript_labels(text)
    quotes = split_at_labels(text, find_quote_spans(text), labels)
    named = named_last_words(view.ents)
    atts: list[Attribution] = []
    for sent in view.sents:
        for tok in sent:
            if tok.pos_ == "VERB" or verb_tagged_as_noun(tok):
                att = verb_attribution(doc, tok)
                if att is not None:
                    atts.append(att)
                if tok.dep_ in ("acomp", "oprd") or tok.lower_ == "according":
                    atts.extend(phrase_attributions(doc, tok, sent))
            else:
                atts.extend(phrase_attributions(doc, tok, sent))
        atts.extend(colon_attribution(doc, sent, text, labels, named))
    # reports inside someone's direct quote are part of that quote
    interiors = Interiors(quotes)
    atts = [a for a in atts if not _cue_in_quote(doc, a, interiors)]
    speech = _speech(atts)
    owners = take_turns(doc, text, quotes, atts)
    signed = signed_quotes(doc, text, quotes, set(owners))
    # a report inside a signed quote is part of it, as inside any direct quote
    atts = [a for a in atts if not any(_signs(doc, s, a) for s in signed)]
    atts.extend(signed)
    owners.update((k, s) for s in signed for k in s.quotes)
    # turns and signed quotes own their content as is
    settled = {id(att) for att in owners.values()} | {id(att) for att in signed}
    continued = _continuations(quotes)
    near_speech = NearHeads(speech)
    for k, q in enumerate(quotes):
        if k not in owners and k not in continued:
            owner = _adjacent_cue(doc, q, near_speech, free_only=False)
            if owner is not None:
                owners[k] = owner
    overlaps = Overlaps(quotes)
    for att in atts:
        if id(att) not in settled:
            _align_to_quotes(att, quotes, owners, overlaps)
    for att in atts:
        quote_then_name(doc, text, quotes, overlaps, att)
    _attach_adjacent(doc, quotes, atts)
    _attach_continuations(doc, text, quotes, atts)
    for att in atts:
        if att.source is None and att.direct and att.content[0][1] <= doc[att.head].idx:
            att.source = _inverted_speaker(doc, att) or surface_speaker(
                doc, att.cue, att.content[-1][1]
            )
        take_set_off_name(doc, att)
        _repair_source(doc, text, quotes, att, overlaps)
        _drop_leading_modifier(doc, text, att)
        _clip_to_paragraph(doc, text, att)
        clip_run_on(doc, text, att)
    for att in atts:
        if not att.content and att.kind == "verb" and CLAUSE in _frames(att):
            att.content = parenthetical_content(doc, att, text)
            if not att.content:
                sent = doc[att.head].sent
                att.content = final_parenthetical(doc, att, sent)
            if att.content:
                att.frame = "parenthetical"
                _align_to_quotes(att, quotes, owners, overlaps)
    atts = [a for a in atts if a.content and not lets(doc, a)]
    for att in atts:
        drop_dateline(text, att, view.dateline_ends)
        title_to_source(doc, text, att)
        # "X said that A but added B": the coordinator joining the two reports
        att.content = [_trim_coordinator(text, s, e) for s, e in att.content]
    atts.sort(key=lambda a: a.head)
    return _resolve_nesting(doc, text, atts), quotes


def _extent(doc: Doc, att: Attribution, within: int = 0) -> tuple[int, int]:
    """Chars the attribution covers; a source before ``within`` (an inherited subject:
    "X insisted that A, claiming B") is left out."""
    idx = list(att.cue)
    if att.source and doc[att.source[0]].idx >= within:
        idx.extend(range(*att.source))
    a = min(doc[i].idx for i in idx)
    b = max(doc[i].idx + len(doc[i].text) for i in idx)
    for s, e in att.content:
        a, b = min(a, s), max(b, e)
    return a, b


def _ends_sentence(doc: Doc, att: Attribution) -> bool:
    """The source phrase closes its sentence: "..., according to The Times." """
    end = max([*att.cue, *(range(*att.source) if att.source else [])]) + 1
    sent_end = doc[att.head].sent.end
    return all(t.is_punct or t.is_space for t in doc[end:sent_end])


def _signs(doc: Doc, signed: Attribution, att: Attribution) -> bool:
    """``att`` is the signed quote's own cue or lies inside its line."""
    (a, b), at = signed.content[0], doc[att.head].idx
    return att.head == signed.head or a <= at < b


def _phrase_extent(doc: Doc, att: Attribution) -> tuple[int, int]:
    """Chars of the cue and source alone ("according to The New York Times")."""
    idx = list(att.cue) + (list(range(*att.source)) if att.source else [])
    return min(doc[i].idx for i in idx), max(doc[i].idx + len(doc[i].text) for i in idx)


def _resolve_nesting(doc: Doc, text: str, atts: list[Attribution]) -> list[Attribution]:
    """One report inside another's content: keep the outer one, except speech in speech.

    "X said Y believes Z" and "X said Y told him Z" are X's attribution (the inner
    report is part of what X said); "X said A, adding B" is two reports: the outer
    content is cut where the inner one begins. A direct quote reported inside
    indirect content ("pointed to remarks by Austin, where he said \\"...\\"") and a
    report inside "according to"/"per" ("per The Post, Yermak told the forum ...")
    are kept: they are who said what (the evaluation adapter drops them, as
    PolNeAR annotates the outer report).
    """
    drop: set[int] = set()
    text_cut: dict[int, tuple[int, int]] = {}
    # the outer attributions whose content holds each cue, as a scan of all pairs would
    # find them (quadratic in a document with thousands of attributions)
    holding = holders(doc, atts)
    for n, inner in enumerate(atts):
        for m in holding[n]:
            outer = atts[m]
            if m == n or m in drop:
                continue
            # "X said A, adding B": the inner report's speaker stands outside the outer
            # content. A sourceless passive inside ("X said the ministry had been asked to
            # ...") or one whose speaker is inside ("X said the letter asks for ...") is
            # part of what X said.
            speech_pair = (
                inner.lemma in REPORT_VERBS
                and outer.lemma in REPORT_VERBS
                and inner.source is not None
                and (
                    not any(a <= doc[inner.source[0]].idx < b for a, b in outer.content)
                    or run_on(doc[inner.source[0]])
                )
            )
            # "X said A, according to The Times": the source phrase covers the whole
            # sentence, X's report included; X's content ends before it
            wraps = (
                inner.kind == "according"
                and inner.head > outer.head
                and _ends_sentence(doc, inner)
                and any(a <= doc[outer.head].idx < b for a, b in inner.content)
            )
            if wraps and not outer.direct:
                text_cut[m] = _phrase_extent(doc, inner)
            elif speech_pair and not outer.direct:
                text_cut[m] = _extent(doc, inner, min(a for a, _ in outer.content))
            elif (inner.direct or outer.kind == "according") and not outer.direct:
                continue  # kept for its own sake; the evaluation adapter drops it
            else:
                drop.add(n)
                break
    for m, (a, b) in text_cut.items():
        outer = atts[m]
        pieces: list[tuple[int, int]] = []
        for s, e in outer.content:
            for lo, hi in ((s, min(e, a)), (max(s, b), e)):
                lo, hi = _trim_coordinator(text, *trim_chars(text, lo, hi))
                if hi - lo > 1:
                    pieces.append((lo, hi))
        if pieces:  # an inner report that is all of the outer content leaves it whole
            outer.content = pieces
    return [a for k, a in enumerate(atts) if k not in drop and a.content]


_TRAILING_COORDINATOR = re.compile(r"[\s,;]+(?:and|but|or)$")


def _trim_coordinator(text: str, start: int, end: int) -> tuple[int, int]:
    """ "X said A and added B": A ends before the "and" that joins the two reports."""
    m = _TRAILING_COORDINATOR.search(text, start, end)
    return (start, m.start()) if m else (start, end)


def _frames(att: Attribution) -> frozenset[str]:
    from .cues import verb_frames

    return verb_frames(att.lemma)


def _cue_in_quote(doc: Doc, att: Attribution, interiors: Interiors) -> bool:
    start = doc[att.head].idx
    # a speaker label opening a quoted paragraph ("\"PENCE: Well, ...") is not
    # inside anyone's words: the paragraph is PENCE's
    label = doc[att.source[0]].idx if att.kind == "colon" and att.source else -1
    return interiors.holds(start, label)
