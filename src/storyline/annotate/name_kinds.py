"""What kind of thing a name is, read off its words and the words around it: the head
of a long form ("Bureau of Coastal Safety" is an organisation), a title before a name
("Dr Schuchat" is a person, whatever label the tagger gave the span), a person's role in
apposition after it ("Keiji Fukuda, WHO's acting assistant director-general"), a byline
crediting it, a preposition of place before it ("fighting in Misrata"), and a noun
describing it ("the antiviral drug Tamiflu", "the charity Oxfam")."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Token

from .definitions import ALL_TITLE, TITLE_CORE

# Head words of organisation names (the word before "of"/"for", else the last one).
# Not words that are also surnames, since the entity types count these over every
# mention of a name ("Court": Margaret Court).
ORG_HEADS = frozenset(
    """organization organisation agency committee council department ministry bureau office
    commission authority administration association institute institution university college
    company corporation corp inc group party union alliance bank fund foundation service
    services force forces army navy command board center centre centers centres network
    federation league society coalition front movement brigade battalion regiment division
    guard police parliament assembly senate congress cabinet government directorate
    secretariat reserve programme program laboratory laboratories hospital school academy
    observatory survey trust charity""".split()
)
# The head of a long form decides its label when spaCy gives none we trust; a long form
# defined with its initials ("Supreme Court (SC)") is no person's name.
_LONG_FORM_ORG_HEADS = ORG_HEADS | {"court"}
# Forms of address: the capitalised words after one are a person's name.
_ADDRESS = frozenset({"mr", "mrs", "ms", "miss", "dr", "rev", "sir", "dame"})
# The last word of what is not a person's name after a title: "Princess Margaret Hospital".
_NOT_NAME_HEADS = _LONG_FORM_ORG_HEADS | {"clinic", "church", "co", "ltd", "plc"}
# Labels a titled two-word name cannot rightly have ("Defense Minister Ilse Marten").
_NOT_NAME_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE"})
_LAW_HEADS = frozenset(
    "act law treaty convention agreement accord bill resolution protocol directive regulation "
    "charter pact".split()
)


def word(token: Token) -> str:
    """The token lower-cased, without a full stop ("Gen." is "gen")."""
    return token.lower_.rstrip(".")


def is_cap(token: Token) -> bool:
    """A capitalised word ("Ada", "NATO")."""
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def first_lady(doc: Doc, i: int) -> bool:
    """Token ``i`` is the "Lady" of "First Lady"."""
    return i > 0 and doc[i].lower_ == "lady" and doc[i - 1].lower_ == "first"


def title_before(doc: Doc, start: int) -> tuple[int, str] | None:
    """The title phrase right before token ``start``: (first token index, text).

    None when the phrase ends in "of" or "for": "a representative of Unicef" is a
    role at what the name is, not a title of a person called so."""
    if start > 0 and doc[start - 1].lower_ in ("of", "for"):
        return None
    if first_lady(doc, start - 1):
        return start - 2, doc[start - 2 : start].text  # "first lady Michelle Obama"
    j = start - 1
    # "History will judge Blair": a verb spelt like a title is none
    while (
        j >= 0
        and start - j <= 6
        and word(doc[j]) in ALL_TITLE
        and doc[j].pos_ not in ("VERB", "AUX")
    ):
        j -= 1
    first = j + 1
    while first < start and doc[first].lower_ in ("of", "the", "-"):
        first += 1
    if first >= start or not any(word(doc[k]) in TITLE_CORE for k in range(first, start)):
        return None
    if first > 0 and doc[first].lower_ == "house" and doc[first - 1].lower_ == "white":
        first -= 1  # "White House Press Secretary", not "House Press Secretary"
    return first, doc[first:start].text


def _head_word(long: str) -> str:
    words = long.removesuffix("'s").removesuffix("\u2019s").split()
    for i, w in enumerate(words):
        if i and w.lower() in ("of", "for"):
            return words[i - 1].lower()
    return words[-1].lower()


def label_for_long_form(long: str) -> str:
    head = _head_word(long)
    if head in _LONG_FORM_ORG_HEADS or head.rstrip("s") in _LONG_FORM_ORG_HEADS:
        return "ORG"
    if head in _LAW_HEADS:
        return "LAW"
    return "TERM"


def titled_person(doc: Doc, start: int, end: int, label: str, person_ends: Set[str]) -> bool:
    """A title and then a name, in a span the tagger did not call a person: "Dr Schuchat"
    (ORG), "Mr Griffin" (GPE), "Defense Minister Ilse Marten" (WORK_OF_ART, after a
    closing quotation mark). A form of address says so alone; another title needs the
    article to give the surname with a full name elsewhere, or a two- or three-word name in a
    label no name of a person's could be right for. "General Assembly", "General Motors",
    "DR Congo", "Princess Margaret Hospital" stay as they are."""
    if label == "PERSON":
        return False
    k = start
    while k < end - 1 and word(doc[k]) in ALL_TITLE:
        k += 1
    titles, name = doc[start:k], doc[k:end]
    if not any(word(t) in TITLE_CORE for t in titles) or len(name) > 3:
        return False
    if not all(is_cap(t) and not t.is_upper and word(t) not in ALL_TITLE for t in name):
        return False
    if name[-1].lower_ in _NOT_NAME_HEADS:
        return False
    if any(word(t) in _ADDRESS and not t.is_upper for t in titles):
        return True
    return name[-1].text in person_ends or (len(name) >= 2 and label in _NOT_NAME_LABELS)


# Role nouns of an apposition that only a person fills ("Keiji Fukuda, WHO's acting
# assistant director-general"); forms of address are no roles.
_ROLES = (TITLE_CORE - _ADDRESS - {"lord", "king", "queen", "speaker", "chair"}) | {
    "official",
    "expert",
    "professor",
    "scientist",
    "doctor",
    "researcher",
    "epidemiologist",
    "virologist",
    "economist",
    "analyst",
    "correspondent",
    "editor",
    "reporter",
    "lawyer",
}
_APPOSITION_WINDOW = 6  # tokens after the comma: "acting WHO assistant director-general"


def role_after(doc: Doc, start: int, end: int) -> bool:
    """Whether a full name at tokens [start, end) (two or more capitalised words) is
    followed by a comma and an apposition whose head is a person's role: "Keiji Fukuda,
    WHO's Assistant Director-General, said" (en_core_web_sm tags the name ORG every
    time). The apposition runs to the next punctuation or verb, and its role noun must
    end it ("X, director of Y", "X, the agency's chief"); "Oxfam, whose director" and
    "Roche, the maker of Tamiflu" have none."""
    if end - start < 2 or not all(is_cap(t) for t in doc[start:end]):
        return False
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for token in doc[end + 1 : end + 1 + _APPOSITION_WINDOW]:
        if token.lower_ in ("'s", "\u2019s", "-"):
            continue
        if token.lower_ in _ROLES and token.pos_ in ("NOUN", "PROPN") and _ends_role(doc, token.i):
            return True
        if token.lower_ in ALL_TITLE:
            continue  # "acting", "assistant", "deputy", whatever the tagger made of them
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return False
        if token.text in ("who", "whose", "which", "that"):  # not "WHO", the agency
            return False
    return False


def _ends_role(doc: Doc, i: int) -> bool:
    """Whether the role noun at ``i`` (with a hyphened second part: "director-general")
    ends the apposition: the text, punctuation or "of"/"at"/"for" follows, not a name
    ("United Nations, Secretary-General Ban Ki-moon said" is no apposition)."""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].is_alpha:
        i += 2
    if i + 1 >= len(doc):
        return True
    following = doc[i + 1]
    return following.is_punct and following.text != "-" or following.lower_ in ("of", "at", "for")


# Words after which a name is where something is: "fighting in Misrata", "near Brega".
_PLACE_PREPOSITIONS = frozenset("in near outside around into inside toward towards across".split())
# "the town of Brega", "the outskirts of Ajdabiya".
_PLACE_NOUNS = frozenset(
    """city town village port region province district suburb suburbs outskirts capital
    oasis neighbourhood neighborhood""".split()
)
# What people are "in" ("confidence in Blair", "believe in Obama").
_IN_A_PERSON = frozenset(
    "confidence faith trust interest belief role part stake hand believe believes believed".split()
)


def place_context(doc: Doc, start: int, end: int) -> bool:
    """Whether a name the tagger called a person at tokens [start, end) is written as a
    place: after a preposition of place ("killed in Misrata", en_core_web_sm's PERSON
    for a Libyan town it does not know) or as "the town of X". Not before a possessive
    ("in Obama's speech") nor after what people are "in" ("confidence in Blair")."""
    if start == 0 or doc[start].ent_type_ != "PERSON":
        return False
    if end < len(doc) and doc[end].text in ("'s", "\u2019s"):
        return False
    before = doc[start - 1]
    if before.text in _PLACE_PREPOSITIONS:
        return start < 2 or doc[start - 2].lower_ not in _IN_A_PERSON
    return before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in _PLACE_NOUNS


# Credit lines name people: "Reporting by X; Editing by Y", "Written by X".
_CREDIT_WORDS = frozenset(
    {"reporting", "editing", "edited", "written", "compiled", "photographs", "photos", "video"}
)


def credited(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens [start, end) is credited as the writer in a byline
    ("By Ana Ruiz, Defence Correspondent" at the start of a line or sentence,
    "Additional reporting by Ana Ruiz in ..."): two or three capitalised words, not
    "The ..." (an agency: "By The Associated Press")."""
    if start == 0 or doc[start - 1].lower_ != "by" or doc[start].lower_ == "the":
        return False
    # the name: two or three capitalised words, then the end or a comma and a role
    # ("By Ana Ruiz, Defence Correspondent", which the tagger may take whole)
    words = 0
    while (
        start + words < end
        and words < 4
        and doc[start + words].is_title
        and doc[start + words].is_alpha
    ):
        words += 1
    if not 2 <= words <= 3 or (start + words < end and doc[start + words].text != ","):
        return False
    by = doc[start - 1]
    opens_line = by.i == 0 or by.is_sent_start or "\n" in doc[by.i - 1].text_with_ws
    return opens_line or doc[by.i - 1].lower_ in _CREDIT_WORDS


# A lower-case noun of this kind right before a name says what the name is: "the charity
# Oxfam", "UN children's agency Unicef", "aid group Partners in Health".
# (Not "guard", "force", "court": "security guard John Lee", "air force Col.")
# Nouns for products: "the antiviral drug Tamiflu", "the vaccine Pandemrix".
_PRODUCT_DESCRIPTORS = frozenset(
    "drug drugs medicine medicines medication vaccine vaccines antiviral antivirals pill".split()
)
# Measures of a substance: "doses of Tamiflu", "stockpiles of Relenza" (nobody counts
# doses of a person, a place or a company).
_PRODUCT_MEASURES = frozenset(
    """dose doses supply supplies stock stocks stockpile stockpiles course courses
    prescription prescriptions tablet tablets capsule capsules shipment shipments""".split()
)
_ORG_DESCRIPTORS = frozenset(
    """charity charities agency agencies organization organisation organisations organizations
    ngo group groups fund foundation firm company companies corporation broadcaster newspaper
    network watchdog institute association federation union party alliance coalition
    bank university ministry department bureau commission committee council""".split()
)
# Web services are organisations: "the social networking site Twitter", "the video-sharing
# website YouTube". Not before a place: "the disaster site Port-au-Prince".
_WEB_DESCRIPTORS = frozenset("site sites website websites platform".split())


def described_as(doc: Doc, start: int, end: int, depth: int = 0) -> str | None:
    """What the text says the name at tokens [start, end) is: "PRODUCT" after a product
    noun ("the antiviral drug Tamiflu") or a measure of it ("doses of Tamiflu"), "ORG"
    as ``_described_as_organisation`` says, else None. A name listed after another
    ("the drugs Tamiflu and Relenza") is what the first is said to be."""
    if start > 0:
        before = doc[start - 1]
        if _describing_noun(before) and word(before) in _PRODUCT_DESCRIPTORS:
            return "PRODUCT"
        if before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in _PRODUCT_MEASURES:
            return "PRODUCT"
    if credited(doc, start, end) or role_after(doc, start, end):
        return "PERSON"
    if _described_as_organisation(doc, start, end):
        return "ORG"
    # (not a place or a people: "the charity Oxfam and Haiti", "... and Haitians")
    listed = doc[start].ent_type_ not in ("GPE", "LOC", "NORP")
    if listed and depth < 3 and start >= 2 and doc[start - 1].lower_ in ("and", "or"):
        prev = doc[start - 2]
        if prev.ent_iob_ != "O":
            first = prev.i
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            return described_as(doc, first, prev.i + 1, depth + 1)
    return None


def _describing_noun(token: Token) -> bool:
    """A common noun in lower case (the tagger may call "drug" in "flu drug X" a PROPN)."""
    return token.is_lower and token.is_alpha and token.pos_ in ("NOUN", "PROPN")


def _described_as_organisation(doc: Doc, start: int, end: int) -> bool:
    """Whether the text says that the name at tokens [start, end) is an organisation:

    - an organisation noun in lower case right before it ("the charity Oxfam", "UK-based
      aid agency Oxfam", "the UN children's fund Unicef");
    - a person's role "of" it ("the chief executive of Oxfam", "a representative of
      Unicef"), where the name is one word the tagger did not call a place;
    - a person "of" or "from" it, where the tagger called it a person too ("Tamar
      Hahn of Unicef", "David Bull, from Unicef"): people belong to organisations and
      places, not to other people;
    - a "which" clause after a name the tagger called a person ("Unicef, which
      suffered heavy damage"): people are "who".
    """
    label = doc[start].ent_type_
    if (
        label == "PERSON"
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ == "which"
    ):
        return True
    if start == 0:
        return False
    before = doc[start - 1]
    if _describing_noun(before) and word(before) in _ORG_DESCRIPTORS:
        return True
    if _describing_noun(before) and word(before) in _WEB_DESCRIPTORS:
        return label not in ("GPE", "LOC", "FAC")
    if before.lower_ not in ("of", "from") or start < 2 or end - start != 1:
        return False
    owner = doc[start - 2]
    if owner.text == "," and start >= 3:
        owner = doc[start - 3]  # "David Bull, from Unicef"
    if before.lower_ == "of" and label not in ("GPE", "LOC") and owner.is_lower:
        return word(owner) in TITLE_CORE
    return label == "PERSON" and owner.ent_type_ == "PERSON"
