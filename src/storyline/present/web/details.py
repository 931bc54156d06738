"""Shared by the pages and the JSON API: one article, one entity, search hits, cached views."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from ...errors import NotFound
from ...views import payloads as views
from ...views.corpus import Corpus
from .errors import InvalidParam
from .insights import Chart, chart, co_occurring, mention_dates, sentence_index, timeline_counts
from .rendering import VARY, Renderer
from .state import WebState

# Free text a parameter may carry (search words, a filter, a speaker): long enough
# for anything typed or pasted, short enough that every use of it stays cheap.
MAX_TEXT = 16_384
# Words a timeline text filter may hold: the filter tries each word on each
# sentence, so ten thousand words would cost seconds per request.
MAX_WORDS = 64
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# async: these only read app.state, so they need no trip to the threadpool.
async def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


async def renderer(request: Request) -> Renderer:
    r: Renderer = request.app.state.renderer
    return r


def clean_text(value: str | None) -> str:
    """Free text from a parameter without control characters (a NUL ends a string for
    SQLite's full-text query parser), whitespace trimmed."""
    return _CONTROLS.sub(" ", value or "").strip()


def check_words(value: str | None, name: str) -> str | None:
    """``value`` unchanged, if it holds at most ``MAX_WORDS`` words."""
    if value and len(re.findall(r"\w+", value)) > MAX_WORDS:
        raise InvalidParam(name, f"at most {MAX_WORDS} words")
    return value


def search_words(value: str) -> str:
    """The distinct words of a search, for the full-text index (which ANDs them: a
    repeated word changes nothing, but thousands of them cost a minute)."""
    seen: dict[str, str] = {}
    for word in clean_text(value).split():
        seen.setdefault(word.lower(), word)
    return " ".join(seen.values())


def json_body(payload: Any) -> bytes:
    """``payload`` encoded exactly as FastAPI's ``JSONResponse`` would."""
    return json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


def json_response(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def cached_page(
    state: WebState,
    render: Renderer,
    request: Request,
    key: tuple[Any, ...],
    name: str,
    context: Callable[[], dict[str, Any]],
    *,
    filtered: bool = False,
) -> HTMLResponse:
    """A rendered page or fragment, kept like the views it shows: big pages (thousands
    of quotes) are rendered once per store state, not once per request."""
    body = state.cached(
        ("page", name, *key), lambda: render.body(request, name, **context()).encode(), filtered=filtered
    )
    return HTMLResponse(body, headers=VARY)


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO day from a query parameter, as the CLI takes it; blank means none."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidParam(name, f"must be an ISO date (YYYY-MM-DD), not {value[:40]!r}") from exc


def _record(obj: Any) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in dataclasses.asdict(obj).items()
    }


# ---- cached views ------------------------------------------------------------


def cached_view(state: WebState, name: str) -> dict[str, Any]:
    """One of the plain views (articles, entities, quotes, sources, facts) on the cached corpus."""
    build = {
        "articles": views.articles_view,
        "entities": views.entities_view,
        "quotes": views.quotes_view,
        "sources": views.sources_view,
        "facts": views.facts_view,
    }[name]
    return state.cached((name,), lambda: build(state.corpus()))


def timeline_events(
    state: WebState,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    query: str | None = None,
) -> list[dict[str, Any]]:
    """The timeline as ``api.timeline`` computes it (same view, same options), cached."""
    key = ("timeline", start, end, entity or None, query or None)
    filtered = any(k is not None for k in key[1:])

    def build() -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = views.timeline_view(
            state.corpus(),
            start=start,
            end=end,
            entity=entity or None,
            query=query or None,
            n_dates=state.options.timeline_dates,
            sents_per_date=state.options.timeline_sentences,
        )["events"]
        return events

    return state.cached(key, build, filtered=filtered)


def articles_by_id(state: WebState) -> dict[str, dict[str, Any]]:
    return state.cached(
        ("articles_by_id",), lambda: {a["id"]: a for a in cached_view(state, "articles")["articles"]}
    )


# ---- one article -----------------------------------------------------------------


def article_detail(state: WebState, article_id: str) -> dict[str, Any]:
    corpus = state.corpus()
    article = corpus.articles.get(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r}", code="E404")
    row = dict(articles_by_id(state)[article_id])
    row["text"] = article.text
    row["boilerplate"] = list(article.boilerplate)
    ann = corpus.annotations.get(article_id)
    mentions = []
    if ann is not None:
        for i, m in enumerate(ann.mentions):
            rec = _record(m)
            rec["entity"] = corpus.entity_of_mention.get((article_id, i))
            mentions.append(rec)
    return {
        "article": row,
        "annotated": ann is not None,
        "sentences": [_record(s) for s in ann.sentences] if ann else [],
        "mentions": mentions,
        "timexes": [_record(t) for t in ann.timexes] if ann else [],
        "sentence_dates": [_record(d) for d in ann.sentence_dates] if ann else [],
        "quotes": [_record(q) for q in ann.quotes] if ann else [],
        "citations": [_record(c) for c in ann.citations] if ann else [],
        "quantities": [_record(q) for q in ann.quantities] if ann else [],
    }


# ---- one entity ------------------------------------------------------------------


def entity_detail(state: WebState, entity_id: str) -> tuple[dict[str, Any], Chart]:
    """The entity row, their quotes, their company and mentions over time (+ the chart);
    kept, as each costs a pass over every quote."""
    return state.cached(("entity", entity_id), lambda: _entity_detail(state, entity_id), filtered=True)


def _entity_detail(state: WebState, entity_id: str) -> tuple[dict[str, Any], Chart]:
    corpus: Corpus = state.corpus()
    entity = next((e for e in corpus.entities if e.id == entity_id), None)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id!r}", code="E404")
    row = next(r for r in cached_view(state, "entities")["entities"] if r["id"] == entity_id)
    index = state.cached(("sentence_index",), lambda: sentence_index(corpus))
    dates, undated = mention_dates(corpus, entity)
    granularity, counts = timeline_counts(dates)
    quotes = views.quotes_view(corpus, speaker=entity_id)["quotes"]
    detail = {
        "entity": row,
        "quotes": [q for q in quotes if q["speaker_entity"] == entity_id],
        "co_occurring": co_occurring(corpus, entity, index),
        "mentions_over_time": {
            "granularity": granularity,
            "counts": [{"period": label, "mentions": n} for label, n in counts],
            "undated": undated,
        },
    }
    return detail, chart(dates, undated)


# ---- search ------------------------------------------------------------------------


def search(state: WebState, q: str, limit: int = 100) -> dict[str, Any]:
    """Sentences holding every word of ``q`` (taken as plain words, never query syntax)."""
    corpus = state.corpus()
    results = []
    words = search_words(q)
    if not words:
        return {"query": q, "results": []}
    with state.reading() as store:
        found = store.search_sentences(words, limit=limit)
    for article_id, idx, text in found:
        article = corpus.articles.get(article_id)
        results.append(
            {
                "article": article_id,
                "sentence_index": idx,
                "sentence": text,
                "title": article.title if article else None,
                "outlet": article.outlet if article else None,
                "url": article.url if article else None,
                "published": article.published.isoformat() if article and article.published else None,
            }
        )
    return {"query": q, "results": results}
