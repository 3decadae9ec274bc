"""The concern rules: phrase patterns for each category in THEMES.md.

Patterns are regular expressions over the normal text of tokens.py (lower case, one
space between tokens, "didn't" as "did not", "mum's" as "mums"), so they need not
repeat every spelling. Each Rule fires when all its patterns match; the first is the
trigger, reported as the words that fired. Most rules need a person doing something to
someone ("hits me", "made me touch"), which is what keeps a staff comment about a
neglect course or an idiom from firing; rules of kind "topic" fire on a subject alone
("self harming") and are switched off in text about training.
"""

from __future__ import annotations

from dataclasses import dataclass


def alt(*parts: str) -> str:
    """A non-capturing alternation of regex parts."""
    return "(?:" + "|".join(parts) + ")"


def gap(n: int) -> str:
    """Up to ``n`` tokens, not crossing the end of a sentence."""
    return rf"(?:[^ .!?;]+ ){{0,{n}}}"


@dataclass(frozen=True)
class Rule:
    """One way a category shows itself in text.

    ``patterns``: all must match (the first is the trigger); ``level``: 1 possible,
    2 likely, 3 urgent; ``exclude``: a pattern that, anywhere in the same sentence as
    the trigger, means a harmless reading (football, an accident); ``kind``: "personal"
    or "topic" (off in text about training); ``alone``: counts only when no other rule
    fired; ``reassign``: (pattern, category) pairs that move the match to another
    category when the pattern is found in the text.
    """

    category: str
    level: int
    patterns: tuple[str, ...]
    exclude: str | None = None
    kind: str = "personal"
    alone: bool = False
    reassign: tuple[tuple[str, str], ...] = ()
    also: tuple[tuple[str, str], ...] = ()


FAMILY = alt("step dad", "step mum", "stepfather", "stepmother", "step father",
             "step mother", "dad", "daddy", "father", "mum", "mummy", "mother",
             r"mums \w+", r"dads \w+", "uncle", "aunt", "auntie", "aunty", "nan", "nana",
             "nanny", "gran", "grandad", "granddad", "grandma", "grandpa", "brother",
             "sister", "cousin", "carer", "foster carer", "boyfriend", "girlfriend",
             "husband", "partner", "ex", "coach", "teacher", "babysitter")
HIT = alt("hit", "hits", "hitting", "hitted", "beat", "beats", "beating", "beaten",
          "beat up", "slap", "slaps", "slapped", "slapping", "punch", "punches", "punched",
          "punching", "kick", "kicks", "kicked", "kicking", "smack", "smacks", "smacked",
          "smacking", "hurt", "hurts", "hurting", "choke", "chokes", "choked", "choking",
          "strangle", "strangles", "strangled", "grab", "grabs", "grabbed", "push",
          "pushes", "pushed", "shove", "shoves", "shoved", "burn", "burns", "burnt",
          "burned", "whip", "whips", "whipped", "thump", "thumps", "thumped", "batter",
          "batters", "battered", "bash", "bashes", "bashed", "bite", "bites", "pinch",
          "pinches", "pinched", "throttle", "throttles", "stab", "stabbed", "drag",
          "drags", "dragged", "headbutt", "headbutts", "headbutted", "belt", "belts",
          "belted", "attack", "attacks", "attacked", "batters", "lashes out at")
CHILD_VICTIM = alt("me", "us", r"my (?:little |baby |younger |big |older )?"
                   r"(?:brother|sister|brothers|sisters|sibling|siblings)",
                   r"my (?:son|daughter|child|kids|children|baby|boy|girl)",
                   r"(?:the|that) (?:little )?(?:boy|girl|baby|kid|child)")
ADULT_VICTIM = alt("my mum", "mum", "mummy", "my mummy", "my mother", "mother",
                   "my nan", "nan", "my wife", "wife", "each other")
SPORT = (r"\b(?:football|footy|rugby|boxing|karate|judo|match|training|pe|game|games|"
         r"playing|played|play fighting|messing about|mucking about|tag|dodgeball|"
         r"hockey|netball|cricket|trampoline|trampoleen|bike|scooter|fell|fall|falling|"
         r"tripped|accident|accidentally|by mistake|sport|sports|tackle|wrestling|"
         r"pillow fight|ball|pads|fifa|chess|cards|wheelchair|pram|buggy|swing|trolley|"
         r"as a joke|joking|messing|dentist|injection|injections|jab|vaccine|"
         r"operation|stitches|physio|blood test)\b")
SCHOOL_PEERS = (r"\b(?:at school|in the toilets|in the playground|in class|on the bus|"
                r"after school|in the corridor|year \d+s?|kids at|boys at|girls at|"
                r"people at school|in my class|my class|older kids|bullies|bully)\b")
PARTNER = r"\b(?:husband|wife|my partner|my ex|exs|ex partner|my boyfriend|my girlfriend)\b"
TRAINING = (r"\b(?:training|course|session|module|toolkit|refresher|workshop|e learning|"
            r"elearning|seminar|webinar|conference|briefing|lesson|lessons|pshe|"
            r"learnt about|learned about|learning about|taught us|awareness|policy|"
            r"procedure|procedures|referral route|notifications|dash|practice review|"
            r"case review|cpd|trainer|toolkit|framework|pathway|protocol|a talk|talk on|"
            r"talk about|prevention|dsl|assembly)\b")

PHYSICAL = "physical_abuse"
SEXUAL = "sexual_abuse"
NEGLECT = "neglect"
EMOTIONAL = "emotional_abuse"
DOMESTIC = "domestic_abuse"
SELF_HARM = "self_harm_suicide"
EXPLOITATION = "exploitation"
BULLYING = "bullying_harm"
RUNNING = "running_away"
HELP = "asks_for_help"

#: THEMES.md order, used to list categories.
CATEGORIES = (PHYSICAL, SEXUAL, NEGLECT, EMOTIONAL, DOMESTIC, SELF_HARM, EXPLOITATION,
              BULLYING, RUNNING, HELP)

_X_AGENT = alt(r"older (?:lads|boys|guys|men|man|boy|kids|girls|teenagers|people)",
               r"(?:a|some|this|these|the|two) (?:man|men|guys|lads|adults|strangers?)",
               "adult men", "grown men", "a stranger", "strangers", "someone online",
               r"(?:man|men|guy|someone|person) (?:on|from) (?:roblox|instagram|snapchat|"
               r"snap|tiktok|fortnite|discord|whatsapp|facebook|online|the internet|xbox|"
               r"playstation|minecraft|a game)",
               r"met (?:on|online|in a game)", r"online (?:friend|boyfriend|girlfriend)",
               r"(?:they are|he is|she is|they were|he was) like (?:1[89]|[2-5]\d)",
               r"(?:1[89]|[2-5]\d) (?:year olds?|years old)", r"older (?:boy|girl)")
_X_BENEFIT = alt(r"(?:gives?|gave|giving|buys?|bought|buying|pays?|paid|offers?|offered|"
                 r"offering) (?:me|us|her|him|them|kids|children|girls|boys)",
                 r"£\d+", r"(?:free|new) (?:vapes?|weed|drinks?|alcohol|phones?|clothes|"
                 r"trainers|stuff|things|shoes)", "vapes", "vape", "vodka", "alcohol",
                 "cigarettes", "robux", "v bucks", "vbucks", "gifts", "gift", "presents",
                 "cash", "lifts", "a lift", "sweets", "designer")
_X_ACTIVITY = alt(
    r"drop (?:off )?(?:bags|packages|parcels|stuff|things)",
    r"drop (?:bags|packages|parcels|stuff|things) off",
    r"(?:deliver|delivering|carry|carrying|hold|holding|hide|hiding|move|moving) "
    r"(?:bags|packages|parcels|drugs|stuff|weed|for them|for him)",
    r"(?:selling|sell|sells|dealing|deal) (?:weed|drugs|stuff|coke|crack|for them)",
    "county lines", "trap house", r"(?:owe|owes|owed) (?:him|them|her|money)",
    r"(?:in|into) debt", r"(?:can not|not allowed to) (?:stop|leave|get out)",
    r"(?:asking|asks|asked|wants|wanted) (?:me |her |him )?to meet",
    r"send (?:him |them |her )?(?:pictures|pics|photos|nudes)",
    r"(?:pick|picks|picking|picked) (?:me|us|her|him|them|kids) up", "picked up by",
    r"picked up from school by", r"in (?:their|his) (?:nice |big )?cars?",
    r"in different cars", r"a flat in", r"(?:staying|stays|stayed) out all night",
    r"keeps going missing", r"other towns", r"(?:using|used|use) them",
    r"keep it (?:a )?secret", r"parties with", r"party with",
)
_SEND_PICS = r"(?:send|sending|sent|share|sharing|shared) (?:him |her |them )?" \
             r"(?:pics|pictures|photos|nudes|videos|images)"

RULES: tuple[Rule, ...] = (
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
    Rule(PHYSICAL, 2, (rf"{FAMILY} {gap(2)}(?:hits|beats|slaps|punches|kicks|hurts|"
                       rf"smacks|batters|belts|whips|hit|beat|slapped|punched|kicked|"
                       rf"pushed|shoved|strangled|choked|attacked) (?:him|her|them)",),
         exclude=SPORT, reassign=((PARTNER, DOMESTIC), (
             r"\b(?:mums (?:boyfriend|partner|husband|bf)|(?:step )?dad|daddy|father|"
             r"stepfather) (?:\S+ ){0,2}(?:hits|beats|slaps|punches|kicks|hurts|smacks|"
             r"batters) her\b", DOMESTIC))),
    Rule(PHYSICAL, 2, (r"(?:was|been|were|being|got|get|gets) (?:physically )?(?:abused|"
                       r"assaulted|attacked)",), kind="topic",
         reassign=((r"\bsexual", SEXUAL),)),
    Rule(PHYSICAL, 2, (r"(?:grabs|grabbed|drags|dragged|pulls|pulled) (?:me|us|him|her) "
                       r"by (?:the|my|his|her) (?:hair|neck|throat|arm|ear)",)),
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
    Rule(SEXUAL, 2, (r"secret (?:tickles|tickling|games|cuddles|touching|touches|kisses|"
                     r"hugs)",)),
    Rule(SEXUAL, 2, (r"(?:nudes|a nude|nude|naked|no clothes|undressed|topless|sexy|"
                     r"in my underwear|private (?:pics|pictures|photos))",
                     r"\b(?:send|sending|sent|share|shared|sharing|post|posted|posting|"
                     r"keeps|asking|asks|wants|spread|round|around|pictures|pics|photos)\b"),
         also=((r"\b(?:year group|whole school|round the|around the|everyone|group "
                r"chat|my ex)\b", BULLYING),)),
    Rule(SEXUAL, 3, (_SEND_PICS, r"\b(?:if i (?:do not|stop|will not)|or (?:he|she|they) "
                     r"(?:will|would)|(?:he|she|they) will (?:send|post|share|show)|hell "
                     r"(?:send|post|share|show)|shell (?:send|post|share))\b")),
    Rule(SEXUAL, 2, (r"(?:raped|rape me|raping|molested|molesting|sexually (?:abused|abusing|"
                     r"assaulted|touched)|abused me|assaulted me|flashed (?:at )?(?:me|us)|"
                     r"exposed (?:himself|herself))",), kind="topic"),
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
         exclude=r"\b(?:event|club|meeting|session|party|canteen|menu|options|vegetarian|"
                 r"halal|choice|ward|hospital|appointment|visit)\b"),
    Rule(NEGLECT, 2, (r"(?:hungry|starving|starved)",
                      r"\b(?:at home|in the house|every day|all the time|most days|always|"
                      r"sometimes|no food|no dinner|nothing to eat|at night|when i get home|"
                      r"because|there is no|only at school|most nights)\b"),
         exclude=r"\b(?:lol|haha|lmao|pizza|snack|snacks|can we have|biscuits|sweets|"
                 r"crisps)\b"),
    Rule(NEGLECT, 2, (r"(?:forgets?|forgot|forgetting) (?:to feed (?:me|us)|about (?:me|us)|"
                      r"to pick (?:me|us) up)|(?:does not|do not|never|did not) (?:feed|fed) "
                      r"(?:me|us)|(?:do not|did not|never) (?:have|had|get|got) (?:any |"
                      r"enough )?(?:food|dinner|breakfast|tea|meals?)",)),
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
                      r"(?:is |was |is ever |are )?(?:at )?home",)),
    Rule(NEGLECT, 2, (rf"(?:{FAMILY}|she|he|they|parents) (?:does not|do not|did not|never|"
                      r"hardly ever|does not even) (?:come|comes|came) (?:back )?home",)),
    Rule(NEGLECT, 1, (r"(?:no|not any|there is no|we have no|got no|without) (?:gas|"
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
    # --- emotional abuse -------------------------------------------------------------
    Rule(EMOTIONAL, 2, (r"(?:calls|called|calling|call|says|said|saying|tells|told|"
                        r"telling) (?:me|him|her|us|that (?:little )?(?:boy|girl)|my "
                        r"(?:son|daughter|brother|sister)) (?:i am |im |he is |she is |i "
                        r"was |is |was |they are )?(?:a |an )?(?:stupid|worthless|useless|"
                        r"mistake|thick|idiot|retard|pathetic|waste of space|disgusting|"
                        r"burden|nothing|fat|ugly|freak|evil|slag|names)",),
         reassign=((r"\b(?:school|class|year \d+|group chat|online|posting|messages|"
                    r"everyone|kids at|girls at|boys at|people at|bully|bullies|laugh|"
                    r"laughs)\b", BULLYING),)),
    Rule(EMOTIONAL, 2, (r"(?:shouts|shouting|shout|shouted|screams|screaming|scream|yells|"
                        r"yelling|swears|swearing) at (?:me|us|him|her|them|that (?:little )?"
                        r"(?:boy|girl|kid|baby)|my (?:brother|sister|son|daughter))",
                        r"\b(?:every day|all the time|constantly|always|for hours|every "
                        r"night|drinks|drunk|scared|cry|crying|hits|throws|worthless|"
                        r"stupid|calling)\b")),
    Rule(EMOTIONAL, 2, (r"(?:throws|threw|throwing|smashes|smashed|breaks|broke) "
                        r"(?:things|stuff|plates|chairs|furniture|cups)",
                        r"\b(?:drinks|drunk|angry|shouts|shouting|screams|at me|at mum)\b")),
    Rule(EMOTIONAL, 2, (r"if i (?:tell|told|say anything|speak|talk) (?:anyone|someone|"
                        r"anybody|to anyone|the teacher|you|people|what)",
                        r"\b(?:will|would|going to|said|says|threatens|threatened)\b")),
    Rule(EMOTIONAL, 2, (r"(?:will|would|going to) (?:put me in (?:a|care)|send me away|"
                        r"kick me out|throw me out|make me leave)",)),
    Rule(EMOTIONAL, 1, (rf"(?:scared|afraid|frightened|terrified) (?:of|to be around|to be "
                        rf"near|when) (?:my )?{FAMILY}",),
         exclude=r"\b(?:dog|dogs|cat|spiders?|dark|car)\b"),
    Rule(EMOTIONAL, 2, (r"(?:locks|locked|lock|shuts|shut) me (?:in|out)",)),
    Rule(EMOTIONAL, 1, (rf"(?:{FAMILY}|he|she) (?:hates|hate) me|wishes i (?:was|were) "
                        r"never born|(?:does not|do not) love me",)),
    Rule(EMOTIONAL, 1, (r"(?:says|said|told me) (?:do not|not to|never) tell",), alone=True),
    # --- self-harm and suicide -------------------------------------------------------
    Rule(SELF_HARM, 3, (r"(?:kill|killing|killed|hurt|hurting|harm|harming|harmed|cut|"
                        r"cutting|burn|burning|burnt|starve|starving|punish|punishing|hang|"
                        r"hanging|strangle|scratch|scratching) (?:myself|my self|herself|"
                        r"himself)",),
         exclude=r"\b(?:laughing|by accident|accidentally|playing|football|pe|fell|"
                 r"trampoline|bike|shaving|cooking|training)\b"),
    Rule(SELF_HARM, 3, (r"(?:self harm\w*|selfharm\w*|self - harm\w*|suicid\w*|"
                        r"overdos\w*)",), kind="topic"),
    Rule(SELF_HARM, 3, (alt(
        r"(?:want|wants|wanted|wanting|going|gonna|ready|deserve) to die",
        r"(?:wish|wished|wishing) (?:i|i was|i were|i had) (?:dead|died|never been born|"
        r"not born|not here|gone)",
        r"(?:rather|better off|be better) (?:be )?dead",
        r"(?:be|been|is) (?:better off|happier) (?:without me|if i)",
        r"if i (?:was not|were not|wasnt) (?:here|around|alive)",
        r"(?:do not|never) want to (?:live|be alive|be here any ?more|exist|wake up|"
        r"carry on|go on)",
        r"(?:not|never) (?:waking|wake) up", r"(?:end|ending) (?:it all|my life|my own life)",
        r"take my (?:own )?life", r"(?:end|ending) it\b(?! there)",
        r"no (?:point|reason) (?:in |to )?(?:living|live|being alive|being here|carrying on)",
        r"can not go on", r"jump (?:off|in front of)", r"disappear forever",
        r"(?:(?:do not|can not|could not) see (?:the |any )?|see no |no )point (?:in |of )?"
        r"(?:living|life|being alive|going on|carrying on)",
        r"(?:been|started|start|keep|keeps) cutting", r"cutting again",
        r"(?:kill|killing) me(?:self)? (?:now|tonight)",
        r"(?:nobody|no one) would (?:care|notice|miss me|even notice) if i",
        r"if i (?:was|were) (?:gone|dead)", r"if i (?:died|disappeared)"),)),
    Rule(SELF_HARM, 3, (r"(?:took|take|taken|taking|swallowed|swallow) (?:\w+ ){0,6}"
                        r"(?:tablets|pills|paracetamol|painkillers|medicine|meds)",
                        r"\b(?:a load|loads|lots|all|too many|a handful|whole|packet|box|"
                        r"bottle|mums|dads|nobody knows|not tell|on purpose)\b"),
         exclude=r"\b(?:prescribed|gp|doctor|pharmacy|headache|as directed)\b"),
    # --- exploitation ----------------------------------------------------------------
    Rule(EXPLOITATION, 2, (_X_AGENT, _X_BENEFIT)),
    Rule(EXPLOITATION, 2, (_X_AGENT, _X_ACTIVITY)),
    Rule(EXPLOITATION, 2, (_X_BENEFIT, _X_ACTIVITY)),
    Rule(EXPLOITATION, 2, (r"(?:groomed|grooming|being groomed|county lines|trafficked|"
                           r"sexually exploited|exploited)",), kind="topic"),
    Rule(EXPLOITATION, 2, (r"(?:kids|children|boys|girls|year olds?|teenagers) (?:\S+ ){0,4}"
                           r"(?:selling|dealing|carrying|running) (?:weed|drugs|for)",)),
    Rule(EXPLOITATION, 3, (_SEND_PICS, r"\b(?:if i (?:do not|stop|will not)|(?:he|she|they) "
                           r"will (?:send|post|share|show)|hell (?:send|post|share|show))\b")),
    Rule(EXPLOITATION, 2, (r"(?:asking|asks|asked|keeps asking) (?:me|her|him) to (?:send|"
                           r"meet)",)),
    Rule(EXPLOITATION, 2, (r"keep (?:\S+ ){0,3}(?:secret|secrets|a secret|between us)|"
                           r"(?:our|a) (?:little )?secret",
                           r"\b(?:coach|teacher|man|uncle|he|older|adult|online|tutor|"
                           r"leader|messages|chats)\b")),
    # --- bullying causing harm -------------------------------------------------------
    Rule(BULLYING, 2, (r"(?:bullied|bullying|bullies|bully|bullys)",
                       r"\b(?:me|i am|i get|i got|i was|been|being|getting|my son|my "
                       r"daughter|my child|he is|she is|they)\b"),
         exclude=r"\b(?:anti bullying|policy|training|session|week|no bullying)\b"),
    Rule(BULLYING, 2, (r"(?:take|takes|took|taking|steal|steals|stole|nick|nicks) my "
                       r"(?:dinner money|lunch money|lunch|money|phone)",)),
    Rule(BULLYING, 2, (r"(?:fake (?:account|profile)|group chat|(?:posting|posted|post|"
                       r"shares|shared|sharing|sent|spread) my (?:\w+ )?(?:pictures|photos|"
                       r"pics|videos|nudes)|messages saying|comments saying|online)",
                       r"\b(?:calling me|kill yourself|laugh|laughs|laughing|cry|crying|"
                       r"hate me|names|fat|ugly|threat|threats|scared|can not go in)\b")),
    Rule(BULLYING, 2, (r"(?:saying|says|said|told me to|telling me to|messages|texts|"
                       r"comments) (?:\S+ ){0,2}kill yourself",)),
    Rule(BULLYING, 1, (r"(?:do not|never) want to go (?:to|into|in to) school (?:any ?more|"
                       r"again|ever)|(?:scared|afraid) to go (?:to|into) school|"
                       r"everyone laughs at me",)),
    # --- running away and going missing ----------------------------------------------
    Rule(RUNNING, 2, (r"(?:run|running|ran|runs|runnin) (?:away|off)",),
         exclude=r"\b(?:ball|game|tag|hide and seek|dog|dogs|bees?|wasps?|playing|with "
                 r"the)\b"),
    Rule(RUNNING, 2, (r"(?:go|goes|going|went|gone|keeps going|been|go) missing",),
         exclude=r"\b(?:phone|bag|letter|form|paperwork|file|referral|email|parcel|keys|"
                 r"money|coat|post|documents?|notes|records|report|cat|dog|hamster|rabbit|"
                 r"pet|bike|tortoise|parrot|budgie|kitten|puppy)\b"),
    Rule(RUNNING, 2, (r"(?:stay|stays|staying|stayed) out (?:all night|overnight)",)),
    Rule(RUNNING, 2, (r"(?:do not|never) want to (?:go|be) (?:back )?(?:home|at home)|"
                      r"(?:can not|scared to|afraid to|not going to) (?:go|be) (?:back )?"
                      r"(?:home|at home)|(?:can|could) i (?:stay|sleep) (?:here|with you|"
                      r"at yours|at school)|(?:will not|not) go(?:ing)? (?:back )?home",),
         exclude=r"\b(?:fun|great time|good time|enjoying|enjoyed|loved it|so good)\b"),
    Rule(RUNNING, 2, (r"(?:sleeping|staying|sleep|stay|living) (?:at|on) (?:my )?(?:mates|"
                      r"friends|different) ?(?:houses?|sofas?|places)?",
                      r"\b(?:can not be at home|can not go home|for (?:like )?\d+ (?:weeks|"
                      r"days|nights)|every night|kicked out|weeks)\b")),
    Rule(RUNNING, 2, (r"(?:kicked|kicks|kick|threw|thrown) (?:me |him |her )?out "
                      r"(?:of (?:the )?(?:house|home)|again|last night)|sofa surfing",)),
    # --- asks for help ---------------------------------------------------------------
    Rule(HELP, 2, (alt(
        r"(?:can|could|may) (?:i|we) (?:talk|speak) to (?:someone|somebody|you|a person|"
        r"an adult|a grown up)",
        r"(?:want|need|would like) to (?:talk|speak) to (?:someone|somebody|an adult|"
        r"a grown up|you)",
        r"(?:please|pls) (?:can |could )?(?:someone |somebody |you )?help (?:me|us)",
        r"help me please", r"(?:can|could) (?:someone|somebody|you) (?:call|ring|phone|"
        r"contact|help|text) (?:me|us)", r"i need (?:help|someone to talk to)",
        r"who (?:do|can|should) i (?:tell|talk to)"),)),
    Rule(HELP, 2, (r"(?:do not|never|not) feel safe (?:at home|there|when|with|around|in my "
                   r"house|in the house|at my|at dads|at mums)|(?:not|never) safe at home|"
                   r"unsafe at home|(?:scared|afraid|frightened) (?:to go|of going) home",)),
)

#: Disclosures in the other survey languages (a modest first list: to be reviewed by
#: native speakers). Matched on the lower-cased text with Polish and Romanian
#: diacritics folded, as children often type without them.
MULTILINGUAL: tuple[tuple[str, int, str], ...] = (
    # Polish
    (SELF_HARM, 3, r"nie chce (?:juz |już )?(?:zyc|żyć)|zabic sie|zabije sie|samookalecz|"
                   r"tne sie|chce umrzec"),
    (PHYSICAL, 2, r"(?:bije|bija|uderza|uderzyl|uderzyła|uderzyla|kopie) mnie"),
    (SEXUAL, 2, r"dotyka mnie|dotykal mnie|dotykał mnie"),
    (RUNNING, 2, r"(?:boje|boję) sie (?:wracac|isc) do domu|uciekne z domu|uciec z domu"),
    # Romanian
    (PHYSICAL, 2, r"ma bate|m-a batut|m-a lovit|ma loveste"),
    (SELF_HARM, 3, r"vreau sa mor|nu mai vreau sa traiesc|sa ma sinucid|sinucid"),
    (SEXUAL, 2, r"ma atinge|m-a atins"),
    (RUNNING, 2, r"nu vreau sa merg acasa|fug de acasa"),
    # Arabic
    (PHYSICAL, 2, r"يضربني|ضربني|تضربني|يضربونني"),
    (SELF_HARM, 3, r"أريد أن أموت|اريد ان اموت|انتحار|أنتحر|انتحر"),
    (SEXUAL, 2, r"يلمسني|لمسني"),
    (RUNNING, 2, r"لا أريد العودة إلى البيت|لا اريد العودة الى البيت"),
    # Urdu
    (PHYSICAL, 2, r"مجھے (?:\S+ ){0,2}(?:مارتا|مارتی|مارتے|پیٹتا|پیٹتی)"),
    (SELF_HARM, 3, r"خودکشی|مرنا چاہتا|مرنا چاہتی"),
    (SEXUAL, 2, r"مجھے (?:\S+ ){0,2}(?:چھوتا|چھوتی)"),
    # Punjabi (Gurmukhi)
    (PHYSICAL, 2, r"ਮੈਨੂੰ (?:\S+ ){0,2}(?:ਮਾਰਦਾ|ਮਾਰਦੀ|ਕੁੱਟਦਾ|ਕੁੱਟਦੀ)"),
    (SELF_HARM, 3, r"ਮਰਨਾ ਚਾਹੁੰਦਾ|ਮਰਨਾ ਚਾਹੁੰਦੀ|ਖੁਦਕੁਸ਼ੀ|ਆਤਮਹੱਤਿਆ"),
    # Gujarati
    (PHYSICAL, 2, r"મને (?:\S+ ){0,2}(?:મારે છે|મારતા|મારતો|મારતી)"),
    (SELF_HARM, 3, r"આત્મહત્યા|મરવું છે|મરી જવું છે"),
    # Tamil
    (PHYSICAL, 2, r"என்னை (?:\S+ ){0,2}(?:அடிக்கிறார்|அடிக்கிறான்|அடிக்கிறாள்)"),
    (SELF_HARM, 3, r"தற்கொலை|சாக வேண்டும்|சாக விரும்புகிறேன்"),
    # Somali
    (PHYSICAL, 2, r"(?:wuu|way|ay) i (?:garaacaa|garaaca|dilaa|dharbaaxaa)|i garaaca"),
    (SELF_HARM, 3, r"is dil|isdil|dhiman rabaa|dhimasho rabaa"),
    (SEXUAL, 2, r"i taabto|i taabtaa"),
)
