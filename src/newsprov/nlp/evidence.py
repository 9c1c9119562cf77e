"""What the words around a name say about its type.

The small model often calls an unfamiliar place a person ("stormed Um Sidra") or an
organisation ("in Pine Hollow"). The article usually says what the name is somewhere:
"Um Sidra, a farming town", "the town of Um Sidra", "residents of Pine Hollow", "the
state's fire agency Cal Fire", "Contafolla, a group of statisticians", "software engineer
Rajesh Nair". ``context_votes`` turns one mention's context into weighted type votes;
the entity table adds them to the model's labels, name by name.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsprov.model import EntityType

from .aliases import is_role_word, lexicon
from .name_shape import shape_kind
from .patterns import patterns, possessed, words_label

__all__ = [
    "STRONG",
    "WEAK",
    "context_votes",
    "english_words",
    "given_name_end",
    "in_foreign_fragment",
    "is_english",
    "name_kind",
    "role_beside",
    "set_english_words",
    "untagged_kind",
]

STRONG = 3  # a description of the name ("a farming town", "the town of")
WEAK = 1  # a hint ("in X"), worth as much as the model's label

_DETS = {"a", "an", "the", "one", "its", "their", "another"}
# "according to X", "due to X": "to" there says nothing about a place
_NOT_MOTION = {"according", "due", "thanks", "next", "compared", "close", "owing", "prior"}
_STOP_POS = {"ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "PART", "PUNCT", "DET"}


def _noun_kind(word: str) -> EntityType | None:
    """The type a describing noun gives: "town" -> place, "agency" -> organisation."""
    lex, p = lexicon(), patterns()
    if word in p.place_appos:
        return EntityType.PLACE
    if word in lex.org_nouns:
        return EntityType.ORGANISATION
    if is_role_word(word) or word in lex.titles:
        return EntityType.PERSON
    if word.endswith("-old"):
        return EntityType.PERSON
    return None


def _appos_head(doc: Doc, i: int) -> Token | None:
    """Head noun of a description opening at token ``i`` ("a farming town of ..." ->
    town; "the state's firefighting agency" -> agency; "Pakistan's minister for water"
    -> minister; "secretary of the state's disaster agency" -> secretary); None when
    there is none."""
    if i >= len(doc):
        return None
    if doc[i].lower_ not in _DETS:
        return _undetermined_role(doc, i)
    head = None
    for tok in doc[i + 1 : i + 8]:
        if tok.lower_ in {"'s", "’s"}:
            head = None  # "the state's" names the owner, not the thing
            continue
        if tok.text == "-" or tok.like_num:
            continue
        if not tok.text.islower():
            # "the state's fire agency Cal Fire": the words describe the next name
            return None if head is not None and tok.i == head.i + 1 else head
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_ != "VBG":
            return None  # ", the observatory said": a new clause, no apposition
        if tok.pos_ in _STOP_POS:
            break
        if tok.pos_ == "NOUN":
            head = tok
    return head


def _undetermined_role(doc: Doc, i: int) -> Token | None:
    """A person's role opening a description without an article: after a named owner
    ("Pakistan's minister for revenue") or bare before its "of"/"for" ("secretary of the
    state's disaster agency", "spokesman for the army"). Only roles: ", police said"
    opens a clause, not a description."""
    k = i
    while k < min(len(doc), i + 4) and doc[k].pos_ == "PROPN":
        k += 1
    if k > i:  # the owner's name must close with its possessive
        if k >= len(doc) or doc[k].lower_ not in {"'s", "’s"}:
            return None
        k += 1
    owned = k > i
    while k < len(doc) - 1 and doc[k].text.islower() and doc[k].pos_ == "ADJ":
        k += 1  # "Pakistan's former minister"
    if k >= len(doc) - 1 or not doc[k].text.islower() or doc[k].pos_ != "NOUN":
        return None
    role = doc[k]
    if _noun_kind(role.lower_) is not EntityType.PERSON:
        return None
    nxt = doc[k + 1]
    return role if owned or nxt.lower_ in {"of", "for", "at"} else None


# "Sertã mayor Carlos Farinha", "Batken residents": the office or people of a place
_PLACE_PEOPLE = {"mayor", "governor", "residents", "villagers", "townspeople"}


def _after(doc: Doc, start: int, end: int) -> EntityType | None:
    """ "X, a farming town", "X, the state's firefighting agency"; "the X countryside";
    "X mayor"; "the X newspaper"; "X (Latakia)"."""
    if end + 1 >= len(doc):
        return None
    nxt = doc[end]
    if nxt.text in _PLACE_PEOPLE:
        return EntityType.PLACE
    if nxt.text == "(" and _bracketed_place(doc, end):
        return EntityType.PLACE  # "Al-Bahluliyah (Latakia)": a place and its province
    if nxt.text.islower() and nxt.lower_ in patterns().outlet_nouns:
        # "Dhaka's Ittefaq newspaper", "the Kompas daily"; not "our Telegram channel"
        platform = doc[start:end].text in lexicon().platforms
        return None if platform else EntityType.OUTLET
    if nxt.text.islower() and nxt.pos_ == "NOUN" and nxt.lower_ in patterns().place_appos:
        follows = doc[end + 1]
        if follows.pos_ not in {"NOUN", "PROPN"}:
            return EntityType.PLACE
        return EntityType.PLACE if _office_of_place(doc, end + 1) else None
    if nxt.text != ",":
        return None
    if _age_after(doc, end):
        return EntityType.PERSON
    head = _appos_head(doc, end + 1)
    if head is None:
        return None
    if "-old" in head.text:
        return EntityType.PERSON
    return _noun_kind(head.lower_)


def _bracketed_place(doc: Doc, i: int) -> bool:
    """Does the bracket opening at token ``i`` hold only a place's name written out
    ("(Latakia)"; not a state's abbreviation after a lawmaker's name, "(Md.)")?"""
    close = next((k for k in range(i + 1, min(i + 6, len(doc))) if doc[k].text == ")"), None)
    if close is None or close == i + 1:
        return False
    inside = doc[i + 1 : close]
    if any("." in t.text or (t.is_upper and len(t) <= 3) for t in inside):
        return False  # "Sen. Ben Cardin (Md.)", "(NY)": a lawmaker's state, written short
    return all(t.ent_type_ in {"GPE", "LOC"} for t in inside)


def _office_of_place(doc: Doc, i: int) -> bool:
    """ "X state revenue minister D. Prasad Rao": lower-case nouns from token ``i`` ending
    in a person's role (the office of the place the name before them names)."""
    for tok in doc[i : i + 3]:
        if not (tok.text.islower() and tok.pos_ == "NOUN"):
            return False
        if _noun_kind(tok.lower_) is EntityType.PERSON:
            return True
    return False


def _age_after(doc: Doc, i: int) -> bool:
    """ "Aijamal Sydykova, 63, spent": an age between commas after the name."""
    if i + 2 >= len(doc) or not doc[i + 1].text.isdigit() or doc[i + 2].text not in {",", "."}:
        return False
    return 1 <= int(doc[i + 1].text) <= 110


def _before(
    doc: Doc, start: int, end: int, label: EntityType
) -> tuple[EntityType, int] | None:
    """ "Mr X" (person); "the town of X", "residents of X" (place); "fire agency X",
    "engineer X"; "a town called X"; "in X"
    (a hint for names the model calls organisations or places, not for persons:
    "a message from Kamel"). Blanks within the line before the name are skipped."""
    while start > 0 and doc[start - 1].is_space and "\n" not in doc[start - 1].text:
        start -= 1
    if start == 0:
        return None
    prev = doc[start - 1]
    p = patterns()
    if prev.lower_ in lexicon().honorifics and prev.text[:1].isupper():
        return EntityType.PERSON, STRONG  # "Mr Nugroho", "Dr. Amal"
    if prev.lower_ == "of" and start >= 2 and _of_noun(doc, start - 2) & p.place_before:
        return EntityType.PLACE, STRONG
    owns = end < len(doc) and (doc[end].pos_ in {"NOUN", "PROPN"} or possessed(doc, end))
    if _members_of(doc, start) and not owns:
        return EntityType.ORGANISATION, STRONG  # "members of the Mejlis": a body has members
    if prev.text.islower() and prev.pos_ == "NOUN":
        kind = _noun_kind(prev.lower_)
        if kind is EntityType.PLACE:
            # "in state capital Hyderabad", "the village Kafr Nabl"; not "the city Council"
            body = doc[end - 1].lower_ in p.org_heads
            if label is not EntityType.PERSON and not body:
                return kind, STRONG
        elif kind is not None:
            return kind, STRONG
    if prev.pos_ == "VERB" and prev.lemma_ in p.naming_verbs:  # "the town now called Chlef"
        k = start - 2
        while k > 0 and doc[k].pos_ == "ADV":
            k -= 1
        kind = _noun_kind(doc[k].lower_) if k >= 0 and doc[k].pos_ == "NOUN" else None
        if kind is not None:
            return kind, STRONG
    if _listed_after_places(doc, start):
        return EntityType.PLACE, STRONG  # "in several locations, including Baniyas and X"
    if label is EntityType.PERSON and _in_place_of(doc, start, end):
        return EntityType.PLACE, STRONG  # "in Malaysia's Borneo": no person is in one
    if prev.lower_ == "the" and start >= 2:
        last = doc[end - 1]
        if label is EntityType.ORGANISATION and (last.is_upper or last.lower_ in p.org_heads):
            return None  # "from the FBI", "in the Senate"; not "in the Inland Empire"
        prev = doc[start - 2]
    described = prev.lower_ in p.place_adjectives and prev.i > 0
    if described:  # "in neighbouring Andhra Pradesh", "in northern Kivu"
        prev = doc[prev.i - 1]
    if prev.lower_ not in p.locatives | {"to"}:
        return None
    if label is EntityType.PERSON and not described:
        return None
    if prev.lower_ == "to" and prev.i > 0 and doc[prev.i - 1].lower_ in _NOT_MOTION:
        return None
    return EntityType.PLACE, WEAK


def _listed_after_places(doc: Doc, start: int) -> bool:
    """Is the name at token ``start`` an item "including"/"such as" lists after a plural
    place noun ("several locations, including [Baniyas] and [Jabla]"; "areas such as X")?
    Items joined by "and"/"or"/commas count from the list's first one."""
    k = start - 1
    while k > 0 and (doc[k].lower_ in {"and", "or", ","} or doc[k].pos_ == "PROPN"):
        k -= 1  # back over the items before this one
    if k < 1 or doc[k].lower_ not in {"including", "as"}:
        return False
    if doc[k].lower_ == "as" and doc[k - 1].lower_ != "such":
        return False
    j = k - 1 if doc[k].lower_ == "including" else k - 2
    while j >= 0 and doc[j].text == ",":
        j -= 1
    noun = doc[j] if j >= 0 else None
    places = patterns().place_appos | {"location", "place"}
    return noun is not None and noun.tag_ == "NNS" and noun.lemma_.lower() in places


def _in_place_of(doc: Doc, start: int, end: int) -> bool:
    """Does a place's possessive after a locative come right before the name in tokens
    [start, end) ("in Malaysia's [Borneo]", "across South Africa's [Eastern Cape]"), the
    name owning nothing after it ("in Russia's [Putin] era")?"""
    if start < 3 or end - start != 1 or not possessed(doc, start - 1):
        return False  # one word: "in Green Party's Jill Stein" names the party's person
    if possessed(doc, end) or (end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}):
        return False
    k = start - 2
    if doc[k].ent_type_ not in {"GPE", "LOC"}:
        return False
    while k > 0 and doc[k].ent_iob_ == "I":
        k -= 1
    if words_label([t.text for t in doc[k : start - 1]]) == "ORG":
        return False  # the model's place is a body's name ("Green Party")
    return k > 0 and doc[k - 1].lower_ in patterns().locatives


def _members_of(doc: Doc, start: int) -> bool:
    """Does "members of (the)" come right before token ``start``?"""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() == "member"


def _of_noun(doc: Doc, i: int) -> set[str]:
    """The noun before "of" at token ``i``, or the nouns of the gloss it ends in ("the wali
    (governor) of X")."""
    if doc[i].text != ")":
        return {doc[i].lower_}
    k = i - 1
    while k > max(0, i - 6) and doc[k].text != "(":
        k -= 1
    return {t.lower_ for t in doc[max(0, k - 1) : i]} if doc[k].text == "(" else set()


def context_votes(
    doc: Doc, start: int, end: int, label: EntityType
) -> list[tuple[EntityType, int]]:
    """Weighted type votes from the words around the name in tokens [start, end) that
    the model labelled ``label``."""
    votes = []
    if _bracket_credit(doc, start, end):
        votes.append((EntityType.ORGANISATION, STRONG))
    if _told_acronym(doc, start, end):
        votes.append((EntityType.OUTLET, STRONG))
    after = _after(doc, start, end)
    if after is not None:
        votes.append((after, STRONG))
    before = _before(doc, start, end, label)
    if before is not None:
        votes.append(before)
    described = _described_before(doc, start, end) or role_beside(doc, start, end)
    if described is not None:
        votes.append((described, STRONG))
    return votes


def role_beside(doc: Doc, start: int, end: int) -> EntityType | None:
    """ "its coordinator in Bordj Bou Arreridj, Samir Hadjadj, told AFP", "the mayor of
    the town of West, Tommy Muska, said": a name set off by commas that the parse hung
    on the place closing a role's phrase is that role's holder, a person."""
    if start < 2 or doc[start - 1].text != "," or end >= len(doc) or doc[end].text != ",":
        return None
    head = doc[start:end].root
    if head.dep_ != "appos":
        return None
    tok = head.head
    if tok.lower_ in lexicon().role_titles or tok.lower_ in lexicon().titles:
        return EntityType.PERSON  # "the Director General of X in Y, Anil Sharma,"
    for _ in range(5):  # place -> "in"/"of" -> (a place noun -> "of" ->) role noun
        if tok.dep_ not in {"pobj", "prep"} or tok.head.i >= tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "NOUN" and tok.text.islower():
            kind = _noun_kind(tok.lower_)
            if kind is not EntityType.PLACE:  # "the mayor of the town of X, Y,"
                return kind if kind is EntityType.PERSON else None
    return None


def _bracket_credit(doc: Doc, start: int, end: int) -> bool:
    """ "... on Tuesday. [Eurokinissi]": one word in square brackets closing a line is a
    photo agency's credit; photographers are credited with their full names."""
    if end - start != 1 or start == 0 or end >= len(doc):
        return False
    closes = end + 1 >= len(doc) or "\n" in doc[end].whitespace_ + doc[end + 1].text
    return doc[start - 1].text == "[" and doc[end].text == "]" and closes


def _told_acronym(doc: Doc, start: int, end: int) -> bool:
    """ "an elderly woman told ERT": initials right after "told" name a broadcaster or
    agency (bodies are "told the UN"); known bodies ("told UNICEF") are not outlets."""
    word = doc[start].text
    return (
        end - start == 1
        and start > 0
        and doc[start - 1].lower_ == "told"
        and word.isupper()
        and 3 <= len(word) <= 5
        and word not in lexicon().known_orgs
        and (end == len(doc) or doc[end].pos_ not in {"NOUN", "PROPN"})  # "told FBI agents"
    )


def _described_before(doc: Doc, start: int, end: int) -> EntityType | None:
    """ "the provincial capital, Duhok"; "the UN children's agency, Unicef, said": a
    description ending just before the name, which the parser calls its apposition."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    noun = doc[start - 2]
    if not (noun.text.islower() and noun.pos_ == "NOUN"):
        return None
    head = doc[start:end].root
    if head.dep_ != "appos" or head.head.i != noun.i:
        return None
    return _noun_kind(noun.lower_)


def name_kind(name: str) -> EntityType | None:
    """The type a name's own words fix: "X Ministry" (organisation), "Via X" or
    "X Mountains" (place); None when the words say nothing (``patterns.words_label``).
    A well-known body ("EU", "UNICEF") is an organisation whatever the model says."""
    if name in lexicon().known_orgs:
        return EntityType.ORGANISATION
    label = words_label(name.split())
    if label == "ORG":
        return EntityType.ORGANISATION
    return EntityType.PLACE if label == "GPE" else shape_kind(name)


_VOCAB: list[frozenset[str]] = []


def english_words(nlp: Language) -> frozenset[str]:
    """English words: the lemma index of the pipeline's lemmatizer (WordNet nouns,
    verbs, adjectives, adverbs) plus spaCy's stop words; empty when it has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    words = {w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos, [])}
    return frozenset(words | set(STOP_WORDS))


def set_english_words(words: frozenset[str]) -> None:
    """Use ``words`` as the English vocabulary of ``is_english`` (empty: no check)."""
    _VOCAB[:] = [words]


def is_english(tok: Token) -> bool:
    """Is a lower-case word English? Unknown vocabulary counts as English."""
    vocab = _VOCAB[0] if _VOCAB else frozenset()
    if not vocab:
        return True
    low = tok.lower_
    return low in vocab or tok.lemma_.lower() in vocab or low.rstrip("s") in vocab


def _foreign_run(toks: Iterable[Token]) -> tuple[int, int]:
    """(foreign, counted) over the lower-case words in ``toks`` up to the first token
    that is not one."""
    foreign = counted = 0
    for tok in toks:
        if not (tok.is_alpha and tok.text.islower()):
            break
        counted += 1
        foreign += not is_english(tok)
    return foreign, counted


def in_foreign_fragment(doc: Doc, start: int, end: int) -> bool:
    """Is the name in tokens [start, end) a capitalised word of a non-English phrase
    ("Kami bukan menentang kerajaan", "the words Aquí hay gente")? True when the
    lower-case words right after (or before) it are mostly not English, two at least."""
    after = _foreign_run(doc[end : end + 4])
    before = _foreign_run(reversed(doc[max(0, start - 4) : start]))
    # a one-word name with accents ("Aquí") is itself a word of the phrase
    accented = end - start == 1 and not doc[start].text.isascii() and not is_english(doc[start])
    return any(
        f + accented >= 2 and (f + accented) * 3 >= (c + accented) * 2 for f, c in (after, before)
    )


def given_name_end(last: Token) -> int | None:
    """End token of the hyphenated given name written right after ``last``: "Da-eun"
    after "Yun", or "-jin" after "Park Seo"; None when there is none, or when the word
    after the hyphen is English ("Sanders-linked accounts", "Trump-style attacks")."""
    doc, i = last.doc, last.i
    if last.whitespace_:
        i += 1  # "Yun Da-eun": the whole given name follows
        if i >= len(doc) or not (doc[i].is_title and doc[i].is_alpha):
            return None
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].text != "-":
        return None
    rest = doc[i + 2]
    joined = not doc[i + 1].whitespace_
    if joined and _particle_joined(doc, i + 2):
        return i + 5  # "Manzoor-e-Elahi", "Zia-ul-Haq"
    # a syllable, English or not, after a short first one ("Ban Ki-moon"); no English
    # word after a whole name ("Sanders-linked accounts", "Trump-style attacks")
    syllable = not is_english(rest) or len(doc[i]) <= 3
    given = rest.is_alpha and rest.is_lower and syllable
    return i + 3 if joined and given else None


def _particle_joined(doc: Doc, i: int) -> bool:
    """A short lower-case particle at token ``i`` joined by hyphens to a capitalised name
    after it ("e-Elahi" in "Manzoor-e-Elahi", "ul-Haq" in "Zia-ul-Haq")."""
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return False
    particle, nxt = doc[i], doc[i + 2]
    short = particle.is_alpha and particle.is_lower and len(particle) <= 3
    return short and doc[i + 1].text == "-" and nxt.is_alpha and nxt.is_title


def untagged_kind(doc: Doc, start: int, end: int, org_noun: bool) -> EntityType:
    """The type of a name in tokens [start, end) the model did not tag: what the words
    around it describe it as, a person or an organisation ("X, a volunteer group of
    statisticians, estimated …"), else an organisation when it ends in an organisation
    noun (``org_noun``), else a person."""
    kind = EntityType.ORGANISATION if org_noun else EntityType.PERSON
    for described, weight in context_votes(doc, start, end, kind):
        if weight >= STRONG and described in {EntityType.ORGANISATION, EntityType.PERSON}:
            return described
    return kind
