"""What every command of the command line shares: the typer app, its global options, output and errors."""
from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.console import Console
from rich.table import Table

from .errors import BilateralError
from .options import Options

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn articles about relations between countries into a sourced record.")
out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)   # an error is one line, whatever the width


@dataclass(frozen=True)
class Settings:
    """The global options of one invocation, kept on the typer context (`ctx.obj`)."""

    db: str = "bilateral.duckdb"
    options: Options = Options()
    wait: float = 0.0                      # seconds to wait for another writer of the store


@app.callback()
def _global(ctx: typer.Context,
            db: str = typer.Option("bilateral.duckdb", "--db", help="The store (a DuckDB file)."),
            dictionary: Optional[str] = typer.Option(None, "--dictionary",
                                                     help="A user actor dictionary (TSV or JSON)."),
            lexicon: Optional[str] = typer.Option(None, "--lexicon",
                                                  help="A folder of lexicon files extending the shipped ones."),
            wait: float = typer.Option(0.0, "--wait", help="Seconds to wait while another process writes the "
                                       "store (a second writer is refused at once by default; a reader waits "
                                       "for the batch being written in any case).")):
    """Global options go before the command: bilateral --db x.duckdb ingest DIR."""
    ctx.obj = Settings(db=db, options=Options(dictionary=dictionary, lexicon=lexicon), wait=wait)


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings()


def _corpus(ctx: typer.Context, read_only: bool = False, options: Optional[Options] = None):
    """The store named by --db: for reading (never repaired from here), or as its one writer, which
    first finishes what an earlier, stopped ingest left undone."""
    from .api import Corpus
    settings = _settings(ctx)
    if read_only and not Path(settings.db).exists():
        raise BilateralError(f"no store at {settings.db}: run `bilateral ingest PATH` first", settings.db)
    corpus = Corpus(settings.db, read_only=read_only, options=options or settings.options, wait=settings.wait)
    if corpus.repaired:
        err.print(f"[yellow]repaired[/yellow] {_plain(corpus.repaired.describe())}")
    elif read_only and corpus.unfinished():
        err.print(f"[yellow]note[/yellow] {_plain(corpus.unfinished())}")
    return corpus


# --- output ------------------------------------------------------------------------------

def emit(rows: list, columns: list, as_json: bool, as_csv: bool, title: Optional[str] = None) -> None:
    """Print rows as a table (default), JSON Lines or CSV."""
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if as_csv:
        from .export import write_csv
        buf = io.StringIO()
        write_csv(rows, buf)
        sys.stdout.write(buf.getvalue())
        return
    table = Table(title=title, show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
    out.print(table)
    if not rows:
        out.print("(nothing)")


JSON = typer.Option(False, "--json", help="JSON Lines, one object per row.")
CSV = typer.Option(False, "--csv", help="CSV with a header.")


def _needs(module: str, extra: str) -> None:
    """A clear message when an optional part is not installed."""
    import importlib.util
    if importlib.util.find_spec(module) is None:
        raise BilateralError(f"this command needs {module}: pip install -e '.[{extra}]'")


def _run(fn):
    """Turn the package's own errors into a one-line message and exit code 2."""
    try:
        fn()
    except BilateralError as exc:
        err.print(f"[red]error:[/red] {_plain(str(exc))}")
        raise typer.Exit(2)


def _plain(text: str) -> str:
    """Text printed as it is: file names and reasons may hold brackets rich would read as markup."""
    return escape(text)


def _pair(values) -> List[str]:
    """--pair A B as a list of two country arguments."""
    return [v.strip() for v in values]
