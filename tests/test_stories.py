"""Stories in a mixed pile (issue 21): the online clusterer, its scores, the
stored story index, the `stories` command and `--story`. Hand-built texts only."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score
from typer.testing import CliRunner

from storyline.eval.stories import adjusted_rand, batch, bcubed, bcubed_items, load_pile, online
from storyline.link.stories import (
    PileItem,
    StoryIndex,
    StoryParams,
    cluster_pile,
    features,
    story_to_json,
)
from storyline.link.story_index import assign_stories, story_membership
from storyline.models import Article
from storyline.present.cli import _story_first, app
from storyline.store import Store, StoryRow, StoryUpdate

runner = CliRunner()

# Two stories that share no names: a flood in a river town, a chess championship.
FLOOD = [
    "The Varna river burst its banks in Ostrovet on Monday, flooding the old town. "
    "Rescue teams from Ostrovet evacuated residents as the Varna kept rising.",
    "Floodwater from the Varna covered Ostrovet's main square. Mayor Ilse Dahl asked "
    "residents to leave; rescue boats carried families from flooded homes.",
    "In Ostrovet the Varna fell back overnight. Mayor Dahl said the flood damaged "
    "hundreds of homes and rescue teams searched the flooded streets.",
    "Ostrovet counts the cost of the Varna flood: insurers estimate the damage to homes, "
    "and Mayor Dahl asks for rescue funds for the flooded town.",
]
CHESS = [
    "Grandmaster Teodor Brandl won the opening game of the Kestrel chess championship "
    "against Mira Solis, sacrificing a knight on move twenty.",
    "Mira Solis levelled the Kestrel championship match with Brandl, her rook endgame "
    "holding against the grandmaster's attack.",
    "Brandl and Solis drew the third game of the Kestrel chess championship after the "
    "grandmaster offered a knight trade.",
    "The Kestrel championship goes to a tiebreak: Solis and Brandl drew again, "
    "the grandmaster's knight manoeuvre answered by Solis's rook.",
]
DAY = dt.date(2031, 3, 3)


def pile() -> tuple[list[PileItem], dict[str, str]]:
    items, gold = [], {}
    for n, (flood, chess) in enumerate(zip(FLOOD, CHESS, strict=True)):
        day = DAY + dt.timedelta(days=n)
        items += [PileItem(f"flood-{n}", day, flood), PileItem(f"chess-{n}", day, chess)]
        gold |= {f"flood-{n}": "flood", f"chess-{n}": "chess"}
    return items, gold


# ---- scores on hand examples ---------------------------------------------------


def test_bcubed_by_hand() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    items = bcubed_items(predicted, gold)
    # a, b: cluster x = {a, b}, both gold 1: precision 1, recall 2/3
    assert items["a"] == pytest.approx((1.0, 2 / 3))
    # c: cluster y = {c, d, e}, one of three is gold 1; recall 1/3
    assert items["c"] == pytest.approx((1 / 3, 1 / 3))
    # d, e: two of three in y are gold 2; recall 2/2
    assert items["d"] == pytest.approx((2 / 3, 1.0))
    p, r, f = bcubed(predicted, gold)
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_bcubed_extremes() -> None:
    gold = {str(i): i % 3 for i in range(9)}
    assert bcubed(gold, gold) == pytest.approx((1.0, 1.0, 1.0))
    one = {i: "all" for i in gold}
    p, r, _ = bcubed(one, gold)
    assert (p, r) == pytest.approx((1 / 3, 1.0))
    singletons = {i: i for i in gold}
    p, r, _ = bcubed(singletons, gold)
    assert (p, r) == pytest.approx((1.0, 1 / 3))
    # an article the system never placed counts as a story of its own
    p, r, _ = bcubed({}, gold)
    assert (p, r) == pytest.approx((1.0, 1 / 3))


def test_adjusted_rand_by_hand_and_against_sklearn() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert adjusted_rand({"a": 0, "b": 0, "c": 1, "d": 1}, gold) == pytest.approx(1.0)
    # Hubert & Arabie by hand: pairs 6; index = 0; expected = 2*2/6; max = 2
    assert adjusted_rand({"a": 0, "b": 1, "c": 0, "d": 1}, gold) == pytest.approx(
        (0 - 4 / 6) / (2 - 4 / 6)
    )
    rng = random.Random(7)
    for _ in range(20):
        n = rng.randint(2, 40)
        g = [rng.randint(0, 4) for _ in range(n)]
        p = [rng.randint(0, 5) for _ in range(n)]
        ours = adjusted_rand({str(i): p[i] for i in range(n)}, {str(i): g[i] for i in range(n)})
        assert ours == pytest.approx(adjusted_rand_score(g, p))


# ---- the online clusterer ---------------------------------------------------------


def test_features_weigh_names_and_drop_stop_words() -> None:
    counts = features("Officials said the Varna flooded. Rescue teams reached Varna.")
    assert "said" not in counts and "the" not in counts
    assert counts["varna"] > counts["rescue"]  # "Varna" mid-sentence is a name


def test_two_stories_apart() -> None:
    items, gold = pile()
    predicted = online(items)
    assert bcubed(predicted, gold)[2] == pytest.approx(1.0)
    assert set(predicted.values()) == {"s-flood-0", "s-chess-0"}  # minted from the first article


def test_ids_stable_when_later_articles_arrive() -> None:
    items, _ = pile()
    early = [i for i in items if i.published < DAY + dt.timedelta(days=2)]
    index = cluster_pile(early)
    before = index.clusters()
    later = [i for i in items if i.published >= DAY + dt.timedelta(days=2)]
    cluster_pile(later, index=index)
    after = index.clusters()
    assert {a: after[a] for a in before} == before
    assert after["flood-3"] == before["flood-0"] and after["chess-3"] == before["chess-0"]
    # a saved index goes on exactly as the one in memory
    saved = StoryIndex.from_json(json.loads(json.dumps(cluster_pile(early).to_json())))
    assert cluster_pile(later, index=saved).clusters() == after


def test_merge_redirects_the_old_id() -> None:
    # joining is made nearly impossible, so a report and its update start two stories
    # on the same day; their centroids are close, so the day ends with a merge
    params = StoryParams(join=0.99, merge=0.3)
    index = StoryIndex(params)
    update = FLOOD[0] + " Forecasters warned of more rain."
    day = [("flood-a", features(FLOOD[0], (), params)), ("flood-b", features(update, (), params))]
    done = index.add_day(DAY, day)
    assert [a.new_story for a in done] == [True, True]
    assert index.redirects == {"s-flood-b": "s-flood-a"}
    assert index.resolve("s-flood-b") == "s-flood-a"
    assert index.story_of("flood-b") == "s-flood-a"
    assert {a.story for a in done} == {"s-flood-a"}  # assignments come back resolved
    assert list(index.stories) == ["s-flood-a"] and index.stories["s-flood-a"].size == 2


def test_quiet_story_attracts_less() -> None:
    params = StoryParams()
    index = StoryIndex(params)
    index.add_day(DAY, [("flood-0", features(FLOOD[0], (), params))])
    index.add_day(DAY, [("flood-1", features(FLOOD[1], (), params))])
    assert index.story_of("flood-1") == "s-flood-0"
    # the same report two years later starts a story of its own
    late = DAY + dt.timedelta(days=730)
    index.add_day(late, [("flood-2", features(FLOOD[2], (), params))])
    assert index.story_of("flood-2") == "s-flood-2"


def test_batch_agrees_on_an_easy_pile() -> None:
    items, gold = pile()
    assert bcubed(batch(items), gold)[2] == pytest.approx(1.0)


# ---- eval stories -------------------------------------------------------------------


def _news_tls(root: Path) -> Path:
    items, gold = pile()
    for topic in ("flood", "chess"):
        folder = root / topic
        folder.mkdir(parents=True)
        rows = [
            {"id": i.id, "time": i.published.isoformat(), "source": "x", "text": i.text}
            for i in items
            if gold[i.id] == topic
        ]
        with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
        (folder / "timelines.jsonl").write_text("[]\n", encoding="utf-8")
    return root


def test_eval_stories_command(tmp_path: Path) -> None:
    data = _news_tls(tmp_path / "data")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["eval", "stories", str(data), "--json", "--batch", "--predictions", str(out)]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    for key in ("articles", "stories", "b3_precision", "b3_recall", "b3_f1", "ari", "seconds"):
        assert key in payload
    assert payload["articles"] == 8 and payload["stories"] == 2
    assert payload["b3_f1"] == 1.0 and payload["batch_b3_f1"] == 1.0
    rows = [json.loads(line) for line in (out / "clusters.jsonl").read_text().splitlines()]
    assert {r["id"] for r in rows} == set(load_pile(data)[1])
    assert {r["story"] for r in rows} == {"s-flood-0", "s-chess-0"}


def test_eval_stories_bad_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["eval", "stories", str(tmp_path / "empty")])
    assert result.exit_code != 0


# ---- stories in the store -------------------------------------------------------------


def _store(path: Path, days: range) -> Store:
    store = Store(path)
    articles = []
    for n in days:
        day = DAY + dt.timedelta(days=n)
        articles += [
            Article(id=f"flood{n}", text=FLOOD[n], title=f"Flood day {n}", published=day),
            Article(id=f"chess{n}", text=CHESS[n], title=f"Chess day {n}", published=day),
        ]
    store.add_articles(articles)
    return store


def test_store_assignment_is_incremental_idempotent_and_stable(tmp_path: Path) -> None:
    store = _store(tmp_path / "s.db", range(2))
    assert len(assign_stories(store).assignments) == 4
    first = store.story_assignments()
    assert set(first.values()) == {"s-flood0", "s-chess0"}
    assert not assign_stories(store).assignments  # nothing new: nothing written
    version = store.story_state()[0]
    store.add_articles(
        [
            Article(
                id=f"{kind}{n}",
                text=texts[n],
                title=f"{kind} {n}",
                published=DAY + dt.timedelta(days=n),
            )
            for n in (2, 3)
            for kind, texts in (("flood", FLOOD), ("chess", CHESS))
        ]
    )
    assert set(assign_stories(store).assignments) == {"flood2", "chess2", "flood3", "chess3"}
    assert store.story_state()[0] == version + 1
    after = store.story_assignments()
    assert {a: after[a] for a in first} == first
    # the same pile stored at once gets the same stories
    whole = _store(tmp_path / "w.db", range(4))
    assign_stories(whole)
    assert whole.story_assignments() == after
    rows = store.stories()
    assert [(r["id"], r["size"], r["first"], r["last"]) for r in rows] == [
        ("s-chess0", 4, "2031-03-03", "2031-03-06"),
        ("s-flood0", 4, "2031-03-03", "2031-03-06"),
    ]
    assert rows[1]["title"].startswith("Flood day")
    # one story's articles read through the story index: the same as the pile's rows
    for r in rows:
        assert store.story_members(r["id"]) == r["articles"]
        assert [a for a, s in after.items() if s == r["id"]] == r["articles"]


def test_store_reads_the_stories_in_reach_and_assigns_as_the_whole_index(
    tmp_path: Path,
) -> None:
    """Stories quiet for longer than ``reach_days`` are not read, and the stored
    assignments equal those of one in-memory index fed the whole pile."""
    from storyline.link.story_index import _headline, _load

    store = Store(tmp_path / "s.db")
    everything: list[Article] = []
    for offset in (0, 100, 600, 800):  # 100 and 200 days: in reach; 500: out of it
        batch = [
            Article(
                id=f"{kind}{offset}-{n}",
                text=texts[n],
                title=f"{kind} {n}",
                published=DAY + dt.timedelta(days=offset + n),
            )
            for n in range(4)
            for kind, texts in (("flood", FLOOD), ("chess", CHESS))
        ]
        store.add_articles(batch)
        if offset == 800:  # only the stories of 600 days are read
            _, index = _load(store, store.unassigned())
            assert set(index.stories) == {"s-flood600-0", "s-chess600-0"}
        assign_stories(store)
        everything += batch
    whole = cluster_pile(
        PileItem(a.id, a.published, _headline(a) + "\n" + a.text)
        for a in everything
        if a.published is not None
    )
    assert store.story_assignments() == {a.id: whole.story_of(a.id) for a in everything}
    assert len(set(store.story_assignments().values())) == 4  # in reach: the same stories


def test_a_store_from_before_migration_nine_keeps_its_stories(tmp_path: Path) -> None:
    """A state stored as one JSON (members included) becomes rows; the next add
    assigns as in a store that kept rows from the start."""
    from sqlalchemy import delete, text, update

    from storyline.link.story_index import _headline
    from storyline.store import schema

    old, new = _store(tmp_path / "old.db", range(2)), _store(tmp_path / "new.db", range(2))
    assign_stories(old)
    assign_stories(new)
    articles = old.articles()
    whole = cluster_pile(
        PileItem(a.id, a.published, _headline(a) + "\n" + a.text)
        for a in articles
        if a.published is not None
    )
    with old.engine.begin() as conn:  # as a store last migrated by version 8 was
        conn.execute(text("DROP TABLE story_states"))
        conn.execute(text("DROP TABLE story_terms"))
        idx = schema.story_index
        conn.execute(update(idx).values(state=json.dumps(whole.to_json())))
        conn.execute(delete(schema.migrations).where(schema.migrations.c.version == 9))
    old.close()
    old = Store(tmp_path / "old.db")
    assert old.story_terms(["varna", "kestrel"]) == new.story_terms(["varna", "kestrel"])
    assert "flood0" not in old.story_state()[1]
    for store in (old, new):
        store.add_articles(
            [
                Article(id=f"{k}{n}", text=t[n], title=f"{k} {n}", published=DAY + dt.timedelta(days=n))
                for n in (2, 3)
                for k, t in (("flood", FLOOD), ("chess", CHESS))
            ]
        )
        assign_stories(store)
    assert old.story_assignments() == new.story_assignments()
    assert old.stories() == new.stories()


def test_store_redirect_after_merge(tmp_path: Path) -> None:
    store = _store(tmp_path / "s.db", range(0))
    store.add_articles(
        [
            Article(id="a", text=FLOOD[0], published=DAY),
            Article(id="b", text=FLOOD[1], published=DAY),
        ]
    )
    version, _ = store.story_state()
    # two stories, then the index says b's story merged into a's: stored as a redirect
    index = StoryIndex(StoryParams(join=0.99, merge=0.3))
    update = FLOOD[0] + " Forecasters warned of more rain."
    index.add_day(DAY, [(a, features(t)) for a, t in (("a", FLOOD[0]), ("b", update))])
    row: StoryRow = {
        "id": "s-a",
        "title": "t",
        "first": DAY.isoformat(),
        "last": DAY.isoformat(),
        "size": 2,
        "articles": [],
    }
    update = StoryUpdate(
        meta=json.dumps({"docs": index.docs}),
        assignments={"a": "s-a", "b": "s-b"},
        redirects=index.redirects,
        rows=[row],
        states={"s-a": json.dumps(story_to_json(index.stories["s-a"]))},
        gone=["s-b"],
        terms={"flood": 2},
    )
    assert store.put_stories(update, version=version)
    assert store.resolve_story("s-b") == "s-a"
    assert store.story_assignments() == {"a": "s-a", "b": "s-a"}
    assert story_membership(store).resolve("s-b") == "s-a"
    assert store.story_members("s-a") == ["a", "b"]  # b's row still names s-b
    assert store.story_members("s-gone") == []
    assert store.story_terms(["flood", "nothing"]) == {"flood": 2}
    # a writer that read the old version is refused
    assert not store.put_stories(update, version=version)


def test_stories_command_and_story_filter(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = _store(db, range(4))
    assign_stories(store)
    store.close()
    result = runner.invoke(app, ["--db", str(db), "stories", "--json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    stories = json.loads(result.stdout)["stories"]
    assert [s["id"] for s in stories] == ["s-chess0", "s-flood0"]
    assert set(stories[1]) >= {"id", "title", "articles", "first", "last", "size"}
    assert sorted(stories[1]["articles"]) == [f"flood{n}" for n in range(4)]
    text = runner.invoke(app, ["--db", str(db), "stories"])
    assert "s-flood0" in text.stdout and "4 articles" in text.stdout
    # --story ID: the views hold that story's articles only
    result = runner.invoke(app, ["--db", str(db), "--story", "s-flood0", "articles", "--json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    ids = {a["id"] for a in json.loads(result.stdout)["articles"]}
    assert ids == {f"flood{n}" for n in range(4)}
    result = runner.invoke(app, ["--db", str(db), "--story", "s-nope", "articles", "--json"])
    assert result.exit_code == 1 and "E407" in result.stderr


def test_story_option_after_the_subcommand() -> None:
    assert _story_first(["articles", "--json", "--story", "s-x"]) == [
        "--story",
        "s-x",
        "articles",
        "--json",
    ]
    assert _story_first(["timeline", "--story=s-x"]) == ["--story=s-x", "timeline"]
    assert _story_first(["eval", "stories", "DIR"]) == ["eval", "stories", "DIR"]


def test_unassigned_store_shows_what_add_would_store(tmp_path: Path) -> None:
    # a store made before stories existed (or read-only): the view computes them
    db = tmp_path / "s.db"
    _store(db, range(4)).close()
    result = runner.invoke(app, ["--db", str(db), "stories", "--json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert [s["id"] for s in json.loads(result.stdout)["stories"]] == ["s-chess0", "s-flood0"]


def test_partly_assigned_store_shows_every_member(tmp_path: Path) -> None:
    """The stored state holds no member lists: the view reads the stored members
    and adds the ones ``add`` would assign, as ``assign_stories`` then stores them."""
    db = tmp_path / "s.db"
    store = _store(db, range(2))
    assign_stories(store)
    assert '"flood0"' not in store.story_state()[1]  # members are rows, not state
    store.add_articles(
        [
            Article(id=f"{kind}{n}", text=texts[n], title=f"{kind} {n}", published=DAY + dt.timedelta(days=n))
            for n in (2, 3)
            for kind, texts in (("flood", FLOOD), ("chess", CHESS))
        ]
    )
    store.close()

    def shown() -> list[tuple[str, list[str]]]:
        result = runner.invoke(app, ["--db", str(db), "stories", "--json"])
        assert result.exit_code == 0, result.stdout + result.stderr
        return [(s["id"], sorted(s["articles"])) for s in json.loads(result.stdout)["stories"]]

    planned = shown()
    assert planned == [
        ("s-chess0", [f"chess{n}" for n in range(4)]),
        ("s-flood0", [f"flood{n}" for n in range(4)]),
    ]
    with Store(db) as store:
        assign_stories(store)
    assert shown() == planned


def test_add_assigns_stories(sample_db: Path) -> None:
    # the sample corpus is one story: `add` stored every article in it
    with Store(sample_db, read_only=True) as store:
        members = store.story_assignments()
        assert set(members) == set(store.article_ids())
        assert not store.unassigned()
        rows = store.stories()
    assert len(rows) == 1 and rows[0]["size"] == len(members)
    assert rows[0]["title"]


def test_undated_articles_join_without_moving_dates(tmp_path: Path) -> None:
    store = _store(tmp_path / "s.db", range(3))
    store.add_articles([Article(id="undated", text=FLOOD[3], title="Flood, undated")])
    assign_stories(store)
    assert store.story_assignments()["undated"] == "s-flood0"
    flood = next(r for r in store.stories() if r["id"] == "s-flood0")
    assert (flood["size"], flood["first"], flood["last"]) == (4, "2031-03-03", "2031-03-05")


def test_days_split_across_reads_are_fed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.link.story_index as story_index

    whole = _store(tmp_path / "w.db", range(4))
    assign_stories(whole)
    monkeypatch.setattr(story_index, "READ_AT_ONCE", 3)  # reads end inside days
    split = _store(tmp_path / "s.db", range(4))
    assign_stories(split)
    assert split.story_assignments() == whole.story_assignments()
    assert split.story_state()[1] == whole.story_state()[1]


def test_saved_settings_stay_with_the_index() -> None:
    index = cluster_pile(pile()[0], StoryParams(join=0.07))
    data = json.loads(json.dumps(index.to_json()))
    data["params"]["retired_setting"] = 1  # from another version: ignored
    assert StoryIndex.from_json(data).params == StoryParams(join=0.07)
