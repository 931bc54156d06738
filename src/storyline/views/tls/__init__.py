"""Timeline summarization: date selection and per-date sentence selection.

``prepare`` turns articles into dated candidate sentences (through
``mentions.date_mentions`` / the project's temporal tagger);
``build_timeline`` ranks dates and summarizes each chosen date.
"""

from .dates import DateParams, rank_dates
from .mentions import article_date_mentions, date_mentions, tagger_name
from .prepare import SourceArticle, prepare
from .records import CandidateSentence, DateRef
from .summarize import SummaryParams
from .timeline import TLSParams, build_timeline

__all__ = [
    "CandidateSentence",
    "DateParams",
    "DateRef",
    "SourceArticle",
    "SummaryParams",
    "TLSParams",
    "article_date_mentions",
    "build_timeline",
    "date_mentions",
    "prepare",
    "rank_dates",
    "tagger_name",
]
