"""Routes, one module per view; ``api`` is the JSON API."""

from __future__ import annotations

from fastapi import APIRouter

from . import api, articles, changes, entities, overview, quotes, sources, stories, timeline

ROUTERS: tuple[APIRouter, ...] = (
    api.router,
    overview.router,
    timeline.router,
    entities.router,
    quotes.router,
    sources.router,
    changes.router,
    articles.router,
    stories.router,
)
