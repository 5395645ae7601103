"""BM25 over sentences and the light stemmer both sides share."""
from bilateral.ask.passages import Passage
from bilateral.ask.retrieve import BM25, coverage, stem, terms


def test_stem_matches_forms_of_a_word():
    assert stem("visited") == stem("visit") == stem("visits")
    assert stem("provinces") == stem("province")
    assert stem("ratified") == stem("ratify")
    assert stem("Japan's") == "japan"


def test_bm25_ranks_the_sentence_with_the_rare_words_first():
    ps = [Passage("d", 0, 10, "Trade between the two countries grew."),
          Passage("d", 11, 20, "The minister visited the port to open a fishery."),
          Passage("d", 21, 30, "The two countries signed a fishery accord.")]
    index = BM25(ps)
    hits = index.search(terms("Why did the minister visit the port?"))
    assert hits[0][1].start == 11
    assert index.search(terms("volcano")) == []


def test_coverage_counts_query_terms_present():
    assert coverage(terms("killed peacekeepers"), "Two peacekeepers were killed.") == 1.0
    assert coverage(terms("killed peacekeepers"), "Peacekeepers were deployed.") == 0.5
