"""Attributions as source / cue / content spans, on frozen parses (no model needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsprov.nlp.attributions import Attributions, attributions, find_attributions
from newsprov.nlp.cues import load_cues
from nlp_docs import doc_builder

CUES = load_cues()
parsed = doc_builder({",", ".", "”", ":"}, {"“"})

SAID_THAT = (
    "The|DET|det|1|the ministry|NOUN|nsubj|2|ministry said|VERB|ROOT|2|say that|SCONJ|mark|6|that "
    "40|NUM|nummod|5|40 people|NOUN|nsubj|6|people died|VERB|ccomp|2|die .|PUNCT|punct|2|."
)
INVERTED = (
    '“|PUNCT|punct|2|" We|PRON|nsubj|2|we ran|VERB|ccomp|7|run all|DET|det|4|all '
    'night|NOUN|npadvmod|2|night ,|PUNCT|punct|7|, ”|PUNCT|punct|7|" said|VERB|ROOT|7|say '
    "Amal|PROPN|compound|9|Amal Haddad|PROPN|nsubj|7|Haddad .|PUNCT|punct|7|."
)
ACCORDING = (
    "Twelve|NUM|nummod|1|twelve homes|NOUN|nsubj|2|home burned|VERB|ROOT|2|burn ,|PUNCT|punct|2|, "
    "according|VERB|prep|2|accord to|ADP|prep|4|to the|DET|det|8|the fire|NOUN|compound|8|fire "
    "service|NOUN|pobj|5|service .|PUNCT|punct|2|."
)
PASSIVE = (
    "Forty|NUM|nummod|1|forty bodies|NOUN|nsubjpass|3|body were|AUX|auxpass|3|be "
    "recorded|VERB|ROOT|3|record .|PUNCT|punct|3|."
)
PASSIVE_AGENT = (
    "Forty|NUM|nummod|1|forty bodies|NOUN|nsubjpass|3|body were|AUX|auxpass|3|be "
    "recorded|VERB|ROOT|3|record by|ADP|agent|3|by the|DET|det|6|the coroner|NOUN|pobj|4|coroner "
    ".|PUNCT|punct|3|."
)
TOLD = (
    '“|PUNCT|punct|2|" I|PRON|nsubj|2|I said|VERB|ccomp|10|say we|PRON|nsubj|5|we '
    'would|AUX|aux|5|would win|VERB|ccomp|2|win ,|PUNCT|punct|10|, ”|PUNCT|punct|10|" '
    "the|DET|det|9|the coach|NOUN|nsubj|10|coach told|VERB|ROOT|10|tell "
    "reporters|NOUN|dobj|10|reporter .|PUNCT|punct|10|."
)
BRANDED = (
    "The|DET|det|1|the senator|NOUN|nsubj|2|senator branded|VERB|ROOT|2|brand the|DET|det|4|the "
    'plan|NOUN|dobj|2|plan as|ADP|prep|2|as a|DET|det|9|a “|PUNCT|punct|9|" '
    'costly|ADJ|amod|9|costly stunt|NOUN|pobj|5|stunt .|PUNCT|punct|2|. ”|PUNCT|punct|2|"'
)
RATED = (
    "Officials|NOUN|nsubj|1|official rated|VERB|ROOT|1|rat 32|NUM|nummod|3|32 "
    "percent|NOUN|dobj|1|percent of|ADP|prep|3|of claims|NOUN|pobj|4|claim as|ADP|prep|1|as "
    "false|ADJ|amod|6|false .|PUNCT|punct|1|."
)

# "Harbor Tally, a group of volunteers, estimated attendance at 40,000." parsed verbless
VERB_AS_MODIFIER = (
    "Harbor|PROPN|compound|1 Tally|PROPN|ROOT|1 ,|PUNCT|punct|1 a|DET|det|4 group|NOUN|appos|1 "
    "of|ADP|prep|4 volunteers|NOUN|pobj|5 ,|PUNCT|punct|1 estimated|VERB|amod|9|estimate "
    "attendance|NOUN|appos|1 at|ADP|prep|9 40,000|NUM|pobj|10 .|PUNCT|punct|1"
)
# "The candidate boasted of cutting $9 million." parsed as "a man named …"
CUE_AS_ACL = (
    "The|DET|det|1 candidate|NOUN|ROOT|1 boasted|VERB|acl|1|boast|VBN of|ADP|prep|2 "
    "cutting|VERB|pcomp|3|cut $|SYM|quantmod|7 9|NUM|compound|7 million|NUM|dobj|4 "
    ".|PUNCT|punct|1"
)
# ... and a true modifier: "Harbor Tally, a group of volunteers, reported figures."
REPORTED_FIGURES = (
    "Harbor|PROPN|compound|1 Tally|PROPN|ROOT|1 ,|PUNCT|punct|1 a|DET|det|4 group|NOUN|appos|1 "
    "of|ADP|prep|4 volunteers|NOUN|pobj|5 ,|PUNCT|punct|1 the|DET|det|10 reported|VERB|amod|10|"
    "report figures|NOUN|appos|1 .|PUNCT|punct|1"
)

# "To save water, the board concluded, farms must cut use by 20 percent."
INSERTED = (
    "To|PART|aux|1|to save|VERB|advcl|7|save water|NOUN|dobj|1|water ,|PUNCT|punct|7|, "
    "the|DET|det|5|the board|NOUN|nsubj|6|board concluded|VERB|parataxis|10|conclude "
    ",|PUNCT|punct|10|, farms|NOUN|nsubj|10|farm must|AUX|aux|10|must cut|VERB|ROOT|10|cut "
    "use|NOUN|dobj|10|use by|ADP|prep|10|by 20|NUM|nummod|14|20 percent|NOUN|pobj|12|percent "
    ".|PUNCT|punct|10|."
)
# "As the Courier noted, rivals hold 30 seats."
AS_NOTED = (
    "As|SCONJ|mark|3|as the|DET|det|2|the Courier|PROPN|nsubj|3|Courier noted|VERB|advcl|6|note "
    ",|PUNCT|punct|6|, rivals|NOUN|nsubj|6|rival hold|VERB|ROOT|6|hold 30|NUM|nummod|8|30 "
    "seats|NOUN|dobj|6|seat .|PUNCT|punct|6|."
)
# "When the mayor spoke, 500 people cheered.": a time clause, not a cue set into one
WHEN_SPOKE = (
    "When|SCONJ|advmod|3|when the|DET|det|2|the mayor|NOUN|nsubj|3|mayor spoke|VERB|advcl|7|speak "
    ",|PUNCT|punct|7|, 500|NUM|nummod|6|500 people|NOUN|nsubj|7|people cheered|VERB|ROOT|7|cheer "
    ".|PUNCT|punct|7|."
)
# "Before trial, Ana Ruiz, 44, said that she took 90 files.": the name before the age
AGED = (
    "Before|ADP|prep|9|before trial|NOUN|pobj|0|trial ,|PUNCT|punct|1|, Ana|PROPN|compound|4|Ana "
    "Ruiz|PROPN|appos|1|Ruiz ,|PUNCT|punct|4|, 44|NUM|appos|4|44 ,|PUNCT|punct|4|, "
    "said|VERB|ROOT|8|say that|SCONJ|mark|11|that she|PRON|nsubj|11|she took|VERB|ccomp|8|take "
    "90|NUM|nummod|13|90 files|NOUN|dobj|11|file .|PUNCT|punct|8|."
)


# "The campaign projects that the tax would raise $75 billion.": the verb read as a noun
VERB_AS_NOUN = (
    "The|DET|det|1|the campaign|NOUN|compound|2|campaign projects|NOUN|ROOT|2|project "
    "that|SCONJ|mark|7|that the|DET|det|5|the tax|NOUN|nsubj|7|tax would|AUX|aux|7|would "
    "raise|VERB|relcl|2|raise $|SYM|quantmod|10|$ 75|NUM|compound|10|75 "
    "billion|NUM|dobj|7|billion .|PUNCT|punct|2|."
)
# "The projects that the city funded cost $5 million.": a noun with a relative clause
REAL_NOUN = (
    "The|DET|det|1|the projects|NOUN|nsubj|6|project that|PRON|dobj|5|that the|DET|det|4|the "
    "city|NOUN|nsubj|5|city funded|VERB|relcl|1|fund cost|VERB|ROOT|6|cost $|SYM|quantmod|9|$ "
    "5|NUM|compound|9|5 million|NUM|dobj|6|million .|PUNCT|punct|6|."
)
# "Exit polls from the primary, which Blake won, showed that 65 percent backed the ban."
NON_RESTRICTIVE = (
    "Exit|PROPN|compound|1|Exit polls|NOUN|nsubj|10|poll from|ADP|prep|1|from "
    "the|DET|det|4|the primary|NOUN|pobj|2|primary ,|PUNCT|punct|4|, which|PRON|dobj|8|which "
    "Blake|PROPN|nsubj|8|Blake won|VERB|relcl|4|win ,|PUNCT|punct|4|, showed|VERB|ROOT|10|show "
    "that|SCONJ|mark|14|that 65|NUM|nummod|13|65 percent|NOUN|nsubj|14|percent "
    "backed|VERB|ccomp|10|back the|DET|det|16|the ban|NOUN|dobj|14|ban .|PUNCT|punct|10|."
)
# "A slide from a deck that Blake carries shows that 40 cars sold.": it says whose deck
RESTRICTIVE = (
    "A|DET|det|1|a slide|NOUN|nsubj|8|slide from|ADP|prep|1|from a|DET|det|4|a "
    "deck|NOUN|pobj|2|deck that|PRON|dobj|7|that Blake|PROPN|nsubj|7|Blake "
    "carries|VERB|relcl|4|carry shows|VERB|ROOT|8|show that|SCONJ|mark|12|that "
    "40|NUM|nummod|11|40 cars|NOUN|nsubj|12|car sold|VERB|ccomp|8|sell .|PUNCT|punct|8|."
)

# "Sixty percent of voters dislike the plan, the poll found.": the cue read as a relative clause
TRAILING = (
    "Sixty|NUM|nummod|1|sixty percent|NOUN|nsubj|4|percent of|ADP|prep|1|of "
    "voters|NOUN|pobj|2|voter dislike|VERB|ROOT|4|dislike the|DET|det|6|the "
    "plan|NOUN|dobj|4|plan ,|PUNCT|punct|6|, the|DET|det|9|the poll|NOUN|nsubj|10|poll "
    "found|VERB|relcl|6|find .|PUNCT|punct|4|."
)
# "She praised the plan, which the board found sound.": a true relative clause
WHICH_FOUND = (
    "She|PRON|nsubj|1|she praised|VERB|ROOT|1|praise the|DET|det|3|the plan|NOUN|dobj|1|plan "
    ",|PUNCT|punct|3|, which|PRON|dobj|8|which the|DET|det|7|the board|NOUN|nsubj|8|board "
    "found|VERB|relcl|3|find sound|ADJ|oprd|8|sound .|PUNCT|punct|1|."
)

# "The agency said it would release 30 files.": a cue in the clause "said" governs
RUN_ON = (
    "The|DET|det|1|the agency|NOUN|nsubj|2|agency said|VERB|ROOT|2|say it|PRON|nsubj|5|it "
    "would|AUX|aux|5|would release|VERB|ccomp|2|release 30|NUM|nummod|7|30 "
    "files|NOUN|dobj|5|file .|PUNCT|punct|2|."
)

# 'The party released a statement, offering “a sincere apology” after emails showed bias.'
HELD_QUOTE = (
    "The|DET|det|1|the party|NOUN|nsubj|2|party released|VERB|ROOT|2|release a|DET|det|4|a "
    "statement|NOUN|dobj|2|statement ,|PUNCT|punct|2|, offering|VERB|advcl|2|offer "
    '“|PUNCT|punct|10|" a|DET|det|10|a sincere|ADJ|amod|10|sincere apology|NOUN|dobj|6|apology '
    '”|PUNCT|punct|10|" after|SCONJ|mark|14|after emails|NOUN|nsubj|14|email '
    "showed|VERB|advcl|6|show bias|NOUN|dobj|14|bias .|PUNCT|punct|2|."
)

# "Later estimates put the figure closer to 540.": the adverb phrase holds the number
CLOSER = (
    "Later|ADJ|amod|1|later estimates|NOUN|nsubj|2|estimate put|VERB|ROOT|2|put "
    "the|DET|det|4|the figure|NOUN|dobj|2|figure closer|ADV|advmod|2|closer to|ADP|prep|5|to "
    "540|NUM|pobj|6|540 .|PUNCT|punct|2|."
)

# "Vale, who leads 3 groups, said that 40 people came.": the relative clause read as a
# clause of "said" with two subjects
WHO_SAID = (
    "Vale|PROPN|nsubj|3|Vale ,|PUNCT|punct|3|, who|PRON|nsubj|3|who leads|VERB|ccomp|7|lead "
    "3|NUM|nummod|5|3 groups|NOUN|dobj|3|group ,|PUNCT|punct|7|, said|VERB|ROOT|7|say "
    "that|SCONJ|mark|11|that 40|NUM|nummod|10|40 people|NOUN|nsubj|11|people "
    "came|VERB|ccomp|7|come .|PUNCT|punct|7|."
)

# "Vale went so far as to say that 40 people lied.": "to say" under an adverb
SO_FAR_AS = (
    "Vale|PROPN|nsubj|1|Vale went|VERB|ROOT|1|go so|ADV|advmod|3|so far|ADV|advmod|1|far "
    "as|SCONJ|mark|6|as to|PART|aux|6|to say|VERB|advcl|3|say that|SCONJ|mark|10|that "
    "40|NUM|nummod|9|40 people|NOUN|nsubj|10|people lied|VERB|ccomp|6|lie .|PUNCT|punct|1|."
)
# "Vale shared the news, writing that 40 people came.": the participle parsed astray
WRITING = (
    "Vale|PROPN|nsubj|1|Vale shared|VERB|ROOT|1|share the|DET|det|3|the news|NOUN|dobj|1|news "
    ",|PUNCT|punct|1|, writing|VERB|dep|1|write that|SCONJ|mark|9|that 40|NUM|nummod|8|40 "
    "people|NOUN|nsubj|9|people came|VERB|ccomp|5|come .|PUNCT|punct|1|."
)

# "The council passed 9 cuts; Mayor Lee seeks 2 fees." (the first clause hung on "seeks")
OWN_OBJECT = (
    "The|DET|det|1|the council|NOUN|nsubj|2|council passed|VERB|ccomp|8|pass 9|NUM|nummod|4|9 "
    "cuts|NOUN|dobj|2|cut ;|PUNCT|punct|8|; Mayor|PROPN|compound|7|Mayor Lee|PROPN|nsubj|8|Lee "
    "seeks|VERB|ROOT|8|seek 2|NUM|nummod|10|2 fees|NOUN|dobj|8|fee .|PUNCT|punct|8|."
)

# "Vale drew boos by saying 40 people lied."
BY_SAYING = (
    "Vale|PROPN|nsubj|1|Vale drew|VERB|ROOT|1|draw boos|NOUN|dobj|1|boo by|ADP|prep|1|by "
    "saying|VERB|pcomp|3|say 40|NUM|nummod|6|40 people|NOUN|nsubj|7|people "
    "lied|VERB|ccomp|4|lie .|PUNCT|punct|1|."
)

# "The risk of saying 40 people lied is small." (the preposition hangs on a noun)
RISK_OF_SAYING = (
    "The|DET|det|1|the risk|NOUN|nsubj|7|risk of|ADP|prep|1|of saying|VERB|pcomp|2|say "
    "40|NUM|nummod|5|40 people|NOUN|nsubj|6|people lied|VERB|ccomp|3|lie is|AUX|ROOT|7|be "
    "small|ADJ|acomp|7|small .|PUNCT|punct|7|."
)

# "Sanders supports a 15 dollar wage."
SUPPORTS = (
    "Sanders|PROPN|nsubj|1|Sanders supports|VERB|ROOT|1|support a|DET|det|4|a 15|NUM|nummod|4|15 "
    "wage|NOUN|dobj|1|wage .|PUNCT|punct|1|."
)

# "Lee was quoted as saying 40 people died." (the passive subject of "quoted" speaks)
QUOTED_AS = (
    "Lee|PROPN|nsubjpass|2|Lee was|AUX|auxpass|2|be quoted|VERB|ROOT|2|quote as|ADP|prep|2|as "
    "saying|VERB|pcomp|3|say 40|NUM|nummod|6|40 people|NOUN|nsubj|7|people "
    "died|VERB|ccomp|4|die .|PUNCT|punct|2|."
)

# "Vale shot back that 40 people lied." / "Vale shot 40 ducks." (the particle makes the cue)
SHOT_BACK = (
    "Vale|PROPN|nsubj|1|Vale shot|VERB|ROOT|1|shoot back|ADV|advmod|1|back that|SCONJ|mark|6|that "
    "40|NUM|nummod|5|40 people|NOUN|nsubj|6|people lied|VERB|ccomp|1|lie .|PUNCT|punct|1|."
)
SHOT = (
    "Vale|PROPN|nsubj|1|Vale shot|VERB|ROOT|1|shoot 40|NUM|nummod|3|40 ducks|NOUN|dobj|1|duck "
    ".|PUNCT|punct|1|."
)

# "Audit files from Vale show that 40 accounts ran searches." (the cue read as a noun, its
# clause hung on the subject's head)
SHOW_AS_NOUN = (
    "Audit|PROPN|compound|1|Audit files|NOUN|ROOT|1|file from|ADP|prep|1|from "
    "Vale|PROPN|compound|4|Vale show|NOUN|pobj|2|show that|SCONJ|mark|8|that 40|NUM|nummod|7|40 "
    "accounts|NOUN|nsubj|8|account ran|VERB|acl|1|run searches|NOUN|dobj|8|search "
    ".|PUNCT|punct|1|."
)

# "The Vale show that 40 people watched ended." (a noun with its determiner is a noun)
A_SHOW = (
    "The|DET|det|2|the Vale|PROPN|compound|2|Vale show|NOUN|nsubj|7|show that|SCONJ|mark|6|that "
    "40|NUM|nummod|5|40 people|NOUN|nsubj|6|people watched|VERB|relcl|2|watch "
    "ended|VERB|ROOT|7|end .|PUNCT|punct|7|."
)

# "Lee asked for 9 million to fight floods." (what an intention asks for is its content)
ASKED_FOR = (
    "Lee|PROPN|nsubj|1|Lee asked|VERB|ROOT|1|ask for|ADP|prep|1|for 9|NUM|compound|4|9 "
    "million|NUM|pobj|2|million to|PART|aux|6|to fight|VERB|xcomp|1|fight floods|NOUN|dobj|6|flood "
    ".|PUNCT|punct|1|."
)

# "The poll showed Lee ahead, while Vale was at 18 percent." / "Lee said 40 died while aides
# left." (a contrast after the clause goes with it; one before it does not)
WHILE_AFTER = (
    "The|DET|det|1|the poll|NOUN|nsubj|2|poll showed|VERB|ROOT|2|show Lee|PROPN|nsubj|4|Lee "
    "ahead|ADV|ccomp|2|ahead ,|PUNCT|punct|2|, while|SCONJ|mark|8|while Vale|PROPN|nsubj|8|Vale "
    "was|AUX|advcl|2|be at|ADP|prep|8|at 18|NUM|nummod|11|18 percent|NOUN|pobj|9|percent "
    ".|PUNCT|punct|2|."
)
# "The poll showed Lee ahead, while Vale estimated 18 percent.": a contrast with its own cue
WHILE_CUE_AFTER = (
    "The|DET|det|1|the poll|NOUN|nsubj|2|poll showed|VERB|ROOT|2|show Lee|PROPN|nsubj|4|Lee "
    "ahead|ADV|ccomp|2|ahead ,|PUNCT|punct|2|, while|SCONJ|mark|8|while Vale|PROPN|nsubj|8|Vale "
    "estimated|VERB|advcl|2|estimate 18|NUM|nummod|10|18 percent|NOUN|dobj|8|percent "
    ".|PUNCT|punct|2|."
)
# "Officials put the crowd at 40,000, while noting 12 arrests.": no speaker of its own
WHILE_NOTING = (
    "Officials|NOUN|nsubj|1|official put|VERB|ROOT|1|put the|DET|det|3|the crowd|NOUN|dobj|1|crowd "
    "at|ADP|prep|1|at 40,000|NUM|pobj|4|40,000 ,|PUNCT|punct|1|, while|SCONJ|mark|8|while "
    "noting|VERB|advcl|1|note 12|NUM|nummod|10|12 arrests|NOUN|dobj|8|arrest .|PUNCT|punct|1|."
)
# "Police put the crowd at 120,000, while organisers estimate it at 200,000."
WHILE_ESTIMATE = (
    "Police|NOUN|nsubj|1|Police put|VERB|ROOT|1|put the|DET|det|3|the crowd|NOUN|dobj|1|crowd "
    "at|ADP|prep|1|at 120,000|NUM|pobj|4|120,000 ,|PUNCT|punct|1|, while|SCONJ|mark|9|while "
    "organisers|NOUN|nsubj|9|organiser estimate|VERB|advcl|1|estimate it|PRON|dobj|9|it "
    "at|ADP|prep|9|at 200,000|NUM|pobj|11|200,000 .|PUNCT|punct|1|."
)
WHILE_BEFORE = (
    "While|SCONJ|mark|2|while Vale|PROPN|nsubj|2|Vale waited|VERB|advcl|5|wait ,|PUNCT|punct|5|, "
    "Lee|PROPN|nsubj|5|Lee said|VERB|ROOT|5|say 40|NUM|nsubj|7|40 died|VERB|ccomp|5|die "
    ".|PUNCT|punct|5|."
)

# "The 40 deaths officials reported came fast." / "The aide who reported 40 deaths left."
# (a relative clause's noun is what its cue states, unless the noun is the speaker)
REPORTED_DEATHS = (
    "The|DET|det|2|the 40|NUM|nummod|2|40 deaths|NOUN|nsubj|5|death "
    "officials|NOUN|nsubj|4|official reported|VERB|relcl|2|report came|VERB|ROOT|5|come "
    "fast|ADV|advmod|5|fast .|PUNCT|punct|5|."
)
AIDE_WHO = (
    "The|DET|det|1|the aide|NOUN|nsubj|6|aide who|PRON|nsubj|3|who reported|VERB|relcl|1|report "
    "40|NUM|nummod|5|40 deaths|NOUN|dobj|3|death left|VERB|ROOT|6|leave .|PUNCT|punct|6|."
)

# '“How are you?” Miller, a retired worker from a plant, said into the phone.'
LONG_APPOSITION = (
    '“|PUNCT|punct|2|" How|ADV|advmod|2|how are|AUX|ROOT|2|be you|PRON|nsubj|2|you '
    '?|PUNCT|punct|2|? ”|PUNCT|punct|2|" Miller|PROPN|nsubj|15|Miller ,|PUNCT|punct|6|, '
    "a|DET|det|10|a retired|ADJ|amod|10|retired worker|NOUN|appos|6|worker "
    "from|ADP|prep|10|from a|DET|det|13|a plant|NOUN|pobj|11|plant ,|PUNCT|punct|6|, "
    "said|VERB|ROOT|15|say into|ADP|prep|15|into the|DET|det|18|the "
    "phone|NOUN|pobj|16|phone .|PUNCT|punct|15|."
)
# '“We won,” mused Blaze co-host Stu Vale.': the parse hung "co" first
CO_HOST = (
    '“|PUNCT|punct|2|" We|PRON|nsubj|2|we won|VERB|ccomp|5|win ,|PUNCT|punct|5|, '
    '”|PUNCT|punct|5|" mused|VERB|ROOT|5|muse Blaze|PROPN|compound|7|Blaze '
    "co|NOUN|nsubj|5|co -|NOUN|dobj|5|- host|NOUN|compound|11|host Stu|PROPN|compound|11|Stu "
    "Vale|PROPN|dobj|5|Vale .|PUNCT|punct|5|."
)
# '“We won,” said the woman, who left.': the parse gave "woman" to the later clause
SAID_THE_WOMAN = (
    '“|PUNCT|punct|2|" We|PRON|nsubj|2|we won|VERB|ccomp|5|win ,|PUNCT|punct|5|, '
    '”|PUNCT|punct|5|" said|VERB|ROOT|5|say the|DET|det|7|the woman|NOUN|nsubj|10|woman '
    ",|PUNCT|punct|7|, who|PRON|nsubj|10|who left|VERB|ccomp|5|leave .|PUNCT|punct|5|."
)
# "Vale reported 360 killed and 900 injured.": the parse made the second count a clause
COUNT_CONJUNCT = (
    "Vale|PROPN|nsubj|1|Vale reported|VERB|ROOT|1|report 360|NUM|dobj|1|360 "
    "killed|VERB|acl|2|kill and|CCONJ|cc|2|and 900|NUM|nsubj|6|900 injured|VERB|conj|1|injure "
    ".|PUNCT|punct|1|."
)
# ... but a clause joined to the cue that is a cue of its own is not part of it
CUE_CONJUNCT = (
    "Vale|PROPN|nsubj|1|Vale reported|VERB|ROOT|1|report 360|NUM|dobj|1|360 "
    "killed|VERB|acl|2|kill and|CCONJ|cc|2|and 900|NUM|nsubj|6|900 said|VERB|conj|1|say "
    ".|PUNCT|punct|1|."
)
# "Rains destroyed 900 houses while damaging 300, Rana Haddad, a spokesman for the
# country's National Disaster Management Authority (NDMA) told AFP.": the parse joined
# "told" to the first verb with no "and" and hung the name on the count before it
UNJOINED_TOLD = (
    "Rains|NOUN|nsubj|1|rain destroyed|VERB|ROOT|1|destroy 900|NUM|nummod|3|900 "
    "houses|NOUN|dobj|1|house while|SCONJ|mark|5|while damaging|VERB|advcl|1|damage "
    "300|NUM|dobj|5|300 ,|PUNCT|punct|6|, Rana|PROPN|compound|9|Rana Haddad|PROPN|appos|6|Haddad "
    ",|PUNCT|punct|9|, a|DET|det|12|a spokesman|NOUN|appos|9|spokesman for|ADP|prep|12|for "
    "the|DET|det|15|the country|NOUN|poss|20|country 's|PART|case|15|'s "
    "National|PROPN|compound|20|National Disaster|PROPN|compound|20|Disaster "
    "Management|PROPN|compound|20|Management Authority|PROPN|pobj|13|Authority "
    "(|PUNCT|punct|20|( NDMA|PROPN|appos|20|NDMA )|PUNCT|punct|20|) "
    "told|VERB|conj|1|tell AFP|PROPN|dobj|24|AFP .|PUNCT|punct|24|."
)
# "Officials counted 40 dead and told AFP.": joined by "and", the subject does both
JOINED_TOLD = (
    "Officials|NOUN|nsubj|1|official counted|VERB|ROOT|1|count 40|NUM|nummod|3|40 "
    "dead|NOUN|dobj|1|dead and|CCONJ|cc|1|and told|VERB|conj|1|tell AFP|PROPN|dobj|5|AFP "
    ".|PUNCT|punct|1|."
)
# "The poll has Vale at 45 percent.": "have" reports with a document as its subject ...
POLL_HAS = (
    "The|DET|det|1|the poll|NOUN|nsubj|2|poll has|VERB|ROOT|2|have Vale|PROPN|dobj|2|Vale "
    "at|ADP|prep|2|at 45|NUM|nummod|6|45 percent|NOUN|pobj|4|percent .|PUNCT|punct|2|."
)
# ... and not with a person: "The senator has 40 aides."
SENATOR_HAS = (
    "The|DET|det|1|the senator|NOUN|nsubj|2|senator has|VERB|ROOT|2|have 40|NUM|nummod|4|40 "
    "aides|NOUN|dobj|2|aide .|PUNCT|punct|2|."
)
# ... nor with a body or plan that is no count: "The campaign has 1,000 volunteers."
CAMPAIGN_HAS = (
    "The|DET|det|1|the campaign|NOUN|nsubj|2|campaign has|VERB|ROOT|2|have "
    "1,000|NUM|nummod|4|1,000 volunteers|NOUN|dobj|2|volunteer .|PUNCT|punct|2|."
)
# "In the PollTrackr average, Vale leads by 4 points." / "Vale leads by an average of 20
# points.": a polling average frames a sentence; "an average of 20" is a quantity
IN_AVERAGE = (
    "In|ADP|prep|6|in the|DET|det|3|the PollTrackr|PROPN|compound|3|PollTrackr "
    "average|NOUN|pobj|0|average ,|PUNCT|punct|6|, Vale|PROPN|nsubj|6|Vale leads|VERB|ROOT|6|lead "
    "by|ADP|prep|6|by 4|NUM|nummod|9|4 points|NOUN|pobj|7|point .|PUNCT|punct|6|."
)
BY_AVERAGE = (
    "Vale|PROPN|nsubj|1|Vale leads|VERB|ROOT|1|lead by|ADP|prep|1|by an|DET|det|4|an "
    "average|NOUN|pobj|2|average of|ADP|prep|4|of 20|NUM|nummod|7|20 points|NOUN|pobj|5|point "
    ".|PUNCT|punct|1|."
)
# "HALDEN, Norway (AP) - Rescuers recovered nine bodies, but say 40 remain missing.": the
# parse gave the first verb two subjects, the dateline and the rescuers
DATELINE_CONJ = (
    "HALDEN|PROPN|nsubj|8 ,|PUNCT|punct|0 Norway|PROPN|conj|0 (|PUNCT|punct|2 AP|PROPN|appos|2 "
    ")|PUNCT|punct|0 -|PUNCT|punct|0 Rescuers|PROPN|nsubj|8 recovered|VERB|ROOT|8|recover "
    "nine|NUM|nummod|10 bodies|NOUN|dobj|8|body ,|PUNCT|punct|8 but|CCONJ|cc|8 "
    "say|VERB|conj|8|say 40|NUM|nsubj|15 remain|VERB|ccomp|13|remain "
    "missing|VERB|acomp|15|miss .|PUNCT|punct|8"
)
# "HALDEN COUNTY, Norway -- Crews searching the rubble found 15 bodies.": the dateline's
# country and the crews both hung on the dateline as appositions
DATELINE_APPOS = (
    "HALDEN|PROPN|compound|1 COUNTY|PROPN|nsubj|9 ,|PUNCT|punct|1 Norway|PROPN|appos|1 "
    "--|PUNCT|punct|1 Crews|NOUN|appos|1|crew searching|VERB|acl|5|search the|DET|det|8 "
    "rubble|NOUN|dobj|6 found|VERB|ROOT|9|find 15|NUM|nummod|11 bodies|NOUN|dobj|9|body "
    ".|PUNCT|punct|9"
)
# "The toll rose to 40, the Courier quoted Mayor Ann Vale as saying."
QUOTED_ACTIVE = (
    "The|DET|det|1|the toll|NOUN|nsubj|2|toll rose|VERB|ccomp|8|rise to|ADP|prep|2|to "
    "40|NUM|pobj|3|40 ,|PUNCT|punct|8|, the|DET|det|7|the Courier|PROPN|nsubj|8|Courier "
    "quoted|VERB|ROOT|8|quote Mayor|PROPN|compound|11|Mayor Ann|PROPN|compound|11|Ann "
    "Vale|PROPN|dobj|8|Vale as|ADP|prep|8|as saying|VERB|pcomp|12|say .|PUNCT|punct|8|."
)
QUOTED_ACTIVE_THAT = (
    "The|DET|det|1|the Courier|PROPN|nsubj|2|Courier quoted|VERB|ROOT|2|quote "
    "Mayor|PROPN|compound|5|Mayor Ann|PROPN|compound|5|Ann Vale|PROPN|dobj|2|Vale "
    "as|ADP|prep|2|as saying|VERB|pcomp|6|say that|SCONJ|mark|11|that 40|NUM|nummod|10|40 "
    "people|NOUN|nsubj|11|people died|VERB|ccomp|7|die .|PUNCT|punct|2|."
)
QUOTED_REPORT = (
    "The|DET|det|1|the Courier|PROPN|nsubj|2|Courier quoted|VERB|ROOT|2|quote a|DET|det|4|a "
    "report|NOUN|dobj|2|report from|ADP|prep|4|from the|DET|det|7|the mayor|NOUN|pobj|5|mayor "
    ".|PUNCT|punct|2|."
)


@pytest.mark.parametrize(
    ("spec", "source", "via", "content_has"),
    [
        # the one quoted speaks; the one quoting relays
        (QUOTED_ACTIVE, "Mayor Ann Vale", "the Courier", "The toll rose to 40"),
        (QUOTED_ACTIVE_THAT, "Mayor Ann Vale", "The Courier", "40 people died"),
        # no "as saying": the subject quotes
        (QUOTED_REPORT, "The Courier", None, None),
    ],
)
def test_quoted_as_saying(spec, source, via, content_has):  # type: ignore[no-untyped-def]
    doc = parsed(spec)
    [a] = find_attributions(doc, CUES)
    span = lambda s: doc[s[0] : s[1]].text if s else None  # noqa: E731
    assert (span(a.source), span(a.via)) == (source, via)
    if content_has is not None:
        assert any(content_has in doc.text[s:e] for s, e in a.content), a.content


@pytest.mark.parametrize(
    ("spec", "source"), [(UNJOINED_TOLD, "Rana Haddad"), (JOINED_TOLD, "Officials")]
)
def test_a_cue_joined_without_and_speaks_for_the_phrase_before_it(spec, source):  # type: ignore[no-untyped-def]
    found = [a for a in _one(parsed(spec)) if a[1] == "told"]
    assert found and (found[0][2] or "").startswith(source), found


@pytest.mark.parametrize(
    ("spec", "ents", "cue", "source"),
    [
        (DATELINE_CONJ, [(0, 1, "GPE"), (2, 3, "GPE")], "say", "Rescuers"),
        (DATELINE_APPOS, [(0, 2, "GPE"), (3, 4, "GPE")], "found", "Crews"),
    ],
)
def test_a_dateline_never_speaks(spec, ents, cue, source):  # type: ignore[no-untyped-def]
    found = [a for a in _one(parsed(spec, ents)) if a[1] == cue]
    assert found and (found[0][2] or "").startswith(source), found


def _one(doc: Doc) -> list[tuple[str, str, str | None, list[str]]]:
    out = []
    for a in find_attributions(doc, CUES):
        src = doc[a.source[0] : a.source[1]].text if a.source else None
        out.append(
            (a.kind, doc[a.cue[0] : a.cue[1]].text, src, [doc.text[s:e] for s, e in a.content])
        )
    return out


@pytest.mark.parametrize(
    ("spec", "kind", "cue", "source", "content_has"),
    [
        (SAID_THAT, "verb", "said", "The ministry", "40 people died"),
        (INVERTED, "verb", "said", "Amal Haddad", "We ran all night,"),
        (ACCORDING, "phrase", "according to", "the fire service", "Twelve homes burned"),
        (PASSIVE_AGENT, "verb", "recorded", "the coroner", None),
        (TOLD, "verb", "told", "the coach", "I said we would win,"),
        (BRANDED, "clause", "branded", "The senator", "costly stunt."),
        (RATED, "verb", "rated", "Officials", "32 percent of claims"),  # lemma "rat": stems
        (INSERTED, "verb", "concluded", "the board", "farms must cut use by 20 percent"),
        (AS_NOTED, "verb", "noted", "the Courier", "rivals hold 30 seats"),
        (AGED, "verb", "said", "Ana Ruiz", "she took 90 files"),
        (TRAILING, "verb", "found", "the poll", "Sixty percent of voters dislike the plan"),
        (WHO_SAID, "verb", "said", "Vale", "40 people came"),
        (SO_FAR_AS, "verb", "say", "Vale", "40 people lied"),
        (CLOSER, "verb", "put", "Later estimates", "closer to 540"),
        (VERB_AS_NOUN, "verb", "projects", "The campaign", "the tax would raise $ 75 billion"),
        (NON_RESTRICTIVE, "verb", "showed", "Exit polls from the primary", "65 percent backed"),
        (RESTRICTIVE, "verb", "shows", "A slide from a deck that Blake carries", "40 cars sold"),
        (SUPPORTS, "intent", "supports", "Sanders", "a 15 wage"),
        (SHOT_BACK, "verb", "shot", "Vale", "40 people lied"),
        (ASKED_FOR, "verb", "asked", "Lee", "for 9 million"),
        (WHILE_AFTER, "verb", "showed", "The poll", "while Vale was at 18 percent"),
        (SHOW_AS_NOUN, "verb", "show", "Audit files from Vale", "that 40 accounts ran searches"),
        (COUNT_CONJUNCT, "verb", "reported", "Vale", "900 injured"),
        (WHILE_NOTING, "verb", "put", "Officials", "while noting 12 arrests"),
        (POLL_HAS, "verb", "has", "The poll", "45 percent"),
        (VERB_AS_MODIFIER, "verb", "estimated", "Harbor Tally", "attendance at 40,000"),
        (CUE_AS_ACL, "verb", "boasted", "The candidate", "of cutting $ 9 million"),
    ],
)
def test_cue_source_and_content(spec, kind, cue, source, content_has):  # type: ignore[no-untyped-def]
    found = [a for a in _one(parsed(spec)) if a[1] == cue]
    assert found, _one(parsed(spec))
    got_kind, _, got_source, content = found[0]
    assert (got_kind, got_source) == (kind, source)
    if content_has is not None:
        assert any(content_has in c for c in content), content


def test_inserted_cue_content_leaves_out_the_source_and_keeps_the_words_before():  # type: ignore[no-untyped-def]
    ((_, _, _, content),) = _one(parsed(INSERTED))
    assert content[0].startswith("To save water")
    assert all("board" not in c and "concluded" not in c for c in content), content


@pytest.mark.parametrize(
    ("spec", "cue", "absent"),
    [
        (WHEN_SPOKE, "spoke", "500"),  # a time clause is no cue set into its clause
        (WHILE_BEFORE, "said", "Vale"),  # a contrast before the cue is not its content
        (WHICH_FOUND, "found", "praised"),  # a true relative clause attributes nothing more
        (RUN_ON, "release", "said"),  # a cue in a governed clause takes no words before it
        (WHO_SAID, "said", "leads"),  # content leaves out the clause holding its source
        (CUE_CONJUNCT, "reported", "900"),  # a joined clause that is a cue of its own
        (WHILE_CUE_AFTER, "showed", "18 percent"),  # a contrast with a cue of its own ...
        (WHILE_ESTIMATE, "put", "200,000"),  # ... after a cue's clause or its own phrase
    ],
)
def test_content_leaves_out(spec, cue, absent):  # type: ignore[no-untyped-def]
    found = [c for _, got, _, c in _one(parsed(spec)) if got == cue]
    assert found and all(absent not in part for part in found[0]), found


@pytest.mark.parametrize(
    ("spec", "word"),
    [
        (REAL_NOUN, "projects"),  # a plural noun with a relative clause
        (A_SHOW, "show"),  # a noun with its own determiner
        (SHOT, "shot"),  # a verb without the particle that makes it a cue
        (SENATOR_HAS, "has"),  # "have" reports only with a count or survey as its subject
        (CAMPAIGN_HAS, "has"),
    ],
)
def test_no_cue(spec, word):  # type: ignore[no-untyped-def]
    assert [a for a in _one(parsed(spec)) if a[1] == word] == []


def test_a_relative_clause_states_its_noun_unless_the_noun_speaks():  # type: ignore[no-untyped-def]
    deaths = [a for a in _one(parsed(REPORTED_DEATHS)) if a[1] == "reported"]
    assert deaths and deaths[0][2] == "officials", deaths
    assert any("The 40 deaths" in c for c in deaths[0][3]), deaths
    aide = [a for a in _one(parsed(AIDE_WHO)) if a[1] == "reported"]
    assert aide and all("aide" not in c for c in aide[0][3]), aide


def test_a_quotation_goes_to_the_cue_whose_phrase_holds_it():  # type: ignore[no-untyped-def]
    by_cue = {cue: content for _, cue, _, content in _one(parsed(HELD_QUOTE))}
    assert any("“a sincere apology”" in c for c in by_cue["released"]), by_cue
    assert all("apology" not in c and c != "after" for c in by_cue["showed"]), by_cue


def test_a_cue_with_its_own_object_takes_nothing_before_it():  # type: ignore[no-untyped-def]
    found = [a for a in _one(parsed(OWN_OBJECT)) if a[1] == "seeks"]
    assert found and found[0][:3] == ("intent", "seeks", "Mayor Lee"), found
    assert found[0][3] == ["2 fees"], found


@pytest.mark.parametrize(("spec", "source"), [(BY_SAYING, "Vale"), (RISK_OF_SAYING, None)])
def test_saying_under_a_preposition_takes_the_subject_of_the_verb_it_hangs_on(spec, source):  # type: ignore[no-untyped-def]
    doc = parsed(spec)
    doc[4 if spec is BY_SAYING else 3].tag_ = "VBG"  # the frozen parse lacks the tag
    found = [a for a in _one(doc) if a[1] == "saying"]
    assert found and found[0][2] == source, found
    assert any("40 people lied" in c for c in found[0][3]), found


def test_the_passive_subject_of_quoted_as_saying_speaks():  # type: ignore[no-untyped-def]
    doc = parsed(QUOTED_AS)
    doc[4].tag_ = "VBG"  # the frozen parse lacks the tag
    found = [a for a in _one(doc) if a[1] == "saying"]
    assert found and found[0][2] == "Lee", found
    assert any("40 people died" in c for c in found[0][3]), found
    assert [a[2] for a in _one(doc) if a[1] == "quoted"] == [None]


def test_a_participle_after_a_comma_takes_the_sentence_subject():  # type: ignore[no-untyped-def]
    doc = parsed(WRITING)
    doc[5].tag_ = "VBG"  # the tagger's participle tag, which the frozen parse lacks
    found = [a for a in _one(doc) if a[1] == "writing"]
    assert found and found[0][2] == "Vale", found
    assert any("40 people came" in c for c in found[0][3]), found


@pytest.mark.parametrize(
    ("spec", "cue", "source"),
    [
        (LONG_APPOSITION, "said", "Miller"),
        (CO_HOST, "mused", "Stu Vale"),
        (SAID_THE_WOMAN, "said", "the woman"),
    ],
)
def test_a_quotation_before_its_inverted_or_long_speaker(spec, cue, source):  # type: ignore[no-untyped-def]
    found = [a for a in _one(parsed(spec)) if a[1] == cue]
    assert found and source in (found[0][2] or ""), found
    assert any(("won" in c or "How" in c) for c in found[0][3]), found


def test_passive_without_agent_has_no_source():  # type: ignore[no-untyped-def]
    assert [a[2] for a in _one(parsed(PASSIVE))] == [None]


def test_cue_inside_quotation_marks_is_not_a_cue():  # type: ignore[no-untyped-def]
    cues = [a[1] for a in _one(parsed(TOLD))]
    assert cues == ["told"]


def test_recipient_is_the_via_and_not_content():  # type: ignore[no-untyped-def]
    doc = parsed(TOLD)
    (a,) = find_attributions(doc, CUES)
    assert a.via is not None and doc[a.via[0] : a.via[1]].text == "reporters"
    assert all("reporters" not in doc.text[s:e] for s, e in a.content)


def test_component_writes_and_reads_doc_spans():  # type: ignore[no-untyped-def]
    doc = Attributions(CUES)(parsed(SAID_THAT))
    assert {"np_source", "np_cue", "np_content", "np_via"} <= set(doc.spans)
    assert [s.text for s in doc.spans["np_source"]] == ["The ministry"]
    assert attributions(doc) == find_attributions(doc, CUES)


FRAMED = (
    "In|ADP|prep|7|in a|DET|det|3|a county|NOUN|compound|3|county survey|NOUN|pobj|0|survey "
    ",|PUNCT|punct|7|, 30|NUM|nummod|6|30 farms|NOUN|nsubj|7|farm lacked|VERB|ROOT|7|lack "
    "water|NOUN|dobj|7|water .|PUNCT|punct|7|."
)
SAID_IN = (
    "The|DET|det|1|the mayor|NOUN|nsubj|2|mayor said|VERB|ROOT|2|say in|ADP|prep|2|in "
    "a|DET|det|5|a report|NOUN|pobj|3|report that|SCONJ|mark|9|that 30|NUM|nummod|8|30 "
    "farms|NOUN|nsubj|9|farm failed|VERB|ccomp|2|fail .|PUNCT|punct|2|."
)
COUNTED_SAID = (
    "In|ADP|prep|8|in a|DET|det|2|a survey|NOUN|pobj|0|survey ,|PUNCT|punct|8|, "
    "38|NUM|nummod|5|38 percent|NOUN|nsubj|8|percent of|ADP|prep|5|of farmers|NOUN|pobj|6|farmer "
    "said|VERB|ROOT|8|say rain|NOUN|nsubj|10|rain failed|VERB|ccomp|8|fail .|PUNCT|punct|8|."
)
IN_INTERVIEW = (
    "In|ADP|prep|5|in an|DET|det|2|an interview|NOUN|pobj|0|interview ,|PUNCT|punct|5|, "
    "farmers|NOUN|nsubj|5|farmer complained|VERB|ROOT|5|complain .|PUNCT|punct|5|."
)


@pytest.mark.parametrize(
    ("spec", "frames"),
    [
        (FRAMED, [("In", "a county survey", "30 farms lacked water")]),  # the survey says so
        (SAID_IN, []),  # the verb names its source: the mayor, not the report
        (COUNTED_SAID, [("In", "a survey", "38 percent")]),  # who said it was counted
        (IN_INTERVIEW, []),  # an act of speaking is not a document that speaks
        (IN_AVERAGE, [("In", "the PollTrackr average", "Vale leads by 4 points")]),
        (BY_AVERAGE, []),  # a quantity, not a document
    ],
)
def test_framing_documents(spec, frames):  # type: ignore[no-untyped-def]
    got = [(cue, src, content) for kind, cue, src, content in _one(parsed(spec)) if kind == "frame"]
    assert [(cue, src) for cue, src, _ in got] == [(c, s) for c, s, _ in frames]
    for (_, _, content), (_, _, has) in zip(got, frames, strict=True):
        assert any(has in c for c in content), content


def test_no_cue_no_attribution():  # type: ignore[no-untyped-def]
    spec = (
        "Twelve|NUM|nummod|1|twelve homes|NOUN|nsubj|2|home burned|VERB|ROOT|2|burn "
        ".|PUNCT|punct|2|."
    )
    assert _one(parsed(spec)) == []


# --- rules over paragraphs and quotation runs (the trained parse, texts of our own) -------

PARAGRAPH_CASES = [
    # dash credit: the name after the dash
    (
        "Voices from the shelter.\n\n“The river rose faster than anyone expected.” ― Lena Brook\n",
        "The river rose",
        "Lena Brook",
    ),
    # ... or on the line after the quotation, the name alone on it
    (
        "Voices from the shelter.\n\n“The river rose faster than anyone expected.”\n— Lena Brook\n",
        "The river rose",
        "Lena Brook",
    ),
    # transcript label opening a paragraph
    (
        "Transcript of the briefing.\n\nMAYOR: We will rebuild every bridge within two years.\n",
        "We will rebuild",
        "MAYOR",
    ),
    # ... or a person's name as the model tags it, or a word of a person's name
    (
        "Panel.\n\nGreta Lindqvist chaired the panel.\n\nOmar Haddad: Rents rose 9 percent "
        "this year.\n",
        "Rents rose",
        "Omar Haddad",
    ),
    (
        "Panel.\n\nGreta Lindqvist chaired the panel.\n\nLindqvist: Nobody here pays less "
        "than 900 euros.\n",
        "Nobody here pays",
        "Lindqvist",
    ),
    # carry-over: an unclaimed quotation continues the last attribution of its paragraph
    (
        "Notes from the ward.\n\n“We were twelve in one room,” the nurse said. “Nobody slept.”\n",
        "Nobody slept",
        "the nurse",
    ),
    # ... through a run of quoted paragraphs
    (
        "Depot.\n\n“We will rebuild the line,” Dana Whitfield said.\n\n“It will take a "
        "year.”\n\n“And it will cost a great deal.”\n",
        "cost a great deal",
        "Dana Whitfield",
    ),
    # ... and a paragraph of quotation continues in the name of whom the paragraph
    # before it (attributing nothing) has as its last sentence's subject
    (
        "Depot.\n\n“We will rebuild the line,” Dana Whitfield said.\n\n"
        "Whitfield continued her sharp remarks.\n\n“Nobody in the capital rides this train.”\n",
        "Nobody in the capital",
        "Whitfield",
    ),
    (
        "Delays.\n\nThe Transit Board issued a statement apologizing to riders.\n\n"
        "“On behalf of the board, we apologise to every rider who was stranded.”\n",
        "On behalf of the board",
        "The Transit Board",
    ),
    # ... as does the next quotation of that paragraph
    (
        "Depot.\n\nWhitfield continued her sharp remarks.\n\n“Nobody rides this train,” "
        "Whitfield from her desk. “We need a new board.”\n",
        "We need a new board",
        "Whitfield",
    ),
    # a quotation a dash introduces: the subject of the clause before the dash
    (
        "Fares.\n\nWhitfield also embraced the new ticket machines -- “I think these machines "
        "are a gift compared to what we had.”\n",
        "I think these machines",
        "Whitfield",
    ),
    # a quotation describing a noun in a relative clause: the words of the clause's subject
    (
        "Drought.\n\nAnn Lee opened with a lament for the farmers who are “victims of every "
        "drought” by absentee owners who are “greedy, greedy, greedy men.”\n",
        "greedy, greedy",
        "Ann Lee",
    ),
    # colon introduction with no cue of its own: the sentence's subject
    (
        "A statement.\n\nThe union issued the following statement:\n\n"
        "“We reject the offer of 3 percent.”\n",
        "We reject the offer",
        "The union",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "content", "source"), PARAGRAPH_CASES)
def test_paragraph_rules(pipeline, text, content, source):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    found = [
        doc[a.source[0] : a.source[1]].text if a.source else None
        for a in attributions(doc)
        if any(content in doc.text[s:e] for s, e in a.content)
    ]
    assert source in found, [(a.kind, a.source, a.content) for a in attributions(doc)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rents.\n\nNote: Rents rose 9 percent this year in the city.\n",
        "Rents.\n\nGreta Lindqvist chaired the panel.\n\nUpdate: Rents rose 9 percent.\n",
        # a word of no person's name in the article
        "Rents.\n\nGreta Lindqvist chaired the panel.\n\nHousing: Rents rose 9 percent.\n",
        # a place in capitals before a colon is a dateline
        "Quake kills dozens\nCHILE: At least 40 people died when the quake struck on Monday.\n",
    ],
)
def test_a_label_that_names_no_person_is_no_transcript(pipeline, text):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    assert not [a for a in attributions(doc) if a.kind == "transcript"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a dash opening the next line is a bullet: a list of headlines after the article
        "Floods.\n\n“Nobody slept that night.”\n- The Rise of Rents and the End of the Boom\n"
        "- Five Ways to Save on Heating\n",
        "Floods.\n\n“Nobody slept that night.”\n\n– The Rise of Rents in Four Charts\n",
    ],
)
def test_a_bullet_after_a_quotation_credits_nobody(pipeline, text):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    assert not [a for a in attributions(doc) if a.kind == "dash"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Headline here.\n\n“Nobody slept that night.”\n\nThe river fell on Monday.\n",
        # the paragraph before has nobody as its subject
        "Floods.\n\nThe river fell on Monday.\n\n“Nobody slept that night.”\n",
        # ... or has a person only as what was done to: a passive subject
        "Floods.\n\nDana Whitfield was hurt in the flood.\n\n“Nobody slept that night.”\n",
    ],
)
def test_quote_with_no_cue_and_nobody_before_stays_unattributed(pipeline, text):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    assert not [
        a for a in attributions(doc) if any("Nobody slept" in doc.text[s:e] for s, e in a.content)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Taxes.\n\nMrs. Amberly's plan would cap deductions at 28 percent.\n",
            "28 percent",
            "Mrs. Amberly",
        ),
        (
            "Taxes.\n\nUnder the governor's proposal, fees would rise by 4 percent.\n",
            "4 percent",
            None,
        ),  # no named owner: "the governor" is a description, not a name
        (
            "Mail.\n\nUnder Mr. Dorsey's plan, fees would rise by 4 percent.\n",
            "4 percent",
            "Mr. Dorsey",
        ),
        (
            "Mail.\n\nAuditors found 900 emails in Mr. Dorsey's private account.\n",
            "900 emails",
            None,
        ),  # the account holds the emails: it frames no clause
    ],
)
def test_owned_documents(pipeline, text, content, source):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    found = [
        doc[a.source[0] : a.source[1]].text if a.source else None
        for a in attributions(doc)
        if a.kind == "document" and any(content in doc.text[s:e] for s, e in a.content)
    ]
    assert found == ([source] if source else [])


@pytest.mark.model
def test_a_quotation_ending_the_sentence_before_is_not_a_deeper_cues(pipeline):  # type: ignore[no-untyped-def]
    doc = pipeline(
        "Debate.\n\nAnn Lee dispensed with the flood threat in two sentences before abruptly "
        "pivoting to the dangers of a ''rigged budget.'' Tom Alder struggled to answer a "
        "simple question on Sunday about how he would pay for the dams.\n"
    )
    sources = [
        doc[a.source[0] : a.source[1]].text
        for a in attributions(doc)
        if a.source and any("rigged" in doc.text[s:e] for s, e in a.content)
    ]
    assert "Tom Alder" not in sources


def test_a_modifier_with_its_own_determiner_is_no_cue():  # type: ignore[no-untyped-def]
    assert not [a for a in _one(parsed(REPORTED_FIGURES)) if a[1] == "reported"]


# '“We won!” the nominee, Tom Alder, tweeted Sunday.' with the closing mark ending the
# first sentence and the cue hung on the second's root, the nominee
TWEETED_AFTER = (
    "“|PUNCT|punct|2 We|PRON|nsubj|2 won|VERB|ROOT|2 !|PUNCT|punct|2 ”|PUNCT|punct|2 "
    "the|DET|det|6 nominee|NOUN|ROOT|6 ,|PUNCT|punct|6 Tom|PROPN|compound|9 "
    "Alder|PROPN|appos|6 ,|PUNCT|punct|6 tweeted|VERB|acl|6|tweet Sunday|PROPN|npadvmod|11 "
    ".|PUNCT|punct|6"
)


def test_a_quotation_ending_the_sentence_before_goes_to_the_cue_hung_on_its_speaker():  # type: ignore[no-untyped-def]
    found = [a for a in _one(parsed(TWEETED_AFTER)) if a[1] == "tweeted"]
    assert found and any("We won" in c for c in found[0][3]), _one(parsed(TWEETED_AFTER))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a cue's participle after the count it reports, with who by
        (
            "Costs.\n\nThe loss came in below the $100 billion estimated by the Pacific Risk "
            "Institute.\n",
            "the Pacific Risk Institute",
        ),
        # a phrase with no count reports nothing ("a memo released by X")
        ("Audit.\n\nA memo released Friday by the Harbor Authority found faults.\n", None),
    ],
)
def test_a_participle_with_its_agent_reports_the_count_before_it(pipeline, text, source):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    found = [
        doc[a.source[0] : a.source[1]].text
        for a in attributions(doc)
        if a.source and doc[a.cue[0]].dep_ == "acl"
    ]
    assert found == ([source] if source else []), found
