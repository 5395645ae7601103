"""GDELT 1.0 and 2.0 event files read as the codebooks lay them out, plain, gzipped or zipped."""
from __future__ import annotations

import gzip
import zipfile

import pytest

from bilateral.errors import InputError
from bilateral.formats import gdelt
from bilateral.formats.lines import BadRow

from .gdelt_rows import GDELT1, GDELT2, gdelt_event, gdelt_row


def _read(path) -> tuple:
    items = list(gdelt.read(str(path)))
    return [x for x in items if not isinstance(x, BadRow)], [x for x in items if isinstance(x, BadRow)]


def test_a_gdelt2_row_maps_its_actors_cameo_code_plover_category_and_dates(tmp_path):
    path = tmp_path / "20140703120000.export.CSV"
    path.write_text(gdelt_event(501, "20140703", "JPN", "KHM", "042", "https://news.example/visit",
                                Actor1Name="JAPANESE", Actor1Code="JPNGOV", Actor1Type1Code="GOV",
                                DATEADDED="20140704093000") + "\n", encoding="utf-8")
    events, bad = _read(path)
    assert bad == [] and len(events) == 1
    e = events[0]
    assert (e.dataset, e.native_id, e.date, e.reported) == ("gdelt", "501", "2014-07-03", "2014-07-04")
    assert (e.source.code, e.source.name, e.source.sector, e.target.code) == ("JPN", "JAPANESE", "GOV", "KHM")
    # CAMEO 042 "make a visit" is PLOVER CONSULT with the mode `visit`
    assert (e.cameo, e.event_type, e.mode, e.quad, e.goldstein) == ("042", "CONSULT", "visit", "verbal_coop", 3.4)
    assert e.url == "https://news.example/visit" and e.line == 1 and e.source_file == str(path)


def test_gdelt1_daily_and_backfile_layouts_differ_from_2_in_geography_and_url(tmp_path):
    assert (len(GDELT1), len(GDELT2)) == (58, 61)
    daily = gdelt_event(7, "20130402", "DEU", "NAM", "071", "https://news.example/aid", version=1)
    backfile = "\t".join(daily.split("\t")[:-1])      # the 1979-2013 backfile has no SOURCEURL
    path = tmp_path / "gdelt1.tsv"
    path.write_text(daily + "\n" + backfile + "\n", encoding="utf-8")
    events, bad = _read(path)
    assert bad == [] and [e.url for e in events] == ["https://news.example/aid", None]
    assert all((e.date, e.reported, e.event_type, e.context) == ("2013-04-02", "2013-04-02", "AID", ["economic"])
               for e in events)


def test_actor_codes_become_the_projects_codes():
    row = gdelt_row(GLOBALEVENTID=9, SQLDATE="19990105", Actor1Code="IGOUNO", Actor1Name="UNITED NATIONS",
                    Actor1KnownGroupCode="UNO", Actor1Type1Code="IGO", Actor2Code="ROM", Actor2CountryCode="ROM",
                    EventCode="0871", QuadClass="2", GoldsteinScale="9", DATEADDED="19990105")
    e = gdelt.parse(row.split("\t"), gdelt.V2, "f", 1)
    assert (e.source.code, e.source.sector, e.target.code) == ("UN", "IGO", "ROU")
    assert (e.event_type, e.mode, e.context) == ("RETREAT", "ceasefire", ["military"])


def test_zip_and_gzip_files_stream_the_same_events(tmp_path):
    lines = [gdelt_event(i, "20200101", "KOR", "VNM", "057") for i in range(1, 4)]
    plain = tmp_path / "x.export.CSV"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "x.export.CSV.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.write(plain, "x.export.CSV")
    with gzip.open(tmp_path / "x.export.CSV.gz", "wb") as f:
        f.write(plain.read_bytes())
    ids = [[e.native_id for e in _read(tmp_path / name)[0]] for name in ("x.export.CSV", "x.export.CSV.zip",
                                                                          "x.export.CSV.gz")]
    assert ids == [["1", "2", "3"]] * 3


def test_bad_rows_are_named_by_line_with_their_reason_and_the_good_ones_kept(tmp_path):
    good = gdelt_event(1, "20200101", "KOR", "VNM", "057")
    rows = [good,
            "1\t2\t3",                                                     # line 2: columns
            gdelt_event(3, "20201301", "KOR", "VNM", "057"),               # line 3: month 13
            gdelt_event(4, "20200101", "KOR", "VNM", "0A7"),               # line 4: no CAMEO code
            gdelt_event(5, "20200101", "KOR", "VNM", "057").replace("\t3.4\t", "\thigh\t"),   # line 5
            "x" + gdelt_event(6, "20200101", "KOR", "VNM", "057"),         # line 6: id
            gdelt_event(7, "20200101", "KOR", "VNM", "057")]
    path = tmp_path / "bad.export.CSV"
    path.write_bytes(("\n".join(rows) + "\n").encode() + b"8\t\xff\xfe broken\n")
    events, bad = _read(path)
    assert [e.native_id for e in events] == ["1", "7"]
    reasons = {b.line: b.reason for b in bad}
    assert set(reasons) == {2, 3, 4, 5, 6, 8}
    assert "3 tab-separated columns" in reasons[2] and "61" in reasons[2]
    assert "SQLDATE '20201301' is not a date" in reasons[3]
    assert "EventCode '0A7'" in reasons[4]
    assert "GoldsteinScale 'high'" in reasons[5]
    assert "GLOBALEVENTID" in reasons[6]
    assert "not UTF-8" in reasons[8]
    assert str(bad[0]).startswith(f"{path}:2: ")


def test_a_header_line_is_skipped_and_a_missing_file_is_an_input_error(tmp_path):
    path = tmp_path / "with_header.tsv"
    path.write_text("\t".join(GDELT2) + "\n" + gdelt_event(1, "20200101", "KOR", "VNM", "057") + "\n")
    events, bad = _read(path)
    assert len(events) == 1 and bad == []
    with pytest.raises(InputError, match="no such file"):
        list(gdelt.read(str(tmp_path / "missing.CSV")))
