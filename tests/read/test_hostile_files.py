"""Hostile files: special files, symlinks, sizes past the cap, unreadable folders, encodings. Each is
refused (or read with a warning) with its reason, and the good files beside it still come."""
from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bilateral.errors import InputError, InputWarning
from bilateral.model import RawDocument
from bilateral.read import read_sources

ARTICLE = "Ghana and Togo reopened their border on Monday after talks in Lome.\n"


@pytest.fixture
def deadline():
    """Fail instead of hanging: a reader that blocks on a pipe or reads a device forever is the bug."""
    def stop(*_):
        raise TimeoutError("the reader hung")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _split(results):
    results = list(results)
    docs = [r for r in results if isinstance(r, RawDocument)]
    warnings = [r for r in results if isinstance(r, InputWarning)]
    errors = [r for r in results if isinstance(r, InputError) and not isinstance(r, InputWarning)]
    return docs, errors, warnings


def test_a_fifo_in_a_folder_or_named_is_refused_by_type_without_hanging(tmp_path, deadline):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    docs, errors, _ = _split(read_sources([str(tmp_path)]))
    assert [Path(d.source_path).name for d in docs] == ["a.txt"]
    (err,) = errors
    assert err.code == "special" and "named pipe" in err.reason and err.path.endswith("pipe.txt")
    (named,) = read_sources([str(tmp_path / "pipe.txt")])
    assert named.code == "special"


def test_a_symlink_to_a_device_is_refused_and_never_read(tmp_path, deadline):
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    (tmp_path / "b.txt").write_text(ARTICLE)
    docs, errors, _ = _split(read_sources([str(tmp_path)]))
    assert len(docs) == 1
    assert sorted(e.code for e in errors) == ["special", "special"]
    assert all("character device" in e.reason for e in errors)


def test_symlink_loops_dangling_links_and_links_to_folders(tmp_path, deadline):
    os.symlink(tmp_path / "loop2.txt", tmp_path / "loop1.txt")
    os.symlink(tmp_path / "loop1.txt", tmp_path / "loop2.txt")
    os.symlink(tmp_path / "absent.txt", tmp_path / "dangling.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text(ARTICLE)
    os.symlink(tmp_path, sub / "up")   # a link back up: followed, it would never end
    os.symlink(sub / "c.txt", tmp_path / "link.txt")   # a link to a file is read
    docs, errors, warnings = _split(read_sources([str(tmp_path)]))
    assert sorted(Path(d.source_path).name for d in docs) == ["c.txt", "link.txt"]
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert "loop" in reasons["loop1.txt"] and "loop" in reasons["loop2.txt"]
    assert "does not exist" in reasons["dangling.txt"]
    (w,) = warnings
    assert w.path.endswith("up") and "not followed" in w.reason


def test_files_over_the_size_cap_are_refused_with_their_size(tmp_path):
    (tmp_path / "big.html").write_text("<p>" + "Seoul and Hanoi. " * 200 + "</p>")
    (tmp_path / "small.txt").write_text(ARTICLE)
    docs, errors, _ = _split(read_sources([str(tmp_path)], max_bytes=1000))
    assert [Path(d.source_path).name for d in docs] == ["small.txt"]
    (err,) = errors
    assert err.code == "size" and "over the limit of 1,000" in err.reason and "--max-bytes" in err.reason


def test_a_jsonl_line_over_the_cap_is_skipped_unread_and_the_next_lines_come(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"text": "x " * 2000}), json.dumps({"text": "Chile and Peru met in Lima."}),
             "y" * 5000]   # the last one has no newline at all
    path.write_text(lines[0] + "\n" + lines[1] + "\n" + lines[2])
    docs, errors, _ = _split(read_sources([str(path)], max_bytes=1000))
    assert [d.source_path for d in docs] == [f"{path}#L2"]
    assert [e.reason.split(":")[0] for e in errors] == ["line 1", "line 3"]
    assert all(e.code == "size" for e in errors)


def test_an_unreadable_sub_folder_is_an_error_not_a_silent_skip():
    """Read in a child process without the capabilities that let root read every folder."""
    root = Path(tempfile.mkdtemp())
    try:
        os.chmod(root, 0o755)
        (root / "ok.txt").write_text(ARTICLE)
        (root / "locked").mkdir()
        (root / "locked" / "hidden.txt").write_text(ARTICLE)
        os.chmod(root / "locked", 0o000)
        code = ("import json, sys; from bilateral.read import read_sources; "
                "print(json.dumps([[type(r).__name__, getattr(r, 'path', None) or r.source_path, "
                "getattr(r, 'reason', '')] for r in read_sources([sys.argv[1]])]))")
        command = [sys.executable, "-c", code, str(root)]
        if os.geteuid() == 0:   # root without the capabilities that let it read any folder
            command = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", *command]
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        results = json.loads(out.stdout)
        assert ["RawDocument", str(root / "ok.txt"), ""] in results
        (err,) = [r for r in results if r[0] == "InputError"]
        assert err[1] == str(root / "locked") and "folder cannot be read" in err[2] and "ermission" in err[2]
    finally:
        os.chmod(root / "locked", 0o755)
        subprocess.run(["rm", "-rf", str(root)], check=True)


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                           (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, bom, encoding):
    text = "Dakar et Paris ont signé un accord le 2 mai.\n"
    (tmp_path / "doc.txt").write_bytes(bom + text.encode(encoding))
    (tmp_path / "lines.jsonl").write_bytes(bom + (json.dumps({"text": text}, ensure_ascii=False) + "\n").encode(encoding))
    docs, errors, warnings = _split(read_sources([str(tmp_path)]))
    assert errors == [] and warnings == []
    assert [d.text for d in docs] == [text, text]


def test_a_legacy_encoding_is_read_with_a_warning_and_random_bytes_are_binary(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes("Le président a signé l’accord à Dakar.".encode("cp1252"))
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 256)) * 4)
    docs, errors, warnings = _split(read_sources([str(tmp_path)]))
    assert [d.text for d in docs] == ["Le président a signé l’accord à Dakar."]
    (w,) = warnings
    assert "Windows-1252" in w.reason and "0xe9" in w.reason
    (err,) = errors
    assert err.code == "binary" and err.path.endswith("noise.txt")


def test_a_bom_that_lies_is_an_error_naming_the_byte(tmp_path):
    (tmp_path / "bad16.txt").write_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")
    (err,) = read_sources([str(tmp_path / "bad16.txt")])
    assert err.code == "encoding" and "UTF-16-LE" in err.reason and "byte 6" in err.reason
