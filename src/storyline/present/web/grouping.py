"""Timeline zoom: grouping events by year, month, ISO week or day, and paging.

Events keep their own granularity ("2023-05" is a whole month). Grouped at a
finer level than their own, they are filed under their own value, so a month
event shown by day sits in a "2023-05" group ahead of the days inside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ...views.periods import period
from .text import plural

GRANULARITIES = ("year", "month", "week", "day")
# Zooming into a group shows it at the next finer level.
FINER = {"year": "month", "month": "week", "week": "day", "day": "day"}
_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}


def value_granularity(value: str) -> str:
    """The granularity of a date value: 2023, 2023-05, 2023-W19, 2023-05-09."""
    if "W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def auto_granularity(events: list[dict[str, Any]]) -> str:
    """The level that shows the span of these events in a screenful of groups."""
    if not events:
        return "month"
    first = min(dt.date.fromisoformat(e["start"]) for e in events)
    last = max(dt.date.fromisoformat(e["end"]) for e in events)
    days = (last - first).days
    if days > 3 * 366:
        return "year"
    if days > 183:
        return "month"
    if days > 42:
        return "week"
    return "day"


@dataclass
class Group:
    label: str
    start: dt.date
    end: dt.date
    granularity: str  # of the group itself (coarser than asked when an event is)
    events: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (index, event)

    @property
    def zoomable(self) -> bool:
        return self.granularity != "day"

    def parts(self, size: int = 200) -> list[list[int]]:
        """Event indexes in runs of at most ``size`` (each its own list element)."""
        ids = [i for i, _e in self.events]
        return [ids[k : k + size] for k in range(0, len(ids), size)] or [[]]


def blocks(groups: list[Group], max_events: int = 200, max_groups: int = 80) -> list[list[Group]]:
    """Consecutive groups bundled into blocks the browser can skip while off screen.

    Each block is rendered with ``content-visibility: auto``: thousands of events
    in a few dozen blocks lay out fast, where thousands of one-event day groups,
    each skipped on its own, would not.
    """
    out: list[list[Group]] = []
    current: list[Group] = []
    held = 0
    for group in groups:
        if current and (held + len(group.events) > max_events or len(current) >= max_groups):
            out.append(current)
            current, held = [], 0
        current.append(group)
        held += len(group.events)
    if current:
        out.append(current)
    return out


def group_events(events: list[dict[str, Any]], granularity: str, *, offset: int = 0) -> list[Group]:
    """Events (already in timeline order) grouped by period, in order of first appearance.

    ``offset`` is the index of the first event in the whole list, so each
    event keeps its global index (the evidence request names it).
    """
    groups: dict[str, Group] = {}
    for i, event in enumerate(events, start=offset):
        own = value_granularity(event["date"])
        start = dt.date.fromisoformat(event["start"])
        level = own if _RANK[own] < _RANK[granularity] else granularity
        if level == own:
            label, first, last = event["date"], start, dt.date.fromisoformat(event["end"])
        else:
            label, first, last = period(start, level)
        group = groups.get(label)
        if group is None:
            group = groups[label] = Group(label, first, last, level)
        group.events.append((i, event))
    return list(groups.values())


def outlets_of(event: dict[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for ev in event["evidence"]:
        seen.setdefault(ev["outlet"] or "unknown outlet", None)
    return list(seen)


def filter_outlet(events: list[dict[str, Any]], outlet: str | None) -> list[dict[str, Any]]:
    """Events with at least one evidence sentence from this outlet."""
    if not outlet:
        return events
    wanted = outlet.casefold()
    return [
        e for e in events if any((ev["outlet"] or "").casefold() == wanted for ev in e["evidence"])
    ]


# One event's line. Markup.format escapes every argument, as the templates'
# autoescape does; building the rows here (once per filter set, then cached)
# rather than in a template loop keeps a 5,000-event page render cheap.
EVENT_ROW = Markup(
    '<li data-i="{i}"><button class="t" aria-expanded="false"><time>{date}</time> {summary}'
    ' <span class="n">{n} \u00b7 {outlets}</span></button></li>\n'
)


def event_rows(events: list[dict[str, Any]]) -> list[Markup]:
    """The rendered line of each event, by its index in ``events``."""
    return [
        EVENT_ROW.format(
            i=i,
            date=e["date"],
            summary=e["summary"],
            n=plural(len(e["evidence"]), "sentence"),
            outlets=", ".join(outlets_of(e)),
        )
        for i, e in enumerate(events)
    ]


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    total: int

    @classmethod
    def clamped(cls, number: int, size: int, total: int) -> Page:
        """Page ``number``, or the last page when asked past the end."""
        return cls(max(1, min(number, -(-total // size))), size, total)

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    @property
    def stop(self) -> int:
        return min(self.total, self.start + self.size)

    @property
    def has_next(self) -> bool:
        return self.stop < self.total

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))
