"""The event lexicon: which verbs (and a few nouns) report which CAMEO event, given their objects.

Each rule names trigger lemmas, optionally the object lemmas it needs (a direct
object, a prepositional object, or a passive subject), and the CAMEO code it
carries.  Rules are tried in order, so specific readings ("close" + "embassy")
come before general ones.  Kept as data so it can be read and extended.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

RELATIONS = frozenset({"relation", "relations", "tie", "ties", "relationship", "contact", "contacts"})
MISSIONS = frozenset({"embassy", "consulate", "office", "mission", "representation", "operation", "operations",
                      "legation", "consular"})
AGREEMENTS = frozenset({"agreement", "treaty", "accord", "pact", "memorandum", "deal", "declaration", "protocol",
                        "convention", "contract", "charter", "communique", "mou", "partnership", "arrangement"})
AID_NOUNS = frozenset({"aid", "assistance", "loan", "loans", "grant", "grants", "support", "fund", "funds", "funding",
                       "money", "oda", "help", "relief", "donation", "credit", "package", "financing", "subsidy",
                       "vaccine", "vaccines", "equipment", "supplies", "food", "scholarship", "scholarships",
                       "medicine", "medicines", "ventilator", "ventilators", "kit", "kits", "dose", "doses",
                       "tent", "tents", "blanket", "blankets", "shelter", "grain", "rice", "wheat", "fuel"})
MONEY = frozenset({"million", "billion", "trillion", "dollar", "dollars", "euro", "euros", "eur", "usd", "yen",
                   "won", "yuan", "rupee", "rupees", "pound", "pounds", "franc", "francs", "real", "peso",
                   "pesos", "a$", "us$", "$", "€", "£", "¥"})
ARMS = frozenset({"weapon", "weapons", "arm", "arms", "sword", "swords", "missile", "missiles", "jet", "jets",
                  "ammunition", "tank", "tanks", "aircraft", "warship", "warships", "vessel", "vessels"})
FORCES = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers", "army", "navy", "warship",
                    "peacekeeper", "peacekeepers", "battalion", "garrison", "personnel", "police", "engineer",
                    "engineers", "contingent"})
MONITORS = frozenset({"monitor", "monitors", "observer", "observers", "team", "expert", "experts", "volunteer",
                      "volunteers", "adviser", "advisers", "advisor", "advisors", "doctor", "doctors", "mission",
                      "teacher", "teachers", "specialist", "specialists"})
ENVOYS = frozenset({"delegation", "delegations", "envoy", "envoys", "emissary", "emissaries"})
DIPLOMATS = frozenset({"diplomat", "diplomats", "ambassador", "ambassadors", "envoy", "envoys", "attache",
                       "attaches", "staff", "commissioner", "consul", "charge"})
SANCTIONS = frozenset({"sanction", "sanctions", "embargo", "tariff", "tariffs", "ban", "boycott", "restriction",
                       "restrictions", "duty", "duties", "blockade", "quota", "quotas", "levy", "levies"})
BARRIERS = frozenset({"tariff", "tariffs", "duty", "duties", "quota", "quotas", "barrier", "barriers", "levy",
                      "levies"})
GOODS = frozenset({"import", "imports", "export", "exports", "trade", "product", "products", "goods",
                   "flight", "flights", "shipment", "shipments", "entry", "visa", "visas"})
TALKS = frozenset({"talk", "talks", "meeting", "meetings", "summit", "consultation", "consultations", "dialogue",
                   "negotiation", "negotiations", "discussion", "discussions", "conference"})
EXERCISES = frozenset({"exercise", "exercises", "drill", "drills", "patrol", "patrols", "manoeuvre", "maneuver"})
FLOWS = frozenset({"flight", "flights", "service", "services", "route", "routes", "link", "links", "line",
                   "programme", "program", "project", "initiative", "cooperation", "partnership", "exchange",
                   "exchanges", "scheme", "zone", "bank", "venture", "factory", "plant", "bridge", "port"})
HONOURS = frozenset({"order", "medal", "prize", "award", "honour", "honor", "decoration", "title", "doctorate"})
RULE = frozenset({"rule", "administration", "control", "regime", "government", "authority", "protectorate",
                  "sovereignty", "occupation"})
RIGHTS = frozenset({"right", "rights", "claim", "claims", "compensation", "reparation", "reparations", "debt",
                    "debts", "province", "provinces", "territory", "territories", "land", "island", "islands"})
PROCESSES = frozenset({"reform", "process", "development", "effort", "efforts", "programme", "program", "project",
                       "projects", "election", "elections", "reconstruction", "recovery", "commission",
                       "education", "demining", "clearance", "infrastructure", "health", "training",
                       "peacekeeping", "building", "institution", "institutions"})
REDRESS = frozenset({"apology", "apologies", "compensation", "reparation", "reparations", "restitution",
                     "withdrawal", "extradition", "explanation", "return", "release"})
PARDON = frozenset({"forgiveness", "pardon", "apology", "apologies"})
DEMANDS = frozenset({"demand", "demands", "request", "requests", "condition", "conditions", "proposal",
                     "ultimatum", "terms"})
CROWDS = frozenset({"protester", "protesters", "demonstrator", "demonstrators", "student", "students", "worker",
                    "workers", "farmer", "farmers", "activist", "activists", "crowd", "crowds", "thousands",
                    "hundreds", "people", "resident", "residents", "youth", "youths", "supporter", "supporters",
                    "villager", "villagers", "citizen", "citizens", "union", "unions", "opposition",
                    "teacher", "teachers", "monk", "monks", "refugee", "refugees"})
ROADS = frozenset({"road", "roads", "street", "streets", "bridge", "bridges", "highway", "highways", "traffic",
                   "railway", "railways", "entrance", "entrances", "junction", "square", "motorway"})
FORCE_IN = frozenset({"force", "effect", "operation"})      # "entered into force", "took effect"
STEPS = AGREEMENTS | TALKS | frozenset({"signing", "signature", "ratification", "visit", "trip"})
INSPECTORS = frozenset({"inspector", "inspectors", "observer", "observers", "monitor", "monitors"})


@dataclass(frozen=True)
class Rule:
    """Trigger lemmas, the object lemmas they need (None: any or none), and the CAMEO code.

    `also`, when set, is a second set the objects must meet as well ("enter" needs "force"
    and an agreement: "the treaty entered into force", not "troops entered the town")."""

    lemmas: frozenset
    cameo: str
    objects: Optional[frozenset] = None
    noun: bool = False           # the trigger is a noun ("visit", "occupation")
    also: Optional[frozenset] = None
    subjects: Optional[frozenset] = None   # words the subject must hold ("protesters", "students")


def _r(lemmas: str, cameo: str, objects=None, noun: bool = False, also=None, subjects=None) -> Rule:
    return Rule(frozenset(lemmas.split()), cameo, frozenset(objects) if objects is not None else None, noun,
                frozenset(also) if also is not None else None,
                frozenset(subjects) if subjects is not None else None)


RULES = (
    # relations and missions
    _r("establish re-establish reestablish restore renew resume normalize normalise forge", "054", RELATIONS),
    _r("sever break cut suspend downgrade", "161", RELATIONS),
    _r("end", "161", RELATIONS),
    _r("begin start date", "060", RELATIONS),   # "their relationship began in 1603": first contact
    _r("recall withdraw", "161", DIPLOMATS),
    _r("close shut", "161", MISSIONS),
    _r("open reopen establish resume launch inaugurate", "054", MISSIONS),
    _r("recognize recognise", "054"),
    _r("upgrade elevate raise", "057", RELATIONS | {"partnership", "status", "level"}),
    # agreements: signing, coming into force, and their undoing
    _r("sign conclude ink ratify initial", "057", AGREEMENTS | {"grant", "loan", "package"}),
    _r("reach strike", "057", AGREEMENTS),
    _r("enter", "057", FORCE_IN, also=AGREEMENTS),
    _r("terminate abrogate annul scrap tear end", "160", AGREEMENTS),
    _r("delay postpone defer", "120", STEPS),
    _r("suspend halt freeze abandon boycott", "164", TALKS),
    _r("end suspend halt abandon", "165", {"mediation"}),
    _r("agree", "030"),
    # consultation
    _r("visit", "042"),
    _r("visit", "042", noun=True),
    _r("travel tour", "042"),
    _r("receive admit accept allow", "0861", {"peacekeeper", "peacekeepers", "peacekeeping"}),  # CAMEO 086x
    _r("receive admit accept allow", "0862", INSPECTORS),
    _r("host receive welcome", "043", {"visit", "delegation", "summit", "signing", "signature", "minister",
                                       "president", "leader", "king", "counterpart", "talks", "meeting"}),
    _r("hold", "046", TALKS),
    _r("begin start open launch resume conduct enter", "046", TALKS),
    _r("hold conduct stage", "062", EXERCISES),
    _r("send dispatch", "040", ENVOYS),
    _r("meet negotiate discuss confer consult convene", "040"),
    _r("negotiation consultation", "046", noun=True),
    _r("mediation", "045", noun=True),
    _r("request demand", "100", noun=True),
    _r("mediate broker", "045"),
    # support
    _r("award confer bestow present", "050", HONOURS),
    _r("praise commend hail endorse applaud congratulate thank", "051"),
    _r("welcome", "051"),
    _r("apologize apologise", "055"),
    _r("ask seek beg", "055", PARDON),
    _r("offer express", "055", {"apology", "apologies"}),
    _r("forgive pardon", "056"),
    # material cooperation
    _r("invest", "061"),
    _r("trade", "061"),
    _r("cooperate collaborate partner", "060"),
    _r("extradite", "063"),
    _r("join", "060", {"member", "membership", "organization", "organisation", "centre", "center", "alliance",
                       "bloc", "pact", "group", "association", "forum", "union", "initiative"}),
    _r("launch start introduce inaugurate", "061", FLOWS),
    _r("remove eliminate scrap abolish cut reduce lower waive", "081", BARRIERS),
    _r("phase", "081", BARRIERS),
    _r("tighten toughen", "191", {"blockade"}),
    _r("tighten toughen extend expand broaden widen", "163", SANCTIONS),   # before "extend" as giving
    # aid
    _r("send supply ship deliver provide give transfer sell", "072", ARMS),
    _r("send dispatch deploy station", "074", FORCES),
    _r("send dispatch", "070", MONITORS),
    _r("provide give grant extend offer donate deliver disburse allocate channel contribute pour send ship "
       "airlift commit hand", "070", AID_NOUNS | MONEY),
    _r("provide", "070"),
    _r("fund finance bankroll sponsor", "071"),
    _r("support back", "070", PROCESSES),
    _r("support back", "051"),
    _r("assist help aid", "070"),
    _r("contribute donate", "070", AID_NOUNS | MONEY | FORCES),
    _r("pledge promise", "033", AID_NOUNS | MONEY),
    _r("grant", "075", {"asylum", "refuge", "shelter"}),
    _r("grant recognize recognise ratify acknowledge", "054", {"independence", "recognition", "sovereignty"}),
    # concessions and retreats
    _r("renounce waive relinquish cede forgo forego surrender abandon", "080", RIGHTS),
    _r("accept accede heed", "080", DEMANDS),
    _r("concede", "080"),
    _r("allow permit let", "080"),
    _r("expel withdraw pull evict", "1661", {"peacekeeper", "peacekeepers", "peacekeeping"}),  # a sanction
    _r("withdraw pull evacuate", "0872", FORCES),
    _r("withdrawal pullout pullback", "0872", noun=True),
    _r("surrender capitulate", "0874"),
    _r("demobilize demobilise disarm", "0873"),
    _r("demobilization demobilisation disarmament", "0873", noun=True),
    _r("release free", "0841"),
    _r("lift ease", "085", SANCTIONS),
    _r("declare", "0871", {"ceasefire", "truce", "armistice"}),
    # requests and criticism
    _r("request ask", "100"),
    _r("seek", "100", AID_NOUNS | MONEY | DEMANDS | REDRESS | TALKS | {"extradition", "clarification", "membership",
                                                                   "investment", "cooperation", "help"}),
    _r("urge call appeal press plead implore exhort entreat insist", "100"),
    _r("demand", "100"),
    _r("want raise", "100", REDRESS),
    _r("accuse blame fault implicate", "112"),
    _r("criticize criticise condemn denounce deplore censure rebuke reprimand slam decry lambaste chastise "
       "castigate berate scold snub", "111"),
    _r("voice express", "111", {"opposition", "concern", "concerns", "objection", "objections", "disapproval",
                                "criticism", "regret"}),
    _r("protest march rally demonstrate picket", "141", subjects=CROWDS),
    _r("oppose object protest", "111"),
    _r("investigate probe", "090"),
    _r("investigation probe inquiry", "090", noun=True),
    _r("sue", "115"),
    _r("reject refuse deny rebuff veto dismiss spurn defy", "120"),
    _r("obstruct impede stall", "120"),
    _r("threaten warn", "130"),
    # sanctions and coercion
    _r("impose slap introduce", "163", SANCTIONS),
    _r("block barricade obstruct", "144", ROADS),
    _r("ban bar restrict block", "163", GOODS),
    _r("boycott embargo", "163"),
    _r("suspend halt freeze cut stop withdraw cancel terminate reduce curtail slash", "162",
       AID_NOUNS | {"cooperation", "program", "programme"}),
    _r("expel withdraw pull evict", "1662", INSPECTORS),
    _r("expel evict", "1663", {"agency", "agencies", "ngo", "ngos", "charity", "charities"}),
    _r("expel", "166", DIPLOMATS),
    _r("exile deport banish evict", "174"),
    _r("arrest detain imprison jail prosecute indict convict", "173"),
    _r("reimpose impose restore", "170", RULE),
    _r("compel coerce force pressure pressurize", "170"),
    _r("seize confiscate capture", "171"),
    _r("block blockade", "191"),
    _r("mobilize mobilise amass mass", "154", FORCES),
    _r("reinforce strengthen bolster boost increase build", "154", FORCES),
    # force
    _r("occupy invade annex garrison", "192"),
    _r("enter", "192", {"protectorate", "territory", "country", "colony", "province", "provinces"}),
    _r("overthrow topple oust", "190", RULE | {"ruler", "king", "regime"}),
    _r("attack bomb shell strike raid shoot fight bombard ambush assail clash battle storm besiege torch raze",
       "190"),
    _r("riot", "145"),
    _r("riot", "145", noun=True),
    _r("demonstrate", "141"),
    _r("protest complaint", "114", {"lodge", "file", "register", "issue", "deliver", "send", "make"}, noun=True),
    _r("demonstration rally protest march sit-in vigil", "141", noun=True),
    _r("strike", "142", {"hunger"}, noun=True),
    _r("strike", "190", {"air", "missile", "drone", "military", "aerial", "rocket", "artillery"}, noun=True),
    _r("strike walkout stoppage", "143", noun=True),
    _r("picket", "141"),
    _r("kidnap abduct hijack", "181"),
    _r("torture injure wound stab beat", "182"),
    _r("assassinate", "186"),
    _r("kill massacre slaughter butcher", "200"),
    _r("occupation invasion annexation", "192", noun=True),
    _r("killing massacre genocide slaughter", "200", noun=True),
)


def find_rule(lemma: str, objects: set, noun: bool = False, subjects: frozenset = frozenset()) -> Optional[Rule]:
    """The first rule whose trigger, object and subject requirements fit.

    For a noun trigger, `objects` holds its modifiers and the verb that governs it."""
    for rule in RULES:
        if rule.noun != noun or lemma not in rule.lemmas:
            continue
        if (rule.objects is None or rule.objects & objects) and (rule.also is None or rule.also & objects) and (
                rule.subjects is None or rule.subjects & subjects):
            return rule
    return None


TRIGGER_LEMMAS = frozenset(lemma for rule in RULES if not rule.noun for lemma in rule.lemmas)
NOUN_LEMMAS = frozenset(lemma for rule in RULES if rule.noun for lemma in rule.lemmas)
