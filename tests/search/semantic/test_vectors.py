"""Vectors kept by content hash: computed once, reused, and computed by the background task."""

import re
from io import StringIO

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from portal.celery import app
from search.models import Embedding
from search.records import record_for
from search.semantic.chunks import chunks
from search.semantic.service import chunk_vectors, embed, stored_coverage
from search.semantic.tasks import embed_records
from search.semantic.vectors import (
    EncoderUnavailable,
    clear_query_cache,
    digest,
    ensure_vectors,
    query_vector,
    vectors_for,
)
from tests.portal.library.factories import PolicyDocumentFactory

pytestmark = pytest.mark.django_db

TEXTS = ["碳排放权交易管理办法", "Carbon emissions trading rules", "绿色工厂评价通则"]


@pytest.fixture(autouse=True)
def _default_model(settings):
    settings.SEARCH_EMBEDDING_MODEL = "use-multilingual-3"


def test_the_digest_is_sha256_of_version_kind_and_text():
    value = digest("use-multilingual-3/x-1", "passage", "碳达峰")

    assert re.fullmatch(r"[0-9a-f]{64}", value)
    assert value != digest("use-multilingual-3/x-2", "passage", "碳达峰")
    assert value != digest("use-multilingual-3/x-1", "query", "碳达峰")


def test_vectors_are_computed_once_and_then_reused(counting):
    first = ensure_vectors([*TEXTS, TEXTS[0]], encoder=counting, batch_size=2)

    assert counting.passages == 3  # the repeated text was embedded once
    assert Embedding.objects.count() == 3
    assert len(bytes(Embedding.objects.first().vector)) == 512 * 2  # float16
    created = dict(Embedding.objects.values_list("digest", "created_at"))

    second = ensure_vectors(TEXTS, encoder=counting)

    assert counting.passages == 3  # nothing computed the second time
    assert dict(Embedding.objects.values_list("digest", "created_at")) == created
    for a, b in zip(first, second, strict=False):
        np.testing.assert_array_equal(a, b)
    # what is stored is the model's vector to within float16
    np.testing.assert_allclose(second[1], counting.inner.encode_passages([TEXTS[1]])[0], atol=2e-3)
    assert abs(float(np.linalg.norm(second[1])) - 1) < 1e-5


def test_a_lookup_never_computes(counting):
    ensure_vectors(TEXTS[:1], encoder=counting)

    found = vectors_for([TEXTS[0], "not embedded yet"], encoder=counting)

    assert counting.passages == 1
    assert found[0] is not None and found[0].shape == (512,)
    assert found[1] is None
    assert vectors_for(TEXTS[:1], kind="query", encoder=counting) == [None]  # another kind, another digest


def test_progress_is_told_each_batch(counting):
    seen = []

    ensure_vectors([f"第{n}条" for n in range(5)], batch_size=2, progress=seen.append, encoder=counting)

    assert seen == [2, 2, 1]


def test_without_a_model_lookups_find_nothing_and_computing_says_why(settings):
    settings.SEARCH_EMBEDDING_MODEL = "off"

    assert vectors_for(TEXTS) == [None, None, None]
    with pytest.raises(EncoderUnavailable, match="SEARCH_EMBEDDING_MODEL is off"):
        ensure_vectors(TEXTS)
    assert query_vector("碳市场") is None


def test_the_query_vector_is_cached_and_read_only(encoder):
    clear_query_cache()

    first = query_vector("  碳市场   配额 ")
    again = query_vector("碳市场 配额")

    assert again is first  # the cache answered, with the same words
    assert not first.flags.writeable
    assert query_vector("carbon market") is not first
    assert query_vector("   ") is None
    np.testing.assert_allclose(first, encoder.encode_queries(["碳市场 配额"])[0], atol=1e-6)


def test_embed_records_computes_each_chunk_of_a_document_with_pages(encoder):
    document = PolicyDocumentFactory(
        title="关于推进工业领域碳达峰的实施方案",
        title_en="Implementation plan for carbon peaking in industry",
        languages=["zh-hans"],
        page_texts=["第一章 总则。" * 60, "第二章 重点任务：开展氢冶金示范。"],
    )
    key = f"portal.policydocument:{document.pk}"

    assert "search.embed_records" in app.tasks
    result = embed_records.delay([key, "portal.policydocument:999999"]).get()

    record = record_for(key)
    pieces = chunks(record)
    assert result["records"] == 1 and result["chunks"] == len(pieces) == result["computed"]
    assert {chunk.page for chunk in pieces} == {None, 1, 2}
    assert all(vector is not None for _, vector in chunk_vectors(record, encoder=encoder))
    assert str(stored_coverage()).startswith(f"{len(pieces)}/{len(pieces)} passages")

    again = embed_records.delay([key]).get()

    assert again["computed"] == 0 and again["reused"] == len(pieces)
    assert Embedding.objects.count() == len({chunk.text for chunk in pieces})


def test_embed_records_with_the_model_off_succeeds_with_nothing_done(settings):
    document = PolicyDocumentFactory(page_texts=["Some text."])
    settings.SEARCH_EMBEDDING_MODEL = "off"

    result = embed_records.delay([f"portal.policydocument:{document.pk}"]).get()

    assert result == {"skipped": "SEARCH_EMBEDDING_MODEL is off"}
    assert not Embedding.objects.exists()


def test_search_embed_computes_what_is_missing_and_reports(counting):
    document = PolicyDocumentFactory(title="Green factory rules", page_texts=["Assessment criteria. " * 80])
    stored = embed([record_for(f"portal.policydocument:{document.pk}")], encoder=counting)
    PolicyDocumentFactory(title="Hydrogen plan", page_texts=["氢能产业发展中长期规划。"])
    out = StringIO()

    call_command("search_embed", "--all", "--batch", "8", "--threads", "1", stdout=out)

    output = out.getvalue()
    assert "use-multilingual-3" in output
    assert "Embedding  2/2" in output
    summary = re.search(r"(\d+) records, (\d+) chunks: (\d+) vectors computed, (\d+) reused", output)
    assert summary and int(summary[1]) == 2
    assert int(summary[4]) == stored.chunks  # the first document's vectors were there already
    assert int(summary[3]) == int(summary[2]) - stored.chunks


def test_search_embed_refuses_what_it_cannot_do(settings):
    with pytest.raises(CommandError, match="--all"):
        call_command("search_embed")
    with pytest.raises(CommandError, match=r"portal\.policydocument:424242"):
        call_command("search_embed", "portal.policydocument:424242")
    settings.SEARCH_EMBEDDING_MODEL = "off"
    with pytest.raises(CommandError, match="SEARCH_EMBEDDING_MODEL is off"):
        call_command("search_embed", "--all")
