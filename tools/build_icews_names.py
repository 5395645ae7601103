"""Regenerate the ICEWS name tables shipped in src/bilateral/data/icews/ from the text_to_CAMEO
project's conversion files (MIT): ICEWS country names and ICEWS sector names with their codes.

Usage: python tools/build_icews_names.py [TEXT_TO_CAMEO_DIR]   (default: ../shared/data/text_to_CAMEO)

Output, UTF-8 TSV with a header line:
  countries.tsv  name (as ICEWS writes it), code (ISO 3166-1 alpha-3), cow (Correlates of War number or empty)
  sectors.tsv    name (as ICEWS writes it), code (CAMEO agent code)
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bilateral.formats.actors import country_code

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bilateral" / "data" / "icews"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "text_to_CAMEO"


def rows(path: Path) -> list:
    """The tab-separated lines of a text_to_CAMEO file, its NULL placeholder lines left out."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0] != "NULL" and cells[1].strip("-— "):
            out.append([c.strip() for c in cells])
    return out


def main(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    countries = ["name\tcode\tcow"]
    for name, code, *rest in rows(src / "countrynames.txt"):
        cow = rest[0] if rest and rest[0].strip("0") else ""
        countries.append(f"{name}\t{country_code(code)}\t{cow}")
    sectors = ["name\tcode"] + [f"{name}\t{code}" for name, code, *_ in rows(src / "agentnames.txt")]
    (OUT / "countries.tsv").write_text("\n".join(countries) + "\n", encoding="utf-8")
    (OUT / "sectors.tsv").write_text("\n".join(sectors) + "\n", encoding="utf-8")
    shutil.copyfile(src / "LICENSE.upstream", OUT / "LICENSE.text_to_CAMEO")
    print(f"{len(countries) - 1} country names, {len(sectors) - 1} sector names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC)
