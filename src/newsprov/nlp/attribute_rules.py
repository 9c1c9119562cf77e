"""The model's attribute ruler, matched by table look-up instead of spaCy's Matcher.

The trained pipeline's ``attribute_ruler`` sets the coarse part of speech, morphology and
a few lemmas from the tagger's tags (and a few words and dependencies). Extraction reads
those (``pos_``, ``lemma_``), so the component stays; but spaCy finds its 179 one- and
two-token rules with the general Matcher, which costs about as much as the parser. Here
only the finding changes: the rules are compiled to hash comparisons over
``Doc.to_array``, looked up by the first token's tag or lower-case form, and return the
matches in the form and order ``AttributeRuler.match`` does, so the ruler's own
``set_annotations`` applies them. The output is the same, token for token; a ruler
holding a rule this module cannot compile (other attributes, operators) is left as is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

__all__ = ["CompiledMatch", "compile_attribute_ruler"]

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
Check = Callable[[list[int]], bool]


class _Unsupported(Exception):
    """A rule shape this module does not compile."""


def _check(column: int, value: Any, strings: Any) -> Check:
    """A test of one token attribute (a row of ``Doc.to_array``) against a pattern value."""
    if isinstance(value, bool):
        if column != _COLUMNS["IS_SPACE"]:
            raise _Unsupported(value)
        flag = int(value)
        return lambda row: row[column] == flag
    if isinstance(value, str):
        h = strings.add(value)
        return lambda row: row[column] == h
    if isinstance(value, dict) and len(value) == 1:
        [(op, arg)] = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list | tuple):
            keys = frozenset(strings.add(v) for v in arg if isinstance(v, str))
            if len(keys) != len(arg):
                raise _Unsupported(value)
            if op == "IN":
                return lambda row: row[column] in keys
            return lambda row: row[column] not in keys
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda row: bool(pattern.search(strings[row[column]]))
    raise _Unsupported(value)


def _token_checks(spec: dict[str, Any], strings: Any) -> list[Check]:
    if not spec or set(spec) - set(_COLUMNS):
        raise _Unsupported(spec)
    return [_check(_COLUMNS[k], v, strings) for k, v in spec.items()]


def _first_keys(spec: dict[str, Any], strings: Any) -> tuple[int, list[int]] | None:
    """The column and values a rule's first token must have, when it names them exactly."""
    for name in ("TAG", "LOWER"):
        value = spec.get(name)
        if isinstance(value, str):
            return _COLUMNS[name], [strings.add(value)]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return _COLUMNS[name], [strings.add(v) for v in value["IN"]]
    return None


Rule = tuple[int, int, list[list[Check]]]
"""A compiled rule: its number (the order spaCy applies it in), its Matcher key, and the
checks of each of its tokens."""

CACHE_MAX = 200_000
"""Distinct (tag, word, dependency, space) rows remembered before the memo starts over."""


class CompiledMatch:
    """``AttributeRuler.match`` for the rules of ``ruler`` (see the module docstring).

    One-token rules depend only on the token's own row, so the rules a row matches are
    worked out once per distinct row; the few longer rules are looked up by their first
    token's tag or lower-case form.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.vocab = ruler.vocab
        self.fallback = ruler.match  # spaCy's own, for a Doc of another vocabulary
        self.single: list[Rule] = []
        self.by_tag: dict[int, list[Rule]] = {}
        self.by_lower: dict[int, list[Rule]] = {}
        self.anywhere: list[Rule] = []
        self.memo: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], list[Rule]]] = {}
        patterns: list[dict[str, Any]] = list(ruler.patterns)
        for number, pattern in enumerate(patterns):
            key = strings.add(str(number))  # the Matcher key spaCy's ruler gives rule n
            tokens: list[dict[str, Any]]
            for tokens in pattern["patterns"]:
                if not tokens:
                    raise _Unsupported(tokens)
                rule = (number, key, [_token_checks(dict(spec), strings) for spec in tokens])
                if len(tokens) == 1:
                    self.single.append(rule)
                    continue
                first = _first_keys(tokens[0], strings)
                if first is None:
                    self.anywhere.append(rule)
                    continue
                table = self.by_tag if first[0] == _COLUMNS["TAG"] else self.by_lower
                for value in dict.fromkeys(first[1]):
                    table.setdefault(value, []).append(rule)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Every match as ``(rule number, match id, start, end)``, sorted: what
        ``AttributeRuler.match`` returns, so its own ``set_annotations`` applies them."""
        if doc.vocab is not self.vocab:  # the compiled strings are this vocabulary's
            return list(self.fallback(doc))
        rows: list[list[int]] = doc.to_array(_ARRAY).tolist()
        n = len(rows)
        found: list[tuple[int, int, int, int]] = []
        longer: set[tuple[int, int, int, int]] = set()  # two patterns of a rule may both match
        for i, row in enumerate(rows):
            singles, starting = self._rules(row)
            found.extend((number, key, i, i + 1) for number, key in singles)
            for number, key, checks in starting:
                end = i + len(checks)
                if end <= n and all(
                    c(rows[i + k]) for k in range(1, len(checks)) for c in checks[k]
                ):
                    longer.add((number, key, i, end))
        found.extend(longer)
        found.sort()
        return found

    def _rules(self, row: list[int]) -> tuple[tuple[tuple[int, int], ...], list[Rule]]:
        """The one-token rules ``row`` matches, as (number, key), without repeats; and the
        longer rules whose first token it matches."""
        k = tuple(row)
        hit = self.memo.get(k)
        if hit is None:
            if len(self.memo) >= CACHE_MAX:
                self.memo.clear()
            singles = dict.fromkeys(
                (number, key) for number, key, [tests] in self.single if all(c(row) for c in tests)
            )
            starting = [
                rule
                for rule in (
                    *self.by_tag.get(row[0], ()),
                    *self.by_lower.get(row[1], ()),
                    *self.anywhere,
                )
                if all(c(row) for c in rule[2][0])
            ]
            hit = self.memo[k] = (tuple(singles), starting)
        return hit


def compile_attribute_ruler(nlp: Language) -> bool:
    """Match the pipeline's ``attribute_ruler`` rules by look-up (its own code still
    applies them); False, leaving it unchanged, when there is no such component or it
    holds a rule this module does not compile."""
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        ruler.match = CompiledMatch(ruler)  # type: ignore[method-assign]
    except _Unsupported:
        return False
    return True
