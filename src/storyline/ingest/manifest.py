"""The manifest: JSON Lines of per-file metadata that wins over the document's own."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..models import ItemError
from . import dates
from .document import RawDocument
from .files import text_lines
from .jsonl import parse_json

_FIELDS = ("url", "published", "outlet", "title", "origin")
_MAX_LINE = 1024 * 1024  # one file's metadata
_MAX_BYTES = 256 * 1024 * 1024  # about a million files' worth


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    line: int
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    origin: str | None = None

    def apply(self, doc: RawDocument) -> None:
        """Manifest metadata wins; a bad date is the entry's error, not a guess."""
        if self.published:
            value = dates.parse_iso_date(self.published)
            doc.candidates.insert(0, dates.candidate(value, "manifest"))
        doc.url = self.url or doc.url
        doc.outlet = self.outlet or doc.outlet
        doc.title = self.title or doc.title
        doc.origin = self.origin or doc.origin


def resolve(path: Path) -> Path:
    """``path.resolve()``, or the absolute path when it cannot be resolved (a
    symlink loop raises RuntimeError, a NUL ValueError): reading that path
    later names the problem as the item's error instead of crashing here."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def read_manifest(
    path: Path, *, confine: bool = False
) -> tuple[dict[Path, ManifestEntry], set[Path], list[ItemError]]:
    """Entries by resolved file path, files whose entry is broken (to skip, not
    to ingest without their metadata), and one error per bad line.

    Files are named relative to the manifest; any path is allowed in a
    manifest the user names. ``confine`` (a folder's own manifest, used
    without being named) refuses files outside that folder: a downloaded
    corpus must not pull in ``../../.ssh/id_rsa`` as an article.
    """
    entries: dict[Path, ManifestEntry] = {}
    broken: set[Path] = set()
    errors: list[ItemError] = []
    folder = path.parent
    lines = text_lines(path, gz=False, line_limit=_MAX_LINE, total_limit=_MAX_BYTES)
    try:
        for number, line in lines:
            where = f"{path}:{number}"
            if isinstance(line, IngestError):
                errors.append(ItemError(where, "E151", line.detail))
                continue
            if not line.strip():
                continue
            try:
                record = parse_json(line)
            except IngestError as exc:
                errors.append(ItemError(where, "E151", exc.detail))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("file"), str):
                errors.append(ItemError(where, "E152", "manifest line needs a 'file' string"))
                continue
            target = resolve(folder / record["file"])
            named = f"{where} ({record['file']})"
            if confine and not target.is_relative_to(folder):
                errors.append(
                    ItemError(
                        named,
                        "E154",
                        "a folder's own manifest may only name files inside that folder; "
                        "pass it with --manifest to read files elsewhere",
                    )
                )
                continue
            try:
                values = {k: _text_field(record, k) for k in _FIELDS}
                entry = ManifestEntry(path=target, line=number, **{k: v for k, v in values.items() if v})
                if entry.published:
                    dates.parse_iso_date(entry.published)
            except IngestError as exc:
                errors.append(ItemError(named, exc.code, exc.detail))
                broken.add(target)
                continue
            entries[target] = entry
    except IngestError as exc:
        raise IngestError(f"cannot read manifest {path}: {exc.detail}", code="E150") from exc
    return entries, broken, errors


def _text_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dict | list):
        raise IngestError(f"manifest field {key!r} must be text, not a JSON {type(value).__name__}", code="E153")
    return str(value)
