"""Attributions read off the dependency parse: a cue word, its source, its content.

"X said (that) ...", "X told reporters ...", "..., X said", "The plan, he said,
is dead", "X wants to ...", "X criticized the plan", "X called for ...",
"... was first reported by X", "..., according to X", "X's claim that ...".
Direct quotes are matched to these cues afterwards (see ``assemble``).

Span conventions follow news-attribution annotation (PolNeAR, PARC): the source
is the whole noun phrase (titles, appositions and relative clauses included),
the cue is the verb with its auxiliaries, negation, particle and the
preposition that introduces the content, and the content is the complement
("that" included) without the sentence's final punctuation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import (
    ADDRESSEE_VERBS,
    CLAUSE,
    DOCUMENT_NOUNS,
    INF,
    LIGHT_CUES,
    NP,
    PASSIVE_RAISING,
    PRED,
    PREP_CUES,
    QUOTE,
    RAISING_VERBS,
    RECEIVE_VERBS,
    RECEIVED_NOUNS,
    VERB_CUES,
    verb_frames,
)
from .nonreports import inverted_question
from .spans import Attribution, is_opening_mark, runs, subtree_indices, trim_tokens
from .subjects import (
    animate,
    carrier_verb,
    event_noun_head,
    governing_subject,
    interviewer,
    modal_name,
    perfect_s,
    reduced_passive,
    stranded_subject,
    subject_of,
    subject_parsed_as_clause,
    that_marked,
    unmarked_clause,
    with_subject,
)

SUBJECTS = ("nsubj", "csubj", "expl")
CLAUSAL = ("ccomp",)
# Verbs that only report with a clause or a named document subject: as bare
# transitives they mean something else ("showed his badge", "found the keys").
EVIDENTIAL = frozenset("show find reveal demonstrate indicate confirm suggest estimate".split())
TEMPORAL_MARKS = frozenset("after before since until till while because if unless once".split())
# Head verbs of "went on to say", "continued to criticize": part of the cue.
CHAIN_VERBS = frozenset(
    "go continue begin start proceed rush hasten move seem appear try attempt".split()
)


def cue_lemma(tok: Token) -> str:
    """The token's lemma, repaired where the small model's lemmatizer slips ("hopes" -> "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in VERB_CUES or lemma in PREP_CUES:
        return lemma
    low = tok.lower_
    for cut, add in (
        ("", ""),
        ("s", ""),
        ("es", ""),
        ("d", ""),
        ("ed", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if cut and not low.endswith(cut):
            continue
        cand = (low[: -len(cut)] if cut else low) + add
        if cand in VERB_CUES:
            return cand
    return lemma


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


RELATIVE_SOURCES = frozenset(("that", "which"))
ADJUNCT_PREPS = frozenset("in during at on after before over since".split())


def source_span(doc: Doc, tok: Token, exclude: set[int]) -> tuple[int, int] | None:
    """The source noun phrase: the subtree of its head, without a comma-set adjunct
    ("Cardin, in an interview Wednesday, said") or the cue itself."""
    rel = tok.head
    if tok.lower_ in RELATIVE_SOURCES and tok.dep_ == "nsubj" and rel.dep_ == "relcl":
        # "businesses that warn ...": a relative pronoun stands for its antecedent
        a, b = trim_tokens(doc, rel.head.left_edge.i, tok.i + 1)
        if a < b:
            return a, b
    drop = set(exclude)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPS and c.i > 0 and doc[c.i - 1].text == ",":
            drop |= subtree_indices(c)
    idx = sorted(subtree_indices(tok) - drop)
    if not idx:
        return None
    # keep the run that contains the source head
    for a, b in runs(idx):
        if a <= tok.i < b:
            a, b = trim_tokens(doc, a, b)
            return (a, b) if a < b else None
    return None


def inherited_subject(verb: Token) -> tuple[Token | None, list[int]]:
    """Subject of a subjectless participle/infinitive/conjunct, and chain verbs for the cue.

    "X said ..., adding that": X. "led Republicans to say": Republicans (the
    object controls the infinitive). "went on to say", "appeared to imply": the
    head verb joins the cue.
    """
    chain: list[int] = []
    if verb.tag_ == "VBN" and verb.dep_ == "advcl":
        return None, chain  # "Asked about ..., X said": X is not the asker
    cur = verb
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
    ) or (verb.dep_ == "conj" and CLAUSE in verb_frames(cue_lemma(verb))):
        # "X said he saw no need ..., telling Y", "X said A was B and insisted C": the
        # participle or conjoined report verb goes with the report, not with the
        # reported clause the parser attached it to
        top = verb.head
        while top.dep_ == "ccomp" and top.head.pos_ == "VERB" and cue_lemma(top.head) in VERB_CUES:
            top = top.head
        if top.i != verb.head.i and subject_of(top) is not None:
            return subject_of(top), chain
    for _ in range(4):
        dep = cur.dep_
        if dep == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            # "by promising ...", "before adding ...": the clause the preposition hangs on
            cur = cur.head
            dep = "advcl"
        if dep not in ("conj", "xcomp", "advcl", "ccomp") or cur.head.i == cur.i:
            return None, chain
        head = cur.head
        if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd"):
            # "voters are more likely to say", "he was quick to point out": the
            # copula's subject, and the adjective phrase joins the cue
            chain.extend(range(head.head.i, cur.i))
            head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return None, chain
            subj = subject_of(head) or next(
                (c for c in head.children if c.dep_ == "nsubjpass"), None
            )
            return subj, chain if subj is not None else []
        if head.pos_ not in ("VERB", "AUX"):
            return None, chain
        if dep in ("xcomp", "ccomp"):
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if dep == "ccomp" and not to:
                return None, chain
            obj = [
                c
                for c in head.children
                if c.dep_ in ("dobj", "dative") and c.i < cur.i and animate(c)
            ]
            if obj:
                return obj[0], chain
            if head.lemma_.lower() in CHAIN_VERBS:
                chain.extend(t.i for t in head.children if t.dep_ in ("aux", "neg", "prt"))
                chain.append(head.i)
                chain.extend(t.i for t in cur.children if t.dep_ == "aux" and t.i < cur.i)
        subj = subject_of(head)
        if subj is None and dep in ("conj", "xcomp", "advcl"):
            # "X was joined on stage and joked ...", "X is expected to endorse ...",
            # "X was prompted to say ...": the passive subject is the conjunct's or controls
            subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and dep == "xcomp":
                chain.extend(range(head.i, cur.i))
        if subj is not None:
            if subj.lower_ in ("it", "this", "that") and head.lemma_ == "be":
                return None, []  # "it is hard to know ...": no one in particular
            return subj, chain
        cur = head
    return None, chain


def cue_tokens(verb: Token) -> list[int]:
    """The verb with its auxiliaries, negation, particle and the adverbs between them."""
    cue = {verb.i}
    name = modal_name(verb)  # "May said": the speaker, not part of the cue
    skip = name.i if name is not None else -1
    aux = [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.i != skip
    ]
    if aux:
        first = min(c.i for c in aux)
        for c in verb.children:
            if first <= c.i < verb.i and c.dep_ in ("aux", "auxpass", "neg", "advmod"):
                cue.add(c.i)
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            cue.add(c.i)
    return sorted(cue)


def _content_from_children(
    verb: Token, frames: frozenset[str], lemma: str
) -> tuple[list[Token], list[int], Token | None, str]:
    """(content roots, extra cue tokens, addressee, frame name) for a cue verb."""
    kids = list(verb.children)
    ccomp = [c for c in kids if c.dep_ in CLAUSAL]
    if CLAUSE in frames and not ccomp:
        # "recalled in 2008 that ...", "said after the convention he would not ...": the
        # parser may make the reported clause an adverbial; a real one has a marker
        # ("if", "when", "after") or no subject of its own
        ccomp = [
            c
            for c in kids
            if c.dep_ == "advcl" and c.i > verb.i and (that_marked(c) or unmarked_clause(c))
        ]
    xcomp = [c for c in kids if c.dep_ == "xcomp" and c.i > verb.i]
    dobj = [c for c in kids if c.dep_ == "dobj"]
    dative = [c for c in kids if c.dep_ == "dative"]
    oprd = [c for c in kids if c.dep_ in ("oprd", "acomp") and c.i > verb.i]
    preps = [c for c in kids if c.dep_ == "prep" and c.i > verb.i]
    as_prep = [p for p in preps if p.lower_ == "as"]
    addressee: Token | None = None
    if dative:
        addressee = dative[0]
    if CLAUSE in frames and ccomp:
        roots = list(ccomp)
        if dobj:
            if lemma in ADDRESSEE_VERBS:
                addressee = addressee or dobj[0]
            elif PRED in frames:
                roots = dobj + roots
        return roots, [], addressee, "clause"
    if PRED in frames and dobj and (oprd or as_prep):
        return dobj + oprd + as_prep, [], addressee, "predicate"
    if PRED in frames and dobj and _has_predicate(verb, dobj[0]):
        # "called the plan \"insanity\"", "called his actions \"a crucial step\"":
        # the small model attaches the predicate in many ways; take the object onward
        rest = [c for c in kids if c.i > dobj[0].i and c.dep_ not in NOT_PREDICATE]
        return dobj + rest, [], addressee, "predicate"
    if INF in frames and xcomp:
        roots = list(xcomp)
        if dobj and dobj[0].i < xcomp[0].i:
            if lemma in ADDRESSEE_VERBS:
                addressee = addressee or dobj[0]
            else:
                roots = dobj + roots
        return roots, [], addressee, "infinitive"
    allowed = PREP_CUES.get(lemma, frozenset())
    prt = [c for c in kids if c.dep_ == "prt"]
    for c in kids:
        # "called for him to resign": the preposition parsed as the clause's marker
        if c.dep_ == "advcl" and c.i > verb.i and allowed:
            mark = [m for m in c.children if m.dep_ == "mark" and m.lower_ in allowed]
            if mark and mark[0].i == c.left_edge.i:
                return [c], [mark[0].i], addressee, "preposition"
    for p in preps + [c for c in prt if any(o.dep_ == "pobj" for o in c.children)]:
        if p.lower_ in allowed or (prt and prt[0].lower_ in allowed):
            objs = [c for c in p.children if c.dep_ in ("pobj", "pcomp")]
            if dobj and lemma in ADDRESSEE_VERBS:
                addressee = addressee or dobj[0]
            if objs and (not dobj or lemma in ADDRESSEE_VERBS):
                extra = [p.i] if p.i == max(cue_tokens(verb)) + 1 or not prt else [p.i]
                roots = [o for o in objs] + [x for x in xcomp if x.i > p.i]
                return roots, extra, addressee, "preposition"
    if NP in frames and dobj:
        if lemma in EVIDENTIAL and CLAUSE not in frames:
            return [], [], addressee, ""
        return dobj + oprd + as_prep, [], addressee, "object"
    if dobj and lemma in ADDRESSEE_VERBS:
        addressee = addressee or dobj[0]
    # any clause or infinitive a cue verb governs is its content ("described Ban
    # sitting glumly", "support deploying ground forces")
    later = [c for c in ccomp if c.i > verb.i] or xcomp
    if later and verb.dep_ in ("ROOT", "conj", "advcl", "pcomp", "parataxis"):
        return later, [], addressee, "complement"
    if NP in frames and verb.dep_ == "relcl" and not dobj and verb.head.pos_ in ("NOUN", "PRON"):
        # "a deal she once supported", "everything they wanted": the antecedent
        ante = verb.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
            return [ante], [], addressee, "antecedent"
    return [], [], addressee, ""


NOT_PREDICATE = frozenset(
    "advcl conj cc punct parataxis npadvmod advmod mark aux auxpass nsubj dep".split()
)


def _has_predicate(verb: Token, obj: Token) -> bool:
    """Whether "verb obj" goes on to say what obj is called (a noun, adjective or quote)."""
    if any(c.dep_ in ("appos", "amod", "acomp") and c.i > obj.i for c in obj.children):
        return True
    if any(c.dep_ in ("attr", "ccomp", "xcomp") and c.i > obj.i for c in verb.children):
        return True
    nxt = obj.right_edge.i + 1
    doc = verb.doc
    return nxt < len(doc) and is_opening_mark(doc, nxt)


def _document_subject(tok: Token | None) -> bool:
    return tok is not None and tok.lemma_.lower() in DOCUMENT_NOUNS


def verb_attribution(doc: Doc, verb: Token) -> Attribution | None:
    """The attribution a cue verb heads, or None. Content may be empty (quotes come later)."""
    if inverted_question(verb):
        return None
    lemma = cue_lemma(verb)
    if lemma in LIGHT_CUES:
        light = light_verb_attribution(doc, verb, lemma)
        if light is not None:
            return light
    frames = verb_frames(lemma)
    if not frames and lemma not in PREP_CUES and lemma not in RAISING_VERBS:
        return _generic_clause(doc, verb, lemma)
    if frames == {QUOTE}:
        return _quote_only(doc, verb, lemma)
    raised = raising_attribution(doc, verb, lemma)
    if raised is None and PRED in frames:
        raised = passive_predicate(doc, verb, lemma)
    if raised is not None:
        return raised
    if lemma in RAISING_VERBS or _raises_a_report(verb, lemma):
        return None
    roots, extra_cue, addressee, frame = _content_from_children(verb, frames, lemma)
    subj = subject_of(verb)
    chain: list[int] = []
    passive = (any(c.dep_ == "auxpass" for c in verb.children) and not perfect_s(verb)) or (
        verb.tag_ == "VBN" and _agent(verb) is not None
    )
    if reduced_passive(verb, lemma):
        subj = None  # "BP accused of killing turtles": BP is accused, the accuser unnamed
    source_tok: Token | None = subj
    if passive:
        agent = _agent(verb)
        source_tok = agent
        if agent is not None:
            extra_cue.append(agent.head.i)
        if not roots:
            subjpass = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if subjpass and NP in frames:
                roots, frame = subjpass, "passive"
    elif subj is None:
        source_tok, chain = inherited_subject(verb)
        with_subj = with_subject(doc, verb)
        if with_subj is not None:
            source_tok, chain = with_subj, []
        elif event_noun_head(verb):
            # "opened a rally blasting X": the one holding the rally does the blasting
            source_tok = subject_of(verb.head.head)
        elif (
            source_tok is None
            and verb.dep_ == "acl"
            and verb.tag_ != "VBN"  # "the board, accused of ...": the board is accused
            and verb.head.pos_ in ("NOUN", "PROPN")
        ):
            source_tok = verb.head
            carrier = carrier_verb(verb.head)
            if carrier is None and not animate(verb.head):
                source_tok = governing_subject(verb.head) or verb.head
            elif carrier is not None:
                # "the campaign sent out a press release saying ...": the campaign says it
                source_tok = subject_of(carrier)
                chain = list(range(carrier.i, verb.i))
    if source_tok is None and not passive:
        source_tok = stranded_subject(verb)
    if lemma in EVIDENTIAL and frame == "object" and not _document_subject(source_tok):
        return None
    cue = sorted(set(cue_tokens(verb)) | set(extra_cue) | set(chain))
    att = Attribution(head=verb.i, cue=cue, kind="verb", lemma=lemma, frame=frame)
    exclude = set(cue)
    if verb.dep_ == "acl" and source_tok is not None and source_tok.i == verb.head.i:
        exclude |= subtree_indices(verb)
    misparsed = subject_parsed_as_clause(doc, verb) if source_tok is None and not passive else None
    if misparsed is not None:
        # "One official, who ... wasn't authorized to ..., said \"...\"": the parser
        # read the subject and its relative clause as a clause of their own
        att.source = misparsed
        roots = [r for r in roots if r.i > verb.i]
    elif source_tok is not None:
        att.source = source_span(doc, source_tok, exclude)
    if addressee is None:
        addressee = interviewer(verb)
    if addressee is not None:
        att.addressee = trim_tokens(doc, *_subtree_range(addressee))
    if roots:
        idx: set[int] = set()
        for r in roots:
            idx |= subtree_indices(r)
        idx -= set(cue)
        if frame == "antecedent":
            idx -= subtree_indices(verb)
        if att.source:
            idx -= set(range(*att.source))
        att.content = token_runs_to_chars(doc, idx)
    return att


def _quote_only(doc: Doc, verb: Token, lemma: str) -> Attribution:
    """A manner-of-speaking verb: content only comes from an adjacent quote (assemble)."""
    subj = subject_of(verb)
    chain: list[int] = []
    if subj is None:
        subj, chain = inherited_subject(verb)
    cue = sorted(set(cue_tokens(verb)) | set(chain))
    att = Attribution(head=verb.i, cue=cue, kind="verb", lemma=lemma, frame="quote")
    if subj is not None:
        att.source = source_span(doc, subj, set(cue))
    return att


NOT_REPORTING = frozenset(
    """be have do make get ensure mean let help cause keep need take go come put give
    become seem appear happen matter depend remain stand turn leave bring allow require
    prove show find""".split()
)


def _generic_clause(doc: Doc, verb: Token, lemma: str) -> Attribution | None:
    """A verb outside the lexicon that takes a "that"-clause and has a subject:
    "X warned that ...", "X conceded that ..." are reports whatever the verb."""
    if lemma in NOT_REPORTING:
        return None
    comp = [
        c
        for c in verb.children
        if c.dep_ == "ccomp"
        and c.i > verb.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    subj = subject_of(verb)
    if not comp or subj is None or subj.lower_ in ("it", "this", "that", "there"):
        return None
    cue = cue_tokens(verb)
    att = Attribution(head=verb.i, cue=cue, kind="verb", lemma=lemma, frame="generic")
    att.source = source_span(doc, subj, set(cue))
    att.content = token_runs_to_chars(doc, subtree_indices(comp[0]) - set(cue))
    return att


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def token_runs_to_chars(doc: Doc, idx: set[int]) -> list[tuple[int, int]]:
    out = []
    for a, b in runs(idx):
        a, b = trim_tokens(doc, a, b, keep_quotes=True)
        if a < b:
            out.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
    return out


def _raises_a_report(verb: Token, lemma: str) -> bool:
    """ "X is expected to endorse Y": the report is the complement's (X endorses)."""
    if lemma not in PASSIVE_RAISING or _agent(verb) is not None:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(
        c.dep_ == "xcomp" and c.i > verb.i and c.pos_ == "VERB" and cue_lemma(c) in VERB_CUES
        for c in verb.children
    )


def raising_attribution(doc: Doc, verb: Token, lemma: str) -> Attribution | None:
    """ "X seems to ...", "X is expected to ...": content is X and its complement, no source."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) and not perfect_s(verb)
    if lemma in RAISING_VERBS:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
    elif passive and lemma in PASSIVE_RAISING and _agent(verb) is None:
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    else:
        return None
    comp = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
    if not comp:
        return None
    if comp[0].dep_ == "xcomp" and comp[0].pos_ == "VERB" and cue_lemma(comp[0]) in VERB_CUES:
        return None  # "appeared to imply that ...": the report is the complement's
    cue = cue_tokens(verb)
    att = Attribution(head=verb.i, cue=cue, kind="verb", lemma=lemma, frame="raising")
    idx: set[int] = set()
    for r in [s for s in subj if s.dep_ != "expl"] + comp:
        idx |= subtree_indices(r)
    att.content = token_runs_to_chars(doc, idx - set(cue))
    return att


def light_verb_attribution(doc: Doc, verb: Token, lemma: str) -> Attribution | None:
    """ "made clear that ...", "took aim at ...", "raised concerns about ...": verb + noun cue."""
    nouns = LIGHT_CUES[lemma]
    obj = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "ccomp", "acomp", "oprd", "prt") and c.lower_ in nouns
    ]
    if not obj:
        return None
    noun = obj[0]
    if lemma in RECEIVE_VERBS and noun.lower_ in RECEIVED_NOUNS and lemma != "have":
        return None  # "drew criticism from X": X's view (``phrases.reception_attribution``)
    cue = set(cue_tokens(verb)) | set(range(verb.i, noun.i + 1))
    roots: list[Token] = []
    for holder in (noun, verb):
        for c in holder.children:
            if c.i <= noun.i or c.i in cue:
                continue
            if c.dep_ in ("ccomp", "acl", "xcomp") and not roots:
                roots.append(c)
            elif c.dep_ == "prep" and not roots and c.lower_ not in ("in", "during", "on", "at"):
                objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                if objs:
                    cue.add(c.i)
                    roots.extend(objs)
    if not roots:
        return None
    att = Attribution(head=verb.i, cue=sorted(cue), kind="verb", lemma=lemma, frame="light")
    subj = subject_of(verb)
    if subj is None:
        subj, chain = inherited_subject(verb)
        att.cue = sorted(set(att.cue) | set(chain))
    if subj is not None:
        att.source = source_span(doc, subj, set(att.cue))
    idx: set[int] = set()
    for r in roots:
        idx |= subtree_indices(r)
    att.content = token_runs_to_chars(doc, idx - set(att.cue))
    return att


def passive_predicate(doc: Doc, verb: Token, lemma: str) -> Attribution | None:
    """ "X is seen as Y", "a place known as Y", "was called \"...\" by Z": X and Y are content."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and not (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return None
    pred = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as"))
    ]
    if not pred:
        return None
    cue = cue_tokens(verb)
    agent = _agent(verb)
    if agent is not None:
        cue = sorted(set(cue) | {agent.head.i})
    att = Attribution(head=verb.i, cue=cue, kind="verb", lemma=lemma, frame="passive-predicate")
    idx: set[int] = set()
    for p in pred:
        idx |= subtree_indices(p)
    if passive:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                idx |= subtree_indices(c)
    else:
        head = verb.head
        idx |= {t.i for t in head.subtree if t.i < verb.i and t.i not in subtree_indices(verb)}
    if agent is not None:
        att.source = source_span(doc, agent, set(cue))
    att.content = token_runs_to_chars(doc, idx - set(cue))
    return att
