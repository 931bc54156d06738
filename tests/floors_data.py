"""The accuracy floors of the tests, read from ``tests/floors.json`` (one place;
``bench/floors.py`` raises them and refuses to lower them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLOORS_FILE = Path(__file__).with_name("floors.json")


def load(path: Path = FLOORS_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def floor(name: str) -> float:
    """The floor named ``name`` (``group.metric``); a KeyError names a missing one."""
    return float(load()["floors"][name]["floor"])


def floors(group: str) -> dict[str, float]:
    """``{metric: floor}`` for every floor of ``group`` (the name's part before the
    first dot)."""
    prefix = group + "."
    return {
        name[len(prefix) :]: float(entry["floor"])
        for name, entry in load()["floors"].items()
        if name.startswith(prefix)
    }
