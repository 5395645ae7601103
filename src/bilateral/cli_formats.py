"""The commands beside other event datasets: `bilateral import` and `bilateral compare`."""
from __future__ import annotations

import json
import sys
from typing import List, Optional, Tuple

import typer

from .cli_common import CSV, _corpus, _pair, _run, app, emit, err, out


@app.command("import")
def import_events(ctx: typer.Context, dataset: str = typer.Argument(..., help="gdelt, icews or polecat."),
                  files: List[str] = typer.Argument(..., help="Event files (tab-separated; plain, gzip or zip)."),
                  as_json: bool = typer.Option(False, "--json", help="The import report as JSON.")):
    """Import another dataset's events beside the record (they never merge into its events)."""
    def go():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        with _corpus(ctx) as corpus:
            with Progress(SpinnerColumn(), TextColumn("importing {task.completed:,} events"), TimeElapsedColumn(),
                          console=err, transient=True, disable=as_json or not err.is_terminal) as bar:
                task = bar.add_task("import", total=None)
                report = corpus.import_events(dataset, files, progress=lambda n: bar.advance(task, n))
        for e in report.errors:
            err.print(f"[yellow]skipped[/yellow] {e}")
        for r in report.rows:
            err.print(f"[yellow]bad row[/yellow] {r}")
        if report.bad_rows > len(report.rows):
            err.print(f"... and {report.bad_rows - len(report.rows)} more bad rows")
        if as_json:
            sys.stdout.write(json.dumps(report.to_dict()) + "\n")
        else:
            out.print(f"{dataset}: {len(report.files)} files read, {report.stored} events stored, "
                      f"{report.bad_rows} bad rows, {len(report.errors)} files skipped")
    _run(go)


@app.command()
def compare(ctx: typer.Context, pair: Tuple[str, str] = typer.Option(..., "--pair", help="Two countries: codes or names."),
            dataset: str = typer.Option("gdelt", "--with", help="The imported dataset: gdelt, icews or polecat."),
            start: Optional[str] = typer.Option(None, "--from"), end: Optional[str] = typer.Option(None, "--to"),
            window: int = typer.Option(7, "--window", help="Days two dates may lie apart and still match."),
            as_json: bool = typer.Option(False, "--json", help="The comparison as one JSON object."),
            as_csv: bool = CSV):
    """A pair's events beside an imported dataset's: counterparts, date differences, events one side lacks."""
    def go():
        from .formats.compare import rows
        with _corpus(ctx, read_only=True) as corpus:
            c = corpus.compare(_pair(pair), dataset, start, end, window)
        if as_json:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
            return
        emit(rows(c), ["kind", "type", "own_date", "external_date", "days_apart", "own", "external"], False, as_csv,
             f"{c.pair.replace('|', ' ')} beside {dataset}")
        if not as_csv:
            kinds = [k.kind for k in c.counterparts]
            out.print(f"{kinds.count('match')} matched, {kinds.count('retrospective')} retrospective, "
                      f"{len(c.own_only)} only in the record, {len(c.external_only)} only in {dataset}"
                      + (f", {c.uncategorised} without a PLOVER category" if c.uncategorised else ""))
            for k in c.counterparts:
                if k.kind == "retrospective":
                    out.print(f"  retrospective: {k.explanation}")
    _run(go)
