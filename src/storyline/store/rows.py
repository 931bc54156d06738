"""Records <-> rows. Dates travel as ISO strings, tuples of records as JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any, TypeVar

from ..models import Article, DateCandidate

T = TypeVar("T")


def to_row(record: Any, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        row[f.name] = value.isoformat() if isinstance(value, dt.date) else value
    row.update(extra)
    return row


def from_row(cls: type[T], row: Any, *, skip: tuple[str, ...] = ("article_id", "idx")) -> T:
    mapping = row._mapping if hasattr(row, "_mapping") else row
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name == "index" and "idx" in mapping:  # Sentence.index is the row's idx
            values["index"] = mapping["idx"]
            continue
        if f.name in skip or f.name not in mapping:
            continue
        value = mapping[f.name]
        if value is None and f.default not in (dataclasses.MISSING, None):
            continue  # a column added later, NULL in older rows: the field's default
        if isinstance(value, str) and f.type in ("dt.date | None", "dt.date"):
            value = dt.date.fromisoformat(value)
        values[f.name] = value
    return cls(**values)


def article_row(article: Article, seq: int) -> dict[str, Any]:
    row = to_row(article, seq=seq)
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
    )
