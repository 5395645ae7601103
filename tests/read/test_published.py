"""The publication date: metadata, then a date the body states, then a year the text anchors; else None."""
import os

import pytest

from bilateral.model import RawDocument
from bilateral.read import clean
from bilateral.read.published import infer_year, publication_date

DOCS = os.path.join(os.path.dirname(__file__), "..", "docs", "read")


def _doc(name: str):
    with open(os.path.join(DOCS, name), encoding="utf-8") as f:
        return clean(RawDocument(source_path=name, text=f.read(), format="text"))


def test_inferred_from_an_anniversary_of_a_dated_event():
    doc = _doc("india_bangladesh.txt")
    assert (doc.published, doc.published_basis) == ("2021", "inferred")


def test_stated_in_the_body_prefers_published_over_updated():
    doc = _doc("brazil_argentina.txt")
    assert (doc.published, doc.published_basis) == ("2019-05-04", "text")
    assert "Published" not in doc.text and "Updated" not in doc.text


def test_updated_alone_is_used():
    doc = clean(RawDocument("x.txt", "Last updated: 1 March 2020\n\nSeoul and Hanoi met on Monday.\n", "text"))
    assert (doc.published, doc.published_basis) == ("2020-03-01", "text")


def test_metadata_beats_text_and_inference():
    assert publication_date("This year marks the 30th anniversary of the 1990 treaty.", "2019-01-02", "2018") == (
        "2019-01-02", "metadata")
    assert publication_date("This year marks the 30th anniversary of the 1990 treaty.", None, "2018") == (
        "2018", "text")
    assert publication_date("This year marks the 30th anniversary of the 1990 treaty.") == ("2020", "inferred")


def test_nothing_anchors_the_date():
    doc = clean(RawDocument("x.md", open(os.path.join(DOCS, "australia_indonesia.md"), encoding="utf-8").read(),
                            "markdown"))
    assert (doc.published, doc.published_basis) == (None, None)


@pytest.mark.parametrize("text, year", [
    ("This year's 30th anniversary of the 1990 treaty was celebrated in Dakar.", "2020"),
    ("France and Senegal are celebrating the sixtieth anniversary of the 1960 cooperation accord.", "2020"),
    ("Germany and Namibia established diplomatic relations in 1990. This year marks the 25th anniversary "
     "of diplomatic relations between the two.", "2015"),
    ("This year marks the 70th anniversary of diplomatic ties, which were established in 1949.", "2019"),
    ("It has been 25 years since Brazil and Argentina signed the nuclear accord in 1991.", "2016"),
    ("Thirty years ago, in 1992, South Korea and Vietnam opened embassies.", "2022"),
    ("Indonesia and Australia marks 70 years of diplomatic relations this year. The two set up "
     "diplomatic relations in 1949 after independence.", "2019"),
])
def test_inference_patterns(text, year):
    assert infer_year(text) == year


@pytest.mark.parametrize("text", [
    # a past celebration is no anchor for the year of writing
    "In 2015 the two countries marked the 60th anniversary of ties established in 1955.",
    # approximate counts anchor nothing
    "This year marks over seven decades of diplomatic relations since 1953.",
    # next year's anniversary is not this year's
    "Next year will mark the 50th anniversary of the 1973 agreement.",
    # the counted thing has no date in the text
    "This year marks the 40th anniversary of diplomatic relations between Brazil and Argentina.",
    # a count that is not placed in the present
    "Sixty years later, in 2013, the ties were upgraded to a strategic partnership after talks began in 1953.",
    # two cues that disagree
    "This year marks the 30th anniversary of the 1990 treaty. The 20th anniversary of the 1999 accord is celebrated "
    "this year too.",
])
def test_no_inference_when_in_doubt(text):
    assert infer_year(text) is None
