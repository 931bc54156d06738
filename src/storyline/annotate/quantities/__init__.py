"""Numbers with units, and what they measure.

Distances (normalized to km), money (USD when written with ``$`` or "dollars",
other currencies keep their code), percentages, weights, speeds, and counts of
things ("500 ATACMS", "hundreds of missiles", "dozens more Storm Shadows",
"more than two dozen supporters"), with rates ("500 ... each year" → per year).
Durations and dates are left to the time tagger.

``value`` is the figure as written with its word multipliers applied ("$1.2
billion" → 1.2e9; "hundreds" → 200, the least the plural can mean, flagged
``approximate``); ``unit`` is the unit as written (the counted noun for counts);
``about`` is a short label: "range" for distances tied to range/strike/reach,
"length" for "a 12-mile bridge", the counted noun for counts, "production per
year" for output rates, "money", "percentage". ``subject`` is the entity or term
the figure is about: the counted thing when it is a named one, else the nearest
mention in the sentence of a fitting kind (a weapon system for a range).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...models import EntityMention, Quantity
from ...text.datelines import dateline_end
from ..components import ExtractorComponent
from ..mentions import ENTITY_LABELS, doc_text, sentence_index, sentence_starts
from .numbers import (
    APPROX_MARKERS,
    UNITS,
    Number,
    Unit,
    currency_before,
    is_number_start,
    marker_before,
    parse_number,
    parse_range,
    unit_after,
)

__all__ = ["APPROX_MARKERS", "extract_quantities", "make_quantities"]

_SKIP_DATE = frozenset({"DATE", "TIME", "ORDINAL"})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_ID_WORDS = frozenset(
    """no no. number article section chapter page resolution flight route item phase level grade
    category class stage game round act apollo covid highway interstate channel episode season
    version model week day""".split()
)
_TIME_NOUNS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years decade
    decades century centuries weekend weekends night nights morning mornings hrs mins yr yrs
    quarter quarters""".split()
)
_NOT_COUNTED = frozenset(
    {"times", "time", "fold", "thirds", "quarters", "halves", "fifths", "tenths"}
)
_COUNT_SKIP = frozenset(
    """more additional other new extra of the these those its their his her our such further
    fresh old advanced modern""".split()
)
_NUM_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "det", "appos"})
_RANGE_CUES = frozenset({"range", "strike", "reach", "hit", "fly", "travel", "target", "far"})
_RANGE_NOUNS = frozenset({"range", "reach", "strike"})
_AREA_NOUNS = frozenset({"radius", "zone", "corridor", "buffer", "perimeter"})
_PRODUCTION = frozenset(
    {"produce", "manufacture", "make", "build", "assemble", "production", "output", "capacity"}
)
_RATE_WORDS = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "daily": "day",
    "weekly": "week",
}
_PERIODS = frozenset({"year", "month", "week", "day"})
_RATE_DET = frozenset({"each", "a", "an", "per", "every"})
_MONEY_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_RANGE_LABELS = ("TERM", "PRODUCT")
_PLACE_LABELS = ("FAC", "LOC", "GPE", "TERM", "PRODUCT", "ORG")
_NOT_SYSTEM_LABELS = ("PERSON", "GPE", "NORP", "LOC", "DATE", "TIME")
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
_PRICE_DET = frozenset({"per", "a", "an", "each"})
_PRICE_VERBS = frozenset({"cost", "sell", "price"})
_EACH = frozenset({"each", "every", "one", "a", "an"})
# "the company has said it can build ...": descriptions that stand for an organisation
_ORG_NOUNS = frozenset({"company", "firm", "manufacturer", "maker", "contractor", "producer"})
# measures that belong to their subject, so a figure of one right after another is
# about the same thing ("X builds 400 a year. An assessment puts output at 120 a year.")
_CARRIED = ("range", "production per ")
# Nouns that describe the kind of thing a story's named system is.
_WEAPON_NOUNS = frozenset(
    {"system", "missile", "weapon", "interceptor", "rocket", "launcher", "munition",
     "drone", "aircraft", "jet", "vessel", "ship", "submarine", "radar", "battery"}
)  # fmt: skip


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    label: str
    sentence: int


def _lemma(doc: Doc, i: int) -> str:
    tok = doc[i]
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _doc_mentions(doc: Doc, starts: list[int]) -> list[_Mention]:
    """Mentions set by storyline_mentions_v1, or spaCy's entities when it did not run."""
    found: Sequence[EntityMention] | None = None
    if Doc.has_extension("mentions"):
        found = doc._.mentions
    if found is not None:
        return [_Mention(m.start, m.end, m.text, m.label, m.sentence) for m in found]
    out: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            label = ent.label_
            if label == "PERSON" and len(ent) == 1 and ent[0].is_upper and len(ent[0]) >= 3:
                label = "TERM"  # an all-caps "person" is an acronym
            out.append(
                _Mention(
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    label,
                    sentence_index(starts, ent.start_char),
                )
            )
    return out


def _noun_run(doc: Doc, k: int, limit: int) -> tuple[int, int] | None:
    """First run of nouns at or after token ``k`` (skipping adjectives, "more", "of the")."""
    n = len(doc)
    skipped = 0
    while k < n and skipped < 4 and k < limit:
        tok = doc[k]
        if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in _COUNT_SKIP:
            break
        if tok.lower_ in _COUNT_SKIP or tok.pos_ == "ADJ" or tok.text == "-":
            k += 1
            skipped += 1
            continue
        return None
    if k >= n or k >= limit or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    end = k
    while (
        end < n
        and end < limit
        and doc[end].pos_ in ("NOUN", "PROPN")
        and doc[end].text[0].isalnum()
    ):
        end += 1
    if end == k:
        return None
    return k, end


def _attached(doc: Doc, number: Number, run: tuple[int, int]) -> bool:
    """The parse links the number to the noun ("500 ATACMS", "hundreds of missiles")."""
    lo, hi = number.start, number.end
    for k in range(lo, hi):
        if doc[k].dep_ in _NUM_DEPS and run[0] <= doc[k].head.i < run[1]:
            return True
    gap = {doc[k].lower_ for k in range(hi, run[0])}
    if number.vague and gap <= _COUNT_SKIP and gap & {"of", "more"}:
        return True  # "dozens more Storm Shadows", however the parser read it
    head = doc[run[1] - 1]
    for _ in range(3):
        if lo <= head.head.i < hi:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _rate_after(doc: Doc, k: int, limit: int) -> tuple[str, int] | None:
    """A rate ("each year", "a year", "per month", "annually") within two tokens of ``k``."""
    for j in range(k, min(k + 3, limit)):
        w = doc[j].lower_
        if w in _RATE_WORDS:
            return _RATE_WORDS[w], j + 1
        if w in _RATE_DET and j + 1 < limit and doc[j + 1].lower_ in _PERIODS:
            return doc[j + 1].lower_, j + 2
        if doc[j].pos_ in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ"):
            return None
    return None


def _clause_subject(tok: Token, steps: int = 8) -> tuple[Token, Token | None]:
    """The verb governing ``tok`` (at most ``steps`` steps up) and that verb's subject."""
    for _ in range(steps):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok, next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _price_per(doc: Doc, k: int, limit: int) -> tuple[str, int] | None:
    """A unit price after a sum of money ("per interceptor", "a barrel"): (thing, end)."""
    if k + 1 >= limit or doc[k].lower_ not in _PRICE_DET:
        return None
    noun = doc[k + 1]
    if noun.pos_ != "NOUN" or noun.lower_ in _PERIODS or noun.lower_ in _RATE_WORDS:
        return None
    return (noun.lemma_ or noun.lower_).lower(), k + 2


def _priced_thing(doc: Doc, i: int) -> str | None:
    """"Each interceptor costs about $4 million": the thing one unit of which is priced."""
    verb, subj = _clause_subject(doc[i], steps=3)
    if (verb.lemma_ or verb.lower_).lower() not in _PRICE_VERBS or subj is None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _EACH for c in subj.children):
        return None
    return (subj.lemma_ or subj.lower_).lower()


def _is_identifier(doc: Doc, number: Number) -> bool:
    i = number.start
    if i > 0:
        prev = doc[i - 1]
        if (
            prev.text == "-"
            and not prev.whitespace_
            and i > 1
            and doc[i - 2].is_alpha
            and not doc[i - 2].whitespace_
        ):
            return True  # "MiG-29"
        if prev.lower_ in _ID_WORDS or prev.text == "#":
            return True
    j = number.end
    if j + 1 < len(doc) and doc[j].text in (":", "/") and doc[j + 1].text[:1].isdigit():
        return True  # times, scores, fractions
    return False


def _production(doc: Doc, i: int, sent_start: int) -> bool:
    tok = doc[i]
    for _ in range(3):
        if (tok.lemma_ or tok.lower_).lower() in _PRODUCTION:
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return any(_lemma(doc, k) in _PRODUCTION for k in range(max(sent_start, i - 10), i))


def _nearest(
    mentions: list[_Mention],
    sentence: int,
    start: int,
    end: int,
    labels: Sequence[str] | None,
    *,
    before: bool = False,
    skip_to: int = 0,
) -> str | None:
    """Closest mention in the sentence; with ``before``, any earlier one beats a later one.
    Mentions ending by ``skip_to`` (a dateline's end) are not candidates."""
    best: tuple[int, int, str] | None = None
    for m in mentions:
        if m.sentence != sentence or (labels is not None and m.label not in labels):
            continue
        if m.end <= skip_to:
            continue
        if m.end <= start:
            gap, after = start - m.end, 0
        elif m.start >= end:
            gap, after = m.start - end, 1
        else:
            continue
        if before:
            gap, after = after, gap
        if best is None or (gap, after) < (best[0], best[1]):
            best = (gap, after, m.text)
    return best[2] if best else None


def _within(mentions: list[_Mention], start: int, end: int) -> str | None:
    for m in mentions:
        if m.start < end and start < m.end:
            return m.text
    return None


class _Extractor:
    def range_subject(self, token: int, sent: int, start: int, end: int) -> str | None:
        """What a range belongs to, from the clause that states it.

        The subject of the governing verb (through "which"/"that" to the noun it
        refers to) when a named thing stands in it; when the subject is only a
        description of a weapon ("the system", "the interceptors"), the last
        system named before it with that head noun ("Interceptor System"), else
        the system the article names most; with no subject, the nearest system
        named in the sentence.
        """
        tok, subj = _clause_subject(self.doc[token])
        if subj is not None and subj.lower_ in _RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            subj = tok.head
        if subj is not None:
            lo, hi = subj.left_edge.idx, subj.idx + len(subj)
            inside = [
                m for m in self.mentions
                if m.start < hi and lo < m.end and m.label not in _NOT_SYSTEM_LABELS
            ]
            if inside:
                return inside[-1].text
            head = subj.lemma_.lower()
            if head in _WEAPON_NOUNS:
                # "the system" is the last name ending in "System" before it, whatever
                # label the statistical NER gave that name
                fitting = [
                    m for m in self.mentions
                    if m.end <= lo and m.label not in _NOT_SYSTEM_LABELS
                    and m.text.lower().split()[-1].rstrip("s") == head
                ]
                if fitting:
                    return fitting[-1].text
                named = [m for m in self.mentions if m.label in _RANGE_LABELS]
                counts = Counter(m.text for m in named)
                if counts:
                    return counts.most_common(1)[0][0]
        return self.nearest(sent, start, end, _RANGE_LABELS)

    def described_org(self, token: int) -> str | None:
        """"The company" as the clause subject: the organisation last named before it."""
        tok, subj = _clause_subject(self.doc[token])
        # "the company said it can build ...": "it" is the subject of the saying
        if subj is not None and subj.lower_ == "it" and tok.dep_ in ("ccomp", "conj"):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in _ORG_NOUNS:
            return None
        if not any(c.lower_ == "the" for c in subj.children):
            return None
        orgs = [m for m in self.mentions if m.label == "ORG" and m.end <= subj.idx]
        return orgs[-1].text if orgs else None

    def __init__(self, doc: Doc, mentions: Sequence[EntityMention] | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = sentence_starts(doc)
        if mentions is None:
            self.mentions = _doc_mentions(doc, self.starts)
        else:
            self.mentions = [
                _Mention(m.start, m.end, m.text, m.label, m.sentence) for m in mentions
            ]
        self.sent_tokens = [0]
        if len(self.starts) > 1:
            self.sent_tokens = [s.start for s in doc.sents]

    def nearest(
        self,
        sent: int,
        start: int,
        end: int,
        labels: Sequence[str] | None,
        *,
        before: bool = False,
    ) -> str | None:
        """``_nearest`` in sentence ``sent``, past its wire dateline if it opens with one
        ("ACAPULCO, Mexico (Reuters) - Eighteen people were killed ...": the toll is
        not Mexico's for being filed there)."""
        first = self.starts[sent] if sent < len(self.starts) else 0
        stop = self.starts[sent + 1] if sent + 1 < len(self.starts) else len(self.text)
        skip_to = dateline_end(self.text, first, stop) or 0
        return _nearest(self.mentions, sent, start, end, labels, before=before, skip_to=skip_to)

    def sentence_bounds(self, i: int) -> tuple[int, int, int]:
        """(sentence index, first token, end token) of token ``i``."""
        from bisect import bisect_right

        s = max(bisect_right(self.sent_tokens, i) - 1, 0)
        end = self.sent_tokens[s + 1] if s + 1 < len(self.sent_tokens) else len(self.doc)
        return s, self.sent_tokens[s], end

    def build(self, number: Number) -> tuple[Quantity, int] | None:
        doc = self.doc
        if _is_identifier(doc, number):
            return None
        first = number.start
        currency = currency_before(doc, first)
        if currency is not None:
            first = currency[2]
        marker = marker_before(doc, first)
        if marker is not None:
            first = marker[1]
        number = parse_range(doc, number)
        sent, sent_start, sent_end = self.sentence_bounds(number.start)
        span = doc[number.start : number.end].text
        if currency is None and number.end - number.start == 1 and _YEAR.match(span):
            return None
        unit = unit_after(doc, number.end)
        last = number.end
        subject_span: tuple[int, int] | None = None
        kind: str
        if currency is not None:
            kind, written, norm_unit, factor = "money", currency[1], currency[0], 1.0
            if unit is not None and unit[0].kind == "money":
                last = unit[2]
            elif (
                last < len(doc)
                and doc[last].lower_ in _MONEY_ABBR
                and not doc[last - 1].whitespace_
            ):
                number = Number(
                    number.value * _MONEY_ABBR[doc[last].lower_], number.start, last + 1
                )
                last += 1
        elif unit is not None:
            u: Unit = unit[0]
            kind, written, norm_unit, factor = u.kind, unit[1], u.normalized, u.factor
            last = unit[2]
        else:
            kind, written, norm_unit, factor = "count", "", "count", 1.0
            run = _noun_run(doc, number.end, sent_end)
            if run is not None and not _attached(doc, number, run):
                run = None
            if run is not None:
                head = doc[run[1] - 1]
                if head.lower_ in _TIME_NOUNS or doc[run[0]].lower_ in _TIME_NOUNS:
                    return None  # a duration: the time tagger's
                if head.lower_ in _NOT_COUNTED:
                    return None  # "four times", "two-thirds"
                written = doc[run[0] : run[1]].text
                last = run[1]
                subject_span = (doc[run[0]].idx, head.idx + len(head))
                money = UNITS.get(head.lower_)
                if money is not None and money.kind == "money":  # "billions of dollars"
                    kind, norm_unit, subject_span = "money", money.normalized, None
            elif _rate_after(doc, number.end, sent_end) is None:
                return None
            if not number.vague and number.value < 2:
                return None
        noun_end = last
        rate = _rate_after(doc, last, sent_end)
        price = _price_per(doc, last, sent_end) if kind == "money" and rate is None else None
        if rate is not None and kind in ("count", "money"):
            last = rate[1]
        elif price is not None:
            last = price[1]
        start_char = doc[first].idx
        end_char = doc[last - 1].idx + len(doc[last - 1])
        about, subject = self.about(
            kind, number, unit, noun_end, written, subject_span, marker, sent, sent_start
        )
        if rate is not None and kind in ("count", "money"):
            if kind == "count" and _production(doc, number.start, sent_start):
                about = f"production per {rate[0]}"
                subject = subject or self.described_org(number.start)
            else:
                about = f"{about} per {rate[0]}"
            norm_unit = f"{norm_unit}/{rate[0]}"
        elif kind == "money":
            thing = price[0] if price else _priced_thing(doc, number.start)
            if thing is not None:
                about, norm_unit = f"money per {thing}", f"{norm_unit}/{thing}"
        value = number.value
        quantity = Quantity(
            text=self.text[start_char:end_char],
            value=value,
            unit=written,
            normalized_value=value * factor,
            normalized_unit=norm_unit,
            about=about,
            start=start_char,
            end=end_char,
            sentence=sentence_index(self.starts, start_char),
            approximate=marker is not None or number.vague or number.low is not None,
            subject=subject,
        )
        return quantity, last

    def about(
        self,
        kind: str,
        number: Number,
        unit: tuple[Unit, str, int, bool] | None,
        last: int,
        written: str,
        noun_span: tuple[int, int] | None,
        marker: tuple[str, int] | None,
        sent: int,
        sent_start: int,
    ) -> tuple[str, str | None]:
        doc = self.doc
        start = doc[number.start].idx
        end = doc[last - 1].idx + len(doc[last - 1])
        if kind == "count":
            label = written
            if noun_span is not None:
                head = doc[last - 1]
                label = written if head.pos_ == "PROPN" else head.lower_
                inside = _within(self.mentions, *noun_span)
                if inside is not None:
                    return label, inside
            return label or "count", self.nearest(sent, start, end, None, before=True)
        if kind == "distance" and unit is not None:
            n = len(doc)
            attached = (
                _noun_run(doc, last, len(doc))
                if unit[3] or (last < n and doc[last].pos_ == "NOUN")
                else None
            )
            if attached is not None and attached[0] == last:
                head = doc[attached[1] - 1]
                lemmas = [_lemma(doc, k) for k in range(*attached)]
                area = [w for w in lemmas if w in _AREA_NOUNS]
                label = (
                    "range" if _RANGE_NOUNS.intersection(lemmas) else area[0] if area else "length"
                )
                named = _within(self.mentions, doc[attached[0]].idx, head.idx + len(head))
                if named is not None or label != "range":
                    return label, named
                return label, self.range_subject(number.start, sent, start, end)
            cues = {_lemma(doc, k) for k in range(max(sent_start, number.start - 8), number.start)}
            cues |= {_lemma(doc, k) for k in range(last, min(last + 2, n))}
            if cues & _RANGE_CUES or (marker is not None and marker[0] == "as far as"):
                return "range", self.range_subject(number.start, sent, start, end)
            return "distance", self.nearest(sent, start, end, _PLACE_LABELS)
        label = {"money": "money", "percent": "percentage"}.get(kind, kind)
        return label, self.nearest(sent, start, end, None, before=True)


def extract_quantities(doc: Doc, mentions: Sequence[EntityMention] | None = None) -> list[Quantity]:
    """Quantities in one parsed article, in text order.

    ``mentions`` (the article's entity mentions) pick the subject of each figure;
    by default ``doc._.mentions`` when set, else spaCy's entities.
    """
    ex = _Extractor(doc, mentions)
    out: list[Quantity] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not is_number_start(tok.lower_) or tok.ent_type_ in _SKIP_DATE:
            i += 1
            continue
        number = parse_number(doc, i)
        if number is None:
            i += 1
            continue
        built = ex.build(number)
        if built is None:
            i = number.end
            continue
        out.append(built[0])
        i = built[1]
    return _carry_subjects(out)


def _carry_subjects(quantities: list[Quantity]) -> list[Quantity]:
    """A range or output rate with no subject of its own, within two sentences of one of
    the same measure that has one, is about the same thing (figures set side by side)."""
    last: dict[tuple[str, str], tuple[int, str]] = {}
    out: list[Quantity] = []
    for q in quantities:
        key = (q.about, q.normalized_unit)
        if q.about.startswith(_CARRIED):
            seen = last.get(key)
            if q.subject is None and seen is not None and q.sentence - seen[0] <= 2:
                q = replace(q, subject=seen[1])
            if q.subject is not None:
                last[key] = (q.sentence, q.subject)
        out.append(q)
    return out


# ---- spaCy component -------------------------------------------------------------


@Language.factory("storyline_quantities_v1")
def make_quantities(nlp: Language, name: str) -> ExtractorComponent:
    return ExtractorComponent(name, "quantities", extract_quantities, "E233")
