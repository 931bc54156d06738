"""The floors file (tests/floors.json) and bench/floors.py: floors go up with the
measurements, and never down without a named floor and a reason on record."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(Path(__file__).parent))
import floors as floors_script  # noqa: E402  (bench/floors.py)
from floors_data import FLOORS_FILE, floor, floors, load  # noqa: E402


def _file(tmp_path: Path, entries: dict[str, dict[str, Any]]) -> Path:
    path = tmp_path / "floors.json"
    data = {"about": "test", "groups": {"g": "test group"}, "floors": entries}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(tmp_path: Path, path: Path, measured: dict[str, float], *extra: str) -> int:
    values = tmp_path / "measured.json"
    values.write_text(json.dumps(measured), encoding="utf-8")
    argv = ["--file", str(path), "--measured", str(values), "--today", "2026-01-02", *extra]
    return floors_script.main(argv)


def _entry(floor_value: float, band: float = 0.01) -> dict[str, Any]:
    return {"floor": floor_value, "measured": floor_value + band, "band": band, "lowered": []}


def test_the_shipped_file_is_consistent() -> None:
    data = load()
    assert data["floors"], "no floors"
    for name, entry in data["floors"].items():
        assert name.split(".", 1)[0] in data["groups"], f"{name}: group not described"
        assert set(entry) == {"floor", "measured", "band", "lowered"}, name
        assert 0 <= entry["floor"] <= 1 and 0 <= entry["band"] < 0.1, name
        # a floor never sits above what was last measured
        assert entry["floor"] <= entry["measured"], name
        for lowering in entry["lowered"]:
            assert lowering["reason"].strip() and lowering["to"] < lowering["from"], name


def test_helpers_read_the_file() -> None:
    data = load(FLOORS_FILE)
    name = next(iter(data["floors"]))
    assert floor(name) == data["floors"][name]["floor"]
    group, metric = name.split(".", 1)
    assert floors(group)[metric] == floor(name)
    with pytest.raises(KeyError):
        floor("no.such_floor")


def test_a_better_measurement_raises_the_floor(tmp_path: Path) -> None:
    path = _file(tmp_path, {"g.f1": _entry(0.80)})
    assert _run(tmp_path, path, {"g.f1": 0.8537}) == 0
    entry = json.loads(path.read_text())["floors"]["g.f1"]
    assert entry["floor"] == pytest.approx(0.8437)  # measured - band, rounded down
    assert entry["measured"] == pytest.approx(0.8537) and entry["lowered"] == []


def test_noise_within_the_band_keeps_the_floor(tmp_path: Path) -> None:
    path = _file(tmp_path, {"g.f1": _entry(0.80)})
    assert _run(tmp_path, path, {"g.f1": 0.805}) == 0
    assert json.loads(path.read_text())["floors"]["g.f1"]["floor"] == 0.80


def test_a_worse_measurement_is_refused_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, {"g.f1": _entry(0.80), "g.recall": _entry(0.60)})
    before = path.read_text()
    assert _run(tmp_path, path, {"g.f1": 0.79, "g.recall": 0.70}) == 1
    assert "g.f1" in capsys.readouterr().err
    assert path.read_text() == before  # nothing written, not even the raised recall


def test_lowering_needs_the_name_and_a_reason_and_is_recorded(tmp_path: Path) -> None:
    path = _file(tmp_path, {"g.f1": _entry(0.80)})
    with pytest.raises(SystemExit):  # --lower without --reason is a usage error
        _run(tmp_path, path, {"g.f1": 0.79}, "--lower", "g.f1")
    with pytest.raises(SystemExit):
        _run(tmp_path, path, {"g.f1": 0.79}, "--lower", "g.other", "--reason", "x")
    assert _run(tmp_path, path, {"g.f1": 0.79}, "--lower", "g.f1", "--reason", "new scorer") == 0
    entry = json.loads(path.read_text())["floors"]["g.f1"]
    assert entry["floor"] == pytest.approx(0.78)
    assert entry["lowered"] == [
        {"from": 0.8, "to": 0.78, "measured": 0.79, "reason": "new scorer", "date": "2026-01-02"}
    ]


def test_check_writes_nothing(tmp_path: Path) -> None:
    path = _file(tmp_path, {"g.f1": _entry(0.80)})
    before = path.read_text()
    assert _run(tmp_path, path, {"g.f1": 0.95}, "--check") == 0
    assert path.read_text() == before


def test_the_written_file_reads_back(tmp_path: Path) -> None:
    path = _file(tmp_path, {"g.f1": _entry(0.80), "g.recall": _entry(0.5)})
    assert _run(tmp_path, path, {"g.f1": 0.9}) == 0
    data = json.loads(path.read_text())
    assert list(data) == ["about", "groups", "floors"]
    assert data["floors"]["g.recall"]["floor"] == 0.5
