"""The neutral text layer: tokens, stop words, stemming, similarity and calendar
values. It imports nothing else from storyline, so every stage may use it."""

from .dates import GRANULARITIES, DateValue, Granularity, coarser, granularity_of
from .similarity import containment, cosine, jaccard
from .stem import porter_stem
from .stopwords import ENGLISH_STOP_WORDS, SMART_STOPWORDS
from .tokens import StemTokenizer, content_words, words

__all__ = [
    "ENGLISH_STOP_WORDS",
    "GRANULARITIES",
    "SMART_STOPWORDS",
    "DateValue",
    "Granularity",
    "StemTokenizer",
    "coarser",
    "containment",
    "content_words",
    "cosine",
    "granularity_of",
    "jaccard",
    "porter_stem",
    "words",
]
