"""Who the speaker is: named, anonymous, or a pronoun/description resolved to a name.

Anonymity: a speaker is anonymous when the head of its noun phrase is a common
noun for a person or group ("one official familiar with the issue", "people
familiar with the discussions", "U.S. officials", "a Western official", "the
people, who asked not to be identified") and the phrase names no person.
Organisations, places and documents ("the Pentagon", "Ukraine", "a poll") are
named or non-human sources, not anonymous ones.

Resolution is a small rule-based coreference, gender-neutral:

* "he"/"she" go to the one person named between the previous attribution's
  speaker and the pronoun (outside the pronoun's own content); with none, to
  the previous attribution's speaker (within three sentences); with two or more
  different people, to the one person named in the nearest sentence naming
  anyone when that person is its subject ("A met B. C was not impressed. '...,'
  he said": C), else nowhere (ambiguous: "A met B. '...,' he said").
  When neither the text since the previous speaker nor that speaker names anyone
  ("he" after "he"), the same, up to ten sentences back.
  A person the doc shows to be a man is not "she", nor a woman "he" (``gender``).
  "they" only goes to a plural or organisational previous speaker.
* "the official", "the chairman" go to the previous speaker with the same head
  noun ("One official ... the official said": stays anonymous), else to a
  person named with that title ("committee chairman Michael McCaul").
* "who" in "X, who said ..." is X.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...text.titles import HONORIFICS
from ..name_kinds import title_before
from .gender import FEMALE, MALE, compatible, gender_before, genders, is_subject, key
from .spans import Attribution, DocView, char_span

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Words that say a speaker is not named ("UNIDENTIFIED MALE:" in a transcript).
UNNAMED = frozenset({"unidentified", "unnamed", "unknown"})
QUANTIFIERS = frozenset(
    "one two three four five some several many most few all none each any both another".split()
)
# Indefinites that, standing alone, are a vague group of people ("Some say", "Others believe").
INDEFINITES = frozenset("some many others most few several both all".split())
# How many sentences back a pronoun or description may look.
WINDOW = 3
# How far back "he" after an unnamed speaker looks for the person a passage is about.
FAR_WINDOW = 10
DESCRIPTION_WINDOW = 8

# Nouns for people and groups of people: as a speaker's head noun without a
# name they make the speaker anonymous.
HUMAN_NOUNS = frozenset(
    """
    official officials source sources person people aide aides adviser advisers
    advisor advisors staffer staffers spokesperson spokespeople spokesman spokesmen
    spokeswoman spokeswomen diplomat diplomats officer officers lawmaker lawmakers
    legislator legislators member members insider insiders analyst analysts expert
    experts observer observers critic critics supporter supporters resident residents
    someone somebody anyone employee employees executive executives administrator
    negotiator negotiators investigator investigators agent agents prosecutor
    prosecutors lawyer lawyers attorney attorneys representative representatives
    delegate delegates strategist strategists operative operatives consultant
    consultants donor donors ally allies associate associates confidant confidants
    friend friends colleague colleagues witness witnesses leader leaders commander
    commanders general generals minister ministers envoy envoys ambassador
    ambassadors senator senators congressman congresswoman chairman chairwoman chair
    secretary director directors president governor mayor candidate candidates
    voter voters activist activists protester protesters worker workers individual
    individuals man men woman women figure figures veteran veterans historian
    historians economist economists scientist scientists researcher researchers
    pollster pollsters journalist journalists reporter reporters correspondent
    """.split()
)

# Roles with one holder: "the president said" names someone, unresolved or not.
UNIQUE_TITLES = frozenset(
    "president chairman chairwoman chair governor mayor secretary speaker premier chancellor".split()
)

# Titles that make "the chairman" look back for a named holder.
TITLE_NOUNS = frozenset(
    """
    chairman chairwoman chair secretary senator congressman congresswoman president
    governor mayor minister ambassador general commander director spokesman
    spokeswoman spokesperson adviser advisor envoy leader candidate representative
    """.split()
)


def is_relative_pronoun(tok: Token) -> bool:
    """ "who", "that", "which", "whom"; not the World Health Organization's "WHO"."""
    return tok.lower_ in RELATIVE_PRONOUNS and not tok.is_upper


def written_as_name(tok: Token, names: frozenset[str] = frozenset()) -> bool:
    """A word the tagger took for a pronoun that the text writes in capitals as a name:
    "WHO" (the World Health Organization; en_core_web_sm tags it WP), "US". It is one
    when it is part of an ORG, GPE or NORP entity here or, as one of ``names``
    (``DocView.capitalised_names``), elsewhere in the doc; a pronoun in capitals for
    emphasis ("make us ALL safer", "HE'S BEEN") is none."""
    if tok.pos_ != "PRON" or not tok.is_upper or len(tok) < 2:
        return False
    return tok.ent_type_ in ("ORG", "GPE", "NORP") or tok.text in names


@dataclass
class Speaker:
    """What the quote records say about a speaker."""

    text: str | None
    start: int | None
    end: int | None
    anonymous: bool = False
    resolved: str | None = None
    plural: bool = False


def span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of [start, end) whose head lies outside the span.

    When the parser made the speaker a clause of its own ("One official, who ...
    wasn't authorized to ..., said"), the clause's subject stands for it.
    """
    head = doc[start]
    for tok in doc[start:end]:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            head = tok
            break
    if head.pos_ in ("VERB", "AUX"):
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and start <= c.i < end]
        if subj:
            return subj[0]
    return head


def _person_in(ents: tuple[Span, ...], start: int, end: int) -> Span | None:
    for ent in ents:
        if ent.label_ == "PERSON" and start <= ent.start and ent.end <= end:
            return ent
    return None


def _named_in(doc: Doc, start: int, end: int) -> bool:
    head = span_head(doc, start, end)
    if head.pos_ == "PROPN" or head.ent_type_ in NAMED_LABELS:
        return True
    # "the spokesman, John Kirby": a named apposition
    return any(
        t.dep_ == "appos" and (t.pos_ == "PROPN" or t.ent_type_ == "PERSON") for t in head.children
    )


def _post(person: Span) -> str | None:
    """The post a title before ``person`` names, by its head word ("president" of
    "President Obama", "lady" of "first lady Michelle Obama"); None for none, or for a
    form of address alone ("Mrs")."""
    found = title_before(person.doc, person.start)
    if found is None:
        return None
    words = found[1].lower().split(" of ")[0].split()
    if words[-2:] == ["first", "lady"]:
        return "first lady"  # a post, though "Lady" alone is a form of address
    head = words[-1].rstrip(".") if words else ""
    return head if head and head not in HONORIFICS else None


def _fullest_name(
    ents: tuple[Span, ...], person: Span, before: int, gender: str | None = None
) -> str:
    """The longest earlier mention of the same person ("Jake Sullivan" for "Sullivan").

    Not a namesake's: where the earlier full names of that surname have two given names
    ("Michelle Obama", "Barack Obama"), or the full name holds another post than the one
    written before ``person`` ("first lady Michelle Obama" for "President Obama"), or,
    for a pronoun of ``gender`` ("m", "f"), one the words before it give the other
    gender, the name stays as written and the linker decides who it is. A name with its
    given name takes only a longer form of itself ("Prime Minister Gordon Brown", not
    "Lord Malloch Brown")."""
    last = key(person)
    longer = [
        ent
        for ent in ents
        if (ent.start_char < before or ent.start == person.start)
        and ent.label_ == "PERSON"
        and key(ent) == last
        and len(ent.text) > len(person.text)
    ]
    if len({ent[0].lower_.rstrip(".") for ent in longer} - HONORIFICS) > 1:
        return person.text
    words = [t.lower_ for t in person if t.lower_.rstrip(".") not in HONORIFICS]
    if len(words) > 1:  # a full name already: only its own longer forms, not "Malloch Brown"
        longer = [ent for ent in longer if [t.lower_ for t in ent][-len(words) :] == words]
    post = _post(person)
    if post is not None:
        longer = [ent for ent in longer if _post(ent) in (None, post)]
    if gender is not None:  # "he" is not the "first lady Michelle Obama" of his surname
        longer = [ent for ent in longer if gender_before(ent) in (None, gender)]
    return max(longer, key=lambda ent: len(ent.text)).text if longer else person.text


def _name_of(doc: Doc, ents: tuple[Span, ...], start: int, end: int) -> str | None:
    """The person (or organisation) a named speaker span names."""
    person = _person_in(ents, start, end)
    if person is not None:
        return _fullest_name(ents, person, person.start_char)
    head = span_head(doc, start, end)
    if head.pos_ == "PROPN" or head.ent_type_ in NAMED_LABELS:
        # the proper-noun run around the head
        a, b = head.i, head.i + 1
        while a > start and doc[a - 1].pos_ == "PROPN":
            a -= 1
        while b < end and doc[b].pos_ == "PROPN":
            b += 1
        return doc[a:b].text
    return None


def _is_plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") or head.ent_type_ in ("ORG", "NORP", "GPE")


def describe(doc: Doc, att: Attribution, text: str, ents: tuple[Span, ...]) -> Speaker:
    """Speaker of one attribution before resolution."""
    if att.source is None:
        return Speaker(None, None, None)
    start, end = att.source
    a, b = char_span(doc, start, end)
    head = span_head(doc, start, end)
    sp = Speaker(text[a:b], a, b, plural=_is_plural(head))
    if is_relative_pronoun(head) and head.dep_.startswith("nsubj"):
        # "X, who said ...": the relative clause's antecedent
        rel = head.head
        ante = rel.head if rel.dep_ == "relcl" else None
        if ante is not None:
            lo, hi = ante.left_edge.i, rel.left_edge.i
            if lo < hi:
                sp.resolved = _name_of(doc, ents, lo, hi)
                sp.anonymous = sp.resolved is None and ante.lemma_.lower() in HUMAN_NOUNS
                sp.plural = _is_plural(ante)
        return sp
    head = _partitive_head(head)
    if head.lower_ in INDEFINITES and text[a:b].strip().casefold() == head.lower_:
        # "Some say", "Others believe": a vague group, nobody named
        sp.anonymous = True
        return sp
    if head.pos_ == "PRON" and head.lower_ not in QUANTIFIERS:
        return sp
    if text[a:b].split()[0].casefold() in UNNAMED:
        # a transcript's "UNIDENTIFIED FEMALE:", "unnamed officials": nobody named
        sp.anonymous = True
        return sp
    if _named_in(doc, start, end):
        return sp
    if head.lemma_.lower() in HUMAN_NOUNS or head.lower_ in HUMAN_NOUNS:
        sp.anonymous = not _unique_role(head)
    return sp


def _unique_role(head: Token) -> bool:
    """ "the president", "the governor": one identifiable holder, not an anonymous source."""
    return head.lemma_.lower() in UNIQUE_TITLES and any(
        c.dep_ in ("det", "poss") and c.lower_ != "a" and c.lower_ != "an" for c in head.children
    )


def _partitive_head(head: Token) -> Token:
    """ "one of the officials", "some of the people": the noun after "of"."""
    if head.lower_ in QUANTIFIERS or head.pos_ == "NUM":
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
    return head


def _is_description(doc: Doc, att: Attribution) -> Token | None:
    if att.source is None:
        return None
    start, end = att.source
    head = span_head(doc, start, end)
    if head.pos_ != "NOUN" or _named_in(doc, start, end):
        return None
    det = [c for c in head.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
    if not det:
        return None
    if head.lemma_.lower() not in HUMAN_NOUNS and head.lower_ not in HUMAN_NOUNS:
        return None
    return head


def resolve_speakers(view: DocView, atts: list[Attribution]) -> list[Speaker]:
    """Speakers for ``atts`` (in text order), pronouns and descriptions resolved."""
    doc = view.doc
    sents = view.sents
    sent_of = {}
    for k, s in enumerate(sents):
        for i in range(s.start, s.end):
            sent_of[i] = k
    text = view.text
    ents = view.names
    persons = [e for e in ents if e.label_ == "PERSON"]
    known = genders(doc, persons)
    out: list[Speaker] = []
    for n, att in enumerate(atts):
        sp = describe(doc, att, text, ents)
        out.append(sp)
        if att.source is None:
            continue
        head = span_head(doc, *att.source)
        k = sent_of.get(head.i, 0)
        floor = sents[max(0, k - WINDOW)].start_char
        prev = _previous(doc, atts, out, n, floor)
        low = head.lower_
        if head.pos_ == "PRON" and low in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
            far = sents[max(0, k - FAR_WINDOW)].start_char
            _resolve_pronoun(
                doc,
                ents,
                att,
                sp,
                prev,
                persons,
                floor,
                far,
                known,
                plural=low in PLURAL_PRONOUNS,
            )
        elif (desc := _is_description(doc, att)) is not None:
            dfloor = sents[max(0, k - DESCRIPTION_WINDOW)].start_char
            _resolve_description(doc, ents, sp, desc, atts, out, n, persons, dfloor)
    return out


def _previous(
    doc: Doc, atts: list[Attribution], speakers: list[Speaker], n: int, floor: int
) -> tuple[Attribution, Speaker] | None:
    here = doc[atts[n].head].idx
    for j in range(n - 1, -1, -1):
        sp = speakers[j]
        if sp.start is None or sp.start < floor:
            continue
        if sp.start < here:
            return atts[j], sp
    return None


def _inherit(
    sp: Speaker, prev_att: Attribution, prev: Speaker, doc: Doc, ents: tuple[Span, ...]
) -> None:
    if prev.resolved:
        sp.resolved = prev.resolved
        sp.anonymous = False
    elif prev.anonymous:
        sp.anonymous = True
    elif prev_att.source is not None:
        sp.resolved = _name_of(doc, ents, *prev_att.source)


def _resolve_pronoun(
    doc: Doc,
    ents: tuple[Span, ...],
    att: Attribution,
    sp: Speaker,
    prev: tuple[Attribution, Speaker] | None,
    persons: list[Span],
    floor: int,
    far: int,
    known: dict[str, str],
    *,
    plural: bool,
) -> None:
    """Resolve "he"/"she"/"they" (see the module); ``known``: ``gender.genders``, added to."""
    assert sp.start is not None
    if plural:
        if prev is not None and prev[1].plural:
            _inherit(sp, prev[0], prev[1], doc, ents)
        return
    lo = floor
    if prev is not None and prev[1].end is not None:
        lo = max(lo, prev[1].end)
    # the previous speaker, unless "he" cannot go on with it ("BP wants ...")
    person_before = prev if prev is not None and not _names_no_person(doc, ents, prev[0]) else None
    # nobody named inside what was reported, here or by a previous speaker the pronoun
    # could go on with ("He called for the government of President Mubarak to stop ...
    # He said ..." is the caller; after "Delegates asked how Cruz could ..." it is Cruz)
    content = att.content
    if person_before is not None and not person_before[1].plural:
        # a report of an earlier sentence ("... comments from Defense Secretary Austin,
        # where he said" is Austin's)
        here = doc[att.head].sent.start_char
        content = content + [(a, b) for a, b in person_before[0].content if b <= here]
    cands = [
        p
        for p in persons
        if lo <= p.start_char
        and p.end_char <= sp.start
        and not any(a <= p.start_char < b for a, b in content)
    ]
    assert att.source is not None
    pronoun = span_head(doc, *att.source).lower_
    cands = compatible(known, cands, pronoun)
    names = {key(p) for p in cands}
    if len(names) == 1:
        gender = "f" if pronoun in FEMALE else "m"
        said = gender if pronoun in FEMALE or pronoun in MALE else None
        sp.resolved = _fullest_name(ents, cands[-1], cands[-1].start_char, said)
        # one person named before the pronoun: what it says of their gender is sure enough
        known.setdefault(key(cands[-1]), gender)
        return
    if len(names) > 1:
        _resolve_to_subject(ents, sp, cands)
        return
    if person_before is not None:
        _inherit(sp, person_before[0], person_before[1], doc, ents)
        if sp.resolved or sp.anonymous:
            return
    # nobody named since the last speaker, who names nobody either ("he" after "he"): the
    # one person of the nearest sentence naming anyone, further back ("X ... He noted
    # ... '...,' he said" continues X)
    earlier = [
        p
        for p in persons
        if far <= p.start_char
        and p.end_char <= sp.start
        and not any(a <= p.start_char < b for a, b in content)
    ]
    _resolve_to_subject(ents, sp, compatible(known, earlier, pronoun))


def _names_no_person(doc: Doc, ents: tuple[Span, ...], att: Attribution) -> bool:
    """The attribution's speaker is a proper name the doc tags only as no person ("BP",
    tagged a company in one sentence and missed in the next); a phrase naming a person
    ("BP's Tony Hayward") is a person's."""
    if att.source is None:
        return False
    head = span_head(doc, *att.source)
    if head.pos_ != "PROPN" or _person_in(ents, *att.source) is not None:
        return False
    labels = {e.label_ for e in ents if any(t.text == head.text for t in e)}
    if head.ent_type_:
        labels.add(head.ent_type_)
    return bool(labels) and "PERSON" not in labels


def _resolve_to_subject(ents: tuple[Span, ...], sp: Speaker, cands: list[Span]) -> None:
    """The one person named in the nearest sentence naming anyone, when that person is
    its subject; a second person there ("A met B") or an object only: nobody."""
    if not cands:
        return
    last = cands[-1].sent.start
    near = [p for p in cands if p.sent.start == last]
    if len({key(p) for p in near}) == 1 and any(is_subject(p) for p in near):
        sp.resolved = _fullest_name(ents, near[-1], near[-1].start_char)


def _resolve_description(
    doc: Doc,
    ents: tuple[Span, ...],
    sp: Speaker,
    head: Token,
    atts: list[Attribution],
    speakers: list[Speaker],
    n: int,
    persons: list[Span],
    floor: int,
) -> None:
    lemma = head.lemma_.lower()
    for j in range(n - 1, -1, -1):
        other = atts[j]
        if other.source is None or speakers[j].start is None:
            continue
        if (speakers[j].start or 0) < floor:
            break
        ohead = span_head(doc, *other.source)
        if ohead.lemma_.lower() == lemma or any(
            t.lemma_.lower() == lemma for t in doc[other.source[0] : other.source[1]]
        ):
            _inherit(sp, other, speakers[j], doc, ents)
            if speakers[j].anonymous and not speakers[j].resolved:
                sp.anonymous = True
            return
    if lemma in TITLE_NOUNS:
        assert sp.start is not None
        for p in reversed(persons):
            if p.start_char < floor or p.end_char > sp.start:
                continue
            # the title's own sentence: not "... Paul Kane. The chairman said"
            sent = p.sent
            window = doc[max(sent.start, p.start - 3) : min(sent.end, p.end + 4)]
            if any(t.lemma_.lower() == lemma for t in window):
                sp.resolved = _fullest_name(ents, p, p.start_char)
                sp.anonymous = False
                return
    sp.anonymous = not _unique_role(head)
