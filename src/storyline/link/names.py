"""Name normalisation shared by entity linking and fact grouping.

All keys are plain strings so they can be used for blocking (dict lookups)
instead of comparing every pair of names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+")
_NON_WORD = re.compile(r"[^\w\s&]+")
_SPACES = re.compile(r"\s+")
_INITIALS = re.compile(r"\b\w(?: \w\b)+")

# Words that end a company name without changing which company it is.
ORG_SUFFIXES = frozenset(
    {
        "corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited",
        "llc", "plc", "ag", "sa", "gmbh", "nv", "holdings", "group", "lp", "llp",
    }
)  # fmt: skip

# Words that connect the parts of a long name and carry no initial.
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to", "de", "du", "des", "del", "&"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, article- and possessive-insensitive key for a name.

    ``"The U.S.’s"`` and ``"the US"`` both give ``"us"``; hyphens become spaces
    and other punctuation disappears, so ``"Lockheed Martin Corp."`` gives
    ``"lockheed martin corp"``.
    """
    key = strip_accents(text).translate(_QUOTES).casefold().strip()
    key = _POSSESSIVE.sub("", key)
    key = _LEADING_THE.sub("", key)
    key = key.replace("-", " ").replace(".", "")
    key = _NON_WORD.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    # "U. S." is "U.S.": join runs of single letters.
    return _INITIALS.sub(lambda m: m.group(0).replace(" ", ""), key)


def singular(word: str) -> str:
    """Crude English singular for the last word of a term (``Systems`` → ``System``)."""
    lower = word.lower()
    if len(word) > 4 and lower.endswith("ies"):
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# British spellings that differ from the American by a whole word, and the endings that
# differ by rule. "Labour" stays: the Labour and Labor parties are different parties.
_UK_WORDS = {
    "centre": "center", "centres": "centers", "theatre": "theater", "metre": "meter",
    "defence": "defense", "licence": "license", "offence": "offense", "programme": "program",
    "programmes": "programs", "colour": "color", "honour": "honor", "favour": "favor",
    "harbour": "harbor", "armour": "armor", "neighbour": "neighbor", "behaviour": "behavior",
    "rumour": "rumor", "humour": "humor", "tumour": "tumor", "vapour": "vapor",
    "endeavour": "endeavor", "saviour": "savior", "valour": "valor", "fibre": "fiber",
    "calibre": "caliber", "sceptic": "skeptic", "paediatric": "pediatric",
    "paediatrics": "pediatrics", "anaemia": "anemia", "haemorrhagic": "hemorrhagic",
    "oestrogen": "estrogen", "foetal": "fetal", "aluminium": "aluminum", "catalogue": "catalog",
    "dialogue": "dialog", "analogue": "analog", "grey": "gray", "tyre": "tire", "kerb": "curb",
    "manoeuvre": "maneuver", "jewellery": "jewelry", "enrolment": "enrollment",
    "fulfil": "fulfill", "travelled": "traveled", "travelling": "traveling",
    "labelled": "labeled", "modelling": "modeling", "counsellor": "counselor",
}  # fmt: skip
# -ise/-ize (organisation, recognised, privatising) and -yse/-yze (analyse, paralysed).
_ISE = re.compile(r"(?<=\w{2})([iy])s(e|es|ed|ing|ation|ations|er|ers)$")


def spelling(word: str) -> str:
    """One spelling for British and American forms of a folded word (``organisation`` →
    ``organization``). Both sides of a comparison go through it, so a word that only
    looks British ("promise") is changed the same way everywhere and harms nothing."""
    mapped = _UK_WORDS.get(word)
    if mapped is not None:
        return mapped
    if len(word) > 5 and word[-1] == "h" and word[-2] in "aeiou":
        # a transliteration's final "h" after a vowel: "Zawiyah" / "Zawiya", "Fallujah"
        # / "Falluja", "Ajdabiyah" / "Ajdabiya"
        word = word[:-1]
    return _ISE.sub(r"\1z\2", word) if len(word) > 5 else word


# The Arabic article before a transliterated name ("al-Qaida", "el-Assad"): the name after
# it is written with other vowels and doubled letters by other outlets ("al-Qaeda",
# "al-Jazeera" / "Al Jazira", "al-Shabaab" / "al-Shabab").
_ARABIC_ARTICLES = frozenset({"al", "el"})
# A side named after its leader ("pro-Gadhafi" / "pro-Gaddafi", "anti-Saddam") is written
# in the leader's transliterations.
_SIDES = frozenset({"pro", "anti"})
# A final vowel stays: "Al Arabiya" (a channel) is not "Al-Araby" (a paper).
_INNER_VOWELS = re.compile(r"(?<=.)[aeiou]+(?=.)")
_DOUBLED_LETTER = re.compile(r"(\w)\1+")


def transliterated(word: str) -> str:
    """A transliterated word's consonants, doubled ones once, "dh" as "d", and its final
    vowel: "qaida" / "qaeda" -> "qda", "gadhafi" / "gaddafi" -> "gdfi"."""
    return _DOUBLED_LETTER.sub(r"\1", _INNER_VOWELS.sub("", word.replace("dh", "d")))


def spelled_words(key: str) -> list[str]:
    """The words of a folded ``key`` in one spelling: ``spelling`` for each, and the
    word after an Arabic article, or after the "pro" / "anti" that opens a side's name,
    by its consonants (``transliterated``), so "al qaida" and "al qaeda" are one name,
    and "pro gadhafi" and "pro gaddafi"; both linkers key names through it."""
    words = [spelling(w) for w in head_last(strip_org_suffix(key)).split()]
    return [
        transliterated(w)
        if i
        and len(w) > 3
        and (words[i - 1] in _ARABIC_ARTICLES or (i == 1 and words[0] in _SIDES))
        else w
        for i, w in enumerate(words)
    ]


# A government department named head first ("Department of the Treasury") or
# abbreviated ("Treasury Dept"): written as "Treasury Department" for matching.
_HEAD_FIRST = re.compile(r"^(department|ministry|dept) of (?:the )?(.+)$")


def head_last(key: str) -> str:
    """``"department of the treasury"`` / ``"treasury dept"`` → ``"treasury department"``."""
    match = _HEAD_FIRST.match(key)
    if match is not None:
        key = f"{match[2]} {match[1]}"
    if key.endswith(" dept"):
        key = key[: -len("dept")] + "department"
    return key


@lru_cache(maxsize=65536)
def variant_key(key: str) -> str:
    """``fold`` key made insensitive to spelling, company suffixes and plurals: every word
    of a name of three or more words is made singular ("Centres for Disease Control" =
    "Center for Disease Control"), only the last word of a shorter one; a department
    named head first is named head last ("Department of the Treasury"); the words before
    a long name's head in one order (``modifiers_in_order``)."""
    words = spelled_words(key)
    if len(words) >= 3:
        words = [singular(w) if len(w) > 3 else w for w in words]
    elif words:
        words[-1] = singular(words[-1])
    return modifiers_in_order(" ".join(words))


def modifiers_in_order(key: str) -> str:
    """A name of three words or more, all of them content words, with the words before
    its head in one order: "National Transitional Council" and "Transitional National
    Council", "Free Syrian Army" and "Syrian Free Army" are one body written two ways
    ("Bank of America" keeps its order: it has a connector)."""
    words = key.split()
    if len(words) < 3 or not CONNECTORS.isdisjoint(words):
        return key
    return " ".join([*sorted(words[:-1]), words[-1]])


def group_singular(key: str) -> str:
    """A people's one-word plural in "-is" made singular ("israelis", "sunnis", "iraqis"),
    which ``singular`` leaves alone for other names ("Paris", "Tunis")."""
    if " " not in key and len(key) > 5 and key.endswith("is") and key[-3] not in "aeiou":
        return key[:-1]
    return key


def kind_variant(variant: str, label: str) -> str:
    """A name's variant key as its kind reads it: a people's plural in "-is" made
    singular ("israelis" -> "israeli"), a company's two words run together ("exxon
    mobil" -> "exxonmobil", the company also written "ExxonMobil"); else as it is."""
    if label == "NORP":
        return group_singular(variant)
    words = variant.split()
    return "".join(words) if label == "ORG" and len(words) == 2 else variant


def singular_key(key: str) -> str:
    """``fold`` key with its last word made singular."""
    head, _, last = key.rpartition(" ")
    last = singular(last)
    return f"{head} {last}" if head else last


def strip_org_suffix(key: str) -> str:
    """``"lockheed martin corp"`` → ``"lockheed martin"``; unchanged when no suffix."""
    words = key.split()
    while len(words) > 1 and words[-1] in ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


def initials(name: str) -> str:
    """Upper-case initials of the content words: ``"United States"`` → ``"US"``.

    Words already in capitals give all their letters: ``"U.S. Navy"`` → ``"USN"``.
    """
    out = []
    for word in strip_accents(name).translate(_QUOTES).replace("-", " ").split():
        letters = [c for c in word if c.isalpha()]
        if not letters or word.lower() in CONNECTORS or not word[0].isalpha():
            continue
        if len(letters) > 1 and all(c.isupper() for c in letters):
            out.extend(letters)  # "U.S. Navy" → "USN"
        else:
            out.append(letters[0].upper())
    return "".join(out)


@lru_cache(maxsize=65536)
def is_acronym(text: str) -> bool:
    """All-capital short form such as ``ATACMS``, ``U.K.`` or ``PrSM``."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or len(text) > 12 or " " in text.strip():
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper >= len(letters) / 2 and text[0].isupper()


def bounded_edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        row_min = i
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous = current
    return previous[-1] if previous[-1] <= limit else limit + 1
