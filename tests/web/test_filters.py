"""List filters: dates that exist on the calendar, actors, cursors; a bad value is a 400 naming the reason."""
from __future__ import annotations

import pytest

from bilateral.web.filters import Filters, check_date, decode_cursor, encode_cursor, sort_of

BAD_DATES = {"2014-13": "month 13", "2014-02-30": "day 30", "2020-00-00": "month 00", "2019-02-29": "day 29",
             "0000": "year 0000", "2014-1": "YYYY", "14": "YYYY", "2014-04-31": "day 31"}


@pytest.mark.parametrize("value, reason", BAD_DATES.items())
def test_dates_that_do_not_exist_are_refused_with_the_reason(value, reason):
    with pytest.raises(ValueError, match=reason):
        check_date(value, "from")


@pytest.mark.parametrize("value", ["2014", "2014-12", "2016-02-29", "2014-02-28", "1987-10-31"])
def test_real_dates_pass(value):
    assert check_date(value, "from") == value


@pytest.mark.parametrize("value, reason", BAD_DATES.items())
@pytest.mark.parametrize("route", ["/api/timeline?pair=DEU,NAM", "/api/claims?pair=DEU,NAM", "/api/documents",
                                   "/pair?pair=DEU,NAM", "/claims?pair=DEU,NAM", "/documents"])
def test_routes_answer_400_for_an_impossible_date(client, route, value, reason):
    for name in ("from", "to"):
        r = client.get(f"{route}&{name}={value}" if "?" in route else f"{route}?{name}={value}")
        assert r.status_code == 400, (route, name, value, r.status_code)
        assert reason in r.text and name in r.text


def test_filters_round_trip_through_the_url():
    f = Filters.parse({"pair": "DEU,NAM", "from": "2001", "to": "2010-06", "type": "aid", "modality": "planned",
                       "actor": "deu", "outlet": "Windhoek Post", "q": " loan ", "undated": "false"},
                      lambda p: "DEU|NAM")
    assert (f.pair, f.type, f.actor, f.q, f.undated) == ("DEU|NAM", "AID", "DEU", "loan", False)
    assert f.params() == {"pair": "DEU,NAM", "from": "2001", "to": "2010-06", "type": "AID", "modality": "planned",
                          "actor": "DEU", "outlet": "Windhoek Post", "q": "loan", "undated": "false"}
    with pytest.raises(ValueError, match="actor"):
        Filters.parse({"actor": "DE'U"})
    with pytest.raises(ValueError, match="modality"):
        Filters.parse({"modality": "maybe"})


def test_cursors_round_trip_and_strangers_are_refused():
    assert decode_cursor(encode_cursor(["2014-03", "ev_1"]), 2) == ["2014-03", "ev_1"]
    for bad in ("%%%", encode_cursor(["a"]), encode_cursor([["nested"], 1]), encode_cursor([True, 1])):
        with pytest.raises(ValueError, match="cursor"):
            decode_cursor(bad, 2)
    assert sort_of("-published", ("published",), "seq") == ("published", True)
    with pytest.raises(ValueError, match="sort"):
        sort_of("text; DROP TABLE", ("published",), "seq")
