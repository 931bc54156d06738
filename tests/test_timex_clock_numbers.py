"""Four-digit clock times are never years; a bare number needs year evidence.

Fixture sentences are written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate.timex import tag

D = dt.date
DCTS = [D(2010, 1, 14), D(1998, 8, 8), D(2024, 12, 31)]


def values(text: str, dct: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize("dct", DCTS)
def test_a_time_with_a_zone_is_no_year(dct: dt.date) -> None:
    # no day named with it: claimed (no year reading takes it), not reported
    assert values("Shortly after 1230 GMT a cargo plane left Lisbon.", dct) == []
    assert values("The convoy crossed at 0915 local time.", dct) == []
    # a day named with it: a time on that day
    got = dict(values("4 MARCH , 1300 GMT , ON THE COAST ROAD", dct))
    assert got["1300 GMT"] == got["4 MARCH"] + "T13:00"
    got = dict(values("The pumps stopped at 1425 local time -LRB- 1925 GMT -RRB- on 1 June .", dct))
    assert got["1425 local time"] == got["1 June"] + "T14:25"
    assert all(not v.startswith(("1300", "1425", "1925")) for v in got.values())


@pytest.mark.parametrize("dct", DCTS)
def test_a_time_restated_in_brackets(dct: dt.date) -> None:
    for text in (
        "By 1100 (1600 GMT) the pumps were running again.",
        "By 1100 -LRB- 1600 GMT -RRB- the pumps were running again.",  # PTB brackets
    ):
        assert values(text, dct) == []
    thursday = dct - dt.timedelta(days=(dct.isoweekday() - 4) % 7)
    got = values("The pumps had stopped by 1100 (1600 GMT) on Thursday.", dct)
    assert got == [("1100", f"{thursday.isoformat()}T11:00"), ("Thursday", thursday.isoformat())]
    # the zone time after a clock time restates it: not a second expression
    got = values("The blast came at 10:35 a.m. (0735 GMT) on Friday.", dct)
    assert [t for t, _ in got] == ["10:35 a.m.", "Friday"]


@pytest.mark.parametrize("dct", DCTS)
def test_live_page_times_at_line_starts(dct: dt.date) -> None:
    text = (
        "Latest updates from the flooded valley.\n"
        "1808\n"
        "Volunteers are filling sandbags near the bridge.\n"
        "1815 The river has burst its banks at two points.\n"
        "2004\n"
        "Officials have opened a second shelter.\n"
    )
    assert values(text, dct) == []


def test_one_number_opening_a_line_can_still_be_a_year() -> None:
    dct = D(2010, 1, 14)
    assert values("Chronology of the dispute.\n2009 saw the first strikes.", dct) == [
        ("2009", "2009")
    ]


@pytest.mark.parametrize(("dct", "old"), [(D(2010, 1, 14), "1804"), (D(2009, 5, 1), "1918")])
def test_years_with_evidence_stay_years(dct: dt.date, old: str) -> None:
    assert values(f"The republic was founded in {old} after a long war.", dct) == [(old, old)]
    assert values(f"Nothing like it has happened since {old}.", dct) == [(old, old)]
    assert values(f"Reports compared it with {dct.year - 1}.", dct) == [
        (str(dct.year - 1), str(dct.year - 1))
    ]


@pytest.mark.parametrize("dct", DCTS)
def test_a_bare_number_far_from_the_dct_is_no_year(dct: dt.date) -> None:
    far = dct.year - 150
    assert values(f"The tower fell in the shaking {far} Rescuers said later.", dct) == []
    assert (
        values(f"Death toll rises {dct.year + 45} Officials said more help was coming.", dct) == []
    )
    # with a preposition it is a year however old
    assert values(f"A quake destroyed the port in {far}.", dct) == [(str(far), str(far))]


@pytest.mark.parametrize("dct", DCTS)
def test_at_a_clock_number_is_no_year(dct: dt.date) -> None:
    assert values("Rescuers reached the school at 1100 and began digging.", dct) == []


@pytest.mark.parametrize("dct", DCTS)
def test_a_text_writing_hhmm_times_has_no_years_after_until(dct: dt.date) -> None:
    """A text that writes "at about 1040" writes its times that way: "after 1100" and
    "until 1221" there are times too. Elsewhere "until 1453" is a year."""
    text = (
        "The pilot said the engine failed shortly after 1100. The crew landed at about "
        "1040, and the runway stayed shut until 1221."
    )
    assert values(text, dct) == []
    assert values("The harbour walls stood until 1453.", dct) == [("1453", "1453")]


def test_a_live_page_writing_hhmm_colon_has_no_years() -> None:
    """ "2013: ..." on a page of 2010 is no year: its lines are a live page's times. A
    chronology of the same shape, all in the past, keeps its years."""
    live = (
        "The address is tonight.\n1914: Aides expect a new fund.\n1926: Officials spoke.\n"
        "2013: The tone is firm.\n"
    )
    assert [v for _, v in values(live, D(2010, 6, 15)) if len(v) == 4] == []
    chronology = "Key dates.\n1914: War breaks out.\n1918: The war ends.\n"
    assert values(chronology, D(2010, 6, 15)) == [("1914", "1914"), ("1918", "1918")]
