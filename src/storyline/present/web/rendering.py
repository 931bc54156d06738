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
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, StreamingResponse
from jinja2 import Environment, FileSystemLoader

from ...views.periods import add_days
from ..report import safe_url
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


def story_param(request: Request) -> str:
    """The story the page shows (``?story=ID``, kept in the nav links), or ""."""
    return (request.query_params.get("story") or "").strip()


# A link or htmx request to a page of the app (not its static files), and a form with
# what it holds: inside a page shown for one story they keep it (``keep_story``).
_LOCAL_LINK = re.compile(r'\b(href|hx-get)="(/(?!static/)[^"#?]*)(\?[^"#]*)?(#[^"]*)?"')
_FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL)


def keep_story(html: str, story_id: str) -> str:
    """``html`` with every link to a page of the app carrying ``?story=ID`` and every
    form a hidden ``story`` field, so that pagers, filters, entity and evidence links
    stay within the story picked. Links that name a story already (the picker's, "the
    whole pile": ``?story=``) are left as they are. Rendered HTML escapes every quote
    of untrusted text, so only the templates' own attributes match."""
    if not story_id:
        return html
    pair = escape(urlencode({"story": story_id}))

    def link(m: re.Match[str]) -> str:
        attr, path, params, fragment = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        names = {p.split("=", 1)[0] for p in params[1:].replace("&amp;", "&").split("&")}
        if "story" in names:
            return m.group(0)
        params = f"{params}&amp;{pair}" if len(params) > 1 else f"?{pair}"
        return f'{attr}="{path}{params}{fragment}"'

    def form(m: re.Match[str]) -> str:
        whole = m.group(0)
        if 'name="story"' in whole:
            return whole
        opening = whole.index(">") + 1
        hidden = f'<input type="hidden" name="story" value="{escape(story_id)}">'
        return whole[:opening] + hidden + whole[opening:]

    return _FORM.sub(form, _LOCAL_LINK.sub(link, html))


def path_part(value: object) -> str:
    """One URL path segment: ids may hold any character, slashes included."""
    return quote(str(value), safe="")


def period_label(label: str, granularity: str) -> str:
    """ "2023-05" -> "May 2023", "2023-W19" -> "Week 19, 2023", days with their weekday."""
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
        context.setdefault("story_id", story_param(request))
        html = self.render(name, request_path=request.url.path, **context)
        return keep_story(html, context["story_id"])

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.body(request, name, **context), status_code=status, headers=VARY)

    def stream(self, request: Request, name: str, **context: Any) -> StreamingResponse:
        """Like ``page``, but sent as it renders, so the browser parses while we write."""
        context.setdefault("nav", "")
        context.setdefault("search_q", "")
        context.setdefault("story_id", story_param(request))
        parts = self.env.get_template(name).generate(request_path=request.url.path, **context)
        return StreamingResponse(
            _buffered(parts, context["story_id"]),
            media_type="text/html; charset=utf-8",
            headers=VARY,
        )


def _buffered(parts: Iterator[str], story_id: str = "", size: int = 1 << 16) -> Iterator[bytes]:
    """Jinja yields many tiny strings; send them in larger chunks, each cut after a
    whole tag and outside a form, so ``keep_story`` sees whole links and forms."""
    buf: list[str] = []
    held = 0
    for part in parts:
        buf.append(part)
        held += len(part)
        if held >= size:
            text = "".join(buf)
            cut = _cut(text)
            yield keep_story(text[:cut], story_id).encode()
            buf, held = [text[cut:]], len(text) - cut
    if buf:
        yield keep_story("".join(buf), story_id).encode()


def _cut(text: str) -> int:
    """Where ``text`` can be cut: after its last ``>``, before a form still open."""
    open_form = text.rfind("<form")
    end = open_form if open_form > text.rfind("</form>") else len(text)
    return text.rfind(">", 0, end) + 1


def htmx_target(request: Request) -> str | None:
    """The element id an htmx request will swap into, or None for a full page load.

    History restores ask for the full page even though they come from htmx.
    """
    if request.headers.get("HX-Request") != "true":
        return None
    if request.headers.get("HX-History-Restore-Request") == "true":
        return None
    return request.headers.get("HX-Target") or ""
