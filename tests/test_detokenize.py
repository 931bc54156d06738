"""Tokenized (Penn Treebank) article text is written back as prose at ingest;
prose is never touched. Sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.eval.rouge import RougeScorer
from storyline.ingest import read_paths
from storyline.ingest.detokenize import detokenize, is_tokenized, treebank
from storyline.models import Article

TOKENIZED = (
    "Officials at the Agency for Coastal Safety -LRB- ACS -RRB- said on Tuesday , "
    "12 May , that the levee is n't safe . \n"
    "`` We ca n't wait , '' said Mara Lind , the agency 's director . \n"
    "The repairs will cost $ 4 million -LSB- about # 3 million -RSB- ; the parents ' "
    "group wants more ... "
)
PROSE = (
    "Officials at the Agency for Coastal Safety (ACS) said on Tuesday, 12 May, that "
    "the levee isn't safe.\n"
    "\u201cWe can't wait,\u201d said Mara Lind, the agency's director.\n"
    "The repairs will cost $4 million [about \u00a33 million]; the parents' group wants "
    "more..."
)


def test_tokenized_text_is_recognised_and_prose_is_not() -> None:
    assert is_tokenized(TOKENIZED)
    assert not is_tokenized(PROSE)
    # abbreviations keep their full stops in both: they are no evidence either way
    assert not is_tokenized("The U.S. Army said at 9 a.m. on Sept. 4 that it was ready.")
    # a short line with nothing but a tokenizer's own signs
    assert is_tokenized("Talks on Kestria 's request -LRB- update -RRB-")
    assert not is_tokenized("A headline with no marks at all")


def test_detokenized_text_reads_as_prose() -> None:
    assert detokenize(TOKENIZED).rstrip() == PROSE


@pytest.mark.parametrize(
    ("tokens", "prose"),
    [
        ("the rock 'n' roll band", "the rock 'n' roll band"),  # no clitic: kept
        ("a 3.5 % rise , at 18:00 GMT", "a 3.5% rise, at 18:00 GMT"),
        ("Is it over ? No !", "Is it over? No!"),
        ("Cairo , Egypt -LRB- CNN -RRB- -- Crowds", "Cairo, Egypt (CNN) -- Crowds"),
        ("He raised # 35,000 , see # haiti", "He raised \u00a335,000, see # haiti"),
        # a ticker the collection's sentence splitter cut at its full stop
        ("Halvard Oil -LRB- HLV . \nL -RRB- cut output .", "Halvard Oil (HLV.L) cut output."),
        ("Vell Re -LRB- VELn . \nDE -RRB- said", "Vell Re (VELn.DE) said"),
        ("the end . \nWe -LRB- all -RRB- left", "the end.\nWe (all) left"),
        (
            "they 're here and we 've seen it ; I 'm sure",
            "they're here and we've seen it; I'm sure",
        ),
    ],
)
def test_each_tokenizer_habit_is_undone(tokens: str, prose: str) -> None:
    assert detokenize(tokens) == prose


def test_prose_goes_back_to_the_words_rouge_reads_in_the_tokens() -> None:
    # scoring against tokenized references: the prose a system shows must give the
    # ROUGE tokens of the tokenized sentence it came from, and tokens stay tokens
    scorer = RougeScorer(remove_stopwords=False)
    for line_tokens, line_prose in zip(TOKENIZED.splitlines(), PROSE.splitlines(), strict=True):
        assert scorer.tokens([treebank(line_prose)]) == scorer.tokens([line_tokens])
        assert scorer.tokens([treebank(line_tokens)]) == scorer.tokens([line_tokens])
    assert scorer.tokens([PROSE]) != scorer.tokens([TOKENIZED])  # what it mends
    assert treebank("They cannot say (yet).") == "They can not say -LRB- yet -RRB- ."


def test_ingest_rewrites_tokenized_text_and_keeps_the_id_of_the_text_as_read(
    tmp_path: Path,
) -> None:
    lines = [
        {"id": "a", "time": "2025-05-12", "source": "wire", "text": TOKENIZED},
        {"id": "b", "time": "2025-05-12", "source": "wire", "text": PROSE},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    articles = list(read_paths([path]))
    assert all(isinstance(a, Article) for a in articles)
    tokenized, prose = (a for a in articles if isinstance(a, Article))
    assert tokenized.text == prose.text == PROSE
    # the id hashes the text as read: a store built before this rewrite keeps its
    # ids (adding the same file again is a no-op), so the two are two articles
    assert tokenized.id != prose.id
    again = [a for a in read_paths([path]) if isinstance(a, Article)]
    assert [a.id for a in again] == [tokenized.id, prose.id]
