"""Quote extraction on sentences parsed by en_core_web_sm (loaded once for this module).

The sentences are written for these tests; the seeds check reads ../shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from parsed_docs import quotes_of
from storyline.annotate.quotes import attribution_groups
from storyline.models import QUOTE_CONFIDENCE, Quote

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpora" / "seeds"


def test_direct_quote_speaker_after(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp, '"The bridge will reopen in June," the mayor, Laura Benitez, said on Monday.'
    )
    assert q.direct and q.text == "The bridge will reopen in June"
    assert q.speaker == "the mayor, Laura Benitez" and q.cue == "said"
    assert q.anonymous is False and q.sentence == 0


def test_direct_quote_speaker_before_with_colon_multi_sentence(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp, 'Laura Benitez said: "The bridge will reopen in June. Traffic will be lighter."'
    )
    assert q.direct and q.speaker == "Laura Benitez"
    assert q.text == "The bridge will reopen in June. Traffic will be lighter."


def test_split_quote_is_two_records_of_one_attribution(quotes_nlp: Language) -> None:
    text = '"We expected delays," said Tom Reyes, the city engineer. "But not this many."'
    quotes = quotes_of(quotes_nlp, text)
    assert [q.text for q in quotes] == ["We expected delays", "But not this many."]
    assert {q.speaker for q in quotes} == {"Tom Reyes, the city engineer"}
    assert [q.sentence for q in quotes] == [0, 1]
    assert len(attribution_groups(quotes)) == 1


def test_curly_quotes_and_addressee(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp,
        "\u201cThe budget is balanced,\u201d Governor Alan Fisk told reporters on Tuesday.",
    )
    assert q.direct and q.text == "The budget is balanced"
    assert q.speaker == "Governor Alan Fisk" and q.cue == "told" and q.addressee == "reporters"


def test_indirect_speech(quotes_nlp: Language) -> None:
    [q] = quotes_of(quotes_nlp, "The company said that its profits had doubled.")
    assert not q.direct and q.text == "that its profits had doubled" and q.speaker == "The company"
    [q] = quotes_of(quotes_nlp, "Martin Dole told the Daily Ledger the deal was dead.")
    assert q.text == "the deal was dead" and q.addressee == "the Daily Ledger"


def test_interview_addressee(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp, "In an interview with Channel Four, Nadia Petrov said the talks would resume."
    )
    assert q.speaker == "Nadia Petrov" and q.addressee == "Channel Four"


def test_according_to_anonymous_source(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp,
        "The factory will close next year, according to two people familiar with the plan.",
    )
    assert q.cue == "according to" and q.text == "The factory will close next year"
    assert q.speaker == "two people familiar with the plan" and q.anonymous


def test_mixed_quote_keeps_its_fragment(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp, 'Prime Minister Olav Berg called the agreement "a historic step" on Friday.'
    )
    assert not q.direct and q.speaker == "Prime Minister Olav Berg"
    assert '"a historic step"' in q.text


def test_definite_description_stays_anonymous(quotes_nlp: Language) -> None:
    text = (
        "One official familiar with the talks said the offer had expired. "
        "The official said a new offer was unlikely."
    )
    quotes = quotes_of(quotes_nlp, text)
    assert [q.speaker for q in quotes] == ["One official familiar with the talks", "The official"]
    assert all(q.anonymous and q.speaker_resolved is None for q in quotes)


def test_anonymous_sources(quotes_nlp: Language) -> None:
    text = (
        "U.S. officials said the shipment had been delayed, and a Western diplomat said the "
        "delay was deliberate. The people, who asked not to be identified because the talks "
        "are private, said an agreement was close. A Navy spokesman, Rick Alvarez, said the "
        "ship was safe."
    )
    by_text = {q.text: q for q in quotes_of(quotes_nlp, text)}
    assert by_text["the shipment had been delayed"].anonymous
    assert by_text["the delay was deliberate"].anonymous
    assert by_text["an agreement was close"].anonymous
    assert not by_text["the ship was safe"].anonymous


def test_pronoun_resolves_to_previous_speaker(quotes_nlp: Language) -> None:
    text = (
        "Senator Ruth Kane spoke at length about the tariffs on Monday. "
        '"We will not back down," she said.'
    )
    q = [q for q in quotes_of(quotes_nlp, text) if q.direct][0]
    assert q.speaker == "she" and q.speaker_resolved == "Ruth Kane" and not q.anonymous


def test_he_does_not_inherit_from_a_company(quotes_nlp: Language) -> None:
    text = (
        "If the caissons fail, Chevron also has begun work on a backup plan.\n\n"
        "Owen Marlow, senior vice president for Chevron in Peru, said the regulator has "
        "approved a plan to drill the wells.\n\n"
        "Chevron wants to drill two in case one does not work.\n\n"
        "He said crews are working 24 hours a day on every possible solution."
    )
    [q] = [q for q in quotes_of(quotes_nlp, text) if q.speaker == "He"]
    assert q.speaker_resolved == "Owen Marlow"


def test_a_name_inside_the_previous_report_does_not_take_the_next_pronoun(
    quotes_nlp: Language,
) -> None:
    text = (
        "Opposition leader Karim Halabi said on Thursday that there was no going back.\n\n"
        "He called for demonstrations to be peaceful and for the government of President "
        "Omar Dessouki to stop detaining and torturing people.\n\n"
        "He said that a violent response from the government is counterproductive."
    )
    [q] = [q for q in quotes_of(quotes_nlp, text) if "violent response" in q.text]
    assert q.speaker_resolved == "Karim Halabi"


def test_ambiguous_pronoun_is_left_unresolved(quotes_nlp: Language) -> None:
    [q] = quotes_of(
        quotes_nlp, 'Ruth Kane met Paul Dorr on Monday. "Nothing was decided," he said.'
    )
    assert q.speaker == "he" and q.speaker_resolved is None


def test_pronoun_after_anonymous_speaker_inherits_anonymity(quotes_nlp: Language) -> None:
    text = (
        "A senior diplomat said the ceasefire was holding. He added that aid convoys had resumed."
    )
    quotes = quotes_of(quotes_nlp, text)
    assert [q.speaker for q in quotes] == ["A senior diplomat", "He"]
    assert all(q.anonymous for q in quotes)


def test_descriptions_of_roles(quotes_nlp: Language) -> None:
    [q] = quotes_of(quotes_nlp, "A senator said the bill was dead.")
    assert q.anonymous  # an unnamed senator
    [q] = quotes_of(quotes_nlp, "The president said the talks would continue.")
    assert not q.anonymous  # one identifiable holder, even unresolved
    text = (
        "Committee chairman Michael Ross, R-Ohio, opened the hearing. "
        "The chairman said the vote would be close."
    )
    [q] = quotes_of(quotes_nlp, text)
    assert q.speaker == "The chairman" and q.speaker_resolved == "Michael Ross"


@pytest.mark.parametrize(
    ("president", "speaker"),
    [("President Obama flew", "The president"), ("Obama flew", "He")],
)
def test_the_president_is_not_the_first_lady_of_his_surname(
    quotes_nlp: Language, president: str, speaker: str
) -> None:
    """A chronology names the first lady in full and the president by surname alone:
    neither "The president" (another post) nor "He" (another gender) is Michelle Obama."""
    text = (
        "At the school: First Lady Michelle Obama read to pupils in Tampa. "
        f"At the White House: {president} to the Gulf Coast. "
        f"{speaker} said the region would recover."
    )
    [q] = [q for q in quotes_of(quotes_nlp, text) if q.speaker == speaker]
    assert q.speaker_resolved == "Obama"


def test_a_title_after_a_name_counts_within_its_sentence(quotes_nlp: Language) -> None:
    text = (
        "Senate chairman Ruth Kane opened the hearing with Senator Paul Kane. "
        "The chairman said the vote would be close."
    )
    [q] = quotes_of(quotes_nlp, text)
    assert q.speaker_resolved == "Ruth Kane"  # her post, named before her: she is the one


@pytest.mark.parametrize(
    ("speaker", "resolved"), [("he says", "Gordon Brown"), ("Brown says", "Brown")]
)
def test_a_full_name_is_not_a_longer_namesakes(
    quotes_nlp: Language, speaker: str, resolved: str
) -> None:
    """A live page names "Lord Malloch Brown" early and "Gordon Brown" later: the prime
    minister's words are not the longer name's of his surname (a bare "Brown" between
    the two stays as written, for the linker)."""
    text = (
        "2255 Lord Malloch Brown, the former UN deputy, tells the BBC that aid is late.\n"
        "1528 Prime Minister Gordon Brown says the response has been extraordinary.\n"
        f"\u201cWe are determined to help the people of Haiti,\u201d {speaker}.\n"
    )
    [q] = [q for q in quotes_of(quotes_nlp, text) if q.text.startswith("We are")]
    assert (q.speaker_resolved or q.speaker) == resolved


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parser makes the reported clause an adverbial after a phrase of time
        (
            "Duarte said after the meeting she would not accept the council's offer if it "
            "were made.",
            "after the meeting she would not accept the council's offer if it were made",
        ),
        # and "claims" a plural noun after a surname that is also a word
        ("Yet Trump claims that he should win.", "that he should win"),
    ],
)
def test_a_report_the_small_parser_misreads_is_found(
    quotes_nlp: Language, text: str, content: str
) -> None:
    [q] = quotes_of(quotes_nlp, text)
    assert q.text == content and q.confidence >= QUOTE_CONFIDENCE


def test_a_report_after_a_missing_full_stop_is_its_own(quotes_nlp: Language) -> None:
    text = (
        "The harbour board said it was adding staff to check the safety of the old pier and "
        "the new quay The council said it would add inspectors as well."
    )
    by_speaker = {q.speaker: q.text for q in quotes_of(quotes_nlp, text)}
    assert by_speaker == {
        "The harbour board": "it was adding staff to check the safety of the old pier and the "
        "new quay",
        "The council": "it would add inspectors as well",
    }


def test_an_editors_label_before_a_colon_is_no_speaker(quotes_nlp: Language) -> None:
    text = (
        "The pier opened.\nCorrection: October 2, 2026, Sunday. An earlier version misstated "
        "the date.\nEditor's note: This story has been updated.\nUpdate 2 p.m. ET: The pier "
        "is closed again.\nDuarte: The pier is safe."
    )
    assert [q.speaker for q in quotes_of(quotes_nlp, text)] == ["Duarte"]


def test_lets_is_no_one_reporting(quotes_nlp: Language) -> None:
    quotes = quotes_of(quotes_nlp, "Let's say the pier will cost a million. So let's focus.")
    assert not any(q.speaker in ("'s", "\u2019s") for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Harbour board accused of hiding pier damage from inspectors",
        "The harbour board, accused of hiding pier damage, said it would cooperate.",
    ],
)
def test_the_accused_is_not_the_accuser(quotes_nlp: Language, text: str) -> None:
    """A passive without its auxiliary, in a headline or after a name: the board is the
    one accused, not the one speaking."""
    accusations = [q for q in quotes_of(quotes_nlp, text) if q.cue == "accused of"]
    assert accusations and all(q.speaker is None for q in accusations)
    [q] = quotes_of(quotes_nlp, "The union accused the board of hiding pier damage.")
    assert q.speaker == "The union"


def test_the_one_believed_to_be_is_not_the_believer(quotes_nlp: Language) -> None:
    """ "believed to be" without its auxiliary, after a name the parser takes for its
    subject: the zoo's pig is what is believed, not who believes."""
    text = (
        "The white goat, a resident of Harbour Zoo, and believed to be the only such "
        "animal in the town, has been placed in quarantine."
    )
    beliefs = [q for q in quotes_of(quotes_nlp, text) if q.cue == "believed"]
    assert beliefs and all(q.speaker is None for q in beliefs)
    [q] = quotes_of(quotes_nlp, "The keeper believed the goat was safe.")
    assert q.speaker == "The keeper"


def test_a_marked_adverbial_clause_is_not_what_was_said(quotes_nlp: Language) -> None:
    quotes = quotes_of(quotes_nlp, "Ines Duarte left the hall when the vote was lost.")
    assert quotes == []


def test_according_to_named_outlet_keeps_inner_report(quotes_nlp: Language) -> None:
    text = "Ana Ruiz told the panel that the dam was safe, per the Valley Herald."
    quotes = quotes_of(quotes_nlp, text)
    assert any(q.speaker == "Ana Ruiz" and q.addressee == "the panel" for q in quotes)


def test_odd_documents(quotes_nlp: Language) -> None:
    assert quotes_of(quotes_nlp, "") == []
    assert isinstance(quotes_of(quotes_nlp, '"Unclosed quote at the start and nothing else'), list)
    assert isinstance(quotes_of(quotes_nlp, '"""\u201d\u201c\u201c'), list)


# ---- seeds: real coverage of one story -----------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(quotes_nlp: Language) -> list[Quote]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpora/seeds is not beside the checkout")
    out: list[Quote] = []
    for path in sorted(SEEDS.glob("*.txt")):
        out.extend(quotes_of(quotes_nlp, path.read_text(encoding="utf-8")))
    return out


def _names(q: Quote) -> str:
    return f"{q.speaker or ''} {q.speaker_resolved or ''}"


@pytest.mark.parametrize("name", ["Milley", "Yermak", "McCaul", "Sullivan", "Austin", "Cardin"])
def test_seed_speakers_get_theirquotes_of(seed_quotes: list[Quote], name: str) -> None:
    assert any(name in _names(q) for q in seed_quotes), name


def test_seed_policy_quote_goes_to_an_anonymous_official(seed_quotes: list[Quote]) -> None:
    [q] = [q for q in seed_quotes if "our policy on ATACMS has not changed" in q.text]
    assert q.anonymous and q.speaker is not None and "official" in q.speaker.lower()


def test_seed_working_that_out_goes_to_biden(seed_quotes: list[Quote]) -> None:
    [q] = [q for q in seed_quotes if "working that out now" in q.text]
    assert "Biden" in _names(q) and q.addressee == "reporters"


def test_seed_one_official_quotes_stay_anonymous(seed_quotes: list[Quote]) -> None:
    official = [q for q in seed_quotes if q.speaker and "official" in q.speaker.lower()]
    assert official and all(q.anonymous for q in official)


def test_seed_sullivan_geography_quote_via_he_said(seed_quotes: list[Quote]) -> None:
    [q] = [q for q in seed_quotes if "geography" in q.text and q.direct]
    assert q.speaker == "he" and q.speaker_resolved is not None
    assert "Sullivan" in q.speaker_resolved


def _one(nlp: Language, text: str, cue: str) -> Quote:
    found = [q for q in quotes_of(nlp, text) if q.cue == cue]
    assert found, [(q.speaker, q.cue, q.text) for q in quotes_of(nlp, text)]
    return found[0]


def test_speaker_label_on_a_line_joined_to_the_previous_sentence(quotes_nlp: Language) -> None:
    text = "Transcript follows.\nDANA KOVAC: We will keep the clinic open all winter.\n"
    q = _one(quotes_nlp, text, ":")
    assert q.speaker == "DANA KOVAC" and q.text == "We will keep the clinic open all winter"


def test_in_a_poll_frames_the_clause(quotes_nlp: Language) -> None:
    q = _one(
        quotes_nlp, "In a Quinnipiac poll released Monday, the governor leads by six points.", "In"
    )
    assert q.speaker == "a Quinnipiac poll released Monday"
    assert q.text.startswith("the governor leads")


def test_in_a_statement_does_not_compete_with_the_speech_verb(quotes_nlp: Language) -> None:
    quotes = quotes_of(quotes_nlp, "In a statement, the mayor said the bridge would reopen.")
    assert [q.cue for q in quotes] == ["said"]


def test_volition_noun_with_infinitive(quotes_nlp: Language) -> None:
    q = _one(quotes_nlp, "The mayor's decision to close the bridge was unpopular.", "decision")
    assert q.speaker == "The mayor's" and q.text == "to close the bridge"


def test_relative_that_source_keeps_its_antecedent(quotes_nlp: Language) -> None:
    q = _one(
        quotes_nlp,
        "They met with a group of farmers that warn the new rules will hurt them.",
        "warn",
    )
    assert q.speaker is not None and "farmers" in q.speaker


def test_with_object_is_the_subject_of_the_gerund(quotes_nlp: Language) -> None:
    text = "The hearing ended with Ortiz asking the minister whether the dam was safe."
    assert _one(quotes_nlp, text, "asking").speaker == "Ortiz"


def test_participle_on_an_event_noun_belongs_to_its_holder(quotes_nlp: Language) -> None:
    text = "On Monday the senator opened a town hall blasting the governor for the tax plan."
    assert _one(quotes_nlp, text, "blasting").speaker == "the senator"


def test_conjunct_of_a_passive_verb_shares_its_subject(quotes_nlp: Language) -> None:
    text = "The author was greeted by fans and joked that he had forgotten his glasses."
    assert _one(quotes_nlp, text, "joked").speaker == "The author"


def test_backers_of_support_are_the_source(quotes_nlp: Language) -> None:
    q = _one(quotes_nlp, "Her support among older voters remains solid.", "support")
    assert q.speaker == "older voters" and q.text == "Her"


def test_noun_cue_source_from_a_from_phrase(quotes_nlp: Language) -> None:
    text = "An admission from the governor that the budget was short surprised lawmakers."
    q = _one(quotes_nlp, text, "admission from")
    assert q.speaker == "the governor" and q.text.startswith("that the budget was short")


def test_bare_quantifier_is_the_subject(quotes_nlp: Language) -> None:
    q = _one(quotes_nlp, "That attitude, many argue, could carry legal risks.", "argue")
    assert q.speaker == "many"


def test_contracted_has_is_not_a_passive(quotes_nlp: Language) -> None:
    q = _one(quotes_nlp, "He's said he gets his ideas from a speech.", "'s said")
    assert q.speaker == "He" and q.text == "he gets his ideas from a speech"


def test_contracted_is_with_infinitive_stays_passive(quotes_nlp: Language) -> None:
    quotes = quotes_of(quotes_nlp, "She's said to be angry about the vote.")
    assert all(q.speaker is None for q in quotes)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a caption run into the report, before the cue
        (
            "Crews dig with their bare hands, looking for food and water Up to 300 workers "
            "will be on the pier by Monday, harbour officials say.",
            "Up to 300 workers will be on the pier by Monday",
        ),
        # a headline's words run into the next sentence, after the cue
        (
            "Harbour officials say the pier is safe after the storm Dozens of boats were "
            "damaged in the port.",
            "the pier is safe after the storm",
        ),
        # a related link's headline run in after a verb's particle
        (
            "Aides said the minister would not step down But even as the vote neared, "
            "rebels met in the capital.",
            "the minister would not step down",
        ),
        # a name the tagger missed is no new sentence
        (
            "The judge said she rejected a Duarte divorce file request.",
            "she rejected a Duarte divorce file request",
        ),
    ],
)
def test_content_stops_at_a_sentence_run_into_it(
    quotes_nlp: Language, text: str, content: str
) -> None:
    [q] = [q for q in quotes_of(quotes_nlp, text) if q.confidence >= QUOTE_CONFIDENCE]
    assert q.text == content
