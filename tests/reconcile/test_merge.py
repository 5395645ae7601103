"""Merging mentions of one event across documents, and keeping different events apart."""
from __future__ import annotations

from bilateral.model import Actor, Event, Mention
from bilateral.reconcile.events import event_conflicts
from bilateral.reconcile.merge import merge_events


def ev(eid, doc, date, cameo="054", etype="SUPPORT", src="KOR", tgt="VNM", modality="asserted", trigger="establish",
       topic="relation"):
    return Event(event_id=eid, source=Actor(src, src), target=Actor(tgt, tgt), event_type=etype, modality=modality,
                 date=date, cameo=cameo, trigger=trigger, topic=topic, summary=eid,
                 mentions=[Mention(doc, f"sentence {eid}", 0, 10)])


def test_same_act_at_agreeing_dates_merges_and_keeps_the_precise_date():
    events, members = merge_events([ev("a", "d1", "1992"), ev("b", "d2", "1992-12-22", src="VNM", tgt="KOR"),
                                    ev("c", "d3", "1992-12")])
    assert len(events) == 1
    assert events[0].date == "1992-12-22" and len(events[0].mentions) == 3
    assert sorted(m for _, m in members) == ["a", "b", "c"]


def test_different_dates_types_or_moods_stay_apart():
    events, _ = merge_events([
        ev("contact", "d1", "1603"), ev("ties", "d1", "1953"),
        ev("march", "d2", "1945-03", cameo="190", etype="ASSAULT", trigger="overthrow"),
        ev("vague", "d3", "1945", cameo="190", etype="ASSAULT", trigger="overthrow"),
        ev("october", "d4", "1945-10", cameo="190", etype="ASSAULT", trigger="overthrow"),
        ev("plan", "d5", "1953", modality="planned"),
    ])
    dates = sorted((e.date, e.modality) for e in events)
    assert ("1603", "asserted") in dates and ("1953", "planned") in dates
    # complete-link: the vague 1945 joins one of the precise dates, never both
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 2


def test_announced_then_done_at_another_date_is_plan_vs_fact():
    plan = ev("plan", "d1", "2019-11", cameo="061", etype="COOPERATE", modality="planned", trigger="start",
              topic="flight")
    done = ev("done", "d2", "2021", cameo="061", etype="COOPERATE", trigger="launch", topic="flight")
    [(pair, k)] = event_conflicts([plan, done])
    assert k.kind == "plan_vs_fact" and k.event_ids == ["plan", "done"] and pair == "KOR|VNM"
    assert event_conflicts([plan, ev("same", "d2", "2019-11-05", cameo="061", etype="COOPERATE",
                                     trigger="launch", topic="flight")]) == []



def test_two_acts_of_one_kind_in_one_article_and_year_stay_apart():
    events, _ = merge_events([ev("visit", "d1", "2014", cameo="042", etype="CONSULT", trigger="visit", topic=None),
                              ev("talks", "d1", "2014", cameo="046", etype="CONSULT", trigger="begin",
                                 topic="negotiation")])
    assert len(events) == 2


def _dense_block(n):
    """Many mentions of one pair, type and mood in one year, at dates of every precision, some in one document."""
    import random
    r = random.Random(5)
    out = []
    for i in range(n):
        date = r.choice(["2016", "2016-0" + str(r.randint(1, 4)),
                         f"2016-0{r.randint(1, 4)}-{r.randint(10, 13)}"])
        src, tgt = ("CAN", "MEX") if r.random() < 0.7 else ("MEX", "CAN")
        out.append(ev(f"m{i:03d}", f"d{r.randrange(12)}", date, cameo=r.choice(["036", "0361", "040", "046"]),
                      etype="CONSULT", src=src, tgt=tgt, trigger="meet", topic="trade"))
    return out


def test_a_large_block_indexed_by_date_merges_as_the_full_scan_does():
    mentions = _dense_block(400)
    scanned = merge_events(mentions, index_clusters=10 ** 9)   # every cluster of the block tried in turn
    indexed = merge_events(mentions, index_clusters=2)         # only the clusters the date allows
    assert [e.to_dict() for e in indexed[0]] == [e.to_dict() for e in scanned[0]]
    assert indexed[1] == scanned[1]
    assert 20 < len(scanned[0]) < 400   # some merged, some kept apart


def test_events_come_out_in_the_order_of_their_first_mentions_across_pairs():
    mentions = [ev("a", "d1", "2001", src="BRA", tgt="ARG"), ev("b", "d1", "2002", src="IND", tgt="BGD"),
                ev("c", "d2", "2001", src="ARG", tgt="BRA"), ev("d", "d2", "2003", src="BRA", tgt="ARG")]
    events, members = merge_events(mentions)
    assert [e.event_id for e in events] == ["a", "b", "d"]
    assert members == [("a", "a"), ("a", "c"), ("b", "b"), ("d", "d")]


def test_merging_leaves_the_garbage_collector_as_it_found_it():
    import gc
    assert gc.isenabled()
    merge_events([ev("a", "d1", "2001")])
    assert gc.isenabled()
    gc.disable()
    try:
        merge_events([ev("a", "d1", "2001")])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_undated_acts_in_two_documents_are_one_only_when_published_close_together():
    aid = dict(date=None, cameo="070", etype="AID", trigger="provide", topic=None)
    published = {"d1": "2019-05-02", "d2": "2019-05-20", "d3": "2011-03-01", "d4": None}
    events, _ = merge_events([ev("a", "d1", **aid), ev("b", "d2", **aid), ev("c", "d3", **aid),
                              ev("d", "d4", **aid)], published)
    assert sorted(sorted(m.doc_id for m in e.mentions) for e in events) == [["d1", "d2"], ["d3"], ["d4"]]
    # without publication dates nothing undated merges across documents
    assert len(merge_events([ev("a", "d1", **aid), ev("b", "d2", **aid)])[0]) == 2


def test_in_documents_without_any_date_the_same_code_done_to_the_same_thing_is_one_act():
    cut = dict(date=None, cameo="172", etype="COERCE", src="IRN", tgt="TUR", topic="stake")
    undated = {"d1": None, "d2": None, "d3": None, "d4": "2004-09-01"}
    events, _ = merge_events([ev("a", "d1", trigger="cut", **cut), ev("b", "d2", trigger="slash", **cut),
                              ev("c", "d3", trigger="cut", **dict(cut, topic="contract")),
                              ev("d", "d4", trigger="cut", **cut)], undated)
    # the fourth report has a date, so when it came out tells its undated act apart; another thing is another act
    assert sorted(sorted(m.doc_id for m in e.mentions) for e in events) == [["d1", "d2"], ["d3"], ["d4"]]
    # two such acts in one document stay two, and documents the store does not know are not undated
    assert len(merge_events([ev("a", "d1", trigger="cut", **cut), ev("b", "d1", trigger="slash", **cut)],
                            undated)[0]) == 2
    assert len(merge_events([ev("a", "d1", trigger="cut", **cut), ev("b", "d2", trigger="slash", **cut)])[0]) == 2


def test_meetings_in_the_days_after_a_visit_starts_are_that_visit():
    visit = dict(etype="CONSULT", src="GBR", tgt="KOR", topic=None)
    trip = ev("t", "d1", "1987-04-04", cameo="042", trigger="trip", **visit)
    planned = ev("p", "d1", "1987-04-04", cameo="042", trigger="trip", modality="intended", **visit)
    planned.mentions[0].char_start, planned.mentions[0].char_end = 40, 60   # another sentence of the report
    meetings = ev("m", "d2", "1987-04-07", cameo="040", trigger="meeting", **visit)
    later = ev("l", "d3", "1987-04-20", cameo="040", trigger="meeting", **visit)
    events, _ = merge_events([trip, planned, meetings, later])
    # the report's visit (told as under way and as planned) and the meetings three days on are one;
    # meetings two weeks later are not
    assert sorted(sorted(m.sentence for m in e.mentions) for e in events) == [
        ["sentence l"], ["sentence m", "sentence p", "sentence t"]]
    # with two visits of the pair starting in those days, the meetings belong to neither for certain
    other = ev("o", "d4", "1987-04-05", cameo="042", trigger="visit", **visit)
    assert len(merge_events([trip, other, meetings])[0]) == 3


def test_a_continuing_act_is_one_whatever_its_verb_or_mood():
    will_fund = ev("fund", "d1", None, cameo="071", etype="AID", modality="intended", trigger="fund", topic=None)
    supports = ev("support", "d2", None, cameo="070", etype="AID", trigger="support", topic=None)
    will_fund.aspect = supports.aspect = "ongoing"
    events, _ = merge_events([will_fund, supports], {"d1": "2021", "d2": "2021-02-02"})
    assert len(events) == 1 and len(events[0].mentions) == 2 and events[0].aspect == "ongoing"
    # told as a one-off act, the same two stay apart
    supports.aspect = None
    assert len(merge_events([will_fund, supports], {"d1": "2021", "d2": "2021-02-02"})[0]) == 2


def test_an_undated_mention_joins_the_act_its_document_dates_elsewhere():
    dated = ev("m1", "d1", "1987-04", cameo="042", etype="CONSULT", src="GBR", tgt="JPN", trigger="trip")
    again = ev("m2", "d1", None, cameo="042", etype="CONSULT", src="GBR", tgt="JPN", trigger="trip")
    again.mentions = [Mention("d1", "his trip", 40, 60)]
    other_doc = ev("m3", "d2", None, cameo="042", etype="CONSULT", src="GBR", tgt="JPN", trigger="trip")
    events, members = merge_events([dated, again, other_doc])
    assert len(events) == 2 and events[0].date == "1987-04" and len(events[0].mentions) == 2


def test_reports_of_one_figure_for_one_act_are_one_event_whatever_their_verb():
    lend = ev("lend", "d1", "1987-03", cameo="070", etype="AID", src="VEN", tgt="ECU", modality="intended",
              trigger="lend", topic=None)
    would = ev("would", "d2", None, cameo="070", etype="AID", src="VEN", tgt="ECU", modality="intended",
               trigger="provide", topic=None)
    other = ev("other", "d2", None, cameo="070", etype="AID", src="VEN", tgt="ECU", modality="intended",
               trigger="supply", topic=None)
    lend.amount, would.amount, other.amount = "50000 barrels_per_day", "50000 barrels_per_day", "1.25e+07 barrels"
    published = {"d1": "1987-03-12", "d2": "1987-03-13"}
    events, _ = merge_events([lend, would, other], published)
    assert sorted(sorted(m.sentence for m in e.mentions) for e in events) == [
        ["sentence lend", "sentence would"], ["sentence other"]]
    assert next(e for e in events if len(e.mentions) == 2).amount == "50000 barrels_per_day"
    # a figure given without its unit ("a five mln crude oil loan") still names the act
    loan = ev("loan", "d1", None, cameo="070", etype="AID", src="VEN", tgt="ECU", trigger="loan", topic=None)
    lending = ev("lending", "d2", "1987-03-13", cameo="070", etype="AID", src="VEN", tgt="ECU", trigger="lend",
                 topic=None)
    loan.amount, lending.amount = "5e+06", "5e+06 barrels"
    assert len(merge_events([loan, lending], published)[0]) == 1
    # documents years apart tell of two loans, however alike their figures
    assert len(merge_events([loan, lending], {"d1": "1980-01-01", "d2": "1987-03-13"})[0]) == 2


def test_words_dated_by_their_report_merge_only_by_the_same_code_and_verb():
    accuse = dict(date="1987-03", cameo="112", etype="ACCUSE", src="USA", tgt="JPN", topic=None)
    accused = ev("a", "d1", trigger="accuse", **accuse)
    opposes = ev("b", "d2", trigger="oppose", **dict(accuse, cameo="111"))
    again = ev("c", "d3", trigger="accuse", **accuse)
    for e in (accused, opposes, again):
        e.date_basis = "inferred"
    events, _ = merge_events([accused, opposes, again], {"d1": "1987-03-12", "d2": "1987-03-14", "d3": "1987-03-20"})
    assert sorted(len(e.mentions) for e in events) == [1, 2]
    # stated dates join them as before
    for e in (accused, opposes):
        e.date_basis = "explicit"
    assert len(merge_events([accused, opposes])[0]) == 1


def test_two_figures_in_one_document_are_two_acts():
    aid = dict(cameo="070", etype="AID", src="VEN", tgt="ECU", modality="planned", topic=None)
    total = ev("total", "d1", "1987-03", trigger="lend", **aid)
    daily = ev("daily", "d1", "1987-03", trigger="lend", **aid)
    total.amount, daily.amount = "1.25e+07 barrels", "50000 barrels_per_day"
    assert len(merge_events([total, daily])[0]) == 2
    # in two documents, figures in different units tell two acts, one unit's two values one act in dispute
    daily.mentions = [Mention("d2", "sentence daily", 0, 10)]
    assert len(merge_events([total, daily])[0]) == 2
    daily.amount = "1.2e+07 barrels"
    assert len(merge_events([total, daily])[0]) == 1


def test_plans_dated_by_their_report_merge_by_the_same_verb_in_reports_near_in_time():
    plan = dict(date="1987", cameo="070", etype="AID", src="VEN", tgt="ECU", modality="intended", topic=None)
    lend = ev("a", "d1", trigger="lend", **plan)
    sell = ev("b", "d1", trigger="provide", **plan)
    again = ev("c", "d2", trigger="lend", **plan)
    later = ev("d", "d3", trigger="lend", **plan)
    for e in (lend, sell, again, later):
        e.date_basis = "inferred"
    events, _ = merge_events([lend, sell, again, later], {"d1": "1987-03-12", "d2": "1987-03-13", "d3": "1987-11-02"})
    assert sorted(sorted(m.sentence for m in e.mentions) for e in events) == [
        ["sentence a", "sentence c"], ["sentence b"], ["sentence d"]]


def _told(eid, doc, sentence, modality, cameo, trigger, date=None, src="IND", tgt="RUS"):
    return Event(event_id=eid, source=Actor(src, src), target=Actor(tgt, tgt), event_type="CONSULT",
                 modality=modality, date=date, cameo=cameo, trigger=trigger, summary=eid,
                 mentions=[Mention(doc, sentence, 0, len(sentence))])


def test_a_plan_one_report_announces_is_the_act_another_report_tells_as_done():
    plan = _told("plan", "d1", "The Indian firm is expected to hold talks on Tuesday about buying a stake in "
                               "assets once owned by Yukos.", "planned", "046", "hold")
    done = _told("done", "d2", "India's biggest oil firm says it is in talks to buy the former assets of "
                               "Russian crude producer Yukos.", "asserted", "040", "talk")
    other = _told("other", "d2", "India's oil minister discussed the firm's plans during a trip to Moscow.",
                  "asserted", "040", "discuss")
    events, _ = merge_events([plan, other, done])
    merged = [e for e in events if len(e.mentions) == 2]
    assert len(events) == 2 and merged and merged[0].modality == "asserted"
    assert {m.doc_id for m in merged[0].mentions} == {"d1", "d2"}


def test_a_shared_person_an_earlier_deed_or_another_date_keeps_plan_and_deed_apart():
    plan = _told("plan", "d1", "Later Foreign Secretary Jack Straw said the UK was prepared to veto any bid to "
                               "cut the rebate.", "intended", "040", "meet", src="GBR", tgt="FRA")
    deed = _told("deed", "d2", "His claims were denied by Foreign Secretary Jack Straw, who met the Tories.",
                 "asserted", "040", "meet", src="GBR", tgt="FRA")
    assert len(merge_events([plan, deed])[0]) == 2   # one person's name is no shared subject
    a = _told("a", "d1", "The firm will hold talks about buying assets once owned by Yukos.", "planned", "046",
              "hold", date="2004-12")
    b = _told("b", "d2", "The firm held talks about buying the former assets of Yukos.", "asserted", "046", "hold",
              date="2005-06")
    assert len(merge_events([a, b])[0]) == 2   # dates that disagree: plan_vs_fact's case, not one act
    late = _told("late", "d3", "The firm will hold talks about buying the assets of Yukos.", "planned", "046", "hold")
    early = _told("early", "d4", "The firm held talks about buying assets once owned by Yukos.", "asserted", "046",
                  "hold")
    assert len(merge_events([late, early], {"d3": "2005-02-01", "d4": "2005-01-03"})[0]) == 2
    assert len(merge_events([late, early], {"d3": "2005-01-01", "d4": "2005-01-03"})[0]) == 1


def test_a_plan_and_a_deed_that_give_the_act_one_figure_are_one_across_reports():
    sought = _told("sought", "d1", "Rojas said the mission is looking for 2.0 billion dlrs in purchases.", "intended",
                   "061", "purchase", date="1987", src="PER", tgt="CHL")
    made = _told("made", "d2", "The sum adds to about two billion dlrs of purchases made last month by a mission.",
                 "asserted", "061", "purchase", date="1987-03", src="PER", tgt="CHL")
    sought.amount = made.amount = "2e+09 USD"
    [one], _ = merge_events([sought, made], {"d1": "1987-03-04", "d2": "1987-04-27"})
    assert one.date == "1987-03" and one.modality == "asserted" and len(one.mentions) == 2
    made.amount = "3e+09 USD"
    assert len(merge_events([sought, made], {"d1": "1987-03-04", "d2": "1987-04-27"})[0]) == 2


def test_an_attack_dated_only_by_its_report_is_the_one_another_report_dates_in_the_days_before():
    force = dict(etype="ASSAULT", src="USA", tgt="IRN", cameo="190", trigger="attack", topic=None)
    sunday = ev("s", "d1", "1987-10-18", **force)
    sunday.date_basis = "relative"
    told = ev("t", "d2", "1987-10-20", **force)
    told.date_basis = "inferred"
    events, _ = merge_events([sunday, told])
    assert [(e.date, sorted(m.sentence for m in e.mentions)) for e in events] == [
        ("1987-10-18", ["sentence s", "sentence t"])]
    # a week before is another attack; so is one dated by its own text; two candidates leave it alone
    week = ev("w", "d1", "1987-10-13", **force)
    week.date_basis = "relative"
    assert len(merge_events([week, told])[0]) == 2
    own = ev("o", "d2", "1987-10-20", **force)
    own.date_basis = "explicit"
    assert len(merge_events([sunday, own])[0]) == 2
    monday = ev("m", "d3", "1987-10-19", **force)
    monday.date_basis = "relative"
    assert len(merge_events([sunday, monday, told])[0]) == 3


def test_talks_two_wires_announce_for_their_month_are_one_whatever_the_word():
    talks = dict(date="1987-04", etype="CONSULT", src="JPN", tgt="USA", modality="planned", topic=None)
    first = ev("a", "d1", cameo="040", trigger="talk", **talks)
    second = ev("b", "d2", cameo="046", trigger="hold", **talks)
    for e in (first, second):
        e.date_basis = "inferred"
    assert len(merge_events([first, second], {"d1": "1987-04-08", "d2": "1987-04-08"})[0]) == 1
    # a plan of another kind dated by its report still needs the same code and verb
    for e, verb in ((first, "lend"), (second, "grant")):
        e.cameo, e.event_type, e.trigger = "070", "AID", verb
    assert len(merge_events([first, second], {"d1": "1987-04-08", "d2": "1987-04-08"})[0]) == 2
