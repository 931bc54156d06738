"""A document as read, before metadata is settled, and how it becomes an Article."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..models import Article, DateCandidate
from . import dates
from .boilerplate import strip_boilerplate


@dataclass
class RawDocument:
    text: str
    item: str  # file path or "file.jsonl:12", used in messages
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None
    language: str = "en"
    candidates: list[DateCandidate] = field(default_factory=list)
    boilerplate: tuple[str, ...] = ()


def article_id(text: str) -> str:
    """Stable content hash: the same text read twice, from anywhere, is one article."""
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def finalize(doc: RawDocument) -> Article:
    text, removed = strip_boilerplate(clean_text(doc.text))
    url_date = dates.from_url(doc.url)
    text_date = dates.from_text(text)
    candidates = list(doc.candidates)
    candidates += [c for c in (url_date, text_date) if c is not None]
    published, source = dates.choose(candidates)
    return Article(
        id=article_id(text),
        text=text,
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        published=published,
        published_source=source,
        language=doc.language,
        origin=doc.origin,
        path=doc.item,
        boilerplate=doc.boilerplate + removed,
        date_candidates=tuple(candidates),
    )
