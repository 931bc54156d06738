"""The words a pile is about: when nobody gave a query, the digest prefers sentences
holding one, so a roundup page's sentence about another story leads a day less often, and
the quotes of an article holding none (a sports page in a war's coverage) show with --all
(T17 with no query: AR-1 .1323 -> .1367 with 8 words, .1338 with the number chosen
leave-one-topic-out; bench/tls_keywords.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import storyline.views.digest as digest_module
from storyline.models import Annotations, Article, Quote, Sentence, Timex
from storyline.views.corpus import Corpus
from storyline.views.digest import digest_events, digest_input
from storyline.views.payloads import quotes_view
from storyline.views.tls import CandidateSentence, build_timeline
from storyline.views.tls.relevance import keyword_match, story_keywords

D = dt.date


def _c(article: str, text: str, repeat: bool = False) -> CandidateSentence:
    return CandidateSentence(article, "outlet", D(2016, 6, 14), text, 0, repeat=repeat)


def sentence_texts(pile: Any) -> Any:
    return ((s.article, s.text) for s in pile if not s.repeat)


def test_story_keywords_are_the_words_most_articles_share() -> None:
    pile = [
        _c("a", "Ferry crews searched the harbour , al-Rashid said ."),
        _c("b", "The sunken ferry was raised from the harbour floor , al-Rashid said ."),
        _c("c", "Divers reached the ferry ; al-Rashid said the harbour was closed ."),
        _c("d", "The central bank kept interest rates unchanged ."),
    ]
    # three words in three of the four articles; "al" is a piece of a name, never a keyword
    assert story_keywords(sentence_texts(pile), k=3) == ("ferry", "harbour", "rashid")
    # fewer words than asked for are held by more than half: no clear story
    assert story_keywords(sentence_texts(pile), k=4) == ()


def test_story_keywords_count_a_copy_once_and_break_ties_by_the_word() -> None:
    pile = [
        _c("a", "Strikers blocked the port gates ."),
        _c("b", "Pickets blocked the port gates again ."),
        # three copies of one wire story about another subject count for nothing
        *(_c(f"copy{i}", "Bankers gathered in Zurich overnight .", repeat=True) for i in range(3)),
    ]
    assert story_keywords(sentence_texts(pile), k=3) == ("blocked", "gates", "port")
    assert story_keywords(sentence_texts(reversed(pile)), k=3) == ("blocked", "gates", "port")


def test_keywords_match_at_word_starts() -> None:
    assert keyword_match("The Syrian army moved in", ["syria"])
    assert not keyword_match("Markets in turmoil", ["oil"])
    assert not keyword_match("The central bank", ["al"])
    assert keyword_match("BP's well", ["bp"])
    assert keyword_match("anything", [])


def _article(art_id: str, sentences: list[str], day: dt.date) -> tuple[Article, Annotations]:
    """An article published on ``day`` whose first sentence names June 14."""
    text = " ".join(sentences)
    spans, at = [], 0
    for i, sentence in enumerate(sentences):
        spans.append(Sentence(i, at, at + len(sentence), sentence))
        at += len(sentence) + 1
    where = text.index("June 14")
    timex = Timex(
        "June 14", where, where + 7, "DATE", "2016-06-14", None, D(2016, 6, 14), D(2016, 6, 14)
    )
    article = Article(art_id, text, outlet=f"outlet-{art_id}", published=day)
    return article, Annotations(art_id, sentences=tuple(spans), timexes=(timex,))


def test_the_digest_without_a_query_asks_for_the_piles_own_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    day = D(2016, 6, 14)
    story = (
        "The ferry sank in the harbour with passengers and crew aboard as a storm hit the coast ."
    )
    firsts = [
        "Rescuers pulled survivors from cold water near the pier on June 14 at dawn .",
        "The operator suspended all crossings on June 14 after the accident .",
        "Police divers found the wreck outside the breakwater on June 14 , officials said .",
    ]
    records = [_article(f"f{i}", [first, story], day) for i, first in enumerate(firsts)]
    # a roundup page's paragraph about another story
    roundup = "Traders said copper prices rallied on June 14 as copper stocks in Shanghai fell ."
    records.append(_article("r0", [roundup], day))
    corpus = Corpus(
        articles={a.id: a for a, _ in records},
        annotations={a.id: ann for a, ann in records},
        entities=[],
        copies=[],
    )
    keywords = digest_input(corpus).keywords
    assert keywords == ("aboard", "coast", "crew", "ferry", "harbour", "hit", "passengers", "sank")
    assert "copper" not in keywords and "june" not in keywords

    asked: list[tuple[str, ...]] = []

    def spy(sentences: Any, **kwargs: Any) -> Any:
        asked.append(tuple(kwargs["query"]))
        return build_timeline(sentences, **kwargs)

    monkeypatch.setattr(digest_module, "build_timeline", spy)
    digest_events(corpus, n_dates=1, sents_per_date=1)
    digest_events(corpus, n_dates=1, sents_per_date=1, query="copper")
    # the story itself is the query when nobody gave one; a reader's query replaces it
    assert asked == [keywords, ("copper",)]


def _quoted(art_id: str, speaker: str, claim: str, rest: str) -> tuple[Article, Annotations]:
    text = f"{speaker} said {claim}. {rest}"
    start = len(speaker) + 6
    quote = Quote(claim, start, start + len(claim), False, speaker, 0, len(speaker), cue="said")
    ann = Annotations(art_id, sentences=(Sentence(0, 0, len(text), text),), quotes=(quote,))
    return Article(art_id, text, outlet=f"outlet-{art_id}", published=D(2016, 6, 14)), ann


def _pile(*records: tuple[Article, Annotations]) -> Corpus:
    return Corpus(
        articles={a.id: a for a, _ in records},
        annotations={a.id: ann for a, ann in records},
        entities=[],
        copies=[],
    )


def test_quotes_of_an_article_off_the_story_show_with_all_only() -> None:
    ferry = "The ferry sank in the harbour with passengers and crew aboard as a storm hit the coast"
    corpus = _pile(
        _quoted("f0", "Ann Lee", "the crossing was calm", ferry),
        _quoted("f1", "Bo Ray", "the crew had no warning", ferry),
        _quoted("f2", "Cy Dunn", "divers reached the wreck", ferry),
        # a match report that came with the pile
        _quoted("s0", "Dee Moss", "the striker will miss the final", "United lost at home again"),
    )
    assert corpus.story_words[:4] == ("aboard", "coast", "crew", "ferry")
    assert [corpus.off_story(a) for a in ("f0", "f1", "f2", "s0")] == [False] * 3 + [True]
    default = [q["speaker"] for q in quotes_view(corpus)["quotes"]]
    assert default == ["Ann Lee", "Bo Ray", "Cy Dunn"]
    everything = [q["speaker"] for q in quotes_view(corpus, all=True)["quotes"]]
    assert "Dee Moss" in everything


def test_a_pile_of_unrelated_pieces_has_no_story_words() -> None:
    # no word held by more than half of the articles: nothing is taken for the story,
    # and no article is off it
    corpus = _pile(
        _quoted("a", "Ann Lee", "the crossing was calm", "The ferry sank in the harbour"),
        _quoted("b", "Dee Moss", "the striker will miss the final", "United lost at home"),
    )
    assert corpus.story_words == ()
    assert not corpus.off_story("a") and not corpus.off_story("b")
    assert len(quotes_view(corpus)["quotes"]) == 2
