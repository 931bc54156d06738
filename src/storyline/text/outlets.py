"""Which outlet a page belongs to: the key furniture and the store group pages by."""

from __future__ import annotations

from urllib.parse import urlsplit


def outlet_key_of(outlet: str | None, url: str | None) -> str:
    """The named outlet (folded), else the URL's host without ``www.``; "" for neither."""
    if outlet:
        return outlet.strip().casefold()
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[oops": a URL no host can be read from
            return ""
        return host.removeprefix("www.")
    return ""
