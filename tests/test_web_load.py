"""A short run of bench/web_load.py: ``storyline serve`` on the sample store, ten
concurrent clients for three seconds over every page and /api/ route, no errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import web_load  # noqa: E402  (bench/ is not a package)


@pytest.mark.model
def test_ten_clients_for_three_seconds(sample_db: Path) -> None:
    result = web_load.run(sample_db, clients=10, duration=3, timeout=10, max_requests=20_000)
    assert result["errors"] == 0, result.get("server_log_tail")
    assert result["requests"] >= 50 and set(result["statuses"]) == {"200"}
    assert result["routes_covered"] == 27 and all(r["requests"] for r in result["routes"].values())
    assert result["p99_ms"] < 5_000
