"""Claim conflicts: what disagrees, and the pairs that can both be true."""
from __future__ import annotations

from bilateral.model import Claim
from bilateral.reconcile.conflicts import claim_conflicts, claim_relations


def claim(cid, **kw) -> Claim:
    base = dict(claim_id=cid, doc_id="d_" + cid, metric="trade", subject="AUS", object="IDN", value=None,
                unit="USD", qualifier="exact", period_kind="flow", text=cid)
    base.update(kw)
    if base["value"] is not None and base.get("low") is None and base["qualifier"] == "exact":
        base["low"] = base["high"] = base["value"]
    return Claim(**base)


def kinds(*claims):
    return sorted(k.kind for k in claim_conflicts(claims))


def test_incompatible_figures_for_the_same_period_conflict():
    a = claim("a", value=17.8e9, period_start="2018", period_end="2018")
    b = claim("b", value=11.7e9, period_start="2018", period_end="2018", subject="IDN", object="AUS")
    [k] = claim_conflicts([a, b])
    assert k.kind == "value" and sorted(k.claim_ids) == ["a", "b"] and "2018" in k.explanation


def test_bounds_that_can_both_hold_agree():
    a = claim("a", metric="fdi", value=62e9, qualifier="more_than", low=62e9, period_kind="cumulative",
              period_start="1990", as_of="2018")
    b = claim("b", metric="fdi", value=65e9, qualifier="more_than", low=65e9, period_kind="cumulative",
              period_start="1990", as_of="2018")
    assert kinds(a, b) == []


def test_a_newer_larger_cumulative_total_is_an_update():
    old = claim("old", metric="oda", value=1.2e9, qualifier="approximate", low=1.1e9, high=1.3e9,
                period_kind="cumulative", period_start="1992", as_of="2008")
    new = claim("new", metric="oda", value=2.8e9, qualifier="more_than", low=2.8e9, period_kind="cumulative",
                period_start="1992", as_of="2018")
    assert kinds(old, new) == []
    shrunk = claim("shrunk", metric="oda", value=0.5e9, period_kind="cumulative", period_start="1992",
                   as_of="2019")
    # totals are compared along their as-of order: the update, then the shrink against the latest
    assert kinds(old, new, shrunk) == ["value"]
    decided = {(r.claim_a, r.claim_b): r.kind for r in claim_relations([old, new, shrunk])}
    assert decided == {("new", "old"): "update", ("new", "shrunk"): "value"}


def test_a_monthly_figure_in_millions_beside_annual_billions_is_an_outlier():
    year = claim("year", value=1.5e9, qualifier="approximate", low=1.35e9, high=1.65e9,
                 period_start="2016", period_end="2016")
    month = claim("month", value=1.5e6, qualifier="more_than", low=1.5e6, period_start="2017-01",
                  period_end="2017-11")
    [k] = claim_conflicts([year, month])
    assert k.kind == "outlier" and "typo" in k.explanation


def test_other_metric_scope_or_period_never_conflicts():
    investors = claim("inv", metric="investors", unit="people", value=3500, period_kind="point", as_of="2018")
    residents = claim("res", metric="residents", unit="people", value=3518, period_kind="point", as_of="2018")
    country = claim("country", metric="tourists", unit="people", value=200000, qualifier="more_than",
                    low=200000, period_start="2017", period_end="2017")
    city = claim("city", metric="tourists", unit="people", value=200000, scope="Bali", period_kind="annual")
    y2016 = claim("y2016", metric="fdi", value=822e6, period_start="2016", period_end="2016")
    span = claim("span", metric="fdi", value=1.5e9, period_kind="cumulative", period_start="2010",
                 period_end="2017")
    assert kinds(investors, residents, country, city, y2016, span) == []


def test_ranks_conflict_over_overlapping_times_only():
    first = claim("first", metric="donor_rank", unit=None, rank=1, period_kind="cumulative",
                  period_start="1992", period_end="2018", as_of="2018")
    second = claim("second", metric="donor_rank", unit=None, rank=2, as_of="2014-07-03", rank_group="CHN")
    later = claim("later", metric="donor_rank", unit=None, rank=2, as_of="2030")
    assert kinds(first, second) == ["rank"]
    assert kinds(first, later) == []


def test_agreement_is_recorded_with_its_reason():
    a = claim("a", metric="tourists", unit="people", value=200000, qualifier="more_than", low=200000,
              period_start="2017", period_end="2017")
    b = claim("b", metric="tourists", unit="people", value=210000, qualifier="approximate", low=189000,
              high=231000, period_start="2017", period_end="2017")
    [r] = claim_relations([a, b], grp="g")
    assert (r.kind, r.grp) == ("agree", "g") and "overlap" in r.explanation


def test_the_outlier_names_a_peer_from_its_own_document_first():
    year = claim("year", doc_id="d1", value=17.8e9, period_start="2018", period_end="2018")
    other = claim("other", doc_id="d2", value=11.7e9, period_start="2018", period_end="2018")
    month = claim("month", doc_id="d1", value=1.5e6, period_start="2019-01", period_end="2019-01")
    outliers = [k for k in claim_conflicts([year, other, month]) if k.kind == "outlier"]
    assert [sorted(k.claim_ids) for k in outliers] == [["month", "year"]]


def test_the_indexed_outlier_check_decides_what_the_direct_one_decides():
    # one large group of yearly flows, a few of them off by a scale word: both forms name the same peers
    import random

    r = random.Random(11)
    claims = []
    for i in range(300):
        year = r.randint(2005, 2020)
        value = r.choice([2.0e9, 2.1e9, 1.9e9, 2.5e9, 2.0e6, 2.0e12]) * r.choice([1.0, 1.04])
        claims.append(claim(f"c{i:03d}", doc_id=f"d{r.randrange(40)}", metric="exports", subject="BRA",
                            object="ARG", value=value, value_usd=value, period_start=str(year),
                            period_end=str(year), period_kind="annual", as_of=str(year + 1)))
    direct = claim_relations(claims, "g", indexed_outliers=10 ** 9)
    indexed = claim_relations(claims, "g", indexed_outliers=1)
    assert [x.to_dict() for x in indexed] == [x.to_dict() for x in direct]
    assert sum(x.kind == "outlier" for x in direct) >= 10


def test_a_group_within_a_hundredfold_has_no_outlier():
    # yearly loans between 1 and 90 million: no figure can be a hundred times its peers' median
    claims = [claim(f"l{i}", metric="loans", subject="CAN", object="MEX", value=v, value_usd=v,
                    period_start=str(2010 + i % 3), period_end=str(2010 + i % 3), period_kind="annual")
              for i, v in enumerate([1e6, 9e7, 3e6, 5e7, 2e6, 8e7])]
    assert not [x for x in claim_relations(claims) if x.kind == "outlier"]


def test_a_negative_figure_among_the_peers_names_no_outlier_instead_of_failing():
    # the median of the peers (-0.5 and 13 million) is far from a billion, but neither peer is: nothing to name
    figures = {"big": (2001, 1e9), "neg": (2002, -5e5), "mid": (2003, 1.3e7)}
    claims = [claim(cid, metric="oda", value=v, value_usd=v, period_start=str(y), period_end=str(y),
                    period_kind="annual") for cid, (y, v) in figures.items()]
    assert [x.kind for x in claim_relations(claims)] == []
    # with a positive peer in place of the negative one the same billion is an outlier
    claims[1] = claim("pos", metric="oda", value=5e5, value_usd=5e5, period_start="2002", period_end="2002",
                      period_kind="annual")
    assert sorted((x.kind, x.claim_a, x.claim_b) for x in claim_relations(claims)) == [("outlier", "big", "pos")]
    # the billion's peers (both signs) have a zero median: no ratio to measure for it; 0.5 million still has
    # the billion among its own peers, whose median is half a billion
    claims[1:] = [claim(cid, metric="oda", value=v, value_usd=v, period_start="2002", period_end="2002",
                        period_kind="annual") for cid, v in (("minus", -5e5), ("plus", 5e5))]
    assert sorted((x.kind, x.claim_a, x.claim_b) for x in claim_relations(claims)) == [("outlier", "big", "plus")]


def test_the_direct_outlier_check_takes_the_median_of_even_and_odd_windows():
    import statistics

    from bilateral.reconcile.outliers import median as _median
    for values in ([3.0], [5.0, 1.0], [2, 9, 4], [1e9, 2.0, 7.5, 3.0], [4, 4, 1, 8, 8, 2]):
        assert _median(values) == statistics.median(values)


def test_one_disagreement_told_by_three_sources_is_one_conflict():
    a = claim("a", value=1.45e9, period_start="2023", period_end="2023")
    b = claim("b", value=1.45e9, period_start="2023", period_end="2023")   # the same figure, another source
    c = claim("c", value=1.1e9, period_start="2023", period_end="2023")
    [k] = claim_conflicts([a, b, c])
    assert k.kind == "value" and sorted(k.claim_ids) == ["a", "b", "c"]
    # two figures that each disagree with a third, and with each other, stay apart
    d = claim("d", value=0.5e9, period_start="2023", period_end="2023")
    assert len(claim_conflicts([a, c, d])) == 3


# --- conflicts only where both cannot hold -------------------------------------------------------------


def test_figures_of_one_sentence_never_conflict():
    sentence = "Exports were $48.6 billion, imports $19.6 billion and trade $68.2 billion."
    a = claim("a", doc_id="d1", value=48.6e9, period_start="2018", period_end="2018", sentence=sentence)
    b = claim("b", doc_id="d1", value=19.6e9, period_start="2018", period_end="2018", sentence=sentence)
    assert kinds(a, b) == [] and claim_relations([a, b]) == []


def test_figures_of_different_metrics_never_conflict():
    a = claim("a", metric="exports", value=48.6e9, period_start="2018", period_end="2018")
    b = claim("b", metric="imports", value=19.6e9, period_start="2018", period_end="2018")
    surplus = claim("s", fine_metric="trade_surplus", value=7.1e9, period_start="2018", period_end="2018")
    volume = claim("v", value=60e9, period_start="2018", period_end="2018")
    assert kinds(a, b) == [] and kinds(surplus, volume) == []


def test_a_figure_without_both_parties_never_conflicts():
    a = claim("a", value=17.8e9, period_start="2018", period_end="2018")
    b = claim("b", value=11.7e9, period_start="2018", period_end="2018", object=None)
    assert kinds(a, b) == []


def test_a_target_and_its_outcome_are_plan_versus_fact():
    target = claim("t", value=10e9, period_start="2020", period_end="2020", modality="planned")
    fact = claim("f", value=7e9, period_start="2020", period_end="2020")
    assert kinds(target, fact) == []
    [r] = claim_relations([target, fact])
    assert r.kind == "plan_vs_fact" and "target" in r.explanation


def test_two_undated_sums_of_one_document_never_conflict():
    a = claim("a", doc_id="d1", metric="imports", value=310e6, sentence="one")
    b = claim("b", doc_id="d1", metric="imports", value=89e6, sentence="two")
    assert kinds(a, b) == []


def test_every_claim_a_conflict_names_is_explained():
    a = claim("a", value=17.8e9, period_start="2018", period_end="2018", text="A$17.8 billion")
    a2 = claim("a2", value=17.9e9, period_start="2018", period_end="2018", text="A$17.9 billion")
    b = claim("b", value=11.7e9, period_start="2018", period_end="2018", text="A$11.7 billion")
    [k] = claim_conflicts([a, a2, b])
    assert sorted(k.claim_ids) == ["a", "a2", "b"]
    assert all(f"“{c.text}”" in k.explanation for c in (a, a2, b))


def test_an_exact_figure_stands_for_what_rounds_to_it():
    a = claim("a", value=7.1e9, text="7.1 billion dlrs", period_start="1986", period_end="1986")
    b = claim("b", value=7.4e9, text="7.4 billion dollars", period_start="1986", period_end="1986")
    assert kinds(a, b) == ["value"]
    rounded = claim("r", value=48e9, text="$48 billion", period_start="1986", period_end="1986")
    precise = claim("p", value=48.4e9, text="$48.4 billion", period_start="1986", period_end="1986")
    assert kinds(rounded, precise) == []
