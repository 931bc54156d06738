"""The lead rule: an article's opening report is dated to its publication day.

Fixture sentences are written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from storyline import api
from storyline.annotate.timex import date_sentences, register_extensions, tag
from storyline.models import SentenceDate
from storyline.options import Options
from storyline.store import Store

D = dt.date
DCTS = [D(2024, 9, 11), D(2010, 1, 17), D(1998, 3, 2)]


def _dates(text: str, dct: dt.date) -> dict[int, SentenceDate]:
    doc = spacy.blank("en")(text)
    return {sd.sentence: sd for sd in date_sentences(doc, tag(text, dct), dct)}


@pytest.mark.parametrize("dct", DCTS)
def test_a_lead_in_the_present_or_the_perfect_is_dated_to_publication(dct: dt.date) -> None:
    for lead in (
        "The council is finalizing a plan to reopen the northern ferry route.",
        "The port authority has reopened the harbour to cargo ships.",
        "The two governments are in talks over a new fishing agreement.",
    ):
        got = _dates(lead + " Missiles are expensive.", dct)
        assert (got[0].rule, got[0].value, got[0].interval_start) == ("lead", dct.isoformat(), dct)
        assert 1 not in got  # only the lead: a generic sentence after it stays undated


@pytest.mark.parametrize("dct", DCTS)
def test_headlines_prompts_and_questions_come_before_the_lead(dct: dt.date) -> None:
    text = (
        "Port reopens after storm\n"
        "Can not play media.\n"
        "Sorry, this clip is not available in your region.\n"
        "Is the old bridge safe?\n"
        "Engineers have closed the old bridge to all traffic."
    )
    got = _dates(text, dct)
    assert [(i, sd.rule) for i, sd in got.items() if sd.rule == "lead"] == [(4, "lead")]


@pytest.mark.parametrize("dct", DCTS)
def test_the_text_dates_the_lead_otherwise(dct: dt.date) -> None:
    got = _dates("The army withdrew from the valley on Aug. 30. Officials said so.", dct)
    assert got[0].rule == "timex" and got[0].value.endswith("-08-30")
    # a lead told in the future has no date of its own
    got = _dates("The central bank will raise its key rate. Traders said they expected it.", dct)
    assert 0 not in got
    # unless it is reported: the report is the news
    got = _dates("Officials said the central bank will raise its key rate.", dct)
    assert got[0].rule == "lead"


@pytest.mark.parametrize("dct", [D(2024, 9, 11), D(2023, 7, 21), D(2010, 1, 17)])
def test_a_recent_day_the_parse_did_not_attach_dates_the_lead(dct: dt.date) -> None:
    # "The cabinet on Tuesday approved the budget." parsed with "on Tuesday" hanging off
    # the subject (as a dateline before it can make happen): the day is still the news's
    words = ["The", "cabinet", "on", "Tuesday", "approved", "the", "budget", "."]
    register_extensions()
    starts: list[bool | int | None] = [True]
    starts += [False] * 7
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 4, 1, 2, 4, 6, 4, 4],
        deps=["det", "nsubj", "prep", "pobj", "ROOT", "det", "dobj", "punct"],
        pos=["DET", "NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["DT", "NN", "IN", "NNP", "VBD", "DT", "NN", "."],
        sent_starts=starts,
    )
    (sd,) = date_sentences(doc, tag(doc.text, dct), dct)
    tuesday = dct - dt.timedelta(days=(dct.isoweekday() - 2) % 7)
    assert (sd.rule, sd.value, sd.timex) == ("lead", tuesday.isoformat(), 0)


def _write(folder: Path, name: str, published: str, text: str) -> dict[str, str]:
    (folder / name).write_text(text, encoding="utf-8")
    return {"file": name, "published": published, "outlet": name.split("-")[0]}


def test_every_article_contributes_its_lead_to_the_timeline(tmp_path: Path) -> None:
    rows = [
        _write(tmp_path, "north-1.txt", "2021-04-06",
               "The regional assembly has approved a plan to rebuild the river dam.\n\n"
               "Work on the dam is expected to take three years, officials said.\n"),
        _write(tmp_path, "south-2.txt", "2021-04-20",
               "Engineers are testing the first section of the rebuilt river dam.\n\n"
               "The assembly approved the project earlier this month.\n"),
        _write(tmp_path, "east-3.txt", "2021-05-02",
               "The river dam is in use again after a month of tests.\n\n"
               "Farmers downstream welcomed the news.\n\n"
               "Earlier floods\n\n4 May 1998 :\n\nThe old dam gave way in 1998 after a week of rain.\n"),
    ]  # fmt: skip
    (tmp_path / "manifest.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    db = tmp_path / "store.db"
    store = Store(db)
    report = api.add(
        store, [tmp_path], manifest=tmp_path / "manifest.jsonl", options=Options(db=str(db))
    )
    assert not report.errors, report.errors
    events = api.timeline(store, all=True)["events"]
    store.close()
    leads = {
        (e["date"], " ".join(ev["sentence"].split()[:3]))
        for e in events
        for ev in e["evidence"]
        if ev["sentence_index"] == 0
    }
    assert leads == {
        ("2021-04-06", "The regional assembly"),
        ("2021-04-20", "Engineers are testing"),
        ("2021-05-02", "The river dam"),
    }
    # a date label of a chronology tells no happening; the sentence after it does
    told = {ev["sentence"]: e["date"] for e in events for ev in e["evidence"]}
    assert "4 May 1998 :" not in told
    assert told["The old dam gave way in 1998 after a week of rain."] == "1998"
