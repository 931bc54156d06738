"""Entity ids minted once and kept (issue 21).

An id is minted when an entity first appears: a hash of its earliest mention
(article id and mention index; earliest by publication date, then article id),
never of its name, so a better alias or canonical name arriving later leaves it
alone. The store keeps every minted id with the mention it was minted from
(``entity_mints``). On each link:

* an entity holding the mint mentions of stored ids takes the id minted from
  the earliest of those mentions; the others now redirect to it (a merge);
* an entity holding none mints a new id from its own earliest mention;
* an id whose mint mention left every entity keeps its last redirect.

Fed in publication order, an entity's id is therefore the hash of its earliest
mention whether its articles arrived one by one or all at once; an article
published earlier than what is stored, arriving later, does not rename an
entity (its id stays the one minted first).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..models import Article, Entity, MentionRef

__all__ = ["IdAssignment", "assign_ids", "mint_id", "article_order"]

ArticleOrder = Mapping[str, tuple[bool, str, str]]


def mint_id(ref: MentionRef) -> str:
    return "E" + hashlib.sha1(f"{ref.article}\x1f{ref.index}".encode()).hexdigest()[:12]


def article_order(articles: Sequence[Article]) -> dict[str, tuple[bool, str, str]]:
    """Article id -> sort key: dated first, by date, then by id."""
    return {
        a.id: (a.published is None, a.published.isoformat() if a.published else "", a.id)
        for a in articles
    }


@dataclass(frozen=True)
class IdAssignment:
    entities: list[Entity]
    mints: dict[str, MentionRef]  # every id ever minted -> the mention it was minted from
    redirects: dict[str, str]  # merged id -> live id


def assign_ids(
    entities: Sequence[Entity],
    order: ArticleOrder,
    mints: Mapping[str, MentionRef] | None = None,
    redirects: Mapping[str, str] | None = None,
) -> IdAssignment:
    """Ids for freshly resolved ``entities`` given the stored ``mints`` and ``redirects``."""
    mints = dict(mints or {})
    old_redirects = dict(redirects or {})

    def when(ref: MentionRef) -> tuple[tuple[bool, str, str], int]:
        return order.get(ref.article, (True, "\uffff", ref.article)), ref.index

    minted_at = {ref: ident for ident, ref in mints.items()}
    out: list[Entity] = []
    owner: dict[str, str] = {}  # stored id -> the live id of the entity holding its mint mention
    for entity in entities:
        held = sorted((ref for ref in entity.mentions if ref in minted_at), key=when)
        if held:
            ident = minted_at[held[0]]
        else:
            first = min(entity.mentions, key=when) if entity.mentions else MentionRef("", len(out))
            ident = mint_id(first)
            mints[ident] = first
        for ref in held:
            owner[minted_at[ref]] = ident
        out.append(replace(entity, id=ident))
    live = {e.id for e in out}
    moved: dict[str, str] = {}
    for ident in mints:
        if ident in live:
            continue
        if ident in owner:
            moved[ident] = owner[ident]
        elif ident in old_redirects:
            moved[ident] = old_redirects[ident]
    # Follow chains to a live id where there is one (a -> b -> c becomes a -> c).
    final: dict[str, str] = {}
    for ident, target in moved.items():
        seen = {ident}
        while target in moved and target not in seen and target not in live:
            seen.add(target)
            target = moved[target]
        final[ident] = target
    return IdAssignment(entities=out, mints=mints, redirects=final)
