"""The story at a glance: the digest, the overview, quotes by speaker, titles and subjects.

Stores are built by hand (``test_web_data.build``), so every expectation follows
from the fixture, not from a model.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from storyline.models import Article
from storyline.present import tables
from storyline.present.cli import app
from storyline.present.report import FORMATS, render
from storyline.store import Store
from storyline.views.digest import LOOKBACK, digest_window
from storyline.views.quotes_view import appositive, clean_title
from storyline.views.shapes import OverviewPayload
from storyline.views.story import Story
from storyline.views.titles import title_from_url, title_of
from test_web_data import Doc, build, link

DAY0 = dt.date(2021, 3, 1)


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def pile() -> list[Doc]:
    """A port strike over three weeks, told by four outlets. Every article recalls
    the port's founding in 1890 and promises a vote on 2050-01-01, so by counts
    alone those days would rank; the strike days are what the digest must show."""
    docs = []
    outlets = ["North Post", "Harbor Daily", "Coast Wire", "Bay News"]
    for n in range(12):
        published = day(2 + n * 2)
        sentences = [
            f"Dockers at the port of Ostra stayed on strike on {day(1):%B %-d}, the union said.",
            "The port was founded on May 4, 1890 by merchants from the coast.",
            "A referendum on the port's future is promised for January 1, 2050.",
            f"Talks resumed on {day(10):%B %-d} between the union and the Ostra Port Authority.",
            "Port director Lena Vik said the port would reopen in stages.",
        ]
        timexes = [
            (0, f"{day(1):%B %-d}", day(1).isoformat()),
            (1, "May 4, 1890", "1890-05-04"),
            (2, "January 1, 2050", "2050-01-01"),
        ]
        if published >= day(10):
            timexes.append((3, f"{day(10):%B %-d}", day(10).isoformat()))
        docs.append(
            Doc(
                f"p{n:015d}",
                outlets[n % 4],
                published,
                sentences,
                title=None if n % 3 == 0 else f"Ostra strike, day {n}",
                url=f"https://news.example/{n}/ostra-dockers-strike-talks" if n % 3 == 0 else None,
                mentions=[
                    (0, "Ostra", "GPE"),
                    (3, "Ostra Port Authority", "ORG"),
                    (4, "Lena Vik", "PERSON"),
                ],
                timexes=timexes,
                quotes=[
                    (4, "the port would reopen in stages", "Port director Lena Vik", "said", False)
                ]
                if n < 3
                else [],
            )
        )
    return docs


def store_of(path: Path, docs: list[Doc], *, origins: dict[str, str] | None = None) -> Path:
    built = [build(d) for d in docs]
    articles: list[Article] = [replace(a, origin=(origins or {}).get(a.id)) for a, _ in built]
    with Store(path) as store:
        store.add_articles(articles)
        store.put_annotations([ann for _, ann in built], "test-v1")
        store.replace_links(link(docs, {}), [])
    return path


@pytest.fixture(scope="module")
def strike_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_of(tmp_path_factory.mktemp("strike") / "s.db", pile())


# ---- the digest ---------------------------------------------------------------------


def test_digest_never_shows_far_past_or_future_days(strike_db: Path) -> None:
    with Store(strike_db, read_only=True) as store:
        story = Story(store)
        full = [e["date"] for e in story.timeline(all=True)["events"]]
        digest = [e["date"] for e in story.timeline()["events"]]
    assert "1890-05-04" in full and "2050-01-01" in full  # the full record keeps them
    assert digest and "1890-05-04" not in digest and "2050-01-01" not in digest
    assert digest[0] == day(1).isoformat()  # it opens with the strike
    assert all(d <= day(24).isoformat() for d in digest)  # nothing after the last article


def test_digest_window_and_explicit_dates(strike_db: Path) -> None:
    with Store(strike_db, read_only=True) as store:
        story = Story(store)
        assert digest_window(story.corpus()) == (day(2) - LOOKBACK, day(24))
        # asked for, the far past is shown
        old = story.timeline(start=dt.date(1890, 1, 1), end=dt.date(1890, 12, 31), limit=3)[
            "events"
        ]
        assert [e["date"] for e in old] == ["1890-05-04"]


def test_a_date_ahead_of_its_article_is_not_a_happening(tmp_path: Path) -> None:
    """ "Talks resume on the 11th" in articles of the 3rd to the 9th names the 11th
    ahead of time; only articles published on or after it report it."""
    docs = [
        Doc(
            f"f{n:015d}",
            f"Outlet {n}",
            day(3 + n),
            [f"Talks will resume on {day(11):%B %-d} at the ministry, the union said."]
            + [f"The union met members on {day(2):%B %-d} in the hall of the port."],
            timexes=[
                (0, f"{day(11):%B %-d}", day(11).isoformat()),
                (1, f"{day(2):%B %-d}", day(2).isoformat()),
            ],
        )
        for n in range(7)
    ] + [
        Doc(
            "f999999999999999",
            "Outlet late",
            day(12),
            ["The ministry published its pay offer today after weeks of talks with the union."],
        )
    ]
    with Store(store_of(tmp_path / "f.db", docs), read_only=True) as store:
        events = Story(store).timeline()["events"]
    told = {e["date"]: [ev["sentence"] for ev in e["evidence"]] for e in events}
    assert day(2).isoformat() in told
    assert not any("will resume" in s for s in told.get(day(11).isoformat(), []))


def test_cli_timeline_digest_by_default_all_on_request(strike_db: Path) -> None:
    runner = CliRunner()
    digest = json.loads(runner.invoke(app, ["--db", str(strike_db), "timeline", "--json"]).stdout)[
        "events"
    ]
    full = json.loads(
        runner.invoke(app, ["--db", str(strike_db), "timeline", "--json", "--all"]).stdout
    )["events"]
    assert len(digest) < len(full)
    assert {e["date"] for e in digest} <= {e["date"] for e in full} | {e["date"] for e in digest}
    assert all(e["evidence"] for e in digest)


# ---- the overview --------------------------------------------------------------------


def test_overview_tells_the_story_in_brief(strike_db: Path) -> None:
    with Store(strike_db, read_only=True) as store:
        story = Story(store)
        ov = story.overview()
        assert story.view("overview") is ov  # registered, and cached per store state
    assert set(ov) == set(OverviewPayload.__annotations__)
    assert ov["range"] == {
        "first": day(2).isoformat(),
        "last": day(24).isoformat(),
        "articles": 12,
        "undated": 0,
    }
    latest = [n["published"] for n in ov["latest"]]
    assert latest == sorted(latest, reverse=True) and latest[0] == day(24).isoformat()
    assert all(n["sentence"] and n["title"] for n in ov["latest"])
    assert [a["name"] for a in ov["actors"]] == ["Lena Vik", "Ostra Port Authority"]  # no place
    (quote,) = ov["quotes"]
    assert quote["speaker"] == "Lena Vik" and quote["role"] == "Port director"
    strike = next(d for d in ov["developments"] if d["date"] == day(1).isoformat())
    assert strike["first_reported"] is not None
    assert strike["first_reported"]["published"] == day(2).isoformat()  # the earliest article
    assert strike["first_reported"]["outlet"] == "North Post"
    for d in ov["developments"]:
        assert d["date"] <= ov["range"]["last"]


def test_key_quotes_are_by_named_confident_speakers(tmp_path: Path) -> None:
    docs = [
        Doc(
            "q000000000000001",
            "Wire",
            day(1),
            [
                "He said the talks had failed completely last night.",
                "Officials said the port would stay shut for weeks.",
                "Union leader Mara Holm said the strike would go on until pay rises.",
            ],
            mentions=[(2, "Mara Holm", "PERSON")],
            quotes=[
                (0, "the talks had failed completely last night", "He", "said", False),
                (1, "the port would stay shut for weeks", "Officials", "said", True),
                (
                    2,
                    "the strike would go on until pay rises",
                    "Union leader Mara Holm",
                    "said",
                    False,
                ),
            ],
        )
    ]
    built = [build(d) for d in docs]
    article, ann = built[0]
    shaky = replace(ann.quotes[2], text="the strike would go on", confidence=0.1)
    ann = replace(ann, quotes=(*ann.quotes, shaky))
    with Store(tmp_path / "q.db") as store:
        store.add_articles([article])
        store.put_annotations([ann], "test-v1")
        store.replace_links(link(docs, {}), [])
        quotes = Story(store).overview()["quotes"]
    assert [(q["speaker"], q["text"], q["role"]) for q in quotes] == [
        ("Mara Holm", "the strike would go on until pay rises", "Union leader")
    ]


# ---- quotes by speaker ----------------------------------------------------------------


@pytest.fixture(scope="module")
def quotes_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = []
    for n in range(6):
        docs.append(
            Doc(
                f"s{n:015d}",
                "North Post" if n % 2 else "Bay News",
                day(n),
                [
                    f"Anna Berg, the harbour master, said the channel was clear ({n}).",
                    f"A port official, who asked not to be named, said ships were waiting ({n}).",
                ],
                mentions=[(0, "Anna Berg", "PERSON")],
                quotes=[
                    (0, f"the channel was clear ({n})", "Anna Berg", "said", False),
                    (1, f"ships were waiting ({n})", "A port official", "said", True),
                ],
            )
        )
    built = [build(d) for d in docs]
    anns = []
    for _a, ann in built:  # the official's words are reported speech
        anns.append(replace(ann, quotes=(ann.quotes[0], replace(ann.quotes[1], direct=False))))
    path = tmp_path_factory.mktemp("quotes") / "q.db"
    with Store(path) as store:
        store.add_articles([a for a, _ in built])
        store.put_annotations(anns, "test-v1")
        store.replace_links(link(docs, {}), [])
    return path


def test_quotes_grouped_by_speaker_with_role_and_paged(quotes_db: Path) -> None:
    with Store(quotes_db, read_only=True) as store:
        story = Story(store)
        everything = story.quotes()
        assert (
            everything["total"] == 12
            and everything["pages"] == 1
            and len(everything["quotes"]) == 12
        )
        first = story.quotes(per_page=5)
        third = story.quotes(per_page=5, page=3)
        beyond = story.quotes(per_page=5, page=9)
    assert (first["total"], first["pages"], len(first["quotes"])) == (12, 3, 5)
    assert (third["page"], len(third["quotes"])) == (3, 2)
    assert beyond["page"] == 3  # a page past the end is the last one
    groups = {g["speaker"]: g for g in everything["speakers"]}
    assert groups["Anna Berg"]["role"] == "the harbour master"
    assert groups["Anna Berg"]["count"] == 6 and groups["Anna Berg"]["speaker_entity"]
    assert groups["A port official"]["anonymous"] and groups["A port official"]["role"] is None
    for g in first["speakers"]:
        assert all(first["quotes"][i]["speaker"] == g["speaker"] for i in g["quotes"])
        assert g["count"] == 6  # over every page


def test_quote_filters(quotes_db: Path) -> None:
    with Store(quotes_db, read_only=True) as store:
        story = Story(store)
        direct = story.quotes(direct=True)["quotes"]
        indirect = story.quotes(indirect=True)["quotes"]
        anonymous = story.quotes(anonymous=True)["quotes"]
        named = story.quotes(named=True)["quotes"]
        north = story.quotes(outlet="north post")["quotes"]
        window = story.quotes(start=day(1), end=day(2))["quotes"]
    assert {q["speaker"] for q in direct} == {"Anna Berg"} and len(direct) == 6
    assert (
        {q["speaker"] for q in indirect} == {"A port official"} == {q["speaker"] for q in anonymous}
    )
    assert {q["speaker"] for q in named} == {"Anna Berg"}
    assert len(north) == 6 and {q["outlet"] for q in north} == {"North Post"}
    assert (
        sorted(q["published"] for q in window)
        == [day(1).isoformat()] * 2 + [day(2).isoformat()] * 2
    )


def test_cli_quote_filters(quotes_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["--db", str(quotes_db), "quotes", "--json", "--named", "--per-page", "4", "--page", "2"],
    )
    payload = json.loads(result.stdout)
    assert result.exit_code == 0 and payload["total"] == 6 and len(payload["quotes"]) == 2
    both = runner.invoke(app, ["--db", str(quotes_db), "quotes", "--direct", "--indirect"])
    assert both.exit_code == 2
    with Store(quotes_db, read_only=True) as store:
        payload = dict(Story(store).quotes(speaker="Anna Berg"))
    console = Console(width=300, record=True)
    tables.quotes(console, payload)
    assert "Anna Berg, the harbour master" in console.export_text()


def test_roles_as_the_text_gives_them() -> None:
    assert clean_title("Director-General Dr.") == "Director-General"
    assert clean_title("Dr") is None
    # a role of several words needs a word for a post or a person as its head
    assert clean_title("deputy director for science and public health") == (
        "deputy director for science and public health"
    )
    assert clean_title("Deputy District Attorney") == "Deputy District Attorney"
    assert clean_title("national police spokesman Lt. Col.") == "national police spokesman Lt. Col."
    assert clean_title("apparently drugged") is None
    assert clean_title("legal team representing") is None
    assert clean_title("swine flu hysteria") is None
    text = "Margaret Chan, the head of the WHO, said. Vicente Torres, Monterrey, said. Ann Lee, who runs it, said."
    assert appositive(text, text.index(", the head")) == "the head of the WHO"
    assert appositive(text, text.index(", Monterrey")) is None  # a place, not a role
    assert appositive(text, text.index(", who runs")) is None
    assert appositive("Ed Hale, Science Editor, wrote", 7) == "Science Editor"


def test_what_is_no_role() -> None:
    # a clause after "According to X,", a number's thousands, a list's next name
    text = "According to the Relief Office, the army has killed at least 3,000 people."
    assert appositive(text, text.index(", the army")) is None
    text = "Officials said the toll, at least 3,100, was rising."
    assert appositive(text, text.index(", at least")) is None
    text = "Norland, the Ostmark, Vesta and the NOAA and other government officials, agreed."
    assert appositive(text, text.index(", the Ostmark")) is None
    assert appositive(text, text.index(", Vesta") + 7) is None
    # a clause ending in a word for a post is no role either
    text = "The palace, mentioned the ban ordered by the interior secretary, wrote."
    assert appositive(text, text.index(", mentioned")) is None
    # a possessor, a first name, a calendar word, a dateline are no titles
    assert clean_title("CNN\u2019s") is None
    assert clean_title("Neil") is None and clean_title("September") is None
    assert clean_title("Sun Mar 29 2009 11:50:00") is None
    assert clean_title("And") is None
    assert clean_title("Engineer") == "Engineer" and clean_title("Gen.") == "Gen."


# ---- titles, subjects, origin ------------------------------------------------------------


def test_titles_from_text_or_url() -> None:
    assert title_of("Given", "text", None) == ("Given", "article")
    assert title_of(None, "\n  Ferry strike ends. Crews return on Monday.\nMore.", None) == (
        "Ferry strike ends.",
        "text",
    )
    # a wire's stamp and dateline say where and when; the title starts after them
    wire = (
        "VARNA, Kestria | Thu Oct 20, 2031 3:54 pm EDT VARNA (Reuters) - Ferry strike ends. More."
    )
    assert title_of(None, wire, None) == ("Ferry strike ends.", "text")
    assert title_of(None, "Thu, Oct 20 19:15 PM EDT (Reuters) - Crews return.", None) == (
        "Crews return.",
        "text",
    )
    # a headline run into the lead with no stop between them; a title-case one is whole
    glued = "Boy raises thousands for Tavel A seven-year-old boy has raised money for it."
    assert title_of(None, glued, None) == ("Boy raises thousands for Tavel", "text")
    title_case = "Mayor Says The Ferry Strike Is Over"
    assert title_of(None, title_case, None) == (title_case, "text")
    long_line = "word " * 60
    title, source = title_of(None, long_line, None)
    assert source == "text" and len(title) <= 91 and title.endswith("\u2026")
    assert title_of(None, "", "https://x.example/news/ferry-strike-ends.html?ref=1") == (
        "Ferry strike ends",
        "url",
    )
    assert title_of(None, "", "https://x.example/12345") == (None, "none")
    assert title_from_url("javascript:alert(1)") is None


def test_a_title_is_not_a_caption_a_byline_or_a_link_label() -> None:
    lead = "VARNA | Tue Jun 30, 2031 1:58 pm EDT VARNA (Reuters) - The ferry strike ended on Monday."
    # a wire photo's caption line ends with the picture's day; the story starts after it
    caption = "A crew member ties up a ferry in Varna June 29, 2031.\n"
    assert title_of(None, caption + lead, None) == ("The ferry strike ended on Monday.", "text")
    # a headline before the stamp (the city is written again after the day) is the title
    headline = "Ferry strike ends in Kestria: union VARNA | Tue Jun 30, 2031 1:58 pm EDT VARNA"
    assert title_of(None, headline + " (Reuters) - Crews return.", None) == (
        "Ferry strike ends in Kestria: union",
        "text",
    )
    two_cities = "Ferry strike ends VARNA/ODESSA | Tue Jun 30, 2031 1:58 pm EDT VARNA/ODESSA"
    assert title_of(None, two_cities + " (Reuters) - Crews return.", None) == (
        "Ferry strike ends",
        "text",
    )
    # a byline or a picture credit there is not; nor a link's label
    byline = "By Ada Quill, Transport Editor " + lead
    assert title_of(None, byline, None) == ("The ferry strike ended on Monday.", "text")
    credit = "Credit: Reuters/Ivo Dane " + lead
    assert title_of(None, credit, None) == ("The ferry strike ended on Monday.", "text")
    assert title_of(None, "Full Article Ferry strike ends\nMore.", None) == (
        "Ferry strike ends",
        "text",
    )
    # a dateline whose dash went to the next line
    split = "VARNA, Kestria (Reuters Life!)\n- Silence reigns on the quay."
    assert title_of(None, split, None) == ("Silence reigns on the quay.", "text")
    # a headline run into a standfirst opening with a quantifier
    glued = "First ferry strike in Kestria More than 700 crews stopped work on Monday."
    assert title_of(None, glued, None) == ("First ferry strike in Kestria", "text")


def test_articles_show_titles_origin_and_facts_their_subject(tmp_path: Path) -> None:
    docs = [
        Doc(
            "t000000000000001",
            "North Post",
            day(1),
            ["The Ostra ferry carried 1,200 passengers on its first day back."],
            mentions=[(0, "Ostra ferry", "PRODUCT")],
            quantities=[(0, "1,200 passengers", 1200.0, "count", "passengers")],
        ),
        Doc(
            "t000000000000002",
            "Bay News",
            day(2),
            ["Crews returned to the docks at dawn on Tuesday."],
            url="https://bay.example/2021/03/crews-return-to-docks",
        ),  # fmt: skip
    ]
    db = store_of(tmp_path / "t.db", docs, origins={"t000000000000002": "Reuters"})
    with Store(db, read_only=True) as store:
        story = Story(store)
        rows = {a["id"]: a for a in story.articles()["articles"]}
        (fact,) = story.facts()["facts"]
    assert rows["t000000000000001"]["title_source"] == "text"
    assert rows["t000000000000001"]["title"].startswith("The Ostra ferry carried")
    assert rows["t000000000000002"]["origin"] == "Reuters"
    assert fact["subject"] == "Ostra ferry" and fact["subject_source"] == "nearest"
    console = Console(width=300, record=True)
    tables.articles(console, dict(story.articles()))
    table = console.export_text()
    assert "Reuters" in table and "[from text]" in table


# ---- the report -----------------------------------------------------------------------


def bare_docs() -> list[Doc]:
    """Missing titles, outlets, URLs and dates, each on an article the report cites
    (the digest's, a quote's): nothing of it may print as None."""
    return [
        Doc(
            "n000000000000001",
            "",
            day(4),
            ["Rain closed the coast road on Friday, the police said."],
            timexes=[(0, "Friday", "2021-03-05")],
        ),  # fmt: skip
        Doc(
            "n000000000000002",
            "Coast Wire",
            day(5),
            ["The coast road reopened on March 6 after crews cleared 40 tonnes of mud."],
            title="Coast road reopens",
            timexes=[(0, "March 6", "2021-03-06")],
            quantities=[(0, "40 tonnes", 40.0, "t", "weight")],
        ),
        Doc(
            "n000000000000003",
            "Coast Wire",
            None,
            ["Road engineer Ola Lund said the slope would be checked every week."],
            mentions=[(0, "Ola Lund", "PERSON")],
            quotes=[
                (
                    0,
                    "the slope would be checked every week",
                    "Road engineer Ola Lund",
                    "said",
                    False,
                )
            ],
        ),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_never_prints_none(tmp_path: Path, fmt: str) -> None:
    docs = bare_docs()
    built = [build(d) for d in docs]
    articles = [replace(a, outlet=a.outlet or None) for a, _ in built]
    with Store(tmp_path / "n.db") as store:
        store.add_articles(articles)
        store.put_annotations([ann for _, ann in built], "test-v1")
        store.replace_links(link(docs, {}), [])
        text = render(store, fmt)
    assert not re.search(r"\bNone\b", text)
    assert "2021-03-05" in text and "2021-03-06" in text  # the outlet-less article's day is shown
    if fmt in ("html", "md"):
        assert "Ola Lund" in text and "undated" in text and "unknown outlet" in text


def test_report_options(strike_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "r.md"
    args = ["--db", str(strike_db), "report", "--format", "md", "-o", str(out)]
    result = runner.invoke(
        app, [*args, "--from", day(9).isoformat(), "--to", day(30).isoformat(), "--limit", "1"]
    )
    assert result.exit_code == 0, result.stderr
    md = out.read_text()
    assert md.startswith("# Story report\n\n12 articles published 2021-03-03 to 2021-03-25.")
    digest = md.split("## Digest\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(digest) == 1 and digest[0].startswith(f"- **{day(10).isoformat()}**")
    assert runner.invoke(app, [*args, "--entity", "Lena Vik"]).exit_code == 0
    quotes = out.read_text().split("## Quotes", 1)[1]
    assert "Lena Vik" in quotes
    assert runner.invoke(app, [*args, "--from", "yesterday"]).exit_code == 2
