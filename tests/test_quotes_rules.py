"""Attribution rules added for PolNeAR recall, on sentences parsed by en_core_web_sm.

Each sentence is written for these tests (none comes from a dataset). The model
is loaded once for the module; the tests check the rule's outcome (speaker, cue
or content), not the parse.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import storyline.annotate.quotes  # noqa: F401  (registers storyline_quotes_v1)
from parsed_docs import parsed, quotes_of
from storyline.annotate.quotes import extract_quotes
from storyline.annotate.quotes.cues import SPEECH_VERBS
from storyline.annotate.quotes.spans import Attribution
from storyline.annotate.quotes.surface import set_off_name
from storyline.models import Quote

pytestmark = pytest.mark.model


def _by_cue(quotes: list[Quote], word: str) -> Quote:
    found = [q for q in quotes if q.cue and word in q.cue]
    assert found, [q.cue for q in quotes]
    return found[0]


def test_subject_through_likely_adjective(quotes_nlp: Language) -> None:
    q = _by_cue(
        quotes_of(
            quotes_nlp,
            "Rural voters are more likely to say that the new highway plan wastes money.",
        ),
        "say",
    )
    assert q.speaker == "Rural voters"
    assert q.cue is not None and "likely" in q.cue


def test_passive_raising_verb_leaves_the_report_to_its_complement(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp, "The union is expected to endorse Maria Lopez in the mayoral race."
    )
    q = _by_cue(quotes, "endorse")
    assert q.speaker == "The union" and "Maria Lopez" in q.text


def test_received_criticism_has_the_critics_as_source(quotes_nlp: Language) -> None:
    q = _by_cue(
        quotes_of(quotes_nlp, "The proposal has drawn sharp criticism from local farmers."),
        "criticism",
    )
    assert q.speaker == "local farmers" and q.text == "The proposal"


def test_won_endorsement_of_has_the_endorser_as_source(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp, "The mayor won the endorsement of the teachers union for her school plan."
    )
    q = _by_cue(quotes, "endorsement")
    assert q.speaker == "the teachers union"


def test_received_criticism_without_a_giver_is_not_the_subjects_view(quotes_nlp: Language) -> None:
    quotes = quotes_of(quotes_nlp, "The senator faced criticism for his vote on the farm bill.")
    assert all(q.speaker != "The senator" for q in quotes)


def test_participle_on_an_inanimate_noun_goes_to_the_clause_subject(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp, "The senator was heard on a microphone telling an aide to cancel the vote."
    )
    q = _by_cue(quotes, "telling")
    assert q.speaker == "The senator"


def test_instrument_object_does_not_control_the_infinitive(quotes_nlp: Language) -> None:
    quotes = quotes_of(quotes_nlp, "The senator used his speech to call for lower drug prices.")
    q = _by_cue(quotes, "call")
    assert q.speaker == "The senator"


def test_subjectless_asked_does_not_swallow_the_answer(quotes_nlp: Language) -> None:
    text = "Asked whether the plant would close, Jenkins said the company had no such plans."
    quotes = quotes_of(quotes_nlp, text)
    said = _by_cue(quotes, "said")
    assert said.speaker == "Jenkins" and said.text == "the company had no such plans"
    assert all("Jenkins said" not in q.text for q in quotes)


def test_subject_stranded_in_a_fronted_adjunct(quotes_nlp: Language) -> None:
    text = (
        "At a town meeting in Dover, Ohio, 58-year-old Carol Sims complained about the tax "
        "hikes, and explained why she would vote against the levy."
    )
    quotes = quotes_of(quotes_nlp, text)
    assert _by_cue(quotes, "complained").speaker == "58-year-old Carol Sims"
    assert _by_cue(quotes, "explained").speaker == "58-year-old Carol Sims"


def test_trailing_participle_report_is_cut_from_the_first(quotes_nlp: Language) -> None:
    text = "Greene insisted that the bridge was safe, claiming that the inspectors had found no cracks."
    quotes = quotes_of(quotes_nlp, text)
    insisted = _by_cue(quotes, "insisted")
    claiming = _by_cue(quotes, "claiming")
    assert insisted.text == "that the bridge was safe"
    assert claiming.speaker == "Greene" and claiming.text.startswith("that the inspectors")


def test_expletive_it_is_no_source(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp, "It is hard to know whether the council will approve the budget."
    )
    assert all(q.speaker is None for q in quotes)


def test_that_clause_parsed_as_adverbial_is_content(quotes_nlp: Language) -> None:
    text = "The governor recalled in 2009 that the old factory had employed half the town."
    q = _by_cue(quotes_of(quotes_nlp, text), "recalled")
    assert q.speaker == "The governor" and "old factory" in q.text


def test_headline_label_tagged_as_noun_but_named_in_the_text(quotes_nlp: Language) -> None:
    text = (
        "Haskins: Bridge Repairs Will Take Years.\n"
        "State engineer Dana Haskins told lawmakers on Monday that the repairs would be slow."
    )
    q = _by_cue(quotes_of(quotes_nlp, text), ":")
    assert q.speaker == "Haskins" and q.text.startswith("Bridge Repairs")


def test_label_not_named_elsewhere_is_no_source(quotes_nlp: Language) -> None:
    text = "Update: Bridge Repairs Will Take Years.\nThe repairs would be slow, officials said."
    assert all(q.cue != ":" for q in quotes_of(quotes_nlp, text))


@pytest.mark.parametrize(
    "dateline", ["LONDON - ", "WELLSPRING (Harbor Wire) - ", "PORT ASKE, Esterholm \u2014 "]
)
def test_wire_dateline_is_not_part_of_the_content(quotes_nlp: Language, dateline: str) -> None:
    text = dateline + "The mill will close in March, the company said on Friday."
    q = _by_cue(quotes_of(quotes_nlp, text), "said")
    assert q.speaker == "the company" and q.text == "The mill will close in March"


@pytest.mark.parametrize(
    "opening",
    [
        "The port reopened . Tavel , Kestria -LRB- CNN -RRB- -- ",
        "TAVEL | Thu Apr 22 , 2010 7:30 pm EDT TAVEL -LRB- Reuters -RRB- - ",
        "May 2 -LRB- Reuters -RRB- - ",
    ],
)
def test_an_agency_dateline_is_not_part_of_the_content(nlp: Language, opening: str) -> None:
    # The whole pipeline: its sentence rules keep the dateline in the report's sentence.
    text = opening + "The mill will close in March , the company said on Friday ."
    q = _by_cue(quotes_of(nlp, text), "said")
    assert q.speaker == "the company" and q.text == "The mill will close in March"


@pytest.mark.parametrize(
    "report",
    [
        "Crews found debris in the relief well , retired Coast Guard Adm. Ilse Vorn said .",
        "Crews found debris in the relief well, retired Coast Guard Adm. Ilse Vorn said.",
        "Crews found debris in the relief well, Army Capt. Ilse Vorn said.",
    ],
)
def test_a_speakers_title_is_the_speakers_not_the_contents(nlp: Language, report: str) -> None:
    # The whole pipeline: its sentence rules keep the title in the name's sentence.
    q = _by_cue(quotes_of(nlp, report), "said")
    assert q.text == "Crews found debris in the relief well", q
    assert q.speaker.endswith("Ilse Vorn") and (" Adm." in q.speaker or " Capt." in q.speaker)


def test_a_dateline_inside_a_paragraph_is_left_alone(quotes_nlp: Language) -> None:
    text = "Workers said the LONDON - PARIS line would close in March."
    q = _by_cue(quotes_of(quotes_nlp, text), "said")
    assert q.text.startswith("the LONDON - PARIS line")


def test_quote_after_the_rest_of_the_attribution_sentence_continues_it(
    quotes_nlp: Language,
) -> None:
    text = (
        '"The bridge is safe. We checked it twice," Mayor Ruth Olsen told reporters after a'
        ' meeting of the city council. "Nobody should worry."'
    )
    parts = [q for q in quotes_of(quotes_nlp, text) if q.cue == "told"]
    assert [q.text for q in parts] == [
        "The bridge is safe. We checked it twice",
        "Nobody should worry.",
    ]
    assert {q.speaker for q in parts} == {"Mayor Ruth Olsen"}


def test_a_new_sentence_with_its_own_verb_does_not_continue(quotes_nlp: Language) -> None:
    text = (
        '"The bridge is safe," Mayor Ruth Olsen told reporters. The council met later.'
        ' "Nobody should worry," a resident said.'
    )
    resident = _by_cue(quotes_of(quotes_nlp, text), "said")
    assert resident.text == "Nobody should worry" and resident.speaker == "a resident"


def test_report_verb_conjoined_to_the_reported_clause_is_a_second_report(
    quotes_nlp: Language,
) -> None:
    # the parser hangs "insisted" on "balanced", inside what the mayor said
    quotes = quotes_of(
        quotes_nlp,
        "The mayor said the budget was balanced and insisted that no services would be cut.",
    )
    said, insisted = _by_cue(quotes, "said"), _by_cue(quotes, "insisted")
    assert said.text == "the budget was balanced"
    assert insisted.speaker == "The mayor"
    assert insisted.text == "that no services would be cut"


def test_content_ends_before_the_coordinator_of_a_second_report(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp,
        "Maria Lopez said Monday that she will run again but added that the campaign"
        " would be short.",
    )
    assert _by_cue(quotes, "said").text == "that she will run again"
    assert _by_cue(quotes, "added").text == "that the campaign would be short"
    # an adverb at the end is content, not a coordinator
    yet = quotes_of(quotes_nlp, "The minister said the plan had not been approved yet.")
    assert _by_cue(yet, "said").text == "the plan had not been approved yet"


def test_subject_hung_on_an_earlier_noun_is_the_appositive_before_the_verb(
    quotes_nlp: Language,
) -> None:
    # the parser makes "members" an appositive of "Ms. Diaz" and "official" one of "staff"
    have_said = quotes_of(
        quotes_nlp,
        "In addition to Ms. Diaz, two Republican members of the assembly from Texas,"
        " Ann Cole and Ray Moss, have said they will not support the bill.",
    )
    assert _by_cue(have_said, "said").speaker == (
        "two Republican members of the assembly from Texas, Ann Cole and Ray Moss"
    )
    official = quotes_of(
        quotes_nlp,
        "Although there is no such deal with Diaz's staff, a city official who spoke"
        ' anonymously to discuss private talks said Monday, "There are conversations."',
    )
    q = _by_cue(official, "said")
    assert q.speaker is not None and q.speaker.startswith("a city official")
    assert q.anonymous


def test_sentence_initial_according_to_misparsed_as_the_root(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp,
        "According to longtime harbor pilot Tomas Berg, the spill reeks of diesel and neglect.",
    )
    q = _by_cue(quotes, "According")
    assert q.speaker == "longtime harbor pilot Tomas Berg"
    assert q.text == "the spill reeks of diesel and neglect"


def test_sentence_final_according_to_covers_the_report_before_it(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp,
        'On Friday, the mayor said she was "glad to see" that the vote had passed,'
        " according to The Harbor Ledger.",
    )
    according = _by_cue(quotes, "according")
    assert according.speaker == "The Harbor Ledger"
    assert "the mayor said" in according.text
    assert _by_cue(quotes, "said").text == 'she was "glad to see" that the vote had passed'


def test_transcript_quoted_paragraph_by_paragraph_gives_each_turn_its_speaker(
    quotes_nlp: Language,
) -> None:
    text = (
        "The station aired the exchange. Partial transcript as follows:\n\n"
        '"REYES: Will the bridge reopen this year?\n\n'
        '"DIAZ: We expect it to reopen in the spring, and the crews are working nights.\n\n'
        '"REYES: And what will it cost the city?\n\n'
        '"DIAZ: About four million dollars, which the state will cover."\n'
    )
    turns = [(q.speaker, q.text) for q in quotes_of(quotes_nlp, text) if q.cue == ":"]
    assert turns == [
        ("REYES", "Will the bridge reopen this year?"),
        ("DIAZ", "We expect it to reopen in the spring, and the crews are working nights."),
        ("REYES", "And what will it cost the city?"),
        ("DIAZ", "About four million dollars, which the state will cover."),
    ]


def test_a_bracketed_reference_line_is_no_speaker_label(quotes_nlp: Language) -> None:
    text = (
        "Ferry crews walked out on Monday.\n"
        "(ID: nVRN362728) Ferry strike spreads to the northern ports\n"
        "Milbank: The strike will end soon.\n"
    )
    speakers = [q.speaker for q in quotes_of(quotes_nlp, text) if q.cue == ":"]
    assert speakers == ["Milbank"]


def test_a_transcripts_unidentified_speaker_is_anonymous(quotes_nlp: Language) -> None:
    text = (
        "REYES: Will the bridge reopen this year?\n\n"
        "DIAZ: We expect it to reopen in the spring.\n\n"
        "UNIDENTIFIED FEMALE: We have waited for months and nobody tells us anything.\n\n"
        "REYES: And what will it cost the city?\n"
    )
    turns = {q.speaker: q.anonymous for q in quotes_of(quotes_nlp, text) if q.cue == ":"}
    assert turns == {"REYES": False, "DIAZ": False, "UNIDENTIFIED FEMALE": True}


def test_quoted_lines_signed_with_a_dash_name_their_speakers(quotes_nlp: Language) -> None:
    text = (
        "What Readers Think Of The Bridge.\n\n"
        "\u201dThe bridge is a waste of money. I am afraid it will fall.\u201d \u2015 Maria de la Cruz\n"
        "\u201cI drive across it every day.\u201d\u2015\u00a0Tom Bell.\n"
        'The mayor called the bridge "a triumph" \u2014 and meant it.\n'
    )
    quotes = quotes_of(quotes_nlp, text)
    signed = [(q.speaker, q.text) for q in quotes if q.cue and "\u2015" in q.cue]
    assert signed == [
        # the first line opens with the wrong mark: the line, not the mark pairing, counts
        ("Maria de la Cruz", "The bridge is a waste of money. I am afraid it will fall."),
        ("Tom Bell", "I drive across it every day."),
    ]
    # the cue is the dash, even where the tokenizer joined it to the closing mark
    assert {q.cue for q in quotes if q.cue and "\u2015" in q.cue} == {"\u2015"}
    # "I am afraid" inside the signed quote is Maria de la Cruz's words, not a report of its own
    assert not [q for q in quotes if q.speaker == "I"]
    # a dash followed by more of the sentence is not a signature
    assert _by_cue(quotes, "called").speaker == "The mayor"


def test_questions_and_account_lines_report_nothing(quotes_nlp: Language) -> None:
    asked = quotes_of(quotes_nlp, "Do you support the new harbor tax?")
    assert not [q for q in asked if q.speaker == "you"]
    # an answered question's report is still one
    said = quotes_of(
        quotes_nlp, "Why does it matter? The mayor said the tax would pay for dredging."
    )
    assert _by_cue(said, "said").speaker == "The mayor"
    follow = quotes_of(
        quotes_nlp, "The vote is on Friday.\n\nFollow Dana Reyes on Twitter: @danareyes."
    )
    assert not [q for q in follow if q.cue == ":"]


def test_name_read_as_a_modal_is_the_speaker(quotes_nlp: Language) -> None:
    # the small model tags a sentence-initial "May" as a modal of "said"; a modal never
    # takes a finite verb, so "May" is the speaker and not part of the cue
    q = _by_cue(quotes_of(quotes_nlp, "May said the vote would go ahead in June."), "said")
    assert q.speaker == "May" and q.cue == "said"


def test_a_real_modal_stays_in_the_cue(quotes_nlp: Language) -> None:
    q = _by_cue(quotes_of(quotes_nlp, "Officials may say the new bridge will open in June."), "say")
    assert q.speaker == "Officials" and q.cue == "may say"


def _relative_clause_subject_lost() -> Doc:
    """ "Lowe, who was elected in 2014, doesn't see the need." with "Lowe" hung on the verb
    as an adverb, the way the small model sometimes parses it (no nsubj)."""
    words = ["Lowe", ",", "who", "was", "elected", "in", "2014", ",", "does", "n't", "see"]
    words += ["the", "need", "."]
    heads = [10, 0, 4, 4, 0, 4, 5, 0, 10, 10, 10, 12, 10, 10]
    deps = ["advmod", "punct", "nsubjpass", "auxpass", "relcl", "prep", "pobj", "punct"]
    deps += ["aux", "neg", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "PRON", "AUX", "VERB", "ADP", "NUM", "PUNCT", "AUX", "PART"]
    pos += ["VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", ",", "WP", "VBD", "VBN", "IN", "CD", ",", "VBZ", "RB", "VB", "DT", "NN", "."]
    lemmas = ["Lowe", ",", "who", "be", "elect", "in", "2014", ",", "do", "not", "see"]
    lemmas += ["the", "need", "."]
    spaces = [False, True, True, True, True, True, False, True, False, True, True, True]
    spaces += [False, False]
    return parsed(words, heads, deps, pos, lemmas, spaces, tags=tags)


def test_antecedent_of_a_relative_clause_is_the_lost_subject() -> None:
    quotes = extract_quotes(_relative_clause_subject_lost())
    q = _by_cue(quotes, "see")
    assert q.speaker == "Lowe, who was elected in 2014"
    assert q.cue == "doesn't see" and q.text == "the need"


def test_a_tally_line_is_not_a_quote(quotes_nlp: Language) -> None:
    quotes = quotes_of(
        quotes_nlp,
        "Pledged delegates so far.\nOkafor: 1,204.\nBrandt: 987.\n"
        "Okafor: The count is fair to every county.\n",
    )
    assert [q.text for q in quotes if q.cue == ":"] == ["The count is fair to every county"]


def test_a_polls_share_read_as_a_number_modifier_is_the_subject(quotes_nlp: Language) -> None:
    """en_core_web_sm parses "Roughly 6 in 10 say" with the share as the verb's nummod."""
    q = _by_cue(quotes_of(quotes_nlp, "Roughly 6 in 10 say they expect prices to rise."), "say")
    assert q.speaker == "Roughly 6 in 10"


def test_speaker_after_the_cue_when_the_parse_hangs_it_on_a_clause(quotes_nlp: Language) -> None:
    """en_core_web_sm makes "said" the root and the named speaker the subject of the
    participle that follows; the quote keeps its speaker."""
    q = _by_cue(
        quotes_of(
            quotes_nlp,
            '"I am not going to say it is a mistake, so forget about it," said retired '
            "engineer Paula Brenn, asked about her claims that she had designed the bridge.",
        ),
        "said",
    )
    assert q.speaker == "retired engineer Paula Brenn"
    assert q.text == "I am not going to say it is a mistake, so forget about it"
    assert q.direct


def test_name_after_the_cue_read_off_the_surface() -> None:
    """ "\"It works,\" said Rusk, explaining the plan." with "Rusk" tagged an adverb (as
    the small model tags an unknown surname): no subject in the parse."""
    words = ['"', "It", "works", ",", '"', "said", "Rusk", ",", "explaining", "the", "plan", "."]
    spaces = [False, True, False, False, True, True, False, True, True, True, False, False]
    heads = [5, 2, 5, 5, 5, 5, 5, 5, 5, 10, 8, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "advmod", "punct", "advcl"]
    deps += ["det", "dobj", "punct"]
    tags = ["``", "PRP", "VBZ", ",", "''", "VBD", "RB", ",", "VBG", "DT", "NN", "."]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "ADV", "PUNCT", "VERB", "DET"]
    pos += ["NOUN", "PUNCT"]
    lemmas = ['"', "it", "work", ",", '"', "say", "Rusk", ",", "explain", "the", "plan", "."]
    doc = parsed(words, heads, deps, pos, lemmas, spaces, tags=tags, ents=["O"] * len(words))
    q = _by_cue(extract_quotes(doc), "said")
    assert q.speaker == "Rusk" and q.text == "It works" and q.direct


def _dash_then_name(verb: str, lemma: str, passive: bool) -> Doc:
    """ "It was no accident - Dana Pirel, a spokeswoman, told reporters that it works." (or
    "..., was fired.") with the name parsed as an apposition of "accident" and the verb
    without a subject."""
    words = ["It", "was", "no", "accident", "-", "Dana", "Pirel", ",", "a", "spokeswoman", ","]
    spaces = [True, True, True, True, True, True, False, True, True, False, True]
    heads = [1, 1, 3, 1, 3, 6, 3, 6, 9, 6, 6]
    deps = ["nsubj", "ROOT", "det", "attr", "punct", "compound", "appos", "punct", "det"]
    deps += ["appos", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", ":", "NNP", "NNP", ",", "DT", "NN", ","]
    pos = ["PRON", "AUX", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN"]
    pos += ["PUNCT"]
    lemmas = ["it", "be", "no", "accident", "-", "Dana", "Pirel", ",", "a", "spokeswoman", ","]
    if passive:
        words += ["was", verb, "."]
        spaces += [True, False, False]
        heads += [12, 1, 1]
        deps += ["auxpass", "conj", "punct"]
        tags += ["VBD", "VBN", "."]
        pos += ["AUX", "VERB", "PUNCT"]
        lemmas += ["be", lemma, "."]
    else:
        words += [verb, "reporters", "that", "it", "works", "."]
        spaces += [True, True, True, True, False, False]
        heads += [1, 11, 15, 15, 11, 1]
        deps += ["conj", "dobj", "mark", "nsubj", "ccomp", "punct"]
        tags += ["VBD", "NNS", "IN", "PRP", "VBZ", "."]
        pos += ["VERB", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"]
        lemmas += [lemma, "reporter", "that", "it", "work", "."]
    ents = ["O"] * 5 + ["B-PERSON", "I-PERSON"] + ["O"] * (len(words) - 7)
    return parsed(words, heads, deps, pos, lemmas, spaces, tags=tags, ents=ents)


def test_name_set_off_from_a_subjectless_speech_verb() -> None:
    q = _by_cue(extract_quotes(_dash_then_name("told", "tell", passive=False)), "told")
    assert q.speaker == "Dana Pirel" and q.text == "that it works"


def test_a_passive_verb_takes_no_set_off_name() -> None:
    """ "Curt Lee, a pitcher, was fired": the name is who the verb happened to."""
    doc = _dash_then_name("charged", "charge", passive=True)
    att = Attribution(head=12, cue=[11, 12], kind="verb", lemma="charge")
    assert "charge" in SPEECH_VERBS and set_off_name(doc, att) is None
    active = _dash_then_name("told", "tell", passive=False)
    assert set_off_name(active, Attribution(head=11, cue=[11], kind="verb", lemma="tell")) == (
        5,
        7,
    )


def test_a_wire_dateline_is_no_part_of_what_was_said() -> None:
    # h1n1: "May 1, 2009 9:46 am EDT WASHINGTON -LRB- Reuters -RRB- - The new virus ..."
    # came out as the content of "..., the World Health Organization said"
    from storyline.annotate.quotes.edges import after_wire_dateline as _after_dateline
    from storyline.text.datelines import wire_datelines

    text = "May 1 , 2031 9:46 am EDT TAVEL -LRB- Reuters -RRB- - The ferry sank , police said ."
    ends = [end for _, end in wire_datelines(text)]
    content_end = text.index(" , police")
    assert text[_after_dateline(0, content_end, ends) : content_end] == "The ferry sank"
    later = text.index("The ferry")
    assert _after_dateline(later, content_end, ends) == later  # none inside


def test_a_content_opening_inside_a_dateline_starts_after_it() -> None:
    from storyline.annotate.quotes.edges import after_wire_dateline as _after_dateline
    from storyline.text.datelines import wire_datelines

    text = "TAVEL -LRB- Reuters -RRB- - Kestria has ordered the ferries home , officials said ."
    ends = [end for _, end in wire_datelines(text)]
    inside = text.index("Reuters")
    got = _after_dateline(inside, text.index(" , officials"), ends)
    assert text[got:].startswith("Kestria has ordered")


def test_a_bare_indefinite_is_an_anonymous_group(quotes_nlp: Language) -> None:
    text = (
        "The bridge reopened on Monday. Some say the repairs came too late. "
        "Others believe the city acted fast. Some of the officials said the steel was sound."
    )
    speakers = {q.speaker: q.anonymous for q in quotes_of(quotes_nlp, text)}
    assert speakers["Some"] is True
    assert speakers["Others"] is True
    # "some of the officials": the officials, anonymous as officials are
    assert speakers["Some of the officials"] is True


def test_a_market_board_is_no_speaker(quotes_nlp: Language) -> None:
    text = (
        "REYES: Will the ferries run again?\n\n"
        "Kestria Composite Index: +64.59 A bailout for the ferry lines died in the Senate.\n\n"
        "DIAZ: We expect them to run again in the spring.\n"
    )
    speakers = [q.speaker for q in quotes_of(quotes_nlp, text) if q.cue == ":"]
    assert speakers == ["REYES", "DIAZ"]
