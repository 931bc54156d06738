"""Which persons of a doc the doc itself shows to be "he" or "she", to resolve pronouns.

No list of first names: the evidence is the doc's own. A courtesy title ("Mr.
Holt", "Ms. Carver") says it outright, as does a reflexive object of the verb the
person is the subject of ("Holt defended himself"); ``resolve_speakers`` adds the
pronouns it resolved without doubt (one person named before them). A person with
evidence both ways has none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...text.titles import surname_index

MALE_TITLES = frozenset({"mr.", "mr"})
FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms", "miss"})
# Posts only a woman or only a man holds, written before the name ("Queen Noor", "Prince
# Harry", and "first lady" as two words).
FEMALE_POSTS = frozenset(
    "madam queen princess duchess dame spokeswoman chairwoman congresswoman".split()
)
MALE_POSTS = frozenset("king prince duke sir spokesman congressman".split())
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def key(person: Span) -> str:
    """Mentions of one person share the surname ("Janet Yellen", "Yellen"; "Cowan" of
    "James H. Cowan Jr.")."""
    return person[surname_index([t.text for t in person])].lower_


def is_subject(person: Span) -> bool:
    """The mention is a subject, or names one ("Walsh, a former leader, had ...",
    "the chair, Janet Yellen, said")."""
    root = person.root
    if root.dep_ in SUBJECTS:
        return True
    return root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECTS


def genders(doc: Doc, persons: list[Span]) -> dict[str, str]:
    """Person key -> "m" or "f", for the persons the doc gives evidence for."""
    seen: dict[str, set[str]] = {}
    for p in persons:
        if p.start > 0:
            before = doc[p.start - 1].lower_
            if before in MALE_TITLES:
                seen.setdefault(key(p), set()).add("m")
            elif before in FEMALE_TITLES:
                seen.setdefault(key(p), set()).add("f")
    for p in persons:
        if not is_subject(p):
            continue
        verb = p.root.head if p.root.dep_ in SUBJECTS else p.root.head.head
        for tok in verb.children:
            if tok.dep_ == "dobj" and tok.lower_ in ("himself", "herself"):
                seen.setdefault(key(p), set()).add("m" if tok.lower_ == "himself" else "f")
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def gender_before(person: Span) -> str | None:
    """ "f" or "m" where the words just before a name say so: a form of address or a
    post only one holds ("Mrs", "first lady", "Prince"), else None."""
    doc = person.doc
    words = [t.lower_.rstrip(".") for t in doc[max(0, person.start - 2) : person.start]]
    last = words[-1] if words else ""
    if words[-2:] == ["first", "lady"] or last in FEMALE_POSTS or last in FEMALE_TITLES:
        return "f"
    return "m" if last in MALE_POSTS or last in MALE_TITLES else None


def compatible(found: dict[str, str], cands: list[Span], pronoun: str) -> list[Span]:
    """``cands`` less the persons known to be the other gender than ``pronoun``."""
    if pronoun in MALE:
        return [p for p in cands if found.get(key(p)) != "f"]
    if pronoun in FEMALE:
        return [p for p in cands if found.get(key(p)) != "m"]
    return cands
