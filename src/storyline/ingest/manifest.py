"""The manifest: JSON Lines of per-file metadata that wins over the document's own."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError
from ..models import ItemError
from . import dates
from .document import RawDocument

_FIELDS = ("url", "published", "outlet", "title", "origin")


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


def read_manifest(
    path: Path,
) -> tuple[dict[Path, ManifestEntry], set[Path], list[ItemError]]:
    """Entries by resolved file path, files whose entry is broken (to skip, not
    to ingest without their metadata), and one error per bad line."""
    entries: dict[Path, ManifestEntry] = {}
    broken: set[Path] = set()
    errors: list[ItemError] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"cannot read manifest {path}: {exc}", code="E150") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(ItemError(where, "E151", f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            errors.append(ItemError(where, "E152", "manifest line needs a 'file' string"))
            continue
        values = {k: str(record[k]) for k in _FIELDS if record.get(k) not in (None, "")}
        target = (path.parent / record["file"]).resolve()
        entry = ManifestEntry(path=target, line=number, **values)
        if entry.published:
            try:
                dates.parse_iso_date(entry.published)
            except IngestError as exc:
                errors.append(ItemError(f"{where} ({record['file']})", exc.code, exc.detail))
                broken.add(target)
                continue
        entries[target] = entry
    return entries, broken, errors
