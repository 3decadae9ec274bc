"""Word lists for sentiment.py: the domain's own sentiment words and modifiers.

Polarities are in -1..1 on TextBlob's scale (its "good" is 0.7, "bad" -0.7). Words are
normalised tokens (see tokens.py), so "didn't" arrives as "did", "not".
"""

from __future__ import annotations

# fmt: off
# The word lists and patterns below are laid out by hand, several to a line, so a reviewer
# reads a category at a glance; one item per line would make this file three times longer.
#: Words that turn the next few words round: "not helpful", "nobody listened".
NEGATORS = frozenset("not never no nobody nothing none neither nor without hardly "
                     "barely noone nowhere lack lacking".split())

#: After these words a negation reads as a plain statement, not a complaint:
#: "not sure", "no idea" is scored by phrase, "do not know".
NEGATION_NEUTRAL = frozenset("sure know matter mind doubt just only".split())

#: A leading "nothing"/"no" followed by these is an answer, not a negation:
#: "Nothing, all good", "No everything is fine".
ANSWER_FOLLOWERS = frozenset("all everything it really at i the they was".split())

#: "like" is a verb, not a preposition, after these words.
LIKE_SUBJECTS = frozenset("i we you they he she not really did do does would also "
                          "still".split())

#: Words about changing the service: praise when negated ("couldn't be improved").
IMPROVE_WORDS = frozenset("improve improved improvement improvements better change "
                          "suggest fault faulted".split())

#: A clause that opens with one of these asks for something to change.
SUGGESTION_OPENERS = frozenset("more less fewer better bigger quicker faster shorter "
                               "longer improve improved improvement improvements need "
                               "needs should maybe perhaps ensure try provide increase "
                               "reduce cut having get ask listen answer give make stop "
                               "tell encourage allow employ hire train come send "
                               "explain communicate".split())
#: Phrases anywhere in a clause that ask for a change.
SUGGESTION_CUES = (" would be nice ", " would be good ", " would be great ",
                   " would be helpful ", " would be better ", " could be more ",
                   " could be better ", " could have been ", " should have ",
                   " should be ", " need more ", " needs more ", " needs to be ",
                   " need to be ", " would like ", " would have liked ", " wish ",
                   " please ", " could of ", " should of ", " would of ", " would love ",
                   " we need ", " i need ", " needs to ", " has to be ", " have to be ")

#: "helped me with my anger": negative words just after these are what was helped.
HELP_VERBS = frozenset("helped helps help helping supported supports support".split())

#: Small words a negation reaches across without using up its reach:
#: "nothing could have been done better", "not a very good".
NEGATION_TRANSPARENT = frozenset("me us him her them made make makes feel felt "
                                 "could have been be is was are were do does did would "
                                 "should will can has had ever really that a an the so "
                                 "very any at all much".split())

#: Words that start a new clause with a contrasting view.
CONTRASTIVE = frozenset("but however although though except whereas yet".split())

INTENSIFIERS = {
    "very": 1.3, "really": 1.3, "so": 1.3, "too": 1.3, "extremely": 1.5,
    "incredibly": 1.5, "absolutely": 1.4, "totally": 1.3, "super": 1.3, "such": 1.2,
    "utterly": 1.5, "completely": 1.3, "truly": 1.3, "genuinely": 1.3, "always": 1.1,
    "most": 1.2, "highly": 1.3, "massively": 1.4, "proper": 1.2, "properly": 1.1,
    "soo": 1.3, "sooo": 1.3, "honestly": 1.1, "literally": 1.1, "especially": 1.1,
    "ever": 1.1, "actually": 1.1, "definitely": 1.2, "deeply": 1.3,
}
DOWNTONERS = {"quite": 0.8, "slightly": 0.5, "fairly": 0.8, "somewhat": 0.6,
              "kinda": 0.7, "bit": 0.6, "pretty": 1.0, "reasonably": 0.8, "mostly": 0.8}

#: Negating these gives full praise: "never judged me", "can't fault them".
STRONG_FLIP = frozenset("judge judg judged judging judgemental judgmental fault complaint "
                        "complain complaints problem problems issue issues trouble rush "
                        "rushed hesitate pressure pressured forced force bother "
                        "micromanag micromanaged blame blamed wait waiting".split())

#: TextBlob words that carry no feeling in feedback ("my little sister", "my own room",
#: "the other worker", "lol" and "haha", which mark tone and are often sarcastic).
ZERO_WORDS = frozenset(
    "little own big old new first last same other real actual more most less much many "
    "only free full whole high low young younger older open different sure black white "
    "social touching abuse harm trauma lol haha lmao ok okay alright fine just "
    "extremely absolutely totally "
    "incredibly highly really very pretty super such mean long short certain next "
    "main general particular public private able hot dark special clear sound young "
    "final entire huge large small local single usual common due able live early "
    "extra further ready possible past present strong weak simple normal".split()
    + ["well"]
)

#: Domain words with their polarity (TextBlob's value is replaced where both exist).
DOMAIN_WORDS: dict[str, float] = {
    # being heard, respected, helped
    "listened": 0.5, "listens": 0.5, "listen": 0.4, "listening": 0.4, "heard": 0.2,
    "helped": 0.5, "helps": 0.4, "helpful": 0.6, "helping": 0.4, "supportive": 0.6,
    "supported": 0.5, "support": 0.2, "kind": 0.6, "kindness": 0.6, "caring": 0.6,
    "cared": 0.4, "respect": 0.4, "respected": 0.6, "respectful": 0.6, "valued": 0.6,
    "believed": 0.5, "understood": 0.5, "understanding": 0.5, "explained": 0.4,
    "explains": 0.4, "safe": 0.5, "safer": 0.5, "trust": 0.4, "trusted": 0.5,
    "thank": 0.5, "thanks": 0.4, "thankyou": 0.5, "grateful": 0.7, "appreciated": 0.6,
    "appreciate": 0.5, "polite": 0.5, "courteous": 0.6, "reassuring": 0.6,
    "reassured": 0.5, "prompt": 0.4, "punctual": 0.5, "efficient": 0.5,
    "approachable": 0.5, "welcoming": 0.6, "chill": 0.3, "loved": 0.6, "love": 0.5,
    "loves": 0.5, "enjoyed": 0.6, "enjoy": 0.5, "liked": 0.5, "like": 0.0,
    "likes": 0.3, "recommend": 0.6, "recommended": 0.5, "professional": 0.5,
    "professionalism": 0.5, "attentive": 0.6, "compassionate": 0.7, "sympathetic": 0.5,
    "lovely": 0.7, "amazing": 0.8, "awesome": 0.8, "fab": 0.7, "fantastic": 0.8,
    "brilliant": 0.8, "sorted": 0.4, "smooth": 0.4, "calm": 0.3, "patient": 0.0,
    "difference": 0.3, "lifeline": 0.8, "pressure": -0.3, "cares": 0.3, "saved": 0.6,
    "included": 0.4, "empowered": 0.6,
    "confident": 0.5, "useful": 0.5,
    "informative": 0.5, "practical": 0.3, "engaging": 0.5, "valuable": 0.6,
    "powerful": 0.4, "fault": -0.4, "faultless": 0.8, "superb": 0.9, "smiling": 0.4,
    "friendly": 0.5, "sober": 0.3, "sound": 0.0, "gentle": 0.5, "honest": 0.4,
    "comfortable": 0.5, "fun": 0.5, "happier": 0.6, "glad": 0.5, "relieved": 0.4,
    "explain": 0.2, "remembered": 0.4, "remembers": 0.4, "mattered": 0.4, "smile": 0.4,
    "argue": -0.3, "argues": -0.3, "arguing": -0.3, "arguments": -0.3,
    # not heard, judged, frightened, let down
    "ignored": -0.6, "ignore": -0.5, "ignores": -0.5, "judged": -0.6,
    "judgemental": -0.6, "judgmental": -0.6, "judging": -0.4, "judge": -0.3,
    "blamed": -0.6, "blame": -0.4, "dismissed": -0.5, "dismissive": -0.6,
    "rude": -0.7, "rudeness": -0.7, "patronising": -0.6, "patronizing": -0.6,
    "scared": -0.6, "scary": -0.6, "frightened": -0.6, "afraid": -0.5,
    "terrified": -0.8, "terrifying": -0.7, "worried": -0.4, "worry": -0.3,
    "nervous": -0.3, "anxious": -0.4, "upset": -0.5, "upsetting": -0.5, "cry": -0.5,
    "crying": -0.5, "cried": -0.5, "cries": -0.5, "hurt": -0.5, "hurts": -0.6,
    "unsafe": -0.6, "unhelpful": -0.6, "unprofessional": -0.6, "uncaring": -0.6,
    "wait": -0.25, "waited": -0.3, "waiting": -0.3, "delay": -0.4, "delays": -0.4,
    "delayed": -0.4, "cancelled": -0.4, "canceled": -0.4, "chasing": -0.3,
    "forgotten": -0.5, "dropped": -0.3, "jargon": -0.4, "confusing": -0.5,
    "confused": -0.4, "pointless": -0.6, "useless": -0.7, "rushed": -0.4,
    "exhausted": -0.5, "stressful": -0.5, "stressed": -0.4, "struggle": -0.4,
    "struggling": -0.4, "unhappy": -0.6, "disappointed": -0.6, "disappointing": -0.6,
    "annoying": -0.5, "annoyed": -0.5, "boring": -0.5, "cringe": -0.3,
    "embarrassing": -0.4, "embarrassed": -0.4, "complaint": -0.4, "complain": -0.3,
    "problem": -0.3, "problems": -0.3, "issue": -0.2, "issues": -0.2, "trouble": -0.3,
    "mess": -0.5, "joke": -0.3, "shambles": -0.7, "nightmare": -0.7, "painful": -0.5,
    "pain": -0.3, "lost": -0.3, "missing": -0.4, "hungry": -0.4, "starving": -0.3,
    "alone": -0.3, "lonely": -0.5, "angry": -0.5, "anger": -0.3, "shouts": -0.4,
    "shouting": -0.4, "screaming": -0.5, "scream": -0.5, "bullied": -0.7,
    "bullying": -0.6, "hits": -0.6, "hit": -0.4, "beat": -0.5, "slaps": -0.7,
    "chokes": -0.8, "punches": -0.7, "kicks": -0.5, "threatens": -0.7,
    "threatened": -0.7, "bruise": -0.5, "bruises": -0.5, "marks": -0.2, "drunk": -0.4,
    "die": -0.6, "dead": -0.5, "kill": -0.6, "cut": -0.3, "groomed": -0.7,
    "harming": -0.6, "abused": -0.7, "hide": -0.3,
    "worthless": -0.8, "stupid": -0.6, "terrible": -0.8, "awful": -0.8,
    "horrible": -0.8, "dreadful": -0.8, "appalling": -0.9, "disgusting": -0.8,
    "shocking": -0.6, "abrupt": -0.5, "arrogant": -0.6, "condescending": -0.6,
    "cold": -0.4, "impossible": -0.5, "exhausting": -0.5, "unfair": -0.6,
    "forced": -0.4, "pressured": -0.4, "rushing": -0.3, "micromanaged": -0.4,
    "unreadable": -0.6, "overwhelmed": -0.5, "overwhelming": -0.4, "dreading": -0.3,
    "limbo": -0.4, "slow": -0.4, "late": -0.4, "lateness": -0.4, "hassle": -0.4,
    "unanswered": -0.5, "unclear": -0.4, "inconsistent": -0.4, "chaotic": -0.6,
    "overstretched": -0.4, "understaffed": -0.5, "unbearable": -0.7, "mean": 0.0,
    "sadly": -0.4, "unfortunately": -0.4, "fed": 0.0, "tired": -0.3, "rubbish": -0.6,
    "crap": -0.6, "shit": -0.6, "pants": 0.0, "sucks": -0.6, "hate": -0.7,
    "quicker": 0.3, "faster": 0.3, "reliable": 0.5, "godsend": 0.8, "exceeded": 0.6,
    "accommodating": 0.5,
    "considerate": 0.5, "clean": 0.3, "tidy": 0.3, "satisfied": 0.5, "shortage": -0.4,
    "shortages": -0.4, "understaffing": -0.5, "hated": -0.7, "hates": -0.6, "smashed": -0.5,
    "emojipos": 0.5, "emojineg": -0.5,
}

#: Stems for inflections not listed above ("listening" -> "listen").
DOMAIN_STEMS: dict[str, float] = {
    "listen": 0.4, "help": 0.4, "ignor": -0.5, "judg": -0.4, "respect": 0.4,
    "support": 0.3, "explain": 0.3, "thank": 0.5, "appreci": 0.5, "delay": -0.4,
    "cancel": -0.4, "bulli": -0.6, "threaten": -0.6, "frighten": -0.6, "scare": -0.5,
    "wait": -0.2, "struggl": -0.4, "complain": -0.3, "reassur": 0.5, "recommend": 0.5,
    "valu": 0.4, "trust": 0.3, "welcom": 0.5, "blam": -0.5, "dismiss": -0.4,
}

#: Multi-word expressions searched in the space-padded normal text of a clause.
DOMAIN_PHRASES: tuple[tuple[str, float], ...] = (
    (" on time ", 0.4), (" on our side ", 0.6), (" down to earth ", 0.5),
    (" went above and beyond ", 0.9), (" above and beyond ", 0.8),
    (" extra mile ", 0.8), (" made a difference ", 0.6), (" made a real difference ", 0.7),
    (" changed my life ", 0.9), (" at ease ", 0.5), (" took the time ", 0.5),
    (" made time ", 0.4), (" could not fault ", 0.8), (" can not fault ", 0.8),
    (" no complaints ", 0.6), (" nothing was too much ", 0.7), (" well done ", 0.6),
    (" keep up the good work ", 0.8), (" get me ", 0.4), (" gets me ", 0.4),
    (" got it ", 0.1), (" credit where ", 0.5), (" treated like ", -0.4),
    (" talked down to ", -0.6), (" talk down to ", -0.6), (" looked down on ", -0.6),
    (" fell through the cracks ", -0.6), (" let down ", -0.6), (" let us down ", -0.6),
    (" let me down ", -0.6), (" passed from ", -0.4), (" passed around ", -0.4),
    (" fobbed off ", -0.6), (" waste of time ", -0.7), (" waste of space ", -0.7),
    (" no idea ", -0.3), (" nobody asked ", -0.4), (" no one asked ", -0.4),
    (" nothing changes ", -0.5), (" nothing has changed ", -0.5),
    (" nothing happened ", -0.4), (" heard nothing ", -0.5), (" never heard back ", -0.5),
    (" no one called ", -0.4), (" nobody called ", -0.4), (" no one told ", -0.4),
    (" nobody told ", -0.4), (" no support ", -0.5), (" no help ", -0.5),
    (" not enough ", -0.4), (" over the top ", -0.5), (" sledgehammer ", -0.5),
    (" end of my tether ", -0.5), (" black hole ", -0.5), (" dropped like ", -0.6),
    (" too long ", -0.4), (" long wait ", -0.5), (" waiting list ", -0.3),
    (" for ages ", -0.4),
    (" ages ", -0.3), (" kept waiting ", -0.5), (" chase ", -0.3),
    (" cut me off ", -0.5), (" like we were not there ", -0.5), (" out of trouble ", 0.4),
    (" look after each other ", 0.6), (" looked after ", 0.4), (" looks after ", 0.4),
    (" kick off ", -0.2), (" do nothing ", -0.5), (" did nothing ", -0.5),
    (" treated with respect ", 0.7), (" out of their way ", 0.7), (" out of her way ", 0.7),
    (" out of his way ", 0.7), (" bent over backwards ", 0.7), (" on my side ", 0.6),
    (" about anything ", 0.3), (" at my own pace ", 0.4), (" at our own pace ", 0.4),
    (" different person ", -0.3), (" ticking boxes ", -0.5), (" tick boxes ", -0.5),
    (" box ticking ", -0.5), (" tick box ", -0.4),
    (" changed how ", 0.4), (" changed the way ", 0.4), (" makes time ", 0.4),
    (" make time for ", 0.4),
    (" a star ", 0.6), (" spot on ", 0.6), (" took forever ", -0.5), (" takes forever ", -0.5),
    (" on her phone ", -0.4), (" on his phone ", -0.4), (" on their phones ", -0.4),
    (" in the dark ", -0.5), (" again and again ", -0.4), (" over and over ", -0.4),
    (" had to repeat ", -0.4), (" repeat myself ", -0.4), (" repeating myself ", -0.4),
    (" tell my story ", -0.2), (" minds up ", -0.4), (" mind up ", -0.4),
    (" already decided ", -0.4), (" turned things round ", 0.6),
    (" turned things around ", 0.6), (" turned our lives around ", 0.8), (" without fail ", 0.6),
    (" had a say ", 0.5),
    (" got to say ", 0.4), (" got to choose ", 0.4), (" knew where i stood ", 0.5),
    (" speaks for me ", 0.5), (" speak up for me ", 0.5), (" stood up for me ", 0.5),
    (" stuck up for me ", 0.5), (" mean to me ", -0.4), (" mean to us ", -0.4),
    (" first class ", 0.8), (" 1st class ", 0.8),
    (" all ok ", 0.4), (" all fine ", 0.4), (" all good ", 0.5), (" all been fine ", 0.4),
    (" everything is fine ", 0.4), (" everything was fine ", 0.4),
    (" everything is ok ", 0.4), (" everything was ok ", 0.4),
    (" everything is alright ", 0.4), (" everything was alright ", 0.4),
    (" difficult to improve ", 0.6), (" hard to improve ", 0.6),
    (" low staff ", -0.4), (" treated us like ", -0.5),
)
