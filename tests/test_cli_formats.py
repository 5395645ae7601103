"""The format commands as a user meets them: import, compare, export to event formats."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from bilateral.cli import app

_spec = importlib.util.spec_from_file_location("gdelt_rows", Path(__file__).parent / "formats" / "gdelt_rows.py")
gdelt_rows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gdelt_rows)
gdelt_event = gdelt_rows.gdelt_event      # the GDELT rows the format tests write

runner = CliRunner()


def test_import_compare_and_export_from_the_command_line(corpus_store, tmp_path):
    path, _ = corpus_store
    db = tmp_path / "cli.duckdb"
    shutil.copy(path, db)
    fixture = tmp_path / "gdelt.CSV"
    fixture.write_text(gdelt_event(1, "20230124", "BRA", "ARG", "057") + "\nnot a row\n", encoding="utf-8")
    imported = runner.invoke(app, ["--db", str(db), "import", "gdelt", str(fixture), "--json"])
    assert imported.exit_code == 0, imported.output
    report = json.loads(imported.stdout.splitlines()[-1])
    assert (report["stored"], report["bad_rows"]) == (1, 1)
    assert f"{fixture}:2: 1 tab-separated columns" in imported.output     # the bad row, named by line
    compared = runner.invoke(app, ["--db", str(db), "compare", "--pair", "Brazil", "Argentina", "--with", "gdelt",
                                   "--json"])
    assert compared.exit_code == 0, compared.output
    c = json.loads(compared.stdout)
    assert c["pair"] == "ARG|BRA" and c["dataset"] == "gdelt"
    assert [k["external_id"] for k in c["counterparts"]] + c["external_only"] == ["1"]
    table = runner.invoke(app, ["--db", str(db), "compare", "--pair", "BRA", "ARG", "--csv"])
    assert table.exit_code == 0 and table.stdout.splitlines()[0].startswith("kind,type,own_date,external_date")
    out = tmp_path / "out"
    for fmt, name in (("icews", "events.icews.tsv"), ("polecat", "events-ARG-BRA.polecat.tsv"),
                      ("timelinejs", "timeline-ARG-BRA.json")):
        extra = [] if fmt == "icews" else ["--pair", "ARG", "BRA"]
        done = runner.invoke(app, ["--db", str(db), "export", "--format", fmt, "--out", str(out)] + extra)
        assert done.exit_code == 0, done.output
        assert (out / name).exists() and str(out / name) in done.stdout.replace("\n", "")
    bad = runner.invoke(app, ["--db", str(db), "export", "--format", "csv", "--out", str(out), "--pair", "A", "B"])
    assert bad.exit_code != 0
    unknown = runner.invoke(app, ["--db", str(db), "import", "acled", str(fixture)])
    assert unknown.exit_code == 2 and "unknown dataset 'acled'" in unknown.output
