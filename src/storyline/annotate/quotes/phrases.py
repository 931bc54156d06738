"""Attributions cued by something other than a reporting verb.

"..., according to X" / "per X"; "X's claim that ..." and "his attacks on ...";
"X is confident that ..." / "X was critical of ..."; and the headline or
interview layout "Name: what they said".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .cues import ADJECTIVE_CUES, DOCUMENT_NOUNS, NOUN_CUES
from .indirect import cue_tokens, inherited_subject, source_span, subject_of, token_runs_to_chars
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
SOURCE_HEADS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def according_attributions(doc: Doc, sent: Span) -> list[Attribution]:
    """"..., according to X", "per X": X is the source of the rest of the clause."""
    out: list[Attribution] = []
    for tok in sent:
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
            if not pobj or not _names_source(pobj[0]) or doc[tok.i - 1].text not in (",", "(", "\u2014"):
                continue
            cue = [tok.i]
        else:
            continue
        if not pobj:
            continue
        att = Attribution(head=tok.i, cue=cue, kind="according", lemma=" ".join(doc[i].lower_ for i in cue))
        phrase = set(range(tok.i, pobj[0].right_edge.i + 1)) | subtree_indices(tok)
        att.source = source_span(doc, pobj[0], set(cue))
        host = tok.head if tok.head is not tok else None
        if host is not None and host.pos_ in ("VERB", "AUX") and host.dep_ == "ROOT":
            idx = subtree_indices(host) - phrase
        else:
            idx = set(range(sent.start, sent.end)) - phrase
        att.content = token_runs_to_chars(doc, idx)
        att.frame = "according"
        out.append(att)
    return out


def _names_source(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in SOURCE_HEADS or tok.lemma_.lower() in (
        DOCUMENT_NOUNS | {"outlet", "newspaper", "paper", "official", "officials", "source", "sources"}
    )


def noun_attributions(doc: Doc, sent: Span) -> list[Attribution]:
    """"Biden's remarks that ...", "his call for ...", "her attacks on ...": possessor as source."""
    out: list[Attribution] = []
    for tok in sent:
        if tok.pos_ != "NOUN":
            continue
        lemma = tok.lemma_.lower()
        if lemma not in NOUN_CUES and tok.lower_ not in STANCE_NOUNS:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if not poss:
            continue
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
        if not roots and tok.lower_ in STANCE_NOUNS:
            for c in tok.children:
                if c.dep_ == "prep" and c.i > tok.i and c.lower_ in STANCE_PREPS:
                    objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                    if objs:
                        cue.append(c.i)
                        roots = objs
                        break
        if not roots:
            continue
        att = Attribution(head=tok.i, cue=cue, kind="noun", lemma=lemma, frame="noun")
        att.source = source_span(doc, poss[0], set(cue))
        idx: set[int] = set()
        for r in roots:
            idx |= subtree_indices(r)
        att.content = token_runs_to_chars(doc, idx - set(cue))
        out.append(att)
    return out


def adjective_attributions(doc: Doc, sent: Span) -> list[Attribution]:
    """"X is confident that ...", "X was critical of ...", "X is eager to ..."."""
    out: list[Attribution] = []
    for tok in sent:
        if tok.pos_ not in ("ADJ", "VERB") or tok.dep_ not in ("acomp", "oprd"):
            continue
        preps = ADJECTIVE_CUES.get(tok.lower_)
        if preps is None:
            continue
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
        att = Attribution(head=tok.i, cue=sorted(cue), kind="adjective", lemma=tok.lower_, frame="adjective")
        att.source = source_span(doc, subj, cue)
        idx: set[int] = set()
        for r in roots:
            idx |= subtree_indices(r)
        att.content = token_runs_to_chars(doc, idx - cue)
        out.append(att)
    return out


def colon_attributions(doc: Doc, sent: Span, text: str) -> list[Attribution]:
    """"Clinton: \\"...\\"", "Paul Ryan: Decision defies explanation": a name, a colon, the words.

    Only at the start of a line, with a short name (a person or organisation the
    model recognises) before the colon, and content up to the end of the line.
    """
    start = sent.start
    if start > 0 and "\n" not in doc[start - 1].text_with_ws and "\n" not in doc[start - 1].text:
        return []
    colon = None
    for tok in sent[: min(len(sent), 8)]:
        if tok.text == ":":
            colon = tok
            break
    if colon is None or colon.i == start:
        return []
    name = doc[start : colon.i]
    if not any(t.ent_type_ in ("PERSON", "ORG") for t in name) or any(
        t.pos_ in ("VERB", "AUX") for t in name
    ):
        return []
    line_end = text.find("\n", colon.idx)
    if line_end < 0:
        line_end = len(text)
    a = colon.idx + 1
    while a < line_end and text[a].isspace():
        a += 1
    b = line_end
    while b > a and text[b - 1] in " .\t":
        b -= 1
    if b - a < 3:
        return []
    att = Attribution(head=colon.i, cue=[colon.i], kind="colon", lemma=":", frame="colon")
    att.source = (start, colon.i)
    att.content = [(a, b)]
    return [att]
