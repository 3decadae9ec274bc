"""The concern rules: phrase patterns for each category in THEMES.md.

Patterns are regular expressions over the normal text of tokens.py (lower case, one
space between tokens, "didn't" as "did not", "mum's" as "mums"), so they need not
repeat every spelling. Each Rule fires when all its patterns match; the first is the
trigger, reported as the words that fired. Most rules need a person doing something to
someone ("hits me", "made me touch"), which is what keeps a staff comment about a
neglect course or an idiom from firing; rules of kind "topic" fire on a subject alone
("self harming") and are switched off in text about training.

This module holds physical, domestic and sexual abuse and neglect; concern_risk.py
emotional abuse and the risks a child runs (self-harm, exploitation, bullying, going
missing, asking for help); concern_fallback.py the last-resort tier and the other
languages; concern_vocab.py the Rule type and shared vocabulary.
"""

from __future__ import annotations

from .concern_fallback import FALLBACK_RULES, MULTILINGUAL
from .concern_risk import RISK_RULES
from .concern_vocab import (
    ADULT_VICTIM,
    BODY,
    BODY_WORDS,
    BULLYING,
    CATEGORIES,
    CHILD_VICTIM,
    DOMESTIC,
    FAMILY,
    HIT,
    NEGLECT,
    PARTNER,
    PHYSICAL,
    SCHOOL_PEERS,
    SEND_PICS,
    SEXUAL,
    SPORT,
    TRAINING,
    Rule,
    gap,
)

__all__ = ["CATEGORIES", "MULTILINGUAL", "RULES", "TRAINING", "Rule"]

# fmt: off
# The word lists and patterns below are laid out by hand, several to a line, so a reviewer
# reads a category at a glance; one item per line would make this file three times longer.
#: Harm by people around the child: physical, domestic, sexual, neglect.
ABUSE_RULES: tuple[Rule, ...] = (
    # --- physical abuse --------------------------------------------------------------
    Rule(PHYSICAL, 2, (rf"{HIT} {CHILD_VICTIM}",), exclude=SPORT,
         reassign=((PARTNER, DOMESTIC), (SCHOOL_PEERS, BULLYING))),
    Rule(PHYSICAL, 2, (rf"(?:got|get|gets|getting|been|was|were|being|am|is) {HIT} "
                       rf"{gap(3)}by (?:my |his |her |mums |dads |the )?{FAMILY}",)),
    Rule(PHYSICAL, 1, (r"(?:i|we) (?:got|get|get|keep getting|always get) "
                       r"(?:hit|beaten|beat up|slapped|punched|kicked|smacked|battered)",),
         exclude=SPORT),
    Rule(PHYSICAL, 2, (r"(?:bruise|bruises|bruised|bruising|black eye|welts|belt marks|"
                       r"burn marks|cigarette burns|marks on my|marks on his|marks on her|"
                       r"the marks)",),
         exclude=SPORT + r"|\b(?:exam|good|full|top|high|low|question|test) marks\b"),
    Rule(PHYSICAL, 2, (rf"{FAMILY} {gap(2)}{HIT} (?:him|her|them)",),
         exclude=SPORT, reassign=((PARTNER, DOMESTIC), (
             r"\b(?:mums (?:boyfriend|partner|husband|bf)|(?:step )?dad|daddy|father|"
             r"stepfather) (?:\S+ ){0,2}(?:hits|beats|slaps|punches|kicks|hurts|smacks|"
             r"batters) her\b", DOMESTIC))),
    Rule(PHYSICAL, 2, (r"(?:was|been|were|being|got|get|gets) (?:physically )?(?:abused|"
                       r"assaulted|attacked)",), kind="topic",
         reassign=((r"\bsexual", SEXUAL),)),
    Rule(PHYSICAL, 2, (r"(?:grabs|grabbed|drags|dragged|pulls|pulled) (?:me|us|him|her) "
                       r"by (?:the|my|his|her) (?:hair|neck|throat|arm|ear)",)),
    Rule(PHYSICAL, 2, (rf"(?:{FAMILY}|he|she|they) (?:\S+ ){{0,2}}{HIT} my {BODY}",),
         exclude=SPORT),
    Rule(PHYSICAL, 2, (rf"{HIT} me (?:\S+ )?(?:against|into|across|down|on) (?:the )?"
                       r"(?:wall|floor|door|stairs|face|bed|ground|table)",), exclude=SPORT),
    Rule(PHYSICAL, 2, (r"(?:would not|will not|did not|not) let go",
                       rf"\b(?:{BODY_WORDS}|grabbed|grabs|holds|held|pinned)\b")),
    Rule(PHYSICAL, 2, (r"(?:pulls|pulled|pull|pulling|yanks|yanked|drags|dragged|twists|"
                       r"twisted) (?:me by )?my (?:hair|ear|ears|arm|arms|wrist)",)),
    Rule(PHYSICAL, 2, (r"(?:told|tell|tells|say|says|said|made me say|make me say) (?:\S+ ){0,3}"
                       r"(?:i|that i) (?:fell|fell over|walked into|tripped|slipped)",)),
    Rule(PHYSICAL, 2, (rf"(?:{FAMILY}|he|she|they) (?:\S+ )?(?:broke|broken|fractured|"
                       r"snapped|burnt|burned) my",), exclude=r"\b(?:heart|phone|toy|xbox|"
                       r"ps4|console|screen|promise|trust)\b"),
    # --- domestic abuse --------------------------------------------------------------
    Rule(DOMESTIC, 2, (rf"{HIT} {ADULT_VICTIM}",), exclude=SPORT),
    Rule(DOMESTIC, 3, (r"(?:threaten|threatens|threatened|threatening) to (?:kill|hurt|"
                       r"take the kids|take my kids|take the children|stab|burn)",)),
    Rule(DOMESTIC, 3, (r"(?:said|says|told me) (?:he|she|they) (?:will|would|is going to|"
                       r"was going to) (?:kill|hurt|stab) (?:me|us|my mum|mum|her)",)),
    Rule(DOMESTIC, 2, (r"(?:not let me|does not let me|will not let me|never lets me|"
                       r"check my phone|checks my phone|takes my money|took my money|"
                       r"controls me|controls everything|locks me in)",
                       PARTNER + r"|\bhe\b")),
    Rule(DOMESTIC, 2, (r"(?:his|her|exs|ex|partners|husbands|dads|the) (?:violence|abuse)",
                       r"\b(?:me|my|i|we|us|mum)\b"), kind="topic"),
    Rule(DOMESTIC, 2, (r"(?:fight|fighting|fights|arguing|screaming|shouting)",
                       r"\b(?:banging|smash|smashed|smashing|thuds?|crashing|screaming|"
                       r"hitting|punching|throwing)\b",
                       r"\b(?:next door|upstairs|downstairs|mum and dad|my parents|couple|"
                       r"neighbours?|at home|in the house|baby|kids|children)\b")),
    Rule(DOMESTIC, 2, (r"(?:parents|mum and dad|dad and mum|they|mum and \w+) (?:\S+ )?"
                       r"(?:fight|fighting|fights|argue|arguing|scream|screaming)",
                       r"\b(?:scared|frightened|terrified|hits|punches|punched|smash\w*|"
                       r"throws|threw|police|blood|hide|hiding|crying|the wall)\b")),
    Rule(DOMESTIC, 2, (r"(?:screaming|screamed|crying|shouting|fighting)",
                       r"\b(?:blood|bleeding|ambulance|police came|smashed)\b")),
    Rule(DOMESTIC, 2, (r"(?:hide|hiding|hid|hides) (?:in|under|behind) (?:the |my |our )?"
                       r"(?:wardrobe|bed|room|cupboard|bathroom|closet|bedroom|sofa)",
                       r"\b(?:angry|anger|shout|shouts|shouting|fight|fights|fighting|drunk|"
                       r"hits|hitting|scream|screams|screaming|cries|crying|temper|"
                       r"kicks off|rage|scared|hurts)\b"),
         exclude=r"\bhide and seek\b"),
    # --- sexual abuse ----------------------------------------------------------------
    Rule(SEXUAL, 2, (r"(?:touch|touches|touching|touched|feels|fiddles|fiddled|rubs|"
                     r"rubbed|grope|groped|groping|gropes) (?:me|my (?:private|privates|bum|"
                     r"bottom|boobs|chest|willy|body|bits|front|legs?|vagina|penis|"
                     r"private parts|down there))",),
         exclude=r"\b(?:it|that|this|which|story|speech|words) (?:really )?touched me\b"),
    Rule(SEXUAL, 2, (r"(?:made|makes|make|making|forced|forces|force|asks|asked|asking|"
                     r"wants|wanted|tells|told|gets|got|keeps asking) (?:me|her|him|us) "
                     r"(?:to )?(?:touch|suck|lick|undress|strip|get undressed|take (?:my|"
                     r"her|his|off) (?:clothes|top|pants)|watch (?:porn|videos|rude)|do "
                     r"(?:sexual|rude|dirty|sex) (?:things|stuff)|have sex|sit on his lap|"
                     r"send (?:him |her )?(?:nudes|pics|pictures|photos))",)),
    Rule(SEXUAL, 2, (r"(?:forced|forces|force|pressured|pressures|pressurised) (?:me|her|him) "
                     r"(?:to|into) (?:do|doing) (?:stuff|things|it|something)",)),
    Rule(SEXUAL, 2, (r"(?:does|did|do|doing|done) (?:things|stuff|bad things|rude things|"
                     r"sexual things|sexual stuff) to (?:me|her|him|us)",)),
    Rule(SEXUAL, 2, (r"(?:sexual|sexy|rude|dirty) (?:stuff|things|pictures|pics|photos|"
                     r"messages|videos|games)",), kind="topic"),
    Rule(SEXUAL, 2, (r"(?:watches|watched|watching|films|filmed|filming|photographs|(?:takes|"
                     r"take|took|taking) (?:pictures|photos|pics|videos) of) me "
                     r"(?:\S+ ){0,4}(?:shower|bath|getting "
                     r"changed|getting dressed|undress\w*|in bed|sleeping)",)),
    Rule(SEXUAL, 2, (r"(?:gave|gives|give|pays|paid|bought|buys) me (?:\S+ ){0,3}(?:not to "
                     r"tell|to keep quiet|to keep it (?:a )?secret|so i (?:do not|will not|would "
                     r"not) tell)",)),
    Rule(SEXUAL, 2, (r"secret (?:tickles|tickling|games|cuddles|touching|touches|kisses|"
                     r"hugs)",)),
    Rule(SEXUAL, 2, (r"(?:nudes|a nude|nude|naked|no clothes|undressed|topless|sexy|"
                     r"in my underwear|private (?:pics|pictures|photos))",
                     r"\b(?:send|sending|sent|share|shared|sharing|post|posted|posting|"
                     r"keeps|asking|asks|wants|spread|round|around|pictures|pics|photos)\b"),
         also=((r"\b(?:year group|whole school|round the|around the|everyone|group "
                r"chat|my ex)\b", BULLYING),)),
    Rule(SEXUAL, 3, (SEND_PICS, r"\b(?:if i (?:do not|stop|will not)|or (?:he|she|they) "
                     r"(?:will|would)|(?:he|she|they) will (?:send|post|share|show)|hell "
                     r"(?:send|post|share|show)|shell (?:send|post|share))\b")),
    Rule(SEXUAL, 2, (r"(?:raped|rape me|rapes me|raping|molested|molesting|sexually "
                     r"(?:abused|abusing|assaulted|touched)|abused me|assaulted me|"
                     r"flashed (?:at )?(?:me|us)|"
                     r"exposed (?:himself|herself))",), kind="topic"),
    Rule(SEXUAL, 1, (r"(?:comes|came|walks|walked|barges|barged) in(?:to)? (?:the )?"
                     r"(?:bathroom|shower|toilet) when (?:i|we)",)),
    Rule(SEXUAL, 1, (r"(?:do not|did not) like the way (?:\S+ ){1,4}(?:looks at|touches|"
                     r"talks to|hugs|kisses|stares at) me",)),
    Rule(SEXUAL, 1, (r"(?:comes|came|gets|got|creeps|crept|climbs|climbed) in(?:to)? (?:my|"
                     r"her) bed",)),
    Rule(SEXUAL, 2, (r"(?:was|were|been|got|get|gets|being|am) (?:\S+ )?touched (?:by|up|"
                     r"inappropriately|in)",), exclude=r"\b(?:it|that|this|story|speech|"
                                                       r"kindness|words)\b"),
    Rule(SEXUAL, 2, (r"(?:was|were|got|am|been|get|being) (?:made|forced|pressured|"
                     r"pressurised) to (?:send|touch|do|watch|undress|strip|kiss)",),
         also=((r"\b(?:online|snapchat|snap|instagram|tiktok|a man|older|messages)\b",
                "exploitation"),)),
    Rule(SEXUAL, 1, (r"(?:comes|came|gets|got|creeps|crept) in(?:to)? (?:my|our|her) "
                     r"(?:room|bed)",
                     r"\b(?:night|touch|secret|do not tell|uncle|step dad|boyfriend)\b")),
    Rule(SEXUAL, 2, (r"(?:shows|showed|show|sends|sent) (?:me|us) (?:(?:pictures|pics|"
                     r"photos|videos|images) (?:of )?)?(?:his |her )?(?:porn|naked|rude|"
                     r"dirty|willy|penis|privates|private parts)",)),
    Rule(SEXUAL, 1, (r"(?:makes|made|forces|forced|make) me (?:to )?do (?:things|stuff) "
                     r"(?:i do not|i did not|i never)",)),
    Rule(SEXUAL, 2, (rf"{FAMILY} {gap(2)}(?:touching|touched|touches) (?:her|him) "
                     r"(?:private|privates|in|on|down|under)",)),
    # --- neglect ---------------------------------------------------------------------
    Rule(NEGLECT, 2, (r"(?:no|not any|not enough|never any|nothing to|never enough|"
                      r"barely any|not got any) (?:food|dinner|tea|breakfast|lunch|meals?|"
                      r"anything to eat)",),
         exclude=r"\b(?:events?|clubs?|meetings?|sessions?|party|canteen|menu|options|"
                 r"vegetarian|halal|choice|ward|hospital|appointment|visit|allowed)\b"),
    Rule(NEGLECT, 2, (r"(?:hungry|starving|starved)",
                      r"\b(?:at home|in the house|every day|all the time|most days|always|"
                      r"sometimes|no food|no dinner|nothing to eat|at night|when i get home|"
                      r"because|there is no|only at school|most nights)\b"),
         exclude=r"\b(?:lol|haha|lmao|pizza|snack|snacks|can we have|biscuits|sweets|"
                 r"crisps)\b"),
    Rule(NEGLECT, 2, (r"(?:forgets?|forgot|forgetting) (?:to feed (?:me|us)|about (?:me|us)|"
                      r"to pick (?:me|us) up)|(?:does not|do not|never|did not|has not|"
                      r"have not|had not) (?:feed|feeds|fed) "
                      r"(?:me|us)|(?:do not|did not|never) (?:have|had|get|got) (?:any |"
                      r"enough )?(?:food|dinner|breakfast|tea|meals?)",)),
    Rule(NEGLECT, 2, (r"(?:has not|have not|had not|not|never) (?:had|eaten|ate|got) (?:any |"
                      r"enough )?(?:food|anything to eat|dinner|a meal|a proper meal|breakfast)",)),
    Rule(NEGLECT, 1, (r"(?:have not|has not|had not|not|never) eaten (?:properly|anything|much)? ?"
                      r"(?:in|for) (?:days|ages|a day|two days|\d+ days)",)),
    Rule(NEGLECT, 1, (r"(?:no one|nobody|no adult|no grown up) (?:\S+ ){0,2}(?:to )?(?:look "
                      r"after|looks after|looking after|care for|cares for|caring for|feed|"
                      r"feeds|feeding) (?:me|us)",)),
    Rule(NEGLECT, 1, (r"forgets? (?:i exist|we exist|about (?:me|us))|ignores (?:me|us) (?:when|"
                      r"for|all)",)),
    Rule(NEGLECT, 1, (r"(?:have to|has to|had to|got to|i) (?:look after|care for|feed|mind|"
                      r"bath|put) (?:my|our) (?:baby |little |younger )?(?:brother|sister|"
                      r"brothers|sisters|siblings|mum|dad|mother|father)",
                      r"\b(?:every night|every day|all night|on my own|by myself|because|"
                      r"mum goes out|drinks|drunk|ill|no one|nobody|school|instead)\b")),
    Rule(NEGLECT, 2, (rf"(?:{FAMILY}|she|he|they|parents) (?:has not|have not|had not) been "
                      r"(?:back )?home",)),
    Rule(NEGLECT, 1, (rf"(?:{FAMILY}|she|he|parents) (?:is |are |was |gets |got )?(?:always |"
                      r"often |usually )?(?:passed out|out of it|off (?:her|his|their) face|"
                      r"wasted|stoned|high)",)),
    Rule(NEGLECT, 1, (r"(?:no|never have|never any|not got|without|never have any) clean "
                      r"clothes|(?:say|says|said) (?:i|we) (?:smell|stink)|nits all the time",)),
    Rule(NEGLECT, 1, (r"keeps? (?:me|us) (?:off|home from|out of) school",)),
    Rule(NEGLECT, 1, (r"(?:mould|mold|damp|rats|mice|cockroaches|bed bugs|bedbugs|fleas)",
                      r"\b(?:house|home|flat|room|bedroom|everywhere|ill|sick|walls?)\b"),
         exclude=TRAINING),
    Rule(NEGLECT, 2, (r"(?:nowhere|no where|no place|not got anywhere|do not have anywhere|"
                      r"have not got anywhere|have not got nowhere) to (?:sleep|stay|live|go)",)),
    Rule(NEGLECT, 1, (r"nothing (?:to eat )?in the (?:cupboards?|fridge|house)|(?:cupboards?|"
                      r"fridge) (?:is|are) (?:always )?empty",)),
    Rule(NEGLECT, 1, (r"(?:electric|electricity|gas|heating|water) (?:is|was|got|has been|"
                      r"keeps getting) (?:off|cut off)",)),
    Rule(NEGLECT, 2, (r"(?:is|are|was|were|get|gets|got|been|being) left (?:\S+ ){0,2}"
                      r"(?:alone|on (?:my|our|their|his|her) own|home alone|by (?:myself|"
                      r"ourselves|themselves|herself|himself))",)),
    Rule(NEGLECT, 1, (rf"(?:{FAMILY}|she|he|parents) (?:\S+ ){{0,2}}(?:takes|taking|does|"
                      r"doing|is on|smokes|smoking|uses|using) (?:drugs|crack|heroin|coke|"
                      r"cocaine|spice)",)),
    Rule(NEGLECT, 2, (r"(?:going|goes|went|looking|look|searching|eating|eat) "
                      r"(?:through|in|from|out of) (?:the )?bins",)),
    Rule(NEGLECT, 2, (r"(?:sleeping|sleep|sleeps|slept|living|lives|live|stay|staying) "
                      r"(?:in (?:a|the|his|her|our|their) (?:car|van|tent|park|shed)|rough|"
                      r"on the streets?|in a doorway)",),
         exclude=r"\b(?:camping|trip|holiday|sleepover|festival|residential|scouts)\b"),
    Rule(NEGLECT, 2, (r"(?:left|leaves|leave|leaving) (?:me|us|them|him|her|the kids|the "
                      r"children|my \w+)(?: \S+){0,4} (?:alone|on (?:my|our|their|his|her) "
                      r"own|home alone|by (?:myself|ourselves|themselves))",),
         exclude=r"\b(?:just|please|to|would|should|wish they would) leave me alone\b"),
    Rule(NEGLECT, 2, (r"(?:nobody|no one|no adult|no adults|no grown ups?|nobody else) "
                      r"(?:is |was |is ever |are )?(?:at )?home(?! (?:knows|knew|know|cares|"
                      r"noticed|notices|listens|believes|believed|understands|tells|told|"
                      r"asked|asks))",)),
    Rule(NEGLECT, 2, (rf"(?:{FAMILY}|she|he|they|parents) (?:does not|do not|did not|never|"
                      r"hardly ever|does not even) (?:come|comes|came) (?:back )?home",)),
    Rule(NEGLECT, 1, (r"(?:no|not any|there is no|we have no|got no|without|never any|never "
                      r"have any|never have) (?:gas|"
                      r"electric|electricity|heating|hot water|lights|beds?|clean clothes)",),
         exclude=TRAINING + r"|\b(?:office|building|centre|hall|ward|venue)\b"),
    Rule(NEGLECT, 1, (rf"(?:{FAMILY}|she|he|parents) (?:is |are )?(?:sleeps?|sleeping|"
                      r"stays? in bed|in bed|drunk|drinking|high|passed out|asleep) all "
                      r"(?:day|the time|weekend)",)),
    Rule(NEGLECT, 1, (r"(?:make|makes|made|cook|cooks|get|gets) (?:my|our) own (?:tea|"
                      r"dinner|food|breakfast|lunch|meals?)",)),
    Rule(NEGLECT, 1, (r"(?:out|outside|on the streets?) (?:till|until|after|past) "
                      r"(?:midnight|\d+ ?(?:am)?|really late)",
                      r"\b(?:little|kids|children|years? old|\d+ year|baby|toddler)\b")),
    Rule(NEGLECT, 1, (r"home alone",), exclude=r"\b(?:film|movie|watched)\b"),
)

#: Every English rule, in THEMES.md category order.
RULES: tuple[Rule, ...] = ABUSE_RULES + RISK_RULES + FALLBACK_RULES
