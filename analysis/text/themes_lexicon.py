"""Theme lexicons: the words and phrases that signal each theme of THEMES.md.

An entry without spaces or regex syntax is a word, matched by its Snowball stem
("listen" also finds "listened", "listening"). Anything else is a phrase, a regular
expression over the normal text of tokens.py ("did not" for "didn't", "mums" for
"mum's"), matched at token boundaries. Keep entries general: words a reviewer would
expect for the theme, not fragments of particular answers.
"""

from __future__ import annotations

# fmt: off
# The word lists and patterns below are laid out by hand, several to a line, so a reviewer
# reads a category at a glance; one item per line would make this file three times longer.
_PEOPLE = (r"(?:staff|worker|workers|nurse|nurses|doctor|doctors|driver|drivers|crew|"
           r"paramedics?|receptionist|team|everyone|they|he|she|lady|man|person|people|"
           r"carer|carers|handler|operator|teacher|officer|visitor|gp|consultant|"
           r"therapist|volunteers?|social worker|health visitor|advisor|call handler)")
_WORKER = r"(?:social |youth |family support |support |key |case )?worker"

ENGLISH: dict[str, tuple[str, ...]] = {
    "listened_to": (
        r"(?:hears?|hearing) (?:me|us|what)", r"what (?:i|we|they) (?:said|say|had to say|"
        r"(?:am|are|was|were) saying)", r"(?:dismissed|ignored|brushed off) (?:everything|"
        r"what|anything)",
        r"(?:took|take|takes|taken|taking) (?:\S+ ){0,3}on board", r"brick wall",
        r"(?:had|have|got|get|gets) (?:my|our|their|his|her) say",
        "listen", "listened", "lisen", "ignored", "ignore", "unheard",
        r"(?:hear|heard) (?:me|us|what (?:i|we))", r"(?:my|our|their) (?:views|voice|"
        r"opinion|opinions|wishes)", r"(?:nobody|no one|never|not) (?:asks?|asked) "
        r"(?:me|us|him|her|what|anything)", r"asked (?:me|us|him|her) what (?:i|we|he|she) "
        r"(?:thought|wanted|want|think)", r"asks? what i (?:actually )?want",
        r"cut (?:me|us) off", r"talk(?:ed|ing|s)? over (?:me|us)", r"(?:let|lets|letting) "
        r"(?:me|us) (?:explain|speak|talk|say|finish)", r"time to speak", r"speaks? for me",
        r"(?:talked|talks|spoke|speaks) to (?:mummy|mum|my mum|dad|my dad|"
        r"the adults|my parents) not me", r"took (?:it|that|them|us|me) on board",
        r"taken into account", r"(?:types|typing|typed|looks|looking) (?:on|at) (?:her|his) "
        r"(?:laptop|phone|computer)", r"brushed (?:off|aside)", r"fobbed off",
        r"like (?:we|i) (?:were|was) not there", r"pay (?:any )?attention",
        r"not interested in what", r"give (?:me|us) a voice", "=understanding",
        r"(?:put|puts|putting|made|make|makes) (?:me|us|him|her|them) (?:feel )?at "
        r"(?:my |our |his |her |their )?ease", r"(?:time|chance|opportunity|space) to "
        r"(?:talk|speak|think|explain|express|ask|say|be heard)", r"(?:understood|"
        r"understands) (?:me|us|my|our|what|how|why)", r"(?:my|our|patients?|his|her|"
        r"their) (?:needs|concerns|point of view|points of view|wishes|feelings)",
        r"took (?:account|into account)", r"(?:as|like) (?:an|a real) individual",
        r"(?:nobody|no one) (?:wants|wanted) to know", r"(?:someone|there|time) "
        r"(?:\S+ ){0,3}to talk to", r"(?:decisions|decide|decided) together",

    ),
    "respected": (
        r"(?:was|were|be|being|get|got|am|are) treated (?:like|as|with|well|badly|fairly|"
        r"unfairly)",
        "respect", "respected", "respectful", "disrespectful", r"kind(?! of)", "kindness", "polite",
        "impolite", "rude", "rudeness", "courteous", "valued", "patronising", "patronizing",
        "condescending", "dismissive", "=caring", "compassionate", "compassion", "=friendly",
        "=unfriendly", "lovely", "pleasant", "warm", "welcoming", "manners", "attitude",
        "arrogant", "abrupt", "considerate", "empathetic", "empathy", "courtesy",
        "dignity", r"(?:was|were|is|are|be|been|so|really|very|always|super|and) nice",
        "sympathetic", "cheerful", "approachable",
        r"talk(?:ed|s|ing)? down to", r"(?:spoke|speaks|talked|talks|spoken) to (?:me|us) like",
        r"treated (?:me|us|him|her) (?:like|as|with|well|badly)", r"looked at (?:me|us) like",
        r"waste of space", r"made comments", r"(?:my|our|their) pronouns",
        r"like i was stupid", r"made (?:me|us|my \w+) feel (?:welcome|comfortable|normal|"
        r"valued|small|stupid|at ease)", r"at ease", r"down to earth",
        rf"{_PEOPLE} (?:were|was|are|is) (?:\S+ )?(?:helpful|professional|patient|great|"
        r"amazing|brilliant|fantastic|excellent|wonderful|good|lovely|kind|superb|"
        r"supportive|reassuring)", r"(?:helpful|professional|caring|kind|lovely|"
        r"friendly|polite|pleasant) (?:staff|nurse|nurses|driver|drivers|crew|people|team|"
        r"person|lady|man|doctor|doctors|and)",
    ),
    "judged": (
        "=judgy", "=judgey", r"look(?:ed|s|ing)? down (?:on|at)",
        "judge", "judged", "judging", "judgemental", "judgmental", "blame", "blamed",
        "stereotyped", "stereotype", "prejudice", "prejudiced", "assumption",
        "assumptions", "assumed", "labelled", "label", "stigma", "criminals",
        r"(?:thought|think|assumed|decided) (?:i|we|he|she) (?:was|were) (?:naughty|"
        r"trouble|a problem|lying|bad|stupid)", r"(?:for|about) something (?:i|we|he|"
        r"she) did not do", r"(?:decided|made up (?:their|her|his) mind) (?:what|who) "
        r"(?:i|we) (?:was|were)", r"looked at (?:me|us) like", r"made comments",
        r"waste of space",
        r"(?:bad|terrible|unfit|neglectful) (?:mum|mother|parent|parents|dad|father|"
        r"parenting)", r"troubled (?:kid|child|teen)",
        r"treat(?:ed|s)? (?:us|me|him|her) like (?:criminals|a criminal|a "
        r"problem|dirt|a suspect|a number)", r"not as a problem", r"(?:was not|wasnt|not) "
        r"my fault",
    ),
    "understood_story": (
        "believed", "believe", "disbelieved",
        r"(?:my|our|his|her) (?:side|story|circumstances|situation|history)",
        r"understand why", r"understood (?:why|what|my|our|that)", r"took the time to "
        r"understand", r"(?:gets|got|get) me\b", r"read my file", r"(?:let|lets) me "
        r"explain", r"what happened (?:at|to|in)", r"keep telling my story",
        r"(?:telling|tell|explaining) (?:my|our) story", r"(?:why|how) we",
    ),
    "proportionate_help": (
        r"heavy ?-? ?handed", r"(?:did not|does not|do not|never) (?:\S+ )?help(?:ed)?",
        r"(?:the )?(?:help|support) (?:we|i|he|she|they) (?:got|get|received|had)",
        r"right for (?:us|me|him|her|them)",
        r"just enough", r"(?:exactly |just )?what (?:we|i) needed", r"the right time",
        "intrusive", "intervention", "overkill", "respite", "sledgehammer", "saved",
        r"over the top", r"(?:the )?right (?:help|support|amount)", r"made a (?:real |huge |"
        r"big )?difference", r"changed my life", r"changed how", r"(?:just|only) needed",
        r"did not need", r"(?:not|never) enough (?:help|support)", r"no (?:help|support)",
        r"forced on", r"(?:helped|helps|helping) "
        r"(?:me|us|my|our|him|her)", r"(?:doing|feel|feels|is) (?:so )?much better",
        r"much happier", r"(?:support|help) (?:promised|we needed|i needed|for my)",
        r"do nothing", r"did nothing", r"(?:felt|feel) (?:forgotten|supported)",
        r"(?:valued|felt valued) and supported", r"mentor",
        r"(?:plan|case|support) (?:ended|closed|stopped)",
        r"counsellor", r"asking for (?:help|support|respite)",
        r"(?:too much|too little) (?:help|support|involvement)",
    ),
    "safety": (
        # feeling safe, not "brought home safely" or a "safe journey"
        r"safe(?! (?:journey|drivers?|driving|trip|transfers?|and sound|way))", "=unsafe",
        "=safety", "=safer", "=danger", "=dangerous", "=protect", "=protected",
        "=protection", "=protecting",
    ),
    "relationship_with_worker": (
        r"so many (?:different )?(?:social )?workers", r"(?:new|different) (?:social )?"
        r"workers",
        "advocate", "rapport", "=continuity", r"named (?:nurse|worker)",
        r"(?:nurse|worker|doctor|therapist|person) (?:\S+ )?assigned",
        r"(?:staff|workers?|nurses?|doctors?|gp|cpns?|care coordinators?|social workers?|"
        r"therapists?|psychiatrists?|consultants?|carers?|key ?workers?) (?:\S+ ){0,4}"
        r"(?:change|changes|changed|changing|retired|left|leaving|keeps? changing|kept "
        r"changing)", r"(?:change|changed|changing) (?:my|our|the) (?:\w+ )?(?:worker|nurse|"
        r"doctor|gp|cpn|psychiatrist|consultant|therapist|care coordinator|social worker)",
        r"(?:passed|moved|bounced) (?:from|between) (?:\S+ ){0,2}(?:to|and)",
        r"(?:relationship|bond) with (?:them|him|her|my|our|the)",
        r"(?:the )?same (?:nurse|doctor|person|worker|face|carer|therapist|gp)",
        rf"(?:my|our) (?:own )?{_WORKER}", r"(?:new|different|same) "
        r"(?:worker|workers|social worker|nurse|nurses|doctor|doctors|person|people|staff|"
        r"carer|carers|one)", r"(?:changed|changes|changing|keeps changing) (?:\S+ )?"
        r"(?:times|worker|workers|again)", r"start from scratch", r"get to know",
        r"got to know", r"(?:only|one) (?:adult|person) i trust", r"i trust", r"trust (?:her|"
        r"him|them)", r"remembered|remembers", r"always (?:comes|turns up|rings back|there for)",
        r"on (?:our|my) side", r"(?:knows|knew|know) (?:me|us|my|our)", r"one worker",
        r"(?:three|four|five|\d+) (?:different )?(?:workers|social workers)",
        r"(?:same|different) (?:face|faces)", r"recommended (?:her|him)",
        r"(?:she|he) (?:gets|got) me",
    ),
    "communication": (
        "acronyms", "abbreviations",
        r"(?:returned|return|returns|returning) (?:my|our|any) (?:calls?|messages|emails)",
        r"(?:knew|know|knowing|understand|understood) what (?:was|is) (?:going on|"
        r"happening)",
        "explain", "explained", "explains", "explanation", "informed", "inform",
        "information", "communication", "communicate", "communicated", "jargon",
        "letter", "letters", "leaflet", "leaflets", "update", "updates", "updated",
        "interpreter", "interpreters", "translate", "translation", "emails", "email",
        "=informative", "explanations", "instructions", "signposted", "signposting",
        "newsletter", "website", r"talk(?:ed|s|ing)? (?:me|us|you|him|her|them) through",
        r"(?:spoke|speaks|explained|explains|communicated) (?:very |so )?clearly",
        r"clear (?:instructions|explanations?|information|advice|answers)",
        r"(?:instructions|explanations|information|advice|it) (?:was|were) (?:very |so )?"
        r"clear", r"(?:telling|told|tell|tells) (?:me|us|you|him|her) (?:what|why|how|when|"
        r"where|that)", r"(?:answered|answer|answers|answering) (?:my|our|all|any) "
        r"(?:\S+ )?questions", r"(?:contacted|contact|contacting) (?:me|us)",
        r"(?:get|got|getting|keep|kept) in touch", r"helped (?:me|us|him|her) (?:to )?"
        r"understand", r"up to date",
        "texted", "texts", "unreadable", "=understandable", "clarity", "advice",
        r"(?:kept|keep|keeping) (?:me|us|them|patients) (?:informed|updated|up to date|in "
        r"the loop)", r"(?:nobody|no one) (?:\S+ )?(?:told|tells|called|rang|rung|contacted|"
        r"explained) (?:me|us)", r"never (?:told|called|rang|contacted|explained) (?:me|us)",
        r"(?:nobody|no one) (?:has |had )?(?:called|rang|rung|phoned)",
        r"told (?:me|us) (?:about|what|that|how|when|why|where)",
        r"(?:call|ring|rang|rings|phone|phoned) (?:me |us )?back", r"never heard",
        r"heard nothing", r"heard (?:a thing|anything) back", r"big words", r"plain english",
        r"what (?:is|was|would be|will be) (?:going to )?happen(?:ing)? next",
        r"what happens next", r"knew (?:where i stood|what was coming|what was happening)",
        r"found out", r"copied into", r"(?:did not|do not|can not|could not) "
        r"understand", r"what was happening", r"every step", r"in (?:bengali|polish|urdu|"
        r"english|punjabi|arabic|somali|romanian|my language)", r"texting me",
        r"(?:by|via|through) (?:email|letter|text|phone)", r"lost in translation",
        r"two ?-? ?way",
    ),
    "timeliness": (
        r"(?:the )?same day", r"(?:the )?next day", r"(?:within|in) (?:the|an|a) (?:hour|"
        r"day|week)",
        "wait", "waited", "waiting", "delay", "delays", "delayed", "quick", "quickly",
        "quicker", "prompt", "promptly", "late", "slow", "speedy", "punctual", "ages",
        "limbo", "immediately", "sooner", "fast", "faster", "swift", "lateness",
        r"on time", r"straight away", r"right away", r"(?:within|after) (?:a|an|\d+|one|"
        r"two|three|four|five|six|seven|eight) (?:minutes|hours|days|weeks|months|month|"
        r"week|day|hour)", r"(?:wait|waited|waiting|waits|took|takes|taking|after|limbo|list|still|"
        r"since|over|nearly|almost) (?:\S+ ){0,3}(?:\d+|a|an|one|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve|eighteen|several|many) (?:minutes|hours|days|"
        r"weeks|months|years)", r"(?:\d+|several|many|two|three|four|five|six|seven|"
        r"eight) (?:minutes|hours|days|weeks|months|years) (?:of|later|on|to|before|for|"
        r"wait|waiting|delay)",
        r"(?:long|took) (?:time|ages|hours|weeks|months|forever)", r"so slow",
        r"still (?:has not|have not|not) happened", r"since (?:january|february|march|"
        r"april|may|june|july|august|september|october|november|december|last)",
        r"waiting list", r"response time", r"(?:arrive|arrived|came|come) (?:quickly|"
        r"promptly|fast|late)", r"took too long", r"so long", r"too long to",
    ),
    "involvement_in_decisions": (
        r"(?:wrote|write|made|make|did|planned|agreed|decided|decide) (?:\S+ ){0,2}"
        r"together", r"(?:with|without) (?:me|us) (?:in the room|there)",
        "choice", "choices", "choose", "chose", "involved", "consulted",
        r"(?:make|made|making|take|took|taken) (?:the )?decisions? (?:about|for|without) "
        r"(?:me|us|my|our|him|her)", r"decisions (?:were |are )?(?:made|taken) (?:without|"
        r"about|for)", r"(?:in|part of|involved in|a say in) (?:the |my |our )?decisions?",
        r"(?:had|have|get|got|given) (?:a|any|no) say", r"a say", r"got to (?:say|choose|"
        r"pick|decide)", r"(?:our|my|their) plan", r"plan (?:was )?(?:made|written|"
        r"decided)", r"made the plan", r"(?:already|was) written", r"(?:nobody|no one|"
        r"never) asked (?:me|us|what|if|whether)", r"(?:asked|asks) (?:me|us|him|her) "
        r"(?:what|if|whether|before)", r"what (?:i|we) (?:thought|wanted|want)",
        r"asked me anything", r"what suited", r"without asking", r"behind (?:my|our) "
        r"back", r"(?:asked|told|sent|posted) (?:\S+ ){0,3}to sign", r"(?:want|wanted) to "
        r"live with", r"pathway plan",
        r"(?:wish|wished) they asked", r"about me without me", r"young people "
        r"(?:presenting|present|on)", r"youth panel",
    ),
    "leadership_line_of_sight": (
        "=managers", "=bosses", r"(?:senior|head) (?:people|staff)",
        "leader", "leaders", "leadership", "director", "directors", "restructure",
        "audit", "audits", r"(?:senior|middle|the) management",
        r"senior (?:leaders|managers|management|team)", r"from above", r"top down",
        r"shadow(?:ed|ing)? us", r"practice weeks?",
        r"the frontline", r"what (?:it is|our \w+|frontline) "
        r"(?:is like|look like)", r"have no idea what", r"two ?-? ?way", r"practice leader",
        r"all ?-? ?staff",
    ),
    "supervision_support": (
        "supervision", "supervisor", "wellbeing", "debrief", "reflective", "micromanaged",
        "micromanaging",
        r"(?:my|our|team) manager", r"(?:manager|team) (?:is|was) (?:\S+ )?supportive",
        r"checked in", r"look after each other", r"trusted to",
        r"(?:nobody|no one) (?:checked|asked how)", r"support (?:from|for) (?:staff|us|workers)",
        r"time for supervision", r"(?:best|great|good|supportive) team",
    ),
    "workload": (
        r"(?:not enough|too few|short of) (?:staff|people|workers|social workers)",
        r"staff shortages?", r"short ?-? ?staffed", r"cover the work",
        "caseload", "caseloads", "workload", "workloads", "capacity", "overstretched",
        "understaffed", "admin", "paperwork", "burnout", r"burn(?:t|ed) out",
        r"(?:no|not enough|do not have|don't have) time", r"too many (?:meetings|cases|"
        r"families|visits)", r"\d+ families", r"covering (?:two|\d+)", r"nobody to cover",
        r"cancelled leave", r"time pressure", r"(?:we are|i am|team is|teams are|still|so|too|"
        r"really|very) busy", r"=manageable",
        r"(?:new|vacant|empty|unfilled) posts",
        r"(?:spend|spent) more time",
    ),
    "training_learning": (
        "training", "trainer", "course", "module", "refresher", "quiz", "slides",
        "learning", "learnt", "learned", "workshop", "toolkit", "skills",
        r"(?:the|this|that|a|one) session", r"case studies", r"confident", r"confidence",
        r"(?:in|into) practice", r"(?:the|this|a) tool\b", r"(?:relevant|useful) (?:to|for) "
        r"my (?:role|practice|job)", r"(?:online|face to face) format",
        r"(?:apply|applied|use|used|using) (?:it|any of it|the|this)", r"trauma ?-? ?informed",
        r"follow ?-? ?up on",
    ),
    "partnership_working": (
        r"joint (?:working|visits?|work|meetings?)", "=jointly",
        "multi-agency", "multiagency", "interagency", "agencies", "agency", "=partners",
        r"multi ?-? ?agency", r"information sharing", r"shar(?:e|ed|ing) (?:what they knew|"
        r"information|notifications)", r"talk to each other", r"worked together",
        r"core group", r"strategy meeting", r"escalation", r"referral (?:route|pathway)",
        r"(?:same|one) form", r"joined ?-? ?up", r"(?:different|other) services",
        r"(?:police|schools?|health|housing|gp) "
        r"(?:and|,) (?:police|schools?|health|housing|gp)", r"nobody from (?:housing|health|"
        r"the school|police|social care)", r"(?:with|from) (?:health|housing|the gp)",

    ),
    "responsiveness": (
        "consultation", "residents", "mosque", "neighbourhood", "partnership",
        r"(?:the|our) (?:community|area|council)", r"round here", r"(?:families|people|"
        r"parents) (?:round|around) here", r"(?:ask|asked|asks) (?:for|us for) (?:feedback|"
        r"our views)", r"nothing changes", r"(?:youth|community) (?:centre|center|club|"
        r"panel)", r"for (?:teenagers|young people|kids) to do", r"summer fair",
        r"(?:leaflets|information) in", r"(?:gave|give|giving) (?:my|our) views",
        r"the board",
        r"(?:the|annual) report",

    ),
}
