"""The actor page's chart of mentions over time, drawn from the ``actor`` view's counts."""

from __future__ import annotations

from dataclasses import dataclass

from ...views.actor import MentionsOverTime

CHART_WIDTH = 640
CHART_HEIGHT = 90


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    granularity: str
    bars: list[Bar]
    undated: int
    peak: int
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


def chart(over_time: MentionsOverTime) -> Chart:
    rows = [(c["period"], c["mentions"]) for c in over_time["counts"]]
    peak = max((n for _label, n in rows), default=0)
    bars: list[Bar] = []
    if rows and peak:
        slot = CHART_WIDTH / len(rows)
        usable = CHART_HEIGHT - 14  # room for the axis labels
        for i, (label, n) in enumerate(rows):
            h = round(usable * n / peak, 1)
            bars.append(
                Bar(
                    label,
                    n,
                    round(i * slot + slot * 0.1, 1),
                    round(usable - h, 1),
                    round(slot * 0.8, 1),
                    h,
                )
            )
    return Chart(over_time["granularity"], bars, over_time["undated"], peak)
