"""Where quotations open and close: curly, straight and doubled-apostrophe marks."""

from __future__ import annotations

import pytest

from newsprov.nlp.quotemarks import find_quote_spans


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("She said “we stayed” at home.", ["we stayed"]),
        ('He said "the river rose" fast.', ["the river rose"]),
        (
            "The memo says the firm ''kept 12 offices abroad.'' Then it ended.",
            ["kept 12 offices abroad."],
        ),
        ("Nobody quoted anything here, it's plain.", []),
        # a short quotation inside an open one, in the same marks, is nested
        (
            "“I would rather live in what he calls “hell” than stay,” she wrote.",
            ["I would rather live in what he calls “hell” than stay,"],
        ),
        # an opening mark with no closing mark for an outer one after it is not nested
        (
            "“We left at once. “Then we came back,” she said.",
            ["We left at once. “Then we came back,"],
        ),
    ],
)
def test_quoted_text(text, quoted):  # type: ignore[no-untyped-def]
    assert [text[q.start : q.end] for q in find_quote_spans(text) if not q.single] == quoted
