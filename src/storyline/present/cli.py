"""The command line: a thin shell over ``storyline.api`` (contract: shared/spec/cli.md).

Exit status: 0 all good; 1 some items failed (each named on stderr); 2 usage.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import api
from ..errors import StorylineError
from ..options import Options
from ..store import Store
from . import tables
from .eval_cli import eval_app

app = typer.Typer(
    name="storyline",
    help="Follow an evolving news story: timeline, quotes, actors, sources, facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class State:
    options: Options = Options()


def _fail(message: str, status: int = 1) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(status)


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Store: a SQLite path, :memory: or postgresql://... [env STORYLINE_DB]"),
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Annotation processes (default 1).")] = None,
) -> None:
    try:
        State.options = Options.from_env(db=db, workers=workers)
    except StorylineError as exc:
        _fail(str(exc), 2)


def _store(read_only: bool = False) -> Store:
    try:
        return Store(State.options.db, read_only=read_only)
    except StorylineError as exc:
        _fail(str(exc))


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}", 2)


@app.command()
def add(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (recursive).")] = None,
    manifest: Annotated[Path | None, typer.Option(help="JSON Lines of per-file metadata (default: a folder's own manifest.jsonl).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Ingest articles, annotate them and link them into the story."""
    if not paths and manifest is None:
        _fail("give at least one PATH, or --manifest", 2)
    store = _store()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        try:
            report = api.add(store, paths or [], manifest=manifest, options=State.options, progress=progress)
        except StorylineError as exc:
            _fail(str(exc))
    for error in report.errors:
        err.print(f"[red]error:[/red] {error}", highlight=False)
    if as_json:
        _emit(
            {
                "added": report.added,
                "unchanged": report.unchanged,
                "errors": [{"item": e.item, "code": e.code, "message": e.message} for e in report.errors],
            }
        )
    else:
        err.print(
            f"added {len(report.added)}, already stored {len(report.unchanged)}, "
            f"failed {len(report.errors)}"
        )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def articles(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List stored articles."""
    payload = api.articles(_store(read_only=True))
    _emit(payload) if as_json else tables.articles(out, payload)


@app.command()
def timeline(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY-MM-DD).")] = None,
    entity: Annotated[str | None, typer.Option(help="Keep to events involving this actor.")] = None,
    query: Annotated[str | None, typer.Option(help="Keep to events matching these words.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N events (the most important).")] = None,
) -> None:
    """The dated timeline, each event with its evidence."""
    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    payload = api.timeline(
        _store(read_only=True),
        start=start,
        end=end,
        entity=entity,
        query=query,
        limit=limit,
        options=State.options,
    )
    _emit(payload) if as_json else tables.timeline(out, payload)


@app.command()
def quotes(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's quotes.")] = None,
) -> None:
    """Who said what."""
    payload = api.quotes(_store(read_only=True), speaker=speaker)
    _emit(payload) if as_json else tables.quotes(out, payload)


@app.command()
def entities(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Who is who: one entity per actor, with aliases."""
    payload = api.entities(_store(read_only=True))
    _emit(payload) if as_json else tables.entities(out, payload)


@app.command()
def sources(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Outlets, who cites whom, and copies."""
    payload = api.sources(_store(read_only=True))
    _emit(payload) if as_json else tables.sources(out, payload)


@app.command()
def facts(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Numbers with units, and where outlets disagree."""
    payload = api.facts(_store(read_only=True))
    _emit(payload) if as_json else tables.facts(out, payload)


@app.command()
def report(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="html | md | json | timelinejs")] = "html",
) -> None:
    """One self-contained report file."""
    from .report import FORMATS, render

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    text = render(_store(read_only=True), fmt, options=State.options)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """The local web workspace (read-only on the store)."""
    import uvicorn

    from .web import create_app

    _store(read_only=True).close()
    uvicorn.run(create_app(State.options.db), host=host, port=port, log_level="warning")


def main() -> None:
    try:
        app()
    except StorylineError as exc:  # a coded error that escaped a command
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)
