"""CAMEO codes beside PLOVER: names and Goldstein scores, the PLOVER category, mode and context, and quad class."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from ..lexicon import SHIPPED

# CAMEO codes whose act is mutual: with no source named, the pair of the passage does it together.
SYMMETRIC = SHIPPED.words("events.words.symmetric_cameo")
# CAMEO roots of acts done in words (demand, disapprove, reject, threaten): a report tells of them as they are made.
SPOKEN = frozenset({"10", "11", "12", "13"})
# CAMEO codes of making and hosting a visit.
VISITS = frozenset({"042", "043"})
# CAMEO root (two digits) -> PLOVER v0.8 category.  Roots 01 (statements) carry no event.
ROOT_TO_PLOVER = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
# Codes whose PLOVER category, mode or context differ from their root's. Signing a formal agreement
# (057) is AGREE, as POLECAT codes agreements, not the verbal SUPPORT of the 2021 conversion table; imposing
# an embargo, boycott or sanctions (163) is SANCTION, as the PLOVER manual defines it, not that table's COERCE.
CODE_TO_PLOVER = {
    "057": ("AGREE", None, "diplomatic"),
    "042": ("CONSULT", "visit", None), "043": ("CONSULT", "visit", None),
    "044": ("CONSULT", "third-party", None), "045": ("CONSULT", None, "diplomatic"),
    "046": ("CONSULT", None, "diplomatic"),
    "061": ("COOPERATE", None, "economic"), "062": ("COOPERATE", None, "military"),
    "071": ("AID", None, "economic"), "072": ("AID", None, "military"),
    "073": ("AID", None, "humanitarian"), "074": ("AID", None, "peacekeeping"),
    "075": ("AID", None, "asylum"),
    "084": ("RETREAT", "release", None), "0841": ("RETREAT", "release", "legal"),
    "085": ("RETREAT", "ease", "economic"), "086": ("RETREAT", "access", "diplomatic"),
    "0861": ("RETREAT", "access", "peacekeeping"), "087": ("RETREAT", "disarm", "military"),
    "0871": ("RETREAT", "ceasefire", "military"), "0874": ("RETREAT", "disarm", "military"),
    "090": ("ACCUSE", "investigate", None),
    "161": ("SANCTION", "withdraw", "diplomatic"), "162": ("SANCTION", "discontinue", None),
    "163": ("SANCTION", "restrict", "economic"), "166": ("SANCTION", "expel", "diplomatic"),
    "172": ("COERCE", "restrict", None), "173": ("COERCE", "arrest", "legal"),
    "174": ("COERCE", "deport", "legal"), "191": ("COERCE", "restrict", "military"),
    "192": ("COERCE", "seize", "military"),
    "154": ("MOBILIZE", "troops", "military"),
}
QUADS = {
    "verbal_coop": ("01", "02", "03", "04", "05"),
    "material_coop": ("06", "07", "08"),
    "verbal_conflict": ("09", "10", "11", "12", "13"),
    "material_conflict": ("14", "15", "16", "17", "18", "19", "20"),
}
_ROOT_TO_QUAD = {root: quad for quad, roots in QUADS.items() for root in roots}


@dataclass(frozen=True)
class Coding:
    """What one CAMEO code means in the export's terms."""

    cameo: str
    event_type: Optional[str]
    mode: Optional[str]
    context: Optional[str]
    quad: Optional[str]
    goldstein: Optional[float]
    name: str


@functools.lru_cache(maxsize=1)
def _codes() -> dict:
    with resources.files("bilateral.data").joinpath("cameo_codes.tsv").open(encoding="utf-8") as f:
        return {r["code"]: (float(r["goldstein"]), r["name"]) for r in csv.DictReader(f, delimiter="\t")}


@functools.lru_cache(maxsize=None)
def coding(cameo: str) -> Coding:
    """The PLOVER category, mode, context, quad class and Goldstein score of a CAMEO code."""
    root = cameo[:2]
    event_type, mode, context = CODE_TO_PLOVER.get(cameo) or CODE_TO_PLOVER.get(cameo[:3]) or (
        ROOT_TO_PLOVER.get(root), None, None)
    goldstein, name = _codes().get(cameo) or _codes().get(cameo[:3]) or _codes().get(root) or (None, "")
    return Coding(cameo, event_type, mode, context, _ROOT_TO_QUAD.get(root), goldstein, name)


def plover_name(name: str) -> str:
    """Read older PLOVER category names as the v0.8 ones."""
    name = (name or "").upper()
    return {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}.get(name, name)
