"""Precision first: every quote carries a confidence, the default views show the sure ones.

Sentences here are written for these tests (none is copied from a dataset or the seeds).
"""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import create_engine, insert, inspect, select

from storyline.annotate.quotes.direct import find_quote_spans
from storyline.eval.quotes import shown as eval_shown
from storyline.models import QUOTE_CONFIDENCE, Annotations, Article, Quote, Sentence
from storyline.store import Store, schema
from storyline.store.migrations import MIGRATIONS, _initial
from storyline.views.corpus import Corpus
from storyline.views.payloads import quotes_view, shown


def test_threshold_is_the_one_the_trainer_chose() -> None:
    data = json.loads(
        resources.files("storyline.annotate.quotes").joinpath("quote_model.json").read_text()
    )
    assert data["confidence"]["threshold"] == QUOTE_CONFIDENCE


# -- Penn Treebank quotation marks ------------------------------------------------------


def test_backticks_open_and_two_apostrophes_close() -> None:
    text = "The mayor said : `` We will rebuild the bridge , '' and left ."
    [q] = find_quote_spans(text)
    assert text[q.start : q.start + 2] == "``" and text[q.end - 2 : q.end] == "''"
    # the padding spaces of tokenized text are not part of the words
    assert text[q.inner_start : q.inner_end] == "We will rebuild the bridge ,"


def test_backticks_mark_direct_quotes(quotes_nlp: Language) -> None:
    doc = quotes_nlp("`` The river is rising fast , '' said the harbour master .")
    [q] = doc._.quotes
    assert q.direct and q.text == "The river is rising fast"
    assert q.speaker == "the harbour master"


def test_report_inside_tokenized_quote_is_not_a_second_speaker(quotes_nlp: Language) -> None:
    doc = quotes_nlp("`` I think we should wait and see , '' the farmer Tom Reyes told reporters .")
    assert [q.speaker for q in doc._.quotes] == ["the farmer Tom Reyes"]


# -- confidence --------------------------------------------------------------------


def _by_text(nlp: Language, text: str) -> dict[str, Quote]:
    return {q.text: q for q in nlp(text)._.quotes}


def test_every_quote_has_a_probability(quotes_nlp: Language) -> None:
    quotes = quotes_nlp(
        'Mayor Lena Ortiz said the tunnel would reopen in May. "We are on schedule," she added.'
    )._.quotes
    assert quotes and all(0.0 <= q.confidence <= 1.0 for q in quotes)
    assert all(q.confidence >= QUOTE_CONFIDENCE for q in quotes)


def test_unknown_or_unresolved_speaker_is_not_shown(quotes_nlp: Language) -> None:
    quotes = quotes_nlp(
        "The storm hit the coast overnight. It said the damage was limited to two piers."
    )._.quotes
    assert quotes and not any(shown(q) for q in quotes)


def test_the_who_is_a_speaker_not_a_relative_pronoun(quotes_nlp: Language) -> None:
    # h1n1: 143 of 158 quotes of "WHO" / "The WHO" were held back as "who" with no antecedent
    quotes = quotes_nlp("The WHO said Kestria has reported 2,895 confirmed cases.")._.quotes
    assert [(q.speaker, shown(q)) for q in quotes] == [("The WHO", True)]
    # without "The", the small model tags "WHO" a pronoun (WP): a name where the doc has
    # it in an organisation's entity
    bare = quotes_nlp(
        "Experts of the World Health Organization (WHO) met in Geneva on Monday. "
        "WHO said about 60 people in Kestria have died from the disease."
    )._.quotes
    assert [(q.speaker, shown(q)) for q in bare] == [("WHO", True)]
    relative = quotes_nlp("The storm hit towns that said the damage was limited.")._.quotes
    assert not any(shown(q) for q in relative)  # a relative "that" with no name stays held


def test_an_open_question_is_not_a_decision(quotes_nlp: Language) -> None:
    quotes = quotes_nlp(
        "It is unclear whether the city council has decided to close the old library."
    )._.quotes
    assert not any(shown(q) for q in quotes)


def test_declining_to_comment_is_not_a_quote(quotes_nlp: Language) -> None:
    quotes = quotes_nlp("The shipping company declined to comment on Friday.")._.quotes
    assert not any(shown(q) for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "The two mayors have all urged the merger.",
        "The province has long warned against such a merger.",
        "The fire service has asked for hundreds of the new ladders.",
        "The water board did not immediately respond to a request for comment.",
        "The union has refused to talk to them.",
    ],
)
def test_a_topic_or_an_act_is_not_a_quote(quotes_nlp: Language, text: str) -> None:
    assert not any(shown(q) for q in quotes_nlp(text)._.quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Most of the town's fishermen know that the spill had nothing to do with the mayor.",
        "Harbour master Ines Duarte realized the pier was no longer safe.",
        "A reporter at the ferry terminal saw guards close the gates on Monday.",
    ],
)
def test_knowing_or_seeing_is_not_a_quote(quotes_nlp: Language, text: str) -> None:
    assert not any(shown(q) for q in quotes_nlp(text)._.quotes)


def test_declining_to_be_named_is_not_a_quote(quotes_nlp: Language) -> None:
    text = (
        "The pier will close in May, one port official said, declining to be named because "
        "the decision is not yet public. Another asked not to be identified."
    )
    shown_texts = [q.text for q in quotes_nlp(text)._.quotes if shown(q)]
    assert shown_texts == ["The pier will close in May"]


def test_a_finding_or_an_opinion_is_still_a_quote(quotes_nlp: Language) -> None:
    quotes = quotes_nlp(
        "Harbour inspectors discovered that the pier's records had been altered. "
        "Harbour master Ines Duarte sees the delay as a disgrace for the whole town."
    )._.quotes
    assert {q.cue for q in quotes if shown(q)} == {"discovered", "sees"}


def test_an_abstract_noun_or_relative_pronoun_is_not_a_speaker(quotes_nlp: Language) -> None:
    quotes = quotes_nlp(
        "The council has given three reasons. Reluctance initially centered on fears that the "
        "bridge would close. The mayor can hardly sway towns that may be loath to anger the "
        "governor."
    )._.quotes
    assert not any(shown(q) for q in quotes)


def test_a_claim_with_a_named_speaker_is_shown(quotes_nlp: Language) -> None:
    quotes = quotes_nlp(
        "Harbour master Ines Duarte said the new pier would open in the spring. "
        "Duarte called the delay a disgrace."
    )._.quotes
    assert [q.text for q in quotes if shown(q)] == [
        "the new pier would open in the spring",
        "the delay a disgrace",
    ]


def test_pronoun_goes_to_the_one_person_of_the_nearest_sentence(quotes_nlp: Language) -> None:
    text = (
        "Anna Berg met Tom Lind in Oslo on Monday. Tom Lind was not convinced by the offer. "
        '"It is far too little," he said.'
    )
    [q] = [q for q in quotes_nlp(text)._.quotes if q.direct]
    assert q.speaker == "he" and q.speaker_resolved == "Tom Lind"


def test_courtesy_titles_keep_pronouns_apart(quotes_nlp: Language) -> None:
    text = 'Ms. Carver and Mr. Holt left the meeting early. "We got nothing," she said.'
    [q] = [q for q in quotes_nlp(text)._.quotes if q.direct]
    assert q.speaker_resolved == "Carver"


# -- views --------------------------------------------------------------------------


def _corpus(*confidences: float) -> Corpus:
    text = "Ann Lee said it works. Bo Ray said it fails."
    article = Article(id="a1", text=text, outlet="Ledger")
    quotes = tuple(
        Quote(
            f"claim {n}",
            0,
            5,
            False,
            f"Speaker {n}",
            0,
            3,
            cue="said",
            sentence=0,
            confidence=c,
        )
        for n, c in enumerate(confidences)
    )
    ann = Annotations(
        article_id="a1",
        sentences=(Sentence(0, 0, len(text), text),),
        mentions=(),
        timexes=(),
        sentence_dates=(),
        quotes=quotes,
    )
    store = Store(":memory:")
    store.add_articles([article])
    store.put_annotations([ann], "test")
    return Corpus.from_store(store)


def test_default_view_shows_what_clears_the_threshold() -> None:
    corpus = _corpus(0.99, QUOTE_CONFIDENCE, QUOTE_CONFIDENCE / 2)
    default = quotes_view(corpus)["quotes"]
    assert [q["text"] for q in default] == ["claim 0", "claim 1"]
    assert all("confidence" in q for q in default)
    everything = quotes_view(corpus, all=True)["quotes"]
    assert [q["text"] for q in everything] == ["claim 0", "claim 1", "claim 2"]
    assert everything[2]["confidence"] == QUOTE_CONFIDENCE / 2


def test_eval_default_is_what_the_views_show() -> None:
    qs = [Quote("a", 0, 1, False, "X", confidence=c) for c in (0.0, QUOTE_CONFIDENCE, 1.0)]
    assert eval_shown(qs) == [q for q in qs if shown(q)]
    assert eval_shown(qs, all=True) == qs


# -- store --------------------------------------------------------------------------


def test_new_store_gets_the_column_from_migration_four(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.db")
    columns = [c["name"] for c in inspect(store.engine).get_columns("quotes")]
    assert columns[-1] == "confidence"
    with store.engine.connect() as conn:
        versions = [r[0] for r in conn.execute(select(schema.migrations.c.version))]
    # (later migrations may follow it)
    assert 4 in versions and MIGRATIONS[3][1] == "quote confidence"


def test_store_from_before_confidence_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # a store as the code before migration 4 left it
        for version, name, apply in MIGRATIONS[:3]:
            apply(conn)
            schema.migrations.create(conn, checkfirst=True)
            conn.execute(insert(schema.migrations).values(version=version, name=name))
        assert "confidence" not in [c["name"] for c in inspect(conn).get_columns("quotes")]
        conn.execute(
            insert(schema.articles).values(
                id="a1",
                text="Ann said so.",
                published_source="unknown",
                language="en",
                boilerplate="[]",
                date_candidates="[]",
                seq=1,
            )
        )
        conn.execute(insert(schema.annotated).values(article_id="a1", pipeline="old"))
        row = dataclasses.asdict(Quote("so", 9, 11, False, "Ann", 0, 3, cue="said"))
        del row["confidence"]
        conn.execute(insert(schema.quotes).values(article_id="a1", idx=0, **row))
    engine.dispose()
    store = Store(path)
    [q] = store.annotations()["a1"].quotes
    assert q.confidence == 1.0  # stored before there was one: read as the default


def test_initial_migration_leaves_later_columns_out() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        _initial(conn)
        assert "confidence" not in [c["name"] for c in inspect(conn).get_columns("quotes")]
        pk = inspect(conn).get_pk_constraint("quotes")["constrained_columns"]
        assert pk == ["article_id", "idx"]


@pytest.mark.parametrize("flag", [[], ["--all"]])
def test_cli_quotes_takes_all(flag: list[str], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.present.cli import app

    db = tmp_path / "s.db"
    Store(db).close()
    result = CliRunner().invoke(app, ["--db", str(db), "quotes", "--json", *flag])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["quotes"] == [] and payload.get("total", 0) == 0


def test_web_quotes_show_the_same_as_the_cli(tmp_path: Path) -> None:
    import warnings

    from typer.testing import CliRunner

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from storyline.present.cli import app
    from storyline.present.web import create_app
    from test_web_data import story_store

    db = story_store(tmp_path / "story.db")
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        for flag, query in (([], ""), (["--all"], "?all=1")):
            result = CliRunner().invoke(app, ["--db", str(db), "quotes", "--json", *flag])
            assert client.get(f"/api/quotes{query}").json() == json.loads(result.stdout)
        shown_all = client.get("/api/quotes?all=1").json()["quotes"]
        assert len(shown_all) >= len(client.get("/api/quotes").json()["quotes"])
        assert client.get("/quotes?all=1").status_code == 200


def test_a_speaker_denying_anyone_holds_it_is_no_quote(quotes_nlp: Language) -> None:
    text = (
        "No one can say the minister was really complaining about the weather. "
        "Nobody believes the talks will resume this year. "
        "One official said the plan is legal."
    )
    quotes = quotes_nlp(text)._.quotes
    assert [q.speaker for q in quotes if shown(q)] == ["One official"]


def test_a_content_holding_its_own_speaker_is_no_quote(quotes_nlp: Language) -> None:
    # the parse ran the speaker over what was said: not told apart, not shown
    run_over = quotes_nlp(
        "The government adding The government also has a campaign calling on people"
        " to wash their hands."
    )._.quotes
    assert run_over and not any(shown(q) for q in run_over)
    # the speaker's words followed by a cue inside the content: still a quote
    writing = quotes_nlp(
        "Writing in the Gazette, Ann Lee says the ferry is a relic of another century."
    )._.quotes
    assert [q.speaker for q in writing if shown(q)] == ["Ann Lee"]
