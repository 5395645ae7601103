"""Reading questions: names through the gazetteer, figures, events and periods through the ingest lexicons."""
from bilateral.ask.intent import parse_question
from bilateral.ask.retrieve import stem


def test_capitals_and_demonyms_resolve_to_countries():
    it = parse_question("How much aid has Ankara given to Mogadishu since 2011?")
    assert it.codes == ["TUR", "SOM"]
    assert it.kind == "figure" and "aid" in it.metrics
    assert it.periods[0].value == "2011" and it.periods[0].signal == "since"


def test_event_words_become_cameo_codes():
    assert parse_question("When did Norway and Mozambique establish diplomatic relations?").events[0].cameo == "054"
    assert parse_question("When were ties between Oslo and Maputo severed?").events[0].cameo == "161"
    it = parse_question("When did the Turkish prime minister visit Somalia?")
    assert it.kind == "date" and it.events[0].cameo == "042" and set(it.codes) == {"TUR", "SOM"}
    # the object is what is asked: the verb alone names the act
    assert parse_question("What did Norway and Mozambique sign in May 2019?").events[0].cameo == "057"


def test_kinds():
    assert parse_question("Why did Oslo suspend budget support to Maputo?").kind == "why"
    assert parse_question("Do the sources agree on Norway's aid to Mozambique?").kind == "conflict"
    assert parse_question("Who is the largest donor to Mozambique?").kind == "rank"
    assert parse_question("Who is the largest donor to Mozambique?").rank_metric == "donor_rank"
    assert parse_question("How has the number of Norwegian companies in Mozambique changed?").kind == "compare"
    assert parse_question("Which countries does the record cover?").kind == "list"


def test_leftover_words_and_counted_nouns():
    it = parse_question("How many Turkish soldiers were wounded in Somalia during the famine?")
    assert "wound" in it.terms and stem("famine") in it.terms
    it = parse_question("How many Somali civilians fled to Turkey?")
    assert it.counted == "civilian"
    assert parse_question("How many Norwegian companies operate in Mozambique?").counted is None


def test_kinds_by_meaning_on_paraphrases():
    kinds = {
        "What led Dodoma to shut the border?": "why",
        "For what reason was the crossing closed?": "why",
        "How come Nairobi recalled its envoy?": "why",
        "Do Nairobi and Dodoma give the same figure for their trade?": "conflict",
        "Are the reports consistent about the loan?": "conflict",
        "How does Chile rank among New Zealand's trading partners?": "rank",
        "Who pumps more gas, Iran or Qatar?": "compare",
        "Does Chile sell more to New Zealand than it buys from it?": "compare",
        "On what date did Kenya recognise the new government?": "date",
        "What is Kenya's OPEC production quota?": "figure",
        "What stake did the Kenyan firm keep?": "figure",
        "In which countries has the company bought assets?": "list",
    }
    for question, kind in kinds.items():
        assert parse_question(question).kind == kind, question


def test_what_the_question_is_about():
    it = parse_question("When did Nairobi send its ambassador back to Dodoma?")
    assert it.codes == ["KEN", "TZA"] and "reinstat" in it.focus and "back" not in it.focus
    it = parse_question("How much oil does Kenya produce each day?")
    assert it.want == "amount" and "oil" in it.focus
    assert parse_question("How much aid has Chile given Peru?").want == "money"
    assert parse_question("What share of its gas does Kenya import?").want == "percent"
    assert parse_question("How long is the Mombasa–Tanga railway?").want == "length"
    it = parse_question("Which treaty signed in Lima in March 1941 did Chile give up?")
    assert "march" not in it.focus and "abandon" in it.focus


def test_kinds_and_figures_of_questions_real_news_asks():
    assert parse_question("What tariff rate did Brussels set on Japanese goods?").kind == "figure"
    assert parse_question("What tariff rate did Brussels set on Japanese goods?").want == "percent"
    assert parse_question("What was Washington's trade shortfall with Beijing in 2003?").kind == "figure"
    assert parse_question("What products did Washington put tariffs on?").kind == "list"
    assert parse_question("Until when does the grain agreement between Washington and Moscow run?").kind == "date"
    assert "expir" in parse_question("Until when does the grain agreement run?").focus
    # a margin in whatever unit the text gives; a quantity of a thing, whatever country comes first
    assert parse_question("By how much is the yuan undervalued?").want is None
    assert parse_question("How much U.S. grain did Moscow agree to buy?").want == "amount"
    assert parse_question("How much Japanese aid did Albania receive?").want == "money"
    assert parse_question("How much in damages is the firm seeking from Moscow?").want == "money"
    assert parse_question("How much of Brazil's debt did the interest moratorium cover?").want == "money"
    assert parse_question("What quota on shoes did Washington set for Taipei?").kind == "figure"
    assert parse_question("What yearly growth ceiling applies to Taiwan's textile exports?").want == "percent"
    assert parse_question("Where does Canada stand among the United States' trading partners?").kind == "rank"
    assert "effect" in parse_question("When did the tariffs take effect?").focus


def test_an_age_is_a_figure_of_its_own_and_the_word_age_is_no_topic():
    for q in ("How old is Martin Mubanga?", "What age was Mr Mubanga when he was freed?"):
        it = parse_question(q)
        assert it.kind == "figure" and it.want == "age", q
    it = parse_question("Do the BBC reports agree on Martin Mubanga's age?")
    assert it.kind == "conflict" and it.want == "age" and stem("age") not in it.focus
