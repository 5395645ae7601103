"""The synthetic corpus generator is deterministic and every document has a date line and a figure."""
import re

from bench.corpus import generate, main

DATE_LINE = re.compile(r"^(?:.+, )?\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
                       r"October|November|December) (?:19|20)\d\d\b", re.M)
FIGURE = re.compile(r"(?:\$|€|£|EUR |CHF |NOK |SEK |CAD |INR |R)\d|\d (?:million|billion)|\d+(?:,\d{3})+")


def test_same_seed_same_bytes():
    first = list(generate(20, 7))
    assert first == list(generate(20, 7))
    assert len({name for name, _ in first}) == 20


def test_other_seed_other_documents():
    assert list(generate(5, 7)) != list(generate(5, 8))


def test_document_does_not_depend_on_n():
    assert list(generate(20, 7))[:5] == list(generate(5, 7))


def test_every_document_has_a_dateline_and_a_figure():
    for name, text in generate(20, 7):
        head = "\n".join(text.split("\n")[:8])
        assert DATE_LINE.search(head), name
        assert FIGURE.search(text), name
        assert 4 <= len(text.split("\n\n")) - 2, name


def test_cli_writes_files_and_jsonl(tmp_path):
    main(["--n", "3", "--seed", "1", "--out", str(tmp_path / "docs"), "--jsonl", str(tmp_path / "all.jsonl")])
    files = sorted(p.name for p in (tmp_path / "docs").iterdir())
    assert files == [name for name, _ in generate(3, 1)]
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 3
