"""The line filter: interface text goes, article lines stay, on documents written for these tests."""
import os

import pytest

from bilateral.model import RawDocument
from bilateral.read import clean
from bilateral.read.boilerplate import boilerplate, is_author_note, line_score

DOCS = os.path.join(os.path.dirname(__file__), "..", "docs", "read")

ARTICLE_LINES = [
    "Australia and Indonesia agreed on Tuesday to resume joint naval patrols in the Timor Sea, officials said.",
    "The prime minister said in a post on Facebook that the deal would create jobs in both countries.",
    "Trade between the two countries is growing:",
    "Australia to Indonesia: 8.6 billion dollars (2019)",
    "Background",
    "“We will follow this closely,” the minister told reporters in Jakarta.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_not_furniture(line):
    assert line_score(line) < 3


@pytest.mark.parametrize("line", [
    "Leave a comment",
    "Post a comment below or log in with your reader account",
    "You are signed in with your Instagram account. Sign out",
    "Connecting to %s",
    "Share this:",
    "Click to share on Telegram (Opens in new window)",
    "Follow us on Twitter",
    "© 2020 Andes Courier Group",
    "Copyright 2019 Southern Wire. All rights reserved.",
    "Subscribe to our newsletter",
    "This website uses cookies to give you a better browsing experience.",
    "=DELTA NEWS",
    "— Southern Wire",
    "Reporting by Ana Gómez; Editing by Peter Brandt",
])
def test_interface_lines_are_furniture(line):
    assert line_score(line) >= 3


def test_a_run_goes_as_a_whole_and_a_lone_short_line_stays():
    lines = [
        "Germany agreed on Friday to fund development projects in Namibia, the two governments said.",
        "Background",
        "The accord follows five years of negotiations between the two countries about the colonial era.",
        "Comments",
        "Instagram photo",
        "You are commenting with your Instagram account. Log out",
        "WhatsApp icon",
    ]
    assert boilerplate(lines) == {3, 4, 5, 6}


def test_furniture_inside_the_article_is_removed_but_neighbours_stay():
    lines = [
        "South Korea pledged 1.5 billion dollars in loans to Vietnam, the government said on Wednesday.",
        "Subscribe to our newsletter",
        "Korean investors are the largest source of foreign direct investment in Vietnam, officials said.",
    ]
    assert boilerplate(lines) == {1}


@pytest.mark.parametrize("paragraph", [
    "Rahul Mehta is a senior research fellow at the Institute for Regional Studies.",
    "Dr. Ana Gómez is an economist at the University of the Andes. All views in this article are her own.",
    "The views expressed here do not necessarily reflect those of the Delta Post.",
    "The author is a former ambassador of Senegal to France.",
])
def test_author_notes(paragraph):
    assert is_author_note(paragraph)


@pytest.mark.parametrize("paragraph", [
    "Namibia is a major exporter of uranium to Germany, officials said on Friday.",
    "President Macky Sall is a strong supporter of the defence pact with France.",
    "Indonesia was a founding member of ASEAN and remains the largest economy in the region.",
])
def test_not_author_notes(paragraph):
    assert not is_author_note(paragraph)


def test_whole_document_tail_is_cleaned():
    with open(os.path.join(DOCS, "germany_namibia.txt"), encoding="utf-8") as f:
        raw = RawDocument(source_path="germany_namibia.txt", text=f.read(), format="text")
    doc = clean(raw)
    assert doc.text.endswith("vocational training in the regions most affected.")
    for gone in ("Share this", "WhatsApp", "Like this", "newsletter", "©", "Sign in", "discussion"):
        assert gone not in doc.text
    assert doc.n_chars_clean < doc.n_chars_raw


def test_bio_and_disclaimer_at_the_end_are_removed():
    with open(os.path.join(DOCS, "india_bangladesh.txt"), encoding="utf-8") as f:
        raw = RawDocument(source_path="india_bangladesh.txt", text=f.read(), format="text")
    doc = clean(raw)
    assert doc.author == "Rahul Mehta"
    assert doc.text.endswith("to open a new rail link.")
    assert "research fellow" not in doc.text and "his own" not in doc.text


def test_tag_and_related_lines_at_the_end():
    with open(os.path.join(DOCS, "brazil_argentina.txt"), encoding="utf-8") as f:
        raw = RawDocument(source_path="brazil_argentina.txt", text=f.read(), format="text")
    doc = clean(raw)
    assert doc.text.endswith("would be signed in Buenos Aires next month.")


def test_a_paragraph_ending_in_citation_markers_is_a_sentence_not_furniture():
    lines = [
        "Kenya and Uganda signed a border accord in 2010, and both foreign ministers described it as a new start.[4]",
        "On 3 May 2012, the foreign minister of Kenya announced from his Twitter account that Kenya had "
        "reinstated its ambassador to Uganda, a year after the border clashes.[15]",
        "Uganda welcomed the decision two days later.[16][a]",
    ]
    assert boilerplate(lines) == set()
