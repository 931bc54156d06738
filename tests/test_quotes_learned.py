"""The learned keep/add models over the rules' attributions (hand-built parses, no model)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from parsed_docs import maria_said, parsed
from storyline.annotate.quotes import extract_quotes, load_quote_models
from storyline.annotate.quotes.assemble import find_attributions
from storyline.annotate.quotes.learned import (
    LinearModel,
    QuoteModels,
    add_candidates,
    apply_models,
    keep_features,
    models_to_json,
)
from storyline.annotate.quotes.spans import DocView
from storyline.errors import AnnotateError


def _tied() -> Doc:
    # "The senator tied the losses to the new tariff ." -- no reporting verb for the rules
    return parsed(
        ["The", "senator", "tied", "the", "losses", "to", "the", "new", "tariff", "."],
        [1, 2, 2, 4, 2, 2, 8, 8, 5, 2],
        ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "amod", "pobj", "punct"],
        ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
        ["the", "senator", "tie", "the", "loss", "to", "the", "new", "tariff", "."],
    )


def _model(weights: dict[str, float], bias: float = 0.0, threshold: float = 0.5) -> LinearModel:
    return LinearModel(weights=weights, bias=bias, threshold=threshold)


def test_linear_model_is_a_logistic_over_named_features() -> None:
    m = _model({"a": 2.0, "b": -1.0}, bias=0.5)
    assert m.probability({}) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert m.probability({"a": 1.0, "b": 1.0, "unknown": 9.0}) == pytest.approx(
        1 / (1 + math.exp(-1.5))
    )
    assert m.probability({"a": 1e6}) == pytest.approx(1.0)  # no overflow


def test_candidate_for_a_verb_the_rules_do_not_know() -> None:
    doc = _tied()
    view = DocView.of(doc)
    atts, _ = find_attributions(view)
    assert atts == []
    [cand] = add_candidates(view, atts)
    att = cand.attribution
    assert doc[att.head].text == "tied" and att.kind == "learned"
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "The senator"
    [(a, b)] = att.content
    assert doc.text[a:b] == "the losses to the new tariff"
    assert cand.features["lemma=tie"] == 1.0 and cand.features["kind=subj"] == 1.0


def test_add_model_decides_whether_the_candidate_becomes_a_quote() -> None:
    say_no = QuoteModels(keep=_model({}), add=_model({}, bias=-3.0))
    assert extract_quotes(_tied(), say_no) == []
    say_yes = QuoteModels(keep=_model({}), add=_model({"lemma=tie": 6.0}, bias=-3.0))
    [q] = extract_quotes(_tied(), say_yes)
    assert (q.speaker, q.cue, q.text) == ("The senator", "tied", "the losses to the new tariff")


def test_words_inside_the_rules_attributions_are_not_candidates() -> None:
    doc = maria_said()
    view = DocView.of(doc)
    atts, _ = find_attributions(view)
    assert len(atts) == 1
    # "works" has a subject and lies in Maria's content; "said" is already a cue
    assert add_candidates(view, atts) == []


def test_keep_model_drops_a_doubtful_attribution() -> None:
    doc = maria_said()
    view = DocView.of(doc)
    atts, _ = find_attributions(view)
    features = keep_features(view, atts[0])
    assert features["lemma=say"] == 1.0 and features["s_ent=none"] == 1.0
    keep_all = QuoteModels(keep=_model({}, bias=3.0), add=_model({}, bias=-3.0))
    drop_say = QuoteModels(keep=_model({"lemma=say": -6.0}, bias=3.0), add=_model({}, bias=-3.0))
    assert len(apply_models(view, atts, keep_all)) == 1
    assert apply_models(view, atts, drop_say) == []
    assert extract_quotes(maria_said(), drop_say) == []
    assert len(extract_quotes(maria_said())) == 1  # rules alone


def test_shipped_models_load_and_round_trip(tmp_path: Path) -> None:
    models = load_quote_models()
    assert models.version.startswith("polnear-train")
    for m in (models.keep, models.add):
        assert 0.0 < m.threshold < 1.0 and len(m.weights) > 100
    path = tmp_path / "m.json"
    path.write_text(models_to_json(models), encoding="utf-8")
    again = load_quote_models(path)
    assert again.keep.threshold == models.keep.threshold
    assert again.add.weights.keys() == models.add.weights.keys()


def test_unreadable_model_file_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": "x", "keep": {"bias": 0}}), encoding="utf-8")
    with pytest.raises(AnnotateError, match=r"\[E247\]"):
        load_quote_models(bad)
    with pytest.raises(AnnotateError, match=r"\[E247\]"):
        load_quote_models(tmp_path / "missing.json")


def test_component_can_run_the_rules_alone() -> None:
    nlp = spacy.blank("en")
    rules = nlp.add_pipe("storyline_quotes_v1", name="rules", config={"learned": False})
    learned = nlp.add_pipe("storyline_quotes_v1", name="learned")
    assert rules.models is None and learned.models is not None
