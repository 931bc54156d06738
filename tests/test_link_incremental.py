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
from storyline.link.entities import resolve_entities
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


def _feed_days(store: Store, prefix: str, days: range, text: str, names: list[str]) -> None:
    """One article a day (ids ``prefix`` + day) naming ``names`` (ORG) in order."""
    for day in days:
        _feed(store, _article(f"{prefix}{day}", day, text), [_mention(n) for n in names])


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


def test_outlet_pages_give_the_furniture_the_stored_context_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The furniture context kept in memory during a run (``OutletPages``) is the
    one the store's query gives: the same pages, the latest first, cut at
    ``CONTEXT_PAGES``; whatever order the articles are linked in."""
    from storyline.ingest.furniture import furniture_spans, outlet_key, spans_against
    from storyline.link import incremental
    from test_copies import article

    monkeypatch.setattr(incremental, "CONTEXT_PAGES", 5)
    rng = random.Random(5)
    sidebar = paragraph(random.Random(99), 3)  # on every page of the outlet, at its end
    # The sidebar came in on day 8: only the latest pages show it is furniture.
    pages = [
        article(
            f"p{i:02d}",
            paragraph(rng, 4) + (sidebar if i >= 8 else []),
            1 + i // 2 + (i >= 8) * 3,
            outlet="Gazette",
        )
        for i in range(16)
    ]
    pages += [
        Article(id=f"u{i}", text=" ".join(paragraph(rng, 4) + sidebar), outlet="Gazette")
        for i in range(2)
    ]
    rng.shuffle(pages)  # later pages linked before earlier ones too
    store = Store(tmp_path / "s.db")
    store.add_articles(pages)
    found = 0
    with store.link_transaction() as state:
        outlets = incremental.OutletPages()
        for page in pages:
            outlet = outlet_key(page)
            assert state.claim(page.id, PIPELINE, outlet)
            stored = state.outlet_context(outlet, 5, besides=page.id)
            expected = furniture_spans([page], context=stored).get(page.id, [])
            assert spans_against(page.text, outlets.context(state, outlet, page.id)) == expected
            outlets.linked(outlet, page)
            found += bool(expected)
    assert found >= 5  # the sidebar is found once the outlet has pages enough


def test_linked_in_chunks_equals_one_transaction_an_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.link import incremental

    rng = random.Random(8)
    base = paragraph(rng, 30)
    texts = [base, base + ["More here now."], paragraph(rng, 20), base[:25], paragraph(rng, 12)]
    articles = [
        Article(id=f"a{i}", text=" ".join(t), published=dt.date(2031, 5, 1 + i), outlet="Wire")
        for i, t in enumerate(texts)
    ]
    mentions = [_mention("Lena Ortiz", "PERSON"), _mention("Ortiz", "PERSON"), _mention("Pentagon")]

    def linked(chunk: int) -> tuple[object, ...]:
        monkeypatch.setattr(incremental, "CHUNK_ARTICLES", chunk)
        store = Store(tmp_path / f"chunk{chunk}.db")
        store.add_articles(articles)
        store.put_annotations(
            [Annotations(article_id=a.id, mentions=tuple(mentions)) for a in articles], PIPELINE
        )
        relink(store)
        return _snapshot(store)

    one = linked(1)
    assert one[1]  # copies to compare
    assert linked(2) == one == linked(64)


def test_entity_keys_stay_one_row_per_key_and_entity(tmp_path: Path) -> None:
    """A key's rows do not grow with the articles naming it (lookups cost the same
    in a large store), merges included."""
    from sqlalchemy import func, select

    from storyline.store import schema

    store = Store(tmp_path / "s.db")
    for day in (1, 2, 3):
        _feed(store, _article(f"a{day}", day, "The Pentagon said."), [_mention("Pentagon")])
    _feed(
        store,
        _article("b1", 4, "The US Department of Defense said."),
        [_mention("US Department of Defense")],
    )
    _feed(
        store,
        _article("b2", 5, "The US Department of Defense (Pentagon) said."),
        [
            _mention("US Department of Defense"),
            _mention("Pentagon", expansion="US Department of Defense"),
        ],
    )
    k = schema.entity_keys
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(k.c.key, k.c.entity_id, func.count(), func.sum(k.c.weight)).group_by(
                k.c.key, k.c.entity_id
            )
        ).all()
    assert rows and all(n == 1 for _, _, n, _ in rows)
    weights = {key: w for key, _, _, w in rows}
    assert weights["=pentagon"] == 4  # three articles, and the one defining it
    assert len({e for _, e, _, _ in rows}) == 1  # merged: one entity holds every key


def test_a_lost_claim_leaves_the_transaction_usable(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.add_articles([_article("a1", 1, "One."), _article("a2", 2, "Two.")])
    with store.link_transaction() as state:
        assert state.claim("a1", PIPELINE, "")
        assert not state.claim("a1", PIPELINE, "")
        assert state.claim("a2", PIPELINE, "")
    with store.link_transaction() as state:
        assert state.linked_count() == 2


def test_sentence_postings_read_at_most_the_cap(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    with store.link_transaction() as state:
        for i in range(6):
            state.put_copy_keys(f"a{i}", [], [7, 9] if i < 2 else [7])
        postings = state.sentence_postings([7, 9, 11], 4)
    assert len(postings[7]) == 4 and sorted(postings[9]) == ["a0", "a1"] and 11 not in postings


@pytest.mark.parametrize("short_first", [True, False])
def test_an_initialism_heading_a_written_out_name_is_one_entity(
    tmp_path: Path, short_first: bool
) -> None:
    """ "BBC News ... the BBC" in one article and "the BBC" in another are one
    entity, whichever article comes first (the short form is not a lookup key of
    a longer name in general: "the Post" stays out)."""
    store = Store(tmp_path / "s.db")
    both = (
        _article("a1", 1, "BBC News reported. The BBC said."),
        [_mention("BBC News"), _mention("BBC")],
    )
    bare = (_article("a2", 2, "The BBC said."), [_mention("BBC")])
    for article, mentions in (bare, both) if short_first else (both, bare):
        _feed(store, article, mentions)
    assert _holding(store, MentionRef("a2", 0)).id == _holding(store, MentionRef("a1", 0)).id
    assert len(store.entities()) == 1


def test_a_station_opened_by_an_initialism_is_not_that_body(tmp_path: Path) -> None:
    """ "BBC 6 Music ... the BBC" in one article: the station is not the BBC (only a
    news arm, "BBC News", is); the bare initialism stays with the BBC elsewhere."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a2", 2, "The BBC said."), [_mention("BBC")])
    _feed(
        store,
        _article("a1", 1, "BBC 6 played it. The BBC said."),
        [_mention("BBC 6"), _mention("BBC")],
    )
    station = _holding(store, MentionRef("a1", 0))
    assert station.id != _holding(store, MentionRef("a2", 0)).id
    assert _holding(store, MentionRef("a1", 1)).id == _holding(store, MentionRef("a2", 0)).id


def test_a_bare_surname_goes_to_the_person_named_in_full_most(tmp_path: Path) -> None:
    """Early articles name the father, in full and by surname alone; the story is the
    son's, named in full in every later article: a later bare surname is the son's,
    not the father's for having been first."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(
        store,
        _article("a0", 1, "Ivo Marsh ruled. Marsh died."),
        [_mention("Ivo Marsh", person), _mention("Marsh", person)],
    )
    # while he is the only Marsh, a bare "Marsh" is his
    _feed(store, _article("a1", 1, "Marsh died."), [_mention("Marsh", person)])
    assert _holding(store, MentionRef("a1", 0)).id == _holding(store, MentionRef("a0", 0)).id
    for day in range(2, 6):
        _feed(store, _article(f"a{day}", day, "Tom Marsh spoke."), [_mention("Tom Marsh", person)])
    _feed(store, _article("a9", 9, "Marsh said."), [_mention("Marsh", person)])
    assert _holding(store, MentionRef("a9", 0)).id == _holding(store, MentionRef("a2", 0)).id


def test_a_first_name_alone_finds_the_person_named_in_full_with_it(tmp_path: Path) -> None:
    """ "Kenji" alone, before and after "Kenji Arata" is named in full: the later one
    is his (the earlier one could not know)."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(store, _article("a0", 1, "Kenji spoke."), [_mention("Kenji", person)])
    _feed(store, _article("a1", 2, "Kenji Arata spoke."), [_mention("Kenji Arata", person)])
    _feed(store, _article("a2", 3, "Kenji said."), [_mention("Kenji", person)])
    assert _holding(store, MentionRef("a2", 0)).id == _holding(store, MentionRef("a1", 0)).id


def test_a_full_name_with_another_first_name_is_another_person(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(
        store,
        _article("a1", 1, "Gordon Brown spoke. Brown said."),
        [_mention("Gordon Brown", person), _mention("Brown", person)],
    )
    _feed(store, _article("a2", 2, "Harry Brown said."), [_mention("Harry Brown", person)])
    assert _holding(store, MentionRef("a2", 0)).id != _holding(store, MentionRef("a1", 0)).id


def test_a_bare_family_name_finds_the_person_written_family_name_first(tmp_path: Path) -> None:
    """ "Ban Ki-moon" alone in one article, "Ban" alone in a later one: one person."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(store, _article("a1", 1, "Ban Ki-moon spoke."), [_mention("Ban Ki-moon", person)])
    _feed(store, _article("a2", 2, "Ban said."), [_mention("Ban", person)])
    _feed(store, _article("a3", 3, "Ki-moon said."), [_mention("Ki-moon", person)])
    ban = _holding(store, MentionRef("a1", 0))
    assert _holding(store, MentionRef("a2", 0)).id == ban.id
    assert _holding(store, MentionRef("a3", 0)).id != ban.id  # a given name is no surname


def test_a_plural_place_is_not_the_place_without_its_s(tmp_path: Path) -> None:
    """ "the Americas" is not "America" (the United States), article by article as in a
    whole pile; a plural of another name still finds it."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "America and the US."), [_mention("America", "GPE")])
    _feed(store, _article("a2", 2, "Across the Americas."), [_mention("Americas", "LOC")])
    assert _holding(store, MentionRef("a2", 0)).id != _holding(store, MentionRef("a1", 0)).id
    _feed(store, _article("a3", 3, "Harbor Trust."), [_mention("Harbor Trust")])
    _feed(store, _article("a4", 4, "Harbor Trusts."), [_mention("Harbor Trusts")])
    assert _holding(store, MentionRef("a4", 0)).id == _holding(store, MentionRef("a3", 0)).id


def test_a_royal_named_by_style_is_not_a_namesake(tmp_path: Path) -> None:
    """ "King Abdullah" is not the Murad Abdullah fed before, article by article."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(store, _article("a1", 1, "Murad Abdullah spoke."), [_mention("Murad Abdullah", person)])
    _feed(store, _article("a2", 2, "Abdullah spoke."), [_mention("Abdullah", person)])
    king = EntityMention("Abdullah", person, 5, 13, 0, title="King")
    _feed(store, _article("a3", 3, "King Abdullah spoke."), [king])
    _feed(store, _article("a4", 4, "King Abdullah spoke."), [king])
    murad = _holding(store, MentionRef("a1", 0))
    assert _holding(store, MentionRef("a2", 0)).id == murad.id
    assert _holding(store, MentionRef("a3", 0)).id != murad.id

    assert _holding(store, MentionRef("a4", 0)).id == _holding(store, MentionRef("a3", 0)).id


def test_a_name_written_with_a_company_suffix_is_a_company(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    place = "GPE"
    for n in range(1, 13):  # the tagger's twelve "places" outvote two suffixed mentions
        _feed(store, _article(f"a{n}", n, "Dravenport did it."), [_mention("Dravenport", place)])
    assert _holding(store, MentionRef("a1", 0)).type == "GPE"
    for n in (14, 15):
        _feed(store, _article(f"a{n}", n, "Dravenport Co. did it."), [_mention("Dravenport Co.")])
    entity = _holding(store, MentionRef("a1", 0))
    assert _holding(store, MentionRef("a15", 0)).id == entity.id and entity.type == "ORG"


def test_a_bare_surname_beside_namesakes_is_the_one_the_story_means(tmp_path: Path) -> None:
    """An article naming "Ivo Marsh" and "Ada Marsh" in full, then "Marsh" after Ada:
    the story mostly means Ivo, so "Marsh" is his, article by article as in a pile."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    for n in range(1, 7):
        _feed(store, _article(f"a{n}", n, "Ivo Marsh spoke."), [_mention("Ivo Marsh", person)])
    _feed(store, _article("a7", 7, "Ada Marsh spoke."), [_mention("Ada Marsh", person)])
    both = [_mention("Ivo Marsh", person), _mention("Ada Marsh", person), _mention("Marsh", person)]
    _feed(store, _article("a8", 8, "Ivo Marsh and Ada Marsh came. Marsh spoke."), both)
    ivo = _holding(store, MentionRef("a1", 0))
    assert _holding(store, MentionRef("a8", 0)).id == ivo.id
    assert _holding(store, MentionRef("a8", 1)).id != ivo.id
    assert _holding(store, MentionRef("a8", 2)).id == ivo.id
    pile = {f"a{n}": [m] for n, m in enumerate([_mention("Ivo Marsh", person)] * 6, 1)}
    pile |= {"a7": [_mention("Ada Marsh", person)], "a8": both}
    marsh = {(r.article, r.index): e.name for e in resolve_entities(pile) for r in e.mentions}
    assert marsh[("a8", 2)] == "Ivo Marsh"


def test_a_royal_is_not_found_by_a_surname_spelled_like_his_name(tmp_path: Path) -> None:
    """King Abdullah, then a bare "Abdallah" (his, spelled otherwise): a later "Ivo El
    Abdallah" is not the king."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    king = EntityMention("Abdullah", person, 5, 13, 0, title="King")
    _feed(store, _article("a1", 1, "King Abdullah spoke."), [king])
    _feed(store, _article("a2", 2, "Abdallah spoke."), [_mention("Abdallah", person)])
    _feed(store, _article("a3", 3, "Ivo El Abdallah spoke."), [_mention("Ivo El Abdallah", person)])
    assert _holding(store, MentionRef("a3", 0)).id != _holding(store, MentionRef("a1", 0)).id


def test_a_full_name_without_its_first_given_name_is_the_same_person(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    long = [_mention("Ivo Tomas Marsh", person)] * 2
    _feed(store, _article("a1", 1, "Ivo Tomas Marsh, Ivo Tomas Marsh."), long)
    _feed(store, _article("a2", 2, "Tomas Marsh spoke."), [_mention("Tomas Marsh", person)])
    assert _holding(store, MentionRef("a2", 0)).id == _holding(store, MentionRef("a1", 0)).id
    _feed(store, _article("a3", 3, "Lena Kane spoke."), [_mention("Lena Kane", person)])
    _feed(store, _article("a4", 4, "Ada Lena Kane spoke."), [_mention("Ada Lena Kane", person)])
    assert _holding(store, MentionRef("a4", 0)).id == _holding(store, MentionRef("a3", 0)).id
    pile = {"a1": long, "a2": [_mention("Tomas Marsh", person)] * 2}
    assert len({e.id for e in resolve_entities(pile)}) == 1
    # a name written once may be the tagger's list of two people ("Ivo, Ada Dorn")
    listed = [_mention("Ivo Dorn", person)] * 3 + [_mention("Ivo Ada Dorn", person)]
    _feed(store, _article("b1", 5, "Ivo Dorn. Ivo Dorn. Ivo Dorn. Ivo, Ada Dorn."), listed)
    _feed(store, _article("b2", 6, "Ada Dorn spoke."), [_mention("Ada Dorn", person)])
    assert _holding(store, MentionRef("b2", 0)).id != _holding(store, MentionRef("b1", 0)).id
    ada = [_mention("Ada Dorn", person)] * 3
    dorns = {
        (r.article, r.index): e.id
        for e in resolve_entities({"b1": listed, "b2": ada})
        for r in e.mentions
    }
    assert dorns[("b1", 0)] != dorns[("b2", 0)]


def test_an_organisation_s_one_word_name_is_no_plural(tmp_path: Path) -> None:
    """ "The Times" is not "Time" magazine, article by article as in a whole pile."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "Time reported it."), [_mention("Time")])
    _feed(store, _article("a2", 2, "The Times reported it."), [_mention("Times")])
    assert _holding(store, MentionRef("a2", 0)).id != _holding(store, MentionRef("a1", 0)).id


def test_a_short_name_written_beside_its_full_name_names_it_alone(tmp_path: Path) -> None:
    """ "the Halden Reserve ... the Hal" (clipped) and "the Kestria Treasury Department
    ... the Treasury" (a department's first word), three times each: a bare "Hal" or
    "Treasury" elsewhere is that body, also the one stored before the evidence came in;
    a name written only once beside it is not enough."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("b0", 1, "The Hal acted."), [_mention("Hal")])
    _feed_days(
        store, "a", range(2, 5), "The Halden Reserve met. The Hal acted.", ["Halden Reserve", "Hal"]
    )
    _feed(store, _article("b9", 9, "The Hal said."), [_mention("Hal")])
    reserve = _holding(store, MentionRef("a2", 0)).id
    assert _holding(store, MentionRef("a2", 1)).id == reserve  # beside it
    assert _holding(store, MentionRef("b9", 0)).id == reserve  # alone, after
    assert _holding(store, MentionRef("b0", 0)).id == reserve  # alone, before: merged
    _feed_days(
        store,
        "t",
        range(10, 13),
        "The Treasury Department spoke. The Treasury said.",
        ["Treasury Department", "Treasury"],
    )
    _feed(store, _article("u1", 14, "The Treasury said."), [_mention("Treasury")])
    _feed(
        store,
        _article("u2", 15, "The Department of the Treasury."),
        [_mention("Department of the Treasury")],
    )
    treasury = _holding(store, MentionRef("t10", 0)).id
    assert _holding(store, MentionRef("u1", 0)).id == treasury
    assert _holding(store, MentionRef("u2", 0)).id == treasury  # head first: a spelling


def test_a_last_word_or_a_word_opening_other_names_stays_its_own(tmp_path: Path) -> None:
    """ "the Orla House ... the House" three times: "the House" elsewhere is not it (a
    last word); "Dow" written after "Downey Savings", but opening "Dow Jones" names
    more often, stays the Dow."""
    store = Store(tmp_path / "s.db")
    _feed_days(
        store, "h", range(1, 4), "The Orla House spoke. The House said.", ["Orla House", "House"]
    )
    _feed_days(store, "h", range(9, 10), "The House voted.", ["House"])
    assert _holding(store, MentionRef("h9", 0)).id != _holding(store, MentionRef("h1", 0)).id
    _feed_days(store, "d", range(10, 14), "The Dow Jones index.", ["Dow Jones"])
    _feed_days(
        store, "s", range(14, 17), "Downey Savings failed. The Dow fell.", ["Downey Savings", "Dow"]
    )
    _feed_days(store, "s", range(20, 21), "The Dow rose.", ["Dow"])
    assert _holding(store, MentionRef("s20", 0)).id != _holding(store, MentionRef("s14", 0)).id


def test_a_first_name_beside_a_full_name_does_not_join_another_namesake(
    tmp_path: Path,
) -> None:
    """ "Mira Lund ... Mira" and later "Mira Hale ... Mira": two people; the second
    article's "Mira" is Mira Hale's there, not a key that finds Mira Lund."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(
        store,
        _article("a1", 1, "Mira Lund spoke. Mira said."),
        [_mention("Mira Lund", person), _mention("Mira", person)],
    )
    _feed(
        store,
        _article("a2", 2, "Mira Hale spoke. Mira said."),
        [_mention("Mira Hale", person), _mention("Mira", person)],
    )
    assert _holding(store, MentionRef("a2", 0)).id != _holding(store, MentionRef("a1", 0)).id
    assert _holding(store, MentionRef("a2", 1)).id == _holding(store, MentionRef("a2", 0)).id


def test_a_transcript_label_in_capitals_is_the_person_named_in_full(tmp_path: Path) -> None:
    """ "TOLLAND:" opening a transcript's lines, with "Vera Tolland" named in the
    article: her, a person; a word in capitals with no one so named stays an
    organisation ("KESTRACO")."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(
        store,
        _article("a1", 1, "I'm Vera Tolland.\nTOLLAND: Welcome.\nTOLLAND: Next.\nKESTRACO said."),
        [
            _mention("Vera Tolland", person),
            _mention("TOLLAND", person),
            _mention("TOLLAND", person),
            _mention("KESTRACO", person),
        ],
    )
    vera = _holding(store, MentionRef("a1", 0))
    assert vera.type == "PERSON" and _holding(store, MentionRef("a1", 1)).id == vera.id
    assert _holding(store, MentionRef("a1", 3)).type == "ORG"


def test_a_person_s_bare_surname_tagged_otherwise_votes_for_the_person(tmp_path: Path) -> None:
    """ "Peter Hollis" once, "Hollis" tagged ORG three times: a person, as the whole
    pile has it."""
    store = Store(tmp_path / "s.db")
    _feed(
        store,
        _article("a1", 1, "Peter Hollis wrote. Hollis said. Hollis added. Hollis left."),
        [_mention("Peter Hollis", "PERSON"), *[_mention("Hollis") for _ in range(3)]],
    )
    hollis = _holding(store, MentionRef("a1", 0))
    assert hollis.type == "PERSON" and _holding(store, MentionRef("a1", 3)).id == hollis.id


def test_a_surname_spelled_otherwise_beside_a_full_name_finds_no_namesake(
    tmp_path: Path,
) -> None:
    """ "Mair Williams ... William" and later "Dai Williams ... William" (the surname
    misspelt, joined to the full name in each article): two people, not one through
    the misspelling's key."""
    store = Store(tmp_path / "s.db")
    person = "PERSON"
    _feed(store, _article("a0", 1, "William spoke."), [_mention("William", person)])
    for aid, day, name in (("a1", 2, "Mair Williams"), ("a2", 3, "Dai Williams")):
        _feed(
            store,
            _article(aid, day, f"{name} spoke. William said."),
            [_mention(name, person), _mention("William", person)],
        )
    assert _holding(store, MentionRef("a1", 0)).id != _holding(store, MentionRef("a2", 0)).id


def test_a_place_is_no_one_s_surname_and_a_body_s_part_is_not_it(tmp_path: Path) -> None:
    """ "Velmar" tagged a place three times beside a tagger's person "Velmar VELMAR":
    still a place. "the Orla Council of Ports Committee ... the Council" three times:
    a bare "Council" elsewhere is not that committee (only a place's "X of Y" lends
    its head word: "the Gulf of Orla ... the Gulf")."""
    store = Store(tmp_path / "s.db")
    _feed(
        store,
        _article("p1", 1, "Velmar VELMAR. Velmar fell. Velmar burned. Velmar held."),
        [_mention("Velmar VELMAR", "PERSON"), *[_mention("Velmar", "GPE") for _ in range(3)]],
    )
    assert _holding(store, MentionRef("p1", 1)).type == "GPE"
    _feed_days(
        store,
        "c",
        range(2, 5),
        "The Council of Ports Committee met. The Council said.",
        ["Council of Ports Committee", "Council"],
    )
    _feed_days(store, "c", range(9, 10), "The Council voted.", ["Council"])
    assert _holding(store, MentionRef("c9", 0)).id != _holding(store, MentionRef("c2", 0)).id


def test_a_long_name_with_its_modifiers_swapped_is_one_body(tmp_path: Path) -> None:
    """ "Transitional National Council" is the "National Transitional Council" written the
    other way round, fed as the story arrives and linked as a whole pile alike; a name
    with a connector keeps its order."""
    store = Store(tmp_path / "s.db")
    _feed(
        store,
        _article("a1", 1, "The Vestan Transitional Council met."),
        [_mention("Vestan Transitional Council")],
    )
    _feed(
        store,
        _article("a2", 2, "The Transitional Vestan Council met."),
        [_mention("Transitional Vestan Council")],
    )
    _feed(store, _article("a3", 3, "The Bank of Vesta lent."), [_mention("Bank of Vesta")])
    _feed(store, _article("a4", 4, "The Vesta of Bank lent."), [_mention("Vesta of Bank")])
    assert _holding(store, MentionRef("a1", 0)).id == _holding(store, MentionRef("a2", 0)).id
    assert _holding(store, MentionRef("a3", 0)).id != _holding(store, MentionRef("a4", 0)).id
    whole = resolve_entities(
        {
            "a1": [_mention("Vestan Transitional Council")],
            "a2": [_mention("Transitional Vestan Council")],
        }
    )
    assert len(whole) == 1


def test_a_common_short_given_name_joins_the_person_fed_before(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "Edward Quillon spoke."), [_mention("Edward Quillon", "PERSON")])
    _feed(store, _article("a2", 2, "Ed Quillon spoke."), [_mention("Ed Quillon", "PERSON")])
    _feed(store, _article("a3", 3, "Jo Quillon spoke."), [_mention("Jo Quillon", "PERSON")])
    edward = _holding(store, MentionRef("a1", 0))
    assert _holding(store, MentionRef("a2", 0)).id == edward.id
    assert _holding(store, MentionRef("a3", 0)).id != edward.id


def test_a_titled_bare_surname_finds_the_post_holder_not_the_one_named_here(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "s.db")

    def m(text: str, title: str | None = None) -> EntityMention:
        return EntityMention(text, "PERSON", 0, len(text), 0, title=title)

    _feed(store, _article("a1", 1, "President Ivo Quill spoke."), [m("Ivo Quill", "President")])
    _feed(
        store,
        _article("a2", 2, "First Lady Ada Quill toured. President Quill spoke."),
        [m("Ada Quill", "First Lady"), m("Quill", "President"), m("Quill", "President")],
    )
    ivo = _holding(store, MentionRef("a1", 0))
    assert _holding(store, MentionRef("a2", 1)).id == ivo.id
    assert _holding(store, MentionRef("a2", 0)).id != ivo.id


def test_a_surname_the_article_names_in_full_is_that_person_whatever_its_tags(
    tmp_path: Path,
) -> None:
    """A live page names "Tony Halward" (and, once, "Tousle-haired Halward") and then
    writes "Halward" 12 times, tagged a place or a company more often than a person: one
    person, fed one article at a time as in the whole pile."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "Tony Halward spoke."), [_mention("Tony Halward", "PERSON")])
    bare = [_mention("Halward", label) for label in ("GPE", "ORG", "LOC", "PERSON") * 3]
    _feed(
        store,
        _article("a2", 2, "Tony Halward testified. Halward said."),
        [_mention("Tony Halward", "PERSON"), *bare, _mention("Tousle-haired Halward", "PERSON")],
    )
    tony = _holding(store, MentionRef("a1", 0))
    assert tony.type == "PERSON"
    assert all(_holding(store, MentionRef("a2", i)).id == tony.id for i in range(14))


def test_a_peer_fed_one_article_at_a_time_is_not_his_namesake(tmp_path: Path) -> None:
    """ "Lord Halberd" (a peer, by his title) and a bare "Halberd" beside him are not
    Ivo Halberd, named in full in an earlier article."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "Ivo Halberd sang."), [_mention("Ivo Halberd", "PERSON")])
    lord = EntityMention(text="Halberd", label="PERSON", start=0, end=7, sentence=0, title="Lord")
    _feed(
        store,
        _article("a2", 2, "Lord Halberd advised. Halberd said."),
        [lord, _mention("Halberd", "PERSON")],
    )
    _feed(store, _article("a3", 3, "Lord Halberd advised."), [lord])
    ivo = _holding(store, MentionRef("a1", 0))
    peer = _holding(store, MentionRef("a2", 0))
    assert peer.id != ivo.id and len(ivo.mentions) == 1 and peer.name == "Lord Halberd"
    assert (
        _holding(store, MentionRef("a2", 1)).id
        == _holding(store, MentionRef("a3", 0)).id
        == peer.id
    )


def test_a_country_tagged_a_product_beside_a_name_ending_in_it_is_the_country(
    tmp_path: Path,
) -> None:
    """A transcript where the tagger calls "Egypt" a product, beside "Daily News Egypt":
    the country, not a short name of the newspaper."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "Egypt voted."), [_mention("Egypt", "GPE")] * 3)
    _feed(
        store,
        _article("a2", 2, "Daily News Egypt wrote. Egypt is calm."),
        [_mention("Daily News Egypt", "ORG"), *[_mention("Egypt", "PRODUCT")] * 4],
    )
    egypt = _holding(store, MentionRef("a1", 0))
    assert egypt.type == "GPE" and len(egypt.mentions) == 7
    assert _holding(store, MentionRef("a2", 0)).id != egypt.id


@pytest.mark.parametrize(
    ("first", "second", "label"),
    [
        ("Qarawiyah", "Qarawiya", "GPE"),  # a transliteration's final "h"
        ("Kestrian Health Organisation", "Kestrian Health Organization", "ORG"),
        ("Kestrani", "Kestranis", "NORP"),  # a people's plural in "-is"
        ("Abdel Karim Sounes", "Abdul Karim Sounis", "PERSON"),  # Abdel / Abdul
        ("Corvane Petrol", "CorvanePetrol", "ORG"),  # one word or two
        ("al-Qarida", "al-Qareda", "ORG"),  # other vowels after the Arabic article
        ("pro-Gavadhi", "pro-Gavaddi", "NORP"),  # a side in its leader's transliterations
    ],
)
def test_two_spellings_fed_one_at_a_time_are_one_name(
    tmp_path: Path, first: str, second: str, label: str
) -> None:
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "x"), [_mention(first, label)] * 3)
    _feed(store, _article("a2", 2, "y"), [_mention(second, label)] * 3)
    assert _holding(store, MentionRef("a1", 0)).id == _holding(store, MentionRef("a2", 0)).id


def test_a_news_arm_beside_its_initialism_joins_the_body_fed_one_at_a_time(
    tmp_path: Path,
) -> None:
    """One article names "KBC News" alone, many "KBC" alone, then one both: one body."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("n0", 1, "KBC News reported."), [_mention("KBC News")])
    for day in range(1, 5):
        _feed(store, _article(f"b{day}", day, "KBC said."), [_mention("KBC")])
    _feed(
        store,
        _article("n1", 6, "KBC News reported. KBC said."),
        [_mention("KBC News"), _mention("KBC")],
    )
    kbc = _holding(store, MentionRef("b1", 0))
    assert _holding(store, MentionRef("n1", 0)).id == kbc.id
    assert _holding(store, MentionRef("n0", 0)).id == kbc.id


def test_a_name_its_country_qualifies_is_found_by_its_own_name(tmp_path: Path) -> None:
    """ "U.S. Corvane" beside "Corvane" in one article is the Corvane named alone
    elsewhere, not a second Corvane."""
    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "x"), [_mention("Corvane")] * 3)
    _feed(store, _article("a2", 2, "y"), [_mention("U.S. Corvane"), _mention("Corvane")])
    assert _holding(store, MentionRef("a1", 0)).id == _holding(store, MentionRef("a2", 1)).id


def test_links_made_by_other_link_rules_are_made_again_on_the_next_add(tmp_path: Path) -> None:
    """A store linked by an older version of the link rules (its keys would not find
    what the new rules index) is linked again in full, ids kept; then not again."""
    from storyline.link.incremental import LINK_RULES

    store = Store(tmp_path / "s.db")
    _feed(store, _article("a1", 1, "x"), [_mention("Kestrian Health Organisation")] * 2)
    assert store.link_rules() == LINK_RULES
    before = {e.id for e in store.entities()}
    with store.link_transaction() as state:
        state.set_rules(LINK_RULES - 1)
    assert relink(store)
    assert store.link_rules() == LINK_RULES and {e.id for e in store.entities()} == before
    assert not relink(store)
