"""The report's "What changed" section (html, md; json carries the payload), on the
sample corpus: the CLRIS position's steps in order, the figure series with their
disagreements, no "None" printed, article text escaped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.present import report
from storyline.store import Store

EVIL = "<script>alert(1)</script> *bold* [x](javascript:y)"


@pytest.fixture(scope="module")
def data(sample_db: Path) -> dict[str, Any]:
    return report.collect(Store(sample_db, read_only=True))


def test_json_carries_the_changes_payload(sample_db: Path, data: dict[str, Any]) -> None:
    changes = data["changes"]
    assert [p["actor"] for p in changes["positions"]] == ["Kestria"]
    assert any(f["disagreements"] for f in changes["figures"])
    cited = {a["id"] for a in data["articles"]}
    assert {
        ev["article"] for s in changes["positions"][0]["steps"] for ev in s["evidence"]
    } <= cited
    text = report.render(Store(sample_db, read_only=True), "json")
    assert json.loads(text)["changes"] == json.loads(json.dumps(changes))


def test_markdown_and_html_show_the_steps_in_order(sample_db: Path) -> None:
    md = report.render(Store(sample_db, read_only=True), "md")
    html = report.render(Store(sample_db, read_only=True), "html")
    section = md.split("## What changed", 1)[1].split("## Sources", 1)[0]
    stances = [
        line.split(", ", 1)[1].split(":", 1)[0]
        for line in section.splitlines()
        if line.startswith("  - 20")
    ]
    assert stances[0] == "against" and stances[-1] == "for" and "undecided" in stances
    assert "disagreement across dates" in section and "320–450 km" in section
    assert "<h2>What changed</h2>" in html and "320–450 km" in html
    for text in (md, html):
        assert "None" not in text


def test_the_section_escapes_article_text(data: dict[str, Any]) -> None:
    evil_changes = {
        "positions": [
            {
                "actor": EVIL,
                "claim": EVIL,
                "steps": [
                    {
                        "date": "2024-01",
                        "stance": "for",
                        "evidence": [
                            {"article": "a", "sentence": EVIL, "outlet": None, "published": None}
                        ],
                    }
                ],
            }
        ],
        "figures": [
            {
                "about": EVIL,
                "series": [
                    {
                        "date": "2024-01-02",
                        "value": 3.0,
                        "unit": "km",
                        "article": "a",
                        "outlet": None,
                        "text": EVIL,
                    }
                ],  # fmt: skip
                "disagreements": [
                    {"date": "2024-01-02", "spread": EVIL, "outlets": [EVIL], "points": [0]}
                ],  # fmt: skip
                "changes": [
                    {
                        "start": "2024-01-01",
                        "end": "2024-01-02",
                        "before": 1.0,
                        "after": 3.0,
                        "direction": "up",
                    }
                ],  # fmt: skip
            }
        ],
    }
    md = report.markdown({**data, "changes": evil_changes})
    section = md.split("## What changed", 1)[1].split("## Sources", 1)[0]
    assert (
        "<script>" not in section
        and "\\<script\\>" in section
        and "\\[x\\]\\(javascript" in section
    )
    assert "None" not in section and "unknown outlet" in section and "undated" in section
    html = (
        report._environment()
        .get_template("report.html.j2")
        .render(**{**data, "changes": evil_changes}, span="", showing="")
    )
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert "None" not in html.split("<h2>What changed</h2>", 1)[1]


def test_the_section_follows_the_reports_dates_and_entity(sample_db: Path) -> None:
    import datetime as dt

    store = Store(sample_db, read_only=True)
    late = report.collect(store, start=dt.date(2025, 9, 10))["changes"]
    assert late == {"positions": [], "figures": []}
    spring = report.collect(store, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31))["changes"]
    assert [p["actor"] for p in spring["positions"]] == ["Kestria"]  # shown whole
    assert [f["about"] for f in spring["figures"]] == [
        "range of Coastal Long-Range Interceptor System"
    ]
    assert report.collect(store, entity="Nobody Anywhere")["changes"]["positions"] == []
