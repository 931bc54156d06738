"""An entity's type: a vote over the tagger's label on every mention, plus the
name's own evidence, so that one odd label (or a tagger that keeps misreading one
name) does not decide.

Evidence, each worth about one mention's vote per mention of the name:

- a person's title written before it ("Dr. Keiji Fukuda") is a person;
- an organisation word at its head ("Health Protection Agency", "Ministry of
  Defence") is an organisation;
- a known country or capital ("Kyiv") is a place;
- a known web platform ("Twitter") is an organisation;
- a name with digits ("H5N1", "F-16") is never a person, place or group: its
  person/place/group votes go to TERM;
- a group label (NORP) on a word that does not look like a people's name
  ("Tamiflu") counts half;
- a one-word mention written in capitals ("UNICEF") is not a person's name: its
  person vote goes to ORG (``mention_label``), unless its article names a person in
  full with that word ("KURTZ:" of a transcript with Howard Kurtz);
- a name the articles cite as a source ("according to Politico") is an organisation
  (a vote and a half for each citation).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping

from ..annotate.name_kinds import ORG_HEADS
from ..models import EntityMention
from ..text.titles import surname_index
from .gazetteer import is_place, is_platform
from .names import fold, strip_org_suffix

_CLASSES = {
    "PERSON": {"person"},
    "GPE": {"place"},
    "LOC": {"place"},
    "FAC": {"place", "thing"},
    "NORP": {"group"},
    "ORG": {"thing"},
    "TERM": {"thing"},
    "PRODUCT": {"thing"},
    "LAW": {"thing"},
    "EVENT": {"thing"},
    "WORK_OF_ART": {"thing"},
}
TYPE_ORDER = (
    "PERSON",
    "ORG",
    "GPE",
    "TERM",
    "PRODUCT",
    "NORP",
    "LOC",
    "FAC",
    "LAW",
    "EVENT",
    "WORK_OF_ART",
)
_RANK = {t: i for i, t in enumerate(TYPE_ORDER)}
PLACE_LABELS = frozenset({"GPE", "LOC"})
_NOT_WITH_DIGITS = ("PERSON", "GPE", "LOC", "NORP")

# Endings of nationality, religion and party words: Haitian, Chinese, British, Iraqi,
# Catholic, Buddhist, Shiite, French; plurals are groups too.
_GROUP_ENDINGS = ("an", "ese", "ish", "i", "ic", "ist", "ite", "ch", "s", "er")


def compatible(a: str, b: str) -> bool:
    """Whether two labels can name the same thing (ORG ~ TERM ~ PRODUCT, GPE ~ LOC ...)."""
    return a == b or bool(_CLASSES.get(a, {a}) & _CLASSES.get(b, {b}))


def top_type(votes: Mapping[str, float]) -> str:
    """The label with the most votes; ties go by ``TYPE_ORDER``."""
    if not votes:
        return "TERM"
    best = max(votes.values())
    tops = [t for t, n in votes.items() if n == best]
    if len(tops) == 1:
        return tops[0]
    return min(tops, key=lambda t: (_RANK.get(t, len(_RANK)), t))


def as_company(etype: str, mentions_of: Mapping[str, int]) -> str:
    """``etype``, unless the entity is written at least twice with a company suffix
    ("Halliburton Co.", "Halliburton Inc."): then an organisation, whatever the tagger
    made of the bare name ("Halliburton" tagged a place 400 times in one pile), unless
    that name is a known place. ``mentions_of``: the entity's form keys, with mentions."""
    if etype not in ("GPE", "LOC", "FAC", "NORP", "PERSON"):
        return etype
    suffixed = sum(
        n
        for key, n in mentions_of.items()
        if len(key.split()) > 1 and (base := strip_org_suffix(key)) != key and not is_place(base)
    )
    return "ORG" if suffixed >= 2 else etype


def head_word(key: str) -> str:
    words = key.split()
    for i, w in enumerate(words):
        if i and w in ("of", "for"):
            return words[i - 1]
    return words[-1] if words else ""


def _looks_like_group(key: str) -> bool:
    return key.endswith(_GROUP_ENDINGS)


def mention_label(text: str, label: str, titled: bool, surname: bool = False) -> str:
    """The tagger's label for one mention, except that a single word in capitals
    ("UNICEF", "POLITICO") is not a person, unless its article names a person in full
    with it (a transcript's "ZAKARIA:" after "Fareed Zakaria", a headline's "OBAMA")."""
    if label in _NOT_WITH_DIGITS and any(c.isdigit() for c in text):
        return "TERM"  # "H5N1" is a strain, not a person
    if label == "PERSON" and not (titled or surname) and text.isupper() and " " not in text.strip():
        return "ORG"
    return label


def full_name_surnames(mentions: Iterable[EntityMention]) -> frozenset[str]:
    """Folded last words of the names one article tags as people in full."""
    return frozenset(
        words[surname_index(words)]
        for m in mentions
        if m.label == "PERSON" and " " in m.text.strip() and (words := fold(m.text).split())
    )


def mention_vote(label: str, expansion: str | None) -> int:
    """What one mention's label counts for. An initialism its article defines counts
    three times: the definition says what it stands for, and its long form's head
    word ("Agency") or tag what it is. A definition that could tell no kind (TERM, the
    fallback for a long form without a telling head word) counts twice: over one odd
    tag, under the tagger's ORG on many mentions ("MSF" in one article defining
    Medecins Sans Frontieres, against the name tagged ORG across the pile)."""
    if not expansion:
        return 1
    return 2 if label == "TERM" else 3


def add_evidence(
    votes: MutableMapping[str, float],
    key: str,
    surfaces: Mapping[str, int],
    *,
    titled: int = 0,
    cited: int = 0,
) -> None:
    """Add the name's own evidence to the tagger's ``votes`` (in place).

    ``key`` is the folded name, ``surfaces`` its spellings with counts, ``titled``
    how many of its mentions had a person's title before them, ``cited`` how often
    an article cites it as a source."""
    n = sum(surfaces.values())
    if titled:
        votes["PERSON"] = votes.get("PERSON", 0) + 2 * titled
    if any(c.isdigit() for c in key):
        moved = sum(votes.pop(label, 0) for label in _NOT_WITH_DIGITS)
        if moved:
            votes["TERM"] = votes.get("TERM", 0) + moved
    words = key.split()
    if len(words) > 1 and head_word(key) in ORG_HEADS:
        # more than the tagger's one vote: nobody is called "X Agency"
        votes["ORG"] = votes.get("ORG", 0) + 1.5 * n
    if is_platform(key):
        votes["ORG"] = votes.get("ORG", 0) + 1.5 * n
    if is_place(key):
        # A little under one vote a mention: a tagger that calls a name a person
        # every time ("Jordan" in a basketball story) still wins the tie.
        votes["GPE"] = votes.get("GPE", 0) + 0.9 * n
    if votes.get("NORP") and not _looks_like_group(key):
        votes["NORP"] /= 2
    if cited:
        # per citation, not per mention: citation finding is noisy ("H5N1 said")
        votes["ORG"] = votes.get("ORG", 0) + 1.5 * cited
