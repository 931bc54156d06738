"""What changed: a step chart per position and a line chart per figure series.

Both are drawn here as inline SVG geometry (no script, no chart library, no
external request); the template escapes every piece of text. Each step and
each point links to its sentence on the article page, so the evidence is one
click away. ``/api/changes`` answers the same view from the same cache.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ....views.changes import ChangesPayload, FigureRow, PositionRow
from ..details import MAX_TEXT, api_answer, cached_page, renderer, web_state
from ..rendering import Renderer
from ..state import WebState
from .api import documented

router = APIRouter()
State = Annotated[WebState, Depends(web_state)]
Render = Annotated[Renderer, Depends(renderer)]
Entity = Annotated[str | None, Query(max_length=MAX_TEXT, description="Actor name, alias or id")]
ShowAll = Annotated[
    bool, Query(alias="all", description="Every position and series found, not only changes")
]

# Drawing area in SVG units; the viewBox scales it to the page (a phone too).
WIDTH, HEIGHT = 360, 120
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 8, 10, 18
LEVELS = {"for": 0, "undecided": 1, "against": 2}  # top to bottom
PALETTE = 6  # outlet colours (CSS classes o0..o5); further outlets share o6 (grey)
# Pages grow with the pile: charts beyond these are left to ``?all=1`` / the API.
MAX_POSITIONS = 40
MAX_FIGURES = 40


@dataclass
class Mark:
    x: float
    y: float
    label: str  # the tooltip: date, stance or value, outlet
    href: str  # the sentence on its article page
    css: str


@dataclass
class Chart:
    marks: list[Mark]
    path: str  # the SVG path of the step line (positions) ; empty for figures
    lines: list[tuple[str, str]] = field(default_factory=list)  # (css, points) per outlet
    bands: list[tuple[float, str]] = field(default_factory=list)  # same-date disagreements
    first: str = ""
    last: str = ""
    ticks: list[tuple[float, str]] = field(default_factory=list)  # y axis labels
    width: int = WIDTH
    height: int = HEIGHT


def _day(text: str | None) -> dt.date | None:
    """The first day of an ISO date or month ("2023-05" -> May 1st)."""
    if not text:
        return None
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _scale(days: list[dt.date]) -> Any:
    """x of a day: the span of ``days`` over the drawing width (one day: the middle)."""
    low, high = min(days), max(days)
    span = (high - low).days
    usable = WIDTH - PAD_LEFT - PAD_RIGHT

    def x(day: dt.date) -> float:
        if span == 0:
            return round(PAD_LEFT + usable / 2, 1)
        return round(PAD_LEFT + usable * (day - low).days / span, 1)

    return x


def _href(article: str, sentence: int | None) -> str:
    anchor = f"#s{sentence}" if sentence is not None else ""
    return f"/articles/{quote(article, safe='')}{anchor}"


def step_chart(position: PositionRow) -> Chart | None:
    """Stance levels over time: a dot per step, a step line between them."""
    steps = [(s, _day(s.get("start") or s["date"])) for s in position["steps"]]
    dated = [(s, d) for s, d in steps if d is not None and s["stance"] in LEVELS]
    if not dated:
        return None
    x = _scale([d for _s, d in dated])
    row = (HEIGHT - PAD_TOP - PAD_BOTTOM) / (len(LEVELS) - 1)
    marks: list[Mark] = []
    path: list[str] = []
    for s, d in dated:
        px, py = x(d), round(PAD_TOP + row * LEVELS[s["stance"]], 1)
        # A step line: along at the old level to the new date, then up or down.
        path.append(f"H{px} V{py}" if path else f"M{px} {py}")
        ev = s["evidence"][0]
        label = f"{s['date']}: {s['stance']} ({ev.get('outlet') or 'unknown outlet'})"
        marks.append(
            Mark(px, py, label, _href(ev["article"], ev.get("sentence_index")), s["stance"])
        )
    ticks = [(round(PAD_TOP + row * level, 1), name) for name, level in LEVELS.items()]
    return Chart(marks, " ".join(path), first=dated[0][1].isoformat(), last=dated[-1][1].isoformat(), ticks=ticks)  # fmt: skip


def _number(value: float) -> str:
    if value >= 1e9:
        return f"{value / 1e9:g} bn"
    if value >= 1e6:
        return f"{value / 1e6:g} m"
    return f"{value:,.0f}" if value >= 100 else f"{value:g}"


def line_chart(figure: FigureRow) -> Chart | None:
    """Values over time, a line per outlet; dates where outlets disagree are banded."""
    points = [(p, _day(p["date"])) for p in figure["series"]]
    dated = [(p, d) for p, d in points if d is not None]
    if not dated:
        return None
    x = _scale([d for _p, d in dated])
    values = [p["value"] for p, _d in dated]
    low, high = min(0.0, min(values)), max(values)
    usable = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y(value: float) -> float:
        return round(PAD_TOP + usable * (1 - (value - low) / ((high - low) or 1)), 1)

    outlets = list(dict.fromkeys(p.get("outlet") or "unknown outlet" for p, _d in dated))
    css = {o: f"o{min(i, PALETTE)}" for i, o in enumerate(outlets)}
    marks: list[Mark] = []
    by_outlet: dict[str, list[str]] = {}
    for p, d in dated:
        outlet = p.get("outlet") or "unknown outlet"
        px, py = x(d), y(p["value"])
        label = f"{p['date']}: {p.get('text') or _number(p['value'])} ({outlet})"
        marks.append(Mark(px, py, label, _href(p["article"], p.get("sentence_index")), css[outlet]))
        by_outlet.setdefault(outlet, []).append(f"{px},{py}")
    lines = [(css[o], " ".join(pts)) for o, pts in by_outlet.items() if len(pts) > 1]
    bands = []
    for dis in figure.get("disagreements", []):
        day = _day(dis["date"])
        if day is not None:
            bands.append((x(day), f"{dis['date']}: outlets disagree, {dis['spread']}"))
    ticks = [(y(high), _number(high)), (y(low), _number(low))]
    return Chart(marks, "", lines, bands, dated[0][1].isoformat(), dated[-1][1].isoformat(), ticks)  # fmt: skip


def legend(figure: FigureRow) -> list[tuple[str, str]]:
    outlets = list(dict.fromkeys(p.get("outlet") or "unknown outlet" for p in figure["series"]))
    return [(f"o{min(i, PALETTE)}", o) for i, o in enumerate(outlets)]


def context(data: ChangesPayload, entity: str | None, show_all: bool) -> dict[str, Any]:
    positions = data["positions"][:MAX_POSITIONS]
    figures = data["figures"][:MAX_FIGURES]
    return {
        "nav": "changes",
        "entity": entity or "",
        "show_all": show_all,
        "positions": [(p, step_chart(p)) for p in positions],
        "positions_total": len(data["positions"]),
        "figures": [(f, line_chart(f), legend(f)) for f in figures],
        "figures_total": len(data["figures"]),
        "params": {"entity": entity, "all": 1 if show_all else None},
        "path": "/changes",
    }


@router.get("/changes", response_class=HTMLResponse)
def changes(
    request: Request, state: State, render: Render, entity: Entity = None, show_all: ShowAll = False
) -> HTMLResponse:
    entity = (entity or "").strip() or None
    # The view first: an unknown entity is a 404 (E330) before anything is cached.
    data: ChangesPayload = state.story.view("changes", entity=entity, all=show_all)
    return cached_page(
        state,
        render,
        request,
        (entity, show_all),
        "changes.html",
        lambda: context(data, entity, show_all),
        filtered=entity is not None or show_all,
    )


@router.get("/api/changes", **documented(ChangesPayload))
def changes_api(state: State, entity: Entity = None, show_all: ShowAll = False) -> Response:
    """As ``storyline changes``: positions (stance per dated step) and figure series."""
    entity = (entity or "").strip() or None
    return api_answer(state, "changes", entity=entity, all=show_all)
