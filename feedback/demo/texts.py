"""Made-up free text for the demo, in the voices Heard listens to. None of it is real."""

CHILD = [
    "My worker listens to me and I feel safe now",
    "Nobody asked me what I wanted at the meeting",
    "I liked that Sam came every week and explained things",
    "It was good but I had to wait a long time to see someone",
    "They were kind to me and my little brother",
    "I didnt like all the questions, it felt like they didnt believe me",
    "My social worker changed three times and I had to tell my story again",
    "I felt listened to and they helped my mum",
    "the meetings are boring and I dont understand the words they use",
    "I can talk to my worker about anything",
    "Thank you for helping our family",
    "I wish they told me what was going to happen next",
]
#: Worries a lead would want to read that the analyser's rules do not flag by themselves.
CHILD_UNFLAGGED = [
    "i sleep on the sofa at my aunties and we move house a lot",
    "my mums friend stays in our room sometimes and i dont like it",
]
CHILD_CONCERN = [
    "the people here are nice but my step dad hits me when mum is at work",
    "sometimes i dont want to go home because of the shouting",
]
PARENT = [
    "The health visitor was brilliant, never made me feel judged",
    "I felt like they had already decided before listening to our side",
    "The help was about right, not too much and not too little",
    "Letters were full of jargon and nobody called back",
    "Our worker was respectful and explained every step of the plan",
    "Too many different professionals asking the same questions",
    "We waited months for the first appointment",
    "They involved us in every decision and that made a difference",
    "I felt blamed for things that were not in my control",
    "The early help plan really helped us as a family",
]
STAFF = [
    "Leaders came to our team meeting and understood the pressures we face",
    "Supervision is regular and I feel supported by my manager",
    "Caseloads are too high to do the work properly",
    "I rarely see senior leaders and decisions feel far away from practice",
    "The training gave me confidence to have difficult conversations",
    "Information sharing with health partners has improved",
    "I have used the new tools from the course with two families already",
]
COMMUNITY = [
    "The partnership listened to our residents group and changed the plan",
    "We never hear back after we raise issues",
    "The family hub is welcoming and staff know the area",
    "More information in community languages would help",
    "It feels like decisions are made without asking us",
]
FOCUS = [
    "Young people said they want workers who stay and who keep promises",
    "Several said meetings are too big and they do not get a say",
    "The group felt safer since the youth centre opened in the evenings",
    "They valued being asked and want to hear what changes as a result",
]
