"""The `tieline` command: thin, it parses, calls the library, prints."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import TielineError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="tieline: a sourced knowledge base of the relations between countries.")
out = Console()
err = Console(stderr=True)

DB_OPTION = typer.Option("kb.sqlite", "--db", help="Knowledge base file (SQLite).")


def _fail(exc: TielineError) -> None:
    err.print(f"[bold red]error[/] {exc.code}: {exc.message}", highlight=False)
    if exc.hint:
        err.print(f"[dim]hint:[/] {exc.hint}", highlight=False)
    raise typer.Exit(2)


def _open(db_path: Path):
    from .store import db
    return db.connect(db_path, readonly=True)


@app.command()
def build(
    paths: List[Path] = typer.Argument(None, help="Files or folders (.txt .html .md .jsonl), read recursively."),
    db: Path = DB_OPTION,
    urls: Optional[Path] = typer.Option(None, "--urls", help="File of URLs to fetch, one a line."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for extraction (default 0: all cores)."),
    engine: str = typer.Option("local", "--engine", help="local or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Read articles, extract facts, and add them to the knowledge base (incremental)."""
    import os

    from .engine.build import build as run_build
    from .ingest.fetch import read_url_list
    try:
        url_list = read_url_list(urls) if urls else []
        if not paths and not url_list:
            # No input: open (and migrate) the knowledge base, re-run fusion.
            paths = []
        jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
        inputs = [str(p) for p in paths or []]
        report = _with_progress(lambda tick: run_build(inputs, db, urls=url_list, jobs=jobs, engine=engine,
                                                       scheduler=scheduler, progress=tick),
                                quiet, lambda: _count_inputs(inputs) + len(url_list))
    except TielineError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: what was committed is kept; run the same command again to resume.")
        raise typer.Exit(130)
    out.print(f"[bold]{report.new}[/] new documents, {report.known} already known, "
              f"{report.duplicate} duplicates, [bold]{len(report.problems)}[/] problems "
              f"({report.inputs} inputs); {report.events} events, {report.quotes} quotes, "
              f"{report.figures} figures extracted -> {db}", highlight=False)
    if report.problems:
        table = Table("source", "code", "reason", title="problems", title_justify="left")
        for p in report.problems[:50]:
            table.add_row(p.source, p.code, p.message)
        err.print(table)
        if len(report.problems) > 50:
            err.print(f"... and {len(report.problems) - 50} more: tieline problems --db {db}")
    if report.extract_failures:
        err.print(f"[yellow]{report.extract_failures} documents stored without extracted facts[/] (see problems)")
    if report.problems or report.extract_failures:
        raise typer.Exit(1)


def _count_inputs(paths: list[str]) -> int:
    """How many inputs a build will see (a cheap walk, for the progress bar's ETA)."""
    from .ingest.readers import walk
    return sum(1 for _ in walk(paths))


def _with_progress(fn, quiet: bool, total=None):
    if quiet or not err.is_terminal:
        return fn(None)
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("inputs"), TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                  TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("counting", total=None, stats="")
        bar.update(task, total=total() if total else None, description="building")

        def tick(phase: str, advance: int, stats: dict) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            ev = stats.get("events")
            if ev and elapsed:
                bar.update(task, stats=f"{ev} events ({ev / elapsed:.0f}/s)")
            bar.update(task, advance=advance, description=phase)
        return fn(tick)


@app.command()
def export(
    db: Path = DB_OPTION,
    format: str = typer.Option("eval", "--format", "-f", help="eval | jsonl | csv"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (a folder for csv); default stdout."),
) -> None:
    """Write the knowledge base as eval JSON, JSONL or CSV."""
    from .export.evalfmt import export_eval
    from .export.tables import iter_jsonl, write_csv
    try:
        conn = _open(db)
        if format == "eval":
            text = json.dumps(export_eval(conn), ensure_ascii=False, indent=1, sort_keys=False)
            _write(text + "\n", output)
        elif format == "jsonl":
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in iter_jsonl(conn))
            _write(text, output)
        elif format == "csv":
            if output is None:
                raise TielineError("T401", "csv export needs -o FOLDER", "e.g. tieline export --format csv -o out/")
            for p in write_csv(conn, output):
                err.print(f"wrote {p}")
        else:
            raise TielineError("T402", f"unknown format {format!r}", "use eval, jsonl or csv")
    except TielineError as exc:
        _fail(exc)


def _write(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise TielineError("T403", f"cannot write {output}: {exc.strerror or exc}", "check the folder exists and is writable")
    err.print(f"wrote {output}")


@app.command()
def info(db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Counts, languages, date range and problems of a knowledge base."""
    from .store import db as store
    try:
        conn = _open(db)
        c = store.counts(conn)
    except TielineError as exc:
        _fail(exc)
    if as_json:
        out.print_json(json.dumps(c))
        return
    table = Table(show_header=False, title=str(db), title_justify="left")
    for key in ("documents", "events", "quotes", "figures", "mentions", "entities", "clusters", "conflicts",
                "near_duplicates", "problems", "runs"):
        table.add_row(key, str(c[key]))
    table.add_row("languages", ", ".join(f"{k} {v}" for k, v in c["languages"].items()) or "-")
    lo, hi = c["published_range"]
    table.add_row("published", f"{lo or '?'} .. {hi or '?'}")
    if c["problem_codes"]:
        table.add_row("problem codes", ", ".join(f"{k} {v}" for k, v in sorted(c["problem_codes"].items())))
    out.print(table)


@app.command()
def problems(db: Path = DB_OPTION) -> None:
    """Inputs that could not be read, with their reason."""
    from .store import db as store
    try:
        rows = store.problems(_open(db))
    except TielineError as exc:
        _fail(exc)
    table = Table("source", "code", "stage", "reason")
    for r in rows:
        table.add_row(r["source"], r["code"], r["stage"], r["message"])
    out.print(table if rows else "no problems")


def _kb(db_path: Path):
    from .query import KB
    return KB(db_path)


def _emit(rows, as_json: bool, columns: list[tuple[str, str]], title: str = "") -> None:
    """Rows as JSON, or as a rich table of the named (key, header) columns."""
    from .query import as_json as dumps
    if as_json:
        sys.stdout.write(dumps(rows) + "\n")
        return
    if not rows:
        out.print("nothing found")
        return
    table = Table(title=title or None, title_justify="left", expand=True)
    for key, header in columns:
        # prose columns take the width; short codes stay on one line
        if key in WIDE_COLUMNS:
            table.add_column(header, ratio=1, min_width=28, overflow="fold")
        else:
            table.add_column(header, overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r.get(k)) for k, _ in columns])
    out.print(table)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    if isinstance(v, dict) and "value" in v:
        return f"{v.get('qualifier', '') and v['qualifier'] + ' '}{v['value']:,.0f} {v['unit']}"
    if isinstance(v, float):
        return f"{v:,.2f}"
    return str(v)


JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")
WIDE_COLUMNS = {"evidence", "text", "about", "side a", "side b", "role list", "aliases", "affiliation", "title"}


@app.command()
def timeline(pair: Optional[str] = typer.Option(None, "--pair", help="Country pair, e.g. PAK-RUS."),
             db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Dated, de-duplicated events in order; planned/proposed ones marked as such."""
    try:
        rows = _kb(db).timeline(pair)
    except TielineError as exc:
        _fail(exc)
    if not as_json:
        for r in rows:
            r["status"] = r["status"] + ("*" if r["intended"] else "")
    _emit(rows, as_json, [("date", "date"), ("type", "type"), ("status", "status"), ("countries", "countries"),
                          ("evidence", "evidence"), ("doc", "source"), ("n_docs", "docs")],
          f"timeline {pair or ''}".strip())
    if rows and not as_json:
        out.print("[dim]* planned or proposed: not a fact yet. docs: reports telling of the event.[/]")


@app.command()
def trend(pair: Optional[str] = typer.Option(None, "--pair", help="Country pair, e.g. PAK-RUS."),
          period: str = typer.Option("year", "--period", help="year, quarter or month."),
          db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Cooperation (+) / conflict (-) score per period, each real event counted once."""
    try:
        rows = _kb(db).trend(pair, period)
    except TielineError as exc:
        _fail(exc)
    for r in rows:
        r["period"] = r["period"] or "undated"
    _emit(rows, as_json, [("period", "period"), ("n", "events"), ("score", "score"), ("mean", "mean"),
                          ("cooperation", "cooperation"), ("conflict", "conflict"), ("n_intended", "intended")],
          "trend (Goldstein-like weights, -10..+10 per event)")


@app.command()
def quotes(speaker: Optional[str] = typer.Option(None, "--speaker", help="Name, part of a name, or affiliation."),
           db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Direct quotations with their speakers."""
    try:
        rows = _kb(db).quotes(speaker, limit=10**9)["items"]
    except TielineError as exc:
        _fail(exc)
    _emit(rows, as_json, [("speaker", "speaker"), ("affiliation", "affiliation"), ("text", "quote"), ("doc", "source")])


@app.command()
def entities(type: Optional[str] = typer.Option(None, "--type", help="PERSON, ORG, GROUP or PROJECT."),
             db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """People, organizations, groups and projects, each once with its aliases."""
    try:
        rows = _kb(db).entities(type)
    except TielineError as exc:
        _fail(exc)
    for r in rows:
        r["role list"] = sorted({x["title"] for x in r["roles"]})
    _emit(rows, as_json, [("name", "name"), ("type", "type"), ("country", "country"), ("aliases", "aliases"),
                          ("role list", "roles")])


@app.command()
def entity(name: str = typer.Argument(..., help="Name, alias or id."), db: Path = DB_OPTION,
           as_json: bool = JSON_OPTION) -> None:
    """One entity: aliases, roles over time, quotes and events."""
    try:
        hit = _kb(db).entity(name)
    except TielineError as exc:
        _fail(exc)
    if hit is None:
        err.print(f"no entity named {name!r} (try: tieline entities --db {db})")
        raise typer.Exit(1)
    if as_json:
        _emit(hit, True, [])
        return
    out.print(f"[bold]{hit['name']}[/] ({hit['type']}{', ' + hit['country'] if hit['country'] else ''})")
    if hit["aliases"]:
        out.print("aliases: " + ", ".join(hit["aliases"]))
    _emit(hit["roles"], False, [("title", "role"), ("doc", "document"), ("date", "as of")], "roles over time")
    _emit(hit["quotes"], False, [("text", "quote"), ("doc", "source")], "quotes")
    _emit(hit["events"], False, [("date", "date"), ("type", "type"), ("status", "status"), ("evidence", "evidence")],
          "events")


@app.command()
def conflicts(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Statements that cannot both be true, with both sides cited."""
    try:
        rows = _kb(db).conflicts()
    except TielineError as exc:
        _fail(exc)
    for r in rows:
        r["side a"] = f"{r['a']['evidence']} [{r['a']['doc']}]"
        r["side b"] = f"{r['b']['evidence']} [{r['b']['doc']}]"
    _emit(rows, as_json, [("kind", "kind"), ("about", "about"), ("side a", "one says"), ("side b", "another says")])


@app.command()
def serve(db: Path = DB_OPTION,
          host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: this machine only)."),
          port: int = typer.Option(8765, "--port", help="Port.")) -> None:
    """Explore the knowledge base in a browser (read-only web UI and JSON API under /api/)."""
    from .web.app import serve as run_server
    try:
        _open(db).close()
        err.print(f"serving {db} at http://{host}:{port}/  (API: /api/, press Ctrl-C to stop)")
        run_server(db, host=host, port=port)
    except TielineError as exc:
        _fail(exc)


@app.command()
def brief(pair: Optional[str] = typer.Option(None, "--pair", help="Country pair, e.g. PAK-RUS."),
          db: Path = DB_OPTION,
          format: str = typer.Option("html", "--format", "-f", help="html (self-contained) or md."),
          output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: stdout).")) -> None:
    """A self-contained report: numbers, trend and trade charts, key events with citations."""
    from .export.brief import brief as write_brief
    try:
        text = write_brief(db, pair, format, output)
    except TielineError as exc:
        _fail(exc)
    if output is None:
        sys.stdout.write(text)
    else:
        err.print(f"wrote {output}")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(f"tieline {__version__}")


def main() -> None:
    try:
        app()
    except TielineError as exc:  # pragma: no cover - commands catch their own
        err.print(f"error {exc.code}: {exc.message}")
        sys.exit(2)


if __name__ == "__main__":
    main()
