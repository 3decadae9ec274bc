"""Building blocks of the concern rules: the Rule type and shared vocabulary.

See concern_rules.py for how the rules read.
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


FAMILY = alt(
    "step dad",
    "step mum",
    "stepfather",
    "stepmother",
    "step father",
    "step mother",
    "dad",
    "daddy",
    "father",
    "mum",
    "mummy",
    "mother",
    r"mums \w+",
    r"dads \w+",
    "uncle",
    "aunt",
    "auntie",
    "aunty",
    "nan",
    "nana",
    "nanny",
    "gran",
    "grandad",
    "granddad",
    "grandma",
    "grandpa",
    "brother",
    "sister",
    "cousin",
    "carer",
    "foster carer",
    "boyfriend",
    "girlfriend",
    "husband",
    "partner",
    "ex",
    "coach",
    "teacher",
    "babysitter",
)
HIT = alt(
    "hit",
    "hits",
    "hitting",
    "hitted",
    "beat",
    "beats",
    "beating",
    "beaten",
    "beat up",
    "slap",
    "slaps",
    "slapped",
    "slapping",
    "punch",
    "punches",
    "punched",
    "punching",
    "kick",
    "kicks",
    "kicked",
    "kicking",
    "smack",
    "smacks",
    "smacked",
    "smacking",
    "hurt",
    "hurts",
    "hurting",
    "choke",
    "chokes",
    "choked",
    "choking",
    "strangle",
    "strangles",
    "strangled",
    "grab",
    "grabs",
    "grabbed",
    "push",
    "pushes",
    "pushed",
    "shove",
    "shoves",
    "shoved",
    "burn",
    "burns",
    "burnt",
    "burned",
    "whip",
    "whips",
    "whipped",
    "thump",
    "thumps",
    "thumped",
    "batter",
    "batters",
    "battered",
    "bash",
    "bashes",
    "bashed",
    "bite",
    "bites",
    "pinch",
    "pinches",
    "pinched",
    "throttle",
    "throttles",
    "stab",
    "stabbed",
    "drag",
    "drags",
    "dragged",
    "headbutt",
    "headbutts",
    "headbutted",
    "belt",
    "belts",
    "belted",
    "attack",
    "attacks",
    "attacked",
    "lashes out at",
    "throws",
    "threw",
    "thrown",
    "shook",
    "shakes",
    "squeezed",
    "squeezes",
    "pinned",
    "pins",
    "stamped on",
    "stamps on",
    "spat at",
    "spits at",
    "suffocates",
    "suffocated",
)
CHILD_VICTIM = alt(
    "me",
    "us",
    r"my (?:little |baby |younger |big |older )?"
    r"(?:brother|sister|brothers|sisters|sibling|siblings)",
    r"my (?:son|daughter|child|kids|children|baby|boy|girl)",
    r"(?:the|that) (?:little )?(?:boy|girl|baby|kid|child)",
)
ADULT_VICTIM = alt(
    "my mum",
    "mum",
    "mummy",
    "my mummy",
    "my mother",
    "mother",
    "my nan",
    "nan",
    "my wife",
    "wife",
    "each other",
)
SPORT = (
    r"\b(?:football|footy|rugby|boxing|karate|judo|match|training|pe|game|games|"
    r"playing|played|play fighting|messing about|mucking about|tag|dodgeball|"
    r"hockey|netball|cricket|trampoline|trampoleen|bike|scooter|fell|fall|falling|"
    r"tripped|accident|accidentally|by mistake|sport|sports|tackle|wrestling|"
    r"pillow fight|ball|pads|fifa|chess|cards|wheelchair|pram|buggy|swing|trolley|"
    r"as a joke|joking|messing|dentist|injection|injections|jab|vaccine|we play|"
    r"by a (?:car|bus|van|lorry|bike|ball)|"
    r"operation|stitches|physio|blood test)\b"
)
SCHOOL_PEERS = (
    r"\b(?:at school|in the toilets|in the playground|in class|on the bus|"
    r"after school|in the corridor|year \d+s?|kids at|boys at|girls at|"
    r"people at school|in my class|my class|older kids|bullies|bully)\b"
)
PARTNER = r"\b(?:husband|wife|my partner|my ex|exs|ex partner|my boyfriend|my girlfriend)\b"
TRAINING = (
    r"\b(?:training|course|session|module|toolkit|refresher|workshop|e learning|"
    r"elearning|seminar|webinar|conference|briefing|lesson|lessons|pshe|"
    r"learnt about|learned about|learning about|taught us|awareness|policy|"
    r"procedure|procedures|referral route|notifications|dash|practice review|"
    r"case review|cpd|trainer|toolkit|framework|pathway|protocol|a talk|talk on|"
    r"talk about|prevention|dsl|assembly)\b"
)

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
CATEGORIES = (
    PHYSICAL,
    SEXUAL,
    NEGLECT,
    EMOTIONAL,
    DOMESTIC,
    SELF_HARM,
    EXPLOITATION,
    BULLYING,
    RUNNING,
    HELP,
)

#: Sending or sharing images, for sextortion and image-based abuse.
SEND_PICS = (
    r"(?:send|sending|sent|share|sharing|shared) (?:him |her |them )?"
    r"(?:pics|pictures|photos|nudes|videos|images)"
)

#: Parts of the body a child names when describing an assault.
BODY_WORDS = (
    "neck|throat|face|head|arm|arms|leg|legs|back|stomach|belly|hair|ear|ears|wrist|wrists|chest"
)
BODY = f"(?:{BODY_WORDS})"
#: Words of fear or distress.
DISTRESS = (
    r"(?:scared|frightened|terrified|afraid|unsafe|petrified|crying|cry|panic|"
    r"panicking|shaking)"
)
#: Words that place something at home or with a parent.
AT_HOME = (
    r"\b(?:at home|at my house|in my house|in the house|at dads|at mums|when he|"
    r"when she|when dad|when mum|my dad|my mum|step dad|mums boyfriend|dads girlfriend|"
    r"my parents|at night)\b"
)
