"""Subjects of reporting verbs that the parse does not give directly.

"The meeting ended with Jones asking ...": the object of "with" is the gerund's
subject. "The senator opened a rally blasting ...": the participle on an event
noun reports the words of whoever held the event. "That, many argue, ...": a bare
quantifier the parser hung on the verb is its subject. "He's said he ...": "'s"
is "has" (an active verb with a subject), not a passive "is".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import DOCUMENT_NOUNS, SPEECH_VERBS
from .spans import is_opening_mark, trim_tokens
from .speakers import HUMAN_NOUNS, written_as_name

# Quantifiers that stand alone as a subject ("many argue"), which the parser may
# attach as a modifier of the verb.
QUANTIFIER_SUBJECTS = frozenset("many some others few most several all both".split())


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; with two (a parser slip), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects:
        if perfect_s(verb):
            return next(c for c in verb.children if c.dep_ == "nsubjpass")
        name = modal_name(verb)
        if name is not None:
            return name
        for c in verb.children:
            if c.i == verb.i - 1 and c.lower_ in QUANTIFIER_SUBJECTS and c.dep_ != "nsubjpass":
                return c
            # "About 4 in 10 say ...": a poll's share read as the verb's number modifier
            if c.i == verb.i - 1 and c.dep_ in ("nummod", "npadvmod") and c.like_num:
                return c
        return None
    return min(subjects, key=lambda c: abs(c.i - verb.i))


def modal_name(verb: Token) -> Token | None:
    """ "May said ...", "Will wrote ...": a capitalised "May"/"Will" the tagger read as a
    modal is a name when the verb after it is finite, which no modal takes (a modal's
    verb is a bare infinitive: "may say")."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if (
        before.head.i == verb.i
        and before.dep_ == "aux"
        and before.tag_ == "MD"
        and before.text[:1].isupper()
        and before.text[1:].islower()
    ):
        return before
    return None


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


# Collective nouns for groups that speak or act as one ("the campaign said").
GROUP_NOUNS = frozenset(
    """
    campaign campaigns committee committees group groups party parties government
    governments administration team company companies organization organizations agency
    agencies court courts council union unions coalition board panel network networks
    newspaper paper outlet outlets magazine station delegation caucus movement firm firms
    office department ministry embassy military police crowd audience public electorate
    majority minority plurality half third quarter percent republicans democrats
    """.split()
)
ANIMATE_PRONOUNS = frozenset("i we you he she they who one someone somebody everyone".split())


def animate(tok: Token) -> bool:
    """Whether a noun phrase head can be a source: a person, a group, a named body, a document."""
    if tok.pos_ == "PRON" and not written_as_name(tok):
        return tok.lower_ in ANIMATE_PRONOUNS
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    return (
        lemma in HUMAN_NOUNS
        or tok.lower_ in HUMAN_NOUNS
        or lemma in GROUP_NOUNS
        or lemma in DOCUMENT_NOUNS
        or tok.pos_ == "NUM"
    )


def governing_subject(noun: Token) -> Token | None:
    """The subject of the clause a noun sits in: "Trump was heard on a microphone telling
    ...", "groups have spent $10 million attacking ...": the participle on an inanimate
    noun reports what that clause's subject did."""
    cur = noun
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            subj = subject_of(head)
            if subj is None:
                subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            return subj if subj is not None and animate(subj) else None
        if cur.dep_ not in ("pobj", "prep", "dobj", "npadvmod", "compound", "conj", "appos"):
            return None
        cur = head
    return None


FINITE_TAGS = frozenset("VBD VBZ VBP".split())
STRANDED_DEPS = frozenset("appos pobj conj compound dobj npadvmod attr nmod".split())


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser attached elsewhere: "In an interview with
    PBS, the candidate stated ...", "At an event in Ohio, 62-year-old Jane Roe railed
    against ...": the noun phrase ending right before the verb (adverbs aside)."""
    finite = (
        verb.tag_ in FINITE_TAGS
        or (
            # "X, ..., have said": a perfect is as finite as a past
            verb.tag_ == "VBN"
            and any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in FINITE_TAGS
                for c in verb.children
            )
        )
        or (
            # "X, ..., doesn't see", "X, ..., will say": a finite "do" or a modal
            verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"} for c in verb.children)
        )
    )
    if verb.dep_ not in ("ROOT", "conj") or not finite:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("advmod", "aux", "neg") and doc[i].head.i == verb.i:
        i -= 1
    comma = i > 0 and doc[i].text == "," and verb.dep_ == "ROOT"
    if comma:
        # "Col. X, a spokesman in Baghdad, said": the appositive chain ends at a comma
        i -= 1
    if i < 0:
        return None
    last = doc[i]
    if last.is_punct or last.is_space:
        return None
    cand = last
    if comma:
        return _appositive_head(last, verb)
    while cand.head.i != cand.i and cand.head.i < verb.i and cand.head.right_edge.i == last.i:
        if cand.dep_ in STRANDED_DEPS and cand.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            break
        cand = cand.head
    if cand.pos_ not in ("NOUN", "PROPN", "PRON") or cand.dep_ not in STRANDED_DEPS:
        return None
    if verb.dep_ == "conj" and cand.i < verb.head.i:
        return None  # "X railed and explained": the conjunct's subject is inherited
    if animate(cand):
        return cand
    return _appositive_head(last, verb) if verb.dep_ == "ROOT" else None


def _appositive_head(last: Token, verb: Token) -> Token | None:
    """The highest appositive whose phrase ends at ``last``: the parser hung the
    subject on an earlier noun ("with Sanders's team, a White House official who ...")."""
    cand, best = last, None
    while True:
        if (
            cand.dep_ == "appos"
            and cand.pos_ in ("NOUN", "PROPN")
            and cand.ent_type_ not in ("GPE", "LOC", "FAC")  # "in Charleston, West Virginia"
            and cand.head.dep_ not in ("nsubj", "nsubjpass")  # another verb's subject
            and animate(cand)
        ):
            best = cand
        if cand.dep_ == "relcl" and _speaking_antecedent(cand.head, cand):
            # "Jane Roe, who was elected in 2014, doesn't see ...": the phrase before the
            # comma is a relative clause; its antecedent is the subject the parser lost
            return cand.head
        if cand.head.i == cand.i or cand.head.i >= verb.i or cand.head.right_edge.i != last.i:
            return best
        cand = cand.head


def _speaking_antecedent(noun: Token, clause: Token) -> bool:
    """A relative clause's antecedent that can be the subject of the verb after it: a
    person or group before the clause, not a place, and not another verb's subject."""
    return (
        noun.i < clause.i
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.ent_type_ not in ("GPE", "LOC", "FAC")
        and noun.dep_ not in ("nsubj", "nsubjpass")
        and animate(noun)
    )


INTERVIEW_NOUNS = frozenset("interview interviews conversation call briefing exchange".split())


def interviewer(verb: Token) -> Token | None:
    """ "In an interview with PBS Newshour, X said", "X said to reporters": who was told."""
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "to" and verb.lemma_.lower() in ("say", "speak", "talk", "write", "explain"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
        if c.lower_ in ("in", "during"):
            for noun in c.children:
                if noun.dep_ == "pobj" and noun.lower_ in INTERVIEW_NOUNS:
                    for p in noun.children:
                        if p.dep_ == "prep" and p.lower_ in ("with", "on", "to"):
                            objs = [o for o in p.children if o.dep_ == "pobj"]
                            if objs:
                                return objs[0]
    return None


CARRIER_VERBS = frozenset(
    "send issue release post publish run air place put tweet write email circulate".split()
)


def carrier_verb(noun: Token) -> Token | None:
    """The verb that issued a document: "sent out a press release", "ran an ad"."""
    head = noun.head
    if (
        noun.dep_ == "dobj"
        and head.lemma_.lower() in CARRIER_VERBS
        and subject_of(head) is not None
    ):
        if noun.i - head.i <= 6:
            return head
    return None


def that_marked(clause: Token) -> bool:
    """A clause opened by complementizer "that" (not "so that", "such that", "now that")."""
    doc = clause.doc
    for m in clause.children:
        if m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i:
            return m.i == 0 or doc[m.i - 1].lower_ not in ("so", "such", "now", "except", "given")
    return False


def subject_parsed_as_clause(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The subject of a speech verb that the parser made a clausal complement before it."""
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.dep_ != "ROOT":
        return None
    left = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not left:
        return None
    clause = left[0]
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    after = verb.i + 1 < len(doc) and (
        doc[verb.i + 1].text == ":" or is_opening_mark(doc, verb.i + 1)
    )
    right = any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    # the clause must be comma-separated from the verb: "X, who ..., said"
    if not (after or right) or doc[verb.i - 1].text != ",":
        return None
    a, b = trim_tokens(doc, clause.left_edge.i, verb.i)
    return (a, b) if a < b else None


def unmarked_clause(clause: Token) -> bool:
    """A finite clause with its own subject and no subordinator: "he would not accept"."""
    kids = list(clause.children)
    if any(c.dep_ == "mark" for c in kids) or clause.tag_ in ("VBG", "VBN", "TO"):
        return False
    finite = clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in kids
    )
    return finite and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids)


# Verbs whose active voice needs an object before "of"/"for": "X accused Y of Z". Without
# the object and an auxiliary, "X accused of Z" is a headline's passive.
_OBJECT_THEN_OF = frozenset("accuse charge blame criticise criticize fault praise suspect".split())
# Verbs whose passive raises its subject before "to" ("believed to be", "said to have"),
# and which take no "to" clause in the active voice ("expected to win" is active).
_RAISED_TO = frozenset(
    """believe think say report know understand consider estimate allege rumour rumor presume
    reckon fear""".split()
)
_REDUCED_PASSIVES = _OBJECT_THEN_OF | _RAISED_TO


def reduced_passive(verb: Token, lemma: str) -> bool:
    """A passive without its auxiliary ("BP accused of killing turtles", "the pig, a
    resident of the zoo, and believed to be the only one"): the subject is the one
    spoken about, not the speaker."""
    if verb.tag_ not in ("VBN", "VBD") or lemma not in _REDUCED_PASSIVES:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass", "dobj", "agent") for c in kids):
        return False
    if lemma in _RAISED_TO:
        after = verb.nbor() if verb.i + 1 < len(verb.doc) else None
        return (
            after is not None
            and after.lower_ == "to"
            and after.tag_ == "TO"
            and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in kids)
        )
    return any(c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == verb.i + 1 for c in kids)
