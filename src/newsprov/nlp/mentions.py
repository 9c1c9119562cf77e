"""Mentions of one article clustered into entities: ``build_entity_table(doc)``.

Reads the entities a Doc carries after "newsprov_entity_fix", cleans each name
(``aliases.clean_name``), drops junk (lower-case phrases, sentence-initial common nouns,
"Britain" in "Britain-based", lone sentence-initial words the model calls persons), votes
one type per name, and clusters names into entities: "Name (ACR)" definitions, acronyms,
surnames, misspelt places. The result is an ``EntityTable`` (see ``coref``).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Span, Token

from newsprov.model import EntityType
from newsprov.outlets import OutletRegistry

from .aliases import (
    clean_name,
    group_names,
    is_acronym_of,
    is_demonym_phrase,
    lexicon,
    person_matches,
)
from .boundaries import doc_text, heading_spans, title_case_lines
from .coref import Cluster, EntityTable, Mention, outlet_entity
from .evidence import WEAK, context_votes, is_english, name_kind, role_beside
from .known_names import credit_mention
from .name_shape import demonym_kind
from .outlet_names import ambiguous_outlet, looks_like_outlet
from .patterns import joined, patterns, possessed, set_off_speaker
from .tokens import DASHES, opens_sentence, set_off_name, token_texts

__all__ = ["LABELS", "ambiguous_outlet", "build_entity_table"]

LABELS = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "OUTLET": EntityType.OUTLET,
}
_EDITION = re.compile(r"\s+(?:english|online|digital|international)$")
_NOT_NAMED_AFTER = {"calendar", "scale", "plate", "browser"}


def _kind(ent: Span) -> EntityType | None:
    kind = LABELS.get(ent.label_)
    lex = lexicon()
    if kind is not None and (ent.text in lex.platforms or ent.text in lex.known_orgs):
        return EntityType.ORGANISATION  # "Telegram" is no outlet, "Unicef" no person
    if kind is EntityType.PERSON and len(ent) == 1 and ent.text.isupper() and len(ent.text) > 2:
        return EntityType.ORGANISATION  # persons are not written in initials: "UNHCR said"
    if kind in {EntityType.ORGANISATION, EntityType.PERSON} and looks_like_outlet(ent):
        return EntityType.OUTLET
    # "Kandilli Observatory" tagged GPE, "Via Merulana" tagged PERSON: the words decide
    fixed = name_kind(ent.text)
    if kind is not None and fixed is not None:
        return fixed
    return kind


def _is_junk(ent: Span, name: str, kind: EntityType) -> bool:
    """Words a model wrongly tags as names: lower-case phrases, common nouns at the start
    of a sentence, "Britain" in "Britain-based", demonyms."""
    lex = lexicon()
    words = name.split()
    if not words or not any(c.isalpha() for c in name) or name.lower() in lex.junk:
        return True
    lower = all(not w[0].isupper() for w in words if w[0].isalpha())
    if lower and not _lower_name(ent, words, kind):
        return True
    if is_demonym_phrase(name) or all(w.lower() in lex.titles and not w.isupper() for w in words):
        return True  # "Sgt" cut off "Sgt. Lisa Moreno"
    doc = ent.doc
    nxt = doc[ent.end : ent.end + 2]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in {"based", "led", "backed"}:
        return True
    if len(nxt) >= 1 and nxt[0].lower_ in _NOT_NAMED_AFTER:
        return True  # "the Bikram Sambat calendar", "the Beaufort scale"
    first = ent[0]
    # a common noun, or a past participle opening a caption ("Burnt remains of a car");
    # not a verb's base form, which a surname may share ("Trump openly admires")
    common = first.pos_ == "NOUN" or first.tag_ in {"NNS", "VBN", "VBD"}
    lone = len(ent) == 1 and bool(first.is_sent_start)
    after_dateline = ent.start > 0 and doc[ent.start - 1].text in DASHES
    if len(ent) == 1 and after_dateline and first.text.endswith("s") and is_english(first):
        return True  # "(CNN) — Wildfires fueled by winds raged": the story's first word
    dateline = kind is EntityType.PLACE and ent.text.isupper()  # "ERBIL: Shelling ..."
    return lone and common and kind is not EntityType.OUTLET and not dateline


def _lower_name(ent: Span, words: list[str], kind: EntityType) -> bool:
    """Lower-case names that are names: a registry outlet ("dpa"), a description that
    names one body ("labour ministry", "county sheriff's department")."""
    if kind is EntityType.OUTLET:
        return bool(ent.ent_id_) or OutletRegistry.default().lookup(ent.text) is not None
    p = patterns()
    tail = " ".join(words[-2:]).lower()
    return (
        kind is EntityType.ORGANISATION
        and len(words) >= 2
        and (words[-1].lower() in p.lower_org_heads or tail in p.lower_org_phrases)
    )


def _mentions(doc: Doc) -> list[Mention]:
    """Cleaned body mentions of the four entity types."""
    headings = heading_spans(doc)
    registry = OutletRegistry.default()
    text = doc_text(doc)  # built once: Doc.text joins every token
    out = []
    for ent in doc.ents:
        kind = _kind(ent)
        if kind is None:
            continue
        if any(s <= ent.start_char < e for s, e in headings) and not credit_mention(ent, text):
            continue
        holder = _office_holder(ent) if kind is not EntityType.OUTLET else None
        if holder is not None:  # "Health Minister Eleanor Vance" run into one body
            ent, kind = holder, EntityType.PERSON
        name = clean_name(ent.text, kind.value)
        if _is_junk(ent, name, kind):
            continue
        if kind is EntityType.PERSON and name != ent.text and registry.lookup(name):
            kind = EntityType.OUTLET  # "(With AFP)"
        outlet_id = ent.ent_id_ or None
        if kind is EntityType.OUTLET and outlet_id is None:
            found = registry.lookup(name)
            outlet_id = found.id if found else None
        out.append(Mention(ent.start, ent.end, ent.start_char, ent.end_char, name, kind, outlet_id))
    return out


def _office_holder(ent: Span) -> Span | None:
    """The person closing a span that runs an office into a name ("Federal Emergency
    Preparedness Minister Eleanor Vance", "Vice Minister of Civil Defense Óscar Villca"):
    the two capitalised words after an office title (three with a middle initial)."""
    lex = lexicon()
    # a role, or a title's abbreviation ("Rio Gov. Marta Vilela"; not "U.S.")
    roles = lex.role_titles | {t for t in lex.titles if t.endswith(".") and t.count(".") == 1}
    at = max((t.i for t in ent if t.lower_ in roles), default=None)
    if at is None or ent.end - at < 3:
        return None
    size = 3 if ent.end - at >= 4 and re.fullmatch(r"[A-Z]\.", ent.doc[ent.end - 2].text) else 2
    name = ent.doc[ent.end - size : ent.end]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in roles for t in name):
        return None
    if ent.label_ != "PERSON" and is_english(name[-1]):
        return None  # "Minister of Foreign Affairs": words, not a surname
    return Span(ent.doc, name.start, name.end, label="PERSON")


_NOT_NAME_START = {"VERB", "ADV", "CCONJ", "DET", "ADP", "PRON", "AUX", "ADJ", "SCONJ"}


def _cut_run_on_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person's name run on into the title-case words after it ("Chris Christie Address
    Heroin Epidemic", a live blog's entry title) is cut back to the name the article
    gives elsewhere, when the longer run occurs once; a sentence's first word the parse
    says is no name ("Injecting Clinton into …") is not part of it."""
    names = {m.name for m in mentions if m.kind is EntityType.PERSON}
    text = doc_text(doc)  # built once
    out = []
    for m in mentions:
        first = doc[m.start]
        lead = m.kind is EntityType.PERSON and m.end - m.start >= 2 and first.is_sent_start
        if lead and first.pos_ in _NOT_NAME_START and m.name.startswith(first.text + " "):
            rest = doc[m.start + 1 : m.end]  # "Injecting Clinton into …", "Neither Cruz"
            name = m.name[len(first.text) + 1 :]
            m = Mention(rest.start, rest.end, rest.start_char, rest.end_char, name, m.kind)
        words = m.name.split()
        if m.kind is EntityType.PERSON and len(words) >= 3 and text.count(m.name) == 1:
            for k in range(len(words) - 1, 1, -1):
                head = doc[m.start : m.start + k]
                if " ".join(words[:k]) in names and head.text == " ".join(words[:k]):
                    m = Mention(
                        m.start, head.end, head.start_char, head.end_char, head.text, m.kind
                    )
                    break
        out.append(m)
    return out


def _lower_tails(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name's last word that the article also writes in lower case after the rest of
    the name ("India's Uttar Pradesh State" beside "in Uttar Pradesh state") is a common
    noun, not part of the name; with only a nationality left there is no name."""
    text = doc_text(doc)  # built once
    texts = token_texts(doc)
    # (word, next word) wherever the next word is written in lower case: a quick filter
    lowered = {(a, b) for a, b in itertools.pairwise(texts) if b.islower()}
    out = []
    for m in mentions:
        last = doc[m.end - 1]
        rest = m.name[: -len(last.text)].rstrip()
        word = last.text
        shaped = m.end - m.start >= 2 and m.name.endswith(word) and word[1:].islower()
        seen = shaped and (texts[m.end - 2], word.lower()) in lowered
        if seen and word[:1].isupper() and f"{rest} {word.lower()}" in text:
            if is_demonym_phrase(rest):
                continue  # "Syrian City": an adjective and a noun
            before = doc[m.end - 2]
            end_char = before.idx + len(before.text)
            m = Mention(m.start, m.end - 1, m.start_char, end_char, rest, m.kind)
        out.append(m)
    return out


def _labels(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A transcript's label in capitals ("PENCE: Well, …") that is a person's family name
    names that person, whatever the model took it for."""
    family = {
        m.name.split()[-1].lower(): m.name.split()[-1]
        for m in mentions
        if m.kind is EntityType.PERSON and " " in m.name
    }
    out = []
    for m in mentions:
        word = doc[m.start]
        label = (
            m.end - m.start == 1 and word.is_upper and m.end < len(doc) and doc[m.end].text == ":"
        )
        if label and word.lower_ in family:
            name = family[word.lower_]
            m = Mention(m.start, m.end, m.start_char, m.end_char, name, EntityType.PERSON)
        out.append(m)
    return out


def _drop_lone_words(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A capitalised word opening a sentence (or following a dateline's dash) that the
    model calls a person ("Wildfires tore through…", "KATMANDU, Nepal -- Crews
    searched…") and that never recurs nor matches a full name is not a person; nor is
    any name a word the text also writes in lower case, capitalised only where a
    sentence opens ("Cholera kills 58 …" beside "a campaign against cholera")."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    full = [m.name for m in mentions if m.kind is EntityType.PERSON and " " in m.name]
    # a word the text also writes in lower case ("Cholera kills 58 …" beside "against
    # cholera"), only ever capitalised where a sentence opens, is a common word
    lower = {w for w in re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])", doc_text(doc))}
    openers = {m.name for m in mentions if " " not in m.name and opens_sentence(doc[m.start])}
    elsewhere = {m.name for m in mentions if not opens_sentence(doc[m.start])}
    common = {n for n in openers - elsewhere if n.lower() in lower and n[1:].islower()}
    out = []
    for m in mentions:
        lone = m.kind is EntityType.PERSON and " " not in m.name and counts[m.name] == 1
        opens = opens_sentence(doc[m.start])
        if lone and opens and not any(person_matches(m.name, f) for f in full):
            continue
        if m.name in common and m.kind is not EntityType.OUTLET:
            continue
        out.append(m)
    return out


def _title_case_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names in a title-case line ("Lawmakers Rip Donald Trump", "… Killed in Air Strikes
    in Syrian City of Aleppo"), where capitals say nothing, that the article never writes
    so outside such lines: cut to the longest run of their words that is a name written
    elsewhere ("Donald Trump"); dropped when most of its words are written in lower case
    elsewhere ("air strikes") or are nationalities. Bylines and credits keep their names."""
    text = doc_text(doc)
    titles = title_case_lines(text)
    if not titles:
        return mentions

    def in_titles(char: int) -> bool:
        return any(s <= char < e for s, e in titles)

    def written_outside(name: str) -> bool:
        hits = re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
        return any(not in_titles(h.start()) for h in hits)

    outside: dict[str, EntityType] = {}
    for m in mentions:
        if not in_titles(m.start_char):
            outside.setdefault(m.name, m.kind)
    lower = {w.lower() for w in re.findall(r"\b[a-z][\w'’-]*", text)}
    out = []
    for m in mentions:
        if not in_titles(m.start_char) or written_outside(m.name):
            out.append(m)
            continue
        run = _known_run(doc, m, outside)
        if run is not None:
            out.append(run)
        else:
            words = m.name.split()
            common = sum(w.lower() in lower or is_demonym_phrase(w) for w in words)
            if 2 * common <= len(words):
                out.append(m)
    return out


def _known_run(doc: Doc, m: Mention, names: dict[str, EntityType]) -> Mention | None:
    """The longest run of the mention's tokens whose text is one of ``names``, typed as
    the name is where it is written."""
    size = m.end - m.start
    for k in range(size - 1, 0, -1):
        for i in range(m.start, m.end - k + 1):
            run = doc[i : i + k]
            kind = names.get(run.text)
            if kind is not None:
                return Mention(i, i + k, run.start_char, run.end_char, run.text, kind)
    return None


def _defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[tuple[str, str]]:
    """Pairs ("Syrian Observatory for Human Rights", "SOHR") from "Name (ACR)"."""
    pairs = []
    for m in mentions:
        toks = doc[m.end : m.end + 3]
        if len(toks) == 3 and toks[0].text == "(" and toks[2].text == ")":
            acr = toks[1].text
            # a place or person is defined only by its initials ("UAE"), so that
            # "MALATYA, Türkiye (AA)" does not make "AA" an alias of Türkiye
            named = m.kind in {EntityType.ORGANISATION, EntityType.OUTLET}
            if acr.isupper() and 2 <= len(acr) <= 8 and (named or is_acronym_of(acr, m.name)):
                pairs.append((m.name, acr))
            elif named and _short_name(toks[1]):
                pairs.append((m.name, acr))  # "Human Rights Commission of Malaysia (Suhakam)"
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        # "Gabungan Mahasiswa Malaysia (Malaysian Students' Coalition)": a translation
        inner = by_start.get(m.end + 1)
        closes = inner is not None and inner.end < len(doc) and doc[inner.end].text == ")"
        if closes and doc[m.end].text == "(" and m.kind is EntityType.ORGANISATION:
            pairs.append((m.name, inner.name))  # type: ignore[union-attr]
    return pairs


def _short_name(tok: Token) -> bool:
    """A capitalised one-word name of an organisation in brackets ("Suhakam", "Unicef")."""
    text = tok.text
    registry = OutletRegistry.default()
    return (
        text.isalpha()
        and text[0].isupper()
        and 3 <= len(text) <= 10
        and (registry.lookup(text) is None and text.lower() not in lexicon().demonyms)
    )


# ties go to the type the small model gets wrong least often
_TIE_ORDER = [EntityType.OUTLET, EntityType.PLACE, EntityType.ORGANISATION, EntityType.PERSON]


def _vote_kinds(doc: Doc, mentions: list[Mention]) -> dict[str, EntityType]:
    """One type per name: outlet if any mention is an outlet, the type the name's own
    words fix ("X Ministry"), else the model's labels plus the context's votes
    (``evidence.context_votes``)."""
    votes: dict[str, Counter[EntityType]] = {}
    for m in mentions:
        tally = votes.setdefault(m.name, Counter())
        tally[m.kind] += WEAK
        if m.kind is not EntityType.OUTLET and name_kind(m.name) is None:
            for kind, weight in context_votes(doc, m.start, m.end, m.kind):
                tally[kind] += weight
    result = {}
    for name, tally in votes.items():
        fixed = name_kind(name)
        if EntityType.OUTLET in tally:
            result[name] = EntityType.OUTLET
        elif fixed is not None:
            result[name] = fixed
        else:
            result[name] = max(_TIE_ORDER, key=lambda k, t=tally: (t[k], -_TIE_ORDER.index(k)))  # type: ignore[misc]
    _coordinated_places(doc, mentions, result)
    for name, kind in result.items():
        not_person = demonym_kind(name) if kind is EntityType.PERSON else None
        if not_person is not None:
            result[name] = not_person
    orgs = [n for n, k in result.items() if k is EntityType.ORGANISATION and " " in n]
    for name, kind in result.items():  # "E.U." the model calls a place, beside "European Union"
        if kind is EntityType.PLACE and any(is_acronym_of(name, o) for o in orgs):
            result[name] = EntityType.ORGANISATION
    persons = [n for n, k in result.items() if k is EntityType.PERSON and " " in n]
    surnames = {n for n, k in result.items() if k is EntityType.PERSON and " " not in n}
    named_by = {w for p in persons for w in (p.split()[0], p.split()[-1])}
    locatives = patterns().locatives
    located = {m.name for m in mentions if m.start and doc[m.start - 1].lower_ in locatives}
    for name, kind in result.items():
        # "said Sydykova" beside "Aijamal Sydykova", "Choi said" beside "Choi Ji-won": a
        # body or a place nothing places anything in is that person
        short = " " not in name and name in named_by and name_kind(name) is None
        if short and kind is EntityType.PLACE and name not in located:
            result[name] = EntityType.PERSON
        if kind is not EntityType.ORGANISATION:
            continue
        # "Sutopo Purwo Nugroho" the model calls a body, beside "Mr Nugroho"
        surname = name.split()[-1] in surnames and name_kind(name) is None
        if surname or short or any(person_matches(name, p) for p in persons):
            result[name] = EntityType.PERSON
    return result


def _coordinated_places(doc: Doc, mentions: list[Mention], kinds: dict[str, EntityType]) -> None:
    """ "Dunmore Gap, Ferny Flat and Bracken Hill": a name said once, listed next to a
    place, that the model calls a person is a place too; a role's holder set beside the
    place ("its coordinator in X, Samir Hadjadj,", "the governor of X, Ahmed Saleh, told")
    is not listed with it."""
    counts = Counter(m.name for m in mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        if not joined(doc, a.end, b.start) or possessed(doc, b.end):
            continue
        for x, y in ((a, b), (b, a)):
            lone_person = kinds.get(x.name) is EntityType.PERSON and counts[x.name] == 1
            lone_person = lone_person and role_beside(doc, x.start, x.end) is None
            lone_person = lone_person and not set_off_name(doc, x.start, x.end)
            speaking = set_off_speaker(doc, a.end, b.start, x.end)  # ", Trooper X said"
            lone_person = lone_person and not speaking
            if lone_person and kinds.get(y.name) is EntityType.PLACE:
                kinds[x.name] = EntityType.PLACE


def build_entity_table(doc: Doc, publisher: str | None = None) -> EntityTable:
    """Cluster the article's mentions into entities (see module docstring). Given the
    ``publisher`` (``Article.outlet``), other outlets are named as the article names
    them (``_outlet_clusters``); without it every outlet takes the registry's name."""
    mentions = _title_case_names(doc, _drop_lone_words(doc, _labels(doc, _mentions(doc))))
    mentions = _cut_run_on_names(doc, _lower_tails(doc, mentions))
    defined = _defined_acronyms(doc, mentions)
    mentions += _acronym_mentions(doc, mentions, defined)
    kinds = _vote_kinds(doc, mentions)
    if publisher is not None and publisher in kinds:
        kinds[publisher] = EntityType.OUTLET  # the site's name in its own chrome
    for long, short in defined:
        if kinds.get(long) is EntityType.ORGANISATION and short in kinds:
            kinds[short] = kinds[long]
    for long, short in _known_as(doc, mentions):
        kinds[short] = kinds[long]
        defined.append((long, short))
    clusters: list[Cluster] = []
    for kind in EntityType:
        if kind is EntityType.OUTLET:
            outlets = [m for m in mentions if kinds[m.name] is kind]
            clusters += _outlet_clusters(doc, outlets, publisher)
            continue
        names = list(dict.fromkeys(m.name for m in mentions if kinds[m.name] is kind))
        for group in group_names(kind.value, names, defined):
            members = [m for m in mentions if m.name in group and kinds[m.name] is kind]
            clusters.append(Cluster.from_mentions(kind, members))
    _sort_titled_family_names(doc, clusters)
    table = EntityTable(doc, clusters)
    table.rescan_aliases()
    return table


_SEX_WINDOW = 40  # tokens after a full name in which its first pronoun is looked for


def _sort_titled_family_names(doc: Doc, clusters: list[Cluster]) -> None:
    """ "Mrs. Clinton" where Bill and Hillary Clinton are both named: a family name after
    a title that tells a woman from a man goes to the one person of that sex among those
    who share it, as the title and the pronouns after their full names tell."""
    people = [c for c in clusters if c.kind is EntityType.PERSON and not c.anonymous]
    starts = sorted(m.start for c in people for m in c.mentions)
    sexes: dict[int, str | None] = {}  # by cluster id, worked out once when first asked

    def sex_of(c: Cluster) -> str | None:
        if id(c) not in sexes:
            sexes[id(c)] = _sex(doc, c, starts)
        return sexes[id(c)]

    for owner in people:
        for m in list(owner.mentions):
            sex = _title_sex(doc, m)
            if " " in m.name or sex is None:
                continue
            sharing = [
                c for c in people if any(" " in f and person_matches(m.name, f) for f in c.forms())
            ]
            chosen = [c for c in sharing if sex_of(c) == sex]
            if len(sharing) < 2 or len(chosen) != 1 or chosen[0] is owner:
                continue
            owner.mentions.remove(m)
            chosen[0].mentions.append(m)
            chosen[0].mentions.sort(key=lambda x: x.start)
    for c in people:
        c.aliases = [n for n in dict.fromkeys(m.name for m in c.mentions) if n != c.name]


def _sex_of_word(tok: Token) -> str | None:
    lex = lexicon()
    if tok.lower_ in lex.female_words:
        return "f"
    return "m" if tok.lower_ in lex.male_words else None


def _title_sex(doc: Doc, m: Mention) -> str | None:
    """The sex the title opening a mention tells ("Mrs. Clinton", "Mr. Clinton")."""
    first = doc[m.start]
    if first.text[:1].isupper() and (sex := _sex_of_word(first)) is not None:
        return sex
    if m.start > 0 and doc[m.start - 1].text[:1].isupper():
        return _sex_of_word(doc[m.start - 1])
    return None


def _sex(doc: Doc, cluster: Cluster, starts: list[int]) -> str | None:
    """A person's sex as the titles of their full names and the first pronoun after each
    (before another person is named) tell; None when they disagree or say nothing."""
    votes: Counter[str] = Counter()
    for m in cluster.mentions:
        if " " not in m.name:
            continue
        title = _title_sex(doc, m)
        if title is not None:
            votes[title] += 1
            continue
        k = bisect_left(starts, m.end)
        nxt = starts[k] if k < len(starts) else len(doc)
        for tok in doc[m.end : min(nxt, m.end + _SEX_WINDOW)]:
            if tok.pos_ == "PRON" and (sex := _sex_of_word(tok)) is not None:
                votes[sex] += 1
                break
    if len(votes) != 1:
        return None
    return next(iter(votes))


def _acronym_mentions(
    doc: Doc, mentions: list[Mention], defined: list[tuple[str, str]]
) -> list[Mention]:
    """The "(SOHR)" token of a definition, when the model did not tag it."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    wanted = {acr for _, acr in defined}
    at: dict[str, list[Token]] = {}
    for i, text in enumerate(token_texts(doc)):  # one pass over the Doc, not one per acronym
        if text in wanted:
            at.setdefault(text, []).append(doc[i])
    out = []
    for _, acr in defined:
        for tok in at.get(acr, []):
            if tok.i not in covered:
                out.append(
                    Mention(
                        tok.i,
                        tok.i + 1,
                        tok.idx,
                        tok.idx + len(tok),
                        acr,
                        EntityType.ORGANISATION,
                        None,
                    )
                )
                covered.add(tok.i)
    return out


_KNOWN = {"known", "called", "dubbed", "nicknamed"}


def _known_as(doc: Doc, mentions: list[Mention]) -> list[tuple[str, str]]:
    """(name, alias) from "the Disaster and Emergency Management Authority, known as
    AFAD" and "The organisation, known in Turkey as Kızılay" (the organisation named
    last before the description), and from "…, or FEMA," (``_or_alias``)."""
    by_end = {m.end: m for m in mentions}
    pairs = []
    for m in mentions:
        short = _or_alias(doc, m, by_end)
        if short is not None:
            pairs.append(short)
        if m.start < 3 or doc[m.start - 1].lower_ != "as":
            continue
        known = next((t for t in doc[max(0, m.start - 6) : m.start] if t.lower_ in _KNOWN), None)
        if known is None:
            continue
        comma = known.i - 1 if doc[known.i - 1].lower_ != "also" else known.i - 2
        if comma < 1 or doc[comma].text != ",":
            continue
        long = by_end.get(comma) or _org_before(doc, mentions, comma)
        if long is not None and long.name != m.name:
            pairs.append((long.name, m.name))
    return pairs


def _or_alias(doc: Doc, m: Mention, by_end: dict[int, Mention]) -> tuple[str, str] | None:
    """(name, alias) from "the Federal Emergency Management Agency, or FEMA, said" and
    "the California Department of Forestry and Fire Protection, or Cal Fire": a body's
    name, its short form after ", or", set off by a comma again; the short form is its
    initials or shares a word with it, and the name is no member of a list."""
    if m.start < 3 or doc[m.start - 1].lower_ != "or" or doc[m.start - 2].text != ",":
        return None
    long = by_end.get(m.start - 2)
    closed = m.end >= len(doc) or doc[m.end].text in {",", ")", "."}
    if long is None or not closed or long.kind is not EntityType.ORGANISATION:
        return None
    if long.start > 0 and doc[long.start - 1].text == ",":
        return None  # "the police, the army, or the navy": a list
    shared = {w.lower() for w in long.name.split()} & {w.lower() for w in m.name.split()}
    if not (is_acronym_of(m.name, long.name) or shared - {"of", "the", "and", "for"}):
        return None
    return (long.name, m.name)


def _org_before(doc: Doc, mentions: list[Mention], comma: int) -> Mention | None:
    """The organisation "The organisation" (before ``comma``) refers back to."""
    noun = doc[comma - 1]
    if not noun.text.islower() or noun.lemma_.lower() not in lexicon().org_nouns:
        return None
    orgs = [m for m in mentions if m.end <= noun.i and m.kind is EntityType.ORGANISATION]
    return orgs[-1] if orgs else None


def _outlet_clusters(
    doc: Doc, mentions: list[Mention], publisher: str | None = None
) -> list[Cluster]:
    """Outlets cluster by registry id (or by name when unknown to the registry); "the
    Post" joins the one registry outlet of the article whose name ends in "Post". A
    cluster takes the registry's name unless the article's name for it is no form of
    that ("ABC", not the registry's "ABC News"; but "Associated Press" for "AP"). The
    publisher, and every outlet when the publisher is not known, keeps the registry's
    name ("BBC News" publishes, "the BBC" is its byline)."""
    own_id = _registry_id(publisher)
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.outlet_id or m.name.lower(), []).append(m)
    # outlets the page names anywhere, headings too ("Why you can trust SCMP")
    known = {m.outlet_id for m in mentions if m.outlet_id}
    known |= {e.ent_id_ for e in doc.ents if e.label_ == "OUTLET" and e.ent_id_}
    registry = OutletRegistry.default()
    for key in [k for k in groups if k not in known and " " not in k]:
        owners = [oid for oid in known if _last_word(registry.get(oid), key)]
        if len(owners) == 1:
            groups.setdefault(owners[0], []).extend(groups.pop(key))
    for key in [k for k in groups if k not in known]:
        edition = _registry_id(_EDITION.sub("", key))  # "Al Arabiya English"
        if own_id is not None and edition == own_id:
            known.add(own_id)  # the publisher, named by the page only in its header
        if edition in known and edition != key:
            groups.setdefault(edition, []).extend(groups.pop(key))
    out = []
    for key, members in groups.items():
        oid = key if key in known else None
        cluster = outlet_entity(members[0].name, oid)
        forms = [m.name for m in members if m.outlet_id == oid]
        own = max(forms, key=lambda n: (forms.count(n), len(n))) if forms else cluster.name
        cited = publisher is not None and (oid is None or oid != own_id)
        if cited and not _recognisable(own, cluster.name):
            cluster.aliases = [a for a in [cluster.name, *cluster.aliases] if a != own]
            cluster.name = own
        cluster.add_mentions(members)
        out.append(cluster)
    return out


def _registry_id(name: str | None) -> str | None:
    found = OutletRegistry.default().lookup(name) if name else None
    return found.id if found else None


def _recognisable(own: str, registry_name: str) -> bool:
    """Is the article's name a form of the registry's: the same words, its initials,
    or two words or more of it ("Straits Times" / "The Straits Times")?"""
    a, b = (clean_name(n, "Outlet").lower().replace("-", " ") for n in (own, registry_name))
    if a == b or is_acronym_of(own, registry_name):  # "al-Jazeera" is "Al Jazeera"
        return True
    words = set(a.split())
    return len(words) >= 2 and words <= set(b.split())


def _last_word(outlet: object, word: str) -> bool:
    """Is ``word`` the last word of the outlet's name ("post" / South China Morning Post)?"""
    name = str(getattr(outlet, "name", ""))
    return bool(name) and name.lower().split()[-1] == word
