"""Small text helpers shared by templates and pre-rendered rows."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 event", "2 events", "1,200 events"."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def number(value: object) -> str:
    """12000000.0 -> "12,000,000"; 2.5 -> "2.5"; anything else as written."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")
