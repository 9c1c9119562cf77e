"""The cross-reference's assignment solver gives SciPy's pairs, ties included."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsprov.analysis._assignment import linear_sum_assignment

scipy_optimize = pytest.importorskip("scipy.optimize")


def _matrices(n: int) -> list[list[list[float]]]:
    rng = random.Random(7)
    out = []
    for k in range(n):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        if k % 3 == 0:  # small integers: many ties
            out.append([[float(rng.randint(0, 2)) for _ in range(cols)] for _ in range(rows)])
        elif k % 3 == 1:  # the solver's "no match" cost beside real ones
            out.append(
                [[rng.choice([1e9, 0.5, rng.random()]) for _ in range(cols)] for _ in range(rows)]
            )
        else:
            out.append([[rng.random() for _ in range(cols)] for _ in range(rows)])
    return out


def test_same_pairs_as_scipy() -> None:
    for m in _matrices(3000):
        rows, cols = scipy_optimize.linear_sum_assignment(np.array(m))
        assert linear_sum_assignment(m) == (rows.tolist(), cols.tolist()), m


def test_constant_matrix_is_the_identity() -> None:
    assert linear_sum_assignment([[1.0] * 3] * 3) == ([0, 1, 2], [0, 1, 2])
    assert linear_sum_assignment([[1.0] * 2] * 3) == ([0, 1], [0, 1])


def test_tall_matrix_pairs_rows_in_order() -> None:
    assert linear_sum_assignment([[5.0], [1.0], [3.0]]) == ([1], [0])


def test_invalid_and_infeasible_raise() -> None:
    with pytest.raises(ValueError):
        linear_sum_assignment([[float("nan"), 1.0]])
    with pytest.raises(ValueError):
        linear_sum_assignment([[float("inf"), float("inf")], [1.0, 2.0]])
    assert linear_sum_assignment([]) == ([], [])
