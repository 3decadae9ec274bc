"""Free-text answers for the text-analysis rate, written for the benchmark.

Sentences are built from fragments (children's, parents' and staff words, some happy,
some not, some misspelt, a few long), so the analyser sees varied input of realistic
length without reusing any labelled data set.
"""

from __future__ import annotations

import random

OPENINGS = [
    "My worker",
    "The lady from the hub",
    "my social worker",
    "Mum's support worker",
    "The staff at school",
    "The nurse",
    "Our family worker",
    "the man at the meeting",
    "The health visitor",
    "The youth worker",
    "They",
    "Everyone at the centre",
]
MIDDLES = [
    "listened to me properly",
    "didnt really listen",
    "explained what would happen next",
    "kept changing the plan without telling us",
    "was kind and patient with my little brother",
    "made me feel judged about my parenting",
    "helped us get food vouchers when we had nothing",
    "was always late and cancelled twice",
    "believed me when I told them",
    "talked to mum not me",
    "asked what I wanted and wrote it down",
    "used words i didnt understand",
    "came every week even when things were hard",
    "never rang back",
]
ENDINGS = [
    "",
    ".",
    "!",
    " and that made a big difference.",
    " so I felt a bit safer at home.",
    " but the waiting list was far too long.",
    " lol",
    " which was really annoying",
    ". I would like to have more say in the plan next time.",
    ". The meeting room was nice and they had biscuits.",
    ", I think it helped but I'm not sure.",
]
EXTRA = [
    "",
    "",
    " We moved house in March and the new school has been much better for him.",
    " Sometimes I wish someone would just ask me how I am feeling instead of asking mum.",
    " The course on neglect was useful and I have used the chronology tool in practice since.",
]


def sample_texts(count: int, seed: int = 11) -> list[str]:
    """`count` varied free-text answers (deterministic for a given seed)."""
    rng = random.Random(seed)
    return [
        f"{rng.choice(OPENINGS)} {rng.choice(MIDDLES)}{rng.choice(ENDINGS)}{rng.choice(EXTRA)}"
        for _ in range(count)
    ]
