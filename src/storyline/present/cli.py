"""The command line: a thin shell over ``storyline.api`` (contract: shared/spec/cli.md).

Exit status: 0 all good; 1 some items failed (each named on stderr); 2 usage.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..errors import StorylineError
from ..options import Options

# The API and the store (SQLAlchemy, NumPy, spaCy behind them) load when a command
# runs, not for ``--help`` (start-up time).
if TYPE_CHECKING:
    from .. import api
    from ..store import Store, redact
else:
    from ..lazy import LazyCallable, LazyModule

    api = LazyModule("storyline.api")
    Store = LazyCallable("storyline.store", "Store")
    redact = LazyCallable("storyline.store", "redact")
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
    story: str | None = None  # --story ID: the views show that story only


def _say(label: str, style: str, message: object) -> None:
    """One line on stderr. The message is printed as text, never as rich markup:
    it carries file names, manifest entries and article text."""
    err.print(Text.assemble((f"{label}: ", style), str(message)), highlight=False)


def _fail(message: object, status: int = 1) -> NoReturn:
    _say("error", "red", message)
    raise typer.Exit(status)


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Store: a SQLite path, :memory: or postgresql://... [env STORYLINE_DB]"),
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Annotation processes (default 1).")] = None,
    story: Annotated[
        str | None,
        typer.Option("--story", help="Show this story only (`storyline stories` lists the ids)."),
    ] = None,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh",
            help="Compute every view from the records, not from what `storyline refresh` stored.",
        ),
    ] = False,
) -> None:
    State.story = story
    try:
        State.options = Options.from_env(db=db, workers=workers, snapshots=not fresh)
    except StorylineError as exc:
        _fail(str(exc), 2)


def _store(read_only: bool = False) -> Store:
    try:
        return Store(State.options.db, read_only=read_only)
    except StorylineError as exc:
        _fail(str(exc))


def _view_store() -> Store:
    """The store for a view command, with a warning when some of it is not annotated:
    a view of a half-annotated store is not the whole story."""
    try:
        store = Store(State.options.db, read_only=True)
    except StorylineError as exc:
        if getattr(exc, "code", "") != "E402":
            _fail(str(exc))
        _store().close()  # a store made by an older storyline: migrate it once, then read
        store = _store(read_only=True)
    missing = store.not_annotated()
    if missing:
        failed = len(store.failures())
        why = (
            f"{failed} could not be annotated (`storyline add` lists them)"
            if failed >= missing
            else "an interrupted `add`? run the same `storyline add` again to finish"
        )
        _say("warning", "yellow", f"{missing} of {store.counts()['articles']} articles are not annotated ({why})")
    return store


def _view(name: str, **params: Any) -> Any:
    """A view's payload over the store, of the ``--story`` story when one is given."""
    try:
        payload = api.story(_view_store(), State.options, story=State.story).view(name, **params)
    except StorylineError as exc:
        _fail(str(exc))
    as_of = payload.get("as_of") if isinstance(payload, dict) else None
    if as_of and not as_of["current"]:
        _say(
            "note",
            "cyan",
            f"{name} as `storyline refresh` built it from {as_of['articles']} articles; the store "
            "has changed since (run `storyline refresh`, or --fresh to compute it now)",
        )
    return payload


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
            if stage == "resume":
                _say("note", "cyan", f"annotating {done} articles left by an interrupted run")
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        try:
            report = api.add(store, paths or [], manifest=manifest, options=State.options, progress=progress)
        except StorylineError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            bar.stop()
            counts = store.counts()
            _say(
                "interrupted",
                "red",
                f"{counts['articles']} articles stored, {counts['annotated']} annotated; "
                "run the same command again to finish (nothing stored is lost)",
            )
            raise typer.Exit(130) from None
    for error in report.errors:
        _say("error", "red", error)
    for error in report.earlier_failures:
        _say("note", "cyan", f"not annotated by an earlier run, not retried: {error}")
    if as_json:
        _emit(
            {
                "added": report.added,
                "unchanged": report.unchanged,
                "resumed": report.resumed,
                "errors": [{"item": e.item, "code": e.code, "message": e.message} for e in report.errors],
            }
        )
    else:
        err.print(
            f"added {len(report.added)}, already stored {len(report.unchanged)}, "
            f"failed {len(report.errors)}"
            + (f", resumed {report.resumed}" if report.resumed else ""),
            highlight=False,
        )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def articles(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List stored articles."""
    payload = _view("articles")
    _emit(payload) if as_json else tables.articles(out, payload)


@app.command()
def timeline(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY-MM-DD).")] = None,
    entity: Annotated[str | None, typer.Option(help="Keep to events involving this actor.")] = None,
    query: Annotated[str | None, typer.Option(help="Keep to events matching these words.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N dates (the most important).")] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every dated happening, not only the digest.")
    ] = False,
) -> None:
    """The digest: the dates that matter, a few sentences each (--all: every dated happening)."""
    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    payload = _view(
        "timeline", start=start, end=end, entity=entity, query=query, limit=limit, all=show_all
    )
    _emit(payload) if as_json else tables.timeline(out, payload)


@app.command()
def quotes(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's quotes.")] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every quote extracted, not only the confident ones.")
    ] = False,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only quotes this outlet carried.")] = None,
    direct: Annotated[bool, typer.Option("--direct", help="Only direct quotes.")] = False,
    indirect: Annotated[bool, typer.Option("--indirect", help="Only indirect (reported) speech.")] = False,
    anonymous: Annotated[bool, typer.Option("--anonymous", help="Only anonymous sources.")] = False,
    named: Annotated[bool, typer.Option("--named", help="Only named speakers.")] = False,
    page: Annotated[int | None, typer.Option(min=1, help="Page N of --per-page quotes.")] = None,
    per_page: Annotated[int | None, typer.Option("--per-page", min=1, help="Quotes a page (default: all).")] = None,
) -> None:
    """Who said what (the confident quotes; --all: everything extracted), by speaker."""
    if direct and indirect or anonymous and named:
        _fail("--direct/--indirect and --anonymous/--named each keep one kind: give one of a pair", 2)
    payload = _view(
        "quotes",
        speaker=speaker,
        all=show_all,
        start=_date(date_from, "--from"),
        end=_date(date_to, "--to"),
        outlet=outlet,
        direct=direct,
        indirect=indirect,
        anonymous=anonymous,
        named=named,
        page=page,
        per_page=per_page,
    )
    _emit(payload) if as_json else tables.quotes(out, payload)


@app.command()
def entities(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Who is who: one entity per actor, with aliases."""
    payload = _view("entities")
    _emit(payload) if as_json else tables.entities(out, payload)


@app.command()
def sources(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Outlets, who cites whom, and copies."""
    payload = _view("sources")
    _emit(payload) if as_json else tables.sources(out, payload)


@app.command()
def facts(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Numbers with units, and where outlets disagree."""
    payload = _view("facts")
    _emit(payload) if as_json else tables.facts(out, payload)


@app.command()
def changes(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    entity: Annotated[
        str | None, typer.Option(help="Positions held by this actor, figures about it.")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every position and figure series found.")
    ] = False,
) -> None:
    """What changed: positions (stance per dated mention) and figures over time."""
    payload = _view("changes", entity=entity, all=show_all)
    if as_json:
        _emit(payload)
        return
    for p in payload["positions"]:
        out.print(Text.assemble((p["actor"], "bold"), f" on “{p['claim']}”"), highlight=False)
        for step in p["steps"]:
            first = step["evidence"][0]
            line = f"  {step['date']:<10} {step['stance']:<9} {first['sentence']} ({first['outlet'] or '?'})"
            low = " [low confidence]" if first.get("low_confidence") else ""
            out.print(Text.assemble(line, (low, "dim")), highlight=False)
    for f in payload["figures"]:
        moves = "; ".join(
            f"{c['before']:g} → {c['after']:g} ({c['start']} → {c['end']})" for c in f["changes"]
        )
        spreads = "; ".join(
            f"{d['date']}: {d['spread']} ({', '.join(d['outlets'])})" for d in f["disagreements"]
        )
        title = Text.assemble((f["about"], "bold"), f"  {len(f['series'])} figures")
        out.print(title, highlight=False)
        if moves:
            out.print(Text(f"  changed: {moves}"), highlight=False)
        if spreads:
            out.print(Text(f"  outlets disagree: {spreads}"), highlight=False)


@app.command()
def stories(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The stories in a mixed pile, largest first, each with its articles."""
    payload = _view("stories")
    if as_json:
        _emit(payload)
        return
    for row in payload["stories"]:
        out.print(
            Text.assemble(
                (row["id"], "bold"),
                f"  {row['size']} articles, {row['first']} to {row['last']}  ",
                row["title"] or "(no headline)",
            ),
            highlight=False,
        )


@app.command()
def refresh(
    min_articles: Annotated[
        int | None,
        typer.Option(min=1, help="Materialize stories of at least N articles (default 150)."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Rebuild scopes that are already current.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Build the overview and the digest ahead of reading, for the whole pile and each
    large story, so they open at once however large the store (run after `add`)."""
    store = _store()
    try:
        done = api.refresh(store, State.options, min_articles=min_articles, force=force)
    except StorylineError as exc:
        _fail(str(exc))
    rows = [{"scope": r.scope or None, "articles": r.articles, "seconds": r.seconds} for r in done]
    if as_json:
        _emit({"refreshed": rows, "revision": store.revision()})
        return
    for row in rows:
        err.print(
            f"{row['scope'] or 'whole pile'}: {row['articles']} articles, {row['seconds']} s",
            highlight=False,
        )
    err.print(f"refreshed {len(rows)} scopes" if rows else "every scope is current", highlight=False)


@app.command()
def new(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    since: Annotated[str | None, typer.Option(help="Everything published on or after (YYYY-MM-DD).")] = None,
    article: Annotated[str | None, typer.Option(help="What this article adds (`storyline articles` lists ids).")] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every quote extracted, not only the confident ones.")
    ] = False,
) -> None:
    """What is new: what an article, or everything since a date, adds to what came before."""
    if (since is None) == (article is None):
        _fail("give one of --since DATE or --article ID", 2)
    payload = _view("new", since=_date(since, "--since"), article=article, all=show_all)
    if as_json:
        _emit(payload)
        return
    for item in payload["items"]:
        out.print(
            Text.assemble(
                (f"{item['kind']:<7}", "bold"),
                f" {item['date'] or '':<10} {item['text']}  ",
                (f"({item['outlet'] or '?'}, {item['first_seen'] or 'undated'})", "dim"),
            ),
            highlight=False,
        )


@app.command()
def report(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="html | md | json | timelinejs")] = "html",
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY-MM-DD).")] = None,
    entity: Annotated[str | None, typer.Option(help="Keep to this actor.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N dates in the digest.")] = None,
) -> None:
    """One self-contained report file: the digest first, then actors, quotes, figures, sources."""
    from .report import FORMATS, render

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    text = render(
        _view_store(),
        fmt,
        options=State.options,
        start=_date(date_from, "--from"),
        end=_date(date_to, "--to"),
        entity=entity,
        limit=limit,
        story=State.story,
    )
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        _say("wrote", "green", output)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Host name the server may be reached by, besides localhost (repeatable; "
            "'*.example.org' for a domain). Others are refused, against DNS rebinding.",
        ),
    ] = None,
) -> None:
    """The local web workspace (read-only on the store)."""
    import uvicorn

    from .web import create_app

    _view_store().close()
    _check_port(host, port)
    app_ = create_app(State.options.db, allowed_hosts=[host, *(allow_host or [])])
    uvicorn.run(app_, host=host, port=port, log_level="warning")


def _check_port(host: str, port: int) -> None:
    """A clear coded error for a port that cannot be had, before uvicorn's own."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        _fail(f"[E501] cannot serve on {host}: {exc}", 2)
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            _fail(f"[E502] cannot serve on {host}:{port}: {exc.strerror or exc}; pick another --port")


def _story_first(argv: list[str]) -> list[str]:
    """``--story ID`` may follow the subcommand (spec/cli.md): move it before, where
    the global option is read."""
    for i, arg in enumerate(argv):
        if arg == "--story" and i + 1 < len(argv):
            return [*argv[i : i + 2], *argv[:i], *argv[i + 2 :]]
        if arg.startswith("--story="):
            return [arg, *argv[:i], *argv[i + 1 :]]
    return argv


def main() -> None:
    try:
        app(args=_story_first(sys.argv[1:]))
    except StorylineError as exc:  # a coded error that escaped a command
        _say("error", "red", exc)
        sys.exit(1)
    except Exception as exc:
        # A store that broke under a command (damaged, or its server went away). Read
        # from sys.modules: a command that never opened a store never imported
        # SQLAlchemy, so `--help` starts without it.
        dbapi = sys.modules.get("sqlalchemy.exc")
        if dbapi is None or not isinstance(exc, dbapi.DBAPIError):
            raise
        from ..store import scrub

        detail = scrub(str(exc.orig), State.options.db)
        _say("error", "red", f"[E406] store {redact(State.options.db)} failed: {detail}")
        sys.exit(1)
