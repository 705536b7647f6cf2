"""Word lists of the figure rules: units that make a number a non-count, categories of counted
people, event and period markers."""

from __future__ import annotations

import re

from ...language import WEEKDAYS

TIME_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
    "night", "nights", "morning", "mornings", "year-old", "years-old", "yr", "yrs", "term",
    "terms", "season", "seasons", "round", "rounds", "time", "times", "generation",
}
MONEY_UNITS = {
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupee", "rupees",
    "cent", "cents", "franc", "francs", "peso", "pesos", "ruble", "rubles", "roubles",
    "dinar", "dinars", "shekel", "shekels", "usd", "eur", "gbp", "naira", "rand", "won",
    "lira", "riyal", "riyals",
}
MEASURE_UNITS = {
    "percent", "per", "%", "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile",
    "miles", "metre", "metres", "meter", "meters", "m2", "feet", "foot", "ft", "inch", "inches",
    "cm", "mm", "kg", "kilos", "kilograms", "tonne", "tonnes", "ton", "tons", "pound-force",
    "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "acre",
    "acres", "hectare", "hectares", "degree", "degrees", "mph", "kph", "magnitude", "basis", "percentage", "points",
    "point", "mw", "gw", "kw", "megawatts", "storeys", "stories", "floors", "calories",
    "square", "cubic", "knots", "bpd", "mbps", "lbs", "oz", "°c", "°f", "celsius",
    "fahrenheit",
}
CURRENCY_SYMBOLS = {"$", "£", "€", "¥", "₹", "us$", "a$", "c$", "₽", "₺"}
# days a count is dated by ("Monday's attack", "yesterday's toll")
DAY_WORDS = {*WEEKDAYS, "today", "yesterday", "tonight"}

# nouns that are themselves casualty words
NOUN_CATEGORY = {
    "dead": "killed", "death": "killed", "fatality": "killed", "body": "killed",
    "corpse": "killed", "life": "killed", "wounded": "injured", "injured": "injured",
    "injury": "injured", "refugee": "displaced", "evacuee": "displaced",
    "displaced": "displaced", "homeless": "displaced", "arrest": "arrested",
    "arrestee": "arrested", "missing": "missing", "evacuation": "displaced",
    "killing": "killed", "hurt": "injured", "murder": "killed", "homicide": "killed",
}
# verbs (lemmas) that put their subject/object in a category
VERB_CATEGORY = {
    "kill": "killed", "die": "killed", "slay": "killed", "slaughter": "killed",
    "massacre": "killed", "murder": "killed", "execute": "killed", "perish": "killed",
    "drown": "killed", "behead": "killed", "assassinate": "killed", "claim": "killed",
    "electrocute": "killed", "suffocate": "killed", "asphyxiate": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "hospitalize": "injured",
    "hospitalise": "injured", "maim": "injured", "burn": "injured",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced",
    "shelter": "displaced", "capture": "arrested",
    "uproot": "displaced", "relocate": "displaced",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "apprehend": "arrested", "intern": "arrested",
    "disappear": "missing", "vanish": "missing", "abduct": "missing", "kidnap": "missing",
}
# adjectives/participles used as complements: "left 12 dead", "were missing"
ADJ_CATEGORY = {
    "dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
    "hurt": "injured", "missing": "missing", "unaccounted": "missing", "homeless": "displaced",
    "trapped": "missing",
    "displaced": "displaced", "arrested": "arrested", "detained": "arrested",
}
# "claim"/"cost"/"take"/"lose" only count as killing with "lives"
SEVERE_ADVERBS = {"critically", "seriously", "severely", "gravely", "badly", "slightly",
                  "lightly"}
SEVERITY = {"critical", "serious", "stable", "grave", "severe", "life-threatening", "fair"}
LIFE_VERBS = {"claim", "cost", "take", "lose"}
TRANSPARENT = {"total", "group", "crowd", "number", "handful", "team", "party", "batch",
               "couple", "pair", "family", "band", "convoy", "busload", "boatload"}
TOLL_NOUNS = {"toll", "tally", "number", "count", "figure", "total"}
INCLUDE_VERBS = {"include", "comprise"}
REPORT_VERBS = {
    "say", "report", "tell", "suggest", "estimate", "announce", "confirm", "state", "add",
    "put", "quote", "cite", "claim", "according", "count", "record", "tally", "document",
    "warn", "note", "indicate", "show", "reveal", "declare", "tweet", "write",
}
COUNTING_VERBS = {"put", "estimate", "count", "report", "record", "confirm", "tally",
                  "document", "announce", "give", "register", "list"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"}

# group nouns that count people in general (merged for reconciliation)
GENERAL_GROUPS = {
    "people", "person", "persons", "civilian", "civilians", "resident", "residents",
    "villager", "villagers", "individual", "individuals", "victim", "victims", "dead",
    "death", "deaths", "fatality", "fatalities", "body", "bodies", "life", "lives",
    "inhabitant", "inhabitants", "citizen", "citizens", "casualty", "casualties",
    "wounded", "injured", "injury", "injuries", "missing", "refugee", "refugees",
    "evacuee", "evacuees", "displaced", "homeless", "detainee", "detainees", "prisoner",
    "prisoners", "arrest", "arrests", "others", "other", "those", "toll", "passenger",
    "passengers", "local", "locals",
}
PERSON_NOUNS = GENERAL_GROUPS | {
    "child", "children", "kid", "kids", "minor", "minors", "boy", "boys", "girl", "girls",
    "infant", "infants", "baby", "babies", "woman", "women", "man", "men", "soldier",
    "soldiers", "troop", "troops", "fighter", "fighters", "militant", "militants", "rebel",
    "rebels", "police", "policeman", "policemen", "officer", "officers", "firefighter",
    "firefighters", "rescuer", "rescuers", "journalist", "journalists", "worker", "workers",
    "student", "students", "pupil", "pupils", "patient", "patients", "migrant", "migrants",
    "pilgrim", "pilgrims", "worshipper", "worshippers", "tourist", "tourists", "employee",
    "employees", "staff", "crew", "protester", "protesters", "protestor", "protestors",
    "demonstrator", "demonstrators", "miner", "miners", "doctor", "doctors", "nurse", "nurses",
    "fan", "fans", "spectator", "spectators", "member", "members", "militiaman", "militiamen",
    "guard", "guards", "teacher", "teachers", "foreigner", "foreigners", "suspect", "suspects",
    "hostage", "hostages", "elderly", "adult", "adults", "teenager", "teenagers", "youth",
    "youths", "farmer", "farmers", "voter", "voters", "customer", "customers", "user", "users",
    "son", "sons", "daughter", "daughters", "husband", "husbands", "sibling", "siblings",
    "cousin", "cousins", "parent", "parents", "grandparents", "relatives", "nephews",
    "nieces", "uncles", "aunts", "spouses", "schoolgirls", "schoolboys", "schoolchildren",
    "tenants", "inmates", "pilots", "guests", "humans", "souls", "infantrymen", "muslims",
    "jews", "hindus", "sikhs", "kurds", "yazidis", "uighurs", "rohingya", "tutsis", "hutus",
    "activists", "detainees", "prisoners", "captives", "recruits", "conscripts",
    "peacekeepers", "paramedics", "medics", "volunteers", "insurgents", "opponents", "agents",
    "clients", "adolescents", "respondents", "dependents", "correspondents", "combatants",
}
# nouns of events: marked ones ("the previous attack", "the 2010 earthquake") are other events
EVENT_NOUNS = {
    "attack", "attacks", "genocide", "massacre", "bombing", "earthquake", "quake", "flood",
    "floods", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tsunami", "explosion",
    "blast", "crash", "fire", "wildfire", "shooting", "outbreak", "famine", "disaster",
    "siege", "riot", "riots", "collapse", "derailment", "stampede", "strike", "airstrike",
    "raid", "offensive", "assault", "epidemic", "pandemic", "war", "tragedy", "eruption",
    "landslide", "mudslide", "avalanche", "heatwave", "drought", "incident", "uprising",
    "crackdown", "protest", "protests", "clashes", "battle", "invasion", "atrocity",
    "accident", "spill", "sinking", "hijacking", "heist", "stabbing",
}  # not the crimes that name charges too ("two counts of murder in ..."): "murder", "theft"
OTHER_MARKERS = {"previous", "earlier", "last", "former", "similar", "another", "past",
                 "prior", "preceding", "historic", "separate"}
CURRENT_MARKERS = {"this", "latest", "today", "yesterday", "current", "recent", "new", "same",
                   *WEEKDAYS}
# a count whose subject is one of these covers a whole period, not the event
PERIOD_NOUNS = {"war", "conflict", "insurgency", "uprising", "revolution", "occupation", "invasion",
                "genocide", "holocaust", "dictatorship", "regime", "campaign"}
STATIVE_VERBS = {"live", "work", "employ", "reside", "inhabit", "house", "host", "number",
                 "serve", "own", "support", "attend", "visit", "use", "follow", "hold",
                 "seat", "accommodate", "sleep", "fit", "lack", "need", "depend", "rely",
                 "have"}

YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
PERIOD_RE = re.compile(r"\b(years?|decades?|century|centuries|millennium|seasons?)\b", re.I)
