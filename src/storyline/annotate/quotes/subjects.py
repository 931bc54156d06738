"""Subjects of reporting verbs that the parse does not give directly.

"The meeting ended with Jones asking ...": the object of "with" is the gerund's
subject. "The senator opened a rally blasting ...": the participle on an event
noun reports the words of whoever held the event. "That, many argue, ...": a bare
quantifier the parser hung on the verb is its subject. "He's said he ...": "'s"
is "has" (an active verb with a subject), not a passive "is".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Quantifiers that stand alone as a subject ("many argue"), which the parser may
# attach as a modifier of the verb.
QUANTIFIER_SUBJECTS = frozenset("many some others few most several all both".split())


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; with two (a parser slip), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects:
        if perfect_s(verb):
            return next(c for c in verb.children if c.dep_ == "nsubjpass")
        for c in verb.children:
            if c.i == verb.i - 1 and c.lower_ in QUANTIFIER_SUBJECTS and c.dep_ != "nsubjpass":
                return c
        return None
    return min(subjects, key=lambda c: abs(c.i - verb.i))


def perfect_s(verb: Token) -> bool:
    """ "He's said he ...": "'s" is "has", not a passive "is", when a clause follows."""
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    return (
        len(aux) == 1
        and aux[0].lower_ in ("'s", "\u2019s")
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
        and not any(c.dep_ in ("agent", "xcomp") for c in verb.children)
    )


def with_subject(doc: Doc, verb: Token) -> Token | None:
    """ "ended with Maddow asking Clinton ...": the object of "with" is the gerund's subject."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "pcomp", "conj"):
        return None
    for i in range(verb.i - 1, max(verb.i - 7, -1), -1):
        tok = doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.right_edge.i == verb.i - 1:
            return tok
    return None


# Events someone holds or gives: a participle on them reports the holder's words.
EVENT_NOUNS = frozenset(
    "rally speech event appearance conference hall meeting session briefing address".split()
)


def event_noun_head(verb: Token) -> bool:
    """ "opened a rally blasting X": a participle on an event noun someone holds."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in EVENT_NOUNS
        and head.dep_ == "dobj"
        and subject_of(head.head) is not None
    )
