"""Routes, one module per view; ``api`` is the JSON API."""

from __future__ import annotations

from fastapi import APIRouter

from . import api, articles, entities, overview, quotes, sources, timeline

ROUTERS: tuple[APIRouter, ...] = (
    api.router,
    overview.router,
    timeline.router,
    entities.router,
    quotes.router,
    sources.router,
    articles.router,
)
