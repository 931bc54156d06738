"""Reading numbers, units and hedges off spaCy tokens.

Everything here works on token indices of a parsed Doc and returns plain
tuples; ``__init__`` decides what the number measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(k|m|mn|mln|bn|b|tn|trn)?$", re.I)

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
# "hundreds of missiles": the least the plural can mean, flagged as vague.
VAGUE_PLURALS = {
    "dozens": 24.0, "scores": 40.0, "tens": 20.0, "hundreds": 200.0, "thousands": 2e3,
    "millions": 2e6, "billions": 2e9,
}  # fmt: skip
# "several hundred", "a few thousand": the multiplier taken for the vague word.
VAGUE_PREFIX = {"several": 3.0, "few": 3.0, "couple": 2.0, "many": 3.0}

# Hedges before a number; all make the figure approximate. Longest first.
_MARKERS = (
    "as far as", "as much as", "as many as", "as long as", "as high as", "as little as",
    "as few as", "no more than", "no fewer than", "in excess of", "up to", "more than",
    "less than", "fewer than", "at least", "at most", "close to", "upwards of", "an estimated",
    "just over", "just under", "well over", "nearly", "about", "around", "some", "roughly",
    "approximately", "almost", "over", "under", "estimated", "approx", "circa", "~",
)  # fmt: skip
APPROX_MARKERS: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(m.split()) for m in _MARKERS), key=lambda m: -len(m))
)

CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "c$": "CAD", "a$": "AUD", "hk$": "HKD",
}  # fmt: skip


@dataclass(frozen=True)
class Unit:
    kind: str  # distance | money | percent | weight | speed
    factor: float  # to the normalized unit
    normalized: str


UNITS: dict[str, Unit] = {
    **{w: Unit("distance", 1.0, "km") for w in ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres")},
    **{w: Unit("distance", 1.609344, "km") for w in ("mile", "miles", "mi")},
    **{w: Unit("distance", 0.001, "km") for w in ("meter", "meters", "metre", "metres")},
    **{w: Unit("distance", 0.0003048, "km") for w in ("foot", "feet", "ft")},
    **{w: Unit("distance", 0.0000254, "km") for w in ("inch", "inches")},
    **{w: Unit("distance", 0.00001, "km") for w in ("cm", "centimeter", "centimeters", "centimetre", "centimetres")},
    **{w: Unit("percent", 1.0, "%") for w in ("%", "percent", "pct")},
    **{w: Unit("money", 1.0, "USD") for w in ("dollar", "dollars", "usd")},
    **{w: Unit("money", 1.0, "EUR") for w in ("euro", "euros", "eur")},
    **{w: Unit("money", 1.0, "GBP") for w in ("gbp",)},
    **{w: Unit("money", 1.0, "RUB") for w in ("ruble", "rubles", "rouble", "roubles")},
    **{w: Unit("money", 1.0, "UAH") for w in ("hryvnia", "hryvnias", "hryvnias")},
    **{w: Unit("money", 1.0, "CNY") for w in ("yuan",)},
    **{w: Unit("money", 1.0, "JPY") for w in ("yen",)},
    **{w: Unit("weight", 1.0, "kg") for w in ("kg", "kilogram", "kilograms", "kilo", "kilos")},
    **{w: Unit("weight", 1000.0, "kg") for w in ("ton", "tons", "tonne", "tonnes")},
    **{w: Unit("weight", 0.45359237, "kg") for w in ("lb", "lbs")},
    **{w: Unit("speed", 1.609344, "km/h") for w in ("mph",)},
    **{w: Unit("speed", 1.0, "km/h") for w in ("kph", "km/h", "kmh")},
}  # fmt: skip
# Two-token units.
UNITS2: dict[tuple[str, str], Unit] = {
    ("nautical", "miles"): Unit("distance", 1.852, "km"),
    ("nautical", "mile"): Unit("distance", 1.852, "km"),
    ("per", "cent"): Unit("percent", 1.0, "%"),
    ("percentage", "points"): Unit("percent", 1.0, "pp"),
    ("pounds", "sterling"): Unit("money", 1.0, "GBP"),
    ("square", "miles"): Unit("area", 2.589988, "km2"),
    ("square", "kilometers"): Unit("area", 1.0, "km2"),
    ("square", "kilometres"): Unit("area", 1.0, "km2"),
}


@dataclass(frozen=True)
class Number:
    value: float
    start: int  # token span of the number words
    end: int
    vague: bool = False  # "hundreds", "several hundred"
    low: float | None = None  # for "150 to 190" ranges
    high: float | None = None


def _digits(text: str) -> float | None:
    m = _DIGITS.match(text)
    if not m or not (m.group(1) or m.group(2)):
        return None
    whole = (m.group(1) or "0").replace(",", "")
    value = float(f"{whole}.{m.group(2)}" if m.group(2) else whole)
    if m.group(3):
        value *= _ABBR[m.group(3).lower()]
    return value


def is_number_start(lower: str) -> bool:
    """Cheap test run on every token before trying to parse a number there."""
    c = lower[:1]
    return (
        c.isdigit()
        or (c == "." and lower[1:2].isdigit())
        or lower in SMALL
        or lower in VAGUE_PLURALS
        or lower in VAGUE_PREFIX
        or lower in ("a", "an", "half", "dozen")
    )


def parse_number(doc: Doc, i: int) -> Number | None:
    """The number written at token ``i`` ("1.2 billion", "two dozen", "hundreds of thousands")."""
    n = len(doc)
    lower = doc[i].lower_
    value = _digits(doc[i].text) if lower[:1].isdigit() or lower[:1] == "." else None
    j = i + 1
    vague = False
    if value is not None:
        while j < n and doc[j].lower_ in SCALES:
            value *= SCALES[doc[j].lower_]
            j += 1
        if j < n and doc[j].lower_ in ("dozen",):
            value *= 12
            j += 1
        return Number(value, i, j)
    if lower in VAGUE_PLURALS:
        value = VAGUE_PLURALS[lower]
        # "hundreds of thousands", "tens of millions"
        if j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in VAGUE_PLURALS:
            value = value * VAGUE_PLURALS[doc[j + 1].lower_] / 2
            j += 2
        elif j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in SCALES:
            value *= SCALES[doc[j + 1].lower_]
            j += 2
        return Number(value, i, j, vague=True)
    k = i
    factor = 1.0
    if lower in ("a", "an") or lower in VAGUE_PREFIX or lower == "half":
        if lower in VAGUE_PREFIX:
            factor, vague = VAGUE_PREFIX[lower], True
        elif lower == "half":
            factor = 0.5
        k = i + 1
        if lower in ("a", "half") and k < n and doc[k].lower_ in ("few", "couple", "a"):
            if doc[k].lower_ != "a":
                factor, vague = VAGUE_PREFIX[doc[k].lower_], True
            k += 1
        if k < n and doc[k].lower_ == "of" and vague:
            k += 1
        if k >= n or doc[k].lower_ not in SCALES and doc[k].lower_ not in ("dozen", "hundred"):
            return None
        value = factor
    # Word numbers: "twenty-five hundred", "two dozen", "three million".
    total = 0.0
    current = 0.0 if value is None else value
    seen = value is not None
    j = k
    while j < n:
        w = doc[j].lower_
        if w in SMALL:
            current += SMALL[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w == "-" and j > k and doc[j - 1].lower_ in _TENS and not doc[j - 1].whitespace_:
            if j + 1 >= n or SMALL.get(doc[j + 1].lower_, 10) >= 10:
                break  # only "twenty-five": "four - two" is not a number
        elif w == "and" and seen and j + 1 < n and doc[j + 1].lower_ in SMALL and current >= 100:
            pass  # "two hundred and fifty"
        else:
            break
        seen = True
        j += 1
    if not seen or j == i:
        return None
    return Number(total + current, i, j, vague=vague)


def parse_range(doc: Doc, number: Number) -> Number:
    """Extends "150" in "150 to 190" / "150-190" to the range, value = midpoint."""
    j = number.end
    if (
        j + 1 < len(doc)
        and doc[j].lower_ in ("to", "-", "–", "and")
        and doc[j + 1].text[:1].isdigit()
    ):
        if doc[j].lower_ == "and" and (
            number.start == 0 or doc[number.start - 1].lower_ != "between"
        ):
            return number
        other = parse_number(doc, j + 1)
        if other is not None and other.value > number.value:
            return Number(
                (number.value + other.value) / 2, number.start, other.end, number.vague,
                number.value, other.value,
            )  # fmt: skip
    return number


def unit_after(doc: Doc, j: int) -> tuple[Unit, str, int, bool] | None:
    """Unit at token ``j``: (unit, as written, end token, written as "12-mile" adjective)."""
    n = len(doc)
    hyphen = False
    if j < n and doc[j].text == "-" and j + 1 < n and not doc[j].whitespace_:
        hyphen = True
        j += 1
    if j >= n:
        return None
    w = doc[j].lower_
    if j + 1 < n and (w, doc[j + 1].lower_) in UNITS2:
        return UNITS2[(w, doc[j + 1].lower_)], doc[j : j + 2].text, j + 2, hyphen
    unit = UNITS.get(w)
    if unit is None:
        return None
    if w == "mi" and j + 1 < n and doc[j + 1].is_alpha:
        return None
    return unit, doc[j].text, j + 1, hyphen


def currency_before(doc: Doc, i: int) -> tuple[str, str, int] | None:
    """Currency symbol right before token ``i``: (code, as written, its token index)."""
    if i == 0:
        return None
    prev = doc[i - 1]
    code = CURRENCY_PREFIX.get(prev.lower_)
    if code is None and prev.text.endswith("$") and len(prev.text) <= 3:
        code = "USD" if prev.text in ("$", "US$") else prev.text[:-1].upper() + "$"
    if code is None:
        return None
    return code, prev.text, i - 1


def marker_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """Hedge ending right before token ``i``: (marker text, first token index)."""
    for marker in APPROX_MARKERS:
        k = len(marker)
        if i - k < 0:
            continue
        if all(doc[i - k + m].lower_ == marker[m] for m in range(k)):
            return " ".join(marker), i - k
    return None
