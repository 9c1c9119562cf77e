"""End to end in headless Chromium: query page, results table, explorer, all offline.

Every request that does not go to the loopback server is aborted and recorded; the
test fails if the pages tried any. Screenshots land in artifacts/screenshots/.
Skips without Chromium, except under CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from newsprov.config import Settings
from newsprov.server import create_app
from newsprov.viz import Filters, apply_filters, build_graph, focus_on, mark_conflicts
from test_server_data import MAYOR, QUOTE_XSS, XSS, live_server, make_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
LOOPBACK = {"127.0.0.1", "localhost"}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but the browser test cannot run: {reason}")
    print(f"skipping browser test: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"playwright is not installed: {exc}")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Watch:
    """What a page did that it should not: remote requests, console errors, dialogs."""

    def __init__(self, page: Any) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert self.blocked == [], f"pages tried to reach other hosts: {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"a script opened dialogs: {self.dialogs}"


@pytest.fixture()
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    watch = Watch(tab)
    try:
        yield tab, watch
    finally:
        context.close()


def _hover_node(tab: Any, node_id: str) -> None:
    """Move the mouse onto a vis-network node."""
    point = tab.evaluate("(id) => network.canvasToDOM(network.getPosition(id))", node_id)
    box = tab.locator("#mynetwork canvas").bounding_box()
    tab.mouse.move(box["x"] + point["x"], box["y"] + point["y"])


def _type_query(tab: Any, text: str) -> None:
    """Replace the editor's text by typing, as a person would (the editor keeps focus:
    in YASQE, Escape leaves the editor)."""
    tab.click("#editor .CodeMirror")
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Delete")
    tab.keyboard.type(text)


def test_query_page_and_explorer(page: tuple[Any, Watch]) -> None:
    tab, watch = page
    SHOTS.mkdir(parents=True, exist_ok=True)
    store = make_store()
    graph = build_graph(store)
    mark_conflicts(graph, store)  # as the explorer draws it: red links between disagreeing tolls
    app = create_app(store, Settings(query_timeout=10.0))
    with live_server(app) as url:
        tab.goto(url + "/")
        tab.wait_for_selector("#editor .CodeMirror .cm-keyword")  # highlighted SPARQL
        tab.select_option("#canned", "quotes")
        assert "np:Quote" in tab.evaluate("npEditor.getValue()")
        tab.click("#run")
        tab.wait_for_selector("#results tbody tr")
        assert tab.locator("#results tbody tr").count() == 2
        cells = tab.locator("#results tbody td").all_text_contents()
        assert any(XSS in cell for cell in cells)  # shown as text, not run
        assert tab.locator("#results thead th").count() < len(
            tab.evaluate(
                "JSON.parse(document.getElementById('canned-data').textContent).quotes"
            ).split("?")
        )  # the canned query's own columns, not all of them

        # prefix completion from the page's own list (nothing fetched)
        _type_query(tab, "PREFIX sch")
        tab.wait_for_selector(".CodeMirror-hints")
        assert "schema: <https://schema.org/>" in tab.inner_text(".CodeMirror-hints")

        # a query typed in the editor, run with Ctrl+Enter, no PREFIX lines needed
        _type_query(
            tab,
            "SELECT DISTINCT ?name ?person WHERE { ?person a np:Person ; "
            "rdfs:label ?name } ORDER BY DESC(?name)",
        )
        tab.keyboard.press("Control+Enter")
        typed = tab.evaluate("npEditor.getValue()")
        tab.wait_for_function(
            "!document.getElementById('results').hidden && "
            "document.querySelector('#results thead th').textContent === 'name'"
        )
        names = tab.locator("#results tbody td:first-child").all_text_contents()
        assert "Mara Quill" in names, (typed, names)
        assert names == sorted(names, reverse=True)
        tab.click("#results thead th:first-child")  # sortable: ascending now
        assert tab.get_attribute("#results thead th:first-child", "aria-sort") == "ascending"
        names = tab.locator("#results tbody td:first-child").all_text_contents()
        assert names == sorted(names, key=str.lower)
        tab.screenshot(path=str(SHOTS / "query-page.png"), full_page=True)

        tab.locator(f'#results a[href*="{MAYOR.rsplit("/", 1)[-1]}"]').first.click()
        tab.wait_for_function("document.body.dataset.ready === '1'")
        expected = len(focus_on(graph, MAYOR, 2))
        assert tab.evaluate("network.body.data.nodes.length") == expected
        assert expected < graph.number_of_nodes()
        tab.screenshot(path=str(SHOTS / "explorer-focus.png"))

        tab.goto(url + "/explore")
        tab.wait_for_function("document.body.dataset.ready === '1'")
        assert tab.locator("#mynetwork canvas").count() == 1
        assert tab.evaluate("network.body.data.nodes.length") == graph.number_of_nodes()
        _hover_node(tab, QUOTE_XSS)
        tooltip = tab.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible")
        assert XSS in tooltip.inner_text()
        red = tab.evaluate(
            "network.body.data.edges.get().filter(e => e.color && e.color.color === '#d62728')"
            ".length"
        )
        assert red == 1  # the two tolls that disagree, linked
        # search by name: type, Enter, the node is selected and its details shown
        tab.fill("#search", "mara quill")
        tab.press("#search", "Enter")
        tab.wait_for_function("network.getSelectedNodes().length === 1")
        assert tab.evaluate("network.getSelectedNodes()[0]") == MAYOR
        assert "Mara Quill" in tab.inner_text("#details")
        tab.wait_for_timeout(400)  # the focus animation
        font = tab.evaluate("network.body.nodes[network.getSelectedNodes()[0]].options.font.size")
        assert font * tab.evaluate("network.getScale()") >= 10  # readable on screen
        tab.screenshot(path=str(SHOTS / "explorer.png"))
    watch.assert_clean()


def test_query_page_shows_the_rows_of_an_answer_broken_off(
    page: tuple[Any, Watch], tmp_path: Path
) -> None:
    tab, watch = page
    store = make_store(filler=3000, path=tmp_path / "store")  # answered by a worker process
    app = create_app(store, Settings(query_timeout=30.0, result_limit=2000))
    with live_server(app) as url:
        tab.goto(url + "/")
        tab.wait_for_selector("#editor .CodeMirror .cm-keyword")
        _type_query(tab, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        tab.click("#run")
        tab.wait_for_function("!document.getElementById('status').textContent.includes('…')")
        status = tab.inner_text("#status")
        assert status.startswith("2000 rows"), status
        assert "broken off at one of the server's limits" in status
        assert tab.locator("#results tbody tr").count() == 2000
        # Should a browser lose the end of the last row, that row is dropped, even when a
        # value holds what looks like a row boundary.
        head = '{"head":{"vars":["a"]},"results":{"bindings":['
        rows = '{"a":{"type":"literal","value":"x},{y"}},{"a":{"type":"literal","val'
        kept = tab.evaluate("(t) => rowsBefore(t)", head + rows)
        assert kept["results"]["bindings"] == [{"a": {"type": "literal", "value": "x},{y"}}]
        assert tab.evaluate("(t) => rowsBefore(t)", head) == {
            "head": {"vars": ["a"]},
            "results": {"bindings": []},
        }
        assert tab.evaluate("(t) => rowsBefore(t)", "<html>") is None
    assert watch.blocked == [] and watch.dialogs == []
    # the browser logs the response it could not finish, and nothing else
    assert all("ERR_INCOMPLETE_CHUNKED_ENCODING" in e for e in watch.errors), watch.errors


def test_standalone_explorer_filters_in_the_page(page: tuple[Any, Watch]) -> None:
    """The file written by ``newsprov viz`` filters without a server."""
    from newsprov.viz import explorer_html

    tab, watch = page
    store = make_store()
    tab.set_content(explorer_html(store), wait_until="load")
    tab.wait_for_function("document.body.dataset.ready === '1'")
    total = tab.evaluate("network.body.data.nodes.length")
    tab.select_option("#lf-source", MAYOR)
    tab.wait_for_function("document.getElementById('local-count').textContent !== ''")
    shown = tab.evaluate("network.body.data.nodes.get().filter(n => !n.hidden).map(n => n.id)")
    expected = set(apply_filters(build_graph(store), Filters(source=MAYOR)).nodes)
    assert set(shown) == expected and len(shown) < total
    tab.fill("#search", "Quill")
    tab.press("#search", "Enter")
    tab.wait_for_function("network.getSelectedNodes().length === 1")
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / "explorer-standalone-filtered.png"))
    tab.select_option("#lf-source", "")
    assert tab.evaluate("network.body.data.nodes.get().filter(n => n.hidden).length") == 0
    watch.assert_clean()


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


@pytest.mark.model
def test_report_renders_offline(page: tuple[Any, Watch], tmp_path: Path) -> None:
    """The cross-reference report of the fixture corpus: self-contained, plots drawn."""
    from newsprov.analysis import write_report
    from newsprov.nlp import build_pipeline
    from newsprov.pipeline import ingest_paths
    from newsprov.rdf.store import Store

    tab, watch = page
    SHOTS.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_env()
    with Store() as store:
        ingest_paths([FIXTURES], store, settings, build_pipeline(settings.spacy_model))
        out = write_report(store, tmp_path / "report.html")
    tab.set_content(out.read_text("utf-8"), wait_until="load")
    assert tab.locator(".verdict, td").count() > 0
    widths = tab.evaluate("[...document.images].map(i => i.naturalWidth)")
    assert widths and all(w > 0 for w in widths)  # every embedded plot decoded
    assert "conflict" in tab.inner_text("body").lower()
    tab.screenshot(path=str(SHOTS / "report.png"), full_page=True)
    watch.assert_clean()
