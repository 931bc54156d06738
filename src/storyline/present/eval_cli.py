"""``storyline eval timex|tls|quotes DIR``: benchmarks scored the published way."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

eval_app = typer.Typer(help="Score storyline's stages on public benchmarks.", no_args_is_help=True)
_err = Console(stderr=True)


def _report(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    for key, value in result.items():
        if isinstance(value, list):
            continue
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        sys.stdout.write(f"{key:24} {shown}\n")


def _check(directory: Path) -> None:
    if not directory.is_dir():
        _err.print(
            Text.assemble(("error: ", "red"), f"[E601] no such folder: {directory}"),
            highlight=False,
        )
        raise typer.Exit(2)


Json = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]
Predictions = Annotated[
    Path | None,
    typer.Option("--predictions", help="Write the system's output in the benchmark's format."),
]


@eval_app.command()
def timex(
    directory: Path,
    as_json: Json = False,
    predictions: Predictions = None,
    text_only: Annotated[
        bool,
        typer.Option(
            "--text-only",
            help="The tagger on the text alone, without the pipeline's parse (no model).",
        ),
    ] = False,
) -> None:
    """TimeML folder (TempEval-3 layout): strict, relaxed, type and value F1 of the
    tagger as `storyline add` runs it (inside the annotation pipeline)."""
    from ..eval.timex import evaluate

    _check(directory)
    _report(evaluate(directory, predictions, parse=not text_only), as_json)


@eval_app.command()
def tls(
    directory: Path,
    as_json: Json = False,
    predictions: Predictions = None,
    stores: Annotated[
        Path | None,
        typer.Option(
            "--stores",
            help="Keep each topic's store here (<topic>.db) and reuse it on the next run.",
        ),
    ] = None,
    lines: Annotated[
        bool,
        typer.Option(
            "--lines",
            help="Fast approximation: the files' sentence lines dated by the tagger's text "
            "path, instead of stores built as `storyline add` builds them.",
        ),
    ] = False,
) -> None:
    """news-tls layout (T17): alignment-based ROUGE-1/2 F1 and date F1 of the timeline
    `storyline timeline` builds from each topic's articles."""
    from ..eval.tls import evaluate

    _check(directory)
    result = evaluate(
        directory, predictions, preparation="lines" if lines else "product", stores=stores
    )
    _report(result, as_json)


@eval_app.command()
def quotes(
    directory: Path,
    as_json: Json = False,
    predictions: Predictions = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Score every quote extracted, not only those shown.")
    ] = False,
) -> None:
    """PolNeAR layout: source, cue and content F1 (overlap and exact) of what `storyline
    quotes` shows (--all: of everything extracted)."""
    from ..eval.quotes import evaluate

    _check(directory)
    _report(evaluate(directory, predictions, all=show_all), as_json)


@eval_app.command()
def stance(directory: Path, as_json: Json = False, predictions: Predictions = None) -> None:
    """FNC-1 layout (bodies.csv, stances.csv): relative score, macro-F1 and per-class F1.
    Over FNC-1 train, only the bodies the shipped model was not fitted or tuned on."""
    from ..eval.stance import evaluate

    _check(directory)
    _report(evaluate(directory, predictions), as_json)


@eval_app.command()
def stories(
    directory: Path,
    as_json: Json = False,
    predictions: Predictions = None,
    with_batch: Annotated[
        bool, typer.Option("--batch", help="Also cluster the whole pile at once and score that.")
    ] = False,
) -> None:
    """news-tls layout: every topic mixed into one pile, fed day by day; B-cubed
    precision, recall and F1 and the adjusted Rand index against the topic folders."""
    from ..eval.stories import evaluate

    _check(directory)
    _report(evaluate(directory, predictions, with_batch=with_batch), as_json)
