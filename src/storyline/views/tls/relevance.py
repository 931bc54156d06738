"""Sentence vectors (TF-IDF over stemmed content words) and query relevance."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
from scipy import sparse

from storyline.text import tokens as _tokens
from storyline.text.dates import CALENDAR_WORDS
from storyline.text.stopwords import ENGLISH_STOP_WORDS, SMART_STOPWORDS
from storyline.text.tokens import StemTokenizer

# The timeline's own stop list: scikit-learn's English list plus the SMART list
# that ships with ROUGE-1.5.5, which adds the words of news copy that say who
# reported or spoke rather than what happened ("said", "according", "reuters",
# "ap", "news", "amid") and weekday and month abbreviations. With them the day's
# centroid and the shared bigrams are about the event, not the attribution:
# T17 AR-1 .1354 -> .1372 (the SMART list alone: .1361).
STOP_WORDS: frozenset[str] = ENGLISH_STOP_WORDS | SMART_STOPWORDS


class Tokenizer(StemTokenizer):
    """Lower-cased, stop-worded (``STOP_WORDS``), Porter-stemmed content words."""

    def __init__(self) -> None:
        super().__init__(STOP_WORDS)
        self._token_of: dict[str, str | None] = {}

    def token_set(self, text: str) -> set[str]:
        """``set(self(text))``, faster: each distinct written word is judged and
        stemmed once (for document frequencies over a whole pile)."""
        out = set()
        for word in set(_tokens.WORD.findall(text)):
            token = self.token(word)
            if token is not None:
                out.add(token)
        return out

    def token(self, word: str) -> str | None:
        """One written word's token: its stem, or None for a stop word, a tokenizer
        artefact or a bare number (judged once per distinct word)."""
        token = self._token_of.get(word, "")
        if token == "":
            low = word.lower()
            content = not (low in self.stop_words or low in _tokens.PTB_ARTEFACTS or word.isdigit())
            token = self.stem(low) if content else None
            self._token_of[word] = token
        return token


def content_words(text: str) -> list[tuple[int, str]]:
    """The words of ``text`` that carry content, with their offsets, as written
    (case kept): no stop words (``STOP_WORDS``), tokenizer artefacts or bare numbers."""
    return _tokens.content_words(text, STOP_WORDS)


@dataclass(frozen=True)
class DocumentFrequencies:
    """How many documents hold each token, over ``n`` documents: the IDF of a
    collection, counted once and shared by every vectorization against it."""

    n: int
    df: Mapping[str, int]

    @classmethod
    def of(cls, docs: Iterable[Collection[str]]) -> DocumentFrequencies:
        """Counted as ``docs`` streams by: a whole pile's word sets are never held
        at once (at 100,000 articles they would be gigabytes)."""
        n = 0

        def each() -> Iterator[Collection[str]]:
            nonlocal n
            for doc in docs:
                n += 1
                yield doc if isinstance(doc, (set, frozenset)) else set(doc)

        df = Counter(chain.from_iterable(each()))
        return cls(n, df)


@dataclass
class Vectors:
    """Row-normalized TF-IDF rows for a list of token tuples, plus the vocabulary."""

    matrix: sparse.csr_matrix
    vocab: dict[str, int]
    idf: np.ndarray


def tfidf(
    docs: Sequence[Sequence[str]],
    idf_docs: Sequence[Collection[str]] | None = None,
    frequencies: DocumentFrequencies | None = None,
) -> Vectors:
    """TF-IDF (sublinear tf, smoothed idf, l2 rows). IDF comes from ``frequencies``
    when given, else from ``idf_docs`` (e.g. every sentence of the collection, as
    token sequences or sets), else from ``docs``."""
    if frequencies is None:
        frequencies = DocumentFrequencies.of(idf_docs if idf_docs is not None else docs)
    df, n = frequencies.df, frequencies.n
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, toks in enumerate(docs):
        for t, c in Counter(toks).items():
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(1 + math.log(c))
    idf = np.ones(len(vocab))
    for t, j in vocab.items():
        idf[j] = math.log((1 + n) / (1 + df.get(t, 0))) + 1
    data = np.asarray(vals) * idf[np.asarray(cols, dtype=np.int64)] if vals else np.zeros(0)
    m = sparse.csr_matrix((data, (rows, cols)), shape=(len(docs), len(vocab)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = sparse.csr_matrix(sparse.diags(1 / norms) @ m)
    return Vectors(m, vocab, idf)


def query_vector(terms: Sequence[str], vectors: Vectors, tokenizer: Tokenizer) -> np.ndarray | None:
    """A unit vector over the query's content words, or None when none is known."""
    q = np.zeros(len(vectors.vocab))
    for term in terms:
        for t in tokenizer(term):
            j = vectors.vocab.get(t)
            if j is not None:
                q[j] += vectors.idf[j]
    norm = math.sqrt(float((q * q).sum()))
    return q / norm if norm > 0 else None


# Page furniture that survives text extraction: reader-comment headers
# ("At 10:14 am on 28 May 2010, someone wrote:", "Posted by ... | Report abuse",
# "May 10, 2011 7:09 pm EDT -- Report as abuse"), picture credits,
# "Last updated at 09:43 GMT" stamps, social-media widgets ("RETWEET"). Their dates are when someone typed, not
# when something happened.
_FURNITURE = re.compile(
    r"\bwrote\s*:|\bposted\s+(?:by|on)\b|\breport\s+(?:as\s+)?abuse\b|\blast updated\b"
    r"|\bRETWEET\b|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|[ECMP][SD]?T)?\s*\|"
    # a picture's credit line with no sentence after it ("Credit : Reuters/Syrian TV
    # via Reuters TV AMMAN |"); a credit run into the lead it heads ends in a stop
    r"|^(?:photo(?:graph)?|credit|image|picture)s?\s*:[^.!?]*$"
    # a caption opened in brackets ("(Photo: A rebel fighter fires his rifle ...") shows
    # a picture, it reports nothing of its own
    r"|^(?:\(|-LRB-)\s*(?:photo(?:graph)?|image|picture)s?\s*:"
    # "Satellite image of Port-au-Prince, Haiti taken on 13 January": one picture's
    # caption ("Images of unrest ... revealed" is reporting)
    r"|^(?:satellite\s+)?(?:image|picture|photo(?:graph)?)\s+of\b"
    # a live page's update note standing alone: "(Update 11:45 p.m. in Cairo, 4:45 p.m. ET)."
    r"|^\s*(?:\(|-LRB-)\s*(?:update[sd]?|posted|last updated)\b[^()]*(?:\)|-RRB-)[\s.\-]*$"
    # a print-edition note: "This article appeared on p28 of the Main section ... on
    # Monday 27 April 2009", "A version of this article appears in print on ...": the
    # day the paper printed it
    r"|\b(?:this\s+(?:article|story)|a\s+version(?:\s+of\s+this\s+(?:article|story|review))?)"
    r"\s+appear(?:ed|s)\s+(?:on\s+p(?:age)?\s*[A-Z]?\d+\b|in\s+print\b)",
    re.IGNORECASE,
)


# Nothing but bracketed credits, maybe with the dateline they head: "(Chip Somodevilla -
# Getty Images)", "-LRB- By Craig Whitlock -- The Washington Post -RRB- BUCHAREST ,
# Romania --": a picture's credit line; a bracket holding a sentence ends in a stop.
_CREDIT_ONLY = re.compile(
    r"^(?:\s*(?:\(|-LRB-)(?:(?!-[LR]RB-)[^().!?])*(?:\)|-RRB-))+"
    r"(?:\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:\s*,\s*[A-Z][A-Za-z.]+)?)?(?:\s*[:,\-\u2013\u2014])*\s*$"
)


def is_furniture(text: str) -> bool:
    """True for comment headers, update stamps and picture credits rather than reporting."""
    return _FURNITURE.search(text) is not None or _CREDIT_ONLY.match(text) is not None


# How many words stand for a story no one named: chosen leave-one-topic-out on T17
# with no query given (7 of 9 folds pick 8 of 3..12; every size beats none).
STORY_KEYWORDS = 8
# A story's word is held by more than this share of its articles: in a pile of a few
# unrelated pieces no word is, and nothing is taken for the story.
KEYWORD_SHARE = 0.5
# Shorter words are pieces ("al" of "al-Assad"), and a keyword matches at word starts.
KEYWORD_LETTERS = 3


def story_keywords(
    texts: Iterable[tuple[str, str]],
    k: int = STORY_KEYWORDS,
    tokenizer: Tokenizer | None = None,
) -> tuple[str, ...]:
    """The ``k`` content words the most articles of a pile share, of those more than
    ``KEYWORD_SHARE`` of them hold (stemmed when counted, each given back in its
    most common written form, lower-cased): what the pile is about when nobody
    said; none when fewer than ``k`` words are held that widely (a handful of
    articles, or unrelated ones: no story clear enough to hold the pile to).
    ``texts`` are (article id, text) pairs, several per article allowed (its
    sentences); leave copies out, or they count twice. Ties go by the word, so the
    answer is stable. Words under ``KEYWORD_LETTERS`` letters and the
    calendar's words ("June") are left out: pieces of names, and when, not what."""
    tokenizer = tokenizer or Tokenizer()
    written: dict[str, set[str]] = {}  # article -> its distinct words, as written
    for article, text in texts:
        written.setdefault(article, set()).update(_tokens.WORD.findall(text))
    df: Counter[str] = Counter()
    forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for words in written.values():
        stems: defaultdict[str, set[str]] = defaultdict(set)  # stem -> its forms here
        for word in words:
            stem = tokenizer.token(word) if len(word) >= KEYWORD_LETTERS else None
            if stem is not None and (low := word.lower()) not in CALENDAR_WORDS:
                stems[stem].add(low)
        df.update(stems.keys())
        for stem, lows in stems.items():
            forms[stem].update(lows)
    least = KEYWORD_SHARE * len(written)
    top = sorted((st for st in df if df[st] > least), key=lambda st: (-df[st], st))[:k]
    if len(top) < k:
        return ()  # fewer words than that shared so widely: no clear story to hold to
    return tuple(min(forms[stem], key=lambda w: (-forms[stem][w], w)) for stem in top)


def keyword_match(text: str, keywords: Sequence[str]) -> bool:
    """True when a word of the sentence starts with one of the keywords (case-insensitive:
    "syria" matches "Syrian"; as DATEWISE filters summary sentences, but not inside
    a word: "oil" is not in "turmoil", nor "al" in "central"); always True without
    keywords. At word starts, T17 AR-1 .1364 -> .1368 with its keywords."""
    if not keywords:
        return True
    return _keyword_pattern(tuple(keywords)).search(text) is not None


@lru_cache(maxsize=64)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    # one pattern per keyword list (a timeline judges every sentence against the same one)
    alternatives = "|".join(re.escape(k) for k in sorted(set(keywords), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)
