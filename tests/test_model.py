"""The data model's own helpers."""
from bilateral.model import stable_id, text_id, timex_to_date


def test_timex_values_become_dates_at_their_precision():
    assert timex_to_date("1941-03") == "1941-03"
    assert timex_to_date("2013-03-22T10:00") == "2013-03-22"
    assert timex_to_date("2019-W23") == "2019-06"        # the month of the week's Thursday
    assert timex_to_date("199X") is None and timex_to_date("PRESENT_REF") is None


def test_ids_depend_only_on_their_parts():
    assert stable_id("c", "d", 1, None) == stable_id("c", "d", 1, None) != stable_id("c", "d", 2, None)
    assert text_id("same text") == text_id("same text") != text_id("other text")
