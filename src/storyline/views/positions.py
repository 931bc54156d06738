"""Positions: what an actor says it does or will do, and how that moves over time.

A *position mention* is a sentence where a cue gives an actor's stance on a
proposition (an action or a policy: send, provide, allow, authorize, ease restrictions,
a no-fly zone, sanctions ...). The cues live in ``views.position_cues``:

* **against**: "has no plans to", "refused to", "its refusal to", "won't send" (not
  "did not send", a past act rather than a position), "declined to" (not "declined
  to comment"), "rejected", "opposed sanctions", "voted against a no-fly zone";
* **undecided**: "remains hesitant to", "is considering", "has not decided
  whether", "it is unclear if X has decided to", "might be willing to", "put
  the transfer under review", "sending X was still in play" (the proposition
  before the cue; its possessor, "Kestria's interceptors", holds the position);
* **for**: "authorized Kyiv to", "ultimately approved", "agreed to", "decided
  to", "is finalizing a plan to", "plans to", "called for a no-fly zone", "backed
  sanctions", "urged NATO to impose ..." (a bare "will" is a forecast, not a stance,
  and is not read);
* **unchanged**: "our policy on ATACMS has not changed", "no change in US policy
  on sending ATACMS": the stance of the position's previous step, kept (dropped
  when there is none to keep).

A negation just before a *for* cue ("has not decided to", "was not authorized",
"deny any plan to") is not read as *for*. The proposition is the clause after the
cue, cut at the next clause boundary, and must name an action or a policy
(``ACTIONS``): "not authorized to speak publicly" is about a source, not a policy.
What the words around a cue decide is ``views.holders``'s: no stance in a
hypothetical, a plan someone else suspends or one said to be dropped, a passive
permission; a low confidence (shown with ``--all`` only) in run-on page parts.

The actor is the nearest named actor (organisation, country, person) before the cue
that can be its subject (``holders.holder_mention``: not a preposition's object, not
cut off by a clause, not a country qualifying another head; a pronoun subject stands
for an actor named before it); for an "unchanged" cue also the one inside it ("US
policy"). When the sentence names none before the cue, the last actor of a position
in the same article, a few sentences back, holds it if the cue's subject stands for
one ("it", "the government"; a quoted "our policy" continues the story's actor).
Actors that name the same government are one actor (``government``): the White
House, the Pentagon, Washington and "the Biden administration" are the United States.

Propositions that say the same in other words group together: two mentions of one
actor join when their propositions name one term (ATACMS and "Army Tactical Missile
System" are one entity), share two content stems, or share one among both heads (the
first four stems: the action and its object; "pay into the fund" / "bankroll the
fund"; a verb of stopping turns what it heads around and joins nothing), transitively. One word shared anywhere ("oil") joined unrelated acts. A
proposition about "more" of something ("send more ATACMS") is a different
proposition from the first one. Steps are dated by the sentence's own date (the
event dating of the annotate stage) when that is no later than publication, else the
publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..link.gazetteer import country_of, split_country_prefix
from ..link.names import fold
from ..models import Annotations, EntityMention
from .corpus import Corpus
from .holders import (
    ACTOR_LABELS,
    carries_an_actor,
    holder_mention,
    hypothetical,
    mention_confidence,
    participle_of_a_noun,
    passive_permission,
    plan_is_held,
)
from .position_cues import (
    ACTIONS,
    CUE_WORDS,
    CUES,
    CUES_OF_WORD,
    FOR,
    NEG_BEFORE,
    NOT_POLICY,
    UNCHANGED,
)

_CLAUSE_END = re.compile(
    r"(?<![A-Z])\.(?=\s|$)|[;:—–(\"“”]|, |\b(?:despite|according|because|after|while|but|which|who|saying|as a|as the|even though|if|in order)\b",
    re.I,
)
_MAX_WORDS = 18
_HEAD_STEMS = 4
_CARRY_SENTENCES = 6  # how far back an article's last actor carries to an actorless cue
_TERM_LABELS = frozenset({"TERM", "PRODUCT"})
_RELATIVE = re.compile(r"^[^.;]{0,20}\b(?:that|which)\b[^.;,]{0,40}$", re.I)
_STOP = frozenset(
    "a an the to of in on into for and or with by at from its their his her our this that these those "
    "some any more all how can could would will be been is are was were it they them than as about "
    "such other own against over under after before between through without within across"
    " toward towards upon amid until unless there here where then".split()
    # time words place a proposition, they do not say which one it is
    + "year years month months week weeks day days today earlier later recent recently last next"
    " ago time".split()
)

# Seats of government standing for their country in the news (metonymy); the
# key is a ``fold`` key, the value the country's ``fold`` key in the gazetteer.
_SEATS = {
    "white house": "united states", "pentagon": "united states", "washington": "united states",
    "state department": "united states", "us administration": "united states",
    "biden administration": "united states", "trump administration": "united states",
    "obama administration": "united states", "bush administration": "united states",
    "administration": "united states", "kremlin": "russia", "moscow": "russia",
    "downing street": "united kingdom", "london": "united kingdom", "whitehall": "united kingdom",
    "kyiv": "ukraine", "kiev": "ukraine", "beijing": "china", "paris": "france", "berlin": "germany",
    "elysee": "france", "tokyo": "japan", "ottawa": "canada", "mexico city": "mexico",
}  # fmt: skip


def government(name: str) -> str:
    """The actor key of ``name``: its country for a government seat or a country name."""
    key = fold(name)
    if key in _SEATS:
        return _SEATS[key]
    country = country_of(key)
    if country is not None:
        return country
    split = split_country_prefix(key)
    if split is not None and split[1] in ("government", "administration", "officials", "military", "defense officials"):  # fmt: skip
        return split[0]
    return key


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w.removesuffix("e")


# Words that say nothing about which proposition it is, as ``_stem`` writes them
# ("give" is "giv": written unstemmed, "give", "make" and "use" were never weak).
_WEAK = frozenset(
    _stem(w)
    for w in ("send", "provide", "allow", "use", "give", "make", "help", "country", "now", "also")
)
_STOPPING = frozenset(_stem(w) for w in ("stop", "halt", "suspend", "cease", "end"))


@dataclass
class Mention:
    article: str
    sentence: int
    text: str  # the sentence
    cue: str
    stance: str  # for | against | undecided | unchanged
    proposition: str
    actor: str  # as written
    actor_key: str
    tokens: frozenset[str]  # stems and entity ids that identify the proposition
    head: frozenset[str]  # its first stems: the action and its object
    more: bool  # "more ATACMS": a different proposition than the first supply
    date: str
    start: dt.date
    published: dt.date | None
    outlet: str | None
    resolved: str = ""  # the stance after "unchanged" is resolved
    confidence: float = 1.0  # ``holders.mention_confidence``


@dataclass
class Position:
    actor: str
    actor_key: str
    claim: str
    mentions: list[Mention] = field(default_factory=list)


def _proposition(sentence: str, at: int) -> str:
    rest = sentence[at:]
    cut = _CLAUSE_END.search(rest, 1)
    clause = rest[: cut.start()] if cut else rest
    return " ".join(clause.split()[:_MAX_WORDS]).strip(" ,.")


def _actor_before(
    corpus: Corpus,
    article: str,
    ann: Annotations,
    index: int,
    text: str,
    offset: int,
    before: int,
    inside: tuple[int, int] | None,
) -> tuple[tuple[str, str] | None, bool]:
    """(name, actor key) of the nearest named actor before ``before`` that can be the
    cue's subject (``holders.holder_mention``), or of one named inside the cue ("no
    change in US policy"), or None; and whether the sentence names any actor before
    the cue."""
    found, named = holder_mention(ann, index, text, offset, before)
    if inside is not None:
        for i, m in enumerate(ann.mentions):
            if (
                m.sentence == index
                and m.label in ACTOR_LABELS
                and inside[0] <= m.start
                and m.end <= inside[1]
                and (found is None or m.start > found[1].start)
            ):
                found = (i, m)
    if found is None:
        return None, named
    entity_id = corpus.entity_of_mention.get((article, found[0]))
    name = (
        corpus.entity_by_id[entity_id].name if entity_id in corpus.entity_by_id else found[1].text
    )
    return (name, government(name)), True


def _possessor(
    corpus: Corpus,
    article: str,
    ann: Annotations,
    index: int,
    span: tuple[int, int],
    text: str,
    offset: int,
) -> tuple[str, str] | None:
    """(name, actor key) of the first country or organisation written with a possessive
    inside ``span``: "the transfer of Kestria's interceptors" is Kestria's to make."""
    for i, m in enumerate(ann.mentions):
        if (
            m.sentence != index
            or m.label not in ("GPE", "ORG")
            or not (span[0] <= m.start < span[1])
        ):
            continue
        if text[m.end - offset : m.end - offset + 2] in ("'s", "’s"):
            entity_id = corpus.entity_of_mention.get((article, i))
            entity = corpus.entity_by_id.get(entity_id) if entity_id else None
            name = entity.name if entity else m.text
            return name, government(name)
    return None


def _tokens(corpus: Corpus, article: str, ann: Annotations, index: int, span: tuple[int, int], proposition: str) -> tuple[frozenset[str], frozenset[str]]:  # fmt: skip
    """The stems and terms that identify a proposition, and its head: the first
    ``_HEAD_STEMS`` stems (the action and its object come first; adjuncts after)."""
    out: set[str] = set()
    covered: list[tuple[int, int]] = []
    for i, m in enumerate(ann.mentions):
        if m.sentence != index or not (span[0] <= m.start and m.end <= span[1]):
            continue
        covered.append((m.start - span[0], m.end - span[0]))
        if _is_term(corpus, article, i, m):
            out.add("@" + (corpus.entity_of_mention.get((article, i)) or fold(m.text)))
    text = "".join(
        " " if any(a <= k < b for a, b in covered) else ch for k, ch in enumerate(proposition)
    )
    head: list[str] = []
    for word in re.findall(r"[A-Za-z][\w'-]+", text):
        stem = _stem(word)
        if word.lower() not in _STOP and stem not in _WEAK and len(stem) > 2:
            out.add(stem)
            if len(head) < _HEAD_STEMS and stem not in head:
                head.append(stem)
    # A verb of stopping turns what it heads around: "stop bombing" and "airstrikes to
    # stop such attacks" share "stop" and nothing else, so it joins no heads.
    return frozenset(out), frozenset(head) - _STOPPING


def _is_term(corpus: Corpus, article: str, index: int, m: EntityMention) -> bool:
    """A thing (weapon, product, domain term) rather than an actor or a place."""
    entity_id = corpus.entity_of_mention.get((article, index))
    entity = corpus.entity_by_id.get(entity_id) if entity_id else None
    return (entity.type if entity else m.label) in _TERM_LABELS


def _antecedent(
    corpus: Corpus, article: str, ann: Annotations, index: int, text: str, offset: int, cue: int
) -> frozenset[str]:
    """The term a relative clause refers back to: "the ATACMS, that Washington has
    refused to transfer" is about ATACMS though the clause never names it."""
    best: tuple[int, int, EntityMention] | None = None
    for i, m in enumerate(ann.mentions):
        if m.sentence == index and m.end <= offset + cue and _is_term(corpus, article, i, m):
            if best is None or m.end > best[0]:
                best = (m.end, i, m)
    if best is None or not _RELATIVE.search(text[best[0] - offset : cue]):
        return frozenset()
    return frozenset(
        {"@" + (corpus.entity_of_mention.get((article, best[1])) or fold(best[2].text))}
    )


def _candidates(text: str, starts: list[int]) -> dict[int, set[int]]:
    """Sentence index -> the cues worth trying there: those one of whose words it holds.
    Each cue word is located by a plain substring search (a regex per cue per sentence
    is what made this slow; splitting the article into words first cost more than the
    searches); the cue's pattern then decides, word boundaries included."""
    lower = text.lower().replace("’", "'")
    out: dict[int, set[int]] = defaultdict(set)
    for word in CUE_WORDS:
        at = lower.find(word)
        while at != -1:
            out[bisect_right(starts, at) - 1].update(CUES_OF_WORD[word])
            at = lower.find(word, at + 1)
    return out


def position_mentions(corpus: Corpus) -> list[Mention]:
    """Every position mention in the corpus (repeated copies skipped), in article order."""
    out: list[Mention] = []
    for article, ann in corpus.annotations.items():
        if corpus.is_repeat(article) or not ann.sentences:
            continue
        a = corpus.articles[article]
        candidates = _candidates(a.text, [s.start for s in ann.sentences])
        last_actor: tuple[int, str, str] | None = None  # sentence, name, key
        for index in sorted(candidates):
            if index < 0:
                continue
            s = ann.sentences[index]
            found = _sentence_mentions(
                corpus, article, ann, s.index, s.text, s.start, last_actor, candidates[index]
            )
            for m in found:
                sd = corpus.sentence_date(article, s.index)
                # A stance holds when it is reported: a later date in its sentence is a
                # plan's ("report to the cabinet this summer"), not the stance's.
                if sd is not None and (a.published is None or sd.interval_start <= a.published):
                    # the day, not a stamp's clock ("2011-05-19T11:32")
                    m.date, m.start = sd.value.split("T", 1)[0], sd.interval_start
                elif a.published is not None:
                    m.date, m.start = a.published.isoformat(), a.published
                else:
                    continue
                m.published, m.outlet = a.published, a.outlet
                out.append(m)
                last_actor = (s.index, m.actor, m.actor_key)
    return out


def _sentence_mentions(
    corpus: Corpus,
    article: str,
    ann: Annotations,
    index: int,
    text: str,
    offset: int,
    last_actor: tuple[int, str, str] | None,
    to_try: set[int],
) -> list[Mention]:
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for i in sorted(to_try):
        _words, pattern, stance = CUES[i]
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if stance == FOR and (
                NEG_BEFORE.search(text[: match.start()][-40:])
                or passive_permission(match.group(0), text[: match.start()])
            ):
                continue
            if (
                hypothetical(text[: match.start()])
                or (
                    not match.groupdict().get("object")  # the match opens with the cue
                    and participle_of_a_noun(match.group(0), text[: match.start()])
                )
                or not plan_is_held(match.group(0), text[: match.start()], text[match.end() :])
            ):
                continue
            before_cue = stance != UNCHANGED and bool(match.groupdict().get("object"))
            if match.groupdict().get("object"):
                proposition = match.group("object").strip()
                span = (offset + match.start("object"), offset + match.end("object"))
            else:
                proposition = _proposition(text, match.end())
                span = (offset + match.end(), offset + match.end() + len(proposition) + 1)
            head = " ".join(proposition.split()[:6])  # the action comes first: "to send ..."
            if stance != UNCHANGED and (not ACTIONS.search(head) or NOT_POLICY.match(proposition)):
                continue
            if not proposition:
                continue
            taken.append((match.start(), match.end()))  # these words are read, whoever holds them
            inside = (offset + match.start(), offset + match.end())
            named = False
            if before_cue:  # "sending Kestria's X ... was still in play": the possessor holds it
                actor = _possessor(corpus, article, ann, index, span, text, offset)
                if actor is None:
                    actor, named = _actor_before(
                        corpus, article, ann, index, text, offset, span[0], None
                    )
            else:
                actor, named = _actor_before(
                    corpus, article, ann, index, text, offset, offset + match.start(), inside
                )
            # An actor of the last sentences carries to a cue whose sentence names none
            # before it, when its subject stands for one ("It has no plans to", "the
            # company agreed to"); a subject of its own ("Auditors urged Congress to")
            # or only names that cannot be its subject hold the position themselves.
            if (
                actor is None
                and not named
                and last_actor is not None
                and index - last_actor[0] <= _CARRY_SENTENCES
                and carries_an_actor(text[: match.start()])
            ):
                actor = (last_actor[1], last_actor[2])
            if actor is None:
                continue
            tokens, first_stems = _tokens(corpus, article, ann, index, span, proposition)
            if not any(t.startswith("@") for t in tokens):
                tokens |= _antecedent(corpus, article, ann, index, text, offset, match.start())
            if not tokens:
                continue
            out.append(
                Mention(
                    article=article,
                    sentence=index,
                    text=text.strip(),
                    cue=match.group(0).strip(),
                    stance=stance,
                    proposition=proposition,
                    actor=actor[0],
                    actor_key=actor[1],
                    tokens=tokens,
                    head=first_stems,
                    more=bool(re.search(r"\b(?:more|additional|further)\b", proposition, re.I)),
                    date="",
                    start=dt.date.min,
                    published=None,
                    outlet=None,
                    confidence=mention_confidence(text),
                )  # fmt: skip
            )
    return out


def group_positions(mentions: Iterable[Mention]) -> list[Position]:
    """Mentions of one actor whose propositions share a stem or a term, transitively."""
    by_actor: dict[tuple[str, bool], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_actor[(m.actor_key, m.more)].append(m)
    positions: list[Position] = []
    for members in by_actor.values():
        parent = list(range(len(members)))
        for i, m in enumerate(members):
            for j in range(i):
                if _same_proposition(m, members[j]):
                    parent[_root(parent, i)] = _root(parent, j)
        groups: dict[int, list[Mention]] = defaultdict(list)
        for i, m in enumerate(members):
            groups[_root(parent, i)].append(m)
        for group in groups.values():
            group.sort(key=lambda m: (m.start, m.published or dt.date.min, m.article, m.sentence))
            _resolve_unchanged(group)
            kept = [m for m in group if m.resolved]
            if not kept:
                continue
            positions.append(Position(_actor_name(kept), kept[0].actor_key, _claim(kept), kept))
    return positions


def _same_proposition(a: Mention, b: Mention) -> bool:
    """Two propositions say the same thing when they name one term (an entity: ATACMS
    and "Army Tactical Missile System"), share two content stems, or share one in both
    heads ("pay into the fund" / "bankroll the fund"). One word shared anywhere joined
    unrelated acts of one actor ("stop oil leaking" / "compensate oil rig workers")."""
    shared = a.tokens & b.tokens
    return len(shared) >= 2 or bool(a.head & b.head) or any(t.startswith("@") for t in shared)


def _root(parent: list[int], i: int) -> int:
    """Union-find root, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _resolve_unchanged(group: list[Mention]) -> None:
    previous = ""
    for m in group:
        m.resolved = m.stance if m.stance != UNCHANGED else previous
        previous = m.resolved or previous


def _actor_name(group: list[Mention]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for m in group:
        counts[m.actor] += 1
    return max(counts, key=lambda k: (counts[k], -len(k)))


def _claim(group: list[Mention]) -> str:
    """The proposition sharing most stems with the rest of the group (ties: shortest)."""
    candidates = [m for m in group if m.stance != UNCHANGED] or group
    best = max(
        candidates,
        key=lambda m: (
            sum(len(m.tokens & o.tokens) for o in group if o is not m),
            -len(m.proposition),
        ),
    )
    return best.proposition
