"""Readable rich tables for the CLI's non-JSON output. Markup is never
interpreted from article text: every cell is passed as a plain Text."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _t(value: Any) -> Text:
    return Text("" if value is None else str(value))


def _short(text: str | None, width: int = 160) -> Text:
    text = text or ""
    return Text(text if len(text) <= width else text[: width - 1] + "…")


def articles(console: Console, payload: dict[str, Any]) -> None:
    table = Table(title=f"{len(payload['articles'])} articles", show_lines=False)
    for col in ("published", "source", "outlet", "title", "origin", "id", "copy of"):
        table.add_column(col)
    for a in payload["articles"]:
        title = _short(a["title"] or "(untitled)", 70)
        if a.get("title_source") in ("text", "url"):
            title.append(f" [from {a['title_source']}]", style="dim")  # made here, not the outlet's
        table.add_row(
            _t(a["published"] or "?"),
            _t(a["published_source"]),
            _t(a["outlet"]),
            title,
            _t(a.get("origin")),
            _t(a["id"]),
            _t(f"{a['copy_kind']} of {a['copy_of']}" if a.get("copy_of") else ""),
        )
    console.print(table)


def timeline(console: Console, payload: dict[str, Any]) -> None:
    table = Table(title=f"{len(payload['events'])} events", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("what happened")
    table.add_column("sources")
    for e in payload["events"]:
        outlets = sorted({ev["outlet"] or "?" for ev in e["evidence"]})
        table.add_row(_t(e["date"]), _short(e["summary"], 300), _t(", ".join(outlets)))
    console.print(table)


def quotes(console: Console, payload: dict[str, Any]) -> None:
    total = payload.get("total", len(payload["quotes"]))
    title = f"{total} quotes"
    if payload.get("pages", 1) > 1:
        title += f", page {payload['page']} of {payload['pages']}"
    table = Table(title=title, show_lines=True)
    for col in ("date", "speaker", "quote", "outlets"):
        table.add_column(col)
    for q in payload["quotes"]:
        who = q["speaker"] or "?"
        if q.get("role"):
            who = f"{who}, {q['role']}"
        if q["anonymous"]:
            who = f"{who} (anonymous)"
        text = q["text"] if not q["direct"] else f"“{q['text']}”"
        table.add_row(
            _t(q["date"]), _t(who), _short(text, 300), _t(", ".join(o or "?" for o in q["outlets"]))
        )
    console.print(table)


def entities(console: Console, payload: dict[str, Any]) -> None:
    table = Table(title=f"{len(payload['entities'])} entities")
    for col in ("name", "type", "mentions", "articles", "aliases"):
        table.add_column(col)
    for e in payload["entities"]:
        others = [a for a in e["aliases"] if a != e["name"]]
        table.add_row(
            _t(e["name"]),
            _t(e["type"]),
            _t(e["mentions"]),
            _t(len(e["articles"])),
            _short(", ".join(others), 100),
        )
    console.print(table)


def sources(console: Console, payload: dict[str, Any]) -> None:
    table = Table(title="outlets")
    table.add_column("outlet")
    table.add_column("articles")
    for o in payload["outlets"]:
        table.add_row(_t(o["name"]), _t(o["articles"]))
    console.print(table)
    cites = Table(title=f"{len(payload['citations'])} citations")
    for col in ("outlet", "cites", "cue"):
        cites.add_column(col)
    for c in payload["citations"]:
        cites.add_row(_t(c.get("outlet")), _t(c["cites"]), _t(c["cue"]))
    console.print(cites)
    copies = Table(title=f"{len(payload['copies'])} copies")
    for col in ("article", "copy of", "kind"):
        copies.add_column(col)
    for c in payload["copies"]:
        copies.add_row(_t(c["article"]), _t(c["copy_of"]), _t(c["kind"]))
    console.print(copies)


def facts(console: Console, payload: dict[str, Any]) -> None:
    table = Table(title=f"{len(payload['facts'])} figures")
    for col in ("#", "about", "of", "as written", "normalized", "outlet"):
        table.add_column(col)
    for i, f in enumerate(payload["facts"]):
        norm = f["normalized"]
        table.add_row(
            _t(i),
            _t(f["about"]),
            _t(f.get("subject")),
            _t(f["text"]),
            _t(f"{norm['value']:g} {norm['unit']}"),
            _t(f["outlet"]),
        )
    console.print(table)
    dis = Table(title=f"{len(payload['disagreements'])} disagreements")
    for col in ("about", "figures", "spread"):
        dis.add_column(col)
    for d in payload["disagreements"]:
        dis.add_row(_t(d["about"]), _t(", ".join(str(i) for i in d["facts"])), _t(d["spread"]))
    console.print(dis)
