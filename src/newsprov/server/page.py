"""The query page at ``/`` and the parameters of ``/explore``.

Pages are rendered with Jinja2 with autoescaping on, so every value written into HTML is
escaped; data handed to scripts goes through ``tojson`` (which escapes ``<``, ``>``,
``&`` and quotes) inside ``<script type="application/json">`` blocks. The pages load
nothing from the network: CSS and JavaScript (the YASQE editor included) are inline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import jinja2

__all__ = ["MAX_HOPS", "canned_queries", "explore_params", "index_html"]

MAX_HOPS = 6
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
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


@cache
def _yasqe() -> tuple[str, str]:
    """YASQE's built JavaScript and CSS (@triply/yasqe 4.2.28 from npm, MIT, shipped in
    ``static/``), safe inside ``<script>`` / ``<style>``: the page needs no network."""
    folder = resources.files("newsprov.server").joinpath("static")
    js = folder.joinpath("yasqe.min.js").read_text("utf-8")
    css = folder.joinpath("yasqe.min.css").read_text("utf-8")
    return _SCRIPT_END.sub(r"<\\/\1", js), css.replace("</style", "<\\/style")


def index_html() -> str:
    """The query page: a SPARQL editor prefilled with the canned queries, the predefined
    prefixes for completion, and the columns each canned query shows by default."""
    from newsprov.query import PREFIXES, table_columns

    canned = canned_queries()
    first = next(iter(canned.values()), _DEFAULT_QUERY)
    tables = {name: table_columns(text) for name, text in canned.items()}
    js, css = _yasqe()
    return (
        _env()
        .get_template("index.html")
        .render(
            canned=canned,
            first_query=first,
            prefixes=PREFIXES,
            tables=tables,
            yasqe_js=js,
            yasqe_css=css,
        )
    )


def explore_params(params: Mapping[str, str], base_iri: str) -> dict[str, Any]:
    """Keyword arguments for :func:`newsprov.viz.explorer_html` from URL parameters.

    The filters take IRIs or keys relative to ``base_iri`` (``person/jane-doe``);
    ``focus`` also takes a name; ``hops`` is 0..MAX_HOPS. Raises ValueError on bad values.
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
    # an IRI, a key (person/jane-doe) or a name: the explorer resolves it in its graph
    focus = (params.get("focus") or "").strip() or None
    return {"focus": focus, "hops": hops, "filters": filters}
