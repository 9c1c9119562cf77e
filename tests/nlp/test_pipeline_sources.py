"""A figure's source and a quote's speaker come from the attribution whose content holds
them, when the sentence rules leave them open (trained parse, texts of our own)."""

from __future__ import annotations

import pytest

from nlp_docs import extract_text

pytestmark = pytest.mark.model


def _names(ex):  # type: ignore[no-untyped-def]
    return {e.key: e.name for e in ex.entities}


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        # a figure inside a quotation introduced by a colon sentence
        (
            "Budget row.\n\nThe treasurer continued:\n\n“We spent 43 percent of it on roads.”\n",
            43,
            "treasurer",
        ),
        # a figure in a stated clause whose verb the lemmatizer may miss
        (
            "Claims.\n\nThe Ledger Project rated 32 percent of the claims as false.\n",
            32,
            "Ledger Project",
        ),
        # a document speaking for its named owner
        ("Taxes.\n\nMrs. Amberly's plan would cap deductions at 28 percent.\n", 28, "Amberly"),
        # an unclaimed quotation continues the last speaker of its paragraph
        (
            "Ward.\n\n“We had one doctor,” Nadia Rahal said. “She saw 60 patients a day.”\n",
            60,
            "Nadia Rahal",
        ),
        # a poll a sentence is framed in is its source, not the subject that rose in it
        (
            "Race.\n\nIn this poll, Tom Alder rose 3 percentage points since the debate.\n",
            3,
            "poll",
        ),
        # "…, by one estimate": the estimate frames the sentence
        (
            "Mines.\n\nIn Ohio alone, 200,000 acres of forest have been cleared by strip "
            "mining, by one estimate.\n",
            200000,
            "estimate",
        ),
        # what someone says, named as a noun with its owner and a that-clause
        (
            "Bank.\n\nMr. Hollis's repeated insistence that only 1 percent of the staff "
            "took part angered the panel.\n",
            1,
            "Hollis",
        ),
        # a role set off by commas before a final verb is the named person before it, and
        # the one written to is no speaker
        (
            "Mail.\n\nTwo boxes sent to the ministry and 10 sent to its aides are in "
            "storage, Patrick F. Kemble, the undersecretary for records, wrote in a memo to "
            "Inspector General Steve Lindqvist.\n",
            10,
            "Kemble",
        ),
        # "X held a briefing to brag that …": X brags
        (
            "Jobs.\n\nGovernor Alma Reyes on Friday held a press briefing to brag that "
            "jobless claims fell below 4 percent.\n",
            4,
            "Alma Reyes",
        ),
        # "according to" names who counted; "X's count" may be whose votes were counted
        (
            "Caucus.\n\nLee's final delegate count was 699.57, according to the Iowa "
            "Democratic Party.\n",
            699.57,
            "Iowa Democratic Party",
        ),
        # a year in the source phrase is no count: "a 2014 examination by X"
        (
            "Costs.\n\nA 2014 examination by the nonpartisan Civic Ledger Association found "
            "that the city had spent more than $500 million on settlements.\n",
            500e6,
            "Civic Ledger Association",
        ),
        # a commitment named as a noun with its owner and a to-clause
        (
            "Army.\n\nBy contrast, Germany's pledge last month to add almost 7,000 soldiers "
            "to its army by 2023 surprised allies.\n",
            7000,
            "Germany",
        ),
        # "the retail giant" is the company named before
        (
            "Stocks.\n\nShares of Brightmart Inc. rose on Friday. The retail giant reported "
            "a profit of $1.78 per share.\n",
            1.78,
            "Brightmart",
        ),
        # "to add a trillion dollars" is no speech, whatever "it" stands for
        (
            "Debate.\n\nThe Harbor Fund backs him. Lee asked how it is thrifty to add a "
            "trillion dollars in new spending.\n",
            1e12,
            "Lee",
        ),
        # the innermost cue around a figure beats the sentence's speaker, whose own words
        # do not hold it
        (
            "Storm.\n\nThe storm could cost insurers $30 billion, Harbor Analytics analyst "
            "Ann Lee told Reuters, but that is well below the $100 billion estimated by the "
            "Pacific Risk Institute last week.\n",
            100e9,
            "Pacific Risk Institute",
        ),
        (
            "Storm.\n\nThe storm could cost insurers $30 billion, Harbor Analytics analyst "
            "Ann Lee told Reuters, but that is well below the $100 billion estimated by the "
            "Pacific Risk Institute last week.\n",
            30e9,
            "Ann Lee",
        ),
        # ... but a frame around the speaker's own cue does not beat the speaker
        (
            "Polls.\n\nEarly polls show voters rejecting Lee: A Quinnipiac University poll "
            "this month found Lee about even with Vale statewide, but losing a band of "
            "southern counties by 38 percentage points.\n",
            38,
            "Quinnipiac University",
        ),
        # a place described as one that recorded a count is where it happened, not who
        # counted: the frame around it names the source
        (
            "Clashes.\n\nThe Coastal Rights Monitor (CRM) said on Monday that 300 people had "
            "died. According to CRM figures, the city of Marlow recorded 60 civilian deaths, "
            "while the village of Kessab suffered 31 fatalities.\n",
            60,
            "Coastal Rights Monitor",
        ),
        # "the ministry" is the one referred to last, not the one first named last
        (
            "'Strike on school killed 12': Harbor health ministry\n\nAn earlier statement by "
            "the interior ministry said a shell hit the school.\n\nThe health ministry in the "
            "port city said at least 12 people were killed on Saturday.\n\nThe ministry "
            "reported in a statement 12 dead and upwards of 54 wounded.\n",
            54,
            "health ministry",
        ),
        # a place's body named by the place and the body's noun speaks, not the place
        (
            "Strike.\n\nGaza ministry says foreign aid worker killed and 5 hurt in strike.\n",
            5,
            "Gaza ministry",
        ),
        # a role's holder named right after the body's name the role's phrase ends in
        (
            "Votes.\n\nAccording to Chairman of the Central Election Commission of Ruritania "
            "Ivo Marek, 91 percent of voters cast ballots.\n",
            91,
            "Ivo Marek",
        ),
        (
            "Votes.\n\nAccording to a lawyer for Ivo Marek, 91 percent of voters cast ballots.\n",
            91,
            "unnamed lawyer for Ivo Marek",
        ),
        # "said in a statement": the speaker is still the subject
        (
            "Storm.\n\nIn a statement, the Harbor Authority said 45 boats sank.\n",
            45,
            "Harbor Authority",
        ),
        # a polling average a clause is framed in reports it
        (
            "Race.\n\nWhile Vale leads nationally, she trails Lee in the PollTrackr average of "
            "state polls by nearly 9 percentage points.\n",
            9,
            "PollTrackr",
        ),
        # a shorter description names the unnamed body described in full before
        (
            "Floods.\n\nThe toll hit 98, the national disaster agency said on Monday.\n\n"
            "Twenty-nine people were missing, the disaster agency said.\n",
            29,
            "national disaster agency",
        ),
        # a transcript label naming a person by a shorter form, however the tagger reads it
        (
            "Panel debates tax plan.\n\nLuciana Lopez and Chris Matthews met on Sunday.\n\n"
            "Lopez: Well, about 40 percent of voters like it.\n",
            40,
            "Luciana Lopez",
        ),
        # a role's holder named beside it, past the place closing the role's phrase
        (
            "Blast.\n\nThe mayor of the small town of Westbury, Tommy Muska, later said "
            "that 14 people died.\n",
            14,
            "Tommy Muska",
        ),
        # a description sharing no word with the salient body is a body of its own
        (
            "News.\n\nThe GOP nominee is caught up in that contradiction.\n\n"
            "2. AFTERSHOCK RATTLES QUAKE ZONE.\n\nThe country's civil protection agency "
            "raises the death toll from the disaster to 267.\n",
            267,
            "civil protection agency",
        ),
        # a role's phrase ending in a name the parse hung on a noun: that person
        (
            "Crash.\n\n“About 850 people were hurt,” local official in Varna state Pradeep "
            "Gina told AFP.\n",
            850,
            "Pradeep Gina",
        ),
        # a role described otherwise is someone else than the one described before
        (
            "Vote.\n\nThe Vermont senator said 40 percent agreed. The Florida senator said "
            "30 percent disagreed.\n",
            30,
            "Florida senator",
        ),
        # a possessor says whose role it is
        (
            "Storm.\n\nMyanmar's foreign minister says the toll may reach 10,000.\n",
            10000,
            "Myanmar's foreign minister",
        ),
        # a role with its place is an unnamed person of that role
        (
            "Blast.\n\nThe governor of Tal Afar told the Daily Ledger that 250 people died.\n",
            250,
            "governor",
        ),
        # a description owned by another body is that body's, not the body cited last
        (
            "Quake.\n\nThe quake, which the Valmont Seismic Institute (VSI) measured at "
            "magnitude 6.1, struck at dawn. The presidency's press office said that the "
            "quake left 11 people dead.\n",
            11,
            "presidency's press office",
        ),
        (
            "Crash.\n\nThe toll rose to at least 120, according to the Director General of "
            "Rescue Services in Varna Province, Anil Sharma, on Monday.\n",
            120,
            "Anil Sharma",
        ),
    ],
)
def test_figure_source_from_attribution(pipeline, text, value, source):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    fig = next(f for f in ex.figures if f.value == value)
    got = _names(ex).get(fig.source or fig.via or "")
    assert got is not None and source in got, (got, [(f.value, f.source) for f in ex.figures])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an unnamed person's promise reports nothing
        ("Fund.\n\nA local man has promised $500 to the relief fund.\n", 500),
        # a claim with no owner names no one
        ("Fire.\n\nThe claim that 40 homes burned was disputed.\n", 40),
        # what was counted did not count itself
        ("Quake.\n\nMore than 640 aftershocks were recorded on Tuesday.\n", 640),
        # what a count counts does not own it: "the number of recovered bodies"
        (
            "Landslide.\n\nRescue teams have recovered another body, bringing the number of "
            "retrieved bodies to three.\n",
            3,
        ),
        # a country that suffered what was counted did not count it
        ("Floods.\n\nFloods in Kenya killed 40 people over the weekend.\n", 40),
        # "it was reported" names nobody: neither the body of the last sentence nor any
        (
            "Quake.\n\nThe ministry said 40 people died.\n\nIt was later reported that 12 "
            "more bodies were found.\n",
            12,
        ),
        (
            "Quake.\n\nAccording to the Ministry of Health, three villages were destroyed."
            "\n\nThe search goes on.\n\nEarlier it was reported that about 500 people died."
            "\n",
            500,
        ),
        # "Further north" moves to another place: no count continuing the last report
        (
            "Fire.\n\nThe blaze grew to 320 acres, fire spokesman Dan Berlant said.\n\n"
            "Further north, a second wildfire forced the evacuation of 133 homes.\n",
            133,
        ),
    ],
)
def test_figure_without_source(pipeline, text, value):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    fig = next(f for f in ex.figures if f.value == value)
    assert fig.source is None and fig.via is None


def test_dash_credit_names_the_speaker(pipeline):  # type: ignore[no-untyped-def]
    text = (
        "Voices.\n\n“The water came up to the second floor.” ― Ilse Varga\n"
        "“We lost the whole harvest.” ― Tomas Lind\n"
    )
    ex = extract_text(pipeline, text)
    names = _names(ex)
    speakers = {q.text.split()[1]: names.get(q.speaker or "") for q in ex.quotes}
    assert speakers == {"water": "Ilse Varga", "lost": "Tomas Lind"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an inverted verb whose name the parse hung on a later word
        (
            "Mill.\n\n''I fix looms better than I fix sentences,'' said Dorit Kallas, half"
            " joking.\n",
            "Dorit Kallas",
        ),
        # a verb the parse took for a modifier of the name after it
        ('Debate.\n\n"Debate recap," tweeted campaign spokesman Ivo Marr.\n', "Ivo Marr"),
        # a closing mark glued to the speaker's name
        ("Rally.\n\n“We will carry the county by a mile,”Hallworth said.\n", "Hallworth"),
        # a sentence-initial verb the parse took for part of the name after it
        ("Tax.\n\nCritics doubt it. Added Moreno: “It is a plan for lawyers.”\n", "Moreno"),
        # an opening mark glued to the cue
        ("Rally.\n\nHallworth said,“We will carry the county by a mile.”\n", "Hallworth"),
        # a cue only projected inside what was said utters nothing ("it would tell")
        (
            "Museum.\n\nWASHINGTON -- Governor Ann Lee, opening the Harbor Museum of Maritime "
            "History and Trade on Saturday, said it would tell a long story, one of ''loss and "
            "courage, one of storms, but also of calm seas.''\n",
            "Ann Lee",
        ),
    ],
)
def test_quote_speaker_despite_the_parse(pipeline, text, speaker):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = _names(ex)
    assert [names.get(q.speaker or "") for q in ex.quotes] == [speaker], ex.quotes


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        (
            "Poll.\n\nShe leads with 48 percent, according to the PollTrackr average.\n",
            48,
            "PollTrackr",
        ),
        ("Poll.\n\nExit polling shows she won 71 percent of young voters.\n", 71, "Exit polling"),
        (
            "Pay.\n\nWages rose 4 percent, according to an analysis by the Lumen Institute.\n",
            4,
            "Lumen Institute",
        ),
        # a kind of body other than the one cited last is not that one
        (
            "Strikes.\n\nStrikes killed 40 civilians, the Syrian Observatory for Human Rights "
            "said.\n\nIn March, the coalition said its raids had killed 80 civilians.\n",
            80,
            "coalition",
        ),
        # a described body points back past a paragraph of quotes
        (
            "Strikes.\n\nThe Syrian Observatory for Human Rights said 40 civilians died in "
            "May. The campaign began in 2014. “It is the worst month,” its director told "
            "reporters. “Nobody is safe.”\n\nThe toll since 2014 rose to 900, the "
            "Britain-based monitoring group said.\n",
            900,
            "Syrian Observatory for Human Rights",
        ),
        # a described body is the organisation last named as a subject before it ...
        (
            "Storm.\n\nWeathervane Analytics has raised its estimate of the storm's cost.\n\n"
            "Now, the weather forecasting firm has put losses at $40 billion.\n",
            40e9,
            "Weathervane Analytics",
        ),
        # a dateline the parser took for the subject gives way to the name after it
        (
            "Port.\n\nWASHINGTON -- Senator Ann Lee, touring the port on Monday, said 40 "
            "ships had docked there.\n",
            40,
            "Ann Lee",
        ),
        # a country raising a toll speaks for its state
        (
            "Quake.\n\nPakistan has officially raised the death toll from last month's "
            "earthquake to 73,276.\n",
            73276,
            "Pakistan",
        ),
        # ... not one acting on an amount inside what another says
        (
            "Relief.\n\nSpeaking at the camp, Ann Lee said Baghdad had not released any of "
            "the 1.5 billion dinars her province had requested.\n",
            1.5e9,
            "Ann Lee",
        ),
        # an untagged name set beside its description speaks, typed as described
        (
            "Rally.\n\nLoud crowds filled the square on Saturday, and the police kept "
            "away.\n\nHarbor Open Count, a volunteer group of statisticians, estimated "
            "attendance at between 5,000 and 6,000.\n",
            5000,
            "Harbor Open Count",
        ),
        # "the airline" is a company like "the company": the airline named before
        (
            "Crew.\n\nKarim Bouzid, 31.\n\nBouzid, the plane's first officer, had logged "
            "3,120 flying hours with Nile Air, the airline said Friday.\n",
            3120,
            "Nile Air",
        ),
        # "the company" is no fund cited since
        (
            "Oil.\n\nBrantwell Oil faced criticism. The Ostrander Family Fund said it backed "
            "the critics.\n\nThe company said 40 staff had left.\n",
            40,
            "Brantwell Oil",
        ),
        # ... and not one an apposition describes only further on
        (
            "Storm.\n\nInsured losses are now put at $9 billion, according to the modeling "
            "firm.\n\nHalden Risk, a storm modeling firm, says losses will be $6 billion.\n",
            9e9,
            "modeling firm",
        ),
        # a sentence's own stated attribution beats one carried over from the sentence before
        (
            "Rolls.\n\nTurnout fell in three rural counties, according to a survey by the "
            "Harlow Institute. Its auditors found that 412 voters had been removed in error.\n",
            412,
            "auditors of Harlow Institute",
        ),
        # a sentence with no attribution of its own still carries the one before
        (
            "Rolls.\n\nTurnout fell in three rural counties, according to a survey by the "
            "Harlow Institute. Another 90 voters were moved to other precincts.\n",
            90,
            "Harlow Institute",
        ),
        # the sentence rules named someone inside a stated cue's content: the cue's source
        (
            "Mail.\n\nAda Dunne ran the office. Early estimates put the number of emails in "
            "Ms. Dunne's private account at about 5,500 pages.\n",
            5500,
            "Early estimates",
        ),
        # ... not when that someone speaks in the sentence: beside a cue, or in apposition
        (
            "Storm.\n\nA storm hit the coast late Monday, killing at least 31 people, the "
            "regional agency, Defensa Costera, said Tuesday.\n",
            31,
            "Defensa Costera",
        ),
        (
            "March.\n\nPolice put the crowd at 9,000, while the organisers, the Harbour "
            "Workers Union, said more than 40,000 people had marched.\n",
            40_000,
            "Harbour Workers Union",
        ),
        # unnamed people in the plural expect or plan: their figure; one unnamed person not
        (
            "March.\n\nOfficials expect about 4,000 people to attend the march on Sunday.\n",
            4000,
            "unnamed officials",
        ),
        ("Reward.\n\nA local man promised $500 for information.\n", 500, None),
        # the rules found only the outlet told; the statement names who told it
        (
            "Plan.\n\nOn Tuesday, in her last speech, Lee plans to call for an increase in "
            "spending to fight the only disease ranked in the top 10, the campaign told Reuters.\n",
            10,
            "campaign",
        ),
        # Ada Lee is what the files are about; a document is named up to its cue
        (
            "Data.\n\nAudit files from the Vale Group show that 40 accounts ran 24 searches "
            "of Ada Lee's data.\n",
            24,
            "Vale Group",
        ),
        (
            "Courses.\n\nJudge Ruiz ordered the release of internal memos that showed staff "
            "sold courses costing up to $35,000.\n",
            35_000,
            "internal memos",
        ),
        # a body raising or lowering its toll states the new figure, whatever the verb
        (
            "Quake.\n\nThe country's civil protection agency increases the death toll to 267.\n",
            267,
            "civil protection agency",
        ),
        ("Quake.\n\nThe ministry lowered the death toll to 31 on Friday.\n", 31, "ministry"),
        # a court rules, an outcome shows
        ("Vote.\n\nThe judge ruled that 300 ballots must be counted again.\n", 300, "judge"),
        # a named stance is its holder's figure ...
        ("Wage.\n\nSenator Ada Dunne supports a wage of $18 an hour.\n", 18, "Ada Dunne"),
        # ... unless another source reports it: the survey found who backed whom, and by how much
        (
            "Survey.\n\nThe Harlow Institute found Democrats favored Lee, 64 percent to 20 "
            "percent.\n",
            64,
            "Harlow Institute",
        ),
    ],
)
def test_exact_figure_sources(pipeline, text, value, source):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    fig = next(f for f in ex.figures if f.value == value)
    assert _names(ex).get(fig.source or "") == source, [(f.value, f.source) for f in ex.figures]


@pytest.mark.parametrize(
    ("text", "value", "source", "via"),
    [
        # "X said …, according to Y": Y passed on what X stated
        (
            "Video.\n\nPolice have said they will not release two recordings of the arrest, "
            "according to lawyers for the Marlow family.\n",
            2,
            "police",
            "lawyers",
        ),
        # "X said that, according to Y, …": X quotes Y; Y is no relay
        (
            "Flood.\n\nMayor Ann Lee said on Monday that, according to the fire service, "
            "12 people had died.\n",
            12,
            None,
            None,
        ),
        # "Y noted that X said …": Y passes X's statement on whole
        (
            "Audit.\n\nIn its filing, Open Ledger Watch noted that Treasurer Paul Ermey "
            "said auditors had found 4,200 unpaid invoices.\n",
            4200,
            "paul ermey",
            "Open Ledger Watch",
        ),
        # "X said …, people familiar with it said": the closing speaker relays X
        (
            "Talks.\n\nMinister Dora Kell said the deal could cut tariffs on up to "
            "3 million cars, people familiar with the talks said.\n",
            3_000_000,
            "dora kell",
            "people familiar",
        ),
        # "the agency quoted X as saying": X speaks, the agency relays
        (
            "Quake.\n\nThe toll has risen to 318, Anadolu Agency quoted Deputy Minister "
            "Kerem Aslan as saying.\n",
            318,
            "kerem aslan",
            "Anadolu",
        ),
    ],
)
def test_relayed_figure(pipeline, text, value, source, via):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = _names(ex)
    fig = next(f for f in ex.figures if f.value == value)
    got_source, got_via = names.get(fig.source or ""), names.get(fig.via or "")
    if source is None:
        assert got_via is None or got_via != names.get(fig.source or ""), (got_source, got_via)
    else:
        assert got_source is not None and source in got_source.lower(), (got_source, got_via)
        assert got_via is not None and via in got_via, (got_source, got_via)


@pytest.mark.parametrize(
    "text",
    [
        # two statements side by side across a semicolon
        "Costs.\n\nThe Harbor Institute estimates that the plan would cost $2.1 billion; "
        "the Lyle Foundation put the cost at $3.4 billion.\n",
        # a second statement joined to the first, not reporting it
        "Costs.\n\nThe Harbor Institute estimated the plan at $2.1 billion and the Lyle "
        "Foundation said it would cost more.\n",
        # a contrast with its own cue, inside the first statement's clause or after it
        "Costs.\n\nThe Lyle Foundation said the cost was $3.4 billion, while the Harbor "
        "Institute estimates it at $2.1 billion.\n",
        "Costs.\n\nThe Lyle Foundation put the cost at $3.4 billion, while the Harbor "
        "Institute estimates it at $2.1 billion.\n",
    ],
)
def test_side_by_side_statements_relay_nothing(pipeline, text):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    fig = next(f for f in ex.figures if f.value == 2.1e9)
    assert "Harbor" in _names(ex).get(fig.source or "", ""), fig
    assert fig.via is None, _names(ex).get(fig.via or "")


@pytest.mark.parametrize(
    ("text", "speakers", "vias"),
    [
        # "According to Y, X said …": Y relayed X's words
        (
            "Bill.\n\nAccording to the Boston Globe, campaign spokesman Ron Vale said Friday "
            "that “she would sign this bill the day it came to her desk.”\n",
            ["Ron Vale"],
            ["Boston Globe"],
        ),
        # "Y noted that X said …": Y passes X's words on
        (
            "Hearing.\n\nThe Civic Ledger noted that Senator Amos Pike said the plan was "
            "“a gift to the banks and nothing else.”\n",
            ["Amos Pike"],
            ["Civic Ledger"],
        ),
        # an outlet reporting a stated attribution
        (
            "Platform.\n\nPlanned Parenthood’s president Cecile Roberts said that abortion is "
            "“central to the platform for the first time,” reported The Washington Post.\n",
            ["Cecile Roberts"],
            ["Washington Post"],
        ),
        # the speaker's next quotation in the paragraph came the same way
        (
            "Visit.\n\n“They don’t care about politics,” Obama said of the families, "
            "according to a White House pool report. “Neither do I. This debate needs to "
            "change.”\n",
            ["Obama", "Obama"],
            ["White House", "White House"],
        ),
    ],
)
def test_relayed_quotes(pipeline, text, speakers, vias):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = _names(ex)
    got = [(names.get(q.speaker or "") or "", names.get(q.via or "") or "") for q in ex.quotes]
    assert len(got) == len(speakers), got
    for (speaker, via), want_speaker, want_via in zip(got, speakers, vias, strict=True):
        assert want_speaker in speaker and want_via in via, got


def test_later_cue_does_not_reach_back_across_a_semicolon(pipeline):  # type: ignore[no-untyped-def]
    text = (
        "Havens.\n\nThe auditors reported that Arlo holds $214.9 billion offshore; "
        "Nimbus holds $10.7 billion and would owe $3.6 billion in taxes; Crestline "
        "holds $28.6 billion, and the report says the firm reports having 987 units.\n"
    )
    ex = extract_text(pipeline, text)
    names = _names(ex)
    sources = {f.value: names.get(f.source or "") for f in ex.figures}
    assert sources[28.6e9] == "Crestline"  # its own clause
    assert sources[3.6e9] != "Crestline", sources


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # an opening cue tagged into the name after it ("Stated Vale:") introduces the quote
        (
            "Radio.\n\nAnn Vale spoke on the radio on Sunday.\n\nStated Vale:\n\n"
            "“We will stay here until the last family is safe.”\n",
            ["Ann Vale"],
        ),
        # the named speaker of the quotation's own sentence beats the next sentence's subject
        (
            "Speech.\n\nDespite what he wrote in Vale’s speech about Lee, Moss said he “may yet "
            "have to vote for her because of my own party's nominee.” The GOP speechwriter said "
            "the deal-breaker was temperament.\n",
            ["Moss"],
        ),
        # a name set beside its role speaks, not the body the role is at
        (
            "Deals.\n\nClarke built the firm. His former business partner at Lenox, Lawrence "
            'B. Cummings, called him a master at bolting together deals. "He showed again and '
            "again an ability to put together deals that other people couldn't.\"\n",
            ["Lawrence B. Cummings"],
        ),
        # two people who share a family name: a title that tells a woman from a man says
        # which one the family name alone means
        (
            "Campaign.\n\nCarl Whitfield toured Ohio on Monday. He said the state mattered. "
            "Dana Whitfield spoke in Iowa, where she promised “a fair deal for every farm.” "
            "Mrs. Whitfield added: “We will win this state.” Mr. Whitfield told reporters: "
            "“She will be a fine governor.”\n",
            ["Dana Whitfield", "Dana Whitfield", "Carl Whitfield"],
        ),
        # an agent's title "in Charge" is no word of the name after it
        (
            "Manhunt\n\nThe reward was announced at a press conference on Sunday.\n\n“We are "
            "asking everyone for your help,” said FBI Special Agent in Charge James Smith.\n\n"
            "“Right now we are running into dead ends,” he said.\n",
            ["James Smith", "James Smith"],
        ),
        # "he" is no group of unnamed people: not "officials", but the person named before
        (
            "Floods.\n\nMayor Daniel Okafor toured the dam on Monday. Police officials said "
            "dozens were still missing. “We are searching every street,” he said.\n",
            ["Daniel Okafor"],
        ),
        (
            "Floods.\n\nPolice officials said dozens were still missing. “We are searching "
            "every street,” he said.\n",
            [""],
        ),
    ],
)
def test_quote_speakers(pipeline, text, speakers):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = _names(ex)
    assert [names.get(q.speaker or "", "") for q in ex.quotes] == speakers, ex.quotes
