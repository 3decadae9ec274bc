"""Concern rules for emotional abuse and for risks a child runs: self-harm,
exploitation, bullying, going missing, asking for help.

See concern_rules.py for how the rules read.
"""

from __future__ import annotations

from .concern_vocab import (
    AT_HOME,
    BULLYING,
    DISTRESS,
    EMOTIONAL,
    EXPLOITATION,
    FAMILY,
    HELP,
    RUNNING,
    SELF_HARM,
    SEND_PICS,
    Rule,
    alt,
)

# fmt: off
# The word lists and patterns below are laid out by hand, several to a line, so a reviewer
# reads a category at a glance; one item per line would make this file three times longer.
_X_AGENT = alt(r"older (?:lads|boys|guys|men|man|boy|kids|girls|girl|teenagers|people)",
               r"(?:a|some|this|these|the|two) (?:man|men|guys|lads|adults|strangers?)",
               "adult men", "grown men", "a stranger", "strangers", "someone online",
               r"(?:man|men|guy|someone|person) (?:on|from) (?:roblox|instagram|snapchat|"
               r"snap|tiktok|fortnite|discord|whatsapp|facebook|online|the internet|xbox|"
               r"playstation|minecraft|a game)",
               r"met (?:on|online|in a game)", r"online (?:friend|boyfriend|girlfriend)",
               r"someone (?:older|much older|old)",
               r"(?:someone|a man|a woman|a guy|a girl|people|he|she) (?:i|we|she|he) met "
               r"(?:online|on \w+|gaming|in a game|on a game)",
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
    r"(?:bags|packages|parcels|drugs|stuff|things|weed|for them|for him|for her)",
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
    r"(?:come|go|went|came|going) (?:round )?to (?:his|her|their) (?:house|flat|place|car)",
    r"not (?:to )?tell (?:my|your|our) (?:parents|mum|dad|family)",
)

RISK_RULES: tuple[Rule, ...] = (
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
    Rule(EMOTIONAL, 2, (r"(?:says|said|saying|tells me|told me|keeps telling me|calls me) "
                        r"(?:that )?(?:i am|i was|i will always be) (?:a |an )?(?:stupid|"
                        r"worthless|useless|a mistake|mistake|nothing|a burden|burden|"
                        r"disgusting|evil|pathetic|ugly|fat)",),
         exclude=r"\b(?:teacher|sir|miss|coach|tutor|at (?:maths|english|science|school|"
                 r"football|reading|spelling|sport|pe))\b",
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
    Rule(EMOTIONAL, 3, (r"(?:hurt|kill|beat|stab|get|batter|burn) (?:me|my family|my mum|my "
                        r"brother|my sister|us|my nan) (?:\S+ ){0,2}if i (?:stop|tell|leave|say|"
                        r"do not|talk)",),
         reassign=((r"\b(?:carry|carrying|sell|selling|deliver|delivering|drop|dropping|hold|"
                    r"holding|run for|county lines|owe)\b", "exploitation"),)),
    Rule(EMOTIONAL, 2, (r"(?:will|would|going to) (?:put me in (?:a|care)|send me away|"
                        r"kick me out|throw me out|make me leave)",)),
    Rule(EMOTIONAL, 1, (rf"(?:scared|afraid|frightened|terrified) (?:of|to be around|to be "
                        rf"near|when) (?:my |our |his |her )?{FAMILY}",),
         exclude=r"\b(?:dog|dogs|cat|spiders?|dark|car)\b"),
    Rule(EMOTIONAL, 2, (r"(?:locks|locked|lock|shuts|shut) me (?:in|out)|(?:get|got|gets|am|"
                        r"was|were|are|been) locked (?:out|in)",)),
    # a fallback: fear at home, when nothing more specific was found
    Rule(EMOTIONAL, 1, (rf"(?:i|we|me|us) (?:\S+ ){{0,3}}{DISTRESS}", AT_HOME), alone=True,
         exclude=r"\b(?:dark|spiders?|dogs?|films?|movies?|thunder|exam|exams)\b"),
    Rule(EMOTIONAL, 2, (r"(?:as (?:a )?punishment|to punish (?:me|us))",
                        r"\b(?:cold|bath|outside|locked|cupboard|no food|no dinner|garden|shed|"
                        r"belt|hits|starve|kneel|freezing|all night|wall)\b")),
    Rule(EMOTIONAL, 2, (r"(?:make|makes|made) (?:me|us) (?:sleep|stay|stand|sit|wait) (?:in|"
                        r"outside|on) (?:the )?(?:garden|shed|outside|cold|floor|cupboard|car|"
                        r"street|rain)",)),
    Rule(EMOTIONAL, 1, (rf"(?:{FAMILY}|he|she) (?:hates|hate) me|wishes i (?:was|were) "
                        r"never born|(?:does not|do not) love me",)),
    Rule(EMOTIONAL, 1, (r"(?:says|said|told me|tells me) (?:do not|not to|never) tell|"
                        r"not to tell (?:anyone|anybody|my mum|mum|my dad|dad|the teacher)",),
         alone=True),
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
        r"not born|not here|gone|never born)",
        r"(?:rather|better off|be better) (?:be )?dead",
        r"(?:be|been|is|are) (?:better off|happier|better) (?:without me|if i)",
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
        r"(?:want|wanted|wish|wishing) (?:i could |to )?disappear",
        r"(?:sleep|go to sleep) (?:forever|and (?:never|not) wake up)",
        r"(?:made|make|making|makes) myself (?:sick|throw up|vomit)",
        r"i (?:should|might as well|may as well) (?:just )?(?:die|kill myself|end it|not be "
        r"here|not exist)",
        r"(?:until|till|so) (?:they|it|i) (?:bleed|bleeds|bled|bruise|bruises)",
        r"(?:do not|stopped|stop|not) eat(?:ing)? (?:because|so|to|on purpose)",
        r"(?:kill|killing) me(?:self)? (?:now|tonight)",
        r"(?:nobody|no one) would (?:care|notice|miss me|even notice) if i",
        r"if i (?:was|were) (?:gone|dead)", r"if i (?:died|disappeared)"),)),
    Rule(SELF_HARM, 3, (r"i (?:\S+ )?(?:scratch|scratched|scratching|cut|cutting|burn|burnt|"
                        r"burning|pick|picking|bite|biting|punch|punching|hit|hitting) my "
                        r"(?:arms?|legs?|wrists?|skin|thighs?|stomach|face|head)",),
         exclude=r"\b(?:by accident|accidentally|cooking|knife slipped|fell|football|"
                 r"shaving|paper|playing)\b"),
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
    Rule(EXPLOITATION, 3, (SEND_PICS, r"\b(?:if i (?:do not|stop|will not)|(?:he|she|they) "
                           r"will (?:send|post|share|show)|hell (?:send|post|share|show))\b")),
    Rule(EXPLOITATION, 2, (r"(?:asking|asks|asked|keeps asking) (?:me|her|him) to (?:send|"
                           r"meet)",)),
    Rule(EXPLOITATION, 2, (r"(?:asking|asks|asked|wants to know|keeps asking|keep asking) "
                           r"(?:me |her |him )?(?:where (?:i|she|he) lives?|for my address|"
                           r"what school i go to|my address|for pictures|for pics|for photos)",)),
    Rule(EXPLOITATION, 1, (r"(?:boyfriend|bf) is (?:1[89]|[2-9]\d)",)),
    Rule(EXPLOITATION, 2, (r"(?:he is|she is|they are|who is) (?:1[89]|[2-9]\d)(?! years? old "
                           r"(?:man|woman) (?:in|on) (?:the|a) (?:film|book|show))",
                           r"\b(?:loves me|love you|messages|messaging|texts|texting|my "
                           r"boyfriend|my girlfriend|meet|secret|snap|snapchat)\b")),
    Rule(EXPLOITATION, 2, (r"(?:messages|messaging|texts|texting|snaps|dms|calls) me (?:\S+ )"
                           r"{0,3}(?:late at night|at night|all the time|every night|secretly)",
                           r"\b(?:coach|teacher|man|uncle|older|adult|leader|tutor|instructor)"
                           r"\b")),
    Rule(EXPLOITATION, 2, (r"gets? (?:me|us) to (?:deliver|carry|drop|sell|hold|move|take) "
                           r"(?:\S+ )?(?:things|stuff|bags|packages|parcels|drugs|weed|it)",)),
    Rule(EXPLOITATION, 1, (r"i am 1[0-5]", r"\b(?:is|are|was|who is|he is|she is) "
                           r"(?:1[89]|[2-9]\d)\b")),
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
    Rule(BULLYING, 2, (r"(?:fake (?:account|profile)|group chat|(?:share|shares|shared|sharing|"
                       r"post|posts|posted|posting|send|sends|sent) (?:pictures|photos|pics|"
                       r"videos) of me|(?:posting|posted|post|"
                       r"shares|shared|sharing|sent|spread) my (?:\w+ )?(?:pictures|photos|"
                       r"pics|videos|nudes)|messages saying|comments saying|online)",
                       r"\b(?:calling me|kill yourself|laugh|laughs|laughing|cry|crying|"
                       r"hate me|names|fat|ugly|threat|threats|scared|can not go in)\b")),
    Rule(BULLYING, 2, (r"(?:saying|says|said|told me to|telling me to|messages|texts|"
                       r"comments) (?:\S+ ){0,2}kill yourself",)),
    Rule(BULLYING, 2, (r"(?:telling|tell|told|tells|saying|says|said|keep telling) (?:me )?"
                       r"(?:that )?i should (?:die|kill myself|not exist|not be alive|go die)",)),
    Rule(BULLYING, 1, (r"(?:do not|never) want to go (?:to|into|in to) school (?:any ?more|"
                       r"again|ever)|(?:scared|afraid) to go (?:to|into) school|"
                       r"everyone laughs at me",)),
    # --- running away and going missing ----------------------------------------------
    Rule(RUNNING, 2, (r"(?:run|running|ran|runs|runnin) (?:away|off)",),
         exclude=r"\b(?:ball|game|tag|hide and seek|dog|dogs|bees?|wasps?|playing|with "
                 r"the|story|stories|book|film|movie|play|tv|show)\b"),
    Rule(RUNNING, 2, (r"(?:go|goes|going|went|gone|keeps going|been|go) missing",),
         exclude=r"\b(?:phone|bag|letter|form|paperwork|file|referral|email|parcel|keys|"
                 r"money|coat|post|documents?|notes|records|report|cat|dog|hamster|rabbit|"
                 r"pet|bike|tortoise|parrot|budgie|kitten|puppy)\b"),
    Rule(RUNNING, 2, (r"(?:stay|stays|staying|stayed) out (?:all night|overnight)",)),
    Rule(RUNNING, 2, (r"(?:leave|leaving|run|running|go|going) (?:\S+ ){0,3}(?:never|not) "
                      r"(?:come|coming) back",)),
    Rule(RUNNING, 2, (r"(?:stayed|staying|stay|slept|sleeping|sleep) (?:at|in|with) (?:a |some )?"
                      r"(?:strangers?|a mans|some guys?|some man|an older|older)",),
         also=((r".", EXPLOITATION),)),
    Rule(RUNNING, 2, (r"(?:left|leave|leaving|walked out of|moved out of) home",),
         exclude=r"\b(?:uni|university|college|job|work|apprenticeship|army|partner|"
                 r"flat of my own|when i am 18|when i turn 18|one day)\b"),
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
        r"help me please", r"please (?:call|ring|phone|text|contact) me",
        r"(?:can|could) (?:someone|somebody|you) (?:call|ring|phone|"
        r"contact|help|text) (?:me|us)", r"i need (?:help|someone to talk to)",
        r"who (?:do|can|should) i (?:tell|talk to)",
        r"(?:need|want|have) to (?:tell|talk to|speak to) (?:someone|somebody|an adult|a "
        r"teacher)"),)),
    Rule(HELP, 2, (r"(?:i am|we are|i feel|i do not feel|i am really) (?:not |un)safe(?! to| "
                   r"walking| on the)",)),
    Rule(HELP, 2, (r"(?:do not|never|not) feel safe (?:at home|there|when|with|around|in my "
                   r"house|in the house|at my|at dads|at mums)|(?:not|never) safe at home|"
                   r"unsafe at home|(?:scared|afraid|frightened) (?:to go|of going) home",)),
)
