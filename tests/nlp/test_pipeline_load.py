"""What ``build_pipeline`` leaves behind besides the pipeline: the model multiplying with
NumPy's BLAS (``newsprov.nlp.blas``) and the loaded objects frozen out of the garbage
collector's scans (they live as long as the process)."""

from __future__ import annotations

import gc

import pytest


@pytest.mark.model
def test_loaded_model_is_frozen_and_uses_numpy_blas(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert gc.get_freeze_count() > 0
    tok2vec = pipeline.get_pipe("tok2vec")
    assert not tok2vec.model.ops.use_blis
    assert [t.pos_ for t in pipeline("Officials said 12 people died.")][:3] == [
        "NOUN",
        "VERB",
        "NUM",
    ]
