"""The stance model (features, shipped arrays, no pickles) and ``eval stance`` scoring."""

from __future__ import annotations

import csv
import dataclasses
import zipfile
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from storyline.annotate.stance import LABELS, shipped
from storyline.annotate.stance.features import CUES, DENSE, Featurizer
from storyline.annotate.stance.model import MODEL_FILE
from storyline.eval.stance import evaluate, f1_by_class, read_fnc, relative_score, score
from storyline.present.cli import app

FNC_TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "fnc1" / "train"


def write_fnc(folder: Path, bodies: dict[int, str], pairs: list[tuple[str, int, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "bodies.csv").open("w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle)
        w.writerow(["Body ID", "articleBody"])
        w.writerows(bodies.items())
    with (folder / "stances.csv").open("w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle)
        w.writerow(["Headline", "Body ID", "Stance"])
        w.writerows(pairs)
    return folder


BODIES = {
    7: "Officials denied reports that the mayor of Glimmerton resigned. The claim is a hoax, they said.",
    8: "The mayor of Glimmerton resigned on Monday, the council confirmed in a statement.",
    9: "A rare comet will pass close to the planet next week, astronomers said.",
}
PAIRS = [
    ("Mayor of Glimmerton resigns", 7, "disagree"),
    ("Mayor of Glimmerton resigns", 8, "agree"),
    ("Mayor of Glimmerton resigns", 9, "unrelated"),
    ("Comet to pass close to the planet", 9, "agree"),
]


def test_relative_score_and_f1() -> None:
    gold = ["agree", "disagree", "unrelated", "discuss"]
    assert relative_score(gold, gold) == 1.0
    # related/unrelated right but stance wrong: 0.25 of 1.0 for each related pair.
    assert relative_score(gold, ["discuss", "agree", "unrelated", "agree"]) == pytest.approx(
        (0.25 * 3 + 0.25) / (1.0 * 3 + 0.25)
    )
    f1 = f1_by_class(gold, ["agree", "agree", "unrelated", "discuss"])
    assert f1 == {"agree": pytest.approx(2 / 3), "disagree": 0.0, "discuss": 1.0, "unrelated": 1.0}
    assert score(gold, gold)["macro_f1"] == 1.0


def test_features_see_refutation_and_overlap() -> None:
    f = Featurizer(["mayor", "glimmerton", "resigned", "comet"], np.ones(4), ["the", "of"])
    x = f.transform(
        [("Mayor of Glimmerton resigned", BODIES[7]), ("Mayor of Glimmerton resigned", BODIES[9])]
    )
    dense = 2 * 4
    cosine, overlap = DENSE.index("cosine"), DENSE.index("overlap")
    assert x[0, dense + cosine] > 0.5 and x[1, dense + cosine] == 0.0
    assert x[0, dense + overlap] == 1.0
    hoax = dense + len(DENSE) + len(CUES) + CUES.index("hoax")
    assert x[0, hoax] > 0 and x[1, hoax] == 0


def test_shipped_model_is_arrays_not_pickles() -> None:
    raw = resources.files("storyline.annotate.stance").joinpath(MODEL_FILE)
    with raw.open("rb") as handle:
        data = np.load(handle, allow_pickle=False)  # raises on any object array
        assert all(data[name].dtype != object for name in data.files)
    with zipfile.ZipFile(str(raw)) as z:
        assert sum(i.compress_size for i in z.infolist()) < 5_000_000
    model = shipped()
    assert model.labels == LABELS
    probs = model.probabilities([(h, BODIES[b]) for h, b, _ in PAIRS])
    assert probs.shape == (4, 4) and np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert model.predict([("Mayor of Glimmerton resigns", BODIES[9])]) == ["unrelated"]


def test_eval_predictions_in_input_order_and_left_out_bodies(tmp_path: Path) -> None:
    folder = write_fnc(tmp_path / "fnc", BODIES, PAIRS)
    model = dataclasses.replace(shipped(), used_bodies=frozenset({9}))
    result = evaluate(folder, tmp_path / "out", model=model)
    assert result["pairs"] == 2 and result["left_out"] == 2 and "left out" in result["note"]
    with (tmp_path / "out" / "stances.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Headline", "Body ID", "Stance"]
    assert [(r[0], int(r[1])) for r in rows[1:]] == [(h, b) for h, b, _ in PAIRS]
    assert all(r[2] in LABELS for r in rows[1:])


def test_eval_stance_cli_and_bad_input(tmp_path: Path) -> None:
    folder = write_fnc(tmp_path / "fnc", BODIES, PAIRS)
    result = CliRunner().invoke(app, ["eval", "stance", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert '"macro_f1"' in result.output and '"relative_score"' in result.output
    (folder / "bodies.csv").unlink()
    with pytest.raises(Exception, match="E640"):
        read_fnc(folder)
    write_fnc(tmp_path / "bad", {1: "text"}, [("claim", 2, "agree")])
    with pytest.raises(Exception, match="E641"):
        read_fnc(tmp_path / "bad")


@pytest.mark.skipif(
    not FNC_TRAIN.is_dir(), reason="../shared/datasets/fnc1 is not beside the checkout"
)
def test_accuracy_floor_on_held_out_bodies() -> None:
    # 2,500 pairs of bodies the model was neither fitted nor tuned on (about 2 s);
    # the whole held-out part scores macro-F1 0.73 (docs/benchmarks.md).
    result = evaluate(FNC_TRAIN, limit=2500)
    assert result["left_out"] > 0
    assert result["macro_f1"] >= 0.60
    assert result["f1"]["disagree"] > 0.30
    assert result["f1"]["unrelated"] > 0.95
