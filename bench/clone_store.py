"""A big store without annotating it: clones of the annotated articles of real stores.

    .venv/bin/python bench/clone_store.py OUT.db --articles 5000 [--from /work/stores/h1n1.db ...]

Running spaCy over 5,000 articles costs an hour of a shared CPU; what a scale
test of the read side needs is only a store of that size with realistic
annotations. Each clone copies one annotated source article (round robin over
the sources) with a new id, an outlet of its own (the source outlet with a
suffix, so a pile has dozens of outlets, as a real one does) and its dates
shifted by a few days: the publication day, and every day-level date value
and interval in its annotations (week, month and year values are left as
they are: a few days seldom move them). Entities keep their names and gain
the clones' mentions; copies are cloned within each round, so the rate of
syndicated copies stays the source's. Texts repeat, so the full-text index
finds each sentence once per clone: search answers stay bounded by their limit.

``clone_store`` is the function; benchmarks (``bench/web_pages.py``) call it.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import datetime as dt
import hashlib
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.models import Annotations, Article, Copy, Entity, MentionRef  # noqa: E402
from storyline.store import Store  # noqa: E402

DEFAULT_SOURCES = [Path("/work/stores/h1n1.db"), Path("/work/stores/haiti.db")]
OUTLET_VARIANTS = 12  # outlets per source outlet
MAX_SHIFT_DAYS = 6
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _shift_day(value: str, days: int) -> str:
    """A day value (YYYY-MM-DD) moved by ``days``; anything else unchanged."""
    if not _DAY.match(value):
        return value
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return value


def _shift_record(record: Any, days: int) -> Any:
    """A timex or sentence date moved by ``days`` when its value is a day."""
    value = getattr(record, "value", None)
    if not isinstance(value, str) or not _DAY.match(value):
        return record
    changes: dict[str, Any] = {"value": _shift_day(value, days)}
    for name in ("interval_start", "interval_end"):
        day = getattr(record, name, None)
        if isinstance(day, dt.date):
            changes[name] = day + dt.timedelta(days=days)
    return dataclasses.replace(record, **changes)


_LOWER_WORD = re.compile(r"[a-z]+")


def scramble(text: str, ann: Annotations, round_: int) -> tuple[str, Annotations]:
    """The clone's text with each sentence's lower-case words outside entity
    mentions shuffled among the words of the same length (round 0: as it was).

    Offsets, names, sentence bounds and every sentence's bag of words stay (so
    entities and stories stay the source's), while word sequences change, so a
    round's clones are no copies of another round's: a pile of N clones is not
    one where every article has N / len(sources) verbatim copies. The shuffle is
    seeded by the round and the sentence, so the source's syndicated copies are
    copies of each other again within a round."""
    if round_ == 0:
        return text, ann
    names = sorted((m.start, m.end) for m in ann.mentions)
    chars = list(text)
    for sent in ann.sentences:
        segment = text[sent.start : sent.end]
        rng = random.Random(f"{round_}/{segment}")
        by_length: dict[int, list[tuple[int, int]]] = {}
        for m in _LOWER_WORD.finditer(segment):
            a, b = sent.start + m.start(), sent.start + m.end()
            k = bisect.bisect_right(names, (a, len(text) + 1)) - 1
            if k >= 0 and names[k][0] <= a < names[k][1]:
                continue  # inside a name
            by_length.setdefault(b - a, []).append((a, b))
        for spans in by_length.values():
            words = [text[a:b] for a, b in spans]
            rng.shuffle(words)
            for (a, b), word in zip(spans, words, strict=True):
                chars[a:b] = word
    out = "".join(chars)

    def resliced(record: Any) -> Any:
        return dataclasses.replace(record, text=out[record.start : record.end])

    return out, dataclasses.replace(
        ann,
        sentences=tuple(map(resliced, ann.sentences)),
        quotes=tuple(map(resliced, ann.quotes)),
    )


def clone_id(source_id: str, round_: int) -> str:
    return hashlib.sha256(f"{source_id}/{round_}".encode()).hexdigest()[:16]


def copy_annotated(
    source: Store, store: Store, ids: list[str], pipeline: str, batch: int = 500
) -> None:
    """The articles ``ids`` of ``source`` and their stored annotations, written into
    ``store`` as ``pipeline``'s, a batch at a time (a big pile's annotations fill
    gigabytes)."""
    for start in range(0, len(ids), batch):
        part = ids[start : start + batch]
        annotations = source.annotations(part)
        store.add_articles(source.articles(part))
        store.put_annotations([annotations[i] for i in part], pipeline)


def timed_link(store: Store) -> tuple[float, float]:
    """Seconds to link the store's unlinked articles (``api.relink``), then to put
    them in stories (``api.assign_stories``): how a store of clones is built."""
    from storyline.api import assign_stories, relink

    started = time.perf_counter()
    relink(store)
    linked = time.perf_counter()
    assign_stories(store)
    return linked - started, time.perf_counter() - linked


def clone_store(
    target: Path,
    n_articles: int,
    sources: list[Path] | None = None,
    batch: int = 250,
    *,
    distinct: bool = False,
) -> Path:
    """Write a store of ``n_articles`` clones of the annotated articles of ``sources``;
    ``distinct``: each round's texts ``scramble``d (no copies across rounds)."""
    originals: list[tuple[Article, Annotations]] = []
    entities: dict[str, Entity] = {}
    copies: list[Copy] = []
    for path in sources or DEFAULT_SOURCES:
        with Store(path, read_only=True) as store:
            annotations = store.annotations()
            originals += [(a, annotations[a.id]) for a in store.articles() if a.id in annotations]
            for e in store.entities():
                if e.id in entities:  # the same actor in two sources: one entity, all mentions
                    old = entities[e.id]
                    aliases = tuple(dict.fromkeys((*old.aliases, *e.aliases)))
                    entities[e.id] = dataclasses.replace(
                        old, aliases=aliases, mentions=old.mentions + e.mentions
                    )
                else:
                    entities[e.id] = e
            copies += store.copies()
    if not originals:
        raise SystemExit("no annotated articles in the sources")
    mentions_of: dict[str, list[tuple[str, int]]] = {}  # article -> (entity, mention index)
    for e in entities.values():
        for ref in e.mentions:
            mentions_of.setdefault(ref.article, []).append((e.id, ref.index))
    copies_of = {c.article: c for c in copies}
    new_mentions: dict[str, list[MentionRef]] = {eid: [] for eid in entities}
    new_copies: list[Copy] = []
    target.unlink(missing_ok=True)
    with Store(target) as out:
        pending: list[tuple[Article, Annotations]] = []
        for i in range(n_articles):
            article, ann = originals[i % len(originals)]
            round_ = i // len(originals)
            days = (i * 7 + round_) % (MAX_SHIFT_DAYS + 1)
            new_id = clone_id(article.id, round_)
            outlet = f"{article.outlet or 'outlet'} {1 + (i // 7) % OUTLET_VARIANTS}"
            published = article.published + dt.timedelta(days=days) if article.published else None
            text, ann = scramble(article.text, ann, round_) if distinct else (article.text, ann)
            pending.append(
                (
                    dataclasses.replace(
                        article, id=new_id, outlet=outlet, published=published, text=text
                    ),
                    dataclasses.replace(
                        ann,
                        article_id=new_id,
                        timexes=tuple(_shift_record(t, days) for t in ann.timexes),
                        sentence_dates=tuple(_shift_record(d, days) for d in ann.sentence_dates),
                    ),
                )
            )
            for eid, index in mentions_of.get(article.id, ()):
                new_mentions[eid].append(MentionRef(new_id, index))
            copy = copies_of.get(article.id)
            if copy is not None:
                new_copies.append(
                    dataclasses.replace(
                        copy, article=new_id, copy_of=clone_id(copy.copy_of, round_)
                    )
                )
            if len(pending) >= batch or i == n_articles - 1:
                out.add_articles([a for a, _ in pending])
                out.put_annotations([b for _, b in pending], "cloned")
                pending = []
        ids = set(out.article_ids())
        kept_entities = [
            dataclasses.replace(e, mentions=tuple(new_mentions[e.id]))
            for e in entities.values()
            if new_mentions[e.id]
        ]
        out.replace_links(kept_entities, [c for c in new_copies if c.copy_of in ids])
    return target


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--from", dest="sources", type=Path, nargs="+", default=DEFAULT_SOURCES)
    parser.add_argument("--distinct", action="store_true", help="no copies across rounds")
    args = parser.parse_args()
    started = time.perf_counter()
    clone_store(args.out, args.articles, args.sources, distinct=args.distinct)
    print(f"{args.out}: {args.articles} articles in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
