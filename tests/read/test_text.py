"""clean on plain text and markdown: title, outlet, byline, datelines, markdown, paragraphs and offsets."""
import os

import pytest

from bilateral.model import RawDocument, text_id
from bilateral.read import clean
from bilateral.read.header import byline, dateline, outlet_date, stated_date

DOCS = os.path.join(os.path.dirname(__file__), "..", "docs", "read")


def _raw(name: str) -> RawDocument:
    with open(os.path.join(DOCS, name), encoding="utf-8") as f:
        text = f.read()
    return RawDocument(source_path=name, text=text, format="markdown" if name.endswith(".md") else "text")


def _text(text: str, **meta) -> RawDocument:
    return RawDocument(source_path="inline.txt", text=text, format="text", **meta)


def _assert_offsets(raw: RawDocument, doc) -> None:
    assert doc.offsets, "plain text always maps back to its source"
    covered = 0
    for clean_start, source_start, length in doc.offsets:
        assert raw.text[source_start:source_start + length] == doc.text[clean_start:clean_start + length]
        covered += length
    assert covered >= 0.95 * len(doc.text)


def test_header_lines_become_metadata():
    raw = _raw("germany_namibia.txt")
    doc = clean(raw)
    assert doc.title == "Germany and Namibia Sign Reconciliation Accord"
    assert doc.outlet == "The Windhoek Ledger"
    assert doc.author == "Anna Shikongo; Peter Brandt"
    assert (doc.published, doc.published_basis) == ("2021-05-28", "metadata")
    assert doc.text.startswith("Germany agreed on Friday to fund development projects in Namibia")
    assert "WINDHOEK" not in doc.text and "By ANNA" not in doc.text and "28 May 2021" not in doc.text
    assert doc.doc_id == text_id(doc.text)
    assert (doc.n_chars_raw, doc.n_chars_clean) == (len(raw.text), len(doc.text))
    _assert_offsets(raw, doc)


def test_dateline_with_date_and_agency_and_sign_off():
    raw = _raw("korea_vietnam.txt")
    doc = clean(raw)
    assert (doc.published, doc.published_basis, doc.outlet) == ("2017-01-18", "metadata", "Mekong Wire")
    assert doc.text.startswith("South Korea pledged 1.5 billion dollars")
    assert not doc.text.rstrip().endswith("Mekong Wire")
    assert doc.title is None
    _assert_offsets(raw, doc)


@pytest.mark.parametrize("line, place, outlet, date, rest", [
    ("JAKARTA, (Mekong Wire) – The two sides met.", "JAKARTA", "Mekong Wire", None, "The two sides met."),
    ("(Brasilia): Brazil opened talks.", "Brasilia", None, None, "Brazil opened talks."),
    ("CANBERRA (Southern Wire) - Australia said.", "CANBERRA", "Southern Wire", None, "Australia said."),
    ("DHAKA, 3 March 2021 — Trade rose.", "DHAKA", None, "2021-03-03", "Trade rose."),
    ("NEW DELHI, March 3, 2021: India said.", "NEW DELHI", None, "2021-03-03", "India said."),
    ("Nairobi, 14 March 2024 - Kenya said.", "Nairobi", None, "2024-03-14", "Kenya said."),
    ("Buenos Aires, June 2, 2019 — Argentina said.", "Buenos Aires", None, "2019-06-02", "Argentina said."),
    ("Accra, Ghana, March 3, 2021 — Ghana said.", "Accra", None, "2021-03-03", "Ghana said."),
    ("ACCRA, Ghana (West Wire) — Ghana said.", "ACCRA", "West Wire", None, "Ghana said."),
    ("LIMA, March 4, - Peru said.", "LIMA", None, None, "Peru said."),   # a wire's stray comma before the dash
])
def test_dateline_styles(line, place, outlet, date, rest):
    found = dateline(line)
    assert (found.place, found.outlet, found.published) == (place, outlet, date)
    assert line[found.length:] == rest


@pytest.mark.parametrize("line", [
    "Germany and Namibia signed an accord on Friday.",
    "ASEAN members met in Jakarta - and agreed on little.",
    "The Lombok Treaty (2006) – a security pact – still holds.",
    "Since then, 2019 - The year of the accord - changed little.",
    "Germany, Namibia - Two states with one shared history.",
])
def test_no_dateline_in_ordinary_sentences(line):
    assert dateline(line) is None


def test_dateline_stripped_but_sentence_kept():
    doc = clean(_text("(Dakar): Senegal and France renewed their defence pact on Sunday.\n\nMore talks follow.\n"))
    assert doc.text == "Senegal and France renewed their defence pact on Sunday.\n\nMore talks follow."


@pytest.mark.parametrize("line, author", [
    ("by Jane Doe", "Jane Doe"),
    ("By JANE DOE and JOHN ROE", "Jane Doe; John Roe"),
    ("By Maria da Silva, Carlos Pérez & Ana Gómez", "Maria da Silva; Carlos Pérez; Ana Gómez"),
    ("Written by Tran Van Minh", "Tran Van Minh"),
    ("Author: Siti Rahma", "Siti Rahma"),
])
def test_byline_styles(line, author):
    assert byline(line)[0] == author


@pytest.mark.parametrize("line", [
    "By 2030 the two countries hope to double trade.",
    "by the end of the year",
    "Bye-bye to tariffs",
])
def test_not_bylines(line):
    assert byline(line) is None


@pytest.mark.parametrize("line, expected", [
    ("The Sahel Daily, 2 February 2018", ("The Sahel Daily", "2018-02-02")),
    ("Delta Post, 3 July 2014", ("Delta Post", "2014-07-03")),
    ("Southern Cross Herald | March 4, 2019", ("Southern Cross Herald", "2019-03-04")),
    ("12 June 2020 - Andes Courier", ("Andes Courier", "2020-06-12")),
])
def test_outlet_date_lines(line, expected):
    assert outlet_date(line) == expected


def test_outlet_date_needs_a_year():
    assert outlet_date("Delta Post, 3 July") is None


@pytest.mark.parametrize("line, expected", [
    ("Published: 4 May 2019", ("published", "2019-05-04")),
    ("Updated 2020-03-01", ("updated", "2020-03-01")),
    ("Posted on March 3, 2019 at 10:45 am", ("published", "2019-03-03")),
    ("This article was first published on 12 June 2020.", ("published", "2020-06-12")),
])
def test_stated_date_lines(line, expected):
    assert stated_date(line) == expected


def test_markdown_headings_bold_links_and_bullets():
    raw = _raw("australia_indonesia.md")
    doc = clean(raw)
    assert doc.title == "Australia–Indonesia relations"
    assert doc.text.startswith("Australia–Indonesia relations are the bilateral relations between Australia")
    assert "*" not in doc.text and "#" not in doc.text and "](" not in doc.text and "G20 and the East" in doc.text
    assert "\nHistory\n" not in doc.text and "\n\nTrade\n\n" not in doc.text
    assert "\n\nAustralia to Indonesia: 8.6 billion dollars (2019)\n\nIndonesia to Australia:" in doc.text
    assert "in 1949. The two countries signed the Lombok Treaty" in doc.text
    assert doc.published is None and doc.published_basis is None
    _assert_offsets(raw, doc)


def test_paragraphs_are_separated_by_a_blank_line_and_wrapped_lines_joined():
    text = ("Indonesia and Australia\nresumed patrols in the\nTimor Sea on Monday.\n\n\n"
            "Officials said the\n  patrols would continue.\n")
    doc = clean(_text(text))
    assert doc.text == ("Indonesia and Australia resumed patrols in the Timor Sea on Monday.\n\n"
                        "Officials said the patrols would continue.")
    assert doc.title is None


def test_crlf_and_odd_spaces():
    text = "Brazil and Argentina agreed\u00a0on new quotas.\r\n\r\nTrade\u00adwise it helps.\r\n"
    raw = _text(text)
    doc = clean(raw)
    assert doc.text == "Brazil and Argentina agreed on new quotas.\n\nTradewise it helps."
    _assert_offsets(raw, doc)


def test_known_title_is_not_repeated_in_the_body():
    doc = clean(_text("Seoul and Hanoi upgrade ties\n\nSouth Korea and Vietnam upgraded their ties on Monday.\n",
                      title="Seoul and Hanoi upgrade ties", published="2022-12-05", outlet="Mekong Wire"))
    assert doc.text == "South Korea and Vietnam upgraded their ties on Monday."
    assert (doc.title, doc.outlet, doc.published, doc.published_basis) == (
        "Seoul and Hanoi upgrade ties", "Mekong Wire", "2022-12-05", "metadata")


def test_single_line_document_is_body_not_title():
    doc = clean(_text("France and Senegal sign defence pact\n"))
    assert doc.text == "France and Senegal sign defence pact" and doc.title is None


def test_offsets_map_each_clean_character_back():
    raw = _raw("germany_namibia.txt")
    doc = clean(raw)
    i = doc.text.index("1.1 billion euros")
    j = doc.source_offset(i)
    assert raw.text[j:j + len("1.1 billion euros")] == "1.1 billion euros"


def test_markdown_links_side_by_side_keep_their_space():
    doc = clean(_text("Both are members of [G20](https://example.org/a) [APEC](https://example.org/b) and *the* "
                      "**East Asia** Summit.\n"))
    assert doc.text == "Both are members of G20 APEC and the East Asia Summit."


def test_underscores_inside_identifiers_are_text_not_emphasis():
    from bilateral.read.text import clean_text
    text = clean_text("Officials found window.__flag__ set and a __bold__ word in the note.\n").text
    assert "window.__flag__" in text and "a bold word" in text


@pytest.mark.parametrize("source, title, author, published, outlet, body", [
    ("Peru and Chile sign a water pact\nBy Ana Rojas | March 3, 2021\n\nPeru and Chile met.",
     "Peru and Chile sign a water pact", "Ana Rojas", "2021-03-03", None, "Peru and Chile met."),
    ("Peru and Chile sign a water pact\nThe Andes Courier, 3 March 2021\nPeru and Chile met on Monday.",
     "Peru and Chile sign a water pact", None, "2021-03-03", "The Andes Courier", "Peru and Chile met on Monday."),
    # a first sentence wrapped over two lines is body, not a title
    ("Peru and Chile signed a water pact on Monday in Lima\nafter two years of talks.\n\nMore followed.",
     None, None, None, None, "Peru and Chile signed a water pact on Monday in Lima after two years of talks."),
])
def test_header_lines_run_together_at_the_top(source, title, author, published, outlet, body):
    doc = clean(_text(source))
    assert (doc.title, doc.author, doc.published, doc.outlet) == (title, author, published, outlet)
    assert doc.text.startswith(body)
