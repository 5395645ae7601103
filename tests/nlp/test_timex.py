"""Time expressions: spans, TIMEX3 types and values, signals and ranges, on texts written for these tests."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bilateral.nlp.timex import find_timexes, timex_records

BENCH = Path(__file__).resolve().parents[2] / "bench" / "timex_te3.py"
TE3 = Path(__file__).resolve().parents[3] / "shared" / "data" / "te3-platinum"


def by_text(text: str, dct: str | None = None) -> dict:
    found = find_timexes(text, dct)
    for t in found:
        assert text[t.start:t.end] == t.text
    return {t.text: t for t in found}


def test_explicit_dates_and_narrative_year():
    text = ("Germany and Namibia signed a protocol in March 1941. On 9 March 1945 the mandate talks ended. "
            "On 12 October the new council met. Shortly thereafter, talks resumed. "
            "October the same year saw a second round. In the decade before, trade had stalled.")
    t = by_text(text, "2018-02-02")
    assert (t["March 1941"].type, t["March 1941"].value, t["March 1941"].signal) == ("DATE", "1941-03", "in")
    assert t["9 March 1945"].value == "1945-03-09" and t["9 March 1945"].signal == "on"
    assert t["12 October"].value == "1945-10-12" and t["12 October"].relative
    assert t["Shortly thereafter"].value == "1945-10-12" and t["Shortly thereafter"].anchor == "1945-10-12"
    assert t["October the same year"].value == "1945-10"
    decade = t["the decade before"]
    assert (decade.type, decade.value, decade.range_start, decade.range_end) == ("DURATION", "P10Y", "1935", "1945")
    assert "a second" not in t


def test_news_day_month_follows_the_document_date():
    text = "Brazil said on Feb. 28 that Argentina would join the talks on April 7."
    t = by_text(text, "2013-03-22")
    assert t["Feb. 28"].value == "2013-02-28"
    assert t["April 7"].value == "2013-04-07"


def test_a_day_within_months_of_the_report_takes_the_nearer_year_whatever_the_tense():
    text = "The minister, who was to have left on April 30 and returned May 6, said in November the trip was off."
    t = by_text(text, "1987-04-27")
    assert t["May 6"].value == "1987-05-06" and t["April 30"].value == "1987-04-30"
    assert t["November"].value == "1986-11"   # a month months ahead, in past talk, is last year's
    t = by_text("The ministers will meet tomorrow to review their February 22 accord.", "1987-04-07")
    assert t["February 22"].value == "1987-02-22"
    t = by_text("Officials said the plant exploded last April 26.", "1987-03-16")
    assert t["last April 26"].value == "1986-04-26"


def test_relative_to_document_date():
    text = ("Australia will host Indonesia's foreign minister this September. In May this year, Jakarta recalled "
            "its ambassador; it returned him in November last year. Officials met early this week. "
            "Early this year the two navies trained together.")
    t = by_text(text, "2014-07-03")
    assert t["this September"].value == "2014-09"
    assert t["May this year"].value == "2014-05" and t["May this year"].signal == "in"
    assert t["November last year"].value == "2013-11"
    assert (t["early this week"].value, t["early this week"].mod) == ("2014-W27", "START")
    assert (t["Early this year"].value, t["Early this year"].mod) == ("2014", "START")
    assert all(x.relative and x.anchor == "2014-07-03" for x in t.values())


def test_last_month_last_year_weekdays_and_day_words():
    text = ("India and Bangladesh agreed last month to reopen the rail link, which closed last year. "
            "The ministers met on Tuesday and will meet again on Tuesday. Today Dhaka said that yesterday a "
            "convoy crossed; next week the talks continue for three days. Two years ago the border was shut.")
    found = find_timexes(text, "2018-02-02")
    values = [(x.text, x.type, x.value) for x in found]
    assert ("last month", "DATE", "2018-01") in values
    assert ("last year", "DATE", "2017") in values
    tuesdays = [x.value for x in found if x.text == "Tuesday"]
    assert tuesdays == ["2018-01-30", "2018-02-06"]
    assert ("Today", "DATE", "2018-02-02") in values
    assert ("yesterday", "DATE", "2018-02-01") in values
    assert ("next week", "DATE", "2018-W06") in values
    assert ("three days", "DURATION", "P3D") in values
    assert ("Two years ago", "DATE", "2016") in values


def test_ranges_and_signals():
    text = ("Aid from South Korea to Vietnam has grown since 1992. From 2010 to 2017 loans doubled, and "
            "between 1941 and 1945 trade stopped. Over the last 25 years investment rose. In the first 11 "
            "months in 2017 exports grew 12%. As of October 2017, 3,518 people worked in Korean firms.")
    t = by_text(text, "2018-02-02")
    assert (t["1992"].signal, t["1992"].range_start, t["1992"].range_end) == ("since", "1992", "2018-02-02")
    for y in ("2010", "2017"):
        assert (t[y].signal, t[y].range_start, t[y].range_end) == ("from", "2010", "2017")
    for y in ("1941", "1945"):
        assert (t[y].signal, t[y].range_start, t[y].range_end) == ("between", "1941", "1945")
    last = t["the last 25 years"]
    assert (last.type, last.value, last.range_start, last.range_end, last.signal) == \
        ("DURATION", "P25Y", "1993", "2018", "over")
    months = t["the first 11 months in 2017"]
    assert (months.range_start, months.range_end) == ("2017-01", "2017-11")
    assert (t["October 2017"].value, t["October 2017"].signal) == ("2017-10", "as of")
    assert "3,518" not in "".join(t)


def test_since_without_a_document_date_has_an_open_end():
    t = by_text("Senegal and France have held yearly talks since 1992.")
    assert (t["1992"].range_start, t["1992"].range_end) == ("1992", None)


def test_centuries_decades_and_vague_references():
    text = ("France and Senegal grew close in the late 20th century. Throughout the 18th and 19th century the "
            "port grew. In the 1990s trade boomed (2006 figures differ). In recent years ties warmed and "
            "they are now, and currently, strong. In the past the mid-1980s crisis loomed.")
    t = by_text(text, "2016-05-10")
    assert (t["late 20th century"].value, t["late 20th century"].mod) == ("19", "END")
    assert t["18th"].value == "17" and t["19th century"].value == "18"
    assert t["1990s"].value == "199"
    assert t["2006"].value == "2006"
    assert t["recent years"].value == "PAST_REF"
    assert t["now"].value == "PRESENT_REF" and t["currently"].value == "PRESENT_REF"
    assert t["the past"].value == "PAST_REF"
    assert (t["mid-1980s"].value, t["mid-1980s"].mod) == ("198", "MID")


def test_durations_and_sets():
    text = ("Canberra gave Jakarta A$500 million a year for almost seven years, paid annually. "
            "A four-week course runs every year; the last 65 years were calm. It took a year to agree.")
    t = by_text(text, "2014-07-03")
    assert (t["a year"].type, t["a year"].value) in {("SET", "P1Y"), ("DURATION", "P1Y")}
    sets = [x for x in find_timexes(text, "2014-07-03") if x.type == "SET"]
    assert [x.text for x in sets] == ["a year", "annually", "every year"]
    assert all(x.value == "P1Y" for x in sets)
    assert (t["almost seven years"].value, t["almost seven years"].mod) == ("P7Y", "LESS_THAN")
    assert t["four-week"].value == "P4W"
    assert (t["the last 65 years"].type, t["the last 65 years"].value) == ("DURATION", "P65Y")
    durations = [x for x in find_timexes(text, "2014-07-03") if x.text == "a year" and x.type == "DURATION"]
    assert len(durations) == 1


def test_numbers_that_are_not_years():
    text = ("In 2015, 3,518 people and 1,100 students joined; the loan was $1.5 billion and 2000 soldiers "
            "left. Vietnam became the 9th member north of the 15th parallel at the 65th anniversary. "
            "Call +84 24 3934 1999 or room 1204. The 1200 km road opened.")
    found = find_timexes(text, "2016-01-01")
    assert [x.text for x in found] == ["2015"]


def test_times_of_day():
    t = by_text("Indonesia's minister lands at 3 p.m. Friday; the vote was at 15:00 GMT Saturday.", "2013-03-22")
    assert (t["3 p.m. Friday"].type, t["3 p.m. Friday"].value) == ("TIME", "2013-03-22T15:00")
    assert t["15:00 GMT Saturday"].value.endswith("T15:00")


def test_without_a_document_date_relative_values_stay_unknown():
    t = by_text("Argentina and Brazil met last year and again last week.")
    assert t["last year"].value == "XXXX" and t["last week"].value == "XXXX-WXX"


def test_timex_records_are_plain_dicts():
    recs = timex_records("Germany pledged aid in 2004.", "2005-01-01")
    assert recs == [{"start": 23, "end": 27, "text": "2004", "type": "DATE", "value": "2004"}]


@pytest.mark.skipif(not TE3.is_dir(), reason="TempEval-3 platinum data not present")
def test_te3_value_f1_floor():
    spec = importlib.util.spec_from_file_location("timex_te3", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    res = bench.evaluate()
    assert res["gold"] == 138
    assert res["value"]["f1"] >= 0.86
    assert res["strict"]["f1"] >= 0.90


def test_a_year_before_and_a_count_stays_a_year():
    found = [(t.text, t.type, t.value) for t in find_timexes(
        "Senegal and France signed the accord in 1974 and forty years later renewed it.", "2015-01-01")]
    assert found[0] == ("1974", "DATE", "1974")


def test_a_month_in_reported_future_is_the_coming_one():
    said = find_timexes("Norway said a trade boycott would take effect in July. Talks were held in July.", "1987-04-05")
    assert [t.value for t in said] == ["1987-07", "1986-07"]
