"""The annotate stage's work is bounded: hostile text neither hangs it nor takes the batch down.

The inputs are the shapes that showed the trouble: long runs of words with no
sentence-final punctuation, which the parser may read as one giant sentence,
and articles too long for one pass of the model.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import random
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.annotate import bounds
from storyline.annotate.components import set_sent_starts
from storyline.annotate.paragraphs import mark_paragraph_starts
from storyline.annotate.pipeline import annotate
from storyline.annotate.quotes.direct import QuoteSpan
from storyline.annotate.quotes.lookup import (
    Interiors,
    LastEnding,
    NearHeads,
    Overlaps,
    holders,
    overlapped,
)
from storyline.annotate.quotes.spans import Attribution
from storyline.models import Annotations, Article, ItemError

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample"
DAY = dt.date(2025, 3, 13)
GOOD = (
    'The port authority met on Tuesday. "We are ready," Ana Pell said.\n\n'
    "Officials said the plan would cost $4 million, according to Reuters."
)


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fails the test instead of hanging CI when the work is not bounded."""

    def _expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def random_words(chars: int, seed: int = 0) -> str:
    """Random lowercase "words" separated by single spaces: no punctuation at all."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < chars:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:chars]


def news_words(chars: int, seed: int = 0) -> str:
    """Words of the sample corpus, lowercased and shuffled, punctuation dropped: real
    verbs and reporting cues ("said", "told") in one unpunctuated run."""
    vocab = [
        w
        for p in sorted(SAMPLE.glob("*.txt"))
        for w in re.findall(r"[a-z]+", p.read_text().lower())
    ]
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(vocab)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:chars]


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published=DAY, path=f"{aid}.txt")


def test_a_run_without_stops_is_cut_into_bounded_sentences(nlp: Language) -> None:
    doc = bounds.cap_sentence_runs(nlp.make_doc(random_words(40_000)), 100)
    starts = [t.i for t in doc if t.is_sent_start]
    assert starts[:3] == [0, 100, 200] and all(b - a == 100 for a, b in itertools.pairwise(starts))


def test_normal_text_gets_no_forced_sentence_start(nlp: Language) -> None:
    text = "\n\n".join(p.read_text() for p in sorted(SAMPLE.glob("*.txt")))
    doc = bounds.cap_sentence_runs(nlp.make_doc(text), bounds.MAX_RUN_TOKENS)
    assert not any(t.is_sent_start for t in doc[1:])


def test_the_pipeline_sentences_of_unpunctuated_text_are_bounded(nlp: Language) -> None:
    # without the cap the parser reads this as sentences of up to 917 tokens
    doc = nlp.make_doc(news_words(40_000))
    doc._.dct = DAY
    with deadline(30):
        started = time.perf_counter()
        doc = nlp(doc)
        elapsed = time.perf_counter() - started
    assert max(len(s) for s in doc.sents) <= bounds.MAX_RUN_TOKENS
    assert not doc.user_data.get("storyline_errors")
    assert elapsed < 10, elapsed


def _one_sentence(nlp: Language, text: str) -> Doc:
    """The model's analysis of ``text`` read as one sentence, the worst case the parser can give."""
    doc = nlp.make_doc(text)
    for tok in doc[1:]:
        tok.is_sent_start = False
    for name, proc in nlp.pipeline:
        if name == "storyline_quotes_v1":
            break
        doc = proc(doc)
    assert len(list(doc.sents)) == 1
    return doc


def test_quotes_are_linear_in_sentence_length(quotes_nlp: Language) -> None:
    # 3.7 s when each cue verb's test for a question built its sentence's text; 0.2 s now
    doc = _one_sentence(quotes_nlp, news_words(40_000))
    with deadline(60):
        started = time.perf_counter()
        quotes_nlp.get_pipe("storyline_quotes_v1")(doc)
        elapsed = time.perf_counter() - started
    assert doc._.quotes_error is None
    assert elapsed < 1.5, elapsed


def test_an_article_over_the_limit_is_refused_with_a_code(nlp: Language) -> None:
    huge = "word " * (bounds.MAX_DOC_CHARS // 5 + 1)
    with deadline(30):
        results = list(
            annotate(nlp, [_article("a", GOOD), _article("huge", huge), _article("b", GOOD)])
        )
    assert [type(r) for r in results] == [Annotations, ItemError, Annotations]
    error = results[1]
    assert isinstance(error, ItemError) and error.code == "E205" and error.item == "huge.txt"


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long-document limits small enough for fast tests."""
    monkeypatch.setattr(bounds, "LONG_DOC_CHARS", 20_000)
    monkeypatch.setattr(bounds, "PIECE_CHARS", 8_000)
    monkeypatch.setattr(bounds, "BATCH_CHARS", 20_000)


def test_pieces_split_at_paragraphs_and_cover_the_text() -> None:
    text = "\n\n".join(p.read_text() for p in sorted(SAMPLE.glob("*.txt")))
    pieces = bounds.pieces(text, 8_000)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(0 < b - a <= 8_000 for a, b in pieces)
    assert all(text[:a].rstrip(" ").endswith("\n\n") for a, _ in pieces[1:])
    blob = random_words(50_000)
    cut = bounds.pieces(blob, 8_000)
    assert "".join(blob[a:b] for a, b in cut) == blob and all(
        blob[a - 1] == " " for a, _ in cut[1:]
    )
    solid = "x" * 20_000
    assert bounds.pieces(solid, 8_000) == [(0, 8_000), (8_000, 16_000), (16_000, 20_000)]


@pytest.mark.usefixtures("small_bounds")
def test_a_long_article_is_annotated_in_pieces(nlp: Language) -> None:
    long_text = "\n\n".join(p.read_text() for p in sorted(SAMPLE.glob("*.txt")) * 2)
    assert len(long_text) > bounds.LONG_DOC_CHARS
    whole = next(iter(annotate(nlp, [_article("whole", long_text[:15_000])])))
    results = list(
        annotate(nlp, [_article("a", GOOD), _article("long", long_text), _article("b", GOOD)])
    )
    assert [type(r) for r in results] == [Annotations, Annotations, Annotations]
    long = results[1]
    assert isinstance(long, Annotations) and isinstance(whole, Annotations)
    assert all(long_text[s.start : s.end] == s.text for s in long.sentences)
    assert all(long_text[q.start : q.end] == q.text for q in long.quotes)
    assert all(long_text[m.start : m.end] == m.text for m in long.mentions)
    assert all(long_text[t.start : t.end] == t.text for t in long.timexes)
    # the document-level components saw the whole article: quotes from every piece
    assert long.quotes[-1].start > 3 * bounds.PIECE_CHARS
    assert len(long.quotes) > len(whole.quotes)


@pytest.mark.usefixtures("small_bounds")
def test_the_redo_after_a_failure_does_not_run_a_long_article_again(nlp: Language) -> None:
    seen: list[str] = []

    @Language.component("storyline_test_counts_and_breaks")
    def _counts(doc: Doc) -> Doc:
        seen.append(doc.text)
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return doc

    long_text = random_words(30_000)
    nlp.add_pipe("storyline_test_counts_and_breaks", first=True)
    try:
        articles = [
            _article("a", GOOD),
            _article("long", long_text),
            _article("bad", GOOD + " EXPLODE"),
        ]
        results = list(annotate(nlp, articles, batch_size=8))
    finally:
        nlp.remove_pipe("storyline_test_counts_and_breaks")
    assert [type(r) for r in results] == [Annotations, Annotations, ItemError]
    # the long article went through once, in pieces; only the failed batch was redone
    assert sum(len(t) for t in seen if "port authority" not in t) == len(long_text)
    assert sum(1 for t in seen if "EXPLODE" in t) <= 2


def test_paragraph_starts_of_many_lines_are_set_in_linear_time(nlp: Language) -> None:
    # one line over 150 characters: every line break ends a sentence (one paragraph per line)
    text = "x " * 100 + "\n" + "alpha beta gamma\n" * 6_000
    doc = nlp.make_doc(text)
    started = time.perf_counter()
    mark_paragraph_starts(doc)
    elapsed = time.perf_counter() - started  # 2.8 s when spaCy's setter was called per line
    assert sum(1 for t in doc if t.is_sent_start) == 6_001
    assert elapsed < 0.5, elapsed


def test_sentence_starts_are_written_as_the_setter_writes_them(nlp: Language) -> None:
    writes = [(2, True), (3, False), (5, True), (2, False), (6, True)]
    one, other = nlp.make_doc("a b c d e f g h"), nlp.make_doc("a b c d e f g h")
    for i, value in writes:
        one[i].is_sent_start = value
    set_sent_starts(other, writes)
    assert [t.is_sent_start for t in one] == [t.is_sent_start for t in other]


def _random_quotes(rng: random.Random, ordered: bool) -> list[QuoteSpan]:
    out, at = [], 0
    for _ in range(rng.randint(0, 12)):
        start = at + rng.randint(0, 6) if ordered else rng.randint(0, 80)
        end = start + rng.randint(2, 10)
        out.append(QuoteSpan(start, end, start + 1, end - 1, True, None))
        at = end
    return out


def test_quote_lookups_answer_as_the_scans_they_replace() -> None:
    rng = random.Random(7)
    for trial in range(400):
        quotes = _random_quotes(rng, ordered=trial % 2 == 0)
        atts: list[Attribution] = []
        for _ in range(rng.randint(0, 6)):
            spans = [(a, a + rng.randint(0, 9)) for a in rng.sample(range(90), rng.randint(0, 3))]
            atts.append(Attribution(head=0, cue=[0], kind="verb", content=spans))
        want = {
            k
            for k, q in enumerate(quotes)
            if any(q.start < b and a < q.end for att in atts for a, b in att.content)
        }
        assert overlapped(quotes, atts) == want
        interiors, overlaps = Interiors(quotes), Overlaps(quotes)
        for at in range(-1, 95):
            for skip in (-1, at, at - 1):
                assert interiors.holds(at, skip) == any(
                    q.inner_start <= at < q.inner_end and q.inner_start != skip for q in quotes
                )
            a, b = at, at + rng.randint(0, 12)
            scan = [k for k, q in enumerate(quotes) if q.start < b and a < q.end]
            assert [
                k for k in overlaps.of(a, b) if quotes[k].start < b and a < quotes[k].end
            ] == scan
        ends = [rng.randint(0, 50) for _ in range(rng.randint(0, 10))]
        for at in range(-1, 52):
            want_last = max((i for i, e in enumerate(ends) if e <= at), default=None)
            assert LastEnding(ends).at_or_before(at) == want_last


def test_nesting_lookup_finds_every_holder(nlp: Language) -> None:
    doc = nlp.make_doc(random_words(600))
    rng = random.Random(3)
    for _ in range(100):
        atts: list[Attribution] = []
        for _ in range(rng.randint(0, 8)):
            spans = [
                (a, a + rng.randint(0, 120)) for a in rng.sample(range(550), rng.randint(0, 3))
            ]
            atts.append(
                Attribution(head=rng.randrange(len(doc)), cue=[0], kind="verb", content=spans)
            )
        got = holders(doc, atts)
        for n, att in enumerate(atts):
            at = doc[att.head].idx
            assert got[n] == [
                m for m, o in enumerate(atts) if any(a <= at < b for a, b in o.content)
            ]
        lo = rng.randrange(len(doc))
        near = NearHeads(atts).between(lo, lo + 30)
        assert [id(a) for a in near] == [id(a) for a in atts if lo <= a.head <= lo + 30]


def test_a_short_form_repeated_thousands_of_times_is_linear() -> None:
    from storyline.annotate.mentions import _definition_drafts

    text = "The Foo Bar Agency (FBA) met. " + "Foo Bar Agency and FBA. " * 8_000
    started = time.perf_counter()
    drafts = _definition_drafts(text, [])
    elapsed = time.perf_counter() - started  # 3 s when each was checked against all before it
    assert len(drafts) == 2 * 8_000 + 2
    assert elapsed < 0.5, elapsed


def quote_soup(chars: int, seed: int = 0) -> str:
    """Thousands of short quotes, speech cues and sources on one line."""
    words = ['"We', 'ready,"', "he", "said", "told", "reporters", 'said."', '"The', "plan"]
    words += ["according", "to", "Reuters", "officials"]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(rng.choice(words))
        size += len(out[-1]) + 1
    return " ".join(out)[:chars]


def test_quotes_are_linear_in_the_number_of_quotes(quotes_nlp: Language) -> None:
    doc = quotes_nlp.make_doc(quote_soup(80_000))
    for name, proc in quotes_nlp.pipeline:
        if name == "storyline_quotes_v1":
            break
        doc = proc(doc)
    component = quotes_nlp.get_pipe("storyline_quotes_v1")
    timings = []
    with deadline(60):
        for _ in range(2):  # the faster of two: one run can lose a core to the machine
            started = time.perf_counter()
            component(doc)
            timings.append(time.perf_counter() - started)
    # 2.3 s when each quote scanned every cue; 0.9 s when each speaker scanned the doc's
    # entities and words; 1.3 s when each quote rebuilt Doc.text; 0.8 s now
    assert doc._.quotes_error is None and len(doc._.quotes) > 900
    assert min(timings) < 1.5, timings
