"""The vector index: a query reads the vectors of a few lists, finds what the full scan finds, and keeps up."""

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from search import vectors
from search.models import Embedding, SearchChunk, SearchEntry, VectorIndex
from search.ranking import Meaning
from search.semantic import index
from search.semantic.vectors import digest, ensure_vectors, to_bytes

pytestmark = pytest.mark.django_db

TOPICS, PER_TOPIC = 30, 20  # 600 passages in 30 groups of like meaning


@pytest.fixture(autouse=True)
def _small_corpora_get_an_index(settings, monkeypatch):
    settings.SEARCH_EMBEDDING_MODEL = "use-multilingual-3"
    monkeypatch.setattr(index, "MIN_VECTORS", 100)
    monkeypatch.setattr(vectors, "PROBES", 3)  # of 24 lists


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=-1, keepdims=True)


def _store(encoder, vectors: np.ndarray, start: int = 0) -> list[int]:
    """One entry per vector, its head passage carrying it, stored as `search_embed` stores it."""
    entries = SearchEntry.objects.bulk_create(
        [
            SearchEntry(key=f"bench:{start + n}", content_type="portal.standardpage", title=str(n))
            for n in range(len(vectors))
        ]
    )
    keys = [digest(encoder.version, "passage", f"text {start + n}") for n in range(len(vectors))]
    Embedding.objects.bulk_create([Embedding(digest=k, vector=to_bytes(v)) for k, v in zip(keys, vectors, strict=True)])
    SearchChunk.objects.bulk_create(
        [SearchChunk(entry=e, ordinal=0, digest=k) for e, k in zip(entries, keys, strict=True)]
    )
    vectors_changed()
    return [entry.id for entry in entries]


def vectors_changed():
    vectors.changed()
    index.changed()


@pytest.fixture
def corpus(encoder):
    rng = np.random.default_rng(7)
    centres = _unit(rng.normal(size=(TOPICS, encoder.dims)))
    points = _unit(
        np.repeat(centres, PER_TOPIC, axis=0) + rng.normal(scale=0.03, size=(TOPICS * PER_TOPIC, encoder.dims))
    )
    ids = _store(encoder, points.astype(np.float32))
    return ids, points, centres


def _everything(vector) -> Meaning:
    return Meaning(vector, floor=-1.0, margin=2.0)  # every passage counts: the order alone is compared


def test_the_index_puts_every_vector_in_a_list_and_a_query_reads_a_few(corpus):
    ids, _, centres = corpus

    built = index.build()

    assert built.lists == round(np.sqrt(TOPICS * PER_TOPIC)) == VectorIndex.objects.get().lists
    assert not Embedding.objects.filter(vector_list=None).exists()
    lists = index.current()
    read, _ = vectors.probed(lists, centres[0], also=[])
    assert 0 < len(read) < len(ids) / 4  # a few lists, not the corpus
    # The nearest records through the index are those of the full scan.
    rng = np.random.default_rng(11)
    found = exact = 0
    for centre in centres:
        query = _unit(centre + rng.normal(scale=0.05, size=centre.shape)).astype(np.float32)
        through_index = {hit.entry_id for hit in vectors.nearest(_everything(query), limit=10)}
        scanned = {hit.entry_id for hit in vectors.nearest(_everything(query), limit=10, exact=True)}
        found += len(through_index & scanned)
        exact += len(scanned)
    assert found / exact >= 0.95


def test_the_records_best_by_words_are_scored_whatever_their_list(corpus):
    ids, points, centres = corpus
    index.build()
    query = centres[0].astype(np.float32)
    far = int(np.argmin(points @ query))  # the passage least like the query, in a list the query does not read
    assert ids[far] not in {hit.entry_id for hit in vectors.nearest(_everything(query), limit=len(ids))}

    hits = vectors.nearest(_everything(query), limit=len(ids), also=[ids[far]])

    assert ids[far] in {hit.entry_id for hit in hits}


def test_a_passage_shared_by_records_is_found_in_each_and_a_vector_without_a_passage_hides_nothing(corpus, encoder):
    ids, points, _ = corpus
    index.build()
    # Near the first record's passage (a cosine of about 0.9), not on it.
    query = _unit(points[0] + np.random.default_rng(3).normal(scale=0.02, size=points[0].shape)).astype(np.float32)
    lists = index.current()
    # A vector that outlived its text (content changed, the vector kept by its hash), in the query's own list
    # and closer than anything else: the cut below the best must come from a passage that exists.
    orphan = digest(encoder.version, "passage", "text no record holds any more")
    Embedding.objects.create(digest=orphan, vector=to_bytes(query), vector_list=int(lists.assign(query[None, :])[0]))
    # A second record holding the first record's passage (the same text, so the same stored vector).
    [twin] = SearchEntry.objects.bulk_create([SearchEntry(key="twin:1", content_type="portal.standardpage")])
    SearchChunk.objects.create(entry=twin, ordinal=0, digest=SearchChunk.objects.get(entry_id=ids[0]).digest)

    hits = vectors.nearest(Meaning(query, floor=0.0, margin=0.02), limit=10)

    assert {hit.entry_id for hit in hits[:2]} == {ids[0], twin.id}
    assert hits[0].score == hits[1].score < 0.95


def test_a_vector_computed_after_the_build_joins_its_list_and_is_found(corpus, encoder):
    index.build()

    [vector] = ensure_vectors(["Hydrogen valleys for heavy industry"], encoder=encoder)

    stored = Embedding.objects.get(digest=digest(encoder.version, "passage", "Hydrogen valleys for heavy industry"))
    assert stored.vector_list == int(index.current().assign(vector[None, :])[0])
    [entry] = SearchEntry.objects.bulk_create([SearchEntry(key="new:1", content_type="portal.standardpage")])
    SearchChunk.objects.create(entry=entry, ordinal=0, digest=stored.digest)
    assert vectors.nearest(_everything(vector), limit=1)[0].entry_id == entry.id


def test_a_small_corpus_is_scanned_and_status_asks_for_a_rebuild_once_it_has_grown(corpus, encoder):
    index.build()
    assert not index.state().stale
    rng = np.random.default_rng(3)
    _store(encoder, _unit(rng.normal(size=(700, encoder.dims))).astype(np.float32), start=10_000)

    out = StringIO()
    call_command("search_status", stdout=out)

    assert index.state().stale  # 1,300 vectors, trained on 600
    assert "the corpus has grown, run search_rebuild" in out.getvalue()
    index.build()
    assert not index.state().stale
    index.MIN_VECTORS = 10_000  # (restored by monkeypatch) a corpus this small is scanned in full
    built = index.build()
    assert built.lists == 0 and index.current() is None
    assert not VectorIndex.objects.exists() and not Embedding.objects.exclude(vector_list=None).exists()
