"""Long articles (table rows: a 150 KB / 900 KB article costing more than linear time, an
article over 1M characters). Time is measured in benchmarks/bench_long_article.py; here
the work is counted: the calls the extraction makes grow with the text, not faster."""

from __future__ import annotations

import cProfile
import dataclasses
import pstats

import pytest

from newsprov.errors import ExtractionError
from newsprov.model import Article
from newsprov.nlp import extract
from newsprov.nlp.pipeline import MAX_CHARS, check_length

# Paragraphs written for this test: figures, sources, quotes, headings and credits, so
# every rule of the extraction has work to do.
PARAGRAPHS = [
    "Flood Update",
    "At least {n} homes were flooded in Marlow on Monday, the county fire service said.",
    "\u201cThe water rose within an hour,\u201d said Petra Lind, a resident of Marlow.",
    "The Red Cross said more than {m} people had been moved to shelters (Ann Roe/AP).",
    "Officials told Reuters that {k} roads remained closed, according to the council.",
]


def _article(paragraphs: int) -> Article:
    parts = [
        PARAGRAPHS[i % len(PARAGRAPHS)].format(n=10 + i, m=200 + i, k=3 + i)
        for i in range(paragraphs)
    ]
    return Article(id=f"long-{paragraphs}", text="\n\n".join(parts), outlet="Marlow Post")


def _profile(nlp, article: Article) -> pstats.Stats:  # type: ignore[no-untyped-def]
    profile = cProfile.Profile()
    profile.enable()
    list(extract(nlp, [article]))
    profile.disable()
    return pstats.Stats(profile)


def _text_getter() -> tuple[str, int, str]:
    """The profiler's key for ``Doc.text`` (found by profiling one access to it)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["a", "b"])
    profile = cProfile.Profile()
    profile.enable()
    doc.text  # noqa: B018
    profile.disable()
    keys = [k for k in pstats.Stats(profile).stats if k[2] == "__get__"]  # type: ignore[attr-defined]
    assert len(keys) == 1, keys
    return keys[0]


@pytest.mark.model
def test_extraction_work_grows_linearly_with_the_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    list(extract(pipeline, [_article(10)]))  # warm caches
    small, large = _profile(pipeline, _article(60)), _profile(pipeline, _article(240))
    text = _text_getter()
    rebuilds = [s.stats.get(text, (0, 0))[1] for s in (small, large)]  # type: ignore[attr-defined]
    assert rebuilds[0] == rebuilds[1] < 30  # whole-text rebuilds: a few per article, not per step
    calls = [s.total_calls for s in (small, large)]  # type: ignore[attr-defined]
    # 4x the text: ~6x the calls now (scans of headings per sentence remain); the
    # rebuilds in loops made it ~16x
    assert calls[1] < 8 * calls[0], calls


def test_an_article_over_the_limit_is_refused_clearly() -> None:
    article = dataclasses.replace(_article(1), id="giant", text="word " * (MAX_CHARS // 5 + 1))
    with pytest.raises(ExtractionError) as info:
        check_length(article)
    assert str(info.value) == (
        "giant: article too long (1,000,005 characters; the limit is 1,000,000): "
        "split it into parts"
    )
    check_length(dataclasses.replace(article, text="word " * (MAX_CHARS // 5)))  # at the limit


def test_extract_refuses_instead_of_spacys_e088(sentencized) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="giant", text="x" * (MAX_CHARS + 1))
    with pytest.raises(ExtractionError, match=r"^giant: article too long \(1,000,001 char"):
        list(extract(sentencized, [article]))
