"""Concern rules for risks a child runs: self-harm, exploitation, bullying, going
missing, asking for help; and the short phrase lists for other languages.

See concern_rules.py for how the rules read.
"""

from __future__ import annotations

from .concern_vocab import (
    BULLYING,
    EMOTIONAL,
    EXPLOITATION,
    HELP,
    NEGLECT,
    PHYSICAL,
    RUNNING,
    SELF_HARM,
    SEND_PICS,
    SEXUAL,
    SPORT,
    Rule,
    alt,
)

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

#: Last resort, level 1 ("possible"): words that rarely appear in feedback except about
#: harm. They count only when no specific rule fired, not in text about training, not
#: negated, and never in a sport or accident. A human reads every flag; a missed
#: disclosure costs more than a false alarm.
FALLBACK_RULES: tuple[Rule, ...] = (
    Rule(SEXUAL, 1, (r"(?:sex|sexual|porn|porno|naked|nude|nudes|privates|private parts|"
                     r"rape|raped|molested|groped|flashed|paedo|pedo|paedophile)",),
         kind="topic", alone=True),
    Rule(PHYSICAL, 1, (r"(?:bruises|bruised|bruising|bleeding|beaten|punched|slapped|smacked|"
                       r"smacks|strangled|choked|whipped|battered|hurting me|hurts me|gets hit|"
                       r"get hit|got hit|being hit|prison for)",),
         kind="topic", alone=True,
         exclude=SPORT + r"|\b(?:pregnant|ambulance|hospital|nurse|doctor|a&e|paramedics?|"
                         r"operation|surgery|gp|nose|period|gums)\b"),
    Rule(EXPLOITATION, 1, (r"(?:drugs|cocaine|heroin|crack(?! a)|ket|spice|county lines|stab|"
                           r"stabbed|knife|knives|gun|gang|gangs|owe)",),
         kind="topic", alone=True, exclude=r"\b(?:crime|awareness|talk|assembly|film|"
                                            r"programme|tv|game|machine gun|games)\b"),
    Rule(SELF_HARM, 1, (r"(?:suicide|suicidal|overdose|cuts on|cutting(?! (?:me|us) off)|"
                        r"miss me|want it (?:all )?to stop|make (?:it|them|the thoughts) stop|"
                        r"tired of (?:everything|living|life)|bang my head|hurt myself|"
                        r"not be here)",),
         kind="topic", alone=True, exclude=r"\b(?:died|passed away|lol|haha|lmao|laughing|"
                                            r"boring|battery|phone|dog|cat|pet|nan|grandad|"
                                            r"grandma|film|game|plant|plants)\b"),
    Rule(EMOTIONAL, 1, (r"(?:not allowed to (?:see|go|leave|eat|have|talk|speak|play)|kept "
                        r"(?:at home|inside|locked|in my room|in the house)|threaten\w*|threats|"
                        r"i am a mistake|"
                        r"(?:fat|ugly|stupid|worthless|useless) and (?:fat|ugly|stupid|"
                        r"worthless|useless|disgusting)|(?:frightened|scared|afraid|terrified) "
                        r"of (?:going|being|him|her|them|home))",),
         kind="topic", alone=True, exclude=r"\blife threaten"),
    Rule(NEGLECT, 1, (r"(?:not fed|do not get fed|never get fed|no one feeds|walk "
                      r"home (?:\S+ ){0,3}(?:dark|alone|on my own)|(?:nobody|no one) picks "
                      r"(?:me|us) up|on my own (?:all|at) night|(?:dirty|smelly) clothes)",),
         kind="topic", alone=True),
    Rule(HELP, 1, (r"(?:promise|promised) (?:\S+ ){0,2}not to (?:say|tell)|do not tell "
                   r"anyone|(?:she|he|they|my friend) (?:is|are|has|have) (?:cuts|bruises|"
                   r"been hurt)",),
         kind="topic", alone=True),
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
