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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..models import Article
from ..store import Store, StoryRow
from .stories import StoryIndex, StoryState, features

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
    rows: list[StoryRow] = field(default_factory=list)  # every live story, without members


def _load(store: Store) -> tuple[int, StoryIndex]:
    version, state = store.story_state()
    return version, StoryIndex.from_json(json.loads(state)) if state else StoryIndex()


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
    version, index = _load(store)
    plan = StoryPlan(version, index)
    todo = store.unassigned()
    before = dict(index.redirects)
    headlines: dict[str, str] = {}
    # by publication date; undated articles last, matched as of the latest day known
    undated: list[Article] = []

    def feed(day: dt.date, batch: list[Article], dated: bool) -> None:
        batch = sorted(batch, key=lambda a: a.id)
        done = index.add_day(
            day,
            [(a.id, features(_headline(a) + "\n" + a.text, (), index.params)) for a in batch],
            dated=dated,
        )
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
    plan.redirects = {old: index.resolve(old) for old in index.redirects if old not in before}
    plan.rows = _rows(store, index, headlines, plan.assignments)
    return plan


def _rows(
    store: Store, index: StoryIndex, headlines: dict[str, str], assignments: dict[str, str]
) -> list[StoryRow]:
    """A row per live story. Its title is the most central of its stored title, the
    titles of stories merged into it and its new articles' headlines: each added
    article is scored once, against the centroid of its day, never the whole story."""
    candidates: dict[str, list[str]] = {}
    for old_id, title in store.story_titles().items():
        candidates.setdefault(index.resolve(old_id), []).append(title)
    for article_id, story_id in assignments.items():
        candidates.setdefault(index.resolve(story_id), []).append(headlines[article_id])
    rows = [
        StoryRow(
            id=story.id,
            title=central_headline(index, story, candidates.get(story.id, [])),
            first=story.first,
            last=story.last,
            size=story.size,
            articles=[],  # the stored state has no member lists: ``story_rows`` reads them
        )
        for story in index.stories.values()
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
        if store.put_stories(
            json.dumps(plan.index.to_json(members=False), ensure_ascii=False),
            version=plan.version,
            assignments=plan.assignments,
            redirects=plan.redirects,
            stories=plan.rows,
        ):
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
    members = store.story_assignments()
    redirects = store.story_redirects()
    if store.unassigned():
        plan = plan_stories(store)
        redirects.update(plan.index.redirects)
        members = {a: plan.index.resolve(s) for a, s in members.items()}
        members.update({a: plan.index.resolve(s) for a, s in plan.assignments.items()})
    return Membership(members, redirects)


def story_rows(store: Store) -> Sequence[StoryRow]:
    """Every live story, largest first, including articles not assigned yet."""
    if not store.unassigned():
        return store.stories()
    # the stored state holds no member lists (``article_stories`` does): the stored
    # members, by publication date, then the planned ones in the order they joined
    plan = plan_stories(store)
    members: dict[str, list[str]] = {}
    for article_id, story_id in store.story_assignments().items():
        members.setdefault(plan.index.resolve(story_id), []).append(article_id)
    for article_id, story_id in plan.assignments.items():
        members.setdefault(plan.index.resolve(story_id), []).append(article_id)
    return [StoryRow(**{**row, "articles": members.get(row["id"], [])}) for row in plan.rows]
