"""The command line: a thin layer over the Python API, with the same output options on every listing.

The app and what every command shares are in `cli_common`; the commands beside other event datasets
(import, compare) in `cli_formats`."""
from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import List, Optional, Tuple

import typer

from . import cli_formats  # noqa: F401  (registers import and compare on the app)
from .cli_common import (CSV, JSON, _corpus, _needs, _pair, _plain, _run, _settings, app, emit, err,
                         out)
from .errors import BilateralError
from .options import Options

# --- commands ------------------------------------------------------------------------------

@app.command()
def ingest(ctx: typer.Context, paths: List[str] = typer.Argument(..., help="Files, folders or glob patterns."),
           processes: int = typer.Option(1, "--processes", "-p", help="Worker processes on this machine."),
           engine: str = typer.Option("local", "--engine", help="local or ray."),
           address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address to join."),
           max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Refuse files (and JSON Lines "
                                                   "lines) larger than this many bytes (default 5,000,000)."),
           as_json: bool = JSON):
    """Read documents into the store (re-ingesting a document changes nothing)."""
    def go():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, MofNCompleteColumn
        settings = _settings(ctx)
        options = settings.options.replace(max_bytes=max_bytes) if max_bytes else None
        with _corpus(ctx, options=options) as corpus:
            with Progress(SpinnerColumn(), TextColumn("ingesting"), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err, transient=True, disable=as_json or not err.is_terminal) as bar:
                task = bar.add_task("ingest", total=None)
                report = corpus.ingest(paths, processes=processes, engine=engine, address=address,
                                       progress=lambda n: bar.advance(task, n))
            for e in report.warnings:
                err.print(f"[yellow]warning[/yellow] {_plain(e.path)}: {_plain(e.reason)}")
            for e in report.errors:
                err.print(f"[yellow]skipped[/yellow] {_plain(e.path)}: {_plain(e.reason)}")
            if as_json:
                sys.stdout.write(json.dumps(report.to_dict()) + "\n")
            else:
                c = corpus.counts()
                out.print(f"read {report.read}, new {report.new}, already stored {report.known}, "
                          f"errors {len(report.errors)}; store now holds {c['documents']} documents, "
                          f"{c['events']} events, {c['claims']} claims, {c['conflicts']} conflicts")
    _run(go)


@app.command()
def repair(ctx: typer.Context, everything: bool = typer.Option(False, "--all", help="Reconcile the whole store, not only the "
                                           "batches an earlier ingest left unreconciled."),
           as_json: bool = JSON):
    """Finish what a stopped ingest left undone: reconcile the batches it stored (every writing command does
    this first; this command does it on demand)."""
    def go():
        from .journal import finish_pending
        with _corpus(ctx) as corpus:
            done = corpus.repaired
            if everything or not done:
                done = finish_pending(corpus.store, corpus.options, everything=everything)
            if as_json:
                sys.stdout.write(json.dumps(done.to_dict()) + "\n")
            else:
                out.print("reconciled the whole store" if everything else done.describe())
    _run(go)


@app.command()
def docs(ctx: typer.Context, as_json: bool = JSON, as_csv: bool = CSV):
    """The stored documents: id, title, outlet, published, sizes."""
    def go():
        with _corpus(ctx, read_only=True) as corpus:
            rows = [{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.published,
                     "basis": d.published_basis, "chars_raw": d.n_chars_raw, "chars_clean": d.n_chars_clean,
                     "events": d.events, "claims": d.claims, "source_path": d.source_path}
                    for d in corpus.document_stats()]
        emit(rows, ["doc_id", "title", "outlet", "published", "chars_raw", "chars_clean", "events", "claims"],
             as_json, as_csv, "documents")
    _run(go)


@app.command()
def pairs(ctx: typer.Context, as_json: bool = JSON, as_csv: bool = CSV):
    """Every actor pair in the store with its counts."""
    def go():
        with _corpus(ctx, read_only=True) as corpus:
            rows = [{"pair": p.pair.replace("|", " "), "events": p.events, "claims": p.claims}
                    for p in corpus.pairs()]
        emit(rows, ["pair", "events", "claims"], as_json, as_csv, "pairs")
    _run(go)


def _sources(corpus, mentions: list) -> str:
    titles = {d.doc_id: (d.title or Path(d.source_path).name) for d in corpus.documents()}
    return "; ".join(sorted({titles.get(m.doc_id, m.doc_id) for m in mentions}))


@app.command()
def timeline(ctx: typer.Context, pair: Tuple[str, str] = typer.Option(..., "--pair", help="Two countries: codes or names."),
             start: Optional[str] = typer.Option(None, "--from"), end: Optional[str] = typer.Option(None, "--to"),
             event_type: Optional[str] = typer.Option(None, "--type", help="A PLOVER category."),
             undated: bool = typer.Option(False, "--undated", help="Also list events with no known date."),
             as_json: bool = JSON, as_csv: bool = CSV):
    """Dated events of a pair, oldest first, each with its sources."""
    def go():
        with _corpus(ctx, read_only=True) as corpus:
            events = corpus.timeline(pair=_pair(pair), start=start, end=end, event_type=event_type,
                                     dated_only=not undated)
            if as_json or as_csv:
                rows = [e.to_dict() for e in events]
            else:
                rows = [{"date": e.date + (f"–{e.date_end}" if e.date_end else "") if e.date else "?",
                         "type": e.event_type, "modality": e.modality,
                         "who": f"{e.source.code} → {e.target.code}", "summary": e.summary,
                         "sources": _sources(corpus, e.mentions)} for e in events]
        emit(rows, ["date", "type", "modality", "who", "summary", "sources"], as_json, as_csv, "timeline")
    _run(go)



@app.command()
def claims(ctx: typer.Context, metric: Optional[str] = typer.Option(None, "--metric"),
           pair: Optional[Tuple[str, str]] = typer.Option(None, "--pair", help="Two countries: codes or names."),
           as_json: bool = JSON, as_csv: bool = CSV):
    """The claims ledger: figures grouped by metric, oldest as-of first, conflicts flagged."""
    def go():
        from .views import ledger
        with _corpus(ctx, read_only=True) as corpus:
            items = corpus.claims(metric=metric, pair=_pair(pair) if pair else None)
            flagged = {cid: k.kind for k in corpus.conflicts() for cid in k.claim_ids}
            if as_json or as_csv:
                rows = [dict(c.to_dict(), conflict=flagged.get(c.claim_id)) for c in items]
                emit(rows, [], as_json, as_csv)
                return
            relations = corpus.relations([c.claim_id for c in items])
            for group in ledger(items, flagged, relations):
                decided = ", ".join(f"{k} {n}" for k, n in group["decisions"].items())
                out.print(f"[bold]{group['title']}[/bold]  range {group['range']}  latest {group['latest']}"
                          + (f"  ({decided})" if decided else ""))
                for r in group["relations"]:
                    if r["kind"] in ("agree", "update"):
                        out.print(f"    {r['kind']}: {r['explanation']}")
                emit(group["rows"], ["as_of", "figure", "qualifier", "period", "kind", "scope", "conflict",
                                     "text"], False, False)
    _run(go)


@app.command()
def conflicts(ctx: typer.Context, kind: Optional[str] = typer.Option(None, "--kind"), as_json: bool = JSON, as_csv: bool = CSV):
    """Where sources disagree, each with both passages and a one-line explanation."""
    def go():
        with _corpus(ctx, read_only=True) as corpus:
            rows = []
            for k in corpus.conflicts(kind):
                items = corpus.conflict_items(k)
                passages = [getattr(x, "sentence", None) or (x.mentions[0].sentence if x.mentions else "")
                            for x in items]
                rows.append(dict(k.to_dict(), passages=passages))
        if as_json or as_csv:
            emit(rows, [], as_json, as_csv)
            return
        for r in rows:
            out.print(f"[bold red]{r['kind']}[/bold red] {r['conflict_id']}: {r['explanation']}")
            for p in r["passages"]:
                out.print(f"    “{p}”")
        if not rows:
            out.print("(no conflicts)")
    _run(go)


@app.command()
def plot(ctx: typer.Context, metric: str = typer.Option(..., "--metric"),
         pair: Tuple[str, str] = typer.Option(..., "--pair", help="Two countries: codes or names."),
         out_file: str = typer.Option(..., "--out", help="FILE.svg or FILE.png")):
    """Each source's figures for a metric over time, conflicts circled."""
    def go():
        _needs("matplotlib", "plot")
        from .plot import plot_claims
        with _corpus(ctx, read_only=True) as corpus:
            items = corpus.claims(metric=metric, pair=_pair(pair))
            if not items:
                raise BilateralError(f"no {metric} claims for {' '.join(_pair(pair))}")
            titles = {d.doc_id: d.title or Path(d.source_path).name for d in corpus.documents()}
            path = plot_claims(items, list(corpus.conflicts()), titles, out_file,
                               title=f"{metric}: {' – '.join(_pair(pair))}")
        out.print(str(path))
    _run(go)


@app.command()
def export(ctx: typer.Context, fmt: str = typer.Option("jsonl", "--format",
                                                        help="jsonl, csv or parquet (the record); icews, polecat or timelinejs (events)."),
           out_dir: str = typer.Option(..., "--out", help="Folder to write the files into."),
           pair: Optional[Tuple[str, str]] = typer.Option(None, "--pair", help="Only this pair (event formats).")):
    """Write documents, events, claims and conflicts in the export format, or the events in another format."""
    def go():
        with _corpus(ctx, read_only=True) as corpus:
            written = corpus.export(out_dir, fmt, pair=_pair(pair) if pair else None)
        for p in written:
            out.print(str(p))
        for reason, n in sorted(getattr(written, "left_out", {}).items()):
            err.print(f"left out {n} events: {reason}")
    _run(go)


@app.command()
def demo(ctx: typer.Context):
    """Ingest the sample corpus shipped with the package and show its timeline, ledger and conflicts."""
    def go():
        sample = resources.files("bilateral.data").joinpath("sample")
        with resources.as_file(sample) as folder:
            with _corpus(ctx) as corpus:
                report = corpus.ingest([str(folder / f"*.{ext}") for ext in ("txt", "html", "jsonl")])
                out.print(f"[bold]Ingested[/bold] {report.new} new documents from the sample corpus "
                          f"({report.known} already stored) into {_settings(ctx).db}")
                busiest = [p.pair for p in corpus.pairs() if "" not in p.pair.split("|")][:3]
        for p in busiest:
            timeline(ctx, pair=tuple(p.split("|")), start=None, end=None, event_type=None, undated=False,
                     as_json=False, as_csv=False)
        for p in busiest[:2]:
            claims(ctx, metric=None, pair=tuple(p.split("|")), as_json=False, as_csv=False)
        conflicts(ctx, kind=None, as_json=False, as_csv=False)
    _run(go)


@app.command()
def timex(ctx: typer.Context, file: str = typer.Argument(..., help="A text file."),
          dct: Optional[str] = typer.Option(None, "--dct", help="Document creation time, YYYY-MM-DD.")):
    """Time expressions of a text, one JSON line each, normalized against the document date."""
    def go():
        from .nlp.timex import timex_records
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BilateralError(f"cannot read: {exc}", file)
        for r in timex_records(text, dct):
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    _run(go)


@app.command()
def code(ctx: typer.Context, infile: str = typer.Option(..., "--in", help="JSON Lines of {id, text, date?}."),
         outfile: str = typer.Option("-", "--out", help="Output JSON Lines (default: stdout).")):
    """Code sentences into events without a store."""
    def go():
        from .coder import code_lines
        stream = open(outfile, "w", encoding="utf-8") if outfile != "-" else sys.stdout
        try:
            for row in code_lines(infile, Options.sentences(dictionary=_settings(ctx).options.dictionary,
                                                            lexicon=_settings(ctx).options.lexicon)):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        finally:
            if stream is not sys.stdout:
                stream.close()
    _run(go)


@app.command()
def ask(ctx: typer.Context, question: str = typer.Argument(..., help="A question about the relations in the store."),
        as_json: bool = typer.Option(False, "--json", help="The answer, kind, basis, citations and items as JSON."),
        embed: bool = typer.Option(False, "--embed", help="Add sentence embeddings to retrieval (the embed extra).")):
    """Answer a question from the record, citing the passages it rests on."""
    def go():
        if embed:
            from .ask.embed import require
            require()
        with _corpus(ctx, read_only=True) as corpus:
            answer = corpus.ask(question, embed=embed)
        if as_json:
            sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
            return
        out.print(answer.text)
        out.print(f"[dim]({answer.kind}; from the {answer.basis})[/dim]")
        for i, c in enumerate(answer.citations, 1):
            out.print(f"  [{i}] {c.source_path} — {c.title or ''} ({c.published or 'undated'}): “{c.sentence}”")
    _run(go)


@app.command()
def serve(ctx: typer.Context, host: str = typer.Option("127.0.0.1", "--host"),
          port: int = typer.Option(8000, "--port"),
          allow_host: List[str] = typer.Option([], "--allow-host",
                                               help="Another name this server answers for (the Host header)."),
          workers: int = typer.Option(1, "--workers", help="Server processes sharing the port."),
          cache_mb: float = typer.Option(64, "--cache-mb", min=0,
                                         help="Memory for answers kept until the store changes (0: none).")):
    """Serve the HTTP API and the dashboard over the store, read-only."""
    def go():
        _needs("fastapi", "web")
        _needs("uvicorn", "web")
        from .web.app import serve as run
        settings = _settings(ctx)
        run(settings.db, host=host, port=port, dictionary=settings.options.dictionary, allow_hosts=allow_host,
            workers=workers, cache_mb=cache_mb)
    _run(go)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
