"""Attributions cued by something other than a reporting verb.

"..., according to X" / "per X" / "In a new poll, ..."; "X's claim that ..." and "his attacks on ...";
"X is confident that ..." / "X was critical of ..."; and the headline or
interview layout "Name: what they said".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .cues import (
    ADJECTIVE_CUES,
    DOCUMENT_NOUNS,
    GIVER_OF_NOUNS,
    NOUN_CUES,
    RECEIVE_VERBS,
    RECEIVED_NOUNS,
    ROLE_NOUNS,
    VERB_CUES,
)
from .indirect import (
    cue_lemma,
    cue_tokens,
    inherited_subject,
    source_span,
    subject_of,
    token_runs_to_chars,
)
from .spans import Attribution, subtree_indices

# Nouns that report stance toward an object named with a preposition when they
# have a possessor: "his support for ...", "her attacks on ...".
STANCE_NOUNS = frozenset(
    """
    support attack attacks criticism criticisms view views opposition endorsement
    praise comments remarks comment remark statement statements claim claims
    warning warnings call calls demand demands plea pledge promise promises
    complaint complaints objection objections defense defence embrace rejection
    condemnation denunciation dismissal questions question doubts concerns
    """.split()
)
STANCE_PREPS = frozenset("of for on about against over to toward towards".split())
# Stance nouns that report a view even without a named holder: "questions about
# her candidacy", "criticism of his approach", "calls for his resignation".
SOURCELESS_NOUNS = frozenset(
    """
    question questions criticism criticisms debate concerns concern calls call
    support opposition doubts fears allegations allegation accusations complaints
    demands speculation
    """.split()
)
SOURCE_HEADS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def according_attribution(doc: Doc, tok: Token, sent: Span) -> list[Attribution]:
    """ "..., according to X", "per X": X is the source of the rest of the clause."""
    out: list[Attribution] = []
    for _ in (0,):
        low = tok.lower_
        if low == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"
            ]
            cue = [tok.i, to.i]
        elif low == "per" and tok.dep_ == "prep" and tok.i > sent.start:
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            # "per year" is a rate; "per The Post", "per the outlet" is a source
            if (
                not pobj
                or not _names_source(pobj[0])
                or doc[tok.i - 1].text not in (",", "(", "\u2014")
            ):
                continue
            cue = [tok.i]
        elif low == "in" and tok.dep_ == "prep" and _poll_frame(tok):
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            cue = [tok.i]
        else:
            continue
        if not pobj:
            continue
        att = Attribution(
            head=tok.i, cue=cue, kind="according", lemma=" ".join(doc[i].lower_ for i in cue)
        )
        phrase_end = pobj[0].right_edge.i + 1
        rest: set[int] = set()
        if tok.dep_ == "ROOT":
            # "According to X, the move reeks of ...": the parser made the clause hang
            # on X; the phrase ends at the comma
            comma = next((t.i for t in doc[pobj[0].i + 1 : phrase_end] if t.text == ","), None)
            if comma is not None:
                phrase_end = comma
                rest = set(range(comma, sent.end))
            phrase = set(range(tok.i, phrase_end))
        else:
            phrase = set(range(tok.i, phrase_end)) | subtree_indices(tok)
        att.source = source_span(doc, pobj[0], set(cue) | rest)
        host = tok.head if tok.head.i != tok.i else None
        if host is not None and host.pos_ in ("VERB", "AUX") and host.dep_ == "ROOT":
            idx = subtree_indices(host) - phrase
        else:
            idx = set(range(sent.start, sent.end)) - phrase
        att.content = token_runs_to_chars(doc, idx)
        att.frame = "according"
        out.append(att)
    return out


def _names_source(tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in SOURCE_HEADS
        or tok.lemma_.lower()
        in (
            DOCUMENT_NOUNS
            | {"outlet", "newspaper", "paper", "official", "officials", "source", "sources"}
        )
    )


def noun_attribution(doc: Doc, tok: Token) -> list[Attribution]:
    """ "Biden's remarks that ...", "his call for ...", "Cruz made a call for ...".

    The source is the possessor; a possessive pronoun, or no possessor at all on
    the object of a verb, stands for that verb's subject ("Sanders toned down his
    criticism of ...", "Cruz made an unprompted call for ...").
    """
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if lemma not in NOUN_CUES and low not in STANCE_NOUNS:
        return []
    poss = [c for c in tok.children if c.dep_ == "poss"]
    clause = [
        c
        for c in tok.children
        if c.dep_ in ("acl", "ccomp", "relcl", "xcomp")
        and c.i > tok.i
        and any(
            (m.dep_ == "mark" and m.lower_ == "that") or (m.dep_ == "aux" and m.lower_ == "to")
            for m in c.children
        )
    ]
    cue = [tok.i]
    roots: list[Token] = list(clause)
    if not roots and (low in STANCE_NOUNS or low in SOURCELESS_NOUNS):
        for c in tok.children:
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in STANCE_PREPS:
                objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                if objs:
                    cue.append(c.i)
                    roots = objs
                    break
    if not roots:
        return []
    origin = None if poss else _origin(tok)
    holder = None if origin is not None else _holder(tok, poss[0] if poss else None)
    if not poss and holder is None and origin is None and low not in SOURCELESS_NOUNS:
        return []
    att = Attribution(head=tok.i, cue=cue, kind="noun", lemma=lemma, frame="noun")
    if holder is not None:
        verb, subj = holder
        att.cue = sorted(set(cue) | {verb.i})
        att.source = source_span(doc, subj, set(att.cue) | subtree_indices(tok))
    elif poss:
        att.source = source_span(doc, poss[0], set(cue))
    elif origin is not None:
        att.cue = sorted(set(cue) | {origin.head.i})
        att.source = source_span(doc, origin, set(att.cue))
    idx: set[int] = set()
    for r in roots:
        idx |= subtree_indices(r)
    att.content = token_runs_to_chars(doc, idx - set(att.cue))
    return [att]


def _origin(noun: Token) -> Token | None:
    """ "an admission from Warren that ...", "a demand by Pelosi that ...": who it comes from."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


POSSESSIVE_PRONOUNS = frozenset("his her their its my our your".split())


def _holder(noun: Token, poss: Token | None) -> tuple[Token, Token] | None:
    """(verb, subject) when the subject of the verb governing the noun holds the view:
    "his"/"their" or no possessor at all ("made a call for")."""
    if poss is not None and poss.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(head)
    if subj is None:
        subj, _ = inherited_subject(head)
    if subj is None or subj.lower_ in ("it", "that", "which"):
        return None
    return head, subj


def _that_clause(tok: Token) -> bool:
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    )


def _personal(subj: Token | None) -> bool:
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("i", "we", "you", "he", "she", "they", "who")
    return subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "NORP")


def adjective_attribution(doc: Doc, tok: Token) -> list[Attribution]:
    """ "X is confident that ...", "X was critical of ...", "X is eager to ..."."""
    out: list[Attribution] = []
    for _ in (0,):
        if tok.pos_ not in ("ADJ", "VERB") or tok.dep_ not in ("acomp", "oprd"):
            continue
        preps = ADJECTIVE_CUES.get(tok.lower_)
        if preps is None:
            # any adjective with a "that"-clause and a personal subject reports a
            # state of mind: "she was adamant that ...", "he is hopeful that ..."
            if not _that_clause(tok) or not _personal(subject_of(tok.head)):
                continue
            preps = frozenset()
        host = tok.head
        roots: list[Token] = []
        cue = set(cue_tokens(host)) | set(range(host.i, tok.i + 1))
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ in ("ccomp", "xcomp") and not roots:
                roots.append(c)
            elif c.dep_ == "prep" and c.lower_ in preps and not roots:
                objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                if objs:
                    cue.add(c.i)
                    roots = objs
        if not roots:
            continue
        subj = subject_of(host)
        if subj is None:
            subj, chain = inherited_subject(host)
            cue |= set(chain)
        if subj is None:
            continue
        att = Attribution(
            head=tok.i, cue=sorted(cue), kind="adjective", lemma=tok.lower_, frame="adjective"
        )
        att.source = source_span(doc, subj, cue)
        idx: set[int] = set()
        for r in roots:
            idx |= subtree_indices(r)
        att.content = token_runs_to_chars(doc, idx - cue)
        out.append(att)
    return out


def _line_starts(doc: Doc, sent: Span) -> list[int]:
    """Tokens of the sentence that begin a line (the parser may join a speaker label
    line to the text before it: "Partial transcript:  TAPPER: ...")."""
    out = []
    for tok in sent:
        if tok.is_space:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is None or "\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            out.append(tok.i)
    return out


def _label_name(name: Span) -> bool:
    """A speaker label before a colon: a short name the model recognises, a capitalised
    proper name ("Milbank", "JAKE TAPPER") or a document ("Poll")."""
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > 5 or any(t.pos_ == "AUX" for t in name):
        return False
    if any(t.ent_type_ in ("PERSON", "ORG") for t in name):
        return not any(t.pos_ == "VERB" for t in name)
    if len(words) == 1 and words[0].lemma_.lower() in DOCUMENT_NOUNS and words[0].is_title:
        return True
    return all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in words)


def named_last_words(ents: Iterable[Span]) -> dict[str, int]:
    """The last word (lower case) of each PERSON or ORG entity, with the latest start of
    an entity ending in it: ``_named_elsewhere`` then looks a label up instead of
    walking the doc's entities (rebuilt by spaCy on every ``doc.ents``) for each."""
    out: dict[str, int] = {}
    for ent in ents:
        if ent.label_ in ("PERSON", "ORG"):
            last = ent[-1].lower_
            out[last] = max(out.get(last, ent.start), ent.start)
    return out


def _named_elsewhere(doc: Doc, name: Span, named: dict[str, int] | None = None) -> bool:
    """A capitalised label the tagger missed ("Sanders: ..." tagged as a plural noun) that
    names someone the doc mentions as a person or organisation elsewhere (later on).
    ``named`` is ``named_last_words(doc.ents)``."""
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > 3 or not all(t.is_title or t.is_upper for t in words):
        return False
    if any(t.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP") for t in words):
        return False
    named = named_last_words(doc.ents) if named is None else named
    return named.get(words[-1].lower_, -1) >= name.end


def _handle_only(words: str) -> bool:
    """ "Follow X on Twitter: @handle": an account or a link, not words someone said."""
    return " " not in words.strip() and words.lstrip().startswith(("@", "#", "http", "www."))


# Labels a page's editors put before a colon: no one is speaking ("Correction: ...",
# "Update 2 p.m. ET: ...", "Editor's note: ...", "Watch: ...").
EDITORIAL_LABELS = frozenset(
    """correction corrections clarification update updated updates editor editors note
    related watch video photo photos gallery listen advertisement breaking live exclusive
    analysis opinion subscribe follow share tags topics""".split()
)


# Words that give a headline's topic after a name ("Obama on Egypt", "Brown vs Cameron");
# not "of" or "for" (a title: "Secretary of State Clinton"), nor "from" or "in" (the
# headline still quotes the name: "A lesson from Lynch", "Obama in Cairo").
_TOPIC_WORDS = frozenset("on about over vs vs. versus against".split())


def _heading_or_place(label: Span) -> bool:
    """A numbered heading ("Lesson 1", "Step 2": names have no numbers), a headline's
    topic ("Obama on Egypt") or a place alone ("Tulsa, Oklahoma": a live chat's reader,
    a dateline): no one speaking."""
    words = [t for t in label if not t.is_punct]
    return (
        any(t.like_num for t in words)
        or any(t.text in _TOPIC_WORDS for t in words[1:])
        or (bool(words) and all(t.ent_type_ in ("GPE", "LOC") for t in words))
    )


# A market board's change after a colon: "+64.59", "-196.33", "\u2212 2.1%".
_TICKER = re.compile(r"[+\-\u2212]\s?\d[\d,]*(?:\.\d+)?%?(?:\s|$)")


def colon_attribution(
    doc: Doc,
    sent: Span,
    text: str,
    labels: frozenset[str] = frozenset(),
    named: dict[str, int] | None = None,
) -> list[Attribution]:
    """ "Clinton: \"...\"", "Paul Ryan: Decision defies explanation": a name, a colon, the words.

    Only at the start of a line (a quotation mark may open it, as in a transcript
    quoted paragraph by paragraph), with a short name before the colon (see
    ``_label_name``) or one of the doc's ``transcript_labels``, and content up to
    the end of the line. ``named`` is ``named_last_words(doc.ents)``, computed once a doc.
    """
    out: list[Attribution] = []
    for start in _line_starts(doc, sent):
        quoted = doc[start].is_quote and start + 1 < sent.end
        if quoted:
            start += 1
        colon = None
        for tok in doc[start : min(sent.end, start + 8)]:
            if "\n" in tok.text:
                break
            if tok.text == ":":
                colon = tok
                break
        if colon is None or colon.i == start or doc[start].text in ("(", "[", "-LRB-"):
            continue  # "(ID: nHKG362728)": a reference in brackets, not a speaker
        label = doc[start : colon.i]
        if doc[start].lower_.strip("'\u2019s") in EDITORIAL_LABELS:
            continue
        if label.text not in labels and _heading_or_place(label):
            continue
        if label.text not in labels and (
            # a quoted line opens with a label only in a transcript ("\"Trump: ..." is
            # a tweet addressing Trump)
            quoted or not (_label_name(label) or _named_elsewhere(doc, label, named))
        ):
            continue
        line_end = text.find("\n", colon.idx)
        if line_end < 0:
            line_end = len(text)
        a = colon.idx + 1
        while a < line_end and text[a].isspace():
            a += 1
        b = line_end
        while b > a and text[b - 1] in " .\t":
            b -= 1
        if b - a < 3 or _handle_only(text[a:b]) or not any(c.isalpha() for c in text[a:b]):
            continue  # a handle, or a tally ("Clinton: 1,769."): nothing said
        if _TICKER.match(text, a):
            continue  # "Dow Jones industrial average: +64.59 A bailout ...": a market board
        att = Attribution(head=colon.i, cue=[colon.i], kind="colon", lemma=":", frame="colon")
        att.source = (start, colon.i)
        att.content = [(a, b)]
        out.append(att)
    return out


def role_attribution(doc: Doc, tok: Token) -> list[Attribution]:
    """ "X is a vocal critic of Y", "X, a longtime supporter of Y": X holds a view of Y."""
    if tok.dep_ not in ("attr", "appos"):
        return []
    preps = [
        c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > tok.i
    ]
    objs = [o for p in preps[:1] for o in p.children if o.dep_ in ("pobj", "pcomp")]
    if not objs:
        return []
    if tok.dep_ == "attr":
        host = tok.head
        subj = subject_of(host)
        if subj is None:
            return []
        cue = sorted(set(cue_tokens(host)) | set(range(host.i, tok.i + 1)) | {preps[0].i})
    else:
        subj = tok.head
        cue = sorted(set(range(tok.i, preps[0].i + 1)))
    att = Attribution(head=tok.i, cue=cue, kind="noun", lemma=tok.lemma_.lower(), frame="role")
    att.source = source_span(doc, subj, set(cue) | subtree_indices(tok))
    idx: set[int] = set()
    for o in objs:
        idx |= subtree_indices(o)
    att.content = token_runs_to_chars(doc, idx - set(cue))
    return [att]


# Nouns of backing whose holders follow "from"/"among": "drew support from union members".
BACKING_NOUNS = frozenset("support backing".split())
BACKER_PREPS = frozenset("from among".split())


def backing_attribution(doc: Doc, tok: Token) -> list[Attribution]:
    """ "Clinton received support from six in 10 Democrats", "her support among black
    voters": the backers are the source, the one backed ("for" object, possessor, or the
    subject of the verb that has the support) the content."""
    if tok.lemma_.lower() not in BACKING_NOUNS:
        return []
    preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
    backer = [o for p in preps if p.lower_ in BACKER_PREPS for o in p.children if o.dep_ == "pobj"]
    if not backer:
        return []
    target: Token | None = None
    for p in preps:
        objs = [o for o in p.children if o.dep_ == "pobj"]
        if p.lower_ == "for" and objs:
            target = objs[0]
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if target is None and poss:
        target = poss[0]
    if target is None and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        target = subject_of(tok.head)
    if target is None:
        return []
    att = Attribution(head=tok.i, cue=[tok.i], kind="noun", lemma="support", frame="backing")
    att.source = source_span(doc, backer[0], {tok.i})
    att.content = token_runs_to_chars(doc, subtree_indices(target) - {tok.i})
    return [att] if att.source else []


# Measurements of opinion: "In a CNN poll released Monday, Clinton leads ..." has the
# poll as its source (a "statement" or "interview" frames a speech verb instead).
POLL_NOUNS = frozenset("poll polls polling survey surveys study average".split())


def _poll_frame(tok: Token) -> bool:
    """ "in" + a poll noun modifying the main verb, whose clause is not itself a report."""
    host = tok.head
    pobj = [c for c in tok.children if c.dep_ == "pobj"]
    if not pobj or pobj[0].lemma_.lower() not in POLL_NOUNS or host.dep_ != "ROOT":
        return False
    return host.pos_ in ("VERB", "AUX") and host.lemma_.lower() not in VERB_CUES


def phrase_attributions(doc: Doc, tok: Token, sent: Span) -> list[Attribution]:
    """Attributions cued at ``tok`` by a source phrase, a noun or an adjective."""
    low = tok.lower_
    if low in ("according", "per") or (low == "in" and tok.dep_ == "prep"):
        return according_attribution(doc, tok, sent)
    if tok.pos_ == "NOUN" and low in ROLE_NOUNS:
        return role_attribution(doc, tok)
    if tok.pos_ == "NOUN":
        received = reception_attribution(doc, tok)
        if received is not None:
            return received
        return backing_attribution(doc, tok) or noun_attribution(doc, tok)
    if low in ADJECTIVE_CUES or (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
        return adjective_attribution(doc, tok)
    return []


SOURCE_PREPS = frozenset("from by among".split())
TARGET_PREPS = frozenset("for over about on of against to".split())


def receiving_verb(noun: Token) -> Token | None:
    """The verb of "faced criticism", "won the support of", "came under fire" for a noun."""
    if noun.lemma_.lower() not in RECEIVED_NOUNS and noun.lower_ not in RECEIVED_NOUNS:
        return None
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return head if cue_lemma(head) in RECEIVE_VERBS else None
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() == "come":
        return head.head
    return None


def reception_attribution(doc: Doc, noun: Token) -> list[Attribution] | None:
    """ "X faced criticism from Y for Z", "X won the endorsement of Y", "X drew praise":
    Y (the giver) is the source, Z or else X (the one it is aimed at) the content.
    None when ``noun`` is not received this way."""
    verb = receiving_verb(noun)
    if verb is None:
        return None
    giver: Token | None = None
    giver_prep: Token | None = None
    target: Token | None = None
    preps = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
    preps += [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i]
    for p in preps:
        objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
        if not objs:
            continue
        low = p.lower_
        giver_of = low == "of" and p.head.i == noun.i and noun.lemma_.lower() in GIVER_OF_NOUNS
        if giver is None and (low in SOURCE_PREPS or giver_of):
            giver, giver_prep = objs[0], p
        elif target is None and low in TARGET_PREPS:
            target = objs[0]
    if cue_lemma(verb) == "have" and giver is None:
        return None  # "she has criticism for ..." is her own view (a light-verb cue)
    if giver is None:
        return []  # "X faced criticism": an unnamed view; not reported
    cue = set(cue_tokens(verb)) | set(range(verb.i, noun.i + 1))
    if giver_prep is not None and giver_prep.i == noun.i + 1:
        cue.add(giver_prep.i)
    att = Attribution(
        head=noun.i, cue=sorted(cue), kind="noun", lemma=noun.lemma_.lower(), frame="reception"
    )
    if giver is not None:
        att.source = source_span(doc, giver, cue)
    content_root = target if target is not None else subject_of(verb)
    if content_root is None:
        content_root, _ = inherited_subject(verb)
    if content_root is None:
        return []
    idx = subtree_indices(content_root) - cue
    if giver is not None:
        idx -= subtree_indices(giver)
    att.content = token_runs_to_chars(doc, idx)
    return [att] if att.content else []
