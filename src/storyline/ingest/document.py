"""A document as read, before metadata is settled, and how it becomes an Article."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import IngestError
from ..models import Article, DateCandidate
from . import dates
from .boilerplate import strip_boilerplate
from .decode import MAX_ARTICLE_CHARS, clean_chars, printable_name
from .detokenize import detokenize, is_tokenized


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
    text = clean_chars(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # per line, not re.sub(r"[ \t]+\n"): that regex is quadratic on a long run of
    # spaces with no newline after it (a hostile file could stall ingest for hours)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _field(value: str | None) -> str | None:
    if value is None:
        return None
    return clean_chars(value) or None


def finalize(doc: RawDocument) -> Article:
    """The Article, with every text field cleaned here, the one place all
    readers go through (see decode.clean_chars)."""
    as_read = clean_text(doc.text)
    text, removed = strip_boilerplate(as_read)
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(
            f"article text too long ({len(text):,} characters; the limit is "
            f"{MAX_ARTICLE_CHARS:,}, the most the language model can annotate); split it",
            code="E109",
        )
    # The id is the text's as read: a store built before tokenized text was rewritten
    # keeps its ids, so adding the same file again stays a no-op.
    ident = article_id(text)
    title = _field(doc.title)
    if is_tokenized(text):
        text = detokenize(text)
        title = detokenize(title) if title else title
        removed = tuple(detokenize(line) for line in removed)
    url = _field(doc.url)
    url_date = dates.from_url(url)
    text_date = dates.from_text(text)
    candidates = list(doc.candidates)
    candidates += [c for c in (url_date, text_date) if c is not None]
    published, source = dates.choose(candidates)
    return Article(
        id=ident,
        text=text,
        title=title,
        outlet=_field(doc.outlet),
        url=url,
        published=published,
        published_source=source,
        language=_field(doc.language) or "en",
        origin=_field(doc.origin),
        path=printable_name(doc.item),
        boilerplate=tuple(clean_chars(line) for line in doc.boilerplate) + removed,
        date_candidates=tuple(candidates),
        read_id=article_id(as_read),
    )
