"""The query page at ``/`` and the parameters of ``/explore``.

Pages are rendered with Jinja2 with autoescaping on, so every value written into HTML is
escaped; data handed to scripts goes through ``tojson`` (which escapes ``<``, ``>``,
``&`` and quotes) inside ``<script type="application/json">`` blocks. The pages load
nothing from the network: CSS and JavaScript are inline.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import jinja2

__all__ = ["MAX_HOPS", "canned_queries", "explore_params", "index_html"]

MAX_HOPS = 6
_DEFAULT_QUERY = """PREFIX np: <https://newsprov.org/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?article ?outlet ?date WHERE {
  ?article a np:Article ; schema:publisher ?outlet .
  OPTIONAL { ?article schema:datePublished ?date }
}
ORDER BY ?date
LIMIT 100
"""


@cache
def _env() -> jinja2.Environment:
    loader = jinja2.PackageLoader("newsprov.server", "static")
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def canned_queries() -> dict[str, str]:
    """The canned queries of :mod:`newsprov.query`, name -> SPARQL text."""
    from newsprov import query

    return {name: query.load(name) for name in query.names()}


def index_html() -> str:
    """The query editor page, prefilled with the canned queries."""
    from newsprov.query import PREFIXES

    canned = canned_queries()
    first = next(iter(canned.values()), _DEFAULT_QUERY)
    return (
        _env()
        .get_template("index.html")
        .render(canned=canned, first_query=first, prefixes=PREFIXES)
    )


def explore_params(params: Mapping[str, str], base_iri: str) -> dict[str, Any]:
    """Keyword arguments for :func:`newsprov.viz.explorer_html` from URL parameters.

    ``focus`` and the filters take IRIs or keys relative to ``base_iri``
    (``person/jane-doe``); ``hops`` is 0..MAX_HOPS. Raises ValueError on bad values.
    """
    from newsprov.viz import Filters

    hops_text = params.get("hops") or "2"
    try:
        hops = int(hops_text)
    except ValueError:
        raise ValueError(f"hops must be a whole number, got {hops_text!r}") from None
    if not 0 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be between 0 and {MAX_HOPS}, got {hops}")
    filters = Filters(
        event=params.get("event") or None,
        outlet=params.get("outlet") or None,
        source=params.get("source") or None,
        measure=params.get("measure") or None,
    ).resolved(base_iri)
    focus = params.get("focus") or None
    if focus is not None and ":" not in focus:
        focus = base_iri + focus
    return {"focus": focus, "hops": hops, "filters": filters}
