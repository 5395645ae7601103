"""Words that mean the same thing in questions about relations between countries, and irregular verb forms.

A question says "cut ties", a document "severed relations"; a question "pumps", a document "produces".
Each group is a set of stems that match one another; phrasal verbs are read as one word first."""
from __future__ import annotations

import functools
import re

IRREGULAR = {
    "lent": "lend", "sold": "sell", "bought": "buy", "met": "meet", "gave": "give", "given": "give",
    "began": "begin", "begun": "begin", "took": "take", "taken": "take", "made": "make", "paid": "pay",
    "held": "hold", "broke": "break", "broken": "break", "went": "go", "gone": "go", "came": "come",
    "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow",
    "drew": "draw", "drawn": "draw", "sent": "send", "spent": "spend", "led": "lead",
    "built": "build", "left": "leave", "sought": "seek", "threw": "throw", "thrown": "throw", "shut": "shut",
    "cut": "cut", "set": "set", "put": "put", "hit": "hit", "struck": "strike", "signed": "sign", "dead": "die",
    "died": "die", "death": "die", "deaths": "die", "killed": "kill", "chose": "choose", "chosen": "choose",
    "sold-off": "sell", "froze": "freeze", "frozen": "freeze", "flew": "fly", "forbade": "forbid",
    "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak", "kept": "keep", "felt": "feel",
    "using": "use", "used": "use", "uses": "use", "children": "child", "men": "man", "women": "woman", "people": "people",
}

# Phrasal verbs read as one word before stemming (their particle would match nothing): (verb, particle, word).
# Up to three words may stand between the verb and its particle ("sent its ambassador back").
PHRASAL = [
    (r"s[ea]t(?:ting)?", "up", "establish"), (r"(?:throw|threw|thrown|kick(?:ed)?|turn(?:ed)?)", "out", "expel"),
    (r"sen[dt]|sending", "back", "reinstate"), (r"g[ai]ve(?:n)?|giving", "up", "abandon"),
    (r"h[oe]ld(?:ing)?", "up", "delay"), (r"put(?:ting)?", "off", "delay"), (r"f[ae]ll(?:en|ing)?", "through", "fail"),
    (r"pull(?:ed|ing)?", "out", "withdraw"), (r"pa(?:y|id|ying)", "back", "repay"), (r"single[sd]?", "out", "target"),
    (r"t[ao]ok|tak(?:en|ing|e)", "part", "attend"), (r"cut(?:ting)?", "off", "sever"),
]
PHRASES = [
    (r"\b(?:cut|break|broke|broken) (?:off )?(?:[\w-]+ )?(?:ties|relations)\b", "sever relations"),
    (r"\ball told\b|\baltogether\b|\bin all\b", "total"), (r"\btake part in\b", "attend"),
    (r"\bopen(?:ed|s|ing)?((?:\s+[\w'’]+){0,3}?)\s+again\b", r"reopen\1"),
    (r"^(\s*(?:until|till|by) when\b.*?)\b(?:run|last|remain in force|be valid)\b", r"\1expire"),
    (r"\b(?:take|takes|took|taken|taking|come|came|comes|go|went) (?:into )?(?:effect|force)\b", "effect"),
]

GROUPS = [
    "sever break end", "tie relation", "expel oust", "establish set", "close shut", "lend loan", "export sell sale",
    "import buy purchase", "produce pump output production", "visit trip travel tour", "recall withdraw",
    "reinstate restore return", "ban embargo prohibition prohibit", "lift end remove", "aid assistance oda",
    "invest investment investor", "agreement pact treaty deal", "talk negotiation",
    "abandon drop renounce relinquish cede",
    "die kill", "cost worth value price", "start begin launch commence", "recognize recognise", "grant offer",
    "live reside resident", "jail sentence prison imprison", "delay postpone", "effect effective implement enforce", "halt suspend stop",
    "fail resistance", "target specifically", "demand consumption", "repay pay", "debt owe", "firm company",
    "trade trading", "stake share", "percent pct", "deficit imbalance balance shortfall gap", "school academy colegio",
    "carry transport ship deliver", "meant aim intend", "farm agricultural agriculture", "fund asset money",
    "attend participate", "amount total", "force compel oblige", "truck lorry", "cut slash reduce lower",
    "minister ministry official", "official officer", "duty tariff levy", "chip semiconductor microchip",
    "dispute row quarrel spat", "lawmaker legislator congressman senator", "curb restrict restriction limit quota",
    "retaliate retaliation reprisal", "oppose object objection opposition reject rejection against", "undervalue undervalued",
]


@functools.lru_cache(maxsize=1)
def _groups() -> dict:
    """Stem -> the stems of its synonym groups, built once from GROUPS with the index's own stemmer."""
    from .retrieve import stem
    out: dict = {}
    for g in GROUPS:
        members = frozenset(stem(w) for w in g.split())
        for m in members:
            out[m] = out.get(m, frozenset()) | members
    return out


def group_of(st: str) -> frozenset:
    """The stems that match a stem: its synonym group, or itself alone."""
    return _groups().get(st, frozenset((st,)))


def rewrite_phrases(text: str) -> str:
    """The text with phrasal verbs replaced by the one word they mean, their object kept."""
    for pattern, word in PHRASES:
        text = re.sub(pattern, word, text, flags=re.I)
    for verb, particle, word in PHRASAL:
        text = re.sub(rf"\b(?:{verb})\b((?:\s+[\w'’]+){{0,3}}?)\s+{particle}\b", rf"{word}\1", text, flags=re.I)
    return text
