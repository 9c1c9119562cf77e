"""The SHACL shapes compiled to plain Python checks, for validating every ingested graph.

:func:`check` enforces exactly the constraints of ``ontology/shapes.ttl`` at a fraction
of pyshacl's cost (an index of the graph, then dictionary look-ups), so ingest can check
every article. The shapes are read from the same file pyshacl uses; compiling a shape that
uses a SHACL feature this module does not implement raises, so a new constraint can never
be skipped silently. Full pyshacl validation (:func:`newsprov.rdf.validate.validate`)
stays the reference: the tests hold both to the same verdicts.

Supported: ``sh:targetClass``, ``sh:targetSubjectsOf``; node constraints ``sh:nodeKind``
(IRI), ``sh:class``, ``sh:xone`` of class shapes, ``sh:property``; property constraints on
predicate paths: ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:class``,
``sh:nodeKind``, ``sh:node``, ``sh:in``, ``sh:or`` of datatype shapes, ``sh:minLength``,
``sh:minInclusive``, ``sh:lessThanOrEquals``, ``sh:hasValue``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from newsprov.errors import ValidationError

__all__ = ["CompiledShapes", "check", "compiled_shapes"]

Index = dict[Node, dict[Node, list[Node]]]
Check = Callable[[Node, "Data"], str | None]
_NODE_KEYS = {
    RDF.type,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.nodeKind,
    SH["class"],
    SH.xone,
    SH.property,
    SH.message,
    RDFS.comment,
    SH.name,
}
_PLAIN = {None, XSD.string}
_TYPE, _SUBCLASS_OF, _STRING = RDF.type, RDFS.subClassOf, XSD.string  # read once, not per triple
_TYPES = frozenset({_TYPE})
_MAX_PROBLEMS = 20


class Data:
    """A data graph (an rdflib Graph or its distinct triples) indexed by subject, with
    class membership (rdfs:subClassOf closed)."""

    def __init__(self, graph: Iterable[tuple[Node, Node, Node]]) -> None:
        self.index: Index = defaultdict(lambda: defaultdict(list))
        self.by_type: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o in graph:
            self.index[s][p].append(o)
            if p in _TYPES:  # hashed: rdflib's == is a Python call per triple
                self.by_type[o].add(s)

    def values(self, node: Node, path: Node) -> list[Node]:
        """Objects of ``node path ?o``."""
        props = self.index.get(node)
        return props.get(path, []) if props else []

    def is_a(self, node: Node, cls: Node) -> bool:
        """True when ``node`` has type ``cls`` or a subclass of it (in the data graph)."""
        todo, seen = list(self.values(node, _TYPE)), set()
        while todo:
            t = todo.pop()
            if t == cls:
                return True
            if t not in seen:
                seen.add(t)
                todo.extend(self.values(t, _SUBCLASS_OF))
        return False


@dataclass(slots=True)
class _Shape:
    name: str
    checks: list[Check] = field(default_factory=list)
    classes: list[Node] = field(default_factory=list)
    subjects_of: list[Node] = field(default_factory=list)


def _datatype(lit: Node) -> Node | None:
    return lit.datatype if isinstance(lit, Literal) else None


def _has_datatype(v: Node, dt: Node) -> bool:
    if not isinstance(v, Literal) or v.language:
        return False
    actual = v.datatype or _STRING
    return actual == dt and (v.ill_typed is not True)


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.named: dict[Node, _Shape] = {}

    def one(self, node: Node, pred: Node) -> Node | None:
        return next(iter(self.g.objects(node, pred)), None)

    def items(self, node: Node, pred: Node) -> list[Node]:
        head = self.one(node, pred)
        return list(Collection(self.g, head)) if head is not None else []

    def shape(self, node: Node) -> _Shape:
        if node in self.named:
            return self.named[node]
        shape = _Shape(self.g.qname(node) if isinstance(node, URIRef) else str(node))
        self.named[node] = shape
        for p in set(self.g.predicates(node)):
            if p not in _NODE_KEYS:
                raise ValidationError(f"shapes.ttl: {shape.name} uses unsupported {p}")
        shape.classes = list(self.g.objects(node, SH.targetClass))
        shape.subjects_of = list(self.g.objects(node, SH.targetSubjectsOf))
        shape.checks.extend(self._node_checks(node, shape.name))
        for prop in self.g.objects(node, SH.property):
            shape.checks.append(self._property(prop, shape.name))
        return shape

    def _node_checks(self, node: Node, name: str) -> Iterable[Check]:
        if self.one(node, SH.nodeKind) is not None:
            yield _iri_check(name)
        for cls in self.g.objects(node, SH["class"]):
            yield _class_check(name, cls)
        options = self.items(node, SH.xone)
        if options:
            yield _xone_check(name, [self._class_only(o) for o in options])

    def _class_only(self, node: Node) -> Node:
        keys = set(self.g.predicates(node))
        if keys != {SH["class"]}:
            raise ValidationError(f"shapes.ttl: sh:xone supports class shapes only, got {keys}")
        cls = self.one(node, SH["class"])
        assert cls is not None
        return cls

    def _property(self, prop: Node, owner: str) -> Check:
        path = self.one(prop, SH.path)
        if not isinstance(path, URIRef):
            raise ValidationError(f"shapes.ttl: {owner} has a property without a predicate path")
        label = self.g.qname(path)
        message = self.one(prop, SH.message)
        tests = list(_PropertyTests(self, prop, label).build())

        def run(focus: Node, data: Data) -> str | None:
            values = data.values(focus, path)
            for test in tests:
                problem = test(focus, values, data)
                if problem:
                    return f"{owner} {label} of <{focus}>: {message or problem}"
            return None

        return run


ValueTest = Callable[[Node, list[Node], Data], str | None]


class _PropertyTests:
    """The value tests of one property shape, in the order SHACL reports them."""

    def __init__(self, c: _Compiler, prop: Node, label: str) -> None:
        self.c, self.prop, self.label = c, prop, label

    def build(self) -> Iterable[ValueTest]:
        c, prop = self.c, self.prop
        for key, _ in c.g.predicate_objects(prop):
            if key not in _PROP_KEYS:
                raise ValidationError(f"shapes.ttl: property {self.label} uses unsupported {key}")
        low, high = c.one(prop, SH.minCount), c.one(prop, SH.maxCount)
        if low is not None or high is not None:
            yield _count_test(int(str(low or 0)), None if high is None else int(str(high)))
        yield from self._each_value()
        lte = c.one(prop, SH.lessThanOrEquals)
        if lte is not None:
            yield _lte_test(lte)

    def _each_value(self) -> Iterable[ValueTest]:
        c, prop = self.c, self.prop
        per_value: list[ValueCheck] = []
        dt = c.one(prop, SH.datatype)
        if dt is not None:
            per_value.append(_datatype_is(dt))
        per_value.extend(_member_of(cls) for cls in c.g.objects(prop, SH["class"]))
        if c.one(prop, SH.nodeKind) is not None:
            per_value.append(_is_iri)
        node = c.one(prop, SH.node)
        if node is not None:
            per_value.append(_conforms_to(c.shape(node)))
        allowed = c.items(prop, SH["in"])
        if allowed:
            per_value.append(_one_of(frozenset(allowed)))
        ors = [c.one(o, SH.datatype) for o in c.items(prop, SH["or"])]
        if ors:
            per_value.append(_any_datatype([t for t in ors if t is not None]))
        min_len = c.one(prop, SH.minLength)
        if min_len is not None:
            per_value.append(_min_length(int(str(min_len))))
        min_inc = c.one(prop, SH.minInclusive)
        if min_inc is not None:
            per_value.append(_min_inclusive(min_inc))
        if per_value:
            yield _values_test(per_value)
        has = c.one(prop, SH.hasValue)
        if has is not None:
            yield _has_value(has)


ValueCheck = Callable[[Node, Data], str | None]


def _datatype_is(dt: Node) -> ValueCheck:
    return lambda v, _d: None if _has_datatype(v, dt) else f"not {dt}"


def _member_of(cls: Node) -> ValueCheck:
    return lambda v, d: None if d.is_a(v, cls) else f"not a {cls}"


def _is_iri(v: Node, _d: Data) -> str | None:
    return None if isinstance(v, URIRef) else "not an IRI"


def _conforms_to(shape: _Shape) -> ValueCheck:
    return lambda v, d: _first(shape.checks, v, d)


def _one_of(allowed: frozenset[Node]) -> ValueCheck:
    return lambda v, _d: None if v in allowed else "not one of the allowed values"


def _any_datatype(types: list[Node]) -> ValueCheck:
    return lambda v, _d: None if any(_has_datatype(v, t) for t in types) else "wrong datatype"


def _min_length(n: int) -> ValueCheck:
    return lambda v, _d: None if len(str(v)) >= n else f"shorter than {n}"


def _min_inclusive(m: Node) -> ValueCheck:
    def test(v: Node, _d: Data) -> str | None:
        if isinstance(v, Literal) and isinstance(m, Literal) and v.value is not None:
            return None if v.value >= m.value else f"below {m}"
        return f"not comparable with {m}"

    return test


def _has_value(h: Node) -> ValueTest:
    return lambda _f, values, _d: None if h in values else f"lacks {h}"


_PROP_KEYS = {
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH.nodeKind,
    SH.node,
    SH["in"],
    SH["or"],
    SH.minLength,
    SH.minInclusive,
    SH.lessThanOrEquals,
    SH.hasValue,
    SH.message,
    SH.name,
    RDFS.comment,
}


def _first(checks: list[Check], node: Node, data: Data) -> str | None:
    for chk in checks:
        problem = chk(node, data)
        if problem:
            return problem
    return None


def _count_test(low: int, high: int | None) -> ValueTest:
    def test(_focus: Node, values: list[Node], _d: Data) -> str | None:
        n = len(set(values))
        if n < low or (high is not None and n > high):
            return f"{n} value(s), expected {low}..{'' if high is None else high}"
        return None

    return test


def _values_test(tests: list[ValueCheck]) -> ValueTest:
    def test(_focus: Node, values: list[Node], data: Data) -> str | None:
        for v in values:
            for t in tests:
                problem = t(v, data)
                if problem:
                    return f"value {v!r}: {problem}"
        return None

    return test


def _lte_test(other: Node) -> ValueTest:
    def test(focus: Node, values: list[Node], data: Data) -> str | None:
        for v in values:
            for w in data.values(focus, other):
                if not (isinstance(v, Literal) and isinstance(w, Literal)) or not v <= w:
                    return f"{v!r} is not <= {w!r}"
        return None

    return test


def _iri_check(name: str) -> Check:
    return lambda node, _d: None if isinstance(node, URIRef) else f"{name}: <{node}> is not an IRI"


def _class_check(name: str, cls: Node) -> Check:
    return lambda node, d: None if d.is_a(node, cls) else f"{name}: <{node}> is not a {cls}"


def _xone_check(name: str, classes: list[Node]) -> Check:
    def run(node: Node, data: Data) -> str | None:
        hits = sum(1 for cls in classes if data.is_a(node, cls))
        return None if hits == 1 else f"{name}: <{node}> is {hits} of {len(classes)} kinds"

    return run


@dataclass(frozen=True, slots=True)
class CompiledShapes:
    """Target-bearing shapes, ready to check data graphs."""

    shapes: tuple[_Shape, ...]

    def problems(self, graph: Iterable[tuple[Node, Node, Node]]) -> list[str]:
        """Every violation in ``graph`` (one per failing focus node and shape)."""
        data = Data(graph)
        found: list[str] = []
        for shape in self.shapes:
            for focus in _focus_nodes(shape, data):
                problem = _first(shape.checks, focus, data)
                if problem:
                    found.append(problem)
        return found


def _focus_nodes(shape: _Shape, data: Data) -> set[Node]:
    nodes: set[Node] = set()
    for cls in shape.classes:
        nodes |= data.by_type.get(cls, set())
    for pred in shape.subjects_of:
        nodes |= {s for s, props in data.index.items() if pred in props}
    return nodes


@cache
def compiled_shapes() -> CompiledShapes:
    """The shapes of ``ontology/shapes.ttl``, compiled once."""
    from newsprov.rdf.validate import shapes_graph

    g = shapes_graph()
    compiler = _Compiler(g)
    roots = set(g.subjects(SH.targetClass)) | set(g.subjects(SH.targetSubjectsOf))
    return CompiledShapes(tuple(compiler.shape(n) for n in sorted(roots, key=str)))


def check(graph: Iterable[tuple[Node, Node, Node]]) -> None:
    """Check ``graph`` (a Graph, or its distinct triples) against the compiled shapes;
    raise ValidationError naming problems."""
    problems = compiled_shapes().problems(graph)
    if problems:
        extra = len(problems) - _MAX_PROBLEMS
        more = f" (and {extra} more)" if extra > 0 else ""
        raise ValidationError("; ".join(problems[:_MAX_PROBLEMS]) + more)
