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
from typing import Any, cast

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


# Caps that keep a report of a large pile readable (and a few hundred KB at most):
# the digest is the story; the rest are its best-carried pieces.
REPORT_ACTORS = 30
REPORT_QUOTES = 30
REPORT_FIGURES = 20
REPORT_DISAGREEMENTS = 20
REPORT_POSITIONS = 10
REPORT_SERIES = 10
REPORT_SERIES_POINTS = 20  # per series; the json carries every point


def collect(
    store: Store,
    options: Options | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    limit: int | None = None,
    story_id: str | None = None,
) -> dict[str, Any]:
    """What a report shows, from the story's views: the date range, the digest
    (within ``start``..``end``, about ``entity``, at most ``limit`` dates), the key
    actors, the best-carried quotes by named speakers and figures with their
    subject, where numbers disagree, and the articles all of that cites
    (``story_id``: of that story of a mixed pile only)."""
    from ..views.overview import actors, key_figures

    story = api.story(store, options, story=story_id)
    overview = story.overview()
    events = list(story.timeline(start=start, end=end, entity=entity, limit=limit)["events"])
    quotes = _ranked_quotes(
        cast(
            list[dict[str, Any]],
            story.quotes(speaker=entity, start=start, end=end, named=True)["quotes"],
        )
    )
    facts = cast(dict[str, Any], story.facts())
    wanted = _entity_names(story, entity)
    in_range = _published_within(story, start, end)
    kept = [
        i
        for i, f in enumerate(facts["facts"])
        if f["article"] in in_range and (wanted is None or _mentions(f, wanted))
    ]
    figures = key_figures({"facts": [facts["facts"][i] for i in kept]}, REPORT_FIGURES)
    kept_set = set(kept)
    disagreements = [d for d in facts["disagreements"] if all(i in kept_set for i in d["facts"])][
        :REPORT_DISAGREEMENTS
    ]
    facts_used = sorted({i for d in disagreements for i in d["facts"]})
    position = {i: n for n, i in enumerate(facts_used)}
    all_articles = story.articles()["articles"]
    cited = (
        {ev["article"] for e in events for ev in e["evidence"]}
        | {a for q in quotes for a in q.get("articles", [q["article"]])}
        | {f["article"] for f in figures}
        | {facts["facts"][i]["article"] for i in facts_used}
    )
    changes = _changes(story, entity, start, end)
    cited |= {
        ev["article"] for p in changes["positions"] for s in p["steps"] for ev in s["evidence"]
    }
    cited |= {
        pt["article"] for f in changes["figures"] for pt in f["series"][:REPORT_SERIES_POINTS]
    }
    return {
        "range": overview["range"],
        "filters": {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            "entity": entity,
            "limit": limit,
        },
        "developments": overview["developments"],
        "latest": overview["latest"],
        "timeline": events,
        "entities": actors(
            story.corpus(), cast(list[dict[str, Any]], story.entities()["entities"]), REPORT_ACTORS
        ),
        "quotes": quotes,
        "figures": figures,
        "facts": {
            "facts": [facts["facts"][i] for i in facts_used],
            "disagreements": [
                {**d, "facts": [position[i] for i in d["facts"]]} for d in disagreements
            ],
        },
        "changes": changes,
        "outlets": story.sources()["outlets"],
        "articles": [a for a in all_articles if a["id"] in cited],
        "article_count": len(all_articles),
    }


def _changes(
    story: Any, entity: str | None, start: dt.date | None, end: dt.date | None
) -> dict[str, Any]:
    """The "what changed" view for the report: positions and figure series with a step
    or a point in ``start``..``end`` (shown whole), about ``entity`` (none when the
    view knows no such entity: the other sections say what they found about it)."""
    from ..errors import NotFound

    try:
        data = cast(dict[str, Any], story.view("changes", entity=entity))
    except NotFound:
        return {"positions": [], "figures": []}

    def within(day: str | None) -> bool:
        day = (day or "")[:10]
        if not day[:4].isdigit():
            return start is None and end is None
        return (start is None or day >= start.isoformat()[: len(day)]) and (
            end is None or day <= end.isoformat()
        )

    positions = [
        p for p in data["positions"] if any(within(s.get("start") or s["date"]) for s in p["steps"])
    ]
    figures = [f for f in data["figures"] if any(within(pt["date"]) for pt in f["series"])]
    return {"positions": positions[:REPORT_POSITIONS], "figures": figures[:REPORT_SERIES]}


def _ranked_quotes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``REPORT_QUOTES`` best-carried quotes by named speakers, in date order:
    most outlets first, direct before reported, speakers quoted often first."""
    by_speaker: dict[str | None, int] = {}
    for q in rows:
        by_speaker[q["speaker_entity"]] = by_speaker.get(q["speaker_entity"], 0) + 1
    named = [q for q in rows if q["speaker_entity"] and not q["anonymous"]]
    best = sorted(
        named,
        key=lambda q: (
            -len(q.get("outlets", ())),
            not q["direct"],
            -by_speaker[q["speaker_entity"]],
        ),
    )[:REPORT_QUOTES]
    return sorted(best, key=lambda q: (q.get("published") or q["date"] or "9999", q["article"]))


def _entity_names(story: Any, entity: str | None) -> set[str] | None:
    if entity is None:
        return None
    found = story.corpus().entity_by_name(entity)
    return {n.casefold() for e in found for n in (e.name, *e.aliases)} or {entity.casefold()}


def _mentions(fact: dict[str, Any], names: set[str]) -> bool:
    subject = (fact.get("subject") or "").casefold()
    sentence = fact.get("sentence", "").casefold()
    return subject in names or any(n in sentence for n in names)


def _published_within(story: Any, start: dt.date | None, end: dt.date | None) -> set[str]:
    out = set()
    for a in story.corpus().articles.values():
        day = a.published
        if (
            start is not None
            and (day is None or day < start)
            or end is not None
            and (day is None or day > end)
        ):
            continue
        out.add(a.id)
    return out


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline", "present/templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


def render(
    store: Store,
    fmt: str,
    *,
    options: Options | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    entity: str | None = None,
    limit: int | None = None,
    story: str | None = None,
) -> str:
    data = collect(store, options, start=start, end=end, entity=entity, limit=limit, story_id=story)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "timelinejs":
        return json.dumps(timelinejs(data), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return markdown(data)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(**data, span=span_text(data), showing=filters_text(data))
    )


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
            outlet = (
                f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{outlet}</a>'
            )
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
            "text": {
                "headline": escape(_short(e["summary"], 140)),
                "text": _tl_sources(e["evidence"]),
            },
        }
        if "-W" in e["date"]:
            year, week = e["date"].split("-W")
            slide["start_date"] = _tl_date(e["start"])
            slide["end_date"] = _tl_date(e["end"])
            slide["display_date"] = escape(f"Week {int(week)}, {year}")  # shown as HTML too
        else:
            slide["start_date"] = _tl_date(e["date"])
        events.append(slide)
    return {
        "title": {
            "text": {
                "headline": "Story timeline",
                "text": escape(f"{len(events)} dates from {span_text(data)}."),
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


def span_text(data: dict[str, Any]) -> str:
    """The pile's size and span: "400 articles published 2009-03-02 to 2009-06-30" (and how many are undated)."""
    r = data["range"]
    text = f"{r['articles']} article{'' if r['articles'] == 1 else 's'}"
    if r["first"]:
        text += (
            f" published {r['first']} to {r['last']}"
            if r["first"] != r["last"]
            else f" published {r['first']}"
        )
    if r["undated"]:
        text += f" ({r['undated']} undated)"
    return text


def filters_text(data: dict[str, Any]) -> str:
    f = data["filters"]
    parts = []
    if f["from"] or f["to"]:
        parts.append(f"dates {f['from'] or 'any'} to {f['to'] or 'any'}")
    if f["entity"]:
        parts.append(f"about {f['entity']}")
    if f["limit"]:
        parts.append(f"at most {f['limit']} dates")
    return "; ".join(parts)


def markdown(data: dict[str, Any]) -> str:
    lines = ["# Story report", "", _md(span_text(data)) + "."]
    if filters_text(data):
        lines += ["", "Showing " + _md(filters_text(data)) + "."]
    lines += ["", "## Digest", ""]
    if not data["timeline"]:
        lines.append("No dated happenings in this selection.")
    for e in data["timeline"]:
        outlets = list(dict.fromkeys(ev["outlet"] or "unknown outlet" for ev in e["evidence"]))
        cited = f" ({_md(', '.join(outlets))})" if outlets else ""
        lines.append(f"- **{_md(e['date'])}**: {_md(e['summary'])}{cited}")
    if data["latest"]:
        lines += ["", "## Latest news", ""]
        for n in data["latest"]:
            lines.append(
                f"- **{_md(n['published'])}** {_md(n['sentence'])} ({_md(n['outlet'] or 'unknown outlet')})"
            )
    lines += ["", "## Actors", ""]
    for ent in data["entities"]:
        lines.append(
            f"- {_md(ent['name'])} ({_md(ent['type'])}): {ent['mentions']} mentions in {ent['articles']} articles"
        )
    lines += ["", "## Quotes", ""]
    for q in data["quotes"]:
        who = _md(q["speaker"] or "unknown") + (f", {_md(q['role'])}" if q.get("role") else "")
        text = f"“{_md(q['text'])}”" if q["direct"] else _md(q["text"])
        carried = ", ".join(o or "unknown outlet" for o in q.get("outlets", [q["outlet"]]))
        lines.append(f"- {who}: {text} ({_md(carried)}, {_md(q['date'] or 'undated')})")
    if data["figures"]:
        lines += ["", "## Key figures", ""]
        for f in data["figures"]:
            lines.append(
                f"- {_md(f['text'])}: {_md(f['about'] or 'figure')} of {_md(f['subject'])} "
                f"({_md(f['outlet'] or 'unknown outlet')}; {f['outlets']} outlet{'' if f['outlets'] == 1 else 's'})"
            )
    if data["facts"]["disagreements"]:
        lines += ["", "## Where the numbers disagree", ""]
        for d in data["facts"]["disagreements"]:
            figures = "; ".join(_md(data["facts"]["facts"][i]["text"]) for i in d["facts"])
            lines.append(f"- {_md(d['about'])}: {figures} ({_md(d['spread'])})")
    lines += _changes_markdown(data.get("changes") or {})
    # Wikinews convention: a "Sources" section of {{source}} templates, one per article cited.
    lines += ["", "## Sources", ""]
    lines += [
        wikinews_source(a) + (f" (origin: {_wiki(a['origin'])})" if a.get("origin") else "")
        for a in data["articles"]
    ]
    return "\n".join(lines) + "\n"


def _changes_markdown(changes: dict[str, Any]) -> list[str]:
    """The "What changed" section: positions' steps, figure series, their disagreements."""
    positions, figures = changes.get("positions") or [], changes.get("figures") or []
    if not positions and not figures:
        return []
    lines = ["", "## What changed"]
    if positions:
        lines += ["", "### Positions", ""]
    for p in positions:
        lines.append(f"- **{_md(p['actor'])}**: {_md(p['claim'])}")
        for step in p["steps"]:
            ev = step["evidence"][0]
            more = len(step["evidence"]) - 1
            lines.append(
                f"  - {_md(step['date'])}, {_md(step['stance'])}: “{_md(ev['sentence'])}” "
                f"({_md(ev.get('outlet') or 'unknown outlet')}, {_md(ev.get('published') or 'undated')})"
                + (f" and {more} more" if more > 0 else "")
            )
    if figures:
        lines += ["", "### Figures over time", ""]
    for f in figures:
        shown = f["series"][:REPORT_SERIES_POINTS]
        points = "; ".join(
            f"{_md(pt['date'])} {_md(pt.get('text') or str(pt['value']))} ({_md(pt.get('outlet') or 'unknown outlet')})"
            for pt in shown
        )
        rest = len(f["series"]) - len(shown)
        lines.append(
            f"- **{_md(f['about'])}**: {points}" + (f"; and {rest} more" if rest > 0 else "")
        )
        for d in f.get("disagreements") or []:
            when = (
                "on " + d["date"] if d.get("same_date", True) else "across dates, to " + d["date"]
            )
            lines.append(
                f"  - disagreement {_md(when)}: {_md(d['spread'])} ({_md(', '.join(d['outlets']))})"
            )
        for c in f.get("changes") or []:
            lines.append(
                f"  - change {_md(c['start'])} to {_md(c['end'])}: {_num(c['before'])} to {_num(c['after'])} ({_md(c['direction'])})"
            )
    return lines


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
