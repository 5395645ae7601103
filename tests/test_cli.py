"""The command line as a user meets it: real commands over a real store."""
from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from bilateral.cli import app

runner = CliRunner()


def test_listing_commands_share_output_options(corpus_store):
    path, _ = corpus_store
    db = ["--db", str(path)]
    docs = runner.invoke(app, db + ["docs", "--json"])
    assert docs.exit_code == 0, docs.output
    rows = [json.loads(line) for line in docs.output.splitlines()]
    assert len(rows) == 4 and {"doc_id", "title", "published"} <= set(rows[0])
    csv = runner.invoke(app, db + ["claims", "--pair", "Canada", "Mexico", "--csv"])
    assert csv.exit_code == 0 and csv.output.splitlines()[0].startswith("claim_id,")
    table = runner.invoke(app, db + ["timeline", "--pair", "BRA", "ARG"])
    assert table.exit_code == 0 and "2023-01-23" in table.output
    pairs = runner.invoke(app, db + ["pairs", "--json"])
    assert any(json.loads(line)["pair"] == "ARG BRA" for line in pairs.output.splitlines())


def test_unknown_country_and_missing_store_are_clear_errors(corpus_store, tmp_path):
    path, _ = corpus_store
    bad = runner.invoke(app, ["--db", str(path), "timeline", "--pair", "Brazil", "Narnia"])
    assert bad.exit_code == 2 and "Narnia" in bad.output
    missing = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "docs"])
    assert missing.exit_code == 2 and "ingest" in missing.output


def test_export_writes_the_four_files_with_the_contract_fields(corpus_store, tmp_path):
    path, _ = corpus_store
    for fmt in ("jsonl", "csv", "parquet"):
        res = runner.invoke(app, ["--db", str(path), "export", "--format", fmt, "--out", str(tmp_path / fmt)])
        assert res.exit_code == 0, res.output
        for name in ("documents", "events", "claims", "conflicts"):
            assert (tmp_path / fmt / f"{name}.{fmt}").exists()
    fields = {
        "documents": {"doc_id", "source_path", "title", "outlet", "author", "published", "published_basis",
                      "n_chars_raw", "n_chars_clean"},
        "events": {"event_id", "date", "date_end", "date_basis", "source", "target", "event_type", "mode",
                   "context", "cameo", "quad", "modality", "summary", "mentions"},
        "claims": {"claim_id", "metric", "subject", "object", "scope", "value", "low", "high", "qualifier", "unit",
                   "period_start", "period_end", "period_kind", "as_of", "rank", "text", "doc_id", "sentence",
                   "char_start", "char_end"},
    }
    for name, wanted in fields.items():
        rows = [json.loads(x) for x in (tmp_path / "jsonl" / f"{name}.jsonl").read_text().splitlines()]
        assert rows and all(wanted <= set(r) for r in rows), name
    events = [json.loads(x) for x in (tmp_path / "jsonl" / "events.jsonl").read_text().splitlines()]
    for e in events:
        assert set(e["source"]) >= {"code", "name"} and e["mentions"]
        assert {"doc_id", "sentence", "char_start", "char_end"} <= set(e["mentions"][0])


def test_python_dash_m_runs_the_same_commands(corpus_store):
    path, _ = corpus_store
    out = subprocess.run([sys.executable, "-m", "bilateral", "--db", str(path), "conflicts", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for line in out.stdout.splitlines():
        k = json.loads(line)
        assert k["kind"] in {"value", "rank", "date", "outlier", "plan_vs_fact"} and k["explanation"]


def test_timex_command_prints_timeml_values(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("Germany pledged aid last month, after talks in March 1990.", encoding="utf-8")
    res = runner.invoke(app, ["timex", "--dct", "2019-06-12", str(f)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("last month", "2019-05"), ("March 1990", "1990-03")]
    assert all(f.read_text()[r["start"]:r["end"]] == r["text"] for r in rows)


def test_plot_draws_each_sources_figures(corpus_store, tmp_path):
    path, _ = corpus_store
    res = runner.invoke(app, ["--db", str(path), "plot", "--metric", "trade", "--pair", "CAN", "MEX",
                              "--out", str(tmp_path / "trade.svg")])
    assert res.exit_code == 0, res.output
    svg = (tmp_path / "trade.svg").read_text()
    assert svg.startswith("<?xml") and "<svg" in svg and "trade: CAN – MEX" in svg
    none = runner.invoke(app, ["--db", str(path), "plot", "--metric", "students", "--pair", "CAN", "MEX",
                               "--out", str(tmp_path / "x.png")])
    assert none.exit_code == 2 and "no students claims" in none.output
