"""Entity mentions: cleaning spaCy's entities, acronym definitions, repeated terms."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from storyline.annotate import mentions as mod  # noqa: F401 (registers the factory)
from storyline.annotate.definitions import best_long_form, find_definitions
from storyline.annotate.mentions import extract_mentions, label_for_long_form


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")


def make(
    blank: spacy.language.Language, words: list[str], ents: list[str], pos: list[str] | None = None
) -> Doc:
    spaces = [True] * len(words)
    for i, w in enumerate(words[1:], 1):
        if w in ("’s", "'s", ",", "."):
            spaces[i - 1] = False
    return Doc(
        blank.vocab, words=words, spaces=spaces, ents=ents, pos=pos or ["PROPN"] * len(words)
    )


def texts(doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in extract_mentions(doc)]


def test_titles_are_hints_not_names(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["Secretary", "of", "State", "Ada", "Quill", "met", "Gen.", "Ivo", "Marsh", "."],
        ["O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
        ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"],
    )
    found = extract_mentions(doc)
    assert [(m.text, m.label, m.title) for m in found] == [
        ("Ada Quill", "PERSON", "Secretary of State"),
        ("Ivo Marsh", "PERSON", "Gen."),
    ]


def test_title_inside_the_entity_span(blank: spacy.language.Language) -> None:
    doc = make(
        blank, ["Norland", "King", "Harald", "spoke"], ["B-PERSON", "I-PERSON", "I-PERSON", "O"]
    )
    (mention,) = extract_mentions(doc)
    assert (mention.text, mention.title) == ("Harald", "Norland King")


def test_first_name_left_out_by_the_model_is_added(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["Defense", "Minister", "Rasmus", "Holt", "spoke"],
        ["O", "O", "O", "B-PERSON", "O"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
    )
    (mention,) = extract_mentions(doc)
    assert (mention.text, mention.title) == ("Rasmus Holt", "Defense Minister")


def test_possessive_article_and_trailing_words(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["The", "Harbor", "Ledger", "’s", "view", ",", "sent", "Kestrels", "to", "Norland"],
        ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PRODUCT", "I-PRODUCT", "B-GPE"],
        ["DET", "PROPN", "PROPN", "PART", "NOUN", "PUNCT", "VERB", "PROPN", "ADP", "PROPN"],
    )
    assert texts(doc) == [("Harbor Ledger", "ORG"), ("Kestrels", "PRODUCT"), ("Norland", "GPE")]


def test_administration_is_an_organisation(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["the", "Marlow", "administration", "and", "Elena", "Marlow"],
        ["O", "B-PERSON", "O", "O", "B-PERSON", "I-PERSON"],
        ["DET", "PROPN", "NOUN", "CCONJ", "PROPN", "PROPN"],
    )
    assert texts(doc) == [("Marlow administration", "ORG"), ("Elena Marlow", "PERSON")]


def test_a_name_the_model_tagged_by_its_last_word_only_is_grown(
    blank: spacy.language.Language,
) -> None:
    # "since the Seastar [Meridian] rig", "Harlan's Seastar [Meridian]": the untagged
    # proper noun before the tagged word is part of the name.
    doc = make(
        blank,
        ["since", "the", "Seastar", "Meridian", "rig", "sank", ",", "Harlan", "’s", "Seastar",
         "Meridian", "burned"],
        ["O", "O", "O", "B-LOC", "O", "O", "O", "B-ORG", "O", "O", "B-ORG", "O"],
        ["SCONJ", "DET", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT", "PROPN", "PART", "PROPN",
         "PROPN", "VERB"],
    )  # fmt: skip
    assert texts(doc) == [
        ("Seastar Meridian", "LOC"),
        ("Harlan", "ORG"),
        ("Seastar Meridian", "ORG"),
    ]


def test_a_title_case_headline_or_a_sentence_opening_is_not_grown_over(
    blank: spacy.language.Language,
) -> None:
    # A headline's words are all capitalised; a sentence's first word is no name's.
    doc = make(
        blank,
        ["Oil", "Spill", "Hits", "Varna", "Coast", ".", "Meanwhile", "Ostrava", "waited", ".",
         "the", "Monday", "Varna", "talks"],
        ["O", "O", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT",
         "DET", "PROPN", "PROPN", "NOUN"],
    )  # fmt: skip
    assert texts(doc) == [("Varna", "GPE"), ("Ostrava", "GPE"), ("Varna", "GPE")]


def test_all_caps_person_is_an_acronym(blank: spacy.language.Language) -> None:
    doc = make(blank, ["the", "HDR", "works"], ["O", "B-PERSON", "O"], ["DET", "PROPN", "VERB"])
    assert texts(doc) == [("HDR", "TERM")]


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "It bought the Harbor Defense Radar, known as HDR, last year.",
            "HDR",
            "Harbor Defense Radar",
        ),
        # the shortest tail would be "Management Service" ("MaNageMent" holds both Ms)
        (
            "Oynes left the Mining Management Service (MMS) in May.",
            "MMS",
            "Mining Management Service",
        ),
        ("It bought the Harbor Defense Radar, the HDR, last year.", "HDR", "Harbor Defense Radar"),
        ("Officials said HDR, the Harbor Defense Radar, works.", "HDR", "Harbor Defense Radar"),
        ("The Northern Grain Council (NGC) met.", "NGC", "Northern Grain Council"),
        ("The NGC (Northern Grain Council) met.", "NGC", "Northern Grain Council"),
        (
            "The Vantor Orbital Launcher, called the Volt, for VOL, flew.",
            "VOL",
            "Vantor Orbital Launcher",
        ),
        (
            "The Vantor Orbital Launcher, called the Volt, for VOL, flew.",
            "Volt",
            "Vantor Orbital Launcher",
        ),
    ],
)
def test_definitions(text: str, short: str, long: str) -> None:
    found = {d.short: d.long for d in find_definitions(text)}
    assert found.get(short) == long


@pytest.mark.parametrize(
    "text",
    [
        "Troops left Norland, or Westmark, on Monday.",
        "It was cold (AP) in Norland City yesterday.",
        "The Harbor Defense Radar, the Kestrel, and others.",
        "The plan, called Brightwater, was dropped.",
        "The Harbor Guild President Ada Quill, known as Lion, spoke.",
        "Whether on the East Coast, or West, it rains.",
        "On Monday the Norland Foreign Ministry called NATO's strikes a breach.",
        "Ada Quill, ambassador to the Harbor Council, called Marsh \u201cdelusional\u201d.",
    ],
)
def test_no_false_definitions(text: str) -> None:
    assert find_definitions(text) == []


def test_schwartz_hearst_long_form() -> None:
    assert best_long_form("ATR", "The Advanced Tilt Rotor") == "Advanced Tilt Rotor"
    assert best_long_form("XYZ", "Harbor Defense Radar") is None


def test_long_form_labels() -> None:
    assert label_for_long_form("Northern Grain Council") == "ORG"
    assert label_for_long_form("Bureau of Coastal Safety") == "ORG"
    assert label_for_long_form("Clean Rivers Act") == "LAW"
    assert label_for_long_form("Harbor Defense Radar") == "TERM"
    # the entity types' organisation heads count here too; a possessive is no head
    assert label_for_long_form("Coastal Relief Programme") == "ORG"
    assert label_for_long_form("Grain Trade Organisation's") == "ORG"


def test_defined_terms_and_repeated_phrases_without_ner(blank: spacy.language.Language) -> None:
    text = (
        "Norland wants the Harbor Defense Radar, known as HDR, before winter. "
        "Each HDR costs a lot. The Harbor Defense Radars are old. "
        "Engineers praised the Tidewater Grid Project again. The Tidewater Grid Project is late."
    )
    doc = blank(text)
    found = extract_mentions(doc)
    pairs = [(m.text, m.label, m.expansion) for m in found]
    assert ("HDR", "TERM", "Harbor Defense Radar") in pairs
    assert pairs.count(("HDR", "TERM", "Harbor Defense Radar")) == 2
    assert ("Harbor Defense Radars", "TERM", None) in pairs
    assert pairs.count(("Tidewater Grid Project", "TERM", None)) == 2
    for mention in found:
        assert text[mention.start : mention.end] == mention.text


def test_component_sets_extension_and_reports_errors(
    blank: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_mentions_v1")
    doc = nlp("The Northern Grain Council (NGC) met.")
    assert [m.text for m in doc._.mentions] == ["Northern Grain Council", "NGC"]

    def boom(doc: Doc) -> list[object]:
        raise RuntimeError("broken")

    monkeypatch.setattr(nlp.get_pipe("storyline_mentions_v1"), "extract", boom)
    doc = nlp("Anything.")
    assert doc._.mentions == []
    assert "[E231]" in doc.user_data["storyline_errors"][0]


@pytest.mark.model
def test_real_pipeline(request: pytest.FixtureRequest) -> None:
    nlp = _model(request)
    doc = nlp(
        "President Joe Biden's team met Secretary of State Antony Blinken. "
        "The Biden administration wants the Harbor Defense Radar, known as HDR."
    )
    found = {(m.text, m.label): m for m in extract_mentions(doc)}
    assert ("Joe Biden", "PERSON") in found and found[("Joe Biden", "PERSON")].title == "President"
    assert found[("Antony Blinken", "PERSON")].title == "Secretary of State"
    assert ("Biden administration", "ORG") in found
    assert ("HDR", "TERM") in found and found[("HDR", "TERM")].expansion == "Harbor Defense Radar"
    assert not any(text == "State" for text, _ in found)


def _model(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sm")  # conftest: one model per session


def test_a_titled_name_is_a_person_whatever_the_tagger_said(blank: spacy.language.Language) -> None:
    # Real coverage: "Dr Schuchat" ORG, "Mr Griffin" GPE; "Defense Minister Ilse Marten"
    # WORK_OF_ART right after a closing quotation mark
    words = ["Dr", "Schuchat", "and", "Defense", "Minister", "Ilse", "Marten", "spoke", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"]
    ents += ["I-WORK_OF_ART", "O", "O"]
    doc = make(blank, words, ents)
    got = extract_mentions(doc)
    assert [(m.text, m.label, m.title) for m in got] == [
        ("Schuchat", "PERSON", "Dr"),
        ("Ilse Marten", "PERSON", "Defense Minister"),
    ]


def test_a_title_before_what_is_no_name_is_left_alone(blank: spacy.language.Language) -> None:
    words = ["General", "Motors", ",", "DR", "Congo", ",", "Princess", "Margaret", "Hospital"]
    words += [",", "General", "Assembly", "and", "Minister", "Vell", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-GPE", "I-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    ents += ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O"]
    doc = make(blank, words, ents)
    assert texts(doc) == [
        ("General Motors", "ORG"),
        ("DR Congo", "GPE"),
        ("Princess Margaret Hospital", "ORG"),
        ("General Assembly", "ORG"),
        ("Minister Vell", "ORG"),  # no person Vell in the article
    ]


def test_another_title_needs_the_article_to_name_the_person(
    blank: spacy.language.Language,
) -> None:
    words = ["Ada", "Vell", "arrived", ".", "Minister", "Vell", "spoke", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    doc = make(blank, words, ents)
    assert [(m.text, m.label, m.title) for m in extract_mentions(doc)] == [
        ("Ada Vell", "PERSON", None),
        ("Vell", "PERSON", "Minister"),
    ]


def test_a_web_service_named_as_a_site_is_an_organisation(blank: spacy.language.Language) -> None:
    # haiti: "the social networking site Twitter" tagged PERSON, and Twitter a top "person"
    words = ["the", "networking", "site", "Chirper", "and", "later", "Chirper", "."]
    ents = ["O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "O"]
    pos = ["DET", "NOUN", "NOUN", "PROPN", "CCONJ", "ADV", "PROPN", "PUNCT"]
    assert texts(make(blank, words, ents, pos)) == [("Chirper", "ORG"), ("Chirper", "ORG")]
    place = ["the", "disaster", "site", "Tavel", "."]
    assert texts(
        make(blank, place, ["O", "O", "O", "B-GPE", "O"], pos[:3] + ["PROPN", "PUNCT"])
    ) == [("Tavel", "GPE")]


def test_the_agency_credited_in_a_dateline_is_no_mention(
    blank: spacy.language.Language,
) -> None:
    """The wire's credit is the byline; the place stays, and the agency named in the
    body ("told Reuters") is a mention."""
    words = ["HARBORTOWN", "(", "Reuters", ")", "-", "Ada", "Quill", "told", "Reuters", "so", "."]
    ents = ["B-GPE", "O", "B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O"]
    doc = make(blank, words, ents)
    found = [(m.text, m.label, m.start) for m in extract_mentions(doc)]
    assert found == [
        ("HARBORTOWN", "GPE", 0),
        ("Ada Quill", "PERSON", doc[5].idx),
        ("Reuters", "ORG", doc[8].idx),
    ]


def test_a_full_name_with_a_persons_role_in_apposition_is_a_person(
    blank: spacy.language.Language,
) -> None:
    """en_core_web_sm tags some full names ORG every time; an apposition whose head is
    a person's role says otherwise. A role opening a name is no apposition."""
    words = ["Kenji", "Arata", ",", "Norland", "'s", "acting", "director", "-", "general", ","]
    words += ["said", "so", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-GPE"] + ["O"] * 9
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PART", "ADJ", "NOUN", "PUNCT", "NOUN", "PUNCT"]
    pos += ["VERB", "ADV", "PUNCT"]
    assert ("Kenji Arata", "PERSON") in texts(make(blank, words, ents, pos))
    # the small model's tags for "acting" (VERB) and an agency in capitals (PRON)
    words = ["Kenji", "Arata", ",", "acting", "WHO", "assistant", "director", "-", "general"]
    words += [",", "spoke", "."]
    ents = ["B-ORG", "I-ORG"] + ["O"] * 10
    pos = ["PROPN", "PROPN", "PUNCT", "VERB", "PRON", "NOUN", "NOUN", "PUNCT", "ADJ", "PUNCT"]
    pos += ["VERB", "PUNCT"]
    assert ("Kenji Arata", "PERSON") in texts(make(blank, words, ents, pos))

    words = ["Grain", "Council", ",", "Secretary", "-", "General", "Ivo", "Marsh", "said", "."]
    ents = ["B-ORG", "I-ORG", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    assert ("Grain Council", "ORG") in texts(make(blank, words, ents, pos))

    words = ["Harbor", "Relief", ",", "whose", "director", ",", "spoke", "."]
    ents = ["B-ORG", "I-ORG"] + ["O"] * 6
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "NOUN", "PUNCT", "VERB", "PUNCT"]
    assert ("Harbor Relief", "ORG") in texts(make(blank, words, ents, pos))


def test_a_transcripts_speaker_labels_are_people(blank: spacy.language.Language) -> None:
    """ "KURTZ:" opening transcript lines is a person (a one-word name in capitals is
    otherwise read as an acronym); the same word inside a line is left as tagged."""
    words, spaces, ents = [], [], []
    for speaker, said in (("KURTZ", "Talks ended"), ("MARA", "They did"), ("KURTZ", "So now")):
        words += [speaker, ":", *said.split(), ".", "\n"]
        spaces += [False, True, True, False, False, False]
        ents += ["B-PERSON", "O", "O", "O", "O", "O"]
    words += ["NATO", "met", "."]
    spaces += [True, False, False]
    ents += ["B-PERSON", "O", "O"]
    doc = Doc(blank.vocab, words=words, spaces=spaces, ents=ents)
    assert doc.text.startswith("KURTZ: Talks ended.\nMARA:")
    assert texts(doc) == [
        ("KURTZ", "PERSON"),
        ("MARA", "PERSON"),
        ("KURTZ", "PERSON"),
        ("NATO", "TERM"),
    ]


def test_the_name_of_a_transcript_label_with_a_role_is_a_person(
    blank: spacy.language.Language,
) -> None:
    """ "ADA QUILL, NORTHGATE CORRESPONDENT:": the tagger found only the employer; the
    name before the role is the speaker, a person ("UNIDENTIFIED MALE, ..." is nobody)."""
    lines = [
        ("KURTZ", [], "Talks ended"),
        ("MARA", [], "They did"),
        ("KURTZ", [], "So now"),
        ("ADA QUILL", ["NORTHGATE", "CORRESPONDENT"], "Crowds came"),
        ("UNIDENTIFIED MALE", ["PROTESTER"], "We stay"),
    ]
    words, spaces, ents = [], [], []
    for name, role, said in lines:
        name_words = name.split()
        words += name_words
        spaces += [True] * (len(name_words) - 1) + [not role]
        ents += ["O"] * len(name_words)
        if role:
            words += [",", *role]
            spaces += [True] + [True] * (len(role) - 1) + [False]
            employer = ["B-ORG"] if role[0] == "NORTHGATE" else ["O"]
            ents += ["O", *employer] + ["O"] * (len(role) - 1)
        words += [":", *said.split(), ".", "\n"]
        spaces += [True, True, False, False, False]
        ents += ["O"] * (len(said.split()) + 3)
    doc = Doc(blank.vocab, words=words, spaces=spaces, ents=ents)
    assert "\nADA QUILL, NORTHGATE CORRESPONDENT: Crowds came.\n" in doc.text
    found = texts(doc)
    assert ("ADA QUILL", "PERSON") in found
    assert ("NORTHGATE", "ORG") in found
    assert not any(text.startswith("UNIDENTIFIED") for text, _ in found)


def test_a_label_that_names_nobody_is_no_mention(blank: spacy.language.Language) -> None:
    # "UNIDENTIFIED FEMALE:" in a transcript is an unnamed speaker, not an actor
    words, spaces, ents = [], [], []
    for speaker, said in (("KURTZ", "Talks ended"), ("UNIDENTIFIED FEMALE", "They did"),
                          ("KURTZ", "So now")):  # fmt: skip
        names = speaker.split()
        words += [*names, ":", *said.split(), ".", "\n"]
        spaces += [True] * (len(names) - 1) + [False, True, True, False, False, False]
        ents += ["B-PERSON"] + ["I-PERSON"] * (len(names) - 1) + ["O"] * 5
    doc = Doc(blank.vocab, words=words, spaces=spaces, ents=ents)
    assert "\nUNIDENTIFIED FEMALE: They did." in doc.text
    assert texts(doc) == [("KURTZ", "PERSON"), ("KURTZ", "PERSON")]


def test_a_title_of_the_white_house_keeps_white(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["White", "House", "Press", "Secretary", "Ivo", "Marsh", "said"],
        ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
    )
    marsh = extract_mentions(doc)[-1]
    assert (marsh.text, marsh.title) == ("Ivo Marsh", "White House Press Secretary")


def test_a_group_noun_opening_a_sentence_is_no_name(blank: spacy.language.Language) -> None:
    # the tagger takes "Rebels" for a place, "Witnesses" for a people; "Democrats" stays
    words = ["The", "town", "fell", ".", "Rebels", "said", "so", ".", "Witnesses", "and",
             "Democrats", "agreed", "claim", "Fighters", "take", "it"]  # fmt: skip
    ents = ["O"] * 4 + ["B-GPE", "O", "O", "O", "B-NORP", "O", "B-NORP", "O", "O", "B-ORG"]
    ents += ["O", "O"]
    starts = [True, False, False, False, True, False, False, False, True] + [False] * 7
    doc = Doc(blank.vocab, words=words, ents=ents, sent_starts=starts)
    # "claim Fighters take": a headline run into the next, "Fighters" opens no name there either
    assert texts(doc) == [("Democrats", "NORP")]


def test_an_officers_title_is_whole(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["Chief", "Operating", "Officer", "Ivo", "Marsh", "and", "Chief", "Medical", "Officer",
         "Ada", "Quill", "spoke"],
        ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O",
         "B-PERSON", "I-PERSON", "O"],
    )  # fmt: skip
    assert [(m.text, m.title) for m in extract_mentions(doc)] == [
        ("Ivo Marsh", "Chief Operating Officer"),
        ("Ada Quill", "Chief Medical Officer"),
    ]


def test_a_verb_spelt_like_a_title_is_none(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["History", "will", "judge", "Ivo", "Marsh", "."],
        ["O", "O", "O", "B-PERSON", "I-PERSON", "O"],
        ["NOUN", "AUX", "VERB", "PROPN", "PROPN", "PUNCT"],
    )
    (mention,) = extract_mentions(doc)
    assert (mention.text, mention.title) == ("Ivo Marsh", None)


def test_a_name_written_as_a_place_is_one(blank: spacy.language.Language) -> None:
    """The small tagger calls towns it does not know people; "in X", "near X" and "the
    town of X" say they are places. What people are "in" and possessives stay."""
    words = ["Shells", "fell", "in", "Sabrata", "and", "the", "town", "of", "Ghat", "Wadi"]
    words += [".", "Voters", "lost", "confidence", "in", "Ada", "Quill", "during", "Ivo"]
    words += ["Marsh", "'s", "term", "."]
    ents = ["O", "O", "O", "B-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON"]
    ents += ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON"]
    ents += ["I-PERSON", "O", "O", "O"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "DET", "NOUN", "ADP", "PROPN", "PROPN"]
    pos += ["PUNCT", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "ADP", "PROPN"]
    pos += ["PROPN", "PART", "NOUN", "PUNCT"]
    assert texts(make(blank, words, ents, pos)) == [
        ("Sabrata", "GPE"),
        ("Ghat Wadi", "GPE"),
        ("Ada Quill", "PERSON"),
        ("Ivo Marsh", "PERSON"),
    ]
    # the place reading is this mention's: the article's other "Ivo Marsh" stays a person
    words = ["Was", "it", "present", "in", "Ivo", "Marsh", "?", "Ivo", "Marsh", "said", "no", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"] + ["O"] * 3
    pos = ["AUX", "PRON", "ADJ", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB"]
    pos += ["INTJ", "PUNCT"]
    assert texts(make(blank, words, ents, pos)) == [("Ivo Marsh", "GPE"), ("Ivo Marsh", "PERSON")]


def test_a_time_zone_opening_a_name_is_left_out(blank: spacy.language.Language) -> None:
    """A publication stamp run into a dateline: "4:10 pm BST SABRATA, Norland (Reuters)
    -"; the dateline's place is a place, whatever the tagger read in capitals."""
    words = ["4:10", "pm", "BST", "SABRATA", ",", "Norland", "(", "Reuters", ")", "-", "Shells"]
    words += ["fell", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-ORG", "O", "O", "O", "O", "O"]
    doc = make(blank, words, ents)
    assert "BST SABRATA, Norland ( Reuters ) - Shells" in doc.text
    assert texts(doc) == [("SABRATA", "GPE"), ("Norland", "GPE")]


def test_a_side_named_after_a_person_is_no_person(blank: spacy.language.Language) -> None:
    words = ["pro", "-", "Quill", "fighters", "met", "Ada", "Quill", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"]
    spaces = [False, False, True, True, True, True, False, False]
    doc = Doc(blank.vocab, words=words, spaces=spaces, ents=ents)
    assert texts(doc) == [("pro-Quill", "NORP"), ("Ada Quill", "PERSON")]


def test_a_persons_employer_is_not_part_of_the_name(blank: spacy.language.Language) -> None:
    words = ["Ivo", "Marsh", "of", "Norvik", "Dynamics", "said", "so", ".", "Prince", "Ivo"]
    words += ["of", "Norland", "came", "."]
    ents = (
        ["B-PERSON"] + ["I-PERSON"] * 4 + ["O"] * 3 + ["B-PERSON"] + ["I-PERSON"] * 3 + ["O", "O"]
    )
    assert [t for t, _ in texts(make(blank, words, ents))] == ["Ivo Marsh", "Ivo of Norland"]


def test_government_alone_is_no_name(blank: spacy.language.Language) -> None:
    # British style capitalises "the Government": whichever government the sentence is
    # about, so no one actor; "Scottish Government" is one
    words = ["The", "Government", "said", "so", ".", "The", "Scottish", "Government", "agreed"]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    doc = Doc(blank.vocab, words=words, ents=ents)
    assert texts(doc) == [("Scottish Government", "ORG")]


def test_first_lady_is_a_post_and_lady_alone_is_a_name(blank: spacy.language.Language) -> None:
    doc = make(
        blank,
        ["First", "Lady", "Ada", "Quill", "met", "Lady", "Velma", "and", "First", "Lady",
         "Ivo", "Marsh"],
        ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O",
         "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"],
        ["PROPN"] * 4 + ["VERB", "PROPN", "PROPN", "CCONJ"] + ["PROPN"] * 4,
    )  # fmt: skip
    found = [(m.text, m.title) for m in extract_mentions(doc)]
    assert found == [("Ada Quill", "First Lady"), ("Lady Velma", None), ("Ivo Marsh", "First Lady")]


def test_first_lady_before_the_taggers_name(blank: spacy.language.Language) -> None:
    # the tagger's span is the name alone; "Lady" before it is not grown into the name
    doc = make(
        blank,
        ["by", "First", "Lady", "Ada", "Quill", "and", "first", "lady", "Ona", "Sarn"],
        ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON"],
        ["ADP", "PROPN", "PROPN", "PROPN", "PROPN", "CCONJ", "ADJ", "NOUN", "PROPN", "PROPN"],
    )
    found = [(m.text, m.title) for m in extract_mentions(doc)]
    assert found == [("Ada Quill", "First Lady"), ("Ona Sarn", "first lady")]


def test_a_transcripts_stage_directions_and_role_lines_are_no_names(
    blank: spacy.language.Language,
) -> None:
    words = [
        "(",
        "INAUDIBLE",
        ")",
        "END",
        "VIDEO",
        "CLIP",
        "KESTRIAN",
        "CORRESPONDENT",
        "Ada",
        "Quill",
    ]
    ents = ["O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON"]
    doc = make(blank, words, ents)
    assert texts(doc) == [("Ada Quill", "PERSON")]


def test_a_pictures_credit_is_no_name(blank: spacy.language.Language) -> None:
    """A photographer credited before a caption or story ("Dan Marsh/AP") is no actor;
    a name the tagger ran over the credit keeps what follows it when that can be a name
    ("Ana Vell/AP Ivo Marsh"), and goes when it is a sentence's first word."""
    words = [
        "Dan",
        "Marsh/AP",
        "Ivo",
        "Marsh",
        "spoke",
        ".",
        "Ada",
        "Quill/AP",
        "Underwater",
        "robots",
        "dived",
        ".",
    ]
    ents = [
        "B-PERSON",
        "I-PERSON",
        "I-PERSON",
        "I-PERSON",
        "O",
        "O",
        "B-PERSON",
        "I-PERSON",
        "I-PERSON",
        "O",
        "O",
        "O",
    ]
    assert texts(make(blank, words, ents)) == [("Ivo Marsh", "PERSON")]
    words = ["Photo", ":", "Ona", "Sarn", "/", "AP", "Crowds", "met", "Ivo", "Marsh", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    doc = Doc(
        blank.vocab,
        words=words,
        spaces=[False, True, True, False, False, True, True, True, True, False, False],
        ents=ents,
    )
    assert doc.text.startswith("Photo: Ona Sarn/AP Crowds")
    assert texts(doc) == [("Ivo Marsh", "PERSON")]
