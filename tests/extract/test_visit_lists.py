"""Visits a page lists under a heading that says who visited whom."""
from __future__ import annotations

from bilateral.extract.visit_lists import listed_visits
from bilateral.model import Document, text_id
from bilateral.nlp.gazetteer import Gazetteer

PAGE = """Chile–Peru relations

Chile and Peru established relations in 1839.

HIGH-LEVEL VISITS FROM CHILE TO PERU[4]

- President Ana Soto (2004)
- Foreign Minister Luis Vera (May 2009, 2012)
- Trade delegation

Presidential visits from Peru to Chile

President Jorge Ruiz (1998)

Trade

Chile exported copper worth $2 billion to Peru (2015).
"""


def visits(text: str) -> list:
    doc = Document(doc_id=text_id(text), source_path="page.md", text=text)
    return [(e.source.code, e.target.code, e.event_type, e.date, e.source.name, e.mentions[0].sentence)
            for e in listed_visits(doc, Gazetteer.load().resolve_country)]


def test_each_dated_item_under_a_visits_heading_is_a_visit_by_the_first_state():
    found = visits(PAGE)
    assert found == [
        ("CHL", "PER", "CONSULT", "2004", "President Ana Soto", "- President Ana Soto (2004)"),
        ("CHL", "PER", "CONSULT", "2009", "Foreign Minister Luis Vera", "- Foreign Minister Luis Vera (May 2009, 2012)"),
        ("CHL", "PER", "CONSULT", "2012", "Foreign Minister Luis Vera", "- Foreign Minister Luis Vera (May 2009, 2012)"),
        ("PER", "CHL", "CONSULT", "1998", "President Jorge Ruiz", "President Jorge Ruiz (1998)"),
    ]
    # the undated item ends its list; a sentence with a bracketed year under another heading is no visit
    assert not any(f[3] == "2015" for f in found)


def test_the_offsets_point_at_the_item():
    doc = Document(doc_id="d", source_path="page.md", text=PAGE)
    e = listed_visits(doc, Gazetteer.load().resolve_country)[0]
    m = e.mentions[0]
    assert PAGE[m.char_start:m.char_end] == "- President Ana Soto (2004)"


def test_a_heading_naming_no_known_state_lists_nothing():
    assert visits("Visits from Atlantis to Peru\n\nKing Orin (1990)\n") == []
