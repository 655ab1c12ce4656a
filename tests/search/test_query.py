"""Parsing a visitor's text into clauses: what both backends match on."""

from search.query import essential, parse


def test_an_alternative_holding_another_adds_nothing_to_matching():
    clause = (
        "dual carbon",
        "carbon peak",
        "carbon peak and carbon neutrality",
        "碳达峰",
        "碳达峰碳中和",
        "carbon peaking",
    )

    # "carbon peaking" is another word than "carbon peak", so it stays.
    assert essential(clause) == ("dual carbon", "carbon peak", "碳达峰", "carbon peaking")


def test_matching_keeps_every_clause_while_highlighting_keeps_every_alternative():
    synonyms = {"dual carbon": ("dual carbon", "carbon peak", "carbon peak and carbon neutrality")}

    query = parse("dual carbon steel", synonyms)

    assert query.matching_clauses == [("dual carbon", "carbon peak"), ("steel",)]
    assert "carbon peak and carbon neutrality" in query.alternatives
