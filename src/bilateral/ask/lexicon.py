"""Words that mean the same thing in questions about relations between countries, and irregular verb forms.

A question says "cut ties", a document "severed relations"; a question "pumps", a document "produces".
Each group is a set of stems that match one another; phrasal verbs are read as one word first."""
from __future__ import annotations

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
    "children": "child", "men": "man", "women": "woman", "people": "people",
}

# Phrasal verbs and set phrases read as one word before stemming (their particle would match nothing).
PHRASES = [
    (r"\bs[ea]t(?:ting)? up\b", "establish"), (r"\b(?:throw|threw|thrown|kick(?:ed)?|turn(?:ed)?) out\b", "expel"),
    (r"\b(?:cut|break|broke|broken) (?:off )?(?:diplomatic )?(?:ties|relations)\b", "sever relations"),
    (r"\bsen[dt] back\b", "reinstate"), (r"\bg[ai]ve(?:n)? up\b", "abandon"), (r"\bheld up\b|\bhold up\b", "delay"),
    (r"\bput off\b", "delay"), (r"\bf[ae]ll(?:en)? through\b", "fail"), (r"\bpull(?:ed)? out\b", "withdraw"),
    (r"\bpay(?:ing)? back\b|\bpaid back\b", "repay"), (r"\bsign(?:ed)? up\b", "sign"),
    (r"\bcarr(?:y|ied) out\b", "conduct"), (r"\bsingle[sd]? out\b", "target"), (r"\btook over\b", "take over"),
    (r"\ball told\b|\baltogether\b|\bin all\b", "total"),
]

GROUPS = [
    "sever cut break", "expel oust", "establish set", "close shut", "lend loan", "export sell sale",
    "import buy purchase", "produce pump output production", "visit trip", "recall withdraw",
    "reinstate restore return", "ban embargo prohibition prohibit", "lift end remove", "aid assistance oda",
    "invest investment investor", "agreement accord pact treaty deal", "talk negotiation", "abandon drop renounce",
    "die kill", "cost worth value price", "start begin launch commence", "recognize recognise", "grant offer",
    "live reside resident", "jail sentence prison imprison", "delay postpone", "halt suspend stop",
    "fail resistance", "target specifically", "demand consumption", "repay pay", "debt owe", "firm company",
    "trade trading", "stake share", "percent pct", "surplus", "deficit imbalance", "school academy colegio",
]


def _stem_group(words: str) -> list:
    from .retrieve import stem
    return sorted({stem(w) for w in words.split()})


_GROUP_OF: dict = {}


def group_of(st: str) -> frozenset:
    """The stems that match a stem: its synonym group, or itself alone."""
    if not _GROUP_OF:
        for g in GROUPS:
            members = frozenset(_stem_group(g))
            for m in members:
                _GROUP_OF[m] = _GROUP_OF.get(m, frozenset()) | members
    return _GROUP_OF.get(st, frozenset((st,)))


def rewrite_phrases(text: str) -> str:
    """The text with phrasal verbs replaced by the one word they mean."""
    for pattern, word in PHRASES:
        text = re.sub(pattern, word, text, flags=re.I)
    return text
