"""Parsing a visitor's text into clauses: what every backend matches on, and why."""

from search import analysis
from search.query import INNER, SPELLING, SYNONYM, TYPED, minimum_match, parse
from search.spelling import Vocabulary

SYNONYMS = {
    "carbon trading": ("carbon trading", "emissions trading", "碳交易"),
    "emissions trading": ("carbon trading", "emissions trading", "碳交易"),
    "碳交易": ("carbon trading", "emissions trading", "碳交易"),
}
NO_WORDS = Vocabulary({}, {})


def terms(text: str) -> tuple[str, ...]:
    return tuple(analysis.terms(text))


def test_most_of_the_words_must_match_and_function_words_are_not_clauses():
    query = parse("how will the EU charge importers for embedded emissions", synonyms={}, vocabulary=NO_WORDS)

    assert [clause.text for clause in query.clauses] == ["EU", "charge", "importers", "embedded", "emissions"]
    assert query.minimum_match == 3
    assert [minimum_match(n) for n in range(1, 7)] == [1, 2, 2, 3, 3, 4]


def test_a_synonym_phrase_is_one_clause_with_every_alternative_and_its_reason():
    query = parse("carbon trading rules", synonyms=SYNONYMS, vocabulary=NO_WORDS)

    first = query.clauses[0]
    assert first.text == "carbon trading"
    assert (terms("emissions trading"), SYNONYM) in {(alt.terms, alt.kind) for alt in first.alternatives}
    assert first.alternatives[0].kind == TYPED
    assert [clause.text for clause in query.clauses] == ["carbon trading", "rules"]


def test_exact_words_only_take_no_synonyms_and_no_corrections():
    vocabulary = Vocabulary({"hydrogen": 4}, {"hydrogen": "hydrogen"})
    query = parse("carbon trading hydrogn", exact=True, synonyms=SYNONYMS, vocabulary=vocabulary)

    assert all(alt.kind == TYPED for alt in query.alternatives)


def test_a_word_no_record_holds_is_also_searched_as_the_closest_indexed_word():
    vocabulary = Vocabulary({"hydrogen": 12, "energi": 40, "plan": 30}, {"hydrogen": "hydrogen"})
    query = parse("hydrogin energy plan 2035", synonyms={}, vocabulary=vocabulary)

    spelling = [alt for alt in query.alternatives if alt.kind == SPELLING]
    assert [(alt.terms, alt.label) for alt in spelling] == [(("hydrogen",), "hydrogen")]
    assert query.corrections == {"hydrogin": "hydrogen"}
    assert query.corrected_text == "hydrogen energy plan 2035"
    # A known word, a short one and a number are left alone.
    assert parse("plan", synonyms={}, vocabulary=vocabulary).corrections == {}
    assert parse("ccs 2035", synonyms={}, vocabulary=vocabulary).corrections == {}


def test_a_long_chinese_word_also_matches_its_inner_words_side_by_side():
    query = parse("生态环境", synonyms={}, vocabulary=NO_WORDS)

    (clause,) = query.clauses
    inner = [alt for alt in clause.alternatives if alt.kind == INNER]
    assert [tuple(analysis.readable(t) for t in alt.terms) for alt in inner] == [("生态", "环境")]


def test_quoted_text_is_a_required_phrase():
    query = parse('"new energy vehicles" 2030', synonyms={}, vocabulary=NO_WORDS)

    (phrase,) = query.required
    assert phrase.alternatives[0].terms == terms("new energy vehicle")
    assert [clause.text for clause in query.optional] == ["2030"]
    assert query.title_phrases == [terms("new energy vehicle")]


def test_a_title_typed_as_written_is_asked_for_by_name():
    query = parse("Action Plan for Carbon Dioxide Peaking Before 2030", synonyms={}, vocabulary=NO_WORDS)

    # Function words are left out of the clauses but kept in the phrase a title must hold.
    assert "for" not in [clause.text.lower() for clause in query.clauses]
    assert query.title_phrases == [terms("action plan for carbon dioxide peaking before 2030")]
    assert parse("hydrogen", synonyms={}, vocabulary=NO_WORDS).title_phrases == []
