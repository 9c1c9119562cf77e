"""Who a figure is attributed to (``source``) and which outlet relayed it (``via``).

Rules are pure functions over a parsed Doc and the article's ``EntityTable``. A *frame*
is one attribution cue in a sentence:

* "according to X", "citing X", "X's figures", "figures from X", "a toll compiled by X",
  "the police estimate of N";
* a reporting verb (``data/reporting_verbs.json``) and its subject (``subjects``): "X
  said/stated that …", "…, X said.", "…, said X.", "X put the toll at …", "he said" /
  "the monitor added" (resolved by the table, see ``sources``); a recipient outlet is the
  via: "X told AFP", "spoke to AP", "as quoted by AP"; an outlet that is the only speaker
  ("…, reported the Associated Press") is the via with no source.

Among a sentence's frames the one whose cue governs the number wins, then one hanging
off the number's clause ("…, the agency said" as a conjunct or parataxis), then the
nearest. Every frame's source is noted in the table, so "the agency said" / "it added"
can point back at the organisation cited last. Events ("the Sawtooth Fire") never speak.
Outlets are never the source when a non-outlet source is present; the publisher is never
the via. With no frame, an organisation that did what the count counts is its source
("The UN launched an appeal for $25 million"; ``agent`` verbs). A figure sentence
without a frame inherits (``context``) the frame of the previous sentence of the same
paragraph (or of the previous paragraph when the count continues it: "Another 41 …")
when that sentence had one of its own or inherited one; photo captions (sentences that
end at a credit) and counts dated to a year never inherit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsprov.model import Attribution, EntityType

from .aliases import is_role_word, lexicon
from .boundaries import doc_text, paragraph_breaks
from .context import FigureLike, carry, continues, inherit, may_inherit
from .coref import Cluster, EntityTable
from .cues import load_cues
from .frames import (
    FigureAttribution,
    Frame,
    ReportingLexicon,
    choose,
    outlet_of,
    reporting_lexicon,
    split_frame,
)
from .gazetteer import doc_headlines
from .org_phrases import conducted_by, described_name, office_of, placed_org
from .resolution import closing_name
from .sources import governs, source_lexicon
from .speakers import is_place, member_org
from .subjects import subject_of, surface_subject

__all__ = [
    "FigureAttribution",
    "FigureLike",
    "Frame",
    "ReportingLexicon",
    "agent_source",
    "attribute_figures",
    "reporting_lexicon",
    "sentence_frames",
    "settlement_size",
    "subject_of",
    "verb_frame",
]

_VERBS = {"VERB", "AUX"}
_SUBJ = {"nsubj", "nsubjpass"}
_PURPOSE = {"xcomp", "advcl", "acl", "relcl"}  # "launched an appeal … to support 40,000"


_split = split_frame
_outlet = outlet_of


def _via_of(verb: Token, table: EntityTable) -> Cluster | None:
    """The outlet the words were given to: "told AFP", "spoke to AP", "quoted by AP"."""
    lex = reporting_lexicon()
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and verb.lemma_ in lex.via_verbs:
            found = _outlet(table.resolve(child))
        elif child.dep_ in {"prep", "agent"} and child.lower_ in {"to", "with", "by"}:
            found = next(
                (_outlet(table.resolve(p)) for p in child.children if p.dep_ == "pobj"), None
            )
        elif child.dep_ == "advcl" and child.lemma_ in {"quote", "speak", "talk", "tell"}:
            found = _via_of(child, table)
        else:
            continue
        if found is not None:
            return found
    return None


def _states_figure(verb: Token) -> bool:
    """Does the verb state a count: "put the toll at 34", "put the crowd at 60,000"?"""
    lex = reporting_lexicon()
    if any(c.dep_ == "dobj" and c.lemma_ in lex.nouns for c in verb.children):
        return True
    return any(
        t.dep_ == "prep" and t.lower_ == "at" and any(n.like_num for n in t.subtree)
        for t in verb.subtree
    )


def verb_frame(verb: Token, table: EntityTable, *, for_figures: bool = True) -> Frame | None:
    """The frame of a reporting verb: its resolved subject and recipient outlet. A report
    noun subject gives its own frame ("X's figures show", "an analysis by X suggests");
    a place subject never speaks, so the noun phrase before a final verb is tried
    ("MEXICO CITY — …, the agency, Protección Civil, said"); for figures an unnamed member
    speaks for the organisation ("its volunteers have counted", ``member_org``)."""
    lex = reporting_lexicon()
    lemma = verb.lemma_
    if lemma in load_cues().object_not_speech and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "to add a trillion dollars": no one speaks
    subj = subject_of(verb)
    if subj is not None and subj.lemma_ in lex.nouns and subj.pos_ == "NOUN":
        owned = _report_noun(subj, table)
        if owned is not None:
            return replace(owned, anchor=verb.i)
    if lemma in lex.finding or (lemma in lex.figure and not _states_figure(verb)):
        return None
    if (
        lemma in lex.figure
        and verb.tag_ == "VBG"
        and not any(c.dep_ in _SUBJ for c in verb.children)
    ):
        return None  # "A fourth person died, bringing the toll to four": no one reports
    if lemma == "cite":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return _split(_speaker(table, obj), None, verb.i)
    source = _speaker(table, subj) or described_name(table, subj) or _state(table, verb, subj)
    if source is not None and subj is not None and (source.anonymous or _role(subj)):
        # "The mayor of X, Tommy Muska, said"; "The head of X's Earthquake Centre, Raed
        # Ahmed, said" (the parse hangs the name on the body, which resolves first)
        source = _named_appos(table, subj) or source
    if source is None and subj is not None:
        surface = surface_subject(verb)
        if surface is not None and surface is not subj:
            subj, source = surface, _speaker(table, surface)
    if lemma == "quote" and subj is None:
        return None
    if for_figures and subj is not None:
        source = member_org(table, subj, source)
    if source is not None and source.kind is EntityType.OUTLET and lemma in lex.own_check:
        frame: Frame | None = Frame(source, None, verb.i)  # "Reuters was able to confirm"
    else:
        frame = _split(source, _via_of(verb, table), verb.i)
    if frame is None or subj is None:
        return frame
    # "Police, who estimated the turnout at 42,000, said …": the relative clause is the
    # speaker phrase of "said" but the statement of "estimated"
    end = verb.left_edge.i if subj.left_edge.i < verb.i <= subj.right_edge.i else None
    return replace(frame, speaker_span=(subj.left_edge.i, end or subj.right_edge.i + 1))


def _state(table: EntityTable, verb: Token, subj: Token | None) -> Cluster | None:
    """A country stating a count speaks for its state ("Pakistan has raised the death toll
    to 73,276"), as it does for a cue ("Russia said"); not one acting on an amount
    ("Baghdad had not released any of the 1.5 billion dinars")."""
    if subj is None or subj.dep_ != "nsubj" or subj.ent_type_ != "GPE":
        return None
    if not _states_figure(verb):
        return None
    found = table.resolve(subj)
    return found if found is not None and found.kind is EntityType.PLACE else None


def _speaker(table: EntityTable, tok: Token | None) -> Cluster | None:
    """What ``tok`` resolves to, when that may speak: no place, no event. A name taken
    for a place speaks through its bracketed acronym ("the European Forest Fire
    Information System (EFFIS)")."""
    if tok is None:
        return None
    found = office_of(table, tok) or table.resolve(tok)
    if found is not None and is_place(table, found):
        found = next((_appos_org(table, c) for c in tok.children if c.dep_ == "appos"), None)
    if found is None:  # "the Batken regional administration", "Japan's embassy"
        found = placed_org(table, tok)
    if found is None or is_place(table, found) or table.is_event(found):
        return None
    if found.kind is EntityType.PLACE and governs(found):
        found.kind = EntityType.ORGANISATION  # a territory's government that speaks
    return found


def _role(tok: Token) -> bool:
    """Is the token a person's role noun ("the head of X", "its director")?"""
    return tok.pos_ == "NOUN" and is_role_word(tok.lower_)


def _appos_org(table: EntityTable, tok: Token) -> Cluster | None:
    """The organisation an apposition names, or None."""
    found = table.at(tok.i)
    return found if found is not None and found.kind is EntityType.ORGANISATION else None


def _named_appos(table: EntityTable, head: Token) -> Cluster | None:
    """The named person an unnamed role is put beside: "according to the mayor of X,
    Christos Giannakos", "The mayor of X, Tommy Muska, said" (an apposition anywhere in
    the role's phrase)."""
    after = head.right_edge.i + 2  # a name the parse hung elsewhere: "the mayor, X,"
    beside = [t.i for t in head.subtree if t.dep_ == "appos"]
    if after < len(head.doc) and head.doc[after - 1].text == ",":
        beside.append(after)
    for i in beside:
        found = table.at(i)
        if found is not None and found.kind is EntityType.PERSON and not found.anonymous:
            return found
    # "local official in Odisha state Pradeep Gina told AFP": the name closing the phrase
    return closing_name(table, head.doc[head.i : head.right_edge.i + 1])


def _unknown_name(table: EntityTable, tok: Token | None) -> Cluster | None:
    """An organisation for a capitalised name nothing else knows, cited as a source:
    "according to OCHA" (the name's compounds included)."""
    if tok is None or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    if tok.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} or table.at(tok.i) is not None:
        return None
    if tok.lower_ in lexicon().role_titles or tok.lower_ in lexicon().titles:
        return None  # "according to the Director General": a role, no body
    start = tok.i
    while start > 0 and tok.doc[start - 1].dep_ in {"compound", "flat"}:
        if tok.doc[start - 1].pos_ != "PROPN" or table.at(start - 1) is not None:
            break
        start -= 1
    return table.add_organisation(start, tok.i + 1)


def _according_to(tok: Token, table: EntityTable) -> Frame | None:
    """The frame of "according to X" / "according to figures from X" / "according to a
    Reuters tally" (the tally's owner is its source)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ != "according" or nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.lemma_ in reporting_lexicon().nouns:
        owned = _report_noun(pobj, table)
        if owned is not None:
            return replace(owned, anchor=tok.i)
    found = _speaker(table, pobj)
    if found is not None and found.anonymous and pobj is not None:
        found = _named_appos(table, pobj) or found
    if found is None:
        found = _unknown_name(table, pobj)
    if found is None:
        end = pobj.right_edge.i + 1 if pobj is not None else min(len(tok.doc), tok.i + 8)
        hits = [
            c
            for c in table.in_tokens(nxt.i + 1, end)
            if not table.is_event(c) and not is_place(table, c)
        ]
        found = hits[0] if hits else None
    return _split(found, None, tok.i)


def _owner(tok: Token, table: EntityTable) -> Cluster | None:
    """Who a report noun belongs to: "X's figures" (also parsed as a modifier ending in
    "'s"), "the police estimate", "Insurance Council of Australia figures", "figures
    from X", "an analysis by X", "a poll for X"; never a place or an event."""
    lex_count = reporting_lexicon().count_nouns
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ in {"its", "their"}:
            found = _clause_subject(table, tok) or _speaker(table, child)
        elif child.dep_ in {"poss", "nmod", "compound"} and child.i < tok.i:
            found = _speaker(table, child)
        elif child.dep_ == "appos" and child.i > tok.i:
            found = _appos_org(table, child)  # "96 people, a figure the NDRRMA warned …"
        elif child.dep_ == "prep" and child.lower_ in {"from", "by", "of", "for"}:
            found = _speaker(table, next((p for p in child.children if p.dep_ == "pobj"), None))
            if child.lower_ == "of" and found is not None and found.anonymous:
                found = None  # what was counted: "a survey of 800 farmers", "the number of bodies"
            if child.lower_ == "for" and found is not None:
                # "a poll for the Institute": the body that commissioned the count
                commissioned = found.kind is EntityType.ORGANISATION
                found = found if commissioned and tok.lemma_ in lex_count else None
        else:
            continue
        if found is not None:
            return found
    return conducted_by(table, tok)


def _clause_subject(table: EntityTable, tok: Token) -> Cluster | None:
    """The organisation subject of the clause a report noun sits in, which "its" binds
    to: "The Interior Ministry stood by its estimate of 25,000"."""
    verb = next((t for t in tok.ancestors if t.pos_ in _VERBS), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    if subj is None or subj.pos_ == "PRON":
        return None
    # "Police have stood by their estimate": a bare unnamed body binds "their" too
    # ("Organisers … raised their estimate": whom "organisers" means, not a new
    # anonymous body that would then shadow it for every later reader of the token)
    bare = subj.lower_ in source_lexicon().bare_org_nouns
    found = table.named_at(subj) or (table.resolve(subj) if bare else None)
    return found if found is not None and found.kind is EntityType.ORGANISATION else None


def _report_noun(tok: Token, table: EntityTable) -> Frame | None:
    """The frame of a report noun: "X's figures", "figures from X", "in a statement". An
    outlet owning a count it made is its source ("a Reuters tally"), not a via."""
    lex = reporting_lexicon()
    if tok.lemma_ not in lex.nouns or tok.pos_ != "NOUN":
        return None
    found = _owner(tok, table)
    if found is not None:
        if found.kind is EntityType.OUTLET and tok.lemma_ in lex.count_nouns:
            return Frame(found, None, tok.i)
        return _split(found, None, tok.i)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
        reports = verb.lemma_ in lex.speech | lex.figure | lex.finding
        if not reports and tok.lemma_ in load_cues().frame_documents:
            return None  # "In this poll, X rose 2 points": the poll speaks, not X
        return _split(_speaker(table, subject_of(verb)), None, tok.i)
    return None


def sentence_frames(sent: Span, table: EntityTable) -> list[Frame]:
    """Every attribution frame of a sentence, in text order."""
    lex = reporting_lexicon()
    reports = lex.speech | lex.figure | lex.finding  # made once, not per verb
    frames = []
    for tok in sent:
        frame = None
        if tok.lower_ == "according":
            frame = _according_to(tok, table)
        elif tok.pos_ == "VERB" and tok.lemma_ in reports:
            frame = verb_frame(tok, table)
        elif tok.pos_ == "NOUN":
            frame = _report_noun(tok, table)
        if frame is not None and frame.source is not None and table.is_event(frame.source):
            frame = _split(None, frame.via, frame.anchor)  # "the Sawtooth Fire" never speaks
        if frame is not None:
            frames.append(frame)
            if frame.source is not None:
                table.note_source(frame.anchor, frame.source)
    return frames


def agent_source(tok: Token, table: EntityTable) -> Cluster | None:
    """Who did what a count counts, when no one reports it: the subject of the nearest
    governing agent verb, through a purpose clause ("The UN launched an appeal for $25
    million to support 40,000 people", "Police arrested 14", "Premier Catherine Doyle
    has promised $900 million", "The district expanded its order to cover 1,450 homes,
    affecting 3,100 residents"); an organisation or a named person, never an outlet, an
    unnamed person or an event."""
    lex = reporting_lexicon()
    for verb in tok.ancestors:
        if verb.pos_ not in _VERBS:
            continue
        if verb.lemma_ not in lex.agent:
            if verb.dep_ in _PURPOSE and any(c.lower_ == "to" for c in verb.children):
                continue
            if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
                continue  # "… to cover 1,450 properties, affecting 3,100 residents"
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        found = _speaker(table, subj)
        if found is None or found.kind is EntityType.OUTLET:
            return None
        named_person = found.kind is EntityType.PERSON and not found.anonymous
        return found if found.kind is EntityType.ORGANISATION or named_person else None
    return None


def attribute_figures(
    doc: Doc,
    figures: Sequence[FigureLike],
    table: EntityTable,
    publisher: str | None = None,
) -> list[FigureAttribution]:
    """One ``FigureAttribution`` per figure (same order), see the module docstring."""
    sents = list(doc.sents)
    sent_of = {s.start: k for k, s in enumerate(sents)}
    others = doc_headlines(doc)  # other stories' headlines: no one's report
    frames = [
        [] if any(a <= s.start_char < b for a, b in others) else sentence_frames(s, table)
        for s in sents
    ]
    breaks = paragraph_breaks(doc_text(doc))
    carried: dict[int, tuple[Cluster | None, Cluster | None]] = {}
    for k, s in enumerate(sents):
        carried[k] = carry(k, s, sents, frames, carried, breaks, figures)
    out = []
    agents: dict[int, Cluster] = {}  # sentence -> source of its frameless counts' doing
    for fig in figures:
        k = sent_of[doc[fig.num_start].sent.start]
        if settlement_size(doc[fig.num_start]):
            out.append(_record((None, None), Attribution.NONE, publisher))
            continue
        own = choose(doc, frames[k], fig.num_start)
        kind = Attribution.EXPLICIT
        if own == (None, None):
            own = (agent_source(doc[fig.num_start], table), None)
            if own[0] is not None:
                agents.setdefault(k, own[0])
        if own == (None, None) and may_inherit(sents[k]) and k > 0:
            own, kind = inherit(k, sents, carried, breaks), Attribution.CONTEXT
            if own == (None, None) and k - 1 in agents and continues(sents[k]):
                own = (agents[k - 1], None)  # "… ordered 1,450 homes out. Another 900 …"
        out.append(_record(own, kind, publisher))
    return out


_SETTLEMENTS = {"village", "villages", "community", "communities", "municipality", "suburb"}


def settlement_size(tok: Token) -> bool:
    """Is the number the size of a place described in passing ("Lindale, a town of 5,000
    people", "a nation of 1.4 million")? That is background, no one's report."""
    noun = tok.head if tok.dep_ in {"nummod", "quantmod", "compound"} else tok
    while noun.dep_ in {"nummod", "compound"} and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    place = prep.head.lower_
    return place in source_lexicon().place_words or place in _SETTLEMENTS


def _record(
    found: tuple[Cluster | None, Cluster | None], kind: Attribution, publisher: str | None
) -> FigureAttribution:
    source, via = found
    src_key = source.key if source is not None else None
    via_key = via.key if via is not None and via.key != publisher else None
    if src_key is None:
        kind = Attribution.NONE
    return FigureAttribution(src_key, via_key, kind)
