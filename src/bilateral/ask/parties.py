"""Whether a passage is about what a question names: its first party, the partner it asks of ("with
China"), the firms and fields it names ("Exxon", "Sakhalin"), and not another state in their place."""
from __future__ import annotations

import re

from bilateral.nlp.timex_lexicon import MONTHS

from .find import Hit, locate_focus
from .intent import Intent
from .record import Record
from .retrieve import stem


def codes_before(rec: Record, h: Hit, n: int) -> set:
    """The countries a passage and the n sentences before it name."""
    codes: set = set()
    for j in rec.neighbours(h.i, n, 0):
        codes |= rec.passage_codes[j]
    return codes


def about_another(rec: Record, it: Intent, h: Hit) -> bool:
    """Whether a passage tells of another state in the place of one of the question's two: it names a state
    the question does not, and not the question's first ("talks with Croatia" for a question on Turkey's
    talks), or puts it where the question puts its second ("talks with Chile" asked as "talks with Brazil")."""
    if len(it.codes) < 2:
        return False
    codes = rec.passage_codes[h.i]
    if not codes - set(it.codes):
        return False
    if it.codes[0] not in codes:
        return True
    if it.codes[1] in codes or len(it.names) < 2:
        return False
    m = re.search(rf"\b(\w+)\s+(?:the\s+)?{re.escape(it.names[1])}\b", it.question)
    if not m:
        return False
    for other in re.finditer(rf"\b{re.escape(m.group(1))}\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", h.p.text):
        got = rec.surfaces.get(other.group(1).lower()) or rec.surfaces.get(other.group(1).split()[0].lower())
        if got and got[0] not in it.codes:
            return True   # "talks with Chile" where the question asks of "talks with Brazil"
    return False


def names_things(rec: Record, it: Intent, h: Hit) -> bool:
    """Whether a passage, the sentences around it or its title name every firm, field or thing the question
    names by a proper name ("How much has Exxon committed ...": BP's figure does not answer it)."""
    proper = {stem(w) for w in re.findall(r"(?<=\s)[A-Z][a-z][\w-]*", it.question) if w.lower() not in MONTHS} & set(it.focus)
    if not proper:
        return True
    doc = rec.docs.get(h.p.doc_id)
    near = " ".join([doc.title or "" if doc else ""] + [rec.passages[j].text for j in rec.neighbours(h.i, 2, 0)])
    if proper <= set(locate_focus(near, sorted(proper))):
        return True
    # told in the next sentence ("The Telegraph poll ... However the YouGov poll"), unless this passage is
    # about another one ("BP spent $7.5bn" for a question on Exxon)
    after = " ".join(rec.passages[j].text for j in rec.neighbours(h.i, 0, 1))
    lead = re.search(r"\b[A-Z][\w-]+", re.sub(r"^(?:The|A|An|But|And|However|In|On)\s+", "", h.p.text))
    other = lead and stem(lead.group(0)) not in it.focus and lead.group(0).lower() not in rec.surfaces
    return not other and proper <= set(locate_focus(near + " " + after, sorted(proper)))


def names_partner(rec: Record, it: Intent, h: Hit) -> bool:
    """Whether a passage, with the sentence before it, names the second country of a question on two ("the
    deficit with China"): the first is often left to the context, the partner seldom."""
    if len(it.codes) < 2 or len(it.names) < 2 or not re.search(
            rf"\b(?:with|to|from|between|and|into|in|against)\s+(?:the\s+)?{re.escape(it.names[1])}\b", it.question):
        return True   # "the EU constitution": a thing's name, not the partner of a relation
    return it.codes[1] in codes_before(rec, h, 1)


def names_parties(rec: Record, it: Intent, h: Hit) -> bool:
    """Whether a passage, the sentences before it or its document's first line name the first of the two
    parties a question names: a figure of Washington's tariffs on Seoul does not answer what Brussels set."""
    if len(it.codes) < 2:
        return True
    first = h.i
    while first > 0 and rec.passages[first - 1].doc_id == h.p.doc_id:
        first -= 1
    return it.codes[0] in codes_before(rec, h, 3) | rec.passage_codes[first]


# Acts and their opposites, by word start: a passage telling only the opposite of the act asked
# ("suspended interest payments" for "when did Quito resume them") does not answer it.
OPPOSITES = [("resum", "suspen|halt|stopp|stop|ceas|froze|freez|postpon|defer"), ("lift", "impos"),
             ("reopen", "clos|shut"), ("rais", "cut|lower"), ("accept", "reject"), ("join", "leav|left|quit"), ("restor", "sever|broke|break"),
             ("grant", "den|refus"), ("increas", "decreas|reduc|cut"), ("win|won", "lose|lost")]


def opposite_act(question: str, text: str) -> bool:
    """Whether the passage tells the opposite of the question's act and never the act itself."""
    low_q, low_t = question.lower(), text.lower()
    for act, opposite in OPPOSITES:
        if re.search(rf"\b(?:{act})", low_q) and not re.search(rf"\b(?:{act})", low_t) \
                and re.search(rf"\b(?:{opposite})", low_t) and not re.search(rf"\b(?:{opposite})", low_q):
            return True
    return False


BILATERAL_Q = re.compile(r"\b(surplus|deficit|trade|exports?|imports?|investment|aid|lending)\s+(?:with|to|from)\b", re.I)
METRIC_WORD = re.compile(r"\b(?:surplus|deficit|exports?|imports?|investment|aid|lending)\b", re.I)


def partner_words(rec: Record, it: Intent) -> set:
    """The stems naming the question's partner when it asks a figure "with" or "to" it ("Korea's trade surplus
    with the EC"); empty for any other question."""
    if len(it.codes) < 2 or not BILATERAL_Q.search(it.question):
        return set()
    partner = {stem(w) for surface, (c, _) in rec.surfaces.items() if c == it.codes[1] for w in surface.split()}
    return (partner | {stem(w) for n in it.names[1:2] for w in n.split()}) - {"the", "of", "and"}


def partner_phrase(partner: set, text: str) -> float:
    """+1 when the passage's own figure noun names the partner ("its trade surplus with the Community"), -0.5
    when it names none (the global surplus), 0 when it does not say or no partner is asked."""
    if not partner:
        return 0.0
    found = []
    for m in METRIC_WORD.finditer(text):
        words = [stem(w) for w in re.findall(r"[\w'’-]+", text[m.end():m.end() + 60])][:5]
        if words and words[0] in ("with", "to", "from"):
            found.append(1.0 if set(words[1:4]) & partner else -0.5)
        elif words and words[0] in ("which", "hit", "was", "rose", "fell", "stood"):
            found.append(-0.5)   # "Korea's trade surplus, which hit": no partner
    return max(found) if found else 0.0
