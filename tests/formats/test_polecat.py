"""POLECAT weekly files: PLOVER fields read by POLECAT's column names; the record written in them and read back."""
from __future__ import annotations

import shutil

import bilateral
from bilateral.formats import polecat
from bilateral.formats.lines import BadRow

# POLECAT's columns as its weekly files carry them (older releases call the intensity "Intensity").
COLUMNS = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
           "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
           "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
           "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
           "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude",
           "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
           "Story People", "Story Organizations", "Story Locations", "Language", "Version"]


def _row(**values) -> str:
    return "\t".join(values.get(c.replace(" ", "_"), "None") for c in COLUMNS)


def test_a_polecat_file_reads_plover_fields_and_the_first_of_compound_actors(tmp_path):
    rows = [
        _row(Event_ID="20230103-1", Event_Date="2023-01-02", Event_Type="SANCTION", Event_Mode="withdraw",
             Event_Intensity="-4.5", Quad_Code="VERBAL CONFLICT", Contexts="diplomatic; economic",
             Actor_Name="United States; United Kingdom", Actor_Country="USA; GBR", Actor_COW="2; 200",
             Primary_Actor_Sector="GOV", Actor_Name_Raw="Washington and London", Recipient_Name="Russia",
             Recipient_Country="RUS", Primary_Recipient_Sector="GOV", Source="Reuters",
             Publication_Date="2023-01-03"),
        _row(Event_ID="20230103-2", Event_Date="2023-01-02", Event_Type="DEMAND", Quad_Code="VERBAL CONFLICT",
             Event_Intensity="-2", Actor_Name="United Nations", Actor_Country="None", Recipient_Name="Myanmar",
             Recipient_Country="MMR"),
        _row(Event_ID="20230103-3", Event_Date="2023-01-02", Event_Type="CELEBRATE", Actor_Country="FRA",
             Recipient_Country="DEU"),
        _row(Event_ID="20230103-4", Event_Date="Jan 2", Event_Type="AID", Actor_Country="FRA",
             Recipient_Country="DEU"),
    ]
    path = tmp_path / "ngecEvents.20230103.txt"
    path.write_text("\t".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    items = list(polecat.read(str(path)))
    a, b = [x for x in items if not isinstance(x, BadRow)]
    assert (a.native_id, a.date, a.event_type, a.mode, a.context, a.quad, a.goldstein) == (
        "20230103-1", "2023-01-02", "SANCTION", "withdraw", ["diplomatic", "economic"], "verbal_conflict", -4.5)
    assert (a.source.code, a.source.name, a.source.sector, a.target.code) == ("USA", "Washington and London",
                                                                            "GOV", "RUS")
    assert (a.publisher, a.reported, a.cameo) == ("Reuters", "2023-01-03", None)
    assert (b.source.code, b.event_type, b.mode) == ("UN", "REQUEST", None)   # older PLOVER's DEMAND
    assert [(x.line, x.reason) for x in items if isinstance(x, BadRow)] == [
        (4, "Event Type 'CELEBRATE' is not a PLOVER category"), (5, "Event Date 'Jan 2' is not a date")]


def test_older_files_name_the_intensity_column_intensity(tmp_path):
    header = [("Intensity" if c == "Event Intensity" else c) for c in COLUMNS]
    row = _row(Event_ID="x1", Event_Date="2019-05-01", Event_Type="CONSULT", Actor_Country="IND",
               Recipient_Country="PAK").split("\t")
    row[header.index("Intensity")] = "1.5"
    path = tmp_path / "ngecEventsDV-2019.txt"
    path.write_text("\t".join(header) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    (e,) = list(polecat.read(str(path)))
    assert (e.goldstein, e.source.code, e.target.code) == (1.5, "IND", "PAK")


def test_the_record_exported_as_polecat_reads_back_as_the_same_events(seeds_store, tmp_path):
    db = tmp_path / "rt.duckdb"
    shutil.copy(seeds_store, db)
    with bilateral.open(db) as corpus:
        written = corpus.export(tmp_path / "out", "polecat", pair=("Japan", "Cambodia"))
        assert [p.name for p in written] == ["events-JPN-KHM.polecat.tsv"]
        header = written[0].read_text(encoding="utf-8").splitlines()[0].split("\t")
        assert header == COLUMNS + ["Date Precision"]
        own = [e for e in corpus.events(("JPN", "KHM")) if e.date and e.modality == "asserted"]
        report = corpus.import_events("polecat", [str(written[0])])
        assert (report.stored, report.bad_rows) == (len(own), 0)
        back = {x.native_id: x for x in corpus.external_events("polecat", pair=("JPN", "KHM"))}
        docs = {d.doc_id: d for d in corpus.documents()}
    assert set(back) == {e.event_id for e in own}
    for e in own:
        x = back[e.event_id]
        assert (x.date, x.event_type, x.mode, x.context, x.quad, x.goldstein) == (
            e.date, e.event_type, e.mode, e.context, e.quad, e.goldstein)
        assert (x.source, x.target) == (e.source, e.target)
        outlets = sorted({docs[m.doc_id].outlet for m in e.mentions if docs[m.doc_id].outlet})
        assert x.publisher == ("; ".join(outlets) or None)
        published = sorted(docs[m.doc_id].published for m in e.mentions if docs[m.doc_id].published)
        assert x.reported == (published[0] if published else None)
