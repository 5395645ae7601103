"""What a sentence offers an answer: its figures (never a citation marker) and the phrases that give a cause."""
from bilateral.ask.spans import cause_clause, causes, figures_in


def test_a_citation_marker_is_no_figure():
    figures = figures_in("He was the first minister to visit the country.[7] It lent 7 mln dlrs.[12]")
    assert [f.text for f in figures] == ["7 mln dlrs"]


def test_a_rank_with_its_noun_left_out_is_a_rank():
    ranks = [(f.text, f.rank) for f in figures_in("Its surplus with Washington was the third largest, after Japan.")
             if f.cls == "rank"]
    assert ranks == [("third largest", 3)]


def test_blame_and_fear_give_causes():
    text = "The peg is often blamed by US lawmakers for job losses at home."
    start, word, strong = causes(text)[0]
    assert strong and cause_clause(text, start) == "for job losses at home"
    text = "Washington is thought to fear it would lead to a buying spree for arms."
    assert cause_clause(text, causes(text)[0][0]).startswith("fear it would lead")


def test_a_country_named_in_the_possessive_is_named():
    from bilateral.ask.record import codes_in, surface_table
    from bilateral.nlp.gazetteer import Gazetteer
    table = surface_table(Gazetteer.load())
    assert codes_in("The US's deficit with China's exporters", table) == {"USA", "CHN"}
    assert codes_in("let us go", table) == set()


def test_the_size_of_a_whole_does_not_answer_how_much_of_it():
    from bilateral.ask.spans import whole_of
    text = "Chile kept the moratorium on its 113-billion-dlr foreign debt, which covers 68 billion dlrs owed to banks."
    whole, part = figures_in(text)
    question = "How much of Chile's debt did the moratorium cover?"
    assert whole_of(question, text, whole) and not whole_of(question, text, part)
    assert not whole_of("How much debt does Chile have?", text, whole)


def test_a_span_of_time_written_as_one_word_is_a_duration():
    assert [(f.text, f.cls) for f in figures_in("The 6-1/2-year-old war could not be won.")] == [
        ("6-1/2-year-old", "duration")]
    assert [(f.text, f.cls) for f in figures_in("It was the nearly seven-year-old Gulf war.")] == [
        ("nearly seven-year-old", "duration")]


def test_an_age_given_beside_a_name_is_an_age():
    assert [(f.text, f.cls, f.value) for f in figures_in("Mr Mubanga, 29, from north London, was detained.")] == [
        ("29", "age", 29.0)]
    assert [f.cls for f in figures_in("The man, aged 45, was freed. Exports rose 5, 6 and 7 pct.")] == [
        "age", "count", "count", "percent"]
