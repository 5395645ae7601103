"""What an act's mood makes of its code, as PLOVER codes it: a threat, a demand or a refusal is an
event of its own.

A conditional or hypothetical hostile act ("could revoke licences if ...") is a THREATEN (CAMEO 13x,
by what is threatened); "B must ..." a REQUEST of B (10x); "A will not ..." a REJECT (12x). The sentence
coder also codes a promised or planned act of cooperation as AGREE (03x: "express intent to ..."); the
record keeps such acts as they are, with their mood as modality.
"""
from __future__ import annotations

from typing import Optional

INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {"14": "133", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
                "165": "135", "166": "136", "17": "137", "172": "132", "18": "138", "19": "138",
                "191": "1381", "192": "1382", "20": "1383"}
FUTURE = {"planned", "intended", "conditional", "hypothetical"}
UNREAL = {"conditional", "hypothetical"}
DEMAND_CODES = {"04": "106", "045": "108", "05": "102", "06": "101", "07": "103", "08": "105", "084": "1053",
                "085": "1054", "087": "1056", "0871": "1056", "0872": "1056"}
REFUSAL_CODES = {"03": "127", "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "07": "122",
                 "08": "124", "084": "1243", "085": "1244", "086": "1245", "087": "1246"}


def announced(cameo: Optional[str], modality: Optional[str]) -> Optional[str]:
    """The CAMEO code of announcing an act: 03x for cooperation, 13x for hostility, 10x for
    demanding it, 12x for refusing it; None for acts that stay what they are."""
    if not cameo:
        return None
    if modality == "required":
        return _by_code(DEMAND_CODES, cameo) or "100"
    if modality == "refused":
        return _by_code(REFUSAL_CODES, cameo)
    if modality not in FUTURE:
        return None
    if cameo[:2] in INTENT_CODES:
        return INTENT_CODES[cameo[:2]]
    return THREAT_CODES.get(cameo[:3]) or THREAT_CODES.get(cameo[:2])


def for_record(cameo: str, modality: str) -> Optional[tuple]:
    """(code, modality) the record keeps for an act of this mood, or None when it keeps none: threats,
    demands and refusals become acts that happened; other unreal acts are left out."""
    if modality in ("required", "refused") or (modality in UNREAL and cameo[:2] not in INTENT_CODES):
        code = announced(cameo, modality)
        return (code, "asserted") if code else None
    if modality in UNREAL:
        return None
    return cameo, modality


def _by_code(table: dict, cameo: str) -> Optional[str]:
    """The table's entry for the most specific prefix of the code."""
    return table.get(cameo[:4]) or table.get(cameo[:3]) or table.get(cameo[:2])
