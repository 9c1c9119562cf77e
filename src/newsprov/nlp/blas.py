"""The matrix products of the model, by NumPy's BLAS instead of spaCy's bundled BLIS.

thinc multiplies the model's matrices (tok2vec's CNN, the parser's and NER's lower layers)
with the BLIS library its ``blis`` package bundles. That build picks its kernels by CPU
model, and on a CPU it does not know (this benchmark machine's AMD EPYC among them:
``BLIS_ARCH_DEBUG=1`` prints "selecting sub-configuration 'generic'") it runs its portable
reference kernel, three to four times slower than the OpenBLAS NumPy ships, which
dispatches on the instruction set. The products are the same sums in another order, so
they agree to float32 rounding (about 1e-5 on the model's activations) and the
annotations the model chooses from them are the same; ``tests/nlp/test_blas.py`` holds
the tags, parse, lemmas and entities of the model's two BLAS to each other.

:func:`use_numpy_blas` makes thinc's CPU ops multiply with NumPy (thinc's own option,
``NumpyOps(use_blis=False)``) for the models loaded after it, in one BLAS thread like
BLIS (one worker per core is what ``--workers`` is for). ``NEWSPROV_BLAS=blis`` keeps
spaCy's default.
"""

from __future__ import annotations

import ctypes
import os

__all__ = ["BLAS_ENV", "blas_threads_one", "use_numpy_blas"]

BLAS_ENV = "NEWSPROV_BLAS"

_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def use_numpy_blas() -> bool:
    """Multiply with NumPy's BLAS in the models loaded from now on, unless
    ``NEWSPROV_BLAS=blis``; True when it does."""
    if os.environ.get(BLAS_ENV, "numpy").strip().lower() == "blis":
        return False
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    current = get_current_ops()
    if not isinstance(current, NumpyOps):  # a GPU, or ops the caller chose: left alone
        return False
    if current.use_blis:
        set_current_ops(NumpyOps(use_blis=False))
    blas_threads_one()
    return True


def blas_threads_one() -> bool:
    """Limit the OpenBLAS that NumPy loaded to one thread (``OPENBLAS_NUM_THREADS=1``
    works only before NumPy is imported); False when no such library is loaded."""
    import numpy  # noqa: F401  (loads its BLAS)

    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux), in load order."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as fh:
            paths = [ln.split(maxsplit=5)[-1].strip() for ln in fh if "openblas" in ln.lower()]
    except OSError:
        return []
    return [p for p in dict.fromkeys(paths) if p.startswith("/")]
