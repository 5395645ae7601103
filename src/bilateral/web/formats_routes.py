"""The record beside other event datasets and in other formats: /api/compare and /api/timelinejs."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from ..model import EXTERNAL_DATASETS
from .api_routes import PAIR_HELP, _db, pair_key
from .filters import check_date

router = APIRouter(prefix="/api")


@router.get("/compare", summary="A pair's events beside an imported dataset's: counterparts, date differences, "
                                "events one side lacks")
def compare(request: Request, pair: str = Query(..., max_length=200, description=PAIR_HELP),
            dataset: str = Query("gdelt", alias="with", max_length=20, description="gdelt, icews or polecat."),
            start: Optional[str] = Query(None, alias="from", max_length=10, description="Earliest date (YYYY[-MM[-DD]])."),
            end: Optional[str] = Query(None, alias="to", max_length=10, description="Latest date (YYYY[-MM[-DD]])."),
            window: int = Query(7, ge=0, le=366, description="Days two dates may lie apart and still match.")):
    db = _db(request)
    start, end = check_date(start, "from"), check_date(end, "to")   # a date that exists, or 400 with why
    if dataset not in EXTERNAL_DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}: use one of {', '.join(EXTERNAL_DATASETS)}")
    codes = pair_key(pair, db.dictionary).split("|")
    return db.run(lambda corpus: corpus.compare(codes, dataset, start, end, window).to_dict())


@router.get("/timelinejs", summary="A pair's dated events as a TimelineJS3 timeline (JSON, as a download)")
def timelinejs(request: Request, pair: str = Query(..., max_length=200, description=PAIR_HELP)):
    from ..formats.exporter import pair_timeline
    db = _db(request)
    key = pair_key(pair, db.dictionary)
    data = db.run(lambda corpus: pair_timeline(corpus.store, key))
    name = "timeline-" + "-".join(key.split("|")) + ".json"
    return JSONResponse(data, headers={"content-disposition": f'attachment; filename="{name}"'})
