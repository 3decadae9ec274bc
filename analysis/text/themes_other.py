"""Theme words for Heard's other survey languages (see themes.find_themes_other)."""

from __future__ import annotations

#: A few words per theme for the other survey languages, matched as prefixes on the
#: lower-cased text with Polish and Romanian diacritics folded (see tokens.fold).
#: Romanian entries are Snowball stems. A modest start, for native speakers to extend.
OTHER_LANGUAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "listened_to": ("slucha", "wyslucha", "nie slucha"),
        "respected": (
            "mila",
            "mily",
            "mili",
            "uprzejm",
            "szacun",
            "szanow",
            "nieuprzejm",
            "niemil",
        ),
        "communication": ("wytlumaczy", "wyjasni", "informow", "tlumacz", "list"),
        "timeliness": ("czeka", "dlugo", "szybko", "opozni"),
        "proportionate_help": ("pomog", "pomoc"),
        "safety": ("bezpiecz",),
        "judged": ("ocenia", "osadza"),
        "relationship_with_worker": ("zaufan", "ufam"),
    },
    "ro": {
        "listened_to": ("ascult",),
        "respected": ("amabil", "respect", "draguț", "dragut", "politicos", "nepoliticos"),
        "communication": ("explic", "inform", "scrisor"),
        "timeliness": ("astept", "întarzi", "intarzi", "repede"),
        "proportionate_help": ("ajut",),
        "safety": ("sigur", "siguranț", "siguranta"),
        "judged": ("judec",),
        "relationship_with_worker": ("încred", "incred"),
    },
    "ur": {
        "listened_to": ("سنی", "سنا", "سنتے", "سنتی"),
        "respected": ("عزت", "احترام", "اچھی", "اچھے", "مہربان"),
        "communication": ("بتایا", "معلومات", "سمجھایا", "خط"),
        "timeliness": ("انتظار", "دیر"),
        "proportionate_help": ("مدد",),
        "safety": ("محفوظ",),
    },
    "pa": {
        "listened_to": ("ਸੁਣੀ", "ਸੁਣਦੀ", "ਸੁਣਦਾ", "ਸੁਣਿਆ"),
        "respected": ("ਇੱਜ਼ਤ", "ਸਤਿਕਾਰ", "ਚੰਗ"),
        "communication": ("ਦੱਸਿਆ", "ਜਾਣਕਾਰੀ", "ਸਮਝਾਇਆ"),
        "timeliness": ("ਉਡੀਕ", "ਦੇਰ"),
        "proportionate_help": ("ਮਦਦ",),
        "safety": ("ਸੁਰੱਖਿਅਤ",),
        "responsiveness": ("ਕੌਂਸਲ", "ਇਲਾਕੇ", "ਸਹੂਲਤ"),
    },
    "ar": {
        "listened_to": ("استمع", "يستمع", "تستمع", "سمع"),
        "respected": ("احترام", "لطيف", "لطيفة"),
        "communication": ("شرح", "تشرح", "يشرح", "الرسائل", "رسائل", "معلومات"),
        "timeliness": ("انتظر", "انتظار", "تأخر"),
        "proportionate_help": ("ساعد", "مساعدة"),
        "safety": ("آمن", "أمان", "يضرب"),
        "understood_story": ("يصدق", "صدق"),
    },
    "so": {
        "listened_to": ("dhageys", "maqlay"),
        "respected": ("fiican", "ixtiraam", "naxariis"),
        "communication": ("turjubaan", "sharax", "macluumaad", "warqad"),
        "timeliness": ("sug", "daah"),
        "proportionate_help": ("caawi", "gargaar"),
        "safety": ("badbaado", "nabad"),
    },
    "gu": {
        "listened_to": ("સાંભળ",),
        "respected": ("આદર", "માન"),
        "communication": ("સમજાવ", "માહિતી"),
        "timeliness": ("રાહ",),
        "proportionate_help": ("મદદ",),
        "safety": ("સુરક્ષિત",),
    },
    "ta": {
        "listened_to": ("கேட்டா", "கேட்டு"),
        "respected": ("மரியாதை", "அன்பா"),
        "communication": ("விளக்க", "தகவல்"),
        "timeliness": ("காத்திரு",),
        "proportionate_help": ("உதவ",),
        "safety": ("பாதுகாப்பா",),
    },
}
