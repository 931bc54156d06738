"""The incremental link's indexes in the store (issue 21), read and written
inside one transaction per chunk of linked articles (``Store.link_transaction``).

The statements run for every entity of every article are built once, here
(``_S``): building and hashing a SQLAlchemy statement costs more than SQLite
takes to run one of these index lookups.

What the tables hold is documented in ``schema``; what they mean in
``link.incremental``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sqlalchemy import String, and_, bindparam, delete, func, insert, literal, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from ..models import Article, Citation, Copy, MentionRef
from . import schema
from .rows import article_from_row, from_row
from .snapshots import state_value
from .work import unqueue

FormStats = dict[str, Any]  # surfaces, votes, expansions, titles: name -> count


class _Statements:
    """The per-entity statements, built once (``bindparam`` for every value)."""

    def __init__(self) -> None:
        k, f, e = schema.entity_keys, schema.entity_forms, schema.entities
        t, m, a = schema.cited_names, schema.entity_mints, schema.articles
        s, r = schema.copy_sentences, schema.entity_redirects
        keys: Any = bindparam("keys", expanding=True)
        self.key_owners = (
            select(k.c.key, k.c.entity_id, func.sum(k.c.weight))
            .where(k.c.key.in_(keys))
            .group_by(k.c.key, k.c.entity_id)
        )
        self.prefix_owners = (
            select(k.c.key, k.c.entity_id, func.sum(k.c.weight))
            .where(and_(k.c.key >= bindparam("low"), k.c.key < bindparam("high")))
            .group_by(k.c.key, k.c.entity_id)
        )
        mine = and_(k.c.entity_id == bindparam("entity"), k.c.key.in_(keys))
        self.held_keys = select(k.c.key, func.sum(k.c.weight)).where(mine).group_by(k.c.key)
        self.drop_keys = delete(k).where(mine)
        self.put_keys = insert(k)
        self.cited = select(t.c.key, t.c.count).where(t.c.key.in_(keys))
        self.bump_cited = (
            update(t).where(t.c.key == bindparam("name")).values(count=t.c.count + bindparam("n"))
        )
        self.mint_order = (
            select(m.c.id, a.c.published, m.c.article_id, m.c.mention_idx)
            .join(a, a.c.id == m.c.article_id, isouter=True)
            .where(m.c.id.in_(bindparam("ids", expanding=True)))
        )
        self.forms = select(f.c.key, f.c.stats).where(f.c.entity_id == bindparam("entity"))
        self.drop_forms = delete(f).where(f.c.entity_id == bindparam("entity"))
        self.put_forms = insert(f)
        self.update_entity = (
            update(e)
            .where(e.c.id == bindparam("entity"))
            .values(name=bindparam("name"), type=bindparam("type"), aliases=bindparam("aliases"))
        )
        self.put_mentions = insert(schema.entity_mentions)
        self.is_entity = select(e.c.id).where(e.c.id == bindparam("entity"))
        self.drop_redirect = delete(r).where(r.c.old_id == bindparam("entity"))
        self.sentence = (
            select(s.c.article_id).where(s.c.key == bindparam("key")).limit(bindparam("cap"))
        )


_S = _Statements()


class LinkState:
    """The link indexes through one open transaction."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    # ---- articles ----------------------------------------------------------

    def claim(self, article_id: str, pipeline: str, outlet: str) -> bool:
        """Mark ``article_id`` linked; False when another run linked it first.
        The first statement of the article's work, and a write: it takes the
        store's write lock at once, so two runs never link one article. A lost
        claim writes nothing and leaves the transaction usable (PostgreSQL
        aborts a transaction on a failed insert: hence no insert that fails)."""
        values = {"article_id": article_id, "pipeline": pipeline, "outlet": outlet, "shingles": b""}
        dialect = self.conn.dialect.name
        if dialect in ("sqlite", "postgresql"):
            upsert = sqlite_insert if dialect == "sqlite" else postgresql_insert
            statement = upsert(schema.link_docs).values(**values).on_conflict_do_nothing()
            claimed = bool(self.conn.execute(statement).rowcount)
        else:
            try:
                with self.conn.begin_nested():
                    self.conn.execute(insert(schema.link_docs).values(**values))
            except IntegrityError:
                return False
            claimed = True
        if claimed:
            unqueue(self.conn, ("link",), [article_id])
        return claimed

    def linked_count(self) -> int:
        return int(
            self.conn.execute(select(func.count()).select_from(schema.link_docs)).scalar_one()
        )

    def put_shingles(self, article_id: str, shingles: np.ndarray) -> None:
        d = schema.link_docs
        self.conn.execute(
            update(d)
            .where(d.c.article_id == article_id)
            .values(shingles=shingles.astype(np.uint32).tobytes())
        )

    def minted_in(self, article_id: str) -> dict[MentionRef, str]:
        m = schema.entity_mints
        rows = self.conn.execute(
            select(m.c.id, m.c.mention_idx).where(m.c.article_id == article_id)
        )
        return {MentionRef(article_id, int(r[1])): r[0] for r in rows}

    # ---- run state ------------------------------------------------------------

    def needs_rebuild(self) -> bool:
        """Links not made by this index (a store from before it), or an article
        annotated again, by another pipeline version, since it was linked (such an
        article is back in the ``link`` queue: only the queue is read)."""
        d, n, p = schema.link_docs, schema.annotated, schema.pending
        if self.conn.execute(select(d.c.article_id).limit(1)).first() is None:
            linked = (
                select(schema.entities.c.id).limit(1),
                select(schema.copies.c.article_id).limit(1),
            )
            return any(self.conn.execute(q).first() is not None for q in linked)
        query = (
            select(p.c.article_id)
            .join(d, d.c.article_id == p.c.article_id)
            .join(n, n.c.article_id == p.c.article_id)
            .where(p.c.stage == "link", d.c.pipeline != n.c.pipeline)
        )
        return self.conn.execute(query.limit(1)).first() is not None

    def clear(self) -> None:
        """Forget every link and link index (a full relink follows); minted ids and
        their redirects stay, so entities keep their ids."""
        for table in (
            *schema.LINK_STATE_TABLES,
            schema.entity_mentions,
            schema.entities,
            schema.copies,
        ):
            self.conn.execute(delete(table))
        p, n = schema.pending, schema.annotated
        self.conn.execute(delete(p).where(p.c.stage == "link"))
        self.conn.execute(
            insert(p).from_select(
                ["stage", "article_id"], select(literal("link", String), n.c.article_id)
            )
        )

    def unlinked(self) -> list[tuple[str, str]]:
        """(article id, pipeline) of annotated articles not linked yet, in publication
        order: the ``link`` queue. An article queued again but linked from the same
        pipeline version (annotated again, alike) is taken off it here."""
        a, n, d, p = schema.articles, schema.annotated, schema.link_docs, schema.pending
        query = (
            select(a.c.id, n.c.pipeline, d.c.article_id)
            .select_from(p)
            .join(a, a.c.id == p.c.article_id)
            .join(n, n.c.article_id == a.c.id)
            .outerjoin(d, d.c.article_id == a.c.id)
            .where(p.c.stage == "link")
            .order_by(a.c.published.is_(None), a.c.published, a.c.id)
        )
        rows = list(self.conn.execute(query))
        unqueue(self.conn, ("link",), [r[0] for r in rows if r[2] is not None])
        return [(r[0], r[1]) for r in rows if r[2] is None]

    def rules(self) -> int:
        """The link rules' version the stored links were made by (-1: none recorded)."""
        return state_value(self.conn, "link_rules")

    def set_rules(self, version: int) -> None:
        state = schema.store_state
        done = self.conn.execute(
            update(state).where(state.c.key == "link_rules").values(value=version)
        ).rowcount
        if not done:
            self.conn.execute(insert(state).values(key="link_rules", value=version))

    def mark_linked(self, generation: int) -> None:
        state = schema.store_state
        self.conn.execute(
            update(state)
            .where(state.c.key == "linked_generation", state.c.value <= generation)
            .values(value=generation)
        )

    def articles(self, ids: Iterable[str]) -> dict[str, Article]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self.conn.execute(select(schema.articles).where(schema.articles.c.id.in_(ids)))
        return {a.id: a for a in map(article_from_row, rows)}

    def outlet_context(self, outlet: str, limit: int, *, besides: str) -> list[Article]:
        """The latest ``limit`` articles of ``outlet`` linked before ``besides``
        (by publication date; undated last)."""
        a, d = schema.articles, schema.link_docs
        query = (
            select(a)
            .join(d, d.c.article_id == a.c.id)
            .where(d.c.outlet == outlet, d.c.article_id != besides)
            .order_by(a.c.published.is_(None), a.c.published.desc(), a.c.id.desc())
            .limit(limit)
        )
        return [article_from_row(r) for r in self.conn.execute(query)]

    def shingles(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        d = schema.link_docs
        rows = self.conn.execute(
            select(d.c.article_id, d.c.shingles).where(d.c.article_id.in_(list(ids)))
        )
        return {r[0]: np.frombuffer(r[1], dtype=np.uint32) for r in rows}

    def citations(self, ids: Iterable[str]) -> dict[str, list[Citation]]:
        c = schema.citations
        out: dict[str, list[Citation]] = defaultdict(list)
        for row in self.conn.execute(
            select(c).where(c.c.article_id.in_(list(ids))).order_by(c.c.idx)
        ):
            out[row._mapping["article_id"]].append(from_row(Citation, row))
        return out

    # ---- copies -------------------------------------------------------------

    def band_matches(self, keys: Sequence[int]) -> set[str]:
        b = schema.copy_bands
        return {
            r[0] for r in self.conn.execute(select(b.c.article_id).where(b.c.key.in_(list(keys))))
        }

    def sentence_postings(self, keys: Sequence[int], cap: int) -> dict[int, list[str]]:
        """Sentence key -> the linked articles holding it, at most ``cap`` of them
        (a sentence thousands of articles hold reads as ``cap``, not thousands)."""
        out: dict[int, list[str]] = {}
        for key in keys:
            found = [r[0] for r in self.conn.execute(_S.sentence, {"key": key, "cap": cap})]
            if found:
                out[int(key)] = found
        return out

    def put_copy_keys(
        self, article_id: str, bands: Sequence[int], sentences: Sequence[int]
    ) -> None:
        if bands:
            self.conn.execute(
                insert(schema.copy_bands), [{"key": k, "article_id": article_id} for k in bands]
            )
        if sentences:
            self.conn.execute(
                insert(schema.copy_sentences),
                [{"key": k, "article_id": article_id} for k in sentences],
            )

    def put_relations(self, relations: Iterable[tuple[str, str, str, float]]) -> None:
        rows = [
            {"article_id": c, "copy_of": o, "kind": k, "similarity": s} for c, o, k, s in relations
        ]
        if rows:
            self.conn.execute(insert(schema.copy_relations), rows)

    def relations_around(self, start: Iterable[str]) -> list[tuple[str, str, str, float]]:
        """Every relation in the connected component(s) of ``start``'s articles."""
        r = schema.copy_relations
        seen: set[str] = set()
        frontier = set(start)
        found: set[tuple[str, str, str, float]] = set()
        while frontier:
            seen |= frontier
            ids = list(frontier)
            rows = self.conn.execute(
                select(r).where((r.c.article_id.in_(ids)) | (r.c.copy_of.in_(ids)))
            )
            frontier = set()
            for row in rows:
                found.add((row.article_id, row.copy_of, row.kind, float(row.similarity)))
                frontier |= {row.article_id, row.copy_of} - seen
        return sorted(found)

    def replace_copies(self, articles: Iterable[str], copies: Sequence[Copy]) -> None:
        c = schema.copies
        self.conn.execute(delete(c).where(c.c.article_id.in_(list(articles))))
        if copies:
            self.conn.execute(
                insert(c),
                [
                    {
                        "article_id": x.article,
                        "copy_of": x.copy_of,
                        "kind": x.kind,
                        "similarity": x.similarity,
                    }
                    for x in copies
                ],
            )

    # ---- entities -------------------------------------------------------------

    def add_cited(self, keys: Mapping[str, int]) -> None:
        t = schema.cited_names
        for key, n in keys.items():
            moved = self.conn.execute(_S.bump_cited, {"name": key, "n": n}).rowcount
            if not moved:
                self.conn.execute(insert(t).values(key=key, count=n))

    def cited(self, keys: Iterable[str]) -> dict[str, int]:
        return {r[0]: int(r[1]) for r in self.conn.execute(_S.cited, {"keys": list(keys)})}

    def key_owners(self, keys: Iterable[str]) -> dict[str, dict[str, int]]:
        """Lookup key -> {entity id: mentions behind it}."""
        out: dict[str, dict[str, int]] = defaultdict(dict)
        for key, entity_id, weight in self.conn.execute(_S.key_owners, {"keys": list(keys)}):
            out[key][entity_id] = int(weight)
        return out

    def prefix_owners(self, prefix: str) -> dict[str, dict[str, int]]:
        """Lookup keys starting with ``prefix`` -> {entity id: weight}."""
        out: dict[str, dict[str, int]] = defaultdict(dict)
        bounds = {"low": prefix, "high": prefix + "\uffff"}
        for key, entity_id, weight in self.conn.execute(_S.prefix_owners, bounds):
            out[key][entity_id] = int(weight)
        return out

    def mint_order(self, ids: Iterable[str]) -> dict[str, tuple[bool, str, str, int]]:
        """Entity id -> the sort key of the mention it was minted from."""
        out = {}
        for ident, published, article_id, index in self.conn.execute(
            _S.mint_order, {"ids": list(ids)}
        ):
            out[ident] = (published is None, published or "", article_id, int(index))
        return out

    def forms(self, entity_id: str) -> dict[str, FormStats]:
        rows = self.conn.execute(_S.forms, {"entity": entity_id})
        return {r[0]: json.loads(r[1]) for r in rows}

    def put_entity(
        self,
        entity_id: str,
        *,
        name: str,
        type: str,
        aliases: Sequence[str],
        forms: Mapping[str, FormStats],
        new: bool,
    ) -> None:
        e = schema.entities
        values = {
            "name": name,
            "type": type,
            "aliases": json.dumps(list(aliases), ensure_ascii=False),
        }
        if new:
            self.conn.execute(insert(e).values(id=entity_id, **values))
            # An id alive again (a relinked store) no longer redirects.
            self.conn.execute(_S.drop_redirect, {"entity": entity_id})
        else:
            self.conn.execute(_S.update_entity, {"entity": entity_id, **values})
        self.conn.execute(_S.drop_forms, {"entity": entity_id})
        self.conn.execute(
            _S.put_forms,
            [
                {"entity_id": entity_id, "key": k, "stats": json.dumps(v, ensure_ascii=False)}
                for k, v in forms.items()
            ],
        )

    def mint(self, entity_id: str, ref: MentionRef) -> None:
        self.conn.execute(
            insert(schema.entity_mints).values(
                id=entity_id, article_id=ref.article, mention_idx=ref.index
            )
        )

    def add_mentions(self, entity_id: str, refs: Sequence[MentionRef]) -> None:
        if refs:
            self.conn.execute(
                _S.put_mentions,
                [
                    {"entity_id": entity_id, "article_id": r.article, "mention_idx": r.index}
                    for r in refs
                ],
            )

    def add_keys(self, entity_id: str, keys: Mapping[str, int]) -> None:
        """Add ``keys``' weights to ``entity_id``'s, one row per (key, entity): a
        key's rows do not grow with the articles that name it, so looking it up
        costs the same in a store of any size. (Rows a store kept several of per
        pair before are summed into one here.)"""
        if not keys:
            return
        totals = dict(keys)
        mine = {"entity": entity_id, "keys": list(keys)}
        stored = {key: int(weight) for key, weight in self.conn.execute(_S.held_keys, mine)}
        for key, weight in stored.items():
            totals[key] += weight
        if stored:
            self.conn.execute(_S.drop_keys, mine)
        self.conn.execute(
            _S.put_keys,
            [{"key": key, "entity_id": entity_id, "weight": w} for key, w in totals.items()],
        )

    def redirect_unused(self, old: str, new: str) -> None:
        """``old`` (minted, no entity holds it now) leads to ``new``."""
        r = schema.entity_redirects
        if old == new or self.conn.execute(_S.is_entity, {"entity": old}).first():
            return
        self.conn.execute(delete(r).where(r.c.old_id == old))
        self.conn.execute(insert(r).values(old_id=old, new_id=new))

    def merge_into(self, survivor: str, merged: str) -> None:
        """Move ``merged``'s mentions and keys to ``survivor``; ``merged`` redirects."""
        em, k, e, f = (
            schema.entity_mentions,
            schema.entity_keys,
            schema.entities,
            schema.entity_forms,
        )
        r = schema.entity_redirects
        self.conn.execute(update(em).where(em.c.entity_id == merged).values(entity_id=survivor))
        moved = self.conn.execute(
            select(k.c.key, func.sum(k.c.weight)).where(k.c.entity_id == merged).group_by(k.c.key)
        )
        keys = {key: int(weight) for key, weight in moved}
        self.conn.execute(delete(k).where(k.c.entity_id == merged))
        self.add_keys(survivor, keys)
        self.conn.execute(delete(f).where(f.c.entity_id == merged))
        self.conn.execute(delete(e).where(e.c.id == merged))
        self.conn.execute(update(r).where(r.c.new_id == merged).values(new_id=survivor))
        self.conn.execute(delete(r).where(r.c.old_id == merged))
        self.conn.execute(insert(r).values(old_id=merged, new_id=survivor))
