"""Reports: one self-contained file to share (html, md, json, timelinejs).

HTML is rendered by Jinja2 with autoescaping and inline CSS only: no script,
no external request; every piece of article text is escaped. Links are only
made from http(s) URLs. Markdown escapes every Markdown and HTML metacharacter
and ends with a Wikinews-style "Sources" section (``{{source|...}}`` lines);
TimelineJS3 JSON escapes the HTML its slides would render.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import api
from ..options import Options
from ..store import Store

FORMATS = ("html", "md", "json", "timelinejs")


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) is text."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def collect(store: Store, options: Options | None = None) -> dict[str, Any]:
    corpus = api.load(store)
    from ..views import payloads as views

    tl = views.timeline_view(
        corpus,
        n_dates=options.timeline_dates if options else None,
        sents_per_date=options.timeline_sentences if options else None,
    )
    return {
        "articles": views.articles_view(corpus)["articles"],
        "timeline": tl["events"],
        "quotes": views.quotes_view(corpus)["quotes"],
        "entities": views.entities_view(corpus)["entities"],
        "sources": views.sources_view(corpus),
        "facts": views.facts_view(corpus),
    }


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline", "present/templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


def render(store: Store, fmt: str, *, options: Options | None = None) -> str:
    data = collect(store, options)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "timelinejs":
        return json.dumps(timelinejs(data), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return markdown(data)
    return _environment().get_template("report.html.j2").render(**data)


def _tl_date(day: str) -> dict[str, str]:
    """A TimelineJS3 date object (strings, as its spreadsheet export writes them)."""
    parts = day.split("-")
    out = {"year": str(int(parts[0]))}
    if len(parts) > 1:
        out["month"] = str(int(parts[1]))
    if len(parts) > 2:
        out["day"] = str(int(parts[2][:2]))
    return out


def _tl_sources(evidence: list[dict[str, Any]]) -> str:
    """The evidence as an HTML list (TimelineJS renders ``text`` as HTML): all escaped."""
    items = []
    for ev in evidence:
        outlet = escape(ev["outlet"] or "unknown outlet")
        url = safe_url(ev["url"])
        if url:
            outlet = f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{outlet}</a>'
        date = f", {escape(ev['published'])}" if ev.get("published") else ""
        items.append(f"<li>{escape(ev['sentence'])} <small>({outlet}{date})</small></li>")
    return f"<ul>{''.join(items)}</ul>"


def timelinejs(data: dict[str, Any]) -> dict[str, Any]:
    """TimelineJS3 JSON: a title slide and one slide per event.

    Dates keep the event's granularity: a day gives year, month and day, a
    month year and month, a year the year alone; an ISO week (2024-W36) has no
    TimelineJS form, so it spans its Monday to Sunday with the week as the
    shown date. Headline and text are HTML in TimelineJS, so both are escaped.
    """
    events = []
    for n, e in enumerate(data["timeline"]):
        slide: dict[str, Any] = {
            "unique_id": f"event-{n}",
            "text": {"headline": escape(_short(e["summary"], 140)), "text": _tl_sources(e["evidence"])},
        }
        if "-W" in e["date"]:
            year, week = e["date"].split("-W")
            slide["start_date"] = _tl_date(e["start"])
            slide["end_date"] = _tl_date(e["end"])
            slide["display_date"] = escape(f"Week {int(week)}, {year}")  # shown as HTML too
        else:
            slide["start_date"] = _tl_date(e["date"])
        events.append(slide)
    dates = sorted(a["published"] for a in data["articles"] if a["published"])
    span = f", published {dates[0]} to {dates[-1]}" if dates else ""
    return {
        "title": {
            "text": {
                "headline": "Story timeline",
                "text": escape(f"{len(events)} events from {len(data['articles'])} articles{span}."),
            }
        },
        "events": events,
    }


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _md(text: str | None) -> str:
    """Escape Markdown and HTML metacharacters so article text stays text."""
    text = (text or "").replace("\n", " ")
    return re.sub(r"([\\`*_{}\[\]()#+!|<>&])", r"\\\1", text)


# Characters that would end or bend a wiki template argument, or turn into
# Markdown or HTML markup, written as numeric character references instead:
# both MediaWiki and Markdown renderers show them as the characters.
_WIKI_ESCAPES = {c: f"&#{ord(c)};" for c in "&<>|{}[]*_`\\~#'\""}
_URL_ESCAPES = {c: f"%{ord(c):02X}" for c in "|{}[]<>*`\\~'\" "}


def _wiki(text: str | None) -> str:
    return "".join(_WIKI_ESCAPES.get(c, c) for c in " ".join((text or "").split()))


def wikinews_source(article: dict[str, Any]) -> str:
    """One line of a Wikinews "Sources" section: ``* {{source|url=|title=|author=|pub=|date=}}``."""
    fields = []
    url = safe_url(article.get("url"))
    if url:
        fields.append("url=" + "".join(_URL_ESCAPES.get(c, c) for c in url))
    fields.append("title=" + _wiki(article.get("title") or "(untitled)"))
    fields.append("author=")
    fields.append("pub=" + _wiki(article.get("outlet") or "unknown outlet"))
    if article.get("published"):
        day = dt.date.fromisoformat(article["published"])
        fields.append(f"date={day:%B} {day.day}, {day.year}")
    return "* {{source|" + "|".join(fields) + "}}"


def markdown(data: dict[str, Any]) -> str:
    lines = ["# Story report", ""]
    lines += ["## Timeline", ""]
    for e in data["timeline"]:
        outlets = list(dict.fromkeys(ev["outlet"] or "unknown outlet" for ev in e["evidence"]))
        cited = f" ({_md(', '.join(outlets))})" if outlets else ""
        lines.append(f"- **{_md(e['date'])}**: {_md(e['summary'])}{cited}")
    lines += ["", "## Actors", ""]
    for ent in data["entities"][:30]:
        others = [a for a in ent["aliases"] if a != ent["name"]]
        alias = f" (also {', '.join(_md(a) for a in others)})" if others else ""
        lines.append(f"- {_md(ent['name'])}{alias}: {ent['mentions']} mentions")
    lines += ["", "## Quotes", ""]
    for q in data["quotes"]:
        who = _md(q["speaker"] or "unknown") + (" (anonymous)" if q["anonymous"] else "")
        text = f"“{_md(q['text'])}”" if q["direct"] else _md(q["text"])
        lines.append(f"- {who}: {text} ({_md(', '.join(o or '?' for o in q['outlets']))})")
    if data["facts"]["disagreements"]:
        lines += ["", "## Where the numbers disagree", ""]
        for d in data["facts"]["disagreements"]:
            figures = "; ".join(_md(data["facts"]["facts"][i]["text"]) for i in d["facts"])
            lines.append(f"- {_md(d['about'])}: {figures} ({_md(d['spread'])})")
    # Wikinews convention: a "Sources" section of {{source}} templates, one per article.
    lines += ["", "## Sources", ""]
    lines += [wikinews_source(a) for a in data["articles"]]
    return "\n".join(lines) + "\n"
