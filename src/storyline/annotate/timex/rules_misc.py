"""Rules for durations, sets and vague references (now, recently, the future)."""

from __future__ import annotations

import re
from types import MappingProxyType

from storyline.annotate.timex.lexicon import PARTS_OF_DAY, SET_ADVERBS, WEEKDAYS, parse_number
from storyline.annotate.timex.patterns import (
    MONTH_NAME,
    NUM,
    PRE_MOD,
    PREPOSITIONS,
    SEASON,
    UNIT,
    WEEKDAY,
    Ctx,
    Res,
    Rule,
    approx_trim,
    pre_mod,
    rule,
)
from storyline.annotate.timex.rules_dates import month_num
from storyline.annotate.timex.rules_relative import _VAGUE_RX, unit_code

# unit code -> (ISO designator, multiplier, is a time-of-day unit)
_ISO = MappingProxyType({"S": ("S", 1, True), "MIN": ("M", 1, True), "H": ("H", 1, True), "D": ("D", 1, False),
        "W": ("W", 1, False), "FN": ("W", 2, False), "WE": ("WE", 1, False),
        "M": ("M", 1, False), "Q": ("Q", 1, False), "Y": ("Y", 1, False),
        "DE": ("Y", 10, False), "CE": ("Y", 100, False), "ML": ("Y", 1000, False)})  # fmt: skip
# how to spell a fraction of a unit in the next smaller one
_SMALLER = MappingProxyType({"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False),
            "D": ("H", 24, True), "H": ("M", 60, True), "Q": ("M", 3, False)})  # fmt: skip
# minutes share the letter M with months: their fraction is in seconds
_SMALLER_TIME = MappingProxyType({"M": ("S", 60, True)})


_OLD_RX = re.compile(r"\s+old\b")
_YEAR_LIKE_RX = re.compile(r"(?:1[89]|20)\d\d")
_HALF_RX = re.compile(r"\s+and\s+a\s+half$", re.IGNORECASE)
_MONTH_NAME_RX = re.compile(MONTH_NAME, re.IGNORECASE)


def duration_value(n: float | None, code: str) -> str | None:
    """ISO 8601 duration for ``n`` units ('P17M', 'PT3H', 'P2Y6M'); n None -> 'PXY'."""
    if code not in _ISO:
        return None
    letter, mult, timey = _ISO[code]
    t = "T" if timey else ""
    if n is None:
        # "decades", "centuries": in years, like "two decades" (P20Y), as TempEval-3 does
        return f"P{t}X{'Y' if mult >= 10 else letter}"
    total = n * mult
    whole = int(total)
    frac = total - whole
    if frac < 1e-9:
        return f"P{t}{whole}{letter}"
    smaller = _SMALLER_TIME if timey and letter in _SMALLER_TIME else _SMALLER
    if letter in smaller:
        small, k, small_timey = smaller[letter]
        extra = round(frac * k)
        if whole == 0:
            return f"P{'T' if small_timey else ''}{extra}{small}"
        if timey == small_timey:
            return f"P{t}{whole}{letter}{extra}{small}"
        return f"P{whole}{letter}T{extra}{small}"
    return f"P{t}{whole}{letter}"


# ---- durations ---------------------------------------------------------------------


def _duration(m: re.Match[str], ctx: Ctx) -> Res | None:
    raw_n = m.group("n").lower()
    unit = m.group("u").lower()
    code = unit_code(unit)
    after = ctx.text[m.end() : m.end() + 12].lower()
    if m.group("adj") == "-old" or _OLD_RX.match(after):
        return None  # ages are not temporal expressions
    if m.group("adj") == "-long" and raw_n in ("a", "an"):
        value = duration_value(1.0, code)
        trim = m.start("u") - m.start()  # "a day-long meeting": the adjective alone
        return None if value is None else Res("DURATION", value, trim_start=trim, anchor="none")
    single = raw_n in ("a", "an", "one")
    if single and (unit.startswith("sec") or unit.startswith("quarter")) and not unit.endswith("s"):
        return None  # "a second term", "a quarter of the company"
    hyphen = "-" in ctx.text[m.end("n") : m.start("u")]
    if hyphen and unit.startswith("quarter") and unit.endswith("s"):
        return None  # "three-quarters of": a fraction
    if single and unit in ("day", "night") and raw_n == "one" and not m.group("dp") and not hyphen:
        prev = ctx.previous_word(m.start()).lower()
        if prev not in PREPOSITIONS and prev not in ("just", "only"):
            return None  # "One day, ..." is a vague past/future, not a length
    if _YEAR_LIKE_RX.fullmatch(raw_n) and not hyphen and not unit.endswith("s"):
        return None  # "the 1988 quarter": a year naming a period, not 1988 quarters
    n: float | None
    if _VAGUE_RX.search(raw_n):
        n = None
    else:
        n = parse_number(raw_n)
        if n is None:
            return None
        if _HALF_RX.search(m.group(0)[: m.end("u") - m.start() + 12]):
            n += 0.5  # "an hour and a half"
    trim = 0
    dp = (m.group("dp") or "").lower()
    adjective = hyphen or (not unit.endswith("s") and n not in (None, 1.0))
    if adjective and (dp in ("an", "a") or dp.startswith("the")):
        trim = m.start("n") - m.start()  # "the 14-day waiting period": the adjective alone
    if code == "WE":
        return Res(
            "DURATION", "P2D" if n == 1 else f"P{'X' if n is None else int(n * 2)}D", anchor="none"
        )
    value = duration_value(n, code)
    if value is None:
        return None
    mod = pre_mod(m.group("pm"))
    orso = (m.group("orso") or "").lower()
    if "so" in orso:
        mod = mod or "APPROX"
    elif "more" in orso:
        mod = mod or "EQUAL_OR_MORE"
    elif "less" in orso:
        mod = mod or "EQUAL_OR_LESS"
    trim = trim or approx_trim(m, "pm")
    return Res("DURATION", value, mod, trim_start=trim, anchor="none")


def _long_adjective(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'decades-long', 'day-long', 'year-long': a duration used as an adjective."""
    unit = m.group("u").lower()
    value = duration_value(None if unit.endswith("s") else 1.0, unit_code(unit))
    return None if value is None else Res("DURATION", value, anchor="none")


def _vague_plural(m: re.Match[str], ctx: Ctx) -> Res | None:
    rel = (m.group("vrel") or "").lower()
    q = m.group("vq")
    code = unit_code(m.group("u"))
    prev = ctx.previous_word(m.start()).lower()
    has_the = m.group(0).lower().startswith("the")
    if not rel and not q and not m.group("ahead"):
        if prev not in ("for", "in", "within", "over", "after", "of", "than", "take", "took",
                        "takes", "last", "lasted", "spent", "spend"):  # fmt: skip
            return None
        if has_the and prev != "over":
            return None
    if rel == "recent" and code in ("Y", "DE") and not has_the:
        return Res("DATE", "PAST_REF", anchor="none")
    value = duration_value(None, code)
    return None if value is None else Res("DURATION", value, anchor="none")


# ---- sets ------------------------------------------------------------------------------


def _set_adverb(m: re.Match[str], ctx: Ctx) -> Res | None:
    word = m.group("w").lower()
    nxt = ctx.next_word(m.end())
    if word == "quarterly" and nxt.isalpha() and nxt.islower():
        return None  # "its quarterly dividend": an adjective, not a recurrence
    prev = ctx.previous_word(m.start())
    if m.group("w")[0].isupper() and prev[:1].isupper():
        return None  # "NatSec Daily", "Mint Daily": part of a name
    return Res("SET", SET_ADVERBS[m.group("w").lower()])


def _set_every(m: re.Match[str], ctx: Ctx) -> Res | None:
    what = m.group("u")
    low = what.lower()
    if low.rstrip("s") in WEEKDAYS or low in WEEKDAYS:
        return Res(
            "SET",
            f"XXXX-WXX-{WEEKDAYS[low.rstrip('s') if low not in WEEKDAYS else low]}",
            anchor="none",
        )
    if _MONTH_NAME_RX.fullmatch(what):
        return Res("SET", f"XXXX-{month_num(what):02d}", anchor="none")
    seasons = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
    if low in seasons:
        return Res("SET", f"XXXX-{seasons[low]}", anchor="none")
    if low in ("season", "seasons"):
        return Res(
            "SET", "P1Y" if not m.group("n") else f"P{int(parse_number(m.group('n')) or 1)}Y"
        )
    if low.rstrip("s") in PARTS_OF_DAY:
        return Res("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[low.rstrip('s')]}", anchor="none")
    if low in ("weekend", "weekends"):
        return Res("SET", "XXXX-WXX-WE", anchor="none")
    if low in ("weekday", "weekdays"):
        return None
    code = unit_code(low)
    n = parse_number(m.group("n")) if m.group("n") else 1.0
    if m.groupdict().get("other"):
        n = (n or 1.0) * 2
    value = duration_value(n, code)
    return None if value is None else Res("SET", value, anchor="none")


_RATE_CONTEXT = re.compile(r"[\d$%]|\b(?:million|billion|times|percent|once|twice)\b", re.I)


def _set_rate(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'$33 million a year', '400 flights a week': a per-period rate."""
    if m.group("per").lower() != "per":
        prev = ctx.previous_word(m.start()).lower()
        if prev in PREPOSITIONS or prev in ("the", "than", "just", "only", "is", "was", "be"):
            return None
        nxt = ctx.next_word(m.end()).lower()
        if nxt in ("ago", "earlier", "later", "or", "before", "after", "and", "of", "from"):
            return None
        if not _RATE_CONTEXT.search(ctx.text[max(0, m.start() - 40) : m.start()]):
            return None
    code = unit_code(m.group("u"))
    value = duration_value(1.0, code)
    return None if value is None else Res("SET", value, anchor="none")


def _set_freq(m: re.Match[str], ctx: Ctx) -> Res | None:
    code = unit_code(m.group("u"))
    value = duration_value(1.0, code)
    return None if value is None else Res("SET", value, anchor="none")


# ---- vague references ------------------------------------------------------------------

_REFS = MappingProxyType({"now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
         "currently": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "current": "PRESENT_REF",
         "the moment": "PRESENT_REF", "the present": "PRESENT_REF",
         "recently": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF",
         "most recently": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
         "the past": "PAST_REF", "the recent past": "PAST_REF", "the distant past": "PAST_REF",
         "recent": "PAST_REF", "the time": "PAST_REF", "until recently": "PAST_REF",
         "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
         "as soon as possible": "FUTURE_REF", "someday": "FUTURE_REF",
         "a later date": "FUTURE_REF"})  # fmt: skip
_NARRATIVE_PAST = frozenset(
    {"became", "was", "were", "had", "began", "came", "went", "turned", "grew", "found", "left",
     "followed", "spread", "fell", "rose", "got", "made", "took", "gave"}
)  # fmt: skip
_NOT_CURRENT = frozenset(
    {"account", "accounts", "affairs", "events", "flows", "flow", "liabilities", "assets",
     "ratio", "density", "source", "sources", "issue", "issues", "form", "version", "and",
     "or", "of", "to", "in", "with", "is", "was", "a"}
)  # fmt: skip


def _ref(m: re.Match[str], ctx: Ctx) -> Res | None:
    w = " ".join(m.group("w").lower().split())
    if w.startswith("the ") and w.endswith(("future", "term")):
        return Res("DATE", "FUTURE_REF", anchor="none")
    if w in ("a while", "some time", "a long time", "a short time"):
        return Res("DURATION", "PXX", anchor="none")  # "for a while": a length of unknown size
    value = _REFS.get(w)
    if value is None:
        return None
    nxt_char = ctx.text[m.end() : m.end() + 1]
    nxt = ctx.next_word(m.end()).lower()
    prev = ctx.previous_word(m.start()).lower()
    if nxt_char == "-" and w in ("now", "recent", "current", "future"):
        return None  # "now-defunct", "future-proof"
    if w == "future":
        return None  # adjectival "future earnings": not annotated in TimeML corpora
    if w in ("current", "recent"):
        if not nxt or not nxt.isalpha() or nxt in _NOT_CURRENT or not nxt.islower():
            return None
        if w == "current" and prev in ("electric", "direct", "alternating", "ocean", "the"):
            if prev != "the":
                return None
    if w == "soon" and (prev == "as" or nxt in ("as", "after", "afterwards", "thereafter")):
        return None
    narrative = nxt in _NARRATIVE_PAST or (len(nxt) > 4 and nxt.endswith("ed"))
    if w == "soon" and (prev in ("was", "were", "had") or narrative):
        return None  # "he was soon released", "that soon became a flood": soon after then
    if w == "the past" and prev not in ("in", "of", "from", "than", "into", "over", "like"):
        if nxt_char not in (",", ".", ";", ")", "") and nxt not in ("and", "or", "but"):
            return None
    if w == "the time":
        if prev != "at" or nxt in ("of", "when", "being", "that", "to", "it", "he", "she"):
            return None
    if w == "the moment" and prev != "at":
        return None
    if w == "the present" and prev not in ("at", "until", "to"):
        return None
    return Res("DATE", value, anchor="none")


# ---- the rules -------------------------------------------------------------------------

_DUR_PREFIX = (
    r"(?:(?P<pm>" + PRE_MOD + r")\s+|(?P<dp>the\s+(?:past|last|next|previous|preceding|following"
    r"|coming|first|final|initial|remaining|latest|same|entire|full|whole|ensuing|intervening)"
    r"|the|past|last|next|first|final|coming|previous|following|another|an\s+additional|"
    r"additional|an\s+extra|extra|a\s+further|further)\s+)?"
)
_PLURAL_UNIT = (
    r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|"
    r"centuries)(?![\w-])"
)
_EVERY_WHAT = (
    r"(?:" + UNIT + r"|" + WEEKDAY + r"|" + MONTH_NAME + r"|" + SEASON + r"|seasons?|mornings?|"
    r"afternoons?|evenings?|nights?|weekdays?)"
)

RULES: tuple[Rule, ...] = (
    rule(
        "duration",
        _DUR_PREFIX + r"(?P<n>" + NUM + r")(?:\s*(?:to|or|-|–|and)\s*(?:" + NUM + r"))?[-\s]+"
        r"(?:(?:more|additional|extra|full|straight|consecutive|long|trading|business|calendar"
        r"|working|school|solid|short)\s+)?(?P<u>" + UNIT + r")(?:\s+and\s+a\s+half)?"
        r"(?P<orso>\s+or\s+(?:so|more|less))?(?P<adj>-(?:long|old))?",
        _duration,
        priority=1,
    ),
    rule(
        "duration_vague",
        r"(?:the\s+)?(?:(?P<vrel>past|last|next|coming|recent|following|previous|first|final|"
        r"early|remaining|ensuing|intervening|subsequent)\s+)?(?:(?P<vq>few|several|many|"
        r"couple\s+of)\s+)?(?P<u>" + _PLURAL_UNIT + r")(?:\s+(?P<ahead>ahead|to\s+come))?",
        _vague_plural,
    ),
    rule(
        "duration_long",
        r"(?P<u>(?:day|week|month|year|decade|centur(?:y|ie))s?)-long",
        _long_adjective,
        priority=1,
    ),
    rule(
        "set_adverb",
        r"(?P<w>hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|"
        r"biannually|semiannually)(?![\w-])",
        _set_adverb,
    ),
    rule(
        "set_every",
        r"(?:every|each)\s+(?:(?P<other>other)\s+|single\s+)?(?:(?P<n>" + NUM + r")\s+)?"
        r"(?P<u>" + _EVERY_WHAT + r")",
        _set_every,
        priority=2,
    ),
    rule(
        "set_rate",
        r"(?P<per>an?|per)\s+(?P<u>day|week|month|year|night|hour|minute|quarter)(?![\w-])",
        _set_rate,
        priority=2,
    ),
    rule(
        "set_frequency",
        r"(?:once|twice|thrice|(?:" + NUM + r")\s+times)\s+(?:an?|per|each|every)\s+"
        r"(?P<u>day|week|month|year|night|hour|minute|quarter|decade)(?![\w-])",
        _set_freq,
        priority=3,
    ),
    rule(
        "reference",
        r"(?P<w>now|currently|presently|at\s+present|nowadays|these\s+days"
        r"|until\s+recently|more\s+recently|most\s+recently|recently|lately"
        r"|the\s+recent\s+past|the\s+distant\s+past|the\s+past|the\s+(?:near|distant|foreseeable|"
        r"immediate|not-too-distant|not\s+too\s+distant)\s+future|the\s+future|the\s+(?:near|"
        r"short|long|medium)\s+term|as\s+soon\s+as\s+possible|soon|someday|recent|current|"
        r"future|(?<=at\s)the\s+(?:time|moment|present)|a\s+later\s+date|(?<=for\s)(?:a\s+while|"
        r"some\s+time|a\s+long\s+time|a\s+short\s+time))",
        _ref,
    ),
)
