"""The field's event-data formats: GDELT, ICEWS and POLECAT files read into the store beside the record
(`importer`), the record compared with them (`compare`), and written out as ICEWS, POLECAT and
TimelineJS files (`exporter`). CAMEO codes map to PLOVER through the package's own table
(`extract/cameo.py`); column meanings follow each dataset's codebook (see each module)."""
