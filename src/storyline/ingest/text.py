"""Plain-text articles, with optional leading header lines.

Headers look like `` date 2023-07-24`` or ``title: ...`` at the very top; a
date header may run straight into the first sentence on the same line, as
files saved from some archives do.
"""

from __future__ import annotations

import re

from . import dates
from .document import RawDocument

# No two adjacent \s* (nor a lazy .+? before \s*$): those backtrack
# quadratically on a long run of spaces, and a header line may be megabytes.
_DATE_HEADER = re.compile(
    r"^\s*(?:date|published|pubdate)\s*(?::\s*)?(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)[ \t]*",
    re.IGNORECASE,
)
_FIELD_HEADER = re.compile(
    r"^\s*(title|headline|url|link|outlet|source|site|author|byline)\s*:(.*)$",
    re.IGNORECASE,
)
_MAX_HEADER_LINES = 50  # past that it is body text (and each header costs a copy of the rest)
_FIELD_NAMES = {
    "title": "title", "headline": "title", "url": "url", "link": "url",
    "outlet": "outlet", "source": "outlet", "site": "outlet",
}


def read_text(text: str, item: str) -> RawDocument:
    doc = RawDocument(text="", item=item)
    rest = text.lstrip("\ufeff")
    for _ in range(_MAX_HEADER_LINES):
        match = _DATE_HEADER.match(rest)
        if match:
            doc.candidates.append(dates.candidate(dates.parse_iso_date(match.group(1)), "header"))
            rest = rest[match.end() :]
            continue
        line, _, after = rest.partition("\n")
        field_match = _FIELD_HEADER.match(line)
        if field_match is None or not field_match.group(2):  # "title:" alone is no header
            break
        raw, name = field_match.group(2), field_match.group(1).lower()
        if name in _FIELD_NAMES:
            # as the former ``\s*(.+?)\s*$``: stripped, or its last character if all blank
            setattr(doc, _FIELD_NAMES[name], raw.strip() or raw[-1])
        # author/byline: known header, not kept as text
        rest = after
    body = rest.strip()
    if doc.title is None:
        doc.title, body = _split_headline(body)
    doc.text = body
    return doc


def _split_headline(body: str) -> tuple[str | None, str]:
    """A first line that reads as a headline (short, no closing stop) is the title."""
    first, sep, rest = body.partition("\n")
    first = first.strip()
    if (
        sep
        and rest.strip()
        and 3 <= len(first.split()) <= 30
        and not first.endswith((".", "!", "?", ":", '"', "”", "’"))
    ):
        return first, rest.strip()
    return None, body
