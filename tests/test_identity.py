"""Identity: one article however it is wrapped or spaced is one document, and merged events are named
the same whatever order the documents were ingested in."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import bilateral
from bilateral.model import identity_text, text_id

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "src" / "bilateral" / "data" / "sample"
PARAGRAPHS = [
    "Indonesia and Australia signed a maritime security treaty in Jakarta on 12 March 2019, after two years "
    "of talks between their foreign ministers about long-term patrols in the Timor Sea.",
    "Australia will give Indonesia 40 million dollars over five years to train coast guard officers, the "
    "ministers said. Trade between the two countries reached 17 billion dollars last year.",
    "Officials said the first joint patrols would begin in June.",
]


def _variants() -> list:
    flowing = "\n\n".join(PARAGRAPHS)
    wrapped = lambda width, **kw: "\n\n".join(textwrap.fill(p, width, **kw) for p in PARAGRAPHS)
    return [
        flowing,
        wrapped(72),
        wrapped(60),
        wrapped(40, break_on_hyphens=True),
        wrapped(72).replace("\n", "\r\n"),
        flowing.replace(" ", "  "),
        flowing.replace(" ", "\t", 7),
        "\n\n".join("   " + p + "   " for p in PARAGRAPHS),
        "\n\n\n".join(PARAGRAPHS) + "\n\n\n",
        "\n".join(textwrap.fill(p, 66) for p in PARAGRAPHS),   # paragraphs split by single line breaks
    ]


def test_identity_text_joins_whitespace_and_wrapped_hyphens():
    assert identity_text("long-\nterm  talks\t now\n\nthen") == "long-term talks now then"
    assert text_id("a  b") == text_id("a\nb") != text_id("ab")


def test_ten_wrappings_and_spacings_of_one_article_are_one_document(tmp_path):
    for i, text in enumerate(_variants()):
        (tmp_path / f"v{i:02d}.txt").write_bytes(text.encode("utf-8"))
    with bilateral.open(tmp_path / "x.duckdb") as corpus:
        report = corpus.ingest([str(tmp_path)])
        assert (report.new, report.known, report.errors) == (1, 9, [])
        (doc,) = corpus.documents()
        assert doc.source_path.endswith("v00.txt")   # the first one read is kept, as it was cleaned
        claims = corpus.claims()
    assert len({(c.metric, c.value) for c in claims}) == len(claims)   # every figure once


def _ids(tmp: Path, paths: list) -> dict:
    with bilateral.open(tmp / "x.duckdb") as corpus:
        corpus.ingest(paths, batch_size=2)
        corpus.export(tmp / "out")
    return {name: sorted(json.loads(line)[key] for line in (tmp / "out" / f"{name}.jsonl").open())
            for name, key in (("events", "event_id"), ("conflicts", "conflict_id"), ("claims", "claim_id"))}


def test_merged_event_ids_do_not_depend_on_the_ingest_order(tmp_path):
    files = sorted(str(p) for p in SAMPLE.glob("*.txt"))
    (tmp_path / "forward").mkdir()
    (tmp_path / "backward").mkdir()
    forward = _ids(tmp_path / "forward", files)
    backward = _ids(tmp_path / "backward", files[::-1])
    assert forward == backward and len(forward["events"]) > 20
