"""The answer's shape: to_dict gives the answer, its kind and basis, its citations and its items."""
from bilateral.ask import Answer, Citation


def test_to_dict_has_the_contract_keys():
    c = Citation("d_1", "a/b.txt", "T", "2019", "Oslo gave NOK 5 million.", 10, 34)
    a = Answer("NOK 5 million.", [c], [{"claim_id": "c_1"}], kind="figure", basis="record")
    d = a.to_dict()
    assert set(d) == {"answer", "kind", "basis", "answered", "citations", "items"}
    assert d["kind"] == "figure" and d["basis"] == "record" and d["answered"] is True
    assert d["citations"][0] == {"doc_id": "d_1", "source_path": "a/b.txt", "title": "T", "published": "2019",
                                 "sentence": "Oslo gave NOK 5 million.", "char_start": 10, "char_end": 34}
    assert d["items"] == [{"claim_id": "c_1"}]
