"""An article's title: as stored, else made from its text, else from its URL.

Scraped pages often come without a title, and their first line is then whatever
the page showed first: a wire photo's caption, a byline, a link's label, the
headline run into the lead with no stop, or the wire's "CITY | day" stamp. The
title is the headline where one can be told apart, else the story's first
sentence.
"""

from __future__ import annotations

import re

from .entry import caption_end, entry_text

# A title made from text is cut to about this many characters, at a word.
TITLE_CHARS = 90
_SENTENCE_END = re.compile(r"(?<=[^\s.]{2}[.!?])\s+(?=\S)")


def _shorten(text: str, width: int = TITLE_CHARS) -> str:
    if len(text) <= width:
        return text
    cut = (
        text[: width + 1].rsplit(" ", 1)[0].rstrip(" ,;:-") if " " in text[:width] else text[:width]
    )
    return cut + "\u2026"


def title_from_url(url: str | None) -> str | None:
    """The last path segment of ``url`` as words ("swine-flu-spreads.html" ->
    "Swine flu spreads"); None when it is only digits, an id or empty."""
    if not url:
        return None
    path = re.sub(r"[?#].*$", "", url.strip()).rstrip("/")
    segment = path.rsplit("/", 1)[-1] if "/" in path.split("://", 1)[-1] else ""
    segment = re.sub(r"\.(?:s?html?|php|aspx?|jsp|cms)$", "", segment, flags=re.IGNORECASE)
    words = [w for w in re.split(r"[-_+.\s]+|%20", segment) if w]
    if sum(1 for w in words if re.fullmatch(r"[^\W\d_]{2,}", w)) < 2:
        return None  # "12345", "index", "a1b2c3": not a headline
    text = " ".join(words)
    return _shorten(text[:1].upper() + text[1:])


# A sentence opener written in the middle of a line with no stop before it: where a
# scraped page's headline ran into the lead ("Boy raises thousands for Haiti A seven-
# year-old boy has raised ...").
_RUN_IN_OPENER = re.compile(
    r"(?<=[a-z0-9'\u2019\u201d\"])\s+"
    r"(?=(?:A|An|The|When|While|As|After|In|It|This|These|More|Most|Some|Many|Hundreds|"
    r"Thousands|Dozens)\s+\S)"
)


# A wire page's "CITY | day ... CITY (Reuters) -" stamp, after the headline (or a byline,
# a picture credit) run into it: the city is written again after the day (two cities
# joined by a slash, "LONDON/NEW YORK", as ``entry`` reads them).
_CITY_STAMP = re.compile(
    r"(?:^|\s+)(?P<city>[A-Z][A-Z.'\-\\/]+(?:(?:\s+|\s*,\s*)[A-Z][A-Za-z.'\-\\/]*)*)\s*\|\s"
    r"[^|]{0,60}?(?P=city)\b"
)
# What may come before that stamp and is not the headline: a byline, a picture credit.
_NOT_HEADLINE = re.compile(r"^(?:By\s+[A-Z]|(?:Credit|Photo|Picture)\s*:)")
# A link's label before the headline it opens ("Full Article Egypt orders cull ...").
_LINK_LABEL = re.compile(r"^Full\s+(?:Article|Story|Coverage)\s+(?=\S)")
# A dateline whose dash went to the next line: "DADHKAI, India (Reuters Life!)".
_DATELINE_ONLY = re.compile(
    r"^[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:\s*,\s*[A-Z][A-Za-z.]+)*\s*"
    r"(?:\(|-LRB-)\s*[A-Z][\w.&'! ]{0,30}(?:\)|-RRB-)\s*$"
)


def _headline_of(line: str) -> str:
    """The headline at the start of ``line`` where the lead runs on after it, else the
    line. Only a headline written in sentence case is cut: in "Obama Says The Spill Is
    Bad" every word is capitalised and "The" opens nothing."""
    for m in _RUN_IN_OPENER.finditer(line):
        head = line[: m.start()]
        if len(head) >= 15 and any(w[:1].islower() for w in head.split()[1:]):
            return head
    return line


def _title_line(line: str) -> str:
    """A line's text once a link label, and a stamp with what comes before it unless
    that is the headline, are gone."""
    line = _LINK_LABEL.sub("", line)
    stamp = _CITY_STAMP.search(line)
    if stamp:
        head = line[: stamp.start()].strip()
        if len(head.split()) >= 3 and not _NOT_HEADLINE.match(head):
            return head  # "India confirms first case NEW DELHI | Sat May 16, 2009 ..."
        line = line[stamp.start() :].strip()
    return entry_text(line, [])


def title_of(title: str | None, text: str, url: str | None) -> tuple[str | None, str]:
    """The article's title and where it came from: as stored ("article"), else the
    first sentence of its first line of text ("text"), else its URL ("url")."""
    if title and title.strip():
        return title, "article"
    story = text[caption_end(text) :]  # a wire photo's caption line is not the title
    # "SIRTE, Libya | Thu Oct 20, 2011 6:31 pm EDT SIRTE, Libya (Reuters) - " says where
    # and when, the title starts after it (on the next line if that is all the line has)
    lines = (_title_line(line.strip()) for line in story.splitlines() if line.strip())
    first_line = next((line for line in lines if line and not _DATELINE_ONLY.match(line)), "")
    if first_line:
        first = _SENTENCE_END.split(first_line, maxsplit=1)[0].strip()
        return _shorten(_headline_of(first)), "text"
    from_url = title_from_url(url)
    if from_url:
        return from_url, "url"
    return None, "none"
