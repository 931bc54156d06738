"""The accuracy floors of the tests (``tests/floors.json``): measure, raise, never lower
in silence.

    .venv/bin/python bench/floors.py                    # measure every group, raise floors
    .venv/bin/python bench/floors.py --only timex quotes
    .venv/bin/python bench/floors.py --check            # measure and compare; write nothing
    .venv/bin/python bench/floors.py --measured FILE    # {name: value} from FILE, no measuring
    .venv/bin/python bench/floors.py --lower NAME --reason TEXT   # let NAME go down

A floor becomes ``measured - band`` (four places, rounded down) when that is higher
than it was. A value measured under its floor is refused: nothing is written and the
exit status is 1, naming each such floor, unless ``--lower NAME --reason TEXT``
names it; then the floor goes to ``measured - band`` and the lowering (from, to,
measured, reason, date) is kept in the entry's ``lowered`` list. Writes the run's
numbers to bench/results/floors.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, T17, write_result  # noqa: E402

FLOORS_FILE = ROOT / "tests" / "floors.json"
DEFAULT_BAND = 0.01  # for a floor measured the first time
EXACT_GROUPS = {"sample_gold"}  # counts on a small fixed corpus: no noise band


def group_of(name: str) -> str:
    return name.split(".", 1)[0]


def lowered_value(value: float, band: float) -> float:
    """``value - band`` to four places, rounded down (a floor never sits above it)."""
    return math.floor(round((value - band) * 10_000, 6)) / 10_000


def apply(
    data: dict[str, Any],
    measured: Mapping[str, float],
    allowed: Mapping[str, str],
    today: str,
) -> tuple[list[str], list[str]]:
    """Update ``data["floors"]`` in place from ``measured``; returns (refused names,
    lines describing each change). With refusals, ``data`` must not be written."""
    floors: dict[str, Any] = data["floors"]
    refused: list[str] = []
    changes: list[str] = []
    for name, value in sorted(measured.items()):
        entry = floors.get(name)
        if entry is None:
            band = 0.0 if group_of(name) in EXACT_GROUPS else DEFAULT_BAND
            entry = {"floor": lowered_value(value, band), "band": band, "lowered": []}
            floors[name] = entry
            changes.append(f"{name}: new floor {entry['floor']}")
        old = float(entry["floor"])
        candidate = lowered_value(value, float(entry["band"]))
        if value < old:
            if name not in allowed:
                refused.append(f"{name}: measured {value} is under its floor {old}")
                continue
            entry["floor"] = candidate
            entry["lowered"].append(
                {
                    "from": old,
                    "to": candidate,
                    "measured": value,
                    "reason": allowed[name],
                    "date": today,
                }
            )
            changes.append(f"{name}: LOWERED {old} -> {candidate} ({allowed[name]})")
        elif candidate > old:
            entry["floor"] = candidate
            changes.append(f"{name}: raised {old} -> {candidate}")
        entry["measured"] = value
    return refused, changes


# ---- measurements -----------------------------------------------------------


def measure_timex() -> dict[str, float]:
    from storyline.eval.timex import evaluate

    return evaluate(SHARED / "datasets" / "tempeval3" / "TBAQ-cleaned")


def measure_quotes() -> dict[str, float]:
    from storyline.eval.quotes import evaluate

    return evaluate(SHARED / "datasets" / "polnear" / "dev")


def measure_tls() -> dict[str, float]:
    from storyline.eval.tls import evaluate

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "t17"
        data.mkdir()
        (data / "mj").symlink_to(T17 / "mj")
        result = evaluate(data, stores=Path(tmp) / "stores")
    return {f"mj.{k}": v for k, v in result.items() if isinstance(v, float)}


def measure_sample_gold() -> dict[str, float]:
    from gold_scoring import score_gold
    from storyline import api
    from storyline.store import Store
    from storyline.views.corpus import Corpus

    sample = ROOT / "src" / "storyline" / "sample"
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "sample.db") as store:
            api.add(store, [sample], manifest=sample / "manifest.jsonl")
            scores = score_gold(Corpus.from_store(store), sample / "gold.json")
    return {name: score.rate for name, score in scores.items()}


MEASURES: dict[str, Callable[[], Mapping[str, Any]]] = {
    "timex": measure_timex,
    "quotes": measure_quotes,
    "tls": measure_tls,
    "sample_gold": measure_sample_gold,
}


def measure(groups: list[str], known: Mapping[str, Any]) -> dict[str, float]:
    """The values of the floors of ``groups`` that ``known`` names (a measurement
    may return more numbers than are gated)."""
    out: dict[str, float] = {}
    for group in groups:
        found = MEASURES[group]()
        for metric, value in found.items():
            name = f"{group}.{metric}"
            if name in known and isinstance(value, int | float):
                out[name] = round(float(value), 4)
        missing = [n for n in known if group_of(n) == group and n not in out]
        if missing:
            raise SystemExit(f"the {group} measurement gave no value for {', '.join(missing)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=sorted(MEASURES), help="groups to measure")
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    parser.add_argument("--measured", type=Path, help="JSON {name: value} instead of measuring")
    parser.add_argument("--lower", action="append", default=[], metavar="NAME")
    parser.add_argument("--reason", action="append", default=[], metavar="TEXT")
    parser.add_argument("--file", type=Path, default=FLOORS_FILE, help=argparse.SUPPRESS)
    parser.add_argument("--today", default=None, help=argparse.SUPPRESS)  # for tests
    args = parser.parse_args(argv)
    if len(args.lower) != len(args.reason):
        parser.error("every --lower NAME needs its own --reason TEXT")
    if any(not r.strip() for r in args.reason):
        parser.error("--reason must say why")

    data = json.loads(args.file.read_text(encoding="utf-8"))
    unknown = [n for n in args.lower if n not in data["floors"]]
    if unknown:
        parser.error(f"no such floor: {', '.join(unknown)}")
    if args.measured is not None:
        measured = {k: float(v) for k, v in json.loads(args.measured.read_text()).items()}
    else:
        groups = args.only or sorted(MEASURES)
        measured = measure(groups, data["floors"])
        write_result("floors", measured)

    today = args.today or dt.date.today().isoformat()
    refused, changes = apply(data, measured, dict(zip(args.lower, args.reason, strict=True)), today)
    for name, value in sorted(measured.items()):
        entry = data["floors"][name]
        print(f"{name:32} measured {value:.4f}  floor {float(entry['floor']):.4f}")
    for line in changes:
        print(line)
    if refused:
        for line in refused:
            print(f"refused: {line} (to lower it: --lower NAME --reason TEXT)", file=sys.stderr)
        return 1
    if not args.check:
        args.file.write_text(json_text(data), encoding="utf-8")
    return 0


def json_text(data: Mapping[str, Any]) -> str:
    """The floors file as written: one floor a line, so a diff shows what moved."""
    head = {k: v for k, v in data.items() if k != "floors"}
    lines = [json.dumps(head, indent=2)[:-2] + ',\n  "floors": {']
    rows = [f"    {json.dumps(n)}: {json.dumps(e)}" for n, e in data["floors"].items()]
    lines.append(",\n".join(rows))
    lines.append("  }\n}\n")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
