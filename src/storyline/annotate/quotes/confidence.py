"""How sure storyline is of an attribution: the ``confidence`` every quote carries.

A journalist who finds one invented quote stops trusting the tool, so the views
show by default only what clears ``QUOTE_CONFIDENCE`` (``storyline.models``) and
``--all`` shows everything. The confidence is a small logistic model (fitted on
PolNeAR train by ``bench/train_quote_model.py``, weights in ``quote_model.json``)
of the probability that a final attribution is right: its speaker is a gold
source and its content that source's content. It reads what the rules and the
keep/add models already know (their probability, the rule and frame, the cue)
and what makes an attribution doubtful to a reader:

* the speaker's kind: a named person, an organisation, a description ("the
  official"), a pronoun resolved to a name or not, a relative pronoun, none;
* the content's shape and length: a clause, a "to" clause, a bare noun phrase
  ("declined to comment", "urged the merger" report no claim);
* whether the cue is asserted: a negated cue or one in a question reports less.

Some attributions are not shown by default whatever the model says (their
confidence is capped at ``WITHHELD``, see ``withheld``): PolNeAR counts them, a
reader would not take them for a quote.

* one without a speaker, or whose speaker is a pronoun nobody could be named
  for ("it said", "they hope"), cannot answer "who said it";
* one whose speaker is an abstract noun on its own ("Reluctance centered on ...")
  or a relative pronoun nobody was found for ("towns that may be loath to ...");
* one whose speaker says nobody holds the content ("No one can say ...", "Nobody
  believes ...");
* one whose content holds its own speaker: the parse ran one over the other;
* one whose content is no claim: two words or fewer, a bare noun phrase of a
  few words ("urged the merger", "warned against such a step"; an amount,
  "asked for hundreds of the ladders", or after a negated cue, "did not respond
  to a request for comment", a little longer) or a short "to" clause ("declined
  to comment", "refused to talk to them") names a topic or an act, not
  something said.

A cue inside an open question ("it is unclear if X has decided to ...", "asked
whether X agreed") is a question about an attribution, not one: ``asserted``
drops it outright.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.lang.en.lex_attrs import like_num
from spacy.tokens import Doc, Token

from .cues import verb_frames
from .indirect import cue_lemma
from .learned import Features, LinearModel
from .spans import Attribution, DocView
from .speakers import NAMED_LABELS, Speaker, is_relative_pronoun, span_head, written_as_name
from .subjects import animate

# Words whose "if" clause is an open question, not a condition: a cue inside it is
# not asserted ("it is unclear if X has decided").
OPEN_QUESTION = frozenset(
    "ask wonder know see check question doubt determine clear unclear uncertain unknown sure"
    " certain".split()
)
MODALS = frozenset("would could might may should must can will".split())
# Cues of knowing, and of perceiving (with a verb after the object): no statement
# (``no_statement``).
NOT_STATEMENTS = frozenset("know realize realise notice witness".split())
PERCEPTION = frozenset("see watch hear".split())
# "to be named", "not to be identified": an anonymity formula (``anonymity_formula``).
UNNAMED_PARTICIPLES = frozenset("named identified quoted cited".split())
ORG_LABELS = NAMED_LABELS - {"PERSON"}
# The most an attribution ``withheld`` from the default views may score.
WITHHELD = 0.05
# Contents this short (in words) are no claim whatever their form; bare noun phrases
# and "to" clauses need more words than these to say something.
FEWEST_WORDS = 2
PHRASE_WORDS = {"np": 3, "pp": 3, "other": 3, "to": 4}
# A noun phrase this short is no claim when it counts things or its cue is negated.
AMOUNT_WORDS = 6
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Children that make a noun a noun phrase someone could be ("the mayor", "a spokesman").
NOUN_PHRASE = frozenset("det poss nummod amod compound prep relcl acl appos nmod case".split())
# Speakers that say nobody holds the content ("no one" is read off its "no").
NEGATIVE_SPEAKERS = frozenset("nobody none neither noone".split())
# Pronouns that name a group by quantity ("some said", "many believe", "those close to
# him"): an unnamed source, like "officials", not a reference a reader must resolve.
INDEFINITE = frozenset(
    "some many others most several few someone somebody everyone everybody anyone anybody"
    " nobody".split()
)


def speaker_kind(view: DocView, att: Attribution, sp: Speaker) -> str:
    """none | relative(_resolved) | pronoun(_resolved) | indefinite | person | org | propn |
    description(_resolved) | thing | other."""
    doc = view.doc
    if att.source is None or sp.text is None:
        return "none"
    head = span_head(doc, *att.source)
    low = head.lower_
    if is_relative_pronoun(head) and head.pos_ == "PRON":
        return "relative_resolved" if sp.resolved else "relative"
    as_name = written_as_name(head, view.capitalised_names)
    if head.pos_ == "PRON" and not as_name:
        if sp.resolved:
            return "pronoun_resolved"
        modified = any(c.dep_ in ("relcl", "acl", "prep", "amod") for c in head.children)
        return "indefinite" if low in INDEFINITE or (low == "those" and modified) else "pronoun"
    span = doc[att.source[0] : att.source[1]]
    if any(is_relative_pronoun(t) and t.dep_ in SUBJECTS and t.head.i in att.cue for t in span):
        # "a statement that said", "countries that may be loath": the subject is the
        # relative pronoun, the noun before it only what it stands for
        return "relative_resolved" if sp.resolved else "relative"
    if head.ent_type_ == "PERSON":  # also every PERSON entity whose root is the head
        return "person"
    if head.ent_type_ in ORG_LABELS:
        return "org"
    if head.pos_ == "PROPN" or as_name:
        if (
            head.is_sent_start
            and att.source[1] - att.source[0] == 1
            and not head.ent_type_
            and not any(c.dep_ in NOUN_PHRASE for c in head.children)
            and head.text not in view.mid_sentence_words
        ):
            # a capitalised first word the tagger took for a name ("Reluctance centered on
            # ..."): a name the doc would also write capitalised elsewhere
            return "bare"
        return "propn"
    if head.pos_ == "NOUN":
        if sp.resolved:
            return "description_resolved"
        if head.tag_ == "NN" and not any(c.dep_ in NOUN_PHRASE for c in head.children):
            return "bare"  # "Reluctance centered on ...": an abstract noun, not who said it
        # "officials", "the committee", "a report" can speak; "the merger" cannot
        return "description" if animate(head) else "thing"
    return "other"


def answerable(kind: str) -> bool:
    """Whether the speaker can be named: a reader learns nothing from an unresolved "it"."""
    return kind not in ("none", "pronoun", "relative", "bare")


def claim(shape: str, words: int, root: Token | None = None, negated: bool = False) -> bool:
    """Whether a content of this shape and length can be something said (see the module).

    A noun phrase of a few more words is no claim either when it is an amount
    ("asked for hundreds of the ladders": what someone wants) or when the cue is
    negated ("did not respond to a request for comment": nothing was said)."""
    if words <= FEWEST_WORDS or words <= PHRASE_WORDS.get(shape, 0):
        return False
    if shape in PHRASE_WORDS and shape != "to" and words <= AMOUNT_WORDS and root is not None:
        return not (negated or amount(root))
    return True


def amount(root: Token) -> bool:
    """ "hundreds of ladders", "300 trucks", "dozens": a noun phrase that counts things."""
    return root.like_num or like_num(root.lemma_) or any(c.dep_ == "nummod" for c in root.children)


def withheld(view: DocView, att: Attribution, sp: Speaker) -> bool:
    """Not shown by default whatever its score: no nameable speaker, no claim, or no
    statement (``no_statement``)."""
    if not answerable(speaker_kind(view, att, sp)) or nobody_speaks(view.doc, att):
        return True
    if speaker_in_content(view.doc, att):
        return True
    toks = _content_tokens(view.doc, att)
    if no_statement(view.doc[att.head], att, toks) or anonymity_formula(toks):
        return True
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    inside = {t.i for t in words}
    roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    cue = view.doc[att.head]
    negated = any(c.dep_ == "neg" for c in cue.children)
    shape = content_shape(toks, att.direct)
    return not claim(shape, len(words), roots[0] if roots else None, negated)


def nobody_speaks(doc: Doc, att: Attribution) -> bool:
    """ "No one can say ...", "Nobody knows ...", "None of the scholars believes ...":
    a speaker that denies anyone holds the content, which is then nobody's quote."""
    if att.source is None:
        return False
    head = span_head(doc, *att.source)
    if head.lower_ in NEGATIVE_SPEAKERS:
        return True
    return head.lower_ == "one" and any(
        c.lower_ == "no" and c.dep_ == "det" for c in head.children
    )


def speaker_in_content(doc: Doc, att: Attribution) -> bool:
    """The content holds its own speaker, and not as the one who reports it: "The
    government adding The government also has a campaign ...", "Matthew Tempest find
    Matthew Tempest was there": the parse ran one span over the other, and what was
    said is not told apart from who said it. "Writing in the Gazette, Ann Lee says
    the ferry is a relic" keeps its quote: the speaker's words are followed by a cue."""
    if att.source is None or not att.content or att.direct:
        return False  # a direct quote's marks bound what was said
    start, end = doc[att.source[0]].idx, doc[att.source[1] - 1].idx
    end += len(doc[att.source[1] - 1])
    opening = min(a for a, _ in att.content)
    if any(a <= start and end <= b for a, b in att.content):
        after = att.source[1]  # the speaker's own span inside the content
    elif opening < end:
        return False  # "The LME executive has been concerned ..., the LME said"
    else:  # the content, after its speaker, opens with the speaker's words again
        after_speaker = doc[att.source[1] :]
        first = next((t for t in after_speaker if t.idx >= opening and not t.is_punct), None)
        n = att.source[1] - att.source[0]
        if n < 2 or first is None or first.i + n >= len(doc):
            return False
        words = [t.lower_ for t in doc[first.i : first.i + n]]
        if words != [t.lower_ for t in doc[att.source[0] : att.source[1]]]:
            return False
        after = first.i + n
    if after >= len(doc):
        return True
    following = doc[after]
    return not (following.pos_ in ("VERB", "AUX") and verb_frames(cue_lemma(following)))


def no_statement(cue: Token, att: Attribution, toks: Sequence[Token]) -> bool:
    """Knowing and perceiving are no statements: in "most Americans know that ...", "a
    reporter saw troops reassert control" the writer asserts what was known or seen.
    PolNeAR counts them as attributions; a reader of quotes would not. "See", "watch"
    and "hear" only with a bare or -ing verb ("saw troops reassert"), not "sees it as";
    "discovered that" / "found that" report findings and stay."""
    lemma = att.lemma or cue_lemma(cue)
    if lemma in NOT_STATEMENTS:
        return True
    if lemma not in PERCEPTION:
        return False
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VB", "VBG") for t in roots)


def anonymity_formula(toks: Sequence[Token]) -> bool:
    """ "declining to be named because ...", "asked not to be identified": why a source
    is unnamed, nothing the source said."""
    words = [t.lower_ for t in toks if not (t.is_punct or t.is_space)][:4]
    if words[:1] == ["not"]:
        words = words[1:]
    return words[:2] == ["to", "be"] and len(words) > 2 and words[2] in UNNAMED_PARTICIPLES


def asserted(view: DocView, att: Attribution) -> bool:
    """False for a cue in an "if"/"whether" clause: "it is unclear if X has decided"."""
    return not hypothetical(view.doc[att.head])


def _content_tokens(doc: Doc, att: Attribution) -> list[Token]:
    out: list[Token] = []
    for a, b in att.content:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


def content_shape(toks: Sequence[Token], direct: bool) -> str:
    """quote | clause | to | wh | np | pp | other: what kind of thing the content is."""
    if direct:
        return "quote"
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    if not words:
        return "other"
    inside = {t.i for t in words}
    roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    first = words[0].lower_
    if first in ("whether", "if", "how", "what", "why", "when", "where", "who", "which"):
        return "wh"
    if first == "to" and any(t.tag_ == "VB" for t in roots):
        return "to"
    if any(t.dep_ == "oprd" for t in roots):
        return "clause"  # a small clause: "called the mayor a liar", "called it unfair"
    if any(
        t.pos_ in ("VERB", "AUX")
        and (
            t.tag_ in ("VBD", "VBZ", "VBP", "MD")
            or any(c.dep_.startswith("nsubj") for c in t.children)
        )
        for t in roots
    ):
        return "clause"
    if any(t.pos_ in ("VERB", "AUX") for t in roots):
        return "verb"
    if roots and all(t.pos_ == "ADP" for t in roots):
        return "pp"
    if any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in roots):
        return "np"
    return "other"


def _words_bin(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (15, "9-15")):
        if n <= top:
            return name
    return "16+"


def hypothetical(cue: Token) -> bool:
    """The cue sits in an open question: a "whether" clause, or an "if" clause a word
    of asking or knowing governs ("It is unclear if X has decided ...", "asked if X
    agreed"). A conditional ("if X decides to run, ...") still reports X's intent."""
    for tok in (cue, *cue.ancestors):
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if "whether" in marks or ("if" in marks and _asks(tok.head)):
            return True
        if tok.dep_ == "ROOT":
            break
    return False


def _asks(head: Token) -> bool:
    """A word of asking or knowing, or a predicate built on one ("is unclear")."""
    words = [head, *(c for c in head.children if c.dep_ in ("acomp", "attr", "oprd"))]
    return any(w.lemma_.lower() in OPEN_QUESTION for w in words)


def _question(view: DocView, cue: Token) -> bool:
    """The cue's sentence asks (ends with a question mark that is not inside a quote)."""
    sent = cue.sent
    last = sent.end - 1
    while last > sent.start and (view.doc[last].is_space or view.doc[last].text in ("''", '"')):
        last -= 1
    return view.doc[last].text == "?" and view.marks_between(sent.start, last) % 2 == 0


def confidence_features(view: DocView, att: Attribution, sp: Speaker) -> Features:
    """Features of one final attribution (after the keep/add models) and its speaker."""
    doc = view.doc
    cue = doc[att.head]
    lemma = att.lemma or cue_lemma(cue)
    direct = int(att.direct)
    kind = speaker_kind(view, att, sp)
    toks = _content_tokens(doc, att)
    shape = content_shape(toks, att.direct)
    words = sum(1 for t in toks if not (t.is_punct or t.is_space))
    sent = cue.sent
    f: Features = {
        f"kind={att.kind}": 1.0,
        f"frame={att.frame}": 1.0,
        f"lemma={lemma}": 1.0,
        f"lemma+shape={lemma}|{shape}": 1.0,
        "direct": float(direct),
        f"speaker={kind}": 1.0,
        f"speaker+direct={kind}|{direct}": 1.0,
        f"shape={shape}": 1.0,
        f"words={_words_bin(words)}": 1.0,
        f"shape+words={shape}|{_words_bin(words)}": 1.0,
        "words_log": math.log1p(words) / 5,
        "hypothetical": float(hypothetical(cue)),
        "negated": float(any(c.dep_ == "neg" for c in cue.children)),
        "modal": float(any(c.dep_ == "aux" and c.lower_ in MODALS for c in cue.children)),
        "question": float(not att.direct and _question(view, cue)),
        "in_quotes": float(view.marks_between(sent.start, cue.i) % 2),
        f"cue_pos={cue.pos_}": 1.0,
        "anonymous": float(sp.anonymous),
    }
    if words:
        first = next(t for t in toks if not (t.is_punct or t.is_space))
        f[f"first={first.lower_ if first.is_stop else first.pos_}"] = 1.0
    if toks and not att.direct and view.marks_between(toks[0].i, toks[-1].i + 1):
        f["mixed"] = 1.0  # indirect content quoting some words: "called it a \"disaster\""
    if att.score is None:
        f["unreviewed"] = 1.0
    else:
        p = min(max(att.score, 1e-4), 1 - 1e-4)
        f["score"] = att.score
        f["score_logit"] = math.log(p / (1 - p)) / 5
    if att.source is not None:
        head = span_head(doc, *att.source)
        f["source_after"] = float(att.source[0] > att.head)
        f["source_len"] = min(att.source[1] - att.source[0], 12) / 12
        if head.pos_ == "NOUN":
            f[f"s_lemma={head.lemma_.lower()}"] = 1.0
        if head.pos_ == "PRON" and not written_as_name(head, view.capitalised_names):
            f[f"s_pron={head.lower_}"] = 1.0
    return f


def confidences(
    view: DocView,
    atts: Sequence[Attribution],
    speakers: Sequence[Speaker],
    model: LinearModel | None,
) -> list[float]:
    """The confidence of each attribution (1.0 for all when there is no model)."""
    if model is None:
        return [1.0] * len(atts)
    out = []
    for att, sp in zip(atts, speakers, strict=True):
        p = model.probability(confidence_features(view, att, sp))
        if withheld(view, att, sp):
            p = min(p, WITHHELD)
        out.append(round(p, 4))
    return out
