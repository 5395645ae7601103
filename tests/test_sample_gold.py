"""The shipped sample corpus and its hand gold agree with each other and with the gold format."""
import html
import json
import re
from pathlib import Path

import pytest

from bilateral.model import CONFLICT_KINDS, METRICS, MODALITIES, PERIOD_KINDS, PLOVER_TYPES, QUALIFIERS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "bilateral" / "data" / "sample"
GOLD = ROOT / "tests" / "gold" / "sample"
OLD_PLOVER = {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def sample_texts():
    """Document name as the scorer sees it -> the text gold offsets point into (None: HTML, no offsets)."""
    texts = {}
    for path in sorted(SAMPLE.iterdir()):
        if path.suffix == ".txt":
            texts[path.name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".html":
            texts[path.name] = None
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                texts[row["url"].rstrip("/").rsplit("/", 1)[-1]] = row["text"]
    return texts


def gold_files():
    return sorted(p for p in GOLD.glob("*.json") if p.name != "conflicts.json")


def test_every_sample_document_has_gold():
    assert sorted(sample_texts()) == sorted(json.loads(p.read_text())["doc"] for p in gold_files())


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_gold_items_stand_in_their_document(path):
    g = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == g["doc"] + ".json"
    text = sample_texts()[g["doc"]]
    visible = html.unescape((SAMPLE / g["doc"]).read_text(encoding="utf-8")) if text is None else text
    assert ISO_DATE.match(g["published"])
    for item in g["events"] + g["claims"]:
        needle = item.get("evidence") or item["text"]
        assert needle in visible, (item["id"], needle)
        if text is not None:
            assert text[item["char_start"]:item["char_end"]] == needle, item["id"]
    for e in g["events"]:
        assert set(e["types"]) <= set(PLOVER_TYPES) | OLD_PLOVER, e["id"]
        assert e["modality"] in MODALITIES and len(e["actors"]) == 2, e["id"]
        assert e["date"] is None or ISO_DATE.match(e["date"]), e["id"]
    for c in g["claims"]:
        assert c["metric"] in METRICS and c["qualifier"] in QUALIFIERS, c["id"]
        assert c["period_kind"] in PERIOD_KINDS, c["id"]
        assert (c["value"] is None) == ("rank" in c), c["id"]


def test_relations_name_existing_items():
    ids = {}
    for p in gold_files():
        g = json.loads(p.read_text(encoding="utf-8"))
        ids[g["doc"]] = {x["id"] for x in g["events"] + g["claims"]}
    rel = json.loads((GOLD / "conflicts.json").read_text(encoding="utf-8"))
    sides = [k[s] for k in rel["conflicts"] + rel["not_conflicts"] for s in ("a", "b")]
    sides += [m["event"] for m in rel["merges"]] + [s for m in rel["merges"] for s in m["same_as"]]
    for side in sides:
        assert (side.get("claim") or side.get("event")) in ids[side["doc"]], side
    assert {k["kind"] for k in rel["conflicts"]} == set(CONFLICT_KINDS)


def test_sample_readme_names_every_file():
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    for path in SAMPLE.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name


def test_test_corpus_copy_differs_only_in_whitespace_and_tail():
    docs = ROOT / "tests" / "docs" / "corpus"
    original = (docs / "brazil_argentina_summit.txt").read_text(encoding="utf-8")
    copy = (docs / "brazil_argentina_summit_copy.txt").read_text(encoding="utf-8")
    stripped = "\n".join(line.rstrip() for line in copy.splitlines())
    assert copy != original
    assert stripped.startswith(original.rstrip("\n"))
    assert "Leave a comment" in stripped[len(original):]
