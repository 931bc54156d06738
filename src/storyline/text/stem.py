"""The Porter stemmer as ROUGE-1.5.5's Perl script implements it.

One stemmer for the whole package: ROUGE scoring (``eval.rouge``) must match the
script exactly, and the timeline's sentence vectors use the same stems.
"""

from __future__ import annotations

import re

_C = "[^aeiou][^aeiouy]*"  # consonant sequence ('Y' for an initial y is a consonant)
_V = "[aeiouy][aeiou]*"  # vowel sequence
_MGR0 = re.compile(f"^(?:{_C})?{_V}{_C}")  # m > 0
_MEQ1 = re.compile(f"^(?:{_C})?{_V}{_C}(?:{_V})?$")  # m == 1
_MGR1 = re.compile(f"^(?:{_C})?{_V}{_C}{_V}{_C}")  # m > 1
_HAS_VOWEL = re.compile(f"^(?:{_C})?[aeiouy]")
_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")
_STEP1A = re.compile(r"(ss|i)es$")
_STEP1A_S = re.compile(r"([^s])s$")
_STEP1B = re.compile(r"(ed|ing)$")
_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_STEP2_MAP = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP2 = re.compile(
    r"(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism"
    r"|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_STEP3_MAP = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
    "ness": "",
}  # fmt: skip
_STEP3 = re.compile(r"(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4 = re.compile(r"(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_STEP4_ION = re.compile(r"(s|t)(ion)$")


def porter_stem(word: str) -> str:
    """Stem one lower-case word exactly as ROUGE-1.5.5's Perl ``stem`` does."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    w = "Y" + word[1:] if initial_y else word
    # Step 1a
    if m := _STEP1A.search(w):
        w = w[: m.start()] + m.group(1)
    elif m := _STEP1A_S.search(w):
        w = w[: m.start()] + m.group(1)
    # Step 1b
    if w.endswith("eed"):
        if _MGR0.search(w[:-3]):
            w = w[:-1]
    elif m := _STEP1B.search(w):
        stem = w[: m.start()]
        if _HAS_VOWEL.search(stem):
            w = stem
            if w.endswith(("at", "bl", "iz")):
                w += "e"
            elif _DOUBLE.search(w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # Step 1c
    if w.endswith("y") and _HAS_VOWEL.search(w[:-1]):
        w = w[:-1] + "i"
    # Step 2
    if m := _STEP2.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP2_MAP[m.group(1)]
    # Step 3
    if m := _STEP3.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP3_MAP[m.group(1)]
    # Step 4: the script's order, including its separate -ment / -ent passes.
    if m := _STEP4.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    if w.endswith("ment") and _MGR1.search(w[:-4]):
        w = w[:-4]
    if w.endswith("ent"):
        if _MGR1.search(w[:-3]):
            w = w[:-3]
    elif m := _STEP4_ION.search(w):
        stem = w[: m.start()] + m.group(1)
        if _MGR1.search(stem):
            w = stem
    # Step 5
    if w.endswith("e"):
        stem = w[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    if initial_y:
        w = "y" + w[1:]
    return w
