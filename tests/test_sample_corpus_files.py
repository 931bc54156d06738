"""The bundled sample corpus is well-formed and its gold annotations are true of its text.

These tests only read files: no pipeline, no model. They check that the
manifest and articles.jsonl parse, that every gold string really occurs in the
article it names, and that the gold dates agree with calendar arithmetic
against each article's publication date (so a wrong weekday fails here, not
in a pipeline test).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample"
ARTICLE_SUFFIXES = {".txt", ".html", ".jsonl"}
MANIFEST_KEYS = {"file", "url", "published", "outlet", "title", "origin"}
JSONL_KEYS = {"text", "title", "outlet", "url", "published"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_DATE_HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})")


@cache
def manifest() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for line in (SAMPLE / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            rows[record["file"]] = record
    return rows


@cache
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    return data


def jsonl_records(name: str) -> list[dict[str, Any]]:
    lines = (SAMPLE / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def raw(file: str) -> str:
    """The stored text of a gold 'file': a path, or 'name.jsonl:N' for line N."""
    if ".jsonl:" in file:
        name, _, number = file.rpartition(":")
        text: str = jsonl_records(name)[int(number) - 1]["text"]
        return text
    return (SAMPLE / file).read_text(encoding="utf-8")


def body(file: str) -> str:
    """Article prose: the <article> element's text for HTML, the whole text otherwise."""
    text = raw(file)
    if file.endswith(".html"):
        match = _ARTICLE.search(text)
        assert match, f"{file}: no <article> element"
        text = html.unescape(_TAG.sub(" ", match.group(1)))
        text = re.sub(r"[ \t]+", " ", text)
    return text


def article_files() -> list[str]:
    """Every gold-addressable article: plain files plus one entry per JSON Lines record."""
    names: list[str] = []
    for path in sorted(SAMPLE.iterdir()):
        if path.suffix == ".jsonl" and path.name != "manifest.jsonl":
            names += [f"{path.name}:{n}" for n in range(1, len(jsonl_records(path.name)) + 1)]
        elif path.suffix in {".txt", ".html"}:
            names.append(path.name)
    return names


def published_dates() -> dict[str, str | None]:
    return {row["file"]: row["date"] for row in gold()["published"]}


# ---- manifest and JSON Lines ------------------------------------------------


def test_manifest_lines_parse_and_name_existing_files() -> None:
    lines = (SAMPLE / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines, "manifest is empty"
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
        assert isinstance(record, dict), f"line {number} is not an object"
        assert isinstance(record.get("file"), str), f"line {number} has no 'file'"
        assert set(record) <= MANIFEST_KEYS, f"line {number}: unknown keys {set(record) - MANIFEST_KEYS}"
        assert (SAMPLE / record["file"]).is_file(), f"line {number}: {record['file']} missing"
        if "published" in record:
            dt.date.fromisoformat(record["published"])
        if "url" in record:
            host = urlparse(record["url"]).hostname or ""
            assert host.endswith(".example"), f"line {number}: use *.example URLs, got {host}"
    files = [json.loads(line)["file"] for line in lines]
    assert len(files) == len(set(files)), "a file is named twice"


def test_every_article_file_is_in_the_manifest() -> None:
    # With a manifest, ingest reads only the files it names; an unlisted article would vanish.
    on_disk = {
        p.name for p in SAMPLE.iterdir()
        if p.suffix in ARTICLE_SUFFIXES and p.name != "manifest.jsonl"
    }
    assert on_disk == set(manifest())


def test_jsonl_records_have_the_expected_fields() -> None:
    records = jsonl_records("articles.jsonl")
    assert len(records) == 2
    for record in records:
        assert JSONL_KEYS <= set(record)
        assert all(isinstance(record[k], str) and record[k].strip() for k in JSONL_KEYS)
        dt.date.fromisoformat(record["published"])
        assert (urlparse(record["url"]).hostname or "").endswith(".example")


def test_corpus_size_and_article_lengths() -> None:
    total = sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file())
    assert total < 150_000
    articles = article_files()
    assert 14 <= len(articles) <= 18
    boiler = {(b["file"], b["line"]) for b in gold()["boilerplate"]}
    for file in articles:
        lines = [ln for ln in body(file).splitlines() if (file, ln.strip()) not in boiler]
        words = len(" ".join(lines).split())
        assert 150 <= words <= 500, f"{file}: {words} words"


def test_formats_are_mixed() -> None:
    names = article_files()
    assert sum(n.endswith(".html") for n in names) in (2, 3)
    assert sum(".jsonl:" in n for n in names) == 2
    headers = [n for n in names if n.endswith(".txt") and _DATE_HEADER.match(raw(n))]
    assert len(headers) >= 2
    # One date header runs straight into the first sentence on the same line.
    assert any(
        re.match(r"^ date \d{4}-\d{2}-\d{2} \S", raw(n).split("\n", 1)[0]) for n in headers
    )


# ---- gold: strings occur where gold says -----------------------------------


def test_gold_has_every_section() -> None:
    expected = {
        "timeline", "quotes", "entities", "distinct_entities", "citations", "copies",
        "facts", "undated_files", "published", "boilerplate", "stance",
    }
    assert expected <= set(gold())


def test_gold_files_exist() -> None:
    names = set(article_files())
    g = gold()
    for section in ("timeline", "quotes", "citations", "copies", "published", "boilerplate", "stance"):
        for item in g[section]:
            assert item["file"] in names, f"{section}: unknown file {item['file']}"
    for item in g["copies"]:
        assert item["copy_of"] in names
    for pair in g["facts"]["consistent"] + g["facts"]["disagreements"]:
        for side in pair:
            assert side["file"] in names
    assert set(g["undated_files"]) <= names
    assert {p["file"] for p in g["published"]} == names


def test_timeline_phrases_occur() -> None:
    for item in gold()["timeline"]:
        assert item["phrase"] in body(item["file"]), item


def test_quote_strings_occur() -> None:
    names = {e["name"] for e in gold()["entities"]}
    for item in gold()["quotes"]:
        text = body(item["file"])
        assert item["text_contains"] in text, item
        assert item["speaker"] is None or item["speaker"] in names, item
        assert item["anonymous"] == (item["speaker"] is None), item
        assert isinstance(item["direct"], bool)
        for key in ("speaker_surface", "addressee"):
            if key in item:
                assert item[key] in text, (key, item)


def test_quote_shapes_are_covered() -> None:
    quotes = gold()["quotes"]
    assert sum(q["anonymous"] for q in quotes) >= 3
    assert sum(not q["direct"] for q in quotes) >= 3
    assert sum(q.get("speaker_surface", "").lower() in {"he", "she"} for q in quotes) >= 3
    assert sum("addressee" in q for q in quotes) >= 3
    # The same quote carried by two different outlets.
    by_text: dict[str, set[str]] = {}
    for q in quotes:
        by_text.setdefault(q["text_contains"], set()).add(outlet_of(q["file"]))
    assert any(len(outlets) >= 2 for outlets in by_text.values())


def outlet_of(file: str) -> str:
    if ".jsonl:" in file:
        name, _, number = file.rpartition(":")
        outlet: str = jsonl_records(name)[int(number) - 1]["outlet"]
        return outlet
    return manifest()[file].get("outlet", "")


def test_entity_aliases_occur() -> None:
    corpus = "\n".join(body(f) for f in article_files())
    for entity in gold()["entities"]:
        assert entity["name"] in entity["aliases"] or any(
            a in entity["name"] for a in entity["aliases"]
        ), entity
        for alias in entity["aliases"]:
            assert re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", corpus), (entity["name"], alias)


def test_distinct_entities_are_known() -> None:
    names = {e["name"] for e in gold()["entities"]}
    for first, second in gold()["distinct_entities"]:
        assert first in names and second in names and first != second


def test_two_people_share_a_surname_in_one_article() -> None:
    pair = next(p for p in gold()["distinct_entities"] if p[0].split()[-1] == p[1].split()[-1])
    assert any(pair[0] in body(f) and pair[1] in body(f) for f in article_files())


def test_citation_evidence_occurs() -> None:
    orgs = {e["name"] for e in gold()["entities"] if e["type"] == "ORG"}
    for item in gold()["citations"]:
        assert item["cites"] in orgs, item
        assert item["evidence"] in body(item["file"]), item
        assert outlet_of(item["file"]) != item["cites"], "an outlet citing itself"


def test_fact_strings_occur() -> None:
    facts = gold()["facts"]
    assert facts["consistent"] and facts["disagreements"]
    for pair in facts["consistent"] + facts["disagreements"]:
        for side in pair:
            assert side["text"] in body(side["file"]), side


def test_km_and_miles_pairs_agree_or_disagree_as_labelled() -> None:
    def km(text: str) -> float | None:
        match = re.search(r"(\d+(?:\.\d+)?)\s*(km|kilometers|kilometres|miles)\b", text)
        if not match:
            return None
        value = float(match.group(1))
        return value * 1.609344 if match.group(2) == "miles" else value

    facts = gold()["facts"]
    checked = 0
    for label, pairs in (("consistent", facts["consistent"]), ("disagree", facts["disagreements"])):
        for a, b in pairs:
            ka, kb = km(a["text"]), km(b["text"])
            if ka is None or kb is None:
                continue
            checked += 1
            close = abs(ka - kb) / max(ka, kb) < 0.05
            assert close == (label == "consistent"), (a, b)
    assert checked >= 2


def test_boilerplate_lines_are_whole_lines() -> None:
    for item in gold()["boilerplate"]:
        lines = [ln.strip() for ln in raw(item["file"]).splitlines()]
        assert item["line"] in lines, item


def test_stance_strings_occur_and_flip_over_time() -> None:
    order = {"no plans": 0, "under review": 1, "authorized": 2}
    dates = published_dates()
    dated = []
    for item in gold()["stance"]:
        assert item["text_contains"] in body(item["file"]), item
        assert item["stance"] in order
        if dates[item["file"]]:
            dated.append((dates[item["file"]], order[item["stance"]]))
    dated.sort()
    assert [s for _, s in dated] == sorted(s for _, s in dated), "stance must not flip back"
    assert {s for _, s in dated} == set(order.values())


def test_copies_look_like_what_gold_says() -> None:
    boiler = {(b["file"], b["line"]) for b in gold()["boilerplate"]}

    def paragraphs(file: str) -> set[str]:
        lines = (p.strip() for p in body(file).split("\n"))
        return {p for p in lines if len(p.split()) > 8 and (file, p) not in boiler}

    for item in gold()["copies"]:
        copy, original = paragraphs(item["file"]), paragraphs(item["copy_of"])
        shared = len(copy & original) / len(copy)
        assert outlet_of(item["file"]) != outlet_of(item["copy_of"])
        if item["kind"] == "syndicated":
            assert 0.5 <= shared < 1.0, shared  # copied with small edits
            assert len(original - copy) >= 1  # a paragraph edited or trimmed
        elif item["kind"] == "rewrite":
            assert shared == 0.0, shared  # own words, and it must cite the original
            cited = {c["cites"] for c in gold()["citations"] if c["file"] == item["file"]}
            assert outlet_of(item["copy_of"]) in cited


# ---- gold: publication dates and their sources -----------------------------


def test_published_sources_match_the_files() -> None:
    for item in gold()["published"]:
        file, date, source = item["file"], item["date"], item["source"]
        row = manifest().get(file, {})
        if ".jsonl:" in file:
            assert source == "manifest" and raw_record(file)["published"] == date
            continue
        text = raw(file)
        header = _DATE_HEADER.match(text)
        if source == "manifest":
            assert row.get("published") == date, item
        else:
            assert "published" not in row, f"{file}: manifest date would win over {source}"
        if source == "header":
            assert header and header.group(1) == date, item
        elif source == "html":
            match = re.search(r'property="article:published_time" content="([\d-]{10})', text)
            assert match and match.group(1) == date, item
        elif source == "url":
            y, m, d = date.split("-")
            assert f"/{y}/{m}/{d}/" in row.get("url", ""), item
            assert not header
        elif source == "unknown":
            assert date is None and file in gold()["undated_files"]


def raw_record(file: str) -> dict[str, Any]:
    name, _, number = file.rpartition(":")
    return jsonl_records(name)[int(number) - 1]


def test_undated_files_carry_no_date_anywhere() -> None:
    assert len(gold()["undated_files"]) >= 2
    for file in gold()["undated_files"]:
        row = manifest()[file]
        assert "published" not in row
        assert not re.search(r"\d", row.get("url", "")), row
        text = raw(file)
        assert not _DATE_HEADER.match(text)
        assert not re.search(r"\b(?:19|20)\d{2}\b", text), f"{file} mentions a year"


# ---- gold: time expressions resolve by calendar arithmetic -----------------


def _month(value: str) -> tuple[int, int]:
    year, month = value.split("-")[:2]
    return int(year), int(month)


_WINDOWS = {"past": range(-6, 0), "future": range(1, 7), "same day": range(0, 1)}


def _check_timex(phrase: str, value: str, published: dt.date, direction: str | None) -> None:
    low = phrase.lower()
    weekday = next((w for w in WEEKDAYS if w.lower() in low), None)
    month_word = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", low)
    number = re.search(r"\d+", phrase)
    if re.fullmatch(r"P\d+[YMWD]", value):
        assert number is not None and value[1:-1] == number.group()
    elif weekday:
        day = dt.date.fromisoformat(value)
        assert WEEKDAYS[day.weekday()] == weekday
        assert direction in _WINDOWS, "a weekday needs its direction: past, future or same day"
        assert (day - published).days in _WINDOWS[direction]
    elif low == "yesterday":
        assert dt.date.fromisoformat(value) == published - dt.timedelta(days=1)
    elif "last month" in low:
        previous = published.replace(day=1) - dt.timedelta(days=1)
        assert _month(value) == (previous.year, previous.month)
    elif "this month" in low:
        assert _month(value) == (published.year, published.month)
    elif "last year" in low or "a year ago" in low:
        assert value == str(published.year - 1)
    elif "this year" in low:
        assert value == str(published.year)
    elif "this summer" in low:
        assert value == f"{published.year}-SU"
    elif month_word and number is not None:  # "Aug. 30", "March 3"
        day = dt.date.fromisoformat(value)
        assert day.month == MONTHS[month_word.group(1)]
        assert day.day == int(number.group())
        assert abs((day - published).days) < 183
    elif month_word:  # "in March", "In late May", "since January"
        year, month = _month(value)
        assert month == MONTHS[month_word.group(1)]
        assert dt.date(year, month, 1) <= published
        assert (published - dt.date(year, month, 1)).days < 366
    else:  # anchored on another expression ("two weeks later"): a real day near publication
        assert abs((dt.date.fromisoformat(value) - published).days) < 366


def test_timeline_dates_follow_from_publication_dates() -> None:
    dates = published_dates()
    assert len(gold()["timeline"]) >= 20
    for item in gold()["timeline"]:
        assert item["published"] == dates[item["file"]], item
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?|-SU)?|P\d+[YMWD]", item["date"]), item
        published = dt.date.fromisoformat(item["published"])
        _check_timex(item["phrase"], item["date"], published, item.get("direction"))


@pytest.mark.parametrize(
    "phrase",
    ["on Tuesday", "on Friday", "last month", "earlier this month", "in late May", "in March",
     "Aug. 30", "Sept. 2", "two weeks later", "the following day", "since last year",
     "by the end of this year", "this summer", "yesterday", "a year ago", "months of talks"],
)
def test_every_kind_of_time_expression_is_in_gold(phrase: str) -> None:
    assert any(phrase in item["phrase"].lower() or phrase.lower() in item["phrase"].lower()
               for item in gold()["timeline"]), phrase
