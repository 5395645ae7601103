"""Written dates to partial ISO strings: only unambiguous forms, never a guess."""
import pytest

from bilateral.read.dates import parse_date


@pytest.mark.parametrize("text, iso", [
    ("2 February 2018", "2018-02-02"),
    ("2nd of February 2018", "2018-02-02"),
    ("February 2, 2018", "2018-02-02"),
    ("Feb. 2, 2018", "2018-02-02"),
    ("Friday, 2 February 2018", "2018-02-02"),
    ("Sept 30 2019", "2019-09-30"),
    ("March 2019", "2019-03"),
    ("2018-02-02", "2018-02-02"),
    ("2018-02-02T08:30:00+07:00", "2018-02-02"),
    ("2018/02", "2018-02"),
    ("2018", "2018"),
    ("25/12/2019", "2019-12-25"),
    ("12/25/2019", "2019-12-25"),
    ("3 March 2021, 10:32", "2021-03-03"),
    ("Wed 3 Mar 2021 10:32 GMT", "2021-03-03"),
    ("March 3, 2021 at 10:32 a.m.", "2021-03-03"),
])
def test_dates_read(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["04/05/2019", "31 February 2018", "2 February", "yesterday", "", None,
                                  "2018-13-01", "Delta Post", "10:32"])
def test_dates_refused(text):
    assert parse_date(text) is None
