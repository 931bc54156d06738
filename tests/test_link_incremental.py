"""Incremental link (issue 21): entity ids minted once and kept, merges redirect,
and a store fed one article at a time equals one fed everything at once."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from storyline.api import assign_stories, relink
from storyline.errors import NotFound
from storyline.link.copies import find_copies
from storyline.link.entity_ids import assign_ids, mint_id
from storyline.models import Annotations, Article, Entity, EntityMention, MentionRef
from storyline.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_copies import paragraph  # noqa: E402

PIPELINE = "test"


def _article(aid: str, day: int, text: str) -> Article:
    return Article(id=aid, text=text, published=dt.date(2031, 5, day))


def _mention(text: str, label: str = "ORG", expansion: str | None = None) -> EntityMention:
    return EntityMention(
        text=text, label=label, start=0, end=len(text), sentence=0, expansion=expansion
    )


def _feed(store: Store, article: Article, mentions: list[EntityMention]) -> None:
    store.add_articles([article])
    store.put_annotations([Annotations(article_id=article.id, mentions=tuple(mentions))], PIPELINE)
    relink(store)


def _holding(store: Store, ref: MentionRef) -> Entity:
    (entity,) = [e for e in store.entities() if ref in e.mentions]
    return entity


def test_id_kept_when_a_later_article_adds_a_better_name(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "The Pentagon said."), [_mention("Pentagon")])
    first = _holding(store, MentionRef("a1", 0))
    assert first.name == "Pentagon"
    assert first.id == mint_id(MentionRef("a1", 0))
    # The second article defines the short form: the entity gains an alias and a better name.
    _feed(
        store,
        _article("a2", 2, "The US Department of Defense (Pentagon) said."),
        [
            _mention("US Department of Defense"),
            _mention("Pentagon", expansion="US Department of Defense"),
        ],
    )
    later = _holding(store, MentionRef("a1", 0))
    assert later.name == "US Department of Defense"  # the name changed ...
    assert later.id == first.id  # ... the id did not
    assert set(later.mentions) == {MentionRef("a1", 0), MentionRef("a2", 0), MentionRef("a2", 1)}
    assert store.resolve_entity(first.id) == first.id


def test_merge_keeps_the_first_id_and_redirects_the_other(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "The Pentagon said."), [_mention("Pentagon")])
    _feed(
        store,
        _article("a2", 2, "The US Department of Defense said."),
        [_mention("US Department of Defense")],
    )
    pentagon = _holding(store, MentionRef("a1", 0)).id
    department = _holding(store, MentionRef("a2", 0)).id
    assert pentagon != department  # nothing says yet that they are one
    _feed(
        store,
        _article("a3", 3, "The US Department of Defense (Pentagon) said."),
        [
            _mention("US Department of Defense"),
            _mention("Pentagon", expansion="US Department of Defense"),
        ],
    )
    merged = _holding(store, MentionRef("a2", 0))
    assert merged.id == pentagon == _holding(store, MentionRef("a1", 0)).id
    assert store.entity_redirects() == {department: pentagon}
    mints, redirects = store.entity_ids()
    assert mints[department] == MentionRef("a2", 0) and redirects == {department: pentagon}
    assert store.resolve_entity(department) == pentagon
    with pytest.raises(NotFound) as err:
        store.resolve_entity("E000000000000")
    assert err.value.code == "E408"
    # the actor view (the web's /entities/{id}) answers an old id with the survivor
    from storyline.views.story import Story

    assert Story(store).view("actor", id=department)["entity"]["id"] == pentagon


def test_an_earlier_article_arriving_late_does_not_rename() -> None:
    order = {"a1": (False, "2031-05-02", "a1"), "a0": (False, "2031-05-01", "a0")}
    one = Entity(id="", name="X", type="ORG", aliases=("X",), mentions=(MentionRef("a1", 0),))
    first = assign_ids([one], order)
    (entity,) = first.entities
    grown = Entity(
        id="",
        name="X",
        type="ORG",
        aliases=("X",),
        mentions=(MentionRef("a0", 3), MentionRef("a1", 0)),
    )
    again = assign_ids([grown], order, first.mints, first.redirects)
    assert again.entities[0].id == entity.id == mint_id(MentionRef("a1", 0))
    # Fed all at once, the same entity's id is minted from its earliest mention.
    assert assign_ids([grown], order).entities[0].id == mint_id(MentionRef("a0", 3))


def test_split_gives_the_id_to_the_part_holding_its_first_mention() -> None:
    order = {"a1": (False, "2031-05-01", "a1"), "a2": (False, "2031-05-02", "a2")}
    both = Entity(
        id="", name="X", type="ORG", aliases=(), mentions=(MentionRef("a1", 0), MentionRef("a2", 0))
    )
    first = assign_ids([both], order)
    parts = [
        Entity(id="", name="Y", type="ORG", aliases=(), mentions=(MentionRef("a2", 0),)),
        Entity(id="", name="X", type="ORG", aliases=(), mentions=(MentionRef("a1", 0),)),
    ]
    again = assign_ids(parts, order, first.mints, first.redirects)
    ids = {e.name: e.id for e in again.entities}
    assert ids["X"] == first.entities[0].id
    assert ids["Y"] == mint_id(MentionRef("a2", 0)) != ids["X"]
    assert again.redirects == {}


def _snapshot(store: Store) -> tuple[object, ...]:
    entities = sorted((e.id, e.name, e.type, e.aliases, e.mentions) for e in store.entities())
    # Story titles are left out: part A's titles follow the order of the days fed
    # (``link.stories``), which is not this test's subject.
    stories = sorted((s["id"], tuple(s["articles"])) for s in store.stories())
    return entities, store.copies(), stories, store.story_assignments()


def test_fed_one_by_one_equals_all_at_once(sample_db: Path, tmp_path: Path) -> None:
    source = Store(sample_db, read_only=True)
    articles = sorted(
        source.articles(), key=lambda a: (a.published is None, a.published or dt.date.min, a.id)
    )
    annotations = source.annotations()
    assert len(articles) >= 10 and set(annotations) == {a.id for a in articles}

    at_once = Store(tmp_path / "at_once.db")
    at_once.add_articles(articles)
    at_once.put_annotations([annotations[a.id] for a in articles], PIPELINE)
    relink(at_once)
    assign_stories(at_once)

    one_by_one = Store(tmp_path / "one_by_one.db")
    for article in articles:
        one_by_one.add_articles([article])
        one_by_one.put_annotations([annotations[article.id]], PIPELINE)
        relink(one_by_one)
        assign_stories(one_by_one)

    expected = _snapshot(at_once)
    assert expected[0] and expected[1]  # the sample has entities and copies to compare
    assert _snapshot(one_by_one) == expected
    # ``add`` (the session's sample store) went the same way.
    assert _snapshot(source) == expected


def test_copies_fed_one_by_one_match_the_whole_pile(tmp_path: Path) -> None:
    rng = random.Random(11)
    base, other = paragraph(rng, 30), paragraph(rng, 30)
    texts = {
        "b-original": (base, 2),
        "a-duplicate": (base + ["Share your comments below."], 3),
        "c-syndicated": (
            [s.replace("harbor", "port") if i % 9 == 0 else s for i, s in enumerate(base[:26])],
            4,
        ),
        "d-rewrite": (paragraph(rng, 14) + base[5:17], 5),
        "e-unrelated": (other, 1),
    }
    articles = [_article(aid, day, " ".join(sentences)) for aid, (sentences, day) in texts.items()]
    store = Store(tmp_path / "s.db")
    for article in sorted(articles, key=lambda a: (a.published, a.id)):
        store.add_articles([article])
        store.put_annotations([Annotations(article_id=article.id)], PIPELINE)
        relink(store)
    expected = find_copies(articles)
    assert {c.article for c in expected} == {"a-duplicate", "c-syndicated", "d-rewrite"}
    assert store.copies() == expected


def test_forced_relink_keeps_ids(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "The Pentagon said."), [_mention("Pentagon")])
    _feed(
        store,
        _article("a2", 2, "Lena Ortiz spoke."),
        [_mention("Lena Ortiz", "PERSON"), _mention("Pentagon")],
    )
    before = sorted((e.id, e.mentions) for e in store.entities())
    assert relink(store, force=True)
    assert sorted((e.id, e.mentions) for e in store.entities()) == before
