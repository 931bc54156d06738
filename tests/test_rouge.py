"""ROUGE-1.5.5 reimplementation: stemmer, tokenization, counts (hand-worked)."""

from __future__ import annotations

import pytest

from storyline.eval.rouge import (
    SMART_STOPWORDS,
    NGramCounts,
    RougeScorer,
    porter_stem,
    see_sentence_text,
    wordnet_exceptions,
)


@pytest.fixture(scope="module")
def scorer() -> RougeScorer:
    return RougeScorer()


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        # Porter (1980) examples, as the Perl stemmer in ROUGE-1.5.5 gives them.
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("feed", "feed"),
        ("agreed", "agre"),
        ("plastered", "plaster"),
        ("motoring", "motor"),
        ("conflated", "conflat"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("hopefulness", "hope"),
        ("generalizations", "gener"),
        # ROUGE's 2004 step-4 change: "-ement" is tried before "-ment"/"-ent".
        ("agreement", "agreem"),
        # an initial y is a consonant
        ("yelling", "yell"),
        # too short to touch
        ("go", "go"),
    ],
)
def test_porter_stem(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_smart_stoplist_has_the_rouge_entries() -> None:
    assert len(SMART_STOPWORDS) == 596
    # ROUGE's list starts with news-specific entries before the SMART words.
    assert {"reuters", "ap", "jan", "news", "sat", "the", "zero"} <= SMART_STOPWORDS
    assert "storm" not in SMART_STOPWORDS


def test_wordnet_exceptions_apply_before_stemming(scorer: RougeScorer) -> None:
    table = wordnet_exceptions()
    assert table["froze"] == "freeze"
    assert table["mice"] == "mouse"
    # Plain Porter would give "froze" -> "froze"; ROUGE maps it to the base form.
    assert scorer.tokens(["Rivers froze"]) == ["river", "freeze"]
    assert RougeScorer(exceptions={}).tokens(["Rivers froze"]) == ["river", "froze"]


def test_tokens_follow_rouge_preprocessing(scorer: RougeScorer) -> None:
    # Lower-cased; stop words (the, of, were) dropped; non-alphanumerics split
    # tokens, so PTB brackets leave "lrb"/"rrb"; words of <= 3 letters unstemmed.
    toks = scorer.tokens(["The Storms of 2010 -LRB- AP -RRB- were huge ."])
    assert toks == ["storm", "2010", "lrb", "rrb", "huge"]
    # all sentences of a summary make one stream
    assert scorer.tokens(["Storm hits", "coast"]) == ["storm", "hit", "coast"]


def test_see_line_quirks() -> None:
    # pyrouge writes "^" as "&circ;"; the script reads a line only up to "<".
    assert see_sentence_text("a ^ b") == "a &circ; b"
    assert see_sentence_text("before < after") == "before "
    assert see_sentence_text("   ") is None
    assert see_sentence_text("<tag> text") is None


def test_counts_hand_worked(scorer: RougeScorer) -> None:
    # peer  "Storm hits coast town"  -> storm hit coast town
    # model "Storm hits the coast"   -> storm hit coast
    # hits storm, hit, coast = 3; P = 3/4, R = 3/3.
    # peer (storm hit)(hit coast)(coast town), model (storm hit)(hit coast): 2 hits.
    c1 = scorer.counts(["Storm hits coast town"], ["Storm hits the coast"], 1)
    assert (c1.hit, c1.peer, c1.model) == (3, 4, 3)
    assert c1.precision == pytest.approx(0.75)
    assert c1.recall == pytest.approx(1.0)
    assert c1.f1 == pytest.approx(2 * 0.75 / 1.75)
    c2 = scorer.counts(["Storm hits coast town"], ["Storm hits the coast"], 2)
    assert (c2.hit, c2.peer, c2.model) == (2, 3, 2)


def test_counts_are_clipped(scorer: RougeScorer) -> None:
    # "flood flood flood" vs "flood": one hit, not three.
    c = scorer.counts(["flood flood flood"], ["flood"], 1)
    assert (c.hit, c.peer, c.model) == (1, 3, 1)


def test_bigrams_skip_removed_stopwords(scorer: RougeScorer) -> None:
    # "rescue of miners" -> rescu miner: the bigram spans the dropped "of".
    c = scorer.counts(["rescue of miners"], ["rescue miners"], 2)
    assert (c.hit, c.peer, c.model) == (1, 1, 1)


def test_empty_counts() -> None:
    c = NGramCounts(0, 0, 0)
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
