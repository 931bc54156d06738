"""The web app's JSON API: the CLI's shapes, one error shape, headers, store state."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette nudges towards httpx2
    from fastapi.testclient import TestClient

from storyline.errors import StoreError
from storyline.present.cli import app as cli_app
from storyline.present.web import create_app
from storyline.present.web.errors import CSP
from storyline.store import Store
from test_web_data import XSS_ID, Doc, build, story_store

# The app answers loopback host names only (TestClient's default is "testserver").
LOCAL = "http://localhost"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return story_store(tmp_path_factory.mktemp("web_api") / "story.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c


def cli_json(db: Path, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli_app, ["--db", str(db), *args, "--json"])
    assert result.exit_code == 0, result.output
    payload: dict[str, object] = json.loads(result.stdout)
    return payload


SAME = [
    (["articles"], "/api/articles"),
    (["timeline"], "/api/timeline"),
    (
        ["timeline", "--from", "2024-03-10", "--to", "2024-04-30"],
        "/api/timeline?from=2024-03-10&to=2024-04-30",
    ),
    (["timeline", "--entity", "Elena Ruiz"], "/api/timeline?entity=Elena%20Ruiz"),
    (["timeline", "--limit", "3"], "/api/timeline?limit=3"),
    (["timeline", "--query", "ferries"], "/api/timeline?query=ferries"),
    (["quotes"], "/api/quotes"),
    (["quotes", "--speaker", "Ruiz"], "/api/quotes?speaker=Ruiz"),
    (["entities"], "/api/entities"),
    (["sources"], "/api/sources"),
    (["facts"], "/api/facts"),
]


@pytest.mark.parametrize(("args", "url"), SAME, ids=[" ".join(a) for a, _u in SAME])
def test_api_returns_what_the_cli_prints(
    db: Path, client: TestClient, args: list[str], url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == cli_json(db, *args)


def test_filters_really_filter(client: TestClient) -> None:
    everything = client.get("/api/timeline?all=1").json()["events"]
    ruiz = client.get("/api/timeline?all=1&entity=Elena%20Ruiz").json()["events"]
    assert 0 < len(ruiz) < len(everything)
    digest = client.get("/api/timeline").json()["events"]
    assert 0 < len(digest) < len(everything)
    assert len(client.get("/api/timeline?limit=3").json()["events"]) == 3
    quotes = client.get("/api/quotes?speaker=Ruiz").json()["quotes"]
    assert quotes and all(q["speaker"] == "Elena Ruiz" for q in quotes)


def assert_error(response: object, status: int, code: str | None = None) -> dict[str, object]:
    r = response
    assert r.status_code == status  # type: ignore[attr-defined]
    assert r.headers["content-type"].startswith("application/json")  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert re.fullmatch(r"E\d{3}", error["code"])
    assert isinstance(error["message"], str) and error["message"]
    if code:
        assert error["code"] == code
    return dict(error)


def test_wrong_ids_give_404_in_the_error_shape(client: TestClient) -> None:
    err = assert_error(client.get("/api/articles/no-such-article"), 404, "E404")
    assert "no-such-article" in str(err["message"])
    assert_error(client.get("/api/entities/person:nobody"), 404, "E404")
    assert_error(client.get("/api/no/such/route"), 404, "E404")


def test_bad_parameters_give_422_in_the_error_shape(client: TestClient) -> None:
    err = assert_error(client.get("/api/timeline?from=yesterday"), 422, "E422")
    assert "from" in str(err["message"])
    assert_error(client.get("/api/timeline?to=2024-13-45"), 422, "E422")
    assert_error(client.get("/api/timeline?limit=0"), 422, "E422")
    assert_error(client.get("/api/timeline?limit=many"), 422, "E422")
    assert_error(client.get("/api/search"), 422, "E422")
    assert_error(client.post("/api/articles"), 405, "E405")


def test_a_bug_gives_500_in_the_error_shape_with_the_headers(db: Path) -> None:
    app = create_app(str(db))

    def broken() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/broken", broken)
    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False, base_url=LOCAL) as c:
        response = c.get("/api/broken")
        err = assert_error(response, 500, "E500")
        assert "secret" not in str(err["message"])  # internals go to the log, not the client
        assert response.headers["content-security-policy"] == CSP
        page = c.get("/broken")
        assert page.status_code == 500 and "E500" in page.text and "secret" not in page.text
        assert page.headers["content-security-policy"] == CSP


def test_pages_answer_errors_as_html(client: TestClient) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "E404" in response.text
    assert client.get("/timeline?from=nope").status_code == 422
    assert client.get("/timeline?gran=decade").status_code == 422


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/articles", "/static/app.css", "/api/articles/nope", "/nope"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_article_detail(client: TestClient) -> None:
    body = client.get("/api/articles/a000000000000003").json()
    article = body["article"]
    assert article["outlet"] == "Marlow Gazette" and article["text"].startswith(
        "An inspection report"
    )
    berg = next(m for m in body["mentions"] if m["text"] == "Tomas Berg")
    assert berg["entity"] == "person:tomas-berg"
    assert article["text"][berg["start"] : berg["end"]] == "Tomas Berg"
    assert {t["value"] for t in body["timexes"]} == {"2024-03-11", "2024-04"}
    assert any(q["anonymous"] for q in body["quotes"])
    hostile = client.get(f"/api/articles/{XSS_ID}").json()["article"]
    assert hostile["boilerplate"] and hostile["url"].startswith("javascript:")  # data kept as is


def test_entity_detail(client: TestClient) -> None:
    body = client.get("/api/entities/person:elena-ruiz").json()
    assert body["entity"]["name"] == "Elena Ruiz"
    assert "Ruiz" in body["entity"]["aliases"]
    assert [c["name"] for c in body["co_occurring"]][:1] == ["Tomas Berg"]
    assert {q["text"] for q in body["quotes"]} == {
        "as long as it takes to be sure",
        "work would begin in April",
    }
    counts = body["mentions_over_time"]["counts"]
    assert sum(c["mentions"] for c in counts) == body["entity"]["mentions"]


def test_search(client: TestClient) -> None:
    body = client.get("/api/search?q=corrosion").json()
    assert body["query"] == "corrosion"
    assert [r["article"] for r in body["results"]] == ["a000000000000003"]
    assert body["results"][0]["outlet"] == "Marlow Gazette"
    # user input is never FTS syntax
    assert client.get('/api/search?q=" OR * NEAR(').status_code == 200


def test_store_opened_read_only_and_missing_store_refused(db: Path, tmp_path: Path) -> None:
    app = create_app(str(db))
    assert app.state.web.store.read_only
    with pytest.raises(StoreError, match=r"\[E401\]"):
        create_app(str(tmp_path / "absent.db"))


def test_cache_follows_the_store(tmp_path: Path) -> None:
    db = story_store(tmp_path / "s.db")
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        before = len(c.get("/api/articles").json()["articles"])
        assert "5</strong> articles" in c.get("/").text
        extra = Doc(
            "c000000000000009", "Late Post", None, ["A late note about the bridge on Friday."]
        )
        article, ann = build(extra)
        with Store(db) as writer:
            writer.add_articles([article])
            writer.put_annotations([ann], "test-v1")
        assert len(c.get("/api/articles").json()["articles"]) == before + 1
        assert "6</strong> articles" in c.get("/").text


@pytest.mark.model
def test_api_matches_the_cli_on_the_sample_corpus(sample_db: Path) -> None:
    """The same comparison on a store the real pipeline built (conftest's sample_db)."""
    with TestClient(create_app(str(sample_db)), base_url=LOCAL) as c:
        for args, url in SAME:
            if "--entity" in args or "--speaker" in args:
                continue  # names from the story fixture
            assert c.get(url).json() == cli_json(sample_db, *args), url
        top = c.get("/api/entities").json()["entities"][0]
        assert c.get(f"/api/entities/{top['id']}").json()["entity"] == top
        first = c.get("/api/articles").json()["articles"][0]
        assert c.get(f"/api/articles/{first['id']}").json()["article"]["id"] == first["id"]


def test_api_documents_the_view_payloads(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    schemas = doc["components"]["schemas"]
    for name in (
        "TimelinePayload",
        "QuotesPayload",
        "OverviewPayload",
        "ActorPayload",
        "ArticlePayload",
    ):
        assert name in schemas, name
    assert set(schemas["Event"]["required"]) >= {"date", "start", "end", "summary", "evidence"}
    ok = doc["paths"]["/api/entities/{entity_id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]
    assert ok["schema"]["$ref"].endswith("/ActorPayload")
    brief = client.get("/api/overview").json()
    assert set(brief) >= {"range", "developments", "latest", "actors", "quotes", "figures"}


def test_pages_and_api_share_one_cache(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A view asked for by a page and by /api/ (with the same parameters) is built once."""
    import dataclasses

    from storyline.views import registry

    built: list[tuple[str, tuple[tuple[str, object], ...]]] = []
    for name in ("timeline", "quotes", "actor", "article"):
        view = registry.VIEWS[name]

        def counted(
            story: object, _name: str = name, _fn: object = view.function, **params: object
        ) -> object:
            built.append((_name, tuple(sorted(params.items()))))
            return _fn(story, **params)  # type: ignore[operator]

        monkeypatch.setitem(registry.VIEWS, name, dataclasses.replace(view, function=counted))
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        for url in ("/timeline?all=1", "/api/timeline?all=1", "/api/timeline", "/timeline"):
            assert c.get(url).status_code == 200
        for url in ("/entities/person:elena-ruiz", "/api/entities/person:elena-ruiz"):
            assert c.get(url).status_code == 200
        for url in ("/articles/a000000000000003", "/api/articles/a000000000000003"):
            assert c.get(url).status_code == 200
    assert built.count(("timeline", (("all", True),))) == 1
    assert built.count(("timeline", ())) == 1  # built at startup, then served to both
    assert built.count(("actor", (("id", "person:elena-ruiz"),))) == 1
    assert built.count(("article", (("id", "a000000000000003"),))) == 1
