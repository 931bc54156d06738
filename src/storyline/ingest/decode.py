"""Bytes to text, refusing what is not text rather than guessing."""

from __future__ import annotations

import codecs

from ..errors import IngestError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def check_size(data: bytes, limit: int) -> None:
    if not data.strip():
        raise IngestError("empty file (no text)", code="E101")
    if len(data) > limit:
        raise IngestError(
            f"too large ({len(data):,} bytes; the limit is {limit:,}); split it or raise "
            "Options.max_article_bytes",
            code="E102",
        )


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    # Control bytes other than whitespace are rare in any text encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, or a declared charset.

    Anything else is an error: a silently mis-decoded article would poison
    every later stage with mojibake.
    """
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
