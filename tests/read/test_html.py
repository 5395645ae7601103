"""HTML pages: trafilatura keeps the article, drops scripts, navigation and footers; markup gives the metadata."""
import os

from bilateral.model import RawDocument
from bilateral.read import clean, read_sources

DOCS = os.path.join(os.path.dirname(__file__), "..", "docs", "read")
PAGE = os.path.join(DOCS, "france_senegal.html")


def test_html_page_from_disk():
    (raw,) = list(read_sources([PAGE]))
    assert raw.format == "html"
    doc = clean(raw)
    assert doc.title == "France and Senegal sign defence pact"
    assert doc.outlet == "The Dakar Observer"
    assert doc.author == "Aminata Diallo"
    assert (doc.published, doc.published_basis) == ("2019-11-17", "metadata")
    assert doc.text.startswith("France and Senegal signed a defence cooperation agreement in Dakar on Sunday")
    assert doc.text.count("\n\n") == 2, "three paragraphs, a blank line between each"
    for gone in ("analytics", "font-family", "Home", "Log in", "©", "newsletter", "cookies", "sign defence pact\n"):
        assert gone not in doc.text
    assert doc.n_chars_raw == len(raw.text) and doc.n_chars_clean == len(doc.text) < doc.n_chars_raw


def test_html_without_a_date_in_markup_and_a_body_dateline():
    html = ("<html><head><title>Seoul pledges loans to Hanoi</title></head><body>"
            "<div class='menu'><a href='/'>Home</a></div><main>"
            "<p>HANOI, 18 January 2017 (Mekong Wire) – South Korea pledged 1.5 billion dollars in concessional "
            "loans to Vietnam for the period to 2020, the Vietnamese government said on Wednesday.</p>"
            "<p>Korean investors are the largest source of foreign direct investment in Vietnam, with more than "
            "5,000 projects registered, officials said at the ceremony in the capital.</p>"
            "</main></body></html>")
    doc = clean(RawDocument(source_path="https://news.example/loans", text=html, format="html",
                            url="https://news.example/loans"))
    assert (doc.published, doc.published_basis) == ("2017-01-18", "metadata")
    assert doc.outlet == "Mekong Wire"
    assert doc.text.startswith("South Korea pledged 1.5 billion dollars")
    assert doc.url == "https://news.example/loans"


def test_html_metadata_given_with_the_source_wins():
    with open(PAGE, encoding="utf-8") as f:
        html = f.read()
    doc = clean(RawDocument(source_path="feed.jsonl#L1", text=html, format="html",
                            published="2019-11-18", outlet="Sahel Digest"))
    assert (doc.published, doc.outlet) == ("2019-11-18", "Sahel Digest")


def test_site_host_is_the_outlet_of_last_resort():
    html = ("<html><head><title>Canberra and Jakarta resume patrols</title></head><body><article>"
            "<p>Australia and Indonesia agreed on Tuesday to resume joint naval patrols in the Timor Sea, the "
            "defence ministers of both countries said after their annual meeting.</p>"
            "<p>The patrols were suspended two years ago after a dispute over fishing boats.</p>"
            "</article></body></html>")
    doc = clean(RawDocument(source_path="p.html", text=html, format="html", url="https://www.southern.example/a/1"))
    assert doc.outlet == "southern.example"
    assert doc.title == "Canberra and Jakarta resume patrols"
    assert (doc.published, doc.published_basis) == (None, None)
