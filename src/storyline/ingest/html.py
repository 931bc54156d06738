"""HTML pages: trafilatura for text, title and site name; htmldate for the date.

Nothing here fetches. Both libraries take "a URL or HTML" as a string and
guess which it is: htmldate downloads any string that starts with "http" and
has no space in it, which markup whose words are separated by tabs or
newlines is. So the markup is parsed here, and the libraries are only ever
handed the parsed lxml tree, which they use as is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..errors import IngestError
from . import dates
from .decode import replace_surrogates
from .document import RawDocument

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)

# The repairs each library applies to a markup string before parsing it
# (trafilatura 2.x utils.load_html, htmldate 1.x utils.load_html), kept so a
# tree parsed here extracts exactly what the library's own parse would.
_INVALID_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DOCTYPE_TRAFILATURA = re.compile(r"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_DOCTYPE_HTMLDATE = re.compile(r"^< ?! ?DOCTYPE.+?/ ?>", re.IGNORECASE)
_FAULTY_HTML = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _parse(markup: str, *, for_trafilatura: bool) -> HtmlElement | None:
    """Markup -> tree the way the library's load_html does for a string,
    without its "is this a URL?" guess. None when it is not HTML at all."""
    from lxml.html import HTMLParser, fromstring

    # A parser per call: lxml parsers must not be shared between threads.
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=for_trafilatura,
        remove_pis=True,
    )
    beginning = markup[:50].lower()
    if for_trafilatura:
        markup = _INVALID_XML_CHARS.sub("", markup)
    if "doctype" in beginning:
        first, _, rest = markup.partition("\n")
        doctype = _DOCTYPE_TRAFILATURA if for_trafilatura else _DOCTYPE_HTMLDATE
        markup = doctype.sub("", first, count=1) + "\n" + rest
    head = markup[:4096].splitlines() if for_trafilatura else markup.split("\n", 4)
    for line in head[:4]:
        if "<html" in line and line.rstrip("\r").endswith("/>"):
            markup = _FAULTY_HTML.sub(r"\1>", markup, count=1)
            break

    def from_bytes() -> HtmlElement | None:
        try:
            return fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
        except Exception:  # lxml raises several types on hostile markup: no tree
            return None

    tree: HtmlElement | None = None
    tried_bytes = False
    try:
        tree = fromstring(markup, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, tried_bytes = from_bytes(), True
    except Exception:  # as above: no tree from the string, the bytes may still parse
        tree = None
    if (tree is None or len(tree) < 1) and not tried_bytes:
        tree = from_bytes()
    # Both libraries refuse a lone fragment that does not say "html" early on.
    if tree is None or ("html" not in beginning and len(tree) < 2):
        return None
    _scrub(tree)
    return tree


def _scrub(tree: HtmlElement) -> None:
    """Drop control characters that character references (``&#x1b;``) put
    into the tree: lxml refuses to set text holding them, so trafilatura
    would lose the whole page; a page without any is left untouched."""
    for element in tree.iter():
        try:
            if element.text and _INVALID_XML_CHARS.search(element.text):
                element.text = _INVALID_XML_CHARS.sub("", element.text)
            if element.tail and _INVALID_XML_CHARS.search(element.tail):
                element.tail = _INVALID_XML_CHARS.sub("", element.tail)
            for key, value in element.attrib.items():
                if _INVALID_XML_CHARS.search(value):
                    element.set(key, _INVALID_XML_CHARS.sub("", value))
        except (TypeError, ValueError):  # read-only nodes (entities): left as parsed
            continue


def read_html(markup: str, item: str, *, url: str | None = None) -> RawDocument:
    import trafilatura
    from htmldate import find_date

    if "<" not in markup:
        raise IngestError("not HTML (no markup found)", code="E120")
    markup = replace_surrogates(markup)  # lxml cannot encode a lone surrogate
    tree = _parse(markup, for_trafilatura=True)
    if tree is None:
        raise IngestError("malformed or empty HTML: no article text found", code="E122")
    try:
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise IngestError(f"malformed HTML: {type(exc).__name__}: {exc}", code="E121") from exc
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise IngestError("malformed or empty HTML: no article text found", code="E122")
    doc = RawDocument(
        text=text,
        item=item,
        title=getattr(extracted, "title", None) or None,
        outlet=getattr(extracted, "sitename", None) or None,
        url=url or getattr(extracted, "url", None) or None,
        language=getattr(extracted, "language", None) or "en",
    )
    found = None
    try:
        date_tree = _parse(markup, for_trafilatura=False)
        if date_tree is not None:
            found = find_date(
                date_tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
            )
    except Exception:  # htmldate is best effort; the date then comes from elsewhere
        found = None
    if found:
        doc.candidates.append(dates.candidate(dt.date.fromisoformat(found), "html"))
    return doc
