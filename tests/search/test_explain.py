"""What a hit shows of its text: the passages that hold the words, and the one closest in meaning once."""

import pytest

from search import explain
from search.backends.database import Details
from search.query import parse
from search.ranking import Candidate, Chunk

pytestmark = pytest.mark.django_db

BODY = "Park operators and members running pilots compare electrolyser technologies for storing hydrogen."


def _event(chunk: Chunk) -> Candidate:
    return Candidate(key="event:1", content_type="initiatives.eventpage", title="Open day", url="/", date=None, chunk=chunk)  # fmt: skip


def test_the_passage_closest_in_meaning_is_not_shown_again_when_the_words_showed_it():
    query = parse("hydrogen pilots", correct=False)
    candidate = _event(Chunk(1, None, BODY, 0.6))

    shown = explain.passages(query, candidate, Details(body=BODY))

    assert len(shown) == 1 and not shown[0].by_meaning
    assert "<mark>hydrogen</mark>" in shown[0].html


def test_a_passage_closest_in_meaning_that_the_words_did_not_show_is_added_and_marked_as_such():
    query = parse("hydrogen pilots", correct=False)
    other = "A second paragraph about safety rules inside chemical parks."
    candidate = _event(Chunk(2, None, other, 0.6))

    shown = explain.passages(query, candidate, Details(body=BODY))

    assert [passage.by_meaning for passage in shown] == [False, True]
    assert "safety rules" in shown[1].html
