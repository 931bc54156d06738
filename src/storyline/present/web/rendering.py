"""Jinja2 rendering for the web UI: autoescaping always on, links only from http(s).

Everything shown comes from untrusted articles, so the environment escapes
every value (``autoescape=True`` for every template, whatever its file name)
and the templates never use ``|safe``. External links go through
``safe_url``. The one piece of markup built in Python, a timeline event's
line (``grouping.event_rows``), goes through ``Markup.format``, which escapes
every value the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, StreamingResponse
from jinja2 import Environment, FileSystemLoader

from ..report import safe_url
from .grouping import add_days
from .highlight import mark_words
from .text import number, plural

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
HTMX = "htmx-2.0.4.min.js"
# Pages and their htmx fragments share URLs.
VARY = {"Vary": "HX-Request, HX-Target"}


def query(params: dict[str, Any] | None = None, **changes: Any) -> str:
    """A query string from params plus changes, leaving out empty values."""
    merged = dict(params or {})
    merged.update(changes)
    items = [(k, str(v)) for k, v in merged.items() if v not in (None, "", False)]
    return urlencode(items)


def path_part(value: object) -> str:
    """One URL path segment: ids may hold any character, slashes included."""
    return quote(str(value), safe="")


def period_label(label: str, granularity: str) -> str:
    """"2023-05" -> "May 2023", "2023-W19" -> "Week 19, 2023", days with their weekday."""
    try:
        if granularity == "month":
            return dt.date.fromisoformat(label + "-01").strftime("%B %Y")
        if granularity == "week":
            year, week = label.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            sunday = add_days(monday, 6)
            return f"Week {int(week)}, {year} ({monday:%-d %b} to {sunday:%-d %b})"
        if granularity == "day":
            return dt.date.fromisoformat(label).strftime("%a %-d %B %Y")
    except (ValueError, OverflowError):  # not a calendar value after all: show it as written
        return label
    return label


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["plural"] = plural
    env.filters["seg"] = path_part
    env.filters["number"] = number
    env.filters["period_label"] = period_label
    env.globals["query"] = query
    env.globals["htmx"] = HTMX
    env.globals["mark_words"] = mark_words
    return env


class Renderer:
    """Renders full pages and htmx fragments with the one environment."""

    def __init__(self) -> None:
        self.env = environment()

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)

    def body(self, request: Request, name: str, **context: Any) -> str:
        context.setdefault("nav", "")
        context.setdefault("search_q", "")
        return self.render(name, request_path=request.url.path, **context)

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.body(request, name, **context), status_code=status, headers=VARY)

    def stream(self, request: Request, name: str, **context: Any) -> StreamingResponse:
        """Like ``page``, but sent as it renders, so the browser parses while we write."""
        context.setdefault("nav", "")
        context.setdefault("search_q", "")
        parts = self.env.get_template(name).generate(request_path=request.url.path, **context)
        return StreamingResponse(_buffered(parts), media_type="text/html; charset=utf-8", headers=VARY)


def _buffered(parts: Iterator[str], size: int = 1 << 16) -> Iterator[bytes]:
    """Jinja yields many tiny strings; send them in larger chunks."""
    buf: list[str] = []
    held = 0
    for part in parts:
        buf.append(part)
        held += len(part)
        if held >= size:
            yield "".join(buf).encode()
            buf, held = [], 0
    if buf:
        yield "".join(buf).encode()


def htmx_target(request: Request) -> str | None:
    """The element id an htmx request will swap into, or None for a full page load.

    History restores ask for the full page even though they come from htmx.
    """
    if request.headers.get("HX-Request") != "true":
        return None
    if request.headers.get("HX-History-Restore-Request") == "true":
        return None
    return request.headers.get("HX-Target") or ""
