"""Entities, one article at a time, against the entity index kept in the store.

This is what ``add`` does (``link.incremental``); fed everything at once, the
articles go through it one by one in publication order, so a store built day
by day and one built at once hold the same entities, with the same ids.

For each new article:

1. its own mentions are resolved alone (``entities.resolve_entities``: every
   within-article rule, a defined short form, a surname after the full name);
2. each resulting local entity is looked up in the index by its forms' folded
   keys; where none matches, by variant keys (organisation suffix and plural
   dropped); where none matches and it is a person, by surname (a full name
   joins the person with that surname and a matching first name; a bare
   surname the only person with it, or the one named with it at least
   three times in four). A bare surname or first name that people are named
   in full with goes by those full names before its own key (the first
   name: the person named in full with it three times in four, "Saddam"); a
   one-word name that articles write as the short name of a longer one beside
   it ("the Federal Reserve ... the Fed", "the Treasury Department ... the
   Treasury", "the Gulf of Mexico ... the Gulf") is that one's alone too,
   once it has been so three times, mostly for that one;
3. no match: a new entity, its id minted from its first mention (or an id
   already minted from one of its mentions, when the store was relinked);
   one: it joins; several: the local entity is evidence they are one (the
   article wrote "the US Department of Defense (Pentagon)"), so they merge:
   the id minted first survives, the others redirect to it.

A key held by several stored entities points at the one holding it at least
three times in four, else at none ("Johnson" for two Johnsons).

What differs from resolving the whole pile at once (``resolve_entities``): a
rule that needs every article at once is applied only as the index allows.
Spelling variants across articles (Zelenskyy / Zelensky), initials defined in
another article, country-qualified names and a one-word short name
("the Post") join only through the keys above; and a bare surname stays with
whoever its full names pointed to when its article arrived.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Citation, Entity, EntityMention, MentionRef
from ..store.link_state import FormStats, LinkState
from .entities import (
    _delete_keys,
    _informative,
    _similar_surnames,
    clips,
    commonest_post,
    family_first,
    is_clipped,
    resolve_entities,
    title_heads,
)
from .entity_ids import mint_id
from .forms import ROYAL_STYLES, mention_key, styled_name
from .gazetteer import country_of, is_place, split_country_prefix
from .names import (
    fold,
    head_last,
    kind_variant,
    modifiers_in_order,
    singular_key,
    spelled_words,
    strip_org_suffix,
)
from .types import (
    add_evidence,
    as_company,
    full_name_surnames,
    mention_label,
    mention_vote,
    top_type,
)
from .variants import media_base

DOMINANT = 0.75  # share of a key's mentions one entity needs to own it
# Mentions beside its full name a short name needs before it names that entity alone.
SHORT_SUPPORT = 3
_PLACE_TYPES = ("GPE", "LOC", "FAC")  # what a place's "X of Y" and a place's surname vote are


def _form_stats(
    mentions: Sequence[EntityMention], refs: Sequence[MentionRef], surnames: frozenset[str]
) -> dict[str, FormStats]:
    """Stats of the forms of ``refs``; ``surnames``: the article's
    (``types.full_name_surnames``), which a name in capitals may be."""
    forms: dict[str, FormStats] = {}
    for ref in refs:
        m = mentions[ref.index]
        key = mention_key(m)
        if not key:
            continue
        stats = forms.setdefault(key, {"surfaces": {}, "votes": {}, "expansions": {}, "titles": {}})
        _bump(stats["surfaces"], m.text)
        label = mention_label(m.text, m.label, bool(m.title), key in surnames)
        _bump(stats["votes"], label, mention_vote(label, m.expansion))
        if m.expansion:
            _bump(stats["expansions"], m.expansion)
        if m.title:
            _bump(stats["titles"], fold(m.title))
    return forms


def _commonest(spellings: Mapping[str, int]) -> str:
    """A form's commonest spelling (ties: the last in code-point order)."""
    return max(spellings, key=lambda s: (spellings[s], s))


def _bump(counts: dict[str, Any], key: str, n: float = 1) -> None:
    counts[key] = counts.get(key, 0) + n


def _merge_forms(into: dict[str, FormStats], more: Mapping[str, FormStats]) -> None:
    for key, stats in more.items():
        target = into.setdefault(key, {"surfaces": {}, "votes": {}, "expansions": {}, "titles": {}})
        for field in ("surfaces", "votes", "expansions", "titles"):
            for name, n in stats[field].items():
                _bump(target[field], name, n)


def _lookup_forms(forms: Mapping[str, FormStats], etype: str) -> dict[str, FormStats]:
    """The forms a local entity is looked up and indexed by: not a one-word short
    name of a longer name beside it ("the Post" of "The Washington Post",
    "Reuters" of a tagger's "Reuters -RRB- - Fears", a person's surname), which
    joined it in this article only, as ``resolve_entities`` joins such mentions,
    not their name."""
    if etype == "PERSON":
        # A one-word name beside the full name (a surname, a first name, a spelling
        # of either): the full name says who ("Brandt" is Clara Brandt here, perhaps
        # Jonas Brandt elsewhere; "Michele" is Michele Dunne here, Michele Bachmann in
        # the articles that made the key).
        full = {k: v for k, v in forms.items() if " " in k}
        return full or dict(forms)
    ends = {w for key in forms if " " in key for w in (key.split()[0], key.split()[-1])}
    # "the Fed" beside "the Federal Reserve": clipped from its first word
    firsts = {key.split()[0] for key in forms if " " in key}
    ends |= {
        k
        for k, stats in forms.items()
        if " " not in k
        and is_clipped(_commonest(stats["surfaces"]))
        and any(clips(k, w) for w in firsts)
    }
    # a known country or capital is no one's short name ("Egypt" of "Daily News Egypt"),
    # nor the name a country qualifies ("Citigroup" of "U.S. Citigroup")
    qualified = {split[1] for k in forms if (split := split_country_prefix(k)) is not None}
    kept = {
        k: v for k, v in forms.items() if " " in k or k not in ends or is_place(k) or k in qualified
    }
    return kept or dict(forms)


def _short_names(
    forms: Mapping[str, FormStats], kept: Mapping[str, FormStats], etype: str
) -> list[str]:
    """The one-word forms set aside beside a longer name that they can name alone
    anywhere in the story: clipped from its first word ("Fed"), or its first word
    before a department's head ("Treasury") or, for a place, before "of" ("Gulf" of
    Mexico). Not a last word ("House" of "White House" is the House elsewhere), another
    first word ("Senate" of "Senate Banking Committee") nor a body's before "of"
    ("House" of "House of Representatives Foreign Affairs Committee")."""
    heads = (
        ("department", "ministry", "of") if etype in _PLACE_TYPES else ("department", "ministry")
    )
    longs = [head_last(k).split() for k in kept if " " in k]
    return [
        k
        for k in forms
        if k not in kept
        and " " not in k
        and any(clips(k, words[0]) or (words[0] == k and words[1] in heads) for words in longs)
    ]


def _only_short(state: LinkState, entity_id: str, short: set[str]) -> bool:
    """Whether a stored entity is nothing but the short name ``short`` holds (its
    spellings, plurals and country-qualified forms: "Treasury", "U.S. Treasury")."""
    for key in state.forms(entity_id):
        split = split_country_prefix(key)
        if _variant_key(split[1] if split is not None else key) not in short:
            return False
    return True


def _lookup_keys(forms: Mapping[str, FormStats], etype: str) -> dict[str, int]:
    """The keys an entity is found by, with the mentions behind each."""
    keys: Counter[str] = Counter()
    kept = _lookup_forms(forms, etype)
    if etype != "PERSON":
        for head in _initialism_heads(forms, kept):  # "BBC" of "BBC News": found by both
            keys["=" + head] += sum(forms[head]["surfaces"].values())
        for short in _short_names(forms, kept, etype):  # evidence whose short name it is
            keys["s:" + _variant_key(short)] += sum(forms[short]["surfaces"].values())
    for key, stats in kept.items():
        n = sum(stats["surfaces"].values())
        keys["=" + key] += n
        variant = _variant_key(key, etype)
        keys["~" + variant] += n
        words = key.split()
        if etype == "PERSON" and any(family_first(s) for s in stats["surfaces"]):
            keys[f"f:{words[0]}:{words[-1]}"] += n  # "Ban Ki-moon": a later bare "Ban" finds him
        elif etype == "PERSON" and words[-1].isalpha() and len(words) <= 5:
            if len(words) >= 2:
                keys[f"f:{words[-1]}:{words[0]}"] += n
                for middle in words[1:-1] if n >= 2 else ():
                    # a later "Tayyip Erdogan" finds Recep Tayyip; a name written once may
                    # be a tagger's list ("Michael, Katherine Jackson")
                    if middle.isalpha() and len(middle) > 1:
                        keys[f"f:{words[-1]}:{middle}"] += n
                if words[0] not in ROYAL_STYLES:  # no bare "King" is King Abdullah
                    keys[f"g:{words[0]}"] += n  # "Saddam Hussein": a later bare "Saddam"
            else:
                keys[f"b:{key}"] += n
            if len(words[-1]) >= 5:  # spelling variants of the surname (``_similar_surnames``)
                for deleted in set(_delete_keys(words[-1])):
                    keys[f"d:{deleted}"] += n
    return dict(keys)


def _variant_key(key: str, etype: str = "") -> str:
    """The key without a company suffix, a department named head last, its last word
    singular; but "Americas" is not a plural of "America": a name whose singular is a
    known place and which is none itself stays its own (as ``variants`` has it for a
    whole pile; "Netherland" is still found by "Netherlands"), nor is an organisation's
    one-word name a plural ("Times", "Reuters"); a long name's modifiers in one order
    ("Transitional National Council")."""
    if etype == "ORG" and " " not in key:
        return key
    # British and American spellings, a transliteration's final "h" and vowels after an
    # Arabic article (``names.spelled_words``)
    spelled = " ".join(spelled_words(key))
    variant = kind_variant(modifiers_in_order(singular_key(spelled)), etype)
    return key if variant != key and is_place(variant) and not is_place(key) else variant


def _owner(owners: Mapping[str, int] | None) -> str | None:
    if not owners:
        return None
    (top, n), *_ = sorted(owners.items(), key=lambda kv: (-kv[1], kv[0]))
    return top if n >= DOMINANT * sum(owners.values()) else None


def _first_names_match(a: str, b: str) -> bool:
    from .entities import _first_names_match as match

    return match(a, b)


def _initialism_heads(forms: Mapping[str, FormStats], kept: Mapping[str, FormStats]) -> list[str]:
    """The one-word forms ``_lookup_forms`` set aside that are written as an
    initialism ("BBC", "CNN") and open a longer kept form that is that body's news arm
    ("BBC News"); "BBC 6 Music" is a station of its own."""
    firsts = {first for k in kept if (first := k.split()[0]) == media_base(k)}
    return [
        k
        for k, stats in forms.items()
        if k not in kept
        and k in firsts
        and all(len(s) >= 2 and s.isupper() and s.isalpha() for s in stats["surfaces"])
    ]


def _matches(state: LinkState, all_forms: Mapping[str, FormStats], etype: str) -> set[str]:
    forms = _lookup_forms(all_forms, etype)
    exact = state.key_owners("=" + k for k in forms)
    # A bare surname that people are named with in full goes by those full names
    # (below), not by whoever took the bare key first: one early article with "Hafez
    # al-Assad ... Assad" gave his father every later "Assad" of a story on Bashar.
    named: dict[str, dict[str, dict[str, int]]] = {}
    given: dict[str, Mapping[str, int]] = {}
    if etype == "PERSON":
        bare = [k for k in forms if " " not in k and k.isalpha()]
        given = {k[2:]: v for k, v in state.key_owners(f"g:{k}" for k in bare).items() if v}
        for k in bare:
            if (people := state.prefix_owners(f"f:{k}:")) or k in given:
                named[k] = people
    found = {o for k in forms if k not in named and (o := _owner(exact.get("=" + k))) is not None}
    heads = _initialism_heads(all_forms, forms) if etype != "PERSON" else []
    if found and heads:
        # "BBC News ... the BBC": the news arm found by its own name is also the body
        # the bare initialism names, as the whole pile joins them (``variants.media_base``)
        owners = state.key_owners("=" + k for k in heads)
        found |= {o for k in heads if (o := _owner(owners.get("=" + k))) is not None}
    if etype != "PERSON" and all(" " not in k for k in forms):
        short = {_variant_key(k) for k in forms}
        owner = _short_name_owner(state, short)
        if owner is not None and all(_only_short(state, e, short) for e in found - {owner}):
            # the name standing alone is the one it is the short name of, where the
            # articles write both ("the Federal Reserve ... the Fed"); a stored entity
            # of the short name alone is that one too
            return found | {owner}
    if found:
        return found
    if etype != "PERSON":
        variants = {"~" + _variant_key(k, etype) for k in forms}
        owners = state.key_owners(variants)
        found = {o for v in variants if (o := _owner(owners.get(v))) is not None}
        if found or not heads:
            return found
        # "BBC News ... the BBC" in one article: the initialism heading the name
        # the article wrote out names the same body, so the entity that owns
        # the bare initialism is this one (a stored "BBC" is not split from it).
        owners = state.key_owners("=" + k for k in heads)
        return {o for k in heads if (o := _owner(owners.get("=" + k))) is not None}
    for key in forms:
        words = key.split()
        if not words[-1].isalpha() or len(words) > 5 or words[0] in ROYAL_STYLES:
            continue  # "King Abdullah" goes by its own keys: no surname, no spelling of one
        people = named[key] if key in named else state.prefix_owners(f"f:{words[-1]}:")
        if len(words) >= 2:
            # A full name: the person with this surname and a matching first name,
            # else a person known by this surname alone.
            weights: Counter[str] = Counter()
            other_firsts: set[str] = set()
            for stored, holders in people.items():
                first = stored.rsplit(":", 1)[1]
                if _first_names_match(first, words[0]) or first in words[1:-1]:
                    # the middle name one stored name starts with: "Recep Tayyip Erdogan"
                    # after "Tayyip Erdogan"
                    weights.update(holders)
                else:
                    other_firsts.update(holders)
            owner = _owner(weights)
            if owner is None:
                # known by the surname alone so far: joins, unless that person's
                # full name is another ("Harry Brown" is not Gordon Brown)
                owner = _owner(state.key_owners([f"b:{words[-1]}"]).get(f"b:{words[-1]}"))
                if owner in other_firsts and owner not in weights:
                    owner = None
                if owner is not None and _royal(state, owner):
                    owner = None  # "Abdallah" alone was King Abdullah's: no one's surname
        else:
            weights = Counter()
            for holders in people.values():
                weights.update(holders)
            owner = _owner(weights) if weights else _owner(given.get(key))
            if owner is None and len(weights) > 1:
                owner = _post_holder(state, forms[key], weights)
            if owner is None and key in named:
                owner = _owner(exact.get("=" + key))  # no one dominates: as before
        if owner is None and len(words[-1]) >= 5:
            owner = _similar_person(state, words)
        if owner is not None:
            found.add(owner)
    return found


def _post_holder(state: LinkState, bare: FormStats, people: Mapping[str, int]) -> str | None:
    """Of several people with a surname, the one whose titles hold the post a bare
    surname is written with ("President Obama" of Barack, not Michelle Obama)."""
    posts = commonest_post(bare.get("titles") or {})
    if not posts:
        return None
    holders = [
        person
        for person in sorted(people)
        if posts
        & title_heads(
            t for stats in state.forms(person).values() for t in stats.get("titles") or {}
        )
    ]
    return holders[0] if len(holders) == 1 else None


def _short_name_owner(state: LinkState, short: set[str]) -> str | None:
    """The entity a one-word name is mostly the short name of, beside its full name
    (``s:`` keys), once it has been at least ``SHORT_SUPPORT`` times, and more often
    than it opens the names of other entities."""
    owners = state.key_owners("s:" + k for k in short)
    weights: Counter[str] = Counter()
    for holders in owners.values():
        weights.update(holders)
    owner = _owner(weights) if sum(weights.values()) >= SHORT_SUPPORT else None
    if owner is None:
        return None
    # A word that opens other names as often is a name of its own: "the Dow" of "Dow
    # Jones", though one article wrote it after "Downey Savings".
    opening = sum(
        n
        for k in short
        for holders in state.prefix_owners(f"={k} ").values()
        for entity_id, n in holders.items()
        if entity_id != owner
    )
    return owner if opening < weights[owner] else None


def _royal(state: LinkState, entity_id: str) -> bool:
    """The entity is a royal named by style ("king abdullah"): its one-word forms are his
    name, nobody's surname."""
    return any(key.split()[0] in ROYAL_STYLES for key in state.forms(entity_id) if " " in key)


def _similar_person(state: LinkState, words: Sequence[str]) -> str | None:
    """The person whose surname is a spelling variant of ``words``' (Volkonskiy /
    Volkonsky / Volkosnky) and whose first name, where both have one, matches."""
    surname, first = words[-1], (words[0] if len(words) > 1 else None)
    owners = state.key_owners(f"d:{d}" for d in set(_delete_keys(surname)))
    weights: Counter[str] = Counter()
    for entity_id in sorted({e for holders in owners.values() for e in holders}):
        weight, full_names, same_first = 0, 0, 0
        for key, stats in state.forms(entity_id).items():
            other = key.split()
            if not _similar_surnames(surname, other[-1]):
                continue
            if first and len(other) > 1:
                full_names += 1
                if not _first_names_match(first, other[0]):
                    continue
                same_first += 1
            weight += int(sum(stats["surfaces"].values()))
        # a person whose full names all have another first name is someone else
        # ("Harry Brown" is not Gordon Brown, whose bare "Brown" would match)
        if weight and not (full_names and not same_first):
            weights[entity_id] += weight
    return _owner(weights)


def _place_vote(key: str, votes: Mapping[str, float]) -> bool:
    """A known place ("Ireland" of Tim Ireland), or a name mostly tagged a place
    ("Misrata" beside a tagger's "Misrata MISRATA" person): no one's surname."""
    return is_place(key) or (bool(votes) and top_type(votes) in _PLACE_TYPES)


def describe(
    forms: Mapping[str, FormStats], cited: Mapping[str, int]
) -> tuple[str, str, list[str]]:
    """Name, type and aliases of an entity from its forms, as ``resolve_entities``
    chooses them (``entities._informative``, votes with the names' own evidence, a
    person's bare surname voting for the person)."""
    votes: Counter[str] = Counter()
    surfaces: Counter[str] = Counter()
    targets: set[str] = set()
    # A bare surname of a person named in full here votes PERSON, whatever the tagger
    # said of it ("Hitchens" tagged ORG beside Peter Hitchens); a first word can be
    # anything the tagger ran into a name ("Briton Ann Barnes")
    surnames = {
        k.split()[-1] for k, v in forms.items() if " " in k and top_type(v["votes"]) == "PERSON"
    }
    for key, stats in forms.items():
        form_votes: dict[str, float] = dict(stats["votes"])
        if strip_org_suffix(key) != key and len(key.split()) > 1:
            form_votes["ORG"] = form_votes.get("ORG", 0) + 3 * sum(stats["surfaces"].values())
        add_evidence(
            form_votes,
            key,
            stats["surfaces"],
            titled=int(sum(stats["titles"].values())),
            cited=cited.get(key, 0),
        )
        if key in surnames and not _place_vote(key, form_votes):
            form_votes = {"PERSON": sum(form_votes.values())}
        votes.update(form_votes)
        surfaces.update(stats["surfaces"])
        targets |= {fold(x) for x in stats["expansions"]}
        country = country_of(key)
        if country is not None:
            targets.add(country)

    etype = top_type({k: round(v, 6) for k, v in votes.items()})
    etype = as_company(etype, {k: int(sum(v["surfaces"].values())) for k, v in forms.items()})

    def best(key: str) -> tuple[int, int, int, int, int, str]:
        spellings = forms[key]["surfaces"]
        surface = _commonest(spellings)
        return _informative(surface, int(sum(spellings.values())), targets, etype)

    top = max(forms, key=best)
    spellings = forms[top]["surfaces"]
    name = styled_name(_commonest(spellings), forms)
    return name, etype, sorted(surfaces, key=lambda s: (-surfaces[s], s))


def link_article(
    state: LinkState,
    article_id: str,
    mentions: Sequence[EntityMention],
    citations: Sequence[Citation],
    minted: Mapping[MentionRef, str],
) -> None:
    """Resolve one article's mentions against the index and store the result.

    ``minted``: ids already minted from this article's mentions (a relinked store)."""
    cited = Counter(fold(c.cites) for c in citations)
    state.add_cited(cited)
    local: list[Entity] = resolve_entities(
        {article_id: mentions}, cited=[c.cites for c in citations], defer_namesakes=True
    )
    local.sort(key=lambda e: min(r.index for r in e.mentions))
    surnames = full_name_surnames(mentions)
    for entity in local:
        own = _form_stats(mentions, entity.mentions, surnames)
        if not own:
            continue
        forms: dict[str, FormStats] = {}
        _merge_forms(forms, own)  # a copy: the stored forms are merged into it
        found = _matches(state, own, entity.type)
        held = sorted((r for r in entity.mentions if r in minted), key=lambda r: r.index)
        if found:
            order = state.mint_order(found)
            survivor, *others = sorted(found, key=lambda i: order.get(i, (True, "\uffff", i, 0)))
            for other in others:
                _merge_forms(forms, state.forms(other))
                state.merge_into(survivor, other)
            _merge_forms(forms, state.forms(survivor))
            for ref in held:  # ids a relinked store minted from these mentions
                state.redirect_unused(minted[ref], survivor)
            new = False
        else:
            first = min(entity.mentions, key=lambda r: r.index)
            survivor = minted[held[0]] if held else mint_id(first)
            if not held:
                state.mint(survivor, first)
            new = True
        name, etype, aliases = describe(forms, state.cited(forms))
        state.put_entity(survivor, name=name, type=etype, aliases=aliases, forms=forms, new=new)
        state.add_mentions(survivor, sorted(entity.mentions, key=lambda r: r.index))
        state.add_keys(survivor, _lookup_keys(own, etype))
