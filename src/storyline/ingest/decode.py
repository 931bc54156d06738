"""Bytes to text, refusing what is not text rather than guessing."""

from __future__ import annotations

import codecs
import re

from ..errors import IngestError
from ..options import MAX_ARTICLE_BYTES  # one default, kept with the options

__all__ = ["MAX_ARTICLE_BYTES", "MAX_ARTICLE_CHARS"]

# spaCy's nlp.max_length: a longer text could never be annotated, so it is
# refused here, naming the file, rather than failing every later ``add``.
MAX_ARTICLE_CHARS = 1_000_000
# A JSON Lines file holds many articles: each line gets the article limit, the
# whole file this generous one (it is streamed, never held whole).
MAX_JSONL_BYTES = 2 * 1024**3

# C0 controls other than tab/newline/CR: PostgreSQL refuses NUL in text (and
# loses the whole batch), terminals act on ESC. Page/record separators become
# line breaks (str.split() already treated them as whitespace, so article ids
# do not change); the rest are dropped.
_CONTROLS: dict[int, str | None] = {c: None for c in range(32) if c not in (9, 10, 13)}
_CONTROLS.update({11: "\n", 12: "\n", 28: "\n", 29: "\n", 30: "\n", 31: " "})
# Lone surrogates ("\ud800" in JSON) decode fine but can never be encoded as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def replace_surrogates(text: str) -> str:
    """Lone surrogates become U+FFFD: the article is kept, since one unreadable
    character is not worth losing it over."""
    return _SURROGATES.sub("\ufffd", text)


def clean_chars(text: str) -> str:
    """Text any store and terminal accepts: no lone surrogates and no C0
    controls other than tab/newline/CR (see ``_CONTROLS``)."""
    return replace_surrogates(text.translate(_CONTROLS))


def printable_name(name: str) -> str:
    """A file name or item as one printable line: control characters and
    undecodable bytes (surrogate escapes) are written as escapes, so a name
    with a newline or ESC in it can neither break nor drive the output."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a raw byte
            return f"\\x{code - 0xDC00:02x}"
        return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _UNPRINTABLE.sub(escape, name)


def too_large(size: str, limit: int) -> IngestError:
    return IngestError(
        f"too large ({size} bytes; the limit is {limit:,}); split it or raise "
        "Options.max_article_bytes",
        code="E102",
    )


def check_size(data: bytes, limit: int) -> None:
    if not data.strip():
        raise IngestError("empty file (no text)", code="E101")
    if len(data) > limit:
        raise too_large(f"{len(data):,}", limit)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    # Control bytes other than whitespace are rare in any text encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def utf16_without_bom(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 with no BOM: NULs at every other byte, one parity only."""
    head = data[:8192]
    if len(head) < 16 or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    even, odd = head[0::2], head[1::2]
    return (
        even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.05
        or odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.05
    )


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, or a declared charset.

    Anything else is an error: a silently mis-decoded article would poison
    every later stage with mojibake.
    """
    if utf16_without_bom(data):
        raise IngestError(
            "looks like UTF-16 without a byte-order mark; re-save it as UTF-8", code="E104"
        )
    if looks_binary(data):
        raise IngestError("binary file, not text (NUL or control bytes)", code="E103")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"invalid UTF-16: {exc.reason}", code="E104") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
        bad = data[exc.start : exc.start + 1].hex()
        raise IngestError(
            f"not UTF-8 (byte 0x{bad} at offset {exc.start}) and no usable declared charset; "
            "re-save it as UTF-8",
            code="E104",
        ) from exc
