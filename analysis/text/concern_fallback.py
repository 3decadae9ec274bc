"""Concern detection's last resort and its phrases in other languages.

See concern_rules.py for how the rules read.
"""

from __future__ import annotations

from .concern_vocab import (
    EMOTIONAL,
    EXPLOITATION,
    HELP,
    NEGLECT,
    PHYSICAL,
    RUNNING,
    SELF_HARM,
    SEXUAL,
    SPORT,
    Rule,
)

#: Last resort, level 1 ("possible"): words that rarely appear in feedback except about
#: harm. They count only when no specific rule fired, not in text about training, not
#: negated, and never in a sport or accident. A human reads every flag; a missed
#: disclosure costs more than a false alarm.
FALLBACK_RULES: tuple[Rule, ...] = (
    Rule(
        SEXUAL,
        1,
        (
            r"(?:sex|sexual|porn|porno|naked|nude|nudes|privates|private parts|"
            r"rape|raped|molested|groped|flashed|paedo|pedo|paedophile)",
        ),
        kind="topic",
        alone=True,
    ),
    Rule(
        PHYSICAL,
        1,
        (
            r"(?:bruises|bruised|bruising|bleeding|beaten|punched|slapped|smacked|"
            r"smacks|strangled|choked|whipped|battered|hurting me|hurts me|gets hit|"
            r"get hit|got hit|being hit|prison for)",
        ),
        kind="topic",
        alone=True,
        exclude=SPORT + r"|\b(?:pregnant|ambulance|hospital|nurse|doctor|a&e|paramedics?|"
        r"operation|surgery|gp|nose|period|gums|head cut|a cut)\b",
    ),
    Rule(
        EXPLOITATION,
        1,
        (
            r"(?:drugs|cocaine|heroin|crack(?! a)|ket|spice|county lines|stab|"
            r"stabbed|knife|knives|gun|gang|gangs|owe)",
        ),
        kind="topic",
        alone=True,
        exclude=r"\b(?:crime|awareness|talk|assembly|film|"
        r"programme|tv|game|machine gun|games)\b",
    ),
    Rule(
        SELF_HARM,
        1,
        (
            r"(?:suicide|suicidal|overdose|cuts on|cutting(?! (?:me|us) off)|"
            r"miss me|want it (?:all )?to stop|make (?:it|them|the thoughts) stop|"
            r"tired of (?:everything|living|life)|bang my head|hurt myself|"
            r"not be here)",
        ),
        kind="topic",
        alone=True,
        exclude=r"\b(?:died|passed away|lol|haha|lmao|laughing|"
        r"boring|battery|phone|dog|cat|pet|nan|grandad|"
        r"grandma|film|game|plant|plants)\b",
    ),
    Rule(
        EMOTIONAL,
        1,
        (
            r"(?:not allowed to (?:see|go|leave|eat|have|talk|speak|play)|kept "
            r"(?:at home|inside|locked|in my room|in the house)|threaten\w*|threats|"
            r"i am a mistake|"
            r"(?:fat|ugly|stupid|worthless|useless) and (?:fat|ugly|stupid|"
            r"worthless|useless|disgusting)|(?:frightened|scared|afraid|terrified) "
            r"of (?:going|being|him|her|them|home))",
        ),
        kind="topic",
        alone=True,
        exclude=r"\blife threaten",
    ),
    Rule(
        NEGLECT,
        1,
        (
            r"(?:not fed|do not get fed|never get fed|no one feeds|walk "
            r"home (?:\S+ ){0,3}(?:dark|alone|on my own)|(?:nobody|no one) picks "
            r"(?:me|us) up|on my own (?:all|at) night|(?:dirty|smelly) clothes)",
        ),
        kind="topic",
        alone=True,
    ),
    Rule(
        HELP,
        1,
        (
            r"(?:promise|promised) (?:\S+ ){0,2}not to (?:say|tell)|do not tell "
            r"anyone|(?:she|he|they|my friend) (?:is|are|has|have) (?:cuts|bruises|"
            r"been hurt)",
        ),
        kind="topic",
        alone=True,
    ),
)

#: Disclosures in the other survey languages (a modest first list: to be reviewed by
#: native speakers). Matched on the lower-cased text with Polish and Romanian
#: diacritics folded, as children often type without them.
MULTILINGUAL: tuple[tuple[str, int, str], ...] = (
    # Polish
    (
        SELF_HARM,
        3,
        r"nie chce (?:juz |już )?(?:zyc|żyć)|zabic sie|zabije sie|samookalecz|"
        r"tne sie|chce umrzec",
    ),
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
