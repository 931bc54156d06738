"""Stories kept in the store: new articles join the stored story index.

``assign_stories`` reads the clusterer's state from the store, feeds it only the
articles no story holds yet (day by day, in publication order), and writes the
new assignments, redirects and story rows back as one unit, guarded by the
state's version so concurrent ``add`` runs never lose each other's work. The
pile is never recomputed; running it twice changes nothing (idempotent), and
ids already minted never change (merges redirect them).

``plan_stories`` is the same computation without the write: a read-only view of
a store whose last articles were not assigned yet (an older store) shows the
stories ``add`` would write.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field

from ..errors import NotFound
from ..models import Article
from ..store import Store, StoryRow, StoryUpdate
from .stories import StoryIndex, StoryState, features, story_from_json, story_to_json

Progress = Callable[[str, int, int], None]  # (stage, done, total)

READ_AT_ONCE = 512  # articles read from the store at a time (bounded memory)
# The day an undated article is matched on when the store has no dated one: any
# fixed day does (only differences between days count), and it keeps runs equal.
UNDATED_DAY = dt.date(2000, 1, 1)
HEADLINE_CHARS = 120  # an untitled article's headline: its first sentence, at most this long


@dataclass
class StoryPlan:
    version: int  # of the stored state this plan starts from
    index: StoryIndex
    assignments: dict[str, str] = field(default_factory=dict)  # new: article -> story id
    redirects: dict[str, str] = field(default_factory=dict)  # new: old id -> live id
    # the stories this plan started, joined or merged into, without members
    rows: list[StoryRow] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # stories merged away (rows of stored ones go)
    terms: Counter[str] = field(default_factory=Counter)  # new articles per term


def _load(store: Store, todo: Sequence[str]) -> tuple[int, StoryIndex]:
    """The stored settings, document count and redirects, and the stories the
    articles ``todo`` can reach: those quiet for less than ``reach_days`` before
    the first of them (or before the latest story day, for undated ones). A story
    quiet longer can neither be joined nor merged into, so leaving it out
    changes nothing, and the read follows what an add touches, not the store."""
    version, state = store.story_state()
    index = StoryIndex.from_json(json.loads(state)) if state else StoryIndex()
    index.redirects.update(store.story_redirects())
    latest = store.latest_story_day()
    if latest is None:
        return version, index
    # undated articles are matched as of the latest story day, which is then at or
    # after the first dated one's: its reach covers theirs
    first = store.articles(todo[:1])
    dated = first[0].published if first else None
    day = dated if dated is not None else dt.date.fromisoformat(latest)
    since = day - dt.timedelta(days=math.ceil(index.reach_days()) + 1)
    for story in store.story_states(since.isoformat()):
        index.add_story(story_from_json(json.loads(story)))
    return version, index


def _headline(article: Article) -> str:
    """The article's title, else the start of its first line."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    first = " ".join(article.text.strip().split("\n", 1)[0].split())
    end = first.find(". ", 0, HEADLINE_CHARS)
    if end > 0:
        return first[: end + 1]
    if len(first) <= HEADLINE_CHARS:
        return first
    return first[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


def _latest_day(index: StoryIndex) -> dt.date | None:
    days = [s.last for s in index.stories.values()]
    return dt.date.fromisoformat(max(days)) if days else None


def plan_stories(store: Store, *, progress: Progress | None = None) -> StoryPlan:
    """Assign the articles no story holds yet against the stored index (no write)."""
    todo = store.unassigned()
    version, index = _load(store, todo)
    plan = StoryPlan(version, index)
    before = dict(index.redirects)
    headlines: dict[str, str] = {}
    # by publication date; undated articles last, matched as of the latest day known
    undated: list[Article] = []
    known: set[str] = set()  # terms whose stored document frequency is in index.df

    def read_terms(terms: Iterable[str]) -> None:
        # once per term: after that, index.df holds its count and the plan's additions
        missing = {t for t in terms if t not in known}
        if missing:
            index.df.update(store.story_terms(missing))
            known.update(missing)

    def feed(day: dt.date, batch: list[Article], dated: bool) -> None:
        batch = sorted(batch, key=lambda a: a.id)
        items = [(a.id, features(_headline(a) + "\n" + a.text, (), index.params)) for a in batch]
        read_terms({t for _, counts in items for t in counts})
        for _, counts in items:
            plan.terms.update(counts.keys())
        done = index.add_day(day, items, dated=dated)
        plan.assignments.update((a.article, a.story) for a in done)
        headlines.update((a.id, _headline(a)) for a in batch)

    carry: list[Article] = []  # the last day read, which the next read may continue
    for start in range(0, len(todo), READ_AT_ONCE):
        chunk = carry + store.articles(todo[start : start + READ_AT_ONCE])
        by_day: dict[dt.date, list[Article]] = {}
        for article in chunk:
            if article.published is None:
                undated.append(article)
            else:
                by_day.setdefault(article.published, []).append(article)
        days = sorted(by_day)
        carry = by_day.pop(days.pop()) if days and start + READ_AT_ONCE < len(todo) else []
        for day in days:
            feed(day, by_day[day], True)
        if progress:
            progress("stories", min(start + READ_AT_ONCE, len(todo)), len(todo))
    if undated:
        feed(_latest_day(index) or UNDATED_DAY, undated, False)
    new_redirects = [old for old in index.redirects if old not in before]
    plan.redirects = {old: index.resolve(old) for old in new_redirects}
    plan.gone = sorted(new_redirects)
    changed = sorted(sid for sid in index.changed if sid in index.stories)
    # title candidates: the story's stored title first (it stays on a tie), then
    # those of the stories merged into it, then its new articles' headlines
    stored = store.story_titles([*changed, *plan.gone])
    candidates: dict[str, list[str]] = {sid: [stored[sid]] for sid in changed if sid in stored}
    for old_id in plan.gone:
        if old_id in stored:
            candidates.setdefault(index.resolve(old_id), []).append(stored[old_id])
    for article_id, story_id in plan.assignments.items():
        candidates.setdefault(index.resolve(story_id), []).append(headlines[article_id])
    read_terms(
        t
        for titles in candidates.values()
        for text in titles
        for t in features(text, (), index.params)
    )
    plan.rows = _rows(index, changed, candidates)
    return plan


def _rows(
    index: StoryIndex, changed: Sequence[str], candidates: dict[str, list[str]]
) -> list[StoryRow]:
    """A row per story the plan changed. Its title is the most central of its stored
    title, the titles of stories merged into it and its new articles' headlines: each
    added article is scored once, against the centroid of its day, never the whole
    story (a story the plan did not change keeps its stored row)."""
    rows = [
        StoryRow(
            id=story.id,
            title=central_headline(index, story, candidates.get(story.id, [])),
            first=story.first,
            last=story.last,
            size=story.size,
            articles=[],  # members are rows of their own: ``story_rows`` reads them
        )
        for story in map(index.stories.__getitem__, changed)
    ]
    rows.sort(key=lambda r: (-r["size"], r["first"], r["id"]))
    return rows


def central_headline(index: StoryIndex, story: StoryState, headlines: Sequence[str]) -> str:
    """The headline nearest the story's centroid (ties: the first given)."""
    best, best_score = "", -1.0
    for text in headlines:
        vec = index.vector(features(text, (), index.params))
        score = sum(w * story.centroid.get(t, 0.0) for t, w in vec.items())
        if score > best_score:
            best, best_score = text, score
    return best


def assign_stories(
    store: Store, *, progress: Progress | None = None, attempts: int = 3
) -> StoryPlan:
    """Assign new articles to stories and store the result (see the module doc)."""
    plan = plan_stories(store, progress=progress)
    for _ in range(attempts):
        if not plan.assignments and not plan.redirects:
            return plan
        index = plan.index
        update = StoryUpdate(
            meta=json.dumps({"version": 2, "params": asdict(index.params), "docs": index.docs}),
            assignments=plan.assignments,
            redirects=plan.redirects,
            rows=plan.rows,
            states={
                r["id"]: json.dumps(story_to_json(index.stories[r["id"]], members=False))
                for r in plan.rows
            },
            gone=plan.gone,
            terms=plan.terms,
        )
        if store.put_stories(update, version=plan.version):
            return plan
        plan = plan_stories(store, progress=progress)  # a concurrent add moved the state: redo
    return plan


@dataclass
class Membership:
    """Which live story each article is in, and where every story id ever minted leads."""

    members: dict[str, str]  # article id -> live story id
    redirects: dict[str, str]  # merged-away id -> the id it joined (maybe itself redirected)

    def resolve(self, story_id: str) -> str | None:
        """The live id ``story_id`` leads to; None when no story has that id."""
        seen: set[str] = set()
        while story_id in self.redirects and story_id not in seen:
            seen.add(story_id)
            story_id = self.redirects[story_id]
        return story_id if story_id in set(self.members.values()) else None


def story_membership(store: Store) -> Membership:
    """Stories as stored, plus what ``add`` would assign to articles not assigned yet."""
    redirects = store.story_redirects()
    if not store.unassigned():
        return Membership(store.story_assignments(), redirects)
    plan = plan_stories(store)
    redirects.update(plan.index.redirects)
    return Membership(_planned_members(store, plan), redirects)


def story_articles(store: Store, story_id: str) -> list[str]:
    """The articles of story ``story_id`` (a merged-away id leads to its story), by
    publication date, as ``story_membership`` has them; NotFound when there is no
    such story. With every article in a story, only that story's rows are read, so
    a small story costs the same in any pile."""
    if not store.unassigned():
        return store.story_members(store.resolve_story(story_id))
    membership = story_membership(store)  # the plan for unassigned articles reads the pile
    live = membership.resolve(story_id)
    if live is None:
        raise NotFound(
            f"no story with id {story_id!r}; `storyline stories` lists them", code="E407"
        )
    return [a for a, s in membership.members.items() if s == live]


def _planned_members(store: Store, plan: StoryPlan) -> dict[str, str]:
    """Article id -> live story id after ``plan``: the stored members by publication
    date, then the planned ones in the order they joined."""
    members = {a: plan.index.resolve(s) for a, s in store.story_assignments().items()}
    members.update((a, plan.index.resolve(s)) for a, s in plan.assignments.items())
    return members


def story_rows(store: Store) -> Sequence[StoryRow]:
    """Every live story, largest first, including articles not assigned yet."""
    if not store.unassigned():
        return store.stories()
    # the stored rows, less the stories the plan merged away, with the plan's rows for
    # the ones it changed
    plan = plan_stories(store)
    rows = {r["id"]: r for r in store.stories()}
    for gone in plan.gone:
        rows.pop(gone, None)
    rows.update((r["id"], r) for r in plan.rows)
    members: dict[str, list[str]] = {}
    for article_id, story_id in _planned_members(store, plan).items():
        members.setdefault(story_id, []).append(article_id)
    out = [StoryRow(**{**row, "articles": members.get(row["id"], [])}) for row in rows.values()]
    out.sort(key=lambda r: (-r["size"], r["first"], r["id"]))
    return out
