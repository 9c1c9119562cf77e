"""Node positions for the explorer, computed in Python so the browser need not simulate.

Small graphs get networkx's spring layout. Spring layout costs O(n²) per iteration
(22 s for 5,000 nodes on a small machine), so bigger graphs get an "anchor" layout that
is roughly linear: the best-connected nodes (outlets, prolific sources) are laid out by
spring layout on a skeleton graph, linking two anchors when they share a neighbour;
every other node is then placed in breadth-first order on a sunflower spiral around the
neighbour that reached it first. Hubs become the centres of their clouds of claims.
Components without an anchor are placed on rings outside the picture.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["ANCHORS", "SPRING_MAX", "layout"]

SPRING_MAX = 400  # nodes; above this the anchor layout is used (see module docstring)
ANCHORS = 300  # how many best-connected nodes the anchor layout's skeleton holds
_SEED = 7  # layouts are deterministic: the same store draws the same picture
_GOLDEN = math.pi * (3 - math.sqrt(5))  # sunflower angle: children never line up
_PX_PER_NODE = 70.0  # canvas scale: the layout's unit square grows with sqrt(n)
_MIN_SCALE = 350.0  # small graphs still spread over the canvas (vis never zooms past 1)

Position = tuple[float, float]


def layout(g: nx.Graph) -> dict[Hashable, Position]:
    """Pixel positions for every node of ``g`` (any graph type), deterministic."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    simple = nx.Graph(g)
    if n == 1:
        raw: dict[Hashable, Position] = {next(iter(simple)): (0.0, 0.0)}
    elif n <= SPRING_MAX:
        raw = {
            k: (float(x), float(y)) for k, (x, y) in nx.spring_layout(simple, seed=_SEED).items()
        }
    else:
        raw = anchor_layout(simple)
    scale = max(_PX_PER_NODE * math.sqrt(n), _MIN_SCALE)
    return {k: (round(x * scale, 1), round(y * scale, 1)) for k, (x, y) in raw.items()}


def _skeleton(g: nx.Graph, anchors: list[Hashable]) -> nx.Graph:
    """The anchors, linked (with a weight) once per neighbour or edge they share."""
    chosen = set(anchors)
    skeleton = nx.Graph()
    skeleton.add_nodes_from(anchors)
    for node in g.nodes:
        near = {u for u in g.neighbors(node) if u in chosen}
        if node in chosen:
            near.add(node)
        for a, b in itertools.combinations(sorted(near, key=str), 2):
            weight = skeleton.get_edge_data(a, b, {"weight": 0})["weight"]
            skeleton.add_edge(a, b, weight=weight + 1)
    return skeleton


def anchor_layout(g: nx.Graph, n_anchors: int = ANCHORS) -> dict[Hashable, Position]:
    """Positions in about [-1, 1]² for a large graph (see the module docstring)."""
    order = sorted(g.nodes, key=lambda v: (-g.degree(v), str(v)))
    anchors = order[:n_anchors]
    spring = nx.spring_layout(_skeleton(g, anchors), seed=_SEED)
    placed: dict[Hashable, Position] = {k: (float(x), float(y)) for k, (x, y) in spring.items()}
    spacing = 2.0 / math.sqrt(len(anchors))
    children: dict[Hashable, int] = {}
    _grow(g, anchors, placed, children, spacing)
    ring = 0
    for node in order:  # components no anchor reached
        if node not in placed:
            radius, angle = 1.3 + spacing * (ring // 12), ring * math.tau / 12
            placed[node] = (radius * math.cos(angle), radius * math.sin(angle))
            _grow(g, [node], placed, children, spacing)
            ring += 1
    return placed


def _grow(
    g: nx.Graph,
    roots: Iterable[Hashable],
    placed: dict[Hashable, Position],
    children: dict[Hashable, int],
    spacing: float,
) -> None:
    """Place every unplaced node reachable from ``roots`` around its BFS parent."""
    queue = deque(roots)
    while queue:
        parent = queue.popleft()
        px, py = placed[parent]
        for child in g.neighbors(parent):
            if child in placed:
                continue
            i = children[parent] = children.get(parent, 0) + 1
            radius = spacing * 0.25 * math.sqrt(i)
            placed[child] = (
                px + radius * math.cos(i * _GOLDEN),
                py + radius * math.sin(i * _GOLDEN),
            )
            queue.append(child)
