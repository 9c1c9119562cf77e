"""The model's matrix products by NumPy's BLAS (``newsprov.nlp.blas``) give the tags,
parse, lemmas and entities spaCy's bundled BLIS gives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from newsprov.nlp.blas import BLAS_ENV, blas_threads_one, use_numpy_blas

# Invented sentences: names, numbers, attributions, quotations, a long compound sentence.
TEXTS = [
    "KHARTOUM (Reuters) - At least 42 people were killed in clashes on Tuesday, the "
    "Ministry of Health said, while the United Nations put the toll at 60.",
    "“We have nothing left,” said Amina Osman, 34, a teacher who fled to Port Sudan.",
    "The agency, citing local officials, reported that 1,200 families had been displaced "
    "and that aid convoys from Egypt were expected by Friday.",
    "Rescuers in Derna have found 12 bodies; the mayor, Abdel Moneim al-Ghaithi, told AFP "
    "the number could rise to several thousand as the searches continue.",
]


@pytest.fixture
def restore_ops() -> Iterator[None]:
    ops = get_current_ops()
    yield
    set_current_ops(ops)


def _annotations(nlp, texts: list[str]) -> list[list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    return [
        [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts)
    ]


@pytest.mark.model
def test_numpy_blas_annotates_as_blis(restore_ops, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from newsprov.config import Settings

    model = Settings.from_env().spacy_model
    set_current_ops(NumpyOps(use_blis=True))
    blis = spacy.load(model)
    assert blis.get_pipe("tok2vec").model.ops.use_blis
    monkeypatch.delenv(BLAS_ENV, raising=False)
    assert use_numpy_blas()
    numpy = spacy.load(model)
    assert not numpy.get_pipe("tok2vec").model.ops.use_blis
    assert not numpy.get_pipe("ner").model.ops.use_blis
    assert _annotations(numpy, TEXTS) == _annotations(blis, TEXTS)


def test_newsprov_blas_blis_keeps_spacy_s_default(restore_ops, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    set_current_ops(NumpyOps(use_blis=True))
    monkeypatch.setenv(BLAS_ENV, "blis")
    assert not use_numpy_blas()
    assert get_current_ops().use_blis  # type: ignore[attr-defined]
    monkeypatch.setenv(BLAS_ENV, "numpy")
    assert use_numpy_blas()
    assert not get_current_ops().use_blis  # type: ignore[attr-defined]


def test_ops_of_another_kind_are_left_alone(restore_ops, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from thinc.api import Ops

    other = Ops()
    set_current_ops(other)
    monkeypatch.delenv(BLAS_ENV, raising=False)
    assert not use_numpy_blas()
    assert get_current_ops() is other


def test_products_agree_to_rounding() -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    x = rng.standard_normal((50, 96), dtype=np.float32)
    w = rng.standard_normal((288, 96), dtype=np.float32)
    blis = NumpyOps(use_blis=True).gemm(x, w, trans2=True)
    numpy = NumpyOps(use_blis=False).gemm(x, w, trans2=True)
    assert numpy.shape == blis.shape == (50, 288)
    assert np.allclose(numpy, blis, rtol=1e-5, atol=1e-4)


def test_one_blas_thread() -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the loaded libraries are read from /proc/self/maps")
    assert blas_threads_one()  # NumPy's wheels bundle OpenBLAS
