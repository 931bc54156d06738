"""Which "Friday" a bare weekday is: the tense around it decides, for every weekday
and several publication dates (each a different day of the week).

Future ("will", "is scheduled to", "next") -> the coming one; past -> the last
one; present tense in news (a parse is needed to see it) -> the nearest one, and
the future where a "when" clause puts it in the present. Fixture sentences are
written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate.timex import tag

D = dt.date
# a Wednesday, a Monday, a Sunday, a Friday
DCTS = [D(2024, 9, 11), D(1998, 3, 2), D(2010, 1, 17), D(2023, 7, 21)]
NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def coming(dct: dt.date, wd: int) -> str:
    return (dct + dt.timedelta(days=(wd - dct.isoweekday()) % 7)).isoformat()


def after(dct: dt.date, wd: int) -> str:
    return (dct + dt.timedelta(days=(wd - dct.isoweekday() - 1) % 7 + 1)).isoformat()


def last(dct: dt.date, wd: int) -> str:
    return (dct - dt.timedelta(days=(dct.isoweekday() - wd) % 7)).isoformat()


def nearest(dct: dt.date, wd: int) -> str:
    back, ahead = (dct.isoweekday() - wd) % 7, (wd - dct.isoweekday()) % 7
    return last(dct, wd) if back < ahead else coming(dct, wd)


def weekday_value(text: str, dct: dt.date, name: str) -> str:
    hits = [t.value for t in tag(text, dct) if t.text == name]
    assert hits, f"{name} not tagged in {text!r}"
    return hits[0]


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("wd", range(1, 8))
def test_future_cues_take_the_coming_weekday(dct: dt.date, wd: int) -> None:
    name = NAMES[wd - 1]
    assert weekday_value(f"The two leaders will meet on {name}.", dct, name) == coming(dct, wd)
    text = f"The hearing is scheduled to open on {name}."
    assert weekday_value(text, dct, name) == coming(dct, wd)
    assert weekday_value(f"The ministers meet again next {name}.", dct, f"next {name}") == after(
        dct, wd
    )


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("wd", range(1, 8))
def test_a_future_far_back_in_the_sentence_still_counts(dct: dt.date, wd: int) -> None:
    # the "will" is 100 characters back, across abbreviations that end no sentence
    name = NAMES[wd - 1]
    text = (
        "No deal has been struck, but the loan will be on the agenda of Prime Minister Ana "
        f"Lutz and U.K. envoy Tom Reyes when the two meet at the palace on {name}."
    )
    assert weekday_value(text, dct, name) == coming(dct, wd)


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("wd", range(1, 8))
def test_past_cues_take_the_last_weekday(dct: dt.date, wd: int) -> None:
    name = NAMES[wd - 1]
    assert weekday_value(f"The two leaders met on {name}.", dct, name) == last(dct, wd)
    assert weekday_value(f"The vote was held on {name}.", dct, name) == last(dct, wd)
    text = f"Mr. Okafor has been in the capital since {name}, aides said."
    assert weekday_value(text, dct, name) == last(dct, wd)
    # "next to" is a place, not a time ahead
    text = f"A fire broke out next to the U.S. consulate on {name}."
    assert weekday_value(text, dct, name) == last(dct, wd)


def _parsed(nlp, text: str, dct: dt.date):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc._.dct = dct
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("wd", range(1, 8))
def test_present_tense_takes_the_nearest_weekday(nlp, dct: dt.date, wd: int) -> None:  # type: ignore[no-untyped-def]
    name = NAMES[wd - 1]
    doc = _parsed(nlp, f"The council meets on {name}.", dct)
    assert [t.value for t in doc._.timexes if t.text == name] == [nearest(dct, wd)]


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("wd", range(1, 8))
def test_a_when_clause_in_the_present_is_the_future(nlp, dct: dt.date, wd: int) -> None:  # type: ignore[no-untyped-def]
    name = NAMES[wd - 1]
    doc = _parsed(nlp, f"Talks resume when the envoys arrive on {name}.", dct)
    assert [t.value for t in doc._.timexes if t.text == name] == [coming(dct, wd)]
    doc = _parsed(nlp, f"Talks resumed when the envoys arrived on {name}.", dct)
    assert [t.value for t in doc._.timexes if t.text == name] == [last(dct, wd)]
