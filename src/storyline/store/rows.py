"""Records <-> rows. Dates travel as ISO strings, tuples of records as JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from ..models import Article, DateCandidate
from ..text.outlets import outlet_key_of

T = TypeVar("T")

# Values bound in one IN (...) list or one multi-row statement: well under SQLite's
# and PostgreSQL's limits on a statement's parameters.
BATCH = 500


def batches(items: Iterable[T]) -> Iterator[list[T]]:
    """``items`` in lists of at most ``BATCH``."""
    values = list(items)
    for start in range(0, len(values), BATCH):
        yield values[start : start + BATCH]


def to_row(record: Any, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        row[f.name] = value.isoformat() if isinstance(value, dt.date) else value
    row.update(extra)
    return row


def from_row(cls: type[T], row: Any, *, skip: tuple[str, ...] = ("article_id", "idx")) -> T:
    mapping = row._mapping if hasattr(row, "_mapping") else row
    return row_reader(cls, list(mapping.keys()), skip=skip)(list(mapping.values()))


_SHARED_LEN = 24  # longer strings (sentences, quotes) rarely repeat


def row_reader(
    cls: type[T], columns: Sequence[str], *, skip: tuple[str, ...] = ("article_id", "idx")
) -> Callable[[Sequence[Any]], T]:
    """``from_row`` for the rows of one result (their ``columns``), with the plan
    of which column fills which field made once: reading a story's hundreds of
    thousands of annotation rows field by field cost seconds."""
    at = {c: i for i, c in enumerate(columns)}
    plan: list[tuple[str, int, bool, bool]] = []  # field, column, is a date, NULL -> default
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name == "index" and "idx" in at:  # Sentence.index is the row's idx
            plan.append(("index", at["idx"], False, False))
            continue
        if f.name in skip or f.name not in at:
            continue
        # a column added later, NULL in older rows: the field's default
        defaulted = f.default not in (dataclasses.MISSING, None)
        plan.append((f.name, at[f.name], f.type in ("dt.date | None", "dt.date"), defaulted))

    # Labels, rules, units, date values, days and offsets repeat across hundreds of thousands
    # of rows; each driver row brings its own copy. One object per distinct value
    # keeps a big pile's annotations in memory at a fraction of the size.
    shared: dict[Any, Any] = {}

    def read(row: Sequence[Any]) -> T:
        values: dict[str, Any] = {}
        for name, i, is_date, defaulted in plan:
            value = row[i]
            if value is None:
                if defaulted:
                    continue
            elif is_date:
                if isinstance(value, str):
                    value = dt.date.fromisoformat(value)
                value = shared.setdefault(value, value)
            elif type(value) is int or (type(value) is str and len(value) <= _SHARED_LEN):
                value = shared.setdefault(value, value)
            values[name] = value
        return cls(**values)

    return read


def article_row(article: Article, seq: int) -> dict[str, Any]:
    row = to_row(article, seq=seq, outlet_key=outlet_key_of(article.outlet, article.url))
    row["boilerplate"] = json.dumps(list(article.boilerplate), ensure_ascii=False)
    row["date_candidates"] = json.dumps(
        [[c.value.isoformat(), c.score, c.source] for c in article.date_candidates]
    )
    return row


def article_from_row(row: Any) -> Article:
    m = row._mapping
    return Article(
        id=m["id"],
        text=m["text"],
        title=m["title"],
        outlet=m["outlet"],
        url=m["url"],
        published=dt.date.fromisoformat(m["published"]) if m["published"] else None,
        published_source=m["published_source"],
        language=m["language"],
        origin=m["origin"],
        path=m["path"],
        boilerplate=tuple(json.loads(m["boilerplate"])),
        date_candidates=tuple(
            DateCandidate(dt.date.fromisoformat(v), s, src)
            for v, s, src in json.loads(m["date_candidates"])
        ),
        read_id=m.get("read_id"),
    )
