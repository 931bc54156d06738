"""Who a quote's speaker is: the entity its speaker phrase names, if it names one.

The phrase's *head* is the speaker. In "The UK's Defence Minister Ben Wallace" the
person wins over a possessor ("UK"); without a person, the first name that is not
inside a phrase of its own: "Haiti's envoy to the US" is Haiti's. A possessor speaks
only through its government, envoys, spokespeople, chiefs and statements, not through its
family, army or doctor ("Ali's family", "Libya's rebel army"). A name after a
preposition modifies the head and is not the speaker: "an official under President
Hosni Mubarak" is an official, "Sunni Arabs, a dominant minority under Saddam Hussein"
are Sunni Arabs, "residents in Homs" are residents, "a friend of Jackson" is not
Jackson. Some phrases pass the voice on: "for" ("a spokesman for the WHO"), where an
organisation's people work ("officials at the CDC", "the head of the WHO"), a place's
government ("the authorities in Mexico") and what a name said ("a statement by the Arab
League"). A preposition inside a title hides nothing ("Secretary of State Hillary
Clinton"), nor one before a comma or a sentence run into the phrase.

A place written before the head speaks only through its government, envoys or
statements ("US officials"), not its media or hospitals ("a US media report", "a UK
hospital"). A nationality written before the head is no speaker either: "Syrian state
television", "Libyan rebels" are not the Syrian or Libyan people (the small tagger's
NORP), so such a phrase stays a speaker of its own. Before a word for a government
("the Libyan government", "Syrian officials") it is that country: a government's
statements belong to its country's actor, as in the positions view.
"""

from __future__ import annotations

import re

from ..annotate.mentions import GROUP_NOUNS
from ..link.gazetteer import country_of_demonym
from ..link.names import fold
from ..models import Entity, Quote
from ..text.stopwords import ENGLISH_STOP_WORDS
from ..text.titles import TITLE_CORE
from .corpus import Corpus
from .quotes_view import ROLE_HEADS

# Prepositions that put a name inside a phrase of its own ("for" passes the voice on).
_PREPOSITIONS = frozenset(
    """under with to from by about against in on at near after before like than over behind
    among between without within into inside outside across around toward towards of as""".split()
)
# Where an organisation's people work, they speak for it: "officials at the CDC",
# "scientists from NOAA", "officials with BP", "the head of the WHO" (not "a friend of
# Jackson": people are no workplace).
_WORKPLACE = frozenset({"at", "with", "from", "of"})
# What was said, and who it came from: "a statement by the Arab League", "figures from
# the WHO", "a letter from Dr Chan" (not "a letter obtained by Reuters").
_SAID_THINGS = frozenset(
    """statement statements letter letters report reports analysis figures data study survey
    poll memo message announcement communique release document documents estimate estimates
    forecast assessment warning issued released published produced prepared compiled written
    signed sent""".split()
)
# Heads that make a nationality before them, or a place after "in" / "of", its country's
# (or place's) government.
# The heads through which a place speaks and acts ("US officials", "the UK government").
GOVERNMENT_HEADS = frozenset(
    """government governments authorities officials official ministry regime administration
    leadership embassy diplomats""".split()
)
# A participle after a noun puts the name after it in a phrase of its own, like a
# preposition: "lawyers representing", "a group including", "officials investigating".
_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
_ING_NOUNS = frozenset(
    """grouping building meeting briefing hearing ruling funding wedding setting training
    reading thing king evening morning ceiling offering uprising gathering""".split()
)
# What a possessor speaks through: its government, its envoys, spokespeople and chiefs,
# its statements ("Haiti's envoy to the US", "BP's chief executive", "the WHO's
# report"); not its family, army or doctor ("Ali's family", "Libya's rebel army").
_SPEAKS_FOR = GOVERNMENT_HEADS | _SAID_THINGS | frozenset(
    """ambassador envoy spokesman spokeswoman spokesperson spokespeople minister secretary
    office ministry department mission delegation representative negotiator president
    leader chief executive ceo chairman chairwoman director head comments remarks words
    testimony speech interview article column blog website posts postings tweet tweets
    tally count team staff""".split()
)
_POSSESSIVE = re.compile(r"['\u2019](?:s\b|(?=\s))")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "TERM"})
_OUTLET_WORDS = frozenset(
    """outlet newspaper paper agency network broadcaster magazine publication website channel
    station""".split()
) | {"news agency"}
_WORD = re.compile(r"\b[\w'’.-]+\b")
_WORD_OR_MARK = re.compile(r"\b[\w'’.-]+\b|[,;:()]")
_PHRASE_ENDS = frozenset(",;:()")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?\s+", re.IGNORECASE)


def _inside_a_phrase(before: str, kind: str) -> bool:
    """Whether a name of ``kind`` (``PERSON``, ``ORG``, ``PLACE``) after ``before`` (the
    speaker phrase's words before it) sits in a phrase of its own, not the head's voice:
    after a lower-case preposition that is not part of a title ("Secretary of State",
    "the head of the UN mission, Edmond Mulet") or a participle after a noun ("the legal
    team representing Jackson's doctor"), unless it is a workplace of an organisation's
    people, a place's "authorities in", or what the name said ("a statement by")."""
    words = _WORD_OR_MARK.findall(before)
    inside = False
    for prev, word in zip(["", *words], words, strict=False):
        if word in _PHRASE_ENDS or (prev and word in ("The", "A", "An")):
            # a name set off by a comma is the head's own ("BP's chief executive, Tony
            # Hayward"); a capitalised article starts a sentence run into the phrase
            inside = False
            continue
        if (
            _PARTICIPLE.fullmatch(word)
            and word not in _ING_NOUNS
            and prev.isalpha()
            and prev.islower()
            and prev not in ENGLISH_STOP_WORDS  # "the emerging leader", "is reporting that"
        ):
            inside = True  # "the legal team representing Michael Jackson's doctor"
            continue
        if word not in _PREPOSITIONS or _takes_of(prev):
            continue
        said = prev.casefold() in _SAID_THINGS and word in ("by", "from", "of")
        workplace = kind == "ORG" and word in _WORKPLACE
        government = (
            kind == "PLACE" and word in ("in", "of") and prev.casefold() in GOVERNMENT_HEADS
        )
        inside = not (said or workplace or government)
    return inside


def _in_a_name_apposition(before: str) -> bool:
    """Whether an organisation or place after ``before`` sits in the role set off after
    a speaker's own name, which the tagger did not find: "SUSAN VELL, CNN
    CORRESPONDENT", "Ana Vell, a professor at Kestria University" (a comma after words
    that are all capitalised). A person there is the name set off after a role
    ("Shadow Foreign Secretary, Ana Vell")."""
    name, comma, _ = before.partition(",")
    words = _WORD.findall(name)
    return bool(comma) and len(words) >= 2 and all(w[:1].isupper() for w in words)


def _possessed(after: str) -> str | None:
    """The head of what a possessor owns, from the words after its name ("'s envoy to
    the US" -> "envoy"); None where no possessive follows the name, or nothing follows
    it: then it is part of the name ("Moody's", "Standard & Poor's")."""
    mark = _POSSESSIVE.match(after)
    if mark is None:
        return None
    return fold(_phrase_head(_WORD_OR_MARK.findall(after[mark.end() :]))) or None


def _phrase_head(words: list[str]) -> str:
    """The last word of a phrase's words before a comma or a preposition: its head
    ("envoy" of "envoy to the US", "department" of "state department, which")."""
    head = ""
    for word in words:
        if word in _PHRASE_ENDS or (word.islower() and word in _PREPOSITIONS):
            break
        if word[0].isalpha():
            head = word
    return head


def _speaks_for_its_possessor(head: str) -> bool:
    singular = head[:-3] + "man" if head.endswith("men") else head.removesuffix("s")
    return head in _SPEAKS_FOR or singular in _SPEAKS_FOR


def _place_speaks(after: str) -> bool:
    """Whether a place written before the phrase's head speaks through it: when the word
    right after it is its government, envoy or statement ("US officials", "a UK
    government report"), or the head is one of its offices ("the US state department",
    "Texas health authorities"); not through its media, hospitals, judges or residents
    ("a US media report", "a UK hospital", "US pork producers"). A place that ends the
    phrase, or is set off by a comma, is its own."""
    words = _WORD_OR_MARK.findall(after)
    if not words or words[0] in _PHRASE_ENDS or words[0] in ("and", "or"):
        return True  # set off, or one of several ("Britain and other countries")
    if _POSSESSIVE.match(after):
        return True  # a possessor's own rule decides (``_possessed``)
    office = fold(_phrase_head(words))
    return _speaks_for_its_possessor(fold(words[0])) or (
        _speaks_for_its_possessor(office) and office.removesuffix("s") not in _SAID_THINGS
    )


def _takes_of(word: str) -> bool:
    """A word a title's "of" follows: "Secretary of State", "Chief of Staff"."""
    folded = word.rstrip(".").casefold()
    return folded in TITLE_CORE or folded in ROLE_HEADS


def _head_word(phrase: str) -> str:
    words = _WORD.findall(phrase)
    return fold(words[-1]) if words else ""


def _person_by_surname(corpus: Corpus, here: set[str | None], name: str) -> Entity | None:
    """The person a one-word speaker (after an honorific: "Mr Hayward") is the surname of:
    of the people this article mentions with that surname (a transcript's "BLITZER:" is
    the Wolf Blitzer its first turn names in full), else of those the story knows by it,
    the one with at least three in four of their mentions."""
    word = fold(_HONORIFIC.sub("", name))
    if not word or " " in word:
        return None
    people = [
        e
        for eid in here
        if eid is not None
        for e in (corpus.entity_by_id[eid],)
        if e.type == "PERSON" and " " in e.name and fold(e.name).split()[-1] == word
    ]
    known = people or [
        e for e in corpus.entity_by_name(word) if e.type == "PERSON" and " " in e.name
    ]
    if not known:
        return None
    top = max(known, key=lambda e: len(e.mentions))
    return top if 4 * len(top.mentions) >= 3 * sum(len(e.mentions) for e in known) else None


def speaker_entity(corpus: Corpus, article_id: str, quote: Quote) -> Entity | None:
    """The entity a quote's speaker refers to: by span overlap, else by name.

    By span, the phrase's head (see the module docstring). By name, a surname is the
    one person of that surname the article mentions, "the WHO" is "WHO", and a name
    several entities share is the one this article mentions; "the Post" is the only
    organisation named here whose name ends in "Post", "the newspaper" / "the agency"
    the only source the article cites.
    """
    ann = corpus.annotations.get(article_id)
    mentions = ann.mentions if ann is not None else []
    seen: list[set[str | None]] = []

    def here() -> set[str | None]:  # the entities this article mentions, built on demand
        if not seen:
            seen.append(
                {corpus.entity_of_mention.get((article_id, i)) for i in range(len(mentions))}
            )
        return seen[0]

    def by_name(name: str) -> list[Entity]:
        bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
        for variant in dict.fromkeys((name, bare)):
            found = corpus.entity_by_name(variant)
            if len(found) == 1:
                return found
            local = [e for e in found if e.id in here()]
            if len(local) == 1:
                return local
        return []

    start, end = quote.speaker_start, quote.speaker_end
    if start is not None and end is not None:
        text = corpus.articles[article_id].text
        head = _head_word(text[start:end])
        best: tuple[bool, int, str] | None = None
        for i, m in enumerate(mentions):
            if not (m.start < end and start < m.end) or m.label not in _SPEAKER_LABELS:
                continue
            eid = corpus.entity_of_mention.get((article_id, i))
            if eid is None:
                continue
            etype = corpus.entity_by_id[eid].type
            person = m.label == "PERSON" or etype == "PERSON"
            kind = "PERSON" if person else "PLACE" if m.label == "GPE" else "ORG"
            if m.start > start and _inside_a_phrase(text[start : m.start], kind):
                continue
            if not person and m.start > start and _in_a_name_apposition(text[start : m.start]):
                continue  # "SUSAN VELL, CNN CORRESPONDENT": the role's employer is not she
            owned = _possessed(text[m.end : end]) if m.end < end else None
            if owned is not None and not _speaks_for_its_possessor(owned):
                continue  # "Ali's family", "Libya's rebel army": the owner is not the voice
            if kind == "PLACE" and owned is None and not _place_speaks(text[m.end : end]):
                continue  # "a US media report", "a UK hospital": not the country
            if etype == "NORP" and m.end < end and _head_word(text[m.start : m.end]) != head:
                # a nationality before the head: its country if the head is its government
                country = country_of_demonym(fold(m.text))
                if head not in GOVERNMENT_HEADS or country is None:
                    continue
                found = by_name(country)
                if not found:
                    continue
                eid = found[0].id
            if best is None or (person, -m.start) > best[:2]:
                best = (person, -m.start, eid)
        if best is not None:
            return corpus.entity_by_id[best[2]]
    if quote.anonymous:
        return None
    names = [n for n in (quote.speaker_resolved, quote.speaker) if n]
    for name in names:
        if fold(name) in GROUP_NOUNS:
            # "Government said", "The Authorities": whichever government the article is
            # about, never one entity of that name found anywhere in the pile
            continue
        if any(c.isupper() for c in name):  # not "he", "officials"
            named = _person_by_surname(corpus, here(), name)
            if named is not None:
                return named
            for entity in by_name(name):
                return entity
    for name in names:
        word = fold(name)
        if word in _OUTLET_WORDS and ann is not None:
            cited = {e.id: e for c in ann.citations for e in by_name(c.cites)}
            if len(cited) == 1:
                return next(iter(cited.values()))
        elif " " not in word and word and any(c.isupper() for c in name):
            owners = {
                e.id: e
                for eid in here()
                if eid is not None
                for e in (corpus.entity_by_id[eid],)
                if e.type == "ORG" and " " in e.name and fold(e.name).split()[-1] == word
            }
            if len(owners) == 1:
                return next(iter(owners.values()))
    return None
