"""Timeline entry text: a sentence without the words that only repeat its date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.eval.tls import events_to_timeline
from storyline.models import Evidence, TimelineEvent
from storyline.store import Store
from storyline.views.corpus import Corpus
from storyline.views.entry import caption_end, entry_text, join_entries, names_day
from storyline.views.payloads import timeline_view
from storyline.views.tls import CandidateSentence, DateRef, build_timeline


@pytest.mark.parametrize(
    ("sentence", "expressions", "entry"),
    [
        # the expression goes with the preposition that only introduces it
        ("The minister said on Tuesday that talks would resume.", ["Tuesday"],
         "The minister said that talks would resume."),
        ("On Tuesday, the minister resigned.", ["Tuesday"], "The minister resigned."),
        ("As of Monday , the crews had cleared the road .", ["Monday"],
         "The crews had cleared the road ."),
        ("June 2 - The port reopens after the storm.", ["June 2"], "The port reopens after the storm."),
        ("The council met in Tavel on Feb. 14.", ["Feb. 14"], "The council met in Tavel."),
        ("Officials confirmed yesterday that the bridge had failed.", ["yesterday"],
         "Officials confirmed that the bridge had failed."),
        ("The mayor last night denied the report.", ["last night"], "The mayor denied the report."),
        # attributive: the determiner is fixed, the noun stays
        ("In an Oct. 22 speech, the president blamed outsiders.", ["Oct. 22"],
         "In a speech, the president blamed outsiders."),
        ("The April 20 explosion killed 11 workers.", ["April 20"], "The explosion killed 11 workers."),
        # the expression carries its own article: the noun after it keeps it and its preposition
        ("Hundreds died in the 12 January flood in Tavel.", ["the 12 January"],
         "Hundreds died in the flood in Tavel."),
        # no comma left before the stop; a bracketed clock goes with the time it converts
        ("The storm struck south of the capital, on Tuesday.", ["Tuesday"],
         "The storm struck south of the capital."),
        ("Crews flew to Tavel, at 0900 local time (1400 GMT) on Sunday.",
         ["0900 local time", "Sunday"], "Crews flew to Tavel."),
        # a live page's update note run into the sentence, before or after it
        ("The port reopened. (Update 12:49 p.m. Friday in Tavel, 5:49 a.m. ET)", [],
         "The port reopened."),
        ("(Update 1:33 a.m. Tavel, 6:33 p.m. ET) -. The port reopened.", [], "The port reopened."),
        # a day's stamp before a wire dateline goes with it; a date that is the subject stays
        ("May 2, 2031 TAVEL\\/VARNA (Reuters) - The port reopened.", [], "The port reopened."),
        ("Friday was the bloodiest day of the strike.", ["Friday"],
         "Friday was the bloodiest day of the strike."),
    ],
)  # fmt: skip
def test_date_words_leave_the_entry(sentence: str, expressions: list[str], entry: str) -> None:
    assert entry_text(sentence, expressions) == entry


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("The rig sank two days later.", "two days later"),  # relative to another event
        ("The talks resumed the next day.", "the next day"),
        ("Crowds gathered for Easter in the square.", "Easter"),  # a holiday says more
        ("Oil has leaked since May 2 into the bay.", "May 2"),  # since / until / by stay
        ("The ministry must answer by Friday, the court ruled.", "Friday"),
        ("Analysts compared it with today's market.", "today"),  # possessive
        ("Crowds marched on Friday, Saturday and Sunday.", "Sunday"),  # a list stays whole
        ("Crowds marched on Friday, Saturday and Sunday.", "Friday"),
        ("Sites were blocked the Thursday a leading dissident returned.", "Thursday"),
        ('"We asked them in March, and they refused," she said.', "March"),  # quotes are verbatim
        ("`` We knew as of yesterday , '' he said .", "yesterday"),
        ("The port reopened on Tuesday.", "Wednesday"),  # not in the sentence
        ("Jisr al-Shughour, 3-6 June 2011: troops moved in.", "6 June 2011"),  # a range
        ("Talks ran June 3\u20136 in Geneva.", "June 3"),
    ],
)  # fmt: skip
def test_expressions_that_say_more_than_the_date_stay(sentence: str, expression: str) -> None:
    assert entry_text(sentence, [expression]) == sentence


def test_names_day() -> None:
    assert names_day("Tuesday") and names_day("Thu Jun 17 , 2010") and names_day("3:32 pm EDT")
    assert names_day("this morning") and names_day("yesterday")
    assert not names_day("two days later") and not names_day("the previous day")
    assert not names_day("Easter") and not names_day("that Thursday")
    assert not names_day("late May") and not names_day("mid-June")  # narrowed: says more


@pytest.mark.parametrize(
    ("sentence", "expressions", "entry"),
    [
        ("WASHINGTON (Reuters) - The senator said the bill would pass.", [],
         "The senator said the bill would pass."),
        ("HOUSTON, June 2 (Reuters) - The company cut the pipe.", ["June 2"], "The company cut the pipe."),
        ("VELL, Kestria (Northgate Wire) - Halvard can build 400 a year.", [],
         "Halvard can build 400 a year."),
        ("NEW ORLEANS -- Shares fell as investigators arrived.", [],
         "Shares fell as investigators arrived."),
        ("(AP) -- Officials closed the beach.", [], "Officials closed the beach."),
        ("-LRB- AP -RRB- Officials closed the beach .", [], "Officials closed the beach ."),
        ("WASHINGTON | Thu Jun 17 , 2010 3:32 pm EDT WASHINGTON -LRB- Reuters -RRB- - The chief"
         " executive said on Thursday the spill was preventable .",
         ["Thu Jun 17 , 2010", "3:32 pm EDT", "Thursday"],
         "The chief executive said the spill was preventable ."),
        ("-LRB- Updated 11:58 a.m. -LRB- 1858 in Cairo -RRB- -RRB- Protesters marched on the square .",
         [], "Protesters marched on the square ."),
        ("Friday 4 June 2010 18.15 BST The president toured the coast .", [],
         "The president toured the coast ."),
        ("Varna , Kestria -LRB- CNN -RRB- -- Crowds filled the square .", [],
         "Crowds filled the square ."),
        ("The Harbour Board (HSB) -- which runs the port -- closed it .", [],
         "The Harbour Board (HSB) -- which runs the port -- closed it ."),
        # a tokenized stamp ("Jun 17 , 2010"); two cities, their slash escaped by a feed
        ("WASHINGTON | Thu Jun 17 , 2030 3:32 pm EDT WASHINGTON (Reuters) - The chief said .",
         [], "The chief said ."),
        ("VARNA\\/ORLA | VARNA\\/ORLA (Reuters) - Fuel ran short .", [], "Fuel ran short ."),
        # a live page's next stamp run into the line; the time of what is said stays
        ("Dam fears rise as the toll reaches 80 10.40 BST.", [], "Dam fears rise as the toll reaches 80"),
        ("Dam holds, says the board ` for now' 16.29 BST", [], "Dam holds, says the board ` for now'"),
        ("The board meets at 10.40 BST.", [], "The board meets at 10.40 BST."),
        ("The gates close until 16:29 GMT.", [], "The gates close until 16:29 GMT."),
        ("BERA (Reuters)\u201d - The port reopened .", [], "The port reopened ."),
        # a page's headline and its first sentence run together at the page's stamp
        ("Dam board resigns over leak 18.15 BST Mara Lind said the board had gone.", [],
         "Dam board resigns over leak. Mara Lind said the board had gone."),
        ("Dam inquiry promised Sunday 6 March 2030 01.36 GMT The inquiry opens today.", [],
         "Dam inquiry promised. The inquiry opens today."),
        ("The board met at 10.40 BST The rest waited.", [], "The board met at 10.40 BST The rest waited."),
        # a wire page's stamp head left after its headline
        ("Kestria pressed over the spill VELL, Kestria | Sun", [], "Kestria pressed over the spill"),
        # a picture's credit, a byline or a blog's stamp run into the first sentence
        ("Photograph: PA Two divers reached the wreck.", [], "Two divers reached the wreck."),
        ("Photograph: Ana Vell\\/AP Crews cleared the road.", [], "Crews cleared the road."),
        ("Ana Vell/Greenpeace/PA Two activists climbed the tower.", [],
         "Two activists climbed the tower."),
        ("AFP/Getty Images: A dead seal lies on the beach.", [], "A dead seal lies on the beach."),
        ("AP: The cap is lowered over the well.", [], "The cap is lowered over the well."),
        ("Photograph: Associated Press The spill grew.", [], "The spill grew."),
        ("AP Halvard Corp. blamed the operator.", [], "Halvard Corp. blamed the operator."),
        ("Halvard, via AP VELL, Kestria -- The cap held.", [], "The cap held."),
        ("By the Northgate Wire Staff A video shows the square.", [], "A video shows the square."),
        ("By Ana Vell, Health Editor VELL | VELL (Reuters) - A new flu spread.", [],
         "A new flu spread."),
        ("Ana Vell | 18:00 UK time, Experts are concerned.", [], "Experts are concerned."),
        ("By Ana Vell 11.08 BST Big questions remain.", [], "Big questions remain."),
        ("(By Ana Vell -- Getty Images) VELL, -- The market fell.", [], "The market fell."),
        ("(Photo: Ana Vell/AP) The market fell.", [], "The market fell."),
        # not credits: a rank, an agency named in its own sentence, a name without agency
        ("L/Cpl Larkin admitted one charge.", [], "L/Cpl Larkin admitted one charge."),
        ("EPA Administrator Lisa Jackson said the dispersant was safe.", [],
         "EPA Administrator Lisa Jackson said the dispersant was safe."),
        ("By Wednesday, Dan Cooke was on a plane.", [], "By Wednesday, Dan Cooke was on a plane."),
        ("Photograph: Ana Vell Hair was a musical.", [], "Photograph: Ana Vell Hair was a musical."),
    ],
)  # fmt: skip
def test_datelines_and_stamps_leave_the_entry(
    sentence: str, expressions: list[str], entry: str
) -> None:
    assert entry_text(sentence, expressions) == entry


def test_an_entry_never_ends_up_empty() -> None:
    assert entry_text("Tuesday.", ["Tuesday"]) == "Tuesday."
    assert entry_text("NATO is split on it.", []) == "NATO is split on it."


def test_long_capitalized_runs_stay_fast() -> None:
    text = " ".join(["WASHINGTON"] * 40) + " x"
    assert entry_text(text, []) == text  # the dateline patterns never backtrack badly


def test_summarized_timeline_shows_entries_and_keeps_evidence_verbatim() -> None:
    day = dt.date(2021, 6, 1)
    ref = DateRef(day, day, "day", day.isoformat(), text="Tuesday")
    sentences = [
        CandidateSentence(f"a{i}", f"o{i}", day + dt.timedelta(days=i), text, 0, (ref,))
        for i, text in enumerate(
            [
                "The ferry company said on Tuesday it would halt crossings for the summer .",
                "The ferry company halted crossings on Tuesday after the strike began .",
            ]
        )
    ]
    (event,) = build_timeline(sentences, n_dates=1, sents_per_date=1)
    (entry,) = event.entries
    assert "Tuesday" not in entry and event.summary == entry
    assert "Tuesday" in event.evidence[0].text  # the source sentence stays as written
    assert events_to_timeline([event]) == {day: [entry]}


def test_scoring_falls_back_to_the_evidence_without_entries() -> None:
    day = dt.date(2021, 6, 1)
    ev = Evidence("a", 0, "The port closed on Tuesday .", None, None, day)
    event = TimelineEvent(day.isoformat(), day, day, ev.text, (ev,))
    assert events_to_timeline([event]) == {day: ["The port closed on Tuesday ."]}


def test_default_timeline_entries_on_the_sample(sample_db: Path) -> None:
    store = Store(sample_db, read_only=True)
    events = timeline_view(Corpus.from_store(store))["events"]
    may27 = [e for e in events if e["date"] == "2025-05-27"]
    still = next(e for e in may27 if "still in play" in e["summary"])
    assert "on Tuesday" not in still["summary"]
    assert any("on Tuesday" in ev["sentence"] for ev in still["evidence"])
    # a quote is never edited, even where it names the event's month
    march = [e for e in events if e["date"] == "2025-03"]
    quoted = [e for e in march if e["summary"].startswith('"')]
    assert quoted and all(e["summary"] == e["evidence"][0]["sentence"] for e in quoted)
    assert json.dumps(events)  # plain JSON all the way


def test_join_entries_ends_a_headline_before_the_next_entry() -> None:
    headline = "Kestria approves interceptors after months of debate"
    lead = "Kestria has approved sending two batteries."
    assert join_entries([headline, lead]) == headline + ". " + lead
    # sentences that end with a stop, inside quotes or brackets, are left alone
    quoted = '"This is the right decision," Marten said.'
    assert join_entries([quoted, lead]) == quoted + " " + lead
    assert join_entries(['He called it "a start."', lead]) == 'He called it "a start." ' + lead
    assert join_entries(["Talks resume (AP).", headline]) == "Talks resume (AP). " + headline
    # the last entry is as written; empty entries are skipped
    assert join_entries([lead, "", headline]) == lead + " " + headline


def test_a_wire_photo_caption_comes_before_the_story() -> None:
    lead = "VARNA | Tue Jun 30, 2031 1:58 pm EDT VARNA (Reuters) - The strike ended."
    caption = "A crew member ties up a ferry in Varna June 29, 2031.\n"
    assert caption_end(caption + lead) == len(caption)
    # a headline names no day; a dated line with no dateline after it is the story
    assert caption_end("Ferry strike ends\n" + lead) == 0
    assert caption_end(caption + "The strike ended.") == 0
