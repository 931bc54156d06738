"""What the text says a name is, read at the mention: an organisation described as
one ("the charity X", "a representative of X"), and time zones that are no actors.
Sentences are written for these tests (none is taken from a corpus); the parse is
en_core_web_sm's, and the checks hold whatever label it gives the name.
"""

from __future__ import annotations

from spacy.language import Language

from storyline.annotate.mentions import extract_mentions


def _labels(nlp: Language, text: str) -> dict[str, str]:
    return {m.text: m.label for m in extract_mentions(nlp(text))}


def test_an_organisation_noun_before_a_name_makes_it_an_organisation(
    quotes_nlp: Language,
) -> None:
    for text in (
        "The singer toured the valley with the charity Brightwell last spring.",
        "A spokesman for the UK-based aid agency Brightwell said trucks were waiting.",
        "Trucks from the relief group Brightwell reached the port.",
    ):
        assert _labels(quotes_nlp, text).get("Brightwell") == "ORG", text


def test_a_role_of_a_name_or_a_person_of_it_is_an_organisation(quotes_nlp: Language) -> None:
    for text in (
        "Marta Kellen of Sunaid told reporters that the water was short.",
        "A representative of Sunaid, Paolo Verri, said the schools had fallen.",
    ):
        got = extract_mentions(quotes_nlp(text))
        sunaid = [m for m in got if m.text.startswith("Sunaid")]
        # an organisation, or a place where the tagger read one: never a titled person
        assert sunaid and sunaid[0].label in ("ORG", "GPE") and sunaid[0].title is None, text
    # a place keeps its label: "the president of France"
    assert _labels(quotes_nlp, "The president of France met the envoy.").get("France") == "GPE"
    # a person's title is still a title
    got = extract_mentions(quotes_nlp("Secretary of State Ada Quill visited the port."))
    assert [(m.text, m.label, m.title) for m in got if m.label == "PERSON"] == [
        ("Ada Quill", "PERSON", "Secretary of State")
    ]


def test_a_time_zone_after_a_clock_is_no_mention(quotes_nlp: Language) -> None:
    text = (
        "The tremor struck at 1653 local time (2153 GMT) on Tuesday. "
        "The president spoke at 10:30 EST. A reader wrote at 4:59 pm BST. All times GMT."
    )
    got = _labels(quotes_nlp, text)
    assert "GMT" not in got and "EST" not in got and "BST" not in got
    # the same letters as a name elsewhere stay a name
    assert "NATO" in _labels(quotes_nlp, "NATO met in Brussels, and NATO said it would act.")


def test_people_described_by_a_noun_stay_people(quotes_nlp: Language) -> None:
    got = _labels(quotes_nlp, "Security guard John Lee said the gate was shut at night.")
    assert got.get("John Lee") == "PERSON"


def test_what_the_article_says_once_holds_for_its_other_mentions(quotes_nlp: Language) -> None:
    text = (
        "Brightwell sent water tanks to the coast on Monday. "
        "A spokesman for the charity Brightwell said more would follow. "
        "Clinics ran out of the antiviral drug Corvexa within a week. "
        "Doctors said Corvexa works best when given early, and stocks of Corvexa are low."
    )
    got = extract_mentions(quotes_nlp(text))
    assert {m.label for m in got if m.text == "Brightwell"} == {"ORG"}
    assert {m.label for m in got if m.text == "Corvexa"} == {"PRODUCT"}
    assert sum(m.text == "Corvexa" for m in got) >= 2


def test_zones_in_brackets_or_after_midnight_and_names_after_days(quotes_nlp: Language) -> None:
    got = _labels(
        quotes_nlp,
        "The plane lands at midnight GMT. The show airs at 02:40 on Sunday (GMT). "
        "On Monday NATO said the drills would go on.",
    )
    assert "GMT" not in got
    assert "NATO" in got  # a day before a name does not make it a zone


def test_a_which_clause_or_a_person_from_it_is_no_person(quotes_nlp: Language) -> None:
    text = (
        "Dana Whitlock, from Sunaid, said the tents had arrived. "
        "Sunaid, which lost its office in the quake, runs two clinics."
    )
    labels = {m.label for m in extract_mentions(quotes_nlp(text)) if m.text == "Sunaid"}
    assert labels and "PERSON" not in labels


def test_doses_of_a_name_make_it_a_product(quotes_nlp: Language) -> None:
    text = "The clinic handed out doses of Corvexa, and stockpiles of Corvexa ran low."
    labels = {m.label for m in extract_mentions(quotes_nlp(text)) if m.text == "Corvexa"}
    assert labels == {"PRODUCT"}


def test_a_name_listed_after_a_described_one_is_the_same_kind(quotes_nlp: Language) -> None:
    got = extract_mentions(
        quotes_nlp("The strain is sensitive to the antiviral drugs Tamiflu and Relenza.")
    )
    # (the tagger alone calls the second a person)
    assert {m.text: m.label for m in got}.get("Relenza") == "PRODUCT"
    # a place listed after an organisation stays a place
    got = extract_mentions(quotes_nlp("Water came from the charity Brightwell and France."))
    assert {m.text: m.label for m in got}.get("France") == "GPE"


def test_a_credited_writer_is_a_person(quotes_nlp: Language) -> None:
    """Bylines and credit lines name people, whatever the tagger reads there (it reads
    both names below, from the bundled sample corpus, as organisations)."""
    for text, name in (
        ("By Nadia Fenwick, Defence Correspondent\nThe ministry said on Tuesday.", "Nadia Fenwick"),
        (
            "The firm declined to comment.\n\n(Reporting by Sven Hollis; Additional reporting"
            " by Ivo Kern in Port Aske; Editing by Maren Dahl)",
            "Ivo Kern",
        ),
    ):
        labels = {m.text: m.label for m in extract_mentions(quotes_nlp(text))}
        found = [label for mention, label in labels.items() if mention.startswith(name)]
        assert found == ["PERSON"], (text, labels)
    # an agency credited with "By The ..." is not made a person
    labels = _labels(quotes_nlp, "By The Harbour Wire\nThe port reopened on Monday.")
    assert all(label != "PERSON" for text, label in labels.items() if "Harbour" in text)
