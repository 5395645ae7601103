"""Write the store out in the export format: four JSON Lines (or CSV, or Parquet) files."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .formats.exporter import FORMATS as EVENT_FORMATS
from .store import Store

FORMATS = ("jsonl", "csv", "parquet")


def records(store: Store) -> dict:
    """The four tables of the export format, and the claim relations beside them, as lists of plain dicts."""
    documents = [d.export() for d in store.documents()]
    events = [_event(e.to_dict()) for e in store.events()]
    claims = [c.to_dict() for c in store.claims()]
    conflicts = [k.to_dict() for k in store.conflicts()]
    relations = [r.to_dict() for r in store.relations()]
    return {"documents": documents, "events": events, "claims": claims, "conflicts": conflicts,
            "relations": relations}


def _event(d: dict) -> dict:
    d["context"] = d.get("context") or []
    return d


def export(store: Store, out: str | Path, fmt: str = "jsonl", pair: str | None = None) -> list:
    """Write documents, events, claims, conflicts (and relations) into `out`; returns the paths written.

    The event formats write the events (of one pair key, or all) as `formats.exporter` does."""
    if fmt in EVENT_FORMATS:
        from .formats.exporter import export_events
        return export_events(store, out, fmt, pair)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS + EVENT_FORMATS)}")
    if pair:
        raise ValueError(f"a pair narrows the event formats ({', '.join(EVENT_FORMATS)}), not {fmt}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in records(store).items():
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            with open(path, "w", encoding="utf-8") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            write_csv(rows, path)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq
            pq.write_table(pa.Table.from_pylist([_flat(r) for r in rows]) if rows else pa.table({}), path)
        written.append(path)
    return written


def _flat(row: dict) -> dict:
    """Nested fields (actors, mentions, id lists) as JSON strings, for tabular formats."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in row.items()}


def write_csv(rows: list, path_or_file) -> None:
    """Rows of dicts as CSV with a header of every field seen."""
    fields: list = []
    for r in rows:
        for k in r:
            if k not in fields:
                fields.append(k)
    own = isinstance(path_or_file, (str, Path))
    f = open(path_or_file, "w", encoding="utf-8", newline="") if own else path_or_file
    try:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow(_flat(r))
    finally:
        if own:
            f.close()
