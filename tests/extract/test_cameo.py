"""The package's CAMEO → PLOVER table (what imports map external events through) against the PLOVER
project's conversion table in ../shared/data, which cannot ship (CC BY-SA): they agree but where noted."""
from __future__ import annotations

import re
from pathlib import Path

from bilateral.extract.cameo import coding

TABLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "PLOVER" / "CAMEO2PLOVER-2021.txt"

# Where the package codes otherwise, on purpose: signing a formal agreement (057) is AGREE, the act the
# record keeps as agreed, where PLOVER's table puts it under SUPPORT with the rest of CAMEO 05; easing a curfew or a state of emergency (0813, 0814) stays
# CONCEDE by the manual's rule that CAMEO 081-083 are CONCEDE, where the table moves them to RETREAT;
# destroying property (1712) and violent repression (175) stay COERCE with their CAMEO root, 17; imposing an
# embargo, boycott or sanctions (163) is SANCTION, as the PLOVER manual defines it and its gold records code it.
KNOWN = {"057": ("SUPPORT", "AGREE"), "163": ("COERCE", "SANCTION"), "0813": ("RETREAT", "CONCEDE"), "0814": ("RETREAT", "CONCEDE"), "1712": ("ASSAULT", "COERCE"),
         "175": ("ASSAULT", "COERCE")}


def _table() -> dict:
    assert TABLE.exists(), f"{TABLE} is missing: ../shared must stand beside the checkout"
    out: dict = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line.split("#")[0].strip())
        if m:
            out[m.group(1)] = m.group(2)
    return out


def test_the_package_maps_cameo_codes_to_plover_as_the_plover_table_does():
    table = _table()
    assert len(table) > 240
    differ = {code: (plover, coding(code).event_type) for code, plover in table.items()
              if coding(code).event_type != plover}
    assert differ == KNOWN
