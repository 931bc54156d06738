"""From articles to candidate sentences: split, date and tokenize once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.models import ItemError

from .mentions import TagFn, article_date_mentions
from .records import CandidateSentence
from .relevance import Tokenizer


@dataclass(frozen=True)
class SourceArticle:
    """An article already split into sentences (T17 ships one sentence a line)."""

    id: str
    outlet: str | None
    published: dt.date
    sentences: tuple[str, ...]
    url: str | None = None


def prepare(
    articles: Iterable[SourceArticle],
    tag: TagFn | None = None,
    use_project_tagger: bool = True,
    tokenizer: Tokenizer | None = None,
) -> tuple[list[CandidateSentence], list[ItemError]]:
    """Candidate sentences with their date references and content tokens.

    An article the tagger fails on is reported as an ``ItemError`` (code E301)
    and the batch goes on with its sentences undated.
    """
    tok = tokenizer or Tokenizer()
    out: list[CandidateSentence] = []
    errors: list[ItemError] = []
    for art in articles:
        sents: Sequence[str] = art.sentences
        try:
            refs = article_date_mentions(sents, art.published, tag, use_project_tagger)
        except Exception as exc:  # one bad article must not stop the batch
            errors.append(ItemError(art.id, "E301", f"date tagging failed: {exc!r}"))
            refs = [[] for _ in sents]
        for i, (raw, dates) in enumerate(zip(sents, refs, strict=True)):
            text = raw.strip()
            if not text:
                continue
            out.append(
                CandidateSentence(
                    article=art.id,
                    outlet=art.outlet,
                    published=art.published,
                    text=text,
                    index=i,
                    dates=tuple(dates),
                    url=art.url,
                    tokens=tok(text),
                )
            )
    return out, errors
