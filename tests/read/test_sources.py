"""read_sources: files, folders, globs and JSONL become RawDocuments; every bad input is a yielded InputError."""
import json
import os

from bilateral.errors import InputError, InputWarning
from bilateral.model import RawDocument
from bilateral.read import read_sources

DOCS = os.path.join(os.path.dirname(__file__), "..", "docs", "read")
ARTICLE = "Brazil and Argentina agreed on Thursday to cut tariffs on cars.\n"


def _errors(results):
    return [r for r in results if isinstance(r, InputError)]


def _docs(results):
    return [r for r in results if isinstance(r, RawDocument)]


def test_missing_path_is_yielded_and_the_rest_still_comes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    results = list(read_sources([str(tmp_path / "absent.txt"), str(good)]))
    assert [type(r) for r in results] == [InputError, RawDocument]
    assert results[0].code == "missing" and results[0].path.endswith("absent.txt")
    assert "no such file" in results[0].reason
    assert results[1].text == ARTICLE and results[1].format == "text"


def test_binary_file(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"Germany\x00\x01\x02 Namibia")
    (err,) = list(read_sources([str(path)]))
    assert err.code == "binary" and "NUL" in err.reason and "byte 7" in err.reason


def test_invalid_utf8_is_read_as_windows_1252_with_a_warning_naming_the_byte(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Dakar et Paris ont signé".encode("latin-1"))
    warning, doc = list(read_sources([str(path)]))
    assert isinstance(warning, InputWarning) and warning.code == "encoding"
    assert "at byte 23" in warning.reason and "0xe9" in warning.reason and "Windows-1252" in warning.reason
    assert doc.text == "Dakar et Paris ont signé"


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.md").write_text("  \n\t\n", encoding="utf-8")
    errors = list(read_sources([str(tmp_path)]))
    assert [e.code for e in errors] == ["empty", "empty"]
    assert "whitespace" in errors[1].reason


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode("utf-8") + ARTICLE.encode("utf-8"))
    (doc,) = list(read_sources([str(path)]))
    assert doc.text == ARTICLE


def test_unsupported_extension_named_is_an_error_but_skipped_in_folders(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_text("not read", encoding="utf-8")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (err,) = list(read_sources([str(pdf)]))
    assert err.code == "format" and "'.pdf'" in err.reason
    folder = list(read_sources([str(tmp_path)]))
    assert [os.path.basename(d.source_path) for d in folder] == ["story.txt"]


def test_folder_recursion_is_sorted_and_paths_are_as_found(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("z.txt", "b/y.md", "a/deep/x.htm", "a/w.txt", ".hidden/v.txt"):
        (tmp_path / rel).write_text("<p>Seoul and Hanoi</p>" if rel.endswith("htm") else ARTICLE, encoding="utf-8")
    docs = list(read_sources([str(tmp_path)]))
    assert [d.source_path for d in docs] == [
        os.path.join(str(tmp_path), "z.txt"),
        os.path.join(str(tmp_path), "a", "w.txt"),
        os.path.join(str(tmp_path), "a", "deep", "x.htm"),
        os.path.join(str(tmp_path), "b", "y.md"),
    ]
    assert [d.format for d in docs] == ["text", "text", "html", "markdown"]
    assert docs == list(read_sources([str(tmp_path)]))


def test_glob_patterns(tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    docs = list(read_sources([str(tmp_path / "*.txt")]))
    assert [os.path.basename(d.source_path) for d in docs] == ["one.txt", "two.txt"]
    (err,) = list(read_sources([str(tmp_path / "*.html")]))
    assert err.code == "missing" and "pattern" in err.reason


def test_glob_recursive_over_test_documents():
    docs = _docs(read_sources([os.path.join(DOCS, "**", "*.txt")]))
    names = [os.path.basename(d.source_path) for d in docs]
    assert names == sorted(names) and "germany_namibia.txt" in names and len(names) >= 4


def test_jsonl_lines_with_one_bad_line(tmp_path):
    lines = [
        json.dumps({"text": "India and Bangladesh opened a rail link.", "url": "https://news.example/rail",
                    "title": "Rail link", "published": "2021-03-27", "outlet": "Delta Post", "author": "R. Das"}),
        "{not json",
        json.dumps({"html": "<p>Seoul and Hanoi signed a deal.</p>", "published": 2017}),
        "",
        json.dumps({"title": "No body"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Paris and Dakar met."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_sources([str(path)]))
    assert len(results) == 6
    docs, errors = _docs(results), _errors(results)
    assert [d.source_path for d in docs] == ["https://news.example/rail", f"{path}#L3", f"{path}#L7"]
    first = docs[0]
    assert (first.title, first.published, first.outlet, first.author) == (
        "Rail link", "2021-03-27", "Delta Post", "R. Das")
    assert docs[1].format == "html" and docs[1].published == "2017"
    assert [e.code for e in errors] == ["jsonl", "jsonl", "jsonl"]
    assert errors[0].reason.startswith("line 2:") and "invalid JSON" in errors[0].reason
    assert errors[1].reason.startswith("line 5:") and "neither" in errors[1].reason
    assert errors[2].reason.startswith("line 6:") and "object" in errors[2].reason


def test_invalid_utf8_after_a_bom_counts_the_bom(tmp_path):
    path = tmp_path / "bom_latin1.txt"
    path.write_bytes(b"\xef\xbb\xbfSeoul \xff")
    (err,) = list(read_sources([str(path)]))
    assert err.code == "encoding" and "at byte 9" in err.reason


def test_a_single_path_string_is_one_path(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = list(read_sources(str(path)))
    assert doc.source_path == str(path)


def test_jsonl_fields_under_their_usual_other_names(tmp_path):
    lines = [
        json.dumps({"maintext": "Ghana and Togo reopened their border.", "date_publish": "2022-05-04 09:12:00",
                    "source_domain": "westwire.example", "headline": "Border reopens", "authors": ["K. Mensah",
                                                                                                  "A. Dossou"]}),
        json.dumps({"content": "Chile and Peru met.", "date": "2020-01-09", "published": "2020-01-08",
                    "link": "https://andes.example/met"}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = _docs(read_sources([str(path)]))
    first, second = docs
    assert (first.text, first.title, first.outlet, first.author) == (
        "Ghana and Togo reopened their border.", "Border reopens", "westwire.example", "K. Mensah; A. Dossou")
    assert first.published == "2022-05-04 09:12:00"   # the raw value; the document's date is parsed from it
    # the canonical name wins over an alias
    assert (second.published, second.source_path) == ("2020-01-08", "https://andes.example/met")
