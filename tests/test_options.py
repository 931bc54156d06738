from __future__ import annotations

import pytest

from storyline.errors import OptionsError
from storyline.options import Options


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"workers": 0}, "E004"),
        ({"executor": "spark"}, "E005"),
        ({"batch_size": 0}, "E006"),
        ({"db": ""}, "E002"),
        ({"timeline_dates": 0}, "E008"),
    ],
)
def test_invalid_options_refused_when_built(changes: dict[str, object], code: str) -> None:
    with pytest.raises(OptionsError, match=rf"\[{code}\]"):
        Options(**changes)  # type: ignore[arg-type]


def test_env_then_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_DB", "/tmp/x.db")
    monkeypatch.setenv("STORYLINE_WORKERS", "3")
    assert Options.from_env().db == "/tmp/x.db"
    assert Options.from_env(db="y.db", workers=None).workers == 3
    assert Options.from_env(db="y.db").db == "y.db"
    monkeypatch.setenv("STORYLINE_WORKERS", "many")
    with pytest.raises(OptionsError, match=r"\[E009\]"):
        Options.from_env()
