"""The least-cost assignment of a small cost matrix, without importing SciPy.

``linear_sum_assignment`` follows SciPy's ``scipy.optimize.linear_sum_assignment`` step
for step (its rectangular solver: Crouse's shortest augmenting path, with the same order
of columns and the same choice among ties), so it returns the very same pairs. SciPy's
optimize package takes half a second to import, and the cross-reference of an ingest
needs one assignment per day of a revised figure, on matrices of a few rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["linear_sum_assignment"]


def linear_sum_assignment(cost: Sequence[Sequence[float]]) -> tuple[list[int], list[int]]:
    """Row and column indices of a least-cost assignment (rows ascending), as SciPy's.

    Raises ValueError for a matrix holding NaN or -inf, or one with no finite assignment.
    """
    nr = len(cost)
    nc = len(cost[0]) if nr else 0
    if nr == 0 or nc == 0:
        return [], []
    transpose = nc < nr
    c = [list(map(float, row)) for row in cost]
    if transpose:
        c = [list(col) for col in zip(*c, strict=True)]
        nr, nc = nc, nr
    if any(x != x or x == -math.inf for row in c for x in row):
        raise ValueError("matrix contains invalid numeric entries")
    col4row = _solve(c, nr, nc)
    if transpose:
        order = sorted(range(nr), key=lambda v: col4row[v])
        return [col4row[v] for v in order], order
    return list(range(nr)), col4row


def _solve(cost: list[list[float]], nr: int, nc: int) -> list[int]:
    u = [0.0] * nr
    v = [0.0] * nc
    path = [-1] * nc
    col4row = [-1] * nr
    row4col = [-1] * nc
    for cur in range(nr):
        sink, min_val, shortest, sr, sc = _augmenting_path(cost, nc, u, v, path, row4col, cur)
        u[cur] += min_val
        for i in range(nr):
            if sr[i] and i != cur:
                u[i] += min_val - shortest[col4row[i]]
        for j in range(nc):
            if sc[j]:
                v[j] -= min_val - shortest[j]
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur:
                break
    return col4row


def _augmenting_path(
    cost: list[list[float]],
    nc: int,
    u: list[float],
    v: list[float],
    path: list[int],
    row4col: list[int],
    i: int,
) -> tuple[int, float, list[float], list[bool], list[bool]]:
    """The sink of the shortest augmenting path from row ``i`` (SciPy's
    ``augmenting_path``), with the path costs and the rows and columns it visited."""
    min_val = 0.0
    remaining = [nc - it - 1 for it in range(nc)]  # reversed, as SciPy fills it
    num_remaining = nc
    sr = [False] * len(u)
    sc = [False] * nc
    shortest = [math.inf] * nc
    sink = -1
    while sink == -1:
        index = -1
        lowest = math.inf
        sr[i] = True
        row = cost[i]
        for it in range(num_remaining):
            j = remaining[it]
            r = min_val + row[j] - u[i] - v[j]
            if r < shortest[j]:
                path[j] = i
                shortest[j] = r
            if shortest[j] < lowest or (shortest[j] == lowest and row4col[j] == -1):
                lowest = shortest[j]
                index = it
        min_val = lowest
        if min_val == math.inf:
            raise ValueError("cost matrix is infeasible")
        j = remaining[index]
        if row4col[j] == -1:
            sink = j
        else:
            i = row4col[j]
        sc[j] = True
        num_remaining -= 1
        remaining[index] = remaining[num_remaining]
    return sink, min_val, shortest, sr, sc
