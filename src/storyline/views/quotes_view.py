"""Quotes by speaker: each speaker's role as the text gives it, filters and pages.

The role is what the article itself calls the speaker, never a guess: a title
written before a name in the mention ("Health Secretary Alan Johnson"; bare
honorifics such as "Dr" or "Mr" are not roles), else an appositive right after
the speaker or another mention of the same person in that article ("Margaret
Chan, the head of the World Health Organisation, said"). An appositive counts
when it opens with "the", "a" or "an", or ends in a word that names a post
("..., Health and Science Editor,"): a comma after a name is just as often a
list of names or a place ("Vicente Torres, Monterrey,").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..models import Entity, Quote
from ..text.dates import MONTH_NAMES, WEEKDAY_NAMES
from ..text.stopwords import ENGLISH_STOP_WORDS
from ..text.titles import HONORIFICS, TITLE_CORE
from .corpus import Corpus

ROLE_HEADS = frozenset(
    {
        "adviser", "advisor", "ambassador", "analyst", "author", "chair", "chairman", "chairwoman",
        "chief", "commissioner", "correspondent", "counsel", "director", "director-general", "economist",
        "editor", "envoy", "executive", "expert", "founder", "general", "governor", "head", "leader",
        "manager", "mayor", "minister", "officer", "official", "president", "professor", "prosecutor",
        "researcher", "scientist", "secretary", "secretary-general", "senator", "spokesman",
        "spokesperson", "spokeswoman", "virologist", "epidemiologist", "doctor", "lawyer", "judge",
    }
)  # fmt: skip
_APPOSITIVE = re.compile(r"\s*,\s+([^,.;:!?\"“”()\[\]\n]{3,80}?)\s*,")
_NOT_ROLE_START = re.compile(
    r"^(?:who|which|whose|whom|and|but|or|said|says|told|according|however)\b", re.I
)
MAX_ROLE_CHARS = 80
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
# Endings of nouns for what people do ("engineer", "activist", "detective", "inspector").
_ROLE_ENDINGS = ("er", "or", "ist", "ive", "ian", "man", "woman", "ant", "ent")
# Adjectives that end like such nouns ("a confident", "the significant").
_NOT_ROLES = frozenset(
    """confident important different significant independent prominent dominant recent
    current relevant permanent silent patient decent constant distant""".split()
)
# Words that tie what comes before a name to something else than the person's post:
# "company in Miami working with the Haitian singer Wyclef Jean", "civil suit from".
_NOT_IN_A_TITLE = frozenset(
    "the a an in with to from by at on under about which who that such as".split()
)
# Calendar words end like nouns for people ("September", "Wednesday"), and are no role.
_CALENDAR = MONTH_NAMES | WEEKDAY_NAMES
# Nouns for a person that name no post: an appositive of a person must have one of
# these or a post ("the ruler's son", "the older and senior figure", "the woman who").
_PERSON_NOUNS = frozenset(
    """man woman boy girl son daughter brother sister mother father wife husband widow child
    figure star mp member friend partner aide boss owner veteran candidate victim survivor
    resident native head""".split()
)
# Nouns for a post or a calling that end like no other ("Deputy District Attorney",
# "Nobel laureate", "First Lady", "Cuban medic", "London-based architect").
_ROLE_NOUNS = frozenset(
    """attorney laureate lady medic architect dj retiree billionaire millionaire champion
    coach guard witness pm mp deputy""".split()
)
# Where an appositive's own noun phrase ends: "the sound | of honking horns".
_PHRASE_END = frozenset("of for on at in by with who which that from to".split())
# Lower-case prepositions that end a title's head: "director for science", "envoy under".
_HEAD_ENDS = frozenset("of for at to in on with from under over by".split())
# Words that make an appositive a clause, not a role.
_CLAUSE_WORDS = frozenset(
    """is are was were be been being has have had will would can could should may might must
    did does do said says say told""".split()
)


# Between two pieces of one reported content, this is written as it stands; anything
# longer (the cue and its speaker: "The plan, he said, will fail") becomes an ellipsis.
_JOINS_AS_WRITTEN = re.compile(r"[\s,;:\-\u2013\u2014]*")
ELLIPSIS = " \u2026 "


def attributions(text: str, quotes: Sequence[Quote]) -> list[tuple[Quote, str]]:
    """One (first piece, content) per attribution of an article's quote records, in order.

    The store keeps a piece per content span; an indirect report split by its own cue or by
    a comma the parse left out ("announced plans to house survivors outside the capital"
    / "Port-au-Prince") is one quote to a reader, not two, and the shorter piece alone
    ("Port-au-Prince", "Meanwhile") would read as an invented quote. Direct quotes keep
    a row per quotation ("A," he said. "B.")."""
    groups: dict[tuple[int | None, ...], list[Quote]] = {}
    for n, q in enumerate(quotes):
        key: tuple[int | None, ...] = (n,)
        if not q.direct and q.cue_start is not None:
            key = (q.cue_start, q.cue_end, q.speaker_start, q.speaker_end)
        groups.setdefault(key, []).append(q)
    out: list[tuple[Quote, str]] = []
    for pieces in groups.values():
        pieces.sort(key=lambda q: q.start)
        content = pieces[0].text
        for prev, q in zip(pieces, pieces[1:], strict=False):
            gap = text[prev.end : q.start] if prev.end <= q.start else None
            if gap is not None and _JOINS_AS_WRITTEN.fullmatch(gap):
                content += gap + q.text
            else:
                content += ELLIPSIS + q.text
        out.append((pieces[0], content))
    out.sort(key=lambda item: item[0].start)
    return out


def clean_title(title: str | None) -> str | None:
    """A mention's title as a role: without honorifics ("Director-General Dr." ->
    "Director-General") or a possessor ("CNN's" in "CNN's Ben Wedeman" says where, not
    what); a single word must be a title ("Gen.", "Prince"), not a first name the
    tagger left in front ("Neil") or a word run into the name ("And")."""
    if not title:
        return None
    words = [
        w
        for w in title.split()
        if w.rstrip(".").casefold() not in HONORIFICS and not w.endswith(("'s", "\u2019s"))
    ]
    role = " ".join(words).strip(" ,;:-\u2013")  # "chief medical officer ," in tokenized text
    if not role or all(w.casefold() in ENGLISH_STOP_WORDS for w in role.split()):
        return None
    if any(c.isdigit() for c in role) or (" " not in role and not _title_word(role)):
        return None  # "Sun Mar 29 2009 11:50:00", a dateline run into the name
    if " " in role and not _has_role_head(role):
        return None  # "apparently drugged" (Jackson), "legal team representing"
    return role


def _has_role_head(role: str) -> bool:
    """Whether a role of several words ends, before its first preposition or at its
    end, in a word for a post or a person: "deputy director for science", "Defence
    Minister", "US Agency for International Development (USAID) administrator"."""
    words = role.split()
    head = ""
    for word in words:
        if word in _HEAD_ENDS:
            break
        head = word
    return _role_noun(head) or _role_noun(words[-1])


def _role_noun(word: str) -> bool:
    folded = re.sub(r"['\u2019]s$", "", word.casefold()).strip(",;:.")
    for form in dict.fromkeys((folded, folded.removesuffix("s"))):
        if form in _PERSON_NOUNS or form in _ROLE_NOUNS:
            return True
        if form.replace("-", "").isalpha() and _title_word(form):
            return True
    return False


def _title_word(word: str) -> bool:
    """A word that can be a role alone: a title, a post, or a common noun for one
    ("Engineer", "Activist", "Detective"; not a first name such as "Neil")."""
    folded = word.rstrip(".").casefold()
    if folded in _CALENDAR or folded in _NOT_ROLES:
        return False
    return folded in TITLE_CORE or folded in ROLE_HEADS or folded.endswith(_ROLE_ENDINGS)


def names_a_person(phrase: str) -> bool:
    """Whether an appositive's own noun phrase (up to its first preposition or relative
    word) has a word for a person: a post or title, a noun for what people do, or a
    person noun ("the older and senior figure"); "the sound of honking horns" has none."""
    for word in phrase.split():
        folded = re.sub(r"['\u2019]s$", "", word.casefold())
        if folded in _PHRASE_END:
            break
        if folded in _PERSON_NOUNS or (folded.isalpha() and _title_word(folded)):
            return True
    return False


def appositive(text: str, end: int) -> str | None:
    """The role an appositive right after ``end`` in ``text`` gives, if any: a noun
    phrase ("the head of the WHO", "a cardiologist by training", "chief medical
    officer"), never a clause ("the new strain has been found in 64 countries", after
    "According to the WHO,"), a list's next item ("the United Kingdom", "the NOAA and
    other government officials") or a number's thousands ("at least 3,000")."""
    found = _APPOSITIVE.match(text, end)
    if found is None:
        return None
    phrase = " ".join(found.group(1).split())
    if _NOT_ROLE_START.match(phrase) or len(phrase) > MAX_ROLE_CHARS:
        return None
    if phrase[-1:].isdigit() and text[found.end() : found.end() + 1].isdigit():
        return None
    words = phrase.split()
    folded = [w.casefold() for w in words]
    if _CLAUSE_WORDS.intersection(folded) or " and other " in f" {phrase.casefold()} ":
        return None
    if folded[0] in ("the", "a", "an") and len(words) > 1:
        # a common noun after the article: "the Iraq" is the start of a list of names
        if any(w.isalpha() and w.islower() and w not in ENGLISH_STOP_WORDS for w in words[1:]):
            return phrase
        return None
    if folded[-1] in ROLE_HEADS and len(words) <= 6 and not {"the", "a", "an"} & set(folded):
        return phrase
    return None


def speaker_role(
    corpus: Corpus, article_id: str, quote: Quote, entity: Entity | None
) -> str | None:
    """The speaker's role as this article gives it (see the module docstring): a
    person's title or appositive, an organisation's appositive ("an umbrella group of 13
    charities"); places, nationalities and unresolved phrases have none, and another
    name's title is not the speaker's ("Secretary of State" of the Clinton in "U.S.
    Secretary of State Hillary Clinton" is no role of the United States)."""
    ann = corpus.annotations.get(article_id)
    if ann is None or quote.anonymous or entity is None or entity.type not in ("PERSON", "ORG"):
        return None
    person = entity.type == "PERSON"
    text = corpus.articles[article_id].text
    spans: list[tuple[int, int, str | None]] = []  # (start, end, title) of the speaker's mentions
    for i, m in enumerate(ann.mentions):
        if corpus.entity_of_mention.get((article_id, i)) != entity.id:
            continue
        overlaps = (
            quote.speaker_start is not None
            and quote.speaker_end is not None
            and m.start < quote.speaker_end
            and quote.speaker_start < m.end
        )
        if overlaps or (person and m.label == "PERSON"):
            spans.append((m.start, m.end, m.title if person else None))
    if quote.speaker_end is not None:
        spans.insert(0, (quote.speaker_start or quote.speaker_end, quote.speaker_end, None))
    for _start, _end, title in spans:
        role = clean_title(title)
        if role:
            return role
    role = _before_name(corpus, article_id, quote, entity)
    if role:
        return role
    for _start, end, _title in spans:
        role = appositive(text, end)
        if role and (not person or names_a_person(role)):
            return role
    return None


def _before_name(
    corpus: Corpus, article_id: str, quote: Quote, entity: Entity | None
) -> str | None:
    """The words of the speaker span before the person it names: "Engineer" in
    "Engineer Tomas Berg", "Defence Minister" in "The UK's Defence Minister Ben
    Wallace" (the possessor and article dropped: the role, not whose)."""
    if (
        quote.speaker is None
        or quote.speaker_start is None
        or entity is None
        or entity.type != "PERSON"
    ):
        return None
    ann = corpus.annotations[article_id]
    for i, m in enumerate(ann.mentions):
        if corpus.entity_of_mention.get((article_id, i)) != entity.id:
            continue
        if not quote.speaker_start < m.start < quote.speaker_start + len(quote.speaker):
            continue
        before = quote.speaker[: m.start - quote.speaker_start]
        before = re.sub(r"^.*'s?\s+|^(?:the|a|an)\s+", "", before.strip(), flags=re.IGNORECASE)
        if not before[:1].isalpha() or _NOT_IN_A_TITLE.intersection(before.casefold().split()):
            return None
        return clean_title(before)
    return None


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def filter_quotes(
    rows: Sequence[dict[str, Any]],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    outlet: str | None = None,
    direct: bool = False,
    indirect: bool = False,
    anonymous: bool = False,
    named: bool = False,
) -> list[dict[str, Any]]:
    """The rows within the dates (by publication day, else the quote's date), carried
    by ``outlet`` (any of the outlets that carry the quote, case-insensitive), of the
    kinds asked: ``direct`` or ``indirect`` only, ``anonymous`` or ``named`` only."""
    wanted_outlet = outlet.casefold().strip() if outlet else None
    out = []
    for row in rows:
        if direct and not row["direct"] or indirect and row["direct"]:
            continue
        if anonymous and not row["anonymous"] or named and row["anonymous"]:
            continue
        if wanted_outlet is not None and not any(
            o is not None and o.casefold().strip() == wanted_outlet
            for o in row.get("outlets", [row["outlet"]])
        ):
            continue
        if start is not None or end is not None:
            day = _day(row.get("published")) or _day(row["date"])
            if (
                day is None
                or (start is not None and day < start)
                or (end is not None and day > end)
            ):
                continue
        out.append(row)
    return out


def speaker_key(row: dict[str, Any]) -> tuple[str, str]:
    """Quotes of one entity group together; others by their words, whatever the case
    and article ("Government" and "the government", "Experts" and "experts")."""
    if row["speaker_entity"]:
        return ("entity", row["speaker_entity"])
    return ("name", _LEADING_ARTICLE.sub("", (row["speaker"] or "").casefold()))


def page_quotes(
    rows: list[dict[str, Any]], *, page: int | None, per_page: int | None
) -> dict[str, Any]:
    """One page of ``rows`` (every row without ``per_page``) with the speakers on it:
    each with the role its quotes give most often, its count over all pages, and the
    positions of its quotes on this page; most quoted speakers first."""
    counts = Counter(speaker_key(r) for r in rows)
    roles: dict[tuple[str, str], Counter[str]] = {}
    spellings: dict[str, Counter[str]] = {}  # "Prime minister" and "prime minister" are one role
    for r in rows:
        if r.get("role"):
            folded = r["role"].casefold()
            roles.setdefault(speaker_key(r), Counter())[folded] += 1
            spellings.setdefault(folded, Counter())[r["role"]] += 1
    pages = max(1, math.ceil(len(rows) / per_page)) if per_page else 1
    number = min(max(page or 1, 1), pages)
    shown = rows[(number - 1) * per_page : number * per_page] if per_page else rows
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for i, r in enumerate(shown):
        key = speaker_key(r)
        if key not in groups:
            role = roles.get(key)
            groups[key] = {
                "speaker": r["speaker"],
                "speaker_entity": r["speaker_entity"],
                "role": spellings[role.most_common(1)[0][0]].most_common(1)[0][0] if role else None,
                "anonymous": r["anonymous"],
                "count": counts[key],
                "quotes": [],
            }
        groups[key]["quotes"].append(i)
    speakers = sorted(groups.values(), key=lambda g: (-g["count"], g["quotes"][0]))
    return {
        "quotes": shown,
        "speakers": speakers,
        "total": len(rows),
        "page": number,
        "per_page": per_page,
        "pages": pages,
    }
