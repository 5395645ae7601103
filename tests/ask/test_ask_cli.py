"""`bilateral ask` on the command line: the readable answer with citations, and --json."""
import json

from typer.testing import CliRunner

from bilateral.cli import app


def test_cli_ask_json_and_text(ask_corpus):
    runner = CliRunner()
    db = ask_corpus.store.path
    out = runner.invoke(app, ["--db", db, "ask", "When did Norway open an embassy in Maputo?", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert {"answer", "kind", "basis", "citations"} <= set(d) and "1983" in d["answer"]
    assert d["kind"] == "date" and d["basis"] in ("record", "passage")
    assert d["citations"][0]["source_path"].endswith("norway_mozambique_aid.txt")
    assert set(d["citations"][0]) == {"doc_id", "source_path", "title", "published", "sentence", "char_start",
                                      "char_end"}
    out = runner.invoke(app, ["--db", db, "ask", "When did Norway open an embassy in Maputo?"])
    assert out.exit_code == 0 and "1983" in out.output and "norway_mozambique_aid.txt" in out.output


def test_cli_embed_names_the_extra_or_uses_it(ask_corpus):
    """--embed answers with sentence embeddings where the extra is installed, and names the extra where not."""
    from bilateral.ask import embed
    runner = CliRunner()
    out = runner.invoke(app, ["--db", ask_corpus.store.path, "ask", "When did Norway open an embassy in Maputo?",
                              "--embed", "--json"])
    if embed.available():
        assert out.exit_code == 0, out.output
        assert "1983" in json.loads(out.output)["answer"]
    else:
        assert out.exit_code != 0 and "embed" in out.output and "pip install -e '.[embed]'" in out.output
