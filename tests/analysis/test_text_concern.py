"""Concern detection: recall first, but not on idioms, accidents or service criticism."""

import pytest

from analysis.text import analyse_text
from analysis.text.concern import detect_concern


def flagged(text: str, category: str | None = None) -> bool:
    result = detect_concern(text)
    if category is None:
        return result.concern
    return category in result.categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # misspellings and text-speak
        ("he hurts me wen mum is out", "physical_abuse"),
        ("my step dad slaped me agen last nite", "physical_abuse"),
        ("my uncle keeps tuching me and i dont like it", "sexual_abuse"),
        ("im getting bulied evry day at skool", "bullying_harm"),
        ("sumtimes i want to kill myself", "self_harm_suicide"),
        ("i dont wanna live any more", "self_harm_suicide"),
        # indirect disclosures
        ("i dont want to go home", "running_away"),
        ("i hide under the bed when he gets angry", "domestic_abuse"),
        ("I wear a hoodie so nobody sees the bruises", "physical_abuse"),
        ("nobody is home at night and I have to put my sister to bed", "neglect"),
        ("there is never any food in our house and i am hungry all the time", "neglect"),
        ("my mums boyfriend says if i tell anyone he will send me away", "emotional_abuse"),
        ("everyone would be better off without me", "self_harm_suicide"),
        ("nobody would notice if i was gone", "self_harm_suicide"),
        # past harm
        ("when I was seven my babysitter made me touch him", "sexual_abuse"),
        ("I was hit a lot by my dad when I was small", "physical_abuse"),
        # exploitation and online harm
        ("some older lads give me cash to carry packages to other towns", "exploitation"),
        ("a man on snapchat keeps asking me to send pictures", "exploitation"),
        (
            "people in my class made a fake account and keep calling me names, i cry a lot",
            "bullying_harm",
        ),
        # adults at home
        ("dad punched mum in the kitchen and there was blood", "domestic_abuse"),
        ("my husband checks my phone and will not let me see my sister", "domestic_abuse"),
        # asking for help
        ("please can someone help me, I do not feel safe at home", "asks_for_help"),
        ("can i talk to someone about stuff at my dads", "asks_for_help"),
        ("i keep going missing from my placement", "running_away"),
    ],
)
def test_disclosures_are_flagged(text, category):
    assert flagged(text, category), detect_concern(text)


def test_disclosure_buried_in_happy_feedback():
    text = (
        "Loved the trip to the farm and the staff were ace! Best day ever. "
        "My dads friend touches me in the bath though"
    )
    result = analyse_text(text)
    assert result.concern
    assert "sexual_abuse" in result.concern_categories
    assert result.sentiment in ("mixed", "negative")


def test_each_flag_says_why():
    result = detect_concern("my brother hits me and i want to run away")
    assert result.categories == ("physical_abuse", "running_away")
    assert result.matches == ("hits me", "run away")
    assert result.level == 2


def test_self_harm_is_urgent():
    assert detect_concern("i cut myself again last week").level == 3
    assert detect_concern("my dad threatened to kill my mum").level == 3


@pytest.mark.parametrize(
    "text",
    [
        # idioms
        "my mum will kill me if I'm late lol",
        "my dad would literally murder me if he saw my phone bill haha",
        "this test is killing me",
        "I'm starving lol can we have chips",
        "I'm dying to go on the residential",
        # harmless uses of trigger words
        "I hurt my knee at football",
        "we played dodgeball and Sam hit me with the ball",
        "my brother beat me at fifa again",
        "fell off my scooter and got a massive bruise on my leg",
        "my phone went missing at the bus stop",
        "we played hide and seek under the beds at nan's",
        "mum pushed me to do my homework and I got good marks",
        "my friend punched me on the arm as a joke",
        "the dentist hurt me a bit but it was fine",
        "my cat went missing last week",
        # negated
        "my parents argue sometimes but they never hit each other",
        "nobody hurts me at home, I'm happy",
        # service criticism
        "my social worker never listens",
        "the worker was rude and kept us waiting for an hour",
        # staff writing about training
        "The course on neglect was really useful for my practice",
        "Good session on self-harm awareness, I feel more confident now",
        "the domestic abuse training was excellent",
        "We covered county lines and grooming in the refresher",
        "Our DSL gave a talk on self-harm and suicide prevention",
        # present safety
        "I feel safe at home",
        "I like my foster carers and I feel safe there",
    ],
)
def test_no_concern(text):
    assert not flagged(text), detect_concern(text)


def test_non_english_disclosures():
    assert flagged("Mój tata bije mnie codziennie", "physical_abuse")
    assert flagged("czasami nie chce juz zyc", "self_harm_suicide")
    assert flagged("أبي يضربني", "physical_abuse")


def test_no_concern_result_is_empty():
    result = detect_concern("The group was fun and the leaders were kind")
    assert (result.concern, result.level, result.categories, result.matches) == (False, 0, (), ())


def test_concern_sets_the_safety_theme():
    result = analyse_text("my step dad hits me")
    assert "safety" in result.themes
    assert result.theme_sentiment["safety"] == "negative"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("ma step-dad hitz me", "physical_abuse"),
        ("i want 2 die", "self_harm_suicide"),
        ("kms", "self_harm_suicide"),
        ("mum neva feeds us", "neglect"),
        ("i dnt wanna go home", "running_away"),
        ("she says im worthless", "emotional_abuse"),
        ("da man at da shop gives me free vapes n sweets", "exploitation"),
    ],
)
def test_text_speak_disclosures(text, category):
    assert flagged(text, category), detect_concern(text)


def test_a_teacher_on_schoolwork_is_not_emotional_abuse():
    assert not flagged("my teacher says I'm stupid at maths but I know I'm not")


@pytest.mark.parametrize(
    "text",
    [
        "my little brother hits me when we play but its fine",
        "nobody at home knows I came here today",
        "no food allowed in the sessions",
        "I got hit by a car last year but I am ok now",
    ],
)
def test_everyday_false_alarms(text):
    assert not flagged(text), detect_concern(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my dad broke my arm and told the hospital i fell", "physical_abuse"),
        ("i dont eat because i want to disappear", "self_harm_suicide"),
        ("my uncle gave me money not to tell about what he does", "sexual_abuse"),
        ("last year a boy in year 10 forced me to do stuff at a party", "sexual_abuse"),
        ("mum's boyfriend watches me in the shower", "sexual_abuse"),
        ("they make me sleep in the garden when im bad", "emotional_abuse"),
        ("i get really scared when my parents fight and dad hits the wall", "domestic_abuse"),
        ("i heard my mum screaming last night and there was blood", "domestic_abuse"),
        ("my mum hasnt been home for three days", "neglect"),
        ("i'm pregnant and my boyfriend is 28", "exploitation"),
    ],
)
def test_less_common_disclosures(text, category):
    assert flagged(text, category), detect_concern(text)


@pytest.mark.parametrize(
    "text",
    [
        "the youth worker told us about a girl who ran away in a story",
        "i want to die of embarrassment lol",
        "I broke my arm at football",
    ],
)
def test_stories_and_figures_of_speech(text):
    assert not flagged(text), detect_concern(text)


@pytest.mark.parametrize(
    "text",
    [
        "my stepmum pulls my hair when she's cross",
        "my older cousin does things to me that i dont like when we're alone",
        "we havent had any food since friday",
        "i keep thinking everyone would be better without me",
        "i scratch my arms until they bleed",
        "i carry stuff for my cousin's mates and they said they'll hurt my family if i stop",
        "a man i met gaming wants me to come to his house and not tell my parents",
        "my mum's boyfriend chokes her when he's drunk",
        "me and my sister are scared of our dad",
        "they take pictures of me when im getting changed",
        "my dad throws me against the wall when he's angry",
        "my mum is always passed out on the sofa",
        "people on tiktok keep telling me i should die",
        "i'm going to leave and never come back",
        "i stayed at a stranger's flat last night",
        "i need to tell someone about what's happening to me",
        "im scared all the time at home",
        "i get locked out of the house all night",
        "my mum keeps me off school to look after my sisters",
        "someone older keeps adding me on snap and asking where i live",
        "she grabbed my neck and wouldnt let go",
    ],
)
def test_wider_disclosures(text):
    assert flagged(text), detect_concern(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was scared before the meeting but it was ok",
        "My autistic son gets scared of doctors but they were great with him",
        "I want to tell you I appreciate it",
        "I stayed at my friend's house for a sleepover",
        "Mum made me go to bed early as a punishment",
        "my teacher took pictures of our art project",
    ],
)
def test_wider_ordinary_sentences(text):
    assert not flagged(text), detect_concern(text)


@pytest.mark.parametrize(
    "text",
    [
        "our house has mould everywhere and my little brother is always ill from it",
        "sometimes i just want to go to sleep forever",
        "i made myself sick again after tea",
        "i'm 14 and my girlfriend's brother who is 22 keeps messaging me",
        "dad hasn't fed us properly for ages",
        "my cousin takes photos of me in the bath",
        "an older girl makes me hold things for her boyfriend",
        "people in my year have a group where they share pictures of me and laugh",
        "i haven't got anywhere to sleep tonight",
        "please call me, i'm not safe",
    ],
)
def test_yet_more_disclosures(text):
    assert flagged(text), detect_concern(text)


# Two more rounds of our own sentences, written before the detector saw them.
@pytest.mark.parametrize(
    "text",
    [
        "my nan's husband comes into the bathroom when i'm in there",
        "i don't get fed at weekends when i'm at my dad's",
        "mum's boyfriend squeezes my arm really hard till it goes purple",
        "i think my brother is selling drugs for someone and he's only 12",
        "i don't like the way my swimming coach looks at me and messages me late at night",
        "there's a lot of fighting at home and the police came again",
        "she calls me fat and disgusting and won't let me eat with everyone else",
        "im tired of everything and want it all to stop",
        "i sometimes bang my head against the wall to make the thoughts stop",
        "my mates brother gets us to deliver things on our bikes",
        "my friend at school has cuts on her arms and made me promise not to say",
        "i'm being kept at home and not allowed to see my friends or go out",
        "he keeps sending me messages saying he loves me and he's 30",
        "nobody picks me up from school and i have to walk home in the dark on my own",
        "mum smacks my little sister really hard",
        "i'm frightened of going back to the flat",
        "my mum's new boyfriend has been in prison for hurting kids",
        "i get hit a lot",
        "i have bruises on my legs from dad",
        "a girl in year 9 keeps threatening to stab me",
        "dad says i'm a mistake",
        "someone showed me a video of people doing sex",
        "i feel like no one would miss me",
        "they force me to take drugs",
        "i sleep in a car with my mum",
        "my dad's friend gives me cigarettes and asks me to sit in his car",
        "there's never any electricity and we eat cold beans from the tin",
        "mum gets angry and bites me",
        "i tried to hang myself last year",
        "i wish i was never born",
        "i was touched by a man on the bus on the way to school",
        "my brother's friends make me hold their knives",
        "i'm too scared to go to sleep because of the noises downstairs when they fight",
        "my foster carer's son comes into my bed",
        "i haven't eaten properly in days",
        "they put me in the cold bath as punishment",
        "when my mum drinks she forgets i exist",
        "a teacher keeps giving me lifts home and buying me things and says it's our secret",
        "my stepdad said he'll kill me if i tell",
        "i keep having thoughts about ending my life",
        "my mum is in hospital and nobody is looking after us",
        "dad says i'm useless and hits me round the head",
        "i want to run off and live on the streets",
        "i was made to send videos to a man online",
        "i feel like hurting myself when i get home",
    ],
)
def test_fresh_rounds_of_disclosures(text):
    assert flagged(text), detect_concern(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sister is always hungry after school haha",
        "we went to the beach and i got sunburnt",
        "dad is a police officer and he keeps us safe",
        "my friends and I share photos from the trip",
        "the worker told me about a safe place I can go if I need it",
        "My mum drinks wine at Christmas",
        "I was nervous meeting new people but it was fine",
        "the sex education lesson was embarrassing",
        "my mum picks me up late sometimes because of work",
        "We got a dog and he bit my sock lol",
        "my mum gets angry when i don't tidy up lol",
        "my brother bites his nails and it's gross",
        "the cold bath at the spa was fun",
        "i had a secret santa at school",
        "i wish i was older so i could drive",
        "we learned about knife crime and gangs in assembly",
        "my dad's friend gave me a lift to football",
        "i forgot my lunch so my friend shared hers",
        "the film was about a girl whose mum drinks",
        "I got a lift home from the youth worker after the session",
    ],
)
def test_fresh_rounds_of_ordinary_sentences(text):
    assert not flagged(text), detect_concern(text)
