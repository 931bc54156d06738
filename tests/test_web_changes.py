"""The "What changed" page and ``/api/changes``: the same view as ``storyline changes``,
charts drawn as inline SVG, every step and point one click from its sentence, hostile
text escaped, small enough for a phone; and in a real browser (Debian's chromium)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from live_server import CHROMIUM, Server, chromium
from storyline.present.web.rendering import Renderer
from storyline.present.web.routes.changes import (
    HEIGHT,
    PAD_TOP,
    context,
    line_chart,
    step_chart,
)
from storyline.store import Store
from storyline.views.changes import ChangesPayload
from storyline.views.corpus import Corpus

LOCAL = "http://localhost"  # the app answers loopback host names only
EVIL = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def client(sample_db: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from storyline.present.web import create_app

    with TestClient(create_app(str(sample_db)), base_url=LOCAL) as c:
        yield c


def _href(article: str, sentence: int) -> str:
    return f"/articles/{quote(article, safe='')}#s{sentence}"


def test_page_and_api_show_the_view(client: Any, sample_db: Path) -> None:
    from storyline.views.changes import changes_view

    expected = changes_view(Corpus.from_store(Store(sample_db, read_only=True)))
    answer = client.get("/api/changes")
    assert answer.status_code == 200
    assert answer.json() == json.loads(json.dumps(expected))
    assert expected["positions"] and expected["figures"]
    page = client.get("/changes")
    assert page.status_code == 200 and len(page.content) < 300_000
    html = page.text
    assert html.count("<svg") == len(expected["positions"]) + len(expected["figures"])
    for p in expected["positions"]:
        for s in p["steps"]:
            for ev in s["evidence"][:3]:
                assert _href(ev["article"], ev["sentence_index"]).replace("&", "&amp;") in html
    for f in expected["figures"]:
        for pt in f["series"]:
            assert _href(pt["article"], pt["sentence_index"]) in html
    assert "None" not in re.sub(r"<[^>]+>", "", html)
    assert 'aria-current="page">What changed' in html


def test_entity_filter_and_unknown_entity(client: Any) -> None:
    kestria = client.get("/api/changes", params={"entity": "Kestria"}).json()
    assert [p["actor"] for p in kestria["positions"]] == ["Kestria"]
    assert "about Kestria" in client.get("/changes", params={"entity": "Kestria"}).text
    for path in ("/api/changes", "/changes"):
        missing = client.get(path, params={"entity": "Nobody Anywhere"})
        assert missing.status_code == 404
    assert client.get("/api/changes", params={"entity": "Nobody"}).json()["error"]["code"] == "E330"
    everything = client.get("/api/changes", params={"all": 1}).json()
    assert len(everything["positions"]) >= len(kestria["positions"])


def _hostile_payload() -> ChangesPayload:
    evidence = {"article": EVIL, "sentence": EVIL, "outlet": EVIL, "published": "2024-01-02", "sentence_index": 3}  # fmt: skip
    point = {"date": "2024-01-02", "value": 5.0, "unit": EVIL, "article": EVIL, "outlet": EVIL, "text": EVIL, "low": 5.0, "high": 5.0, "sentence": EVIL, "sentence_index": 1}  # fmt: skip
    other = {**point, "value": 9.0, "low": 9.0, "high": 9.0, "outlet": "B"}
    return {
        "positions": [
            {
                "actor": EVIL,
                "claim": EVIL,
                "steps": [
                    {"date": "2024-01-02", "stance": "against", "evidence": [evidence]},  # type: ignore[list-item]
                    {"date": "2024-03", "stance": "for", "evidence": [evidence]},  # type: ignore[list-item]
                ],
            }
        ],
        "figures": [
            {
                "about": EVIL,
                "series": [point, other],  # type: ignore[list-item]
                "disagreements": [
                    {"date": "2024-01-02", "spread": EVIL, "outlets": [EVIL, "B"], "points": [0, 1]}
                ],  # fmt: skip
                "changes": [],
            }
        ],
    }


def test_hostile_text_is_escaped_everywhere() -> None:
    html = Renderer().render("changes.html", **context(_hostile_payload(), EVIL, False))
    assert "<script>window" not in html and "<img" not in html and 'onerror="' not in html
    assert "&lt;script&gt;" in html
    # The id is one escaped path segment: no quote or angle bracket leaves the attribute.
    assert f'href="/articles/{quote(EVIL, safe="")}#s3"' in html


def test_step_chart_levels_and_dates() -> None:
    payload = _hostile_payload()
    chart = step_chart(payload["positions"][0])
    assert chart is not None
    against, for_ = chart.marks
    assert against.css == "against" and for_.css == "for"
    assert for_.y == PAD_TOP < against.y  # "for" is the top level
    assert against.x < for_.x  # January before March
    assert (
        chart.path.startswith(f"M{against.x} {against.y}") and f"H{for_.x} V{for_.y}" in chart.path
    )
    figure = line_chart(payload["figures"][0])
    assert figure is not None and len(figure.bands) == 1 and len(figure.marks) == 2
    low, high = sorted(figure.marks, key=lambda m: -m.y)
    assert low.y <= HEIGHT and high.y < low.y  # 9 drawn above 5


# --- in a real browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def server(sample_db: Path) -> Iterator[Server]:
    s = Server(sample_db)
    yield s
    s.stop()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_in_a_browser_a_step_leads_to_its_sentence_and_the_page_fits_a_phone(
    server: Server,
) -> None:
    pytest.importorskip("playwright.sync_api")
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        context.add_init_script(
            "window.__csp=[];document.addEventListener('securitypolicyviolation',"
            "e=>window.__csp.push(e.violatedDirective))"
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        assert page.goto(server.url + "/changes").status == 200
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.locator("section.position svg circle").count() >= 3
        assert page.evaluate("window.__csp") == []
        first = page.locator("section.position svg a").first
        href = first.get_attribute("href")
        assert href and re.fullmatch(r"/articles/[^#]+#s\d+", href)
        first.click()
        page.wait_for_url(re.compile(re.escape(href.split("#")[0])))
        anchor = href.split("#")[1]
        assert page.locator(f"[id='{anchor}']").count() == 1  # the sentence's anchor exists
        context.close()
        browser.close()
