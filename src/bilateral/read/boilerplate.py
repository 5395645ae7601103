"""Which lines of a page are site furniture (comment forms, share blocks, footers, sign-offs, author notes).

Each line gets a score from general features of interface text: short, unpunctuated,
imperative interface verbs, interface nouns, placeholders, copyright marks. A run of
such lines holding one clear case goes as a whole, so "Google photo" leaves with the
comment form it belongs to while a lone short heading stays.
"""
from __future__ import annotations

import re
from typing import List, Set

STRONG = 3  # a line scoring this much is furniture on its own

_UI_VERB = (r"(?:log ?in|log ?out|sign ?in|sign ?up|sign out|subscribe|share|click|tap|follow|like|tweet|"
            r"leave a (?:reply|comment)|post a comment|add a comment|fill in|read more|continue reading|"
            r"skip to|download|print|e-?mail (?:this|us)|join (?:us|our)|register|reply|cancel reply|"
            r"load(?:ing)? more|view (?:all|comments)|see (?:all|also|more)|back to top|go to)")
_UI_START = re.compile(rf"^[\W_]*{_UI_VERB}\b", re.IGNORECASE)
_UI_ANY = re.compile(rf"\b{_UI_VERB}\b", re.IGNORECASE)
_UI_NOUN = re.compile(
    r"\b(?:account|comment\w*|newsletter|inbox|password|e-?mail address|notif\w+|advertisement|sponsored|"
    r"privacy|terms of (?:use|service)|photo|picture|logo|icon|avatar|profile|username|"
    r"facebook|twitter|whatsapp|linkedin|telegram|pinterest|instagram|reddit|google|youtube|tiktok|rss)\b",
    re.IGNORECASE)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_SITE = re.compile(r"\b(?:website|site|browser|browsing|experience|consent|accept|policy|preferences)\b", re.I)
_LEGAL = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%[sd]\b|\{\{|\}\}|\$\{")
_CREDIT = re.compile(r"^(?:additional )?(?:reporting|writing|editing|compiled|translated|photos?) by\b", re.I)
# A sentence's end, before closing quotes and brackets and any citation markers ("claims.[15]", "[a]").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:\[[\w ]{1,12}\])*$")

_NOTE_VIEWS = re.compile(
    r"\b(?:views?|opinions?)\b[^.]{0,100}\b(?:are|is)\s+(?:(?:entirely|solely|only)\s+)?"
    r"(?:his|her|their|my|the author'?s?|the writer'?s?)\s+own\b"
    r"|\bdo(?:es)? not necessarily (?:reflect|represent)\b"
    r"|^the (?:author|writer)s? (?:is|are)\b", re.IGNORECASE)
_NOTE_BIO = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+"
    r"(?:is|was|serves as|works as)\s+(?:a|an|the)\b[^.]{0,120}?\b(?:analyst|researcher|fellow|professor|"
    r"lecturer|director|editor|correspondent|journalist|writer|columnist|consultant|scholar|student|"
    r"candidate|expert|adviser|advisor|economist|founder|author|contributor|reporter)s?\b")


def words(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    """A line of running prose: long enough and ending like a sentence."""
    return words(text) >= 12 and bool(_SENTENCE_END.search(text))


def line_score(text: str, after_prose: bool = False) -> int:
    """How much a line looks like interface text; `after_prose` says no sentence of prose follows it."""
    t = text.strip()
    short = words(t) <= 6 and not _SENTENCE_END.search(t)
    score = 0
    if _UI_START.search(t):
        score += 2
    elif _UI_ANY.search(t):
        score += 1
    score += min(2, len({m.group(0).lower() for m in _UI_NOUN.finditer(t)}))
    if _COOKIE.search(t):
        score += 2 + (1 if _SITE.search(t) else 0)
    if _LEGAL.search(t) or _PLACEHOLDER.search(t) or _CREDIT.search(t):
        score += STRONG
    if _is_sign_off(t):
        score += 2
    if short:
        score += 1
    if after_prose and score:
        score += 1
    if words(t) >= 15 and _SENTENCE_END.search(t):
        score -= 2
    return score


def _is_sign_off(t: str) -> bool:
    """An agency or outlet tag alone on a line: "=AGENCY", "— Wire", "(Wire)", "WIRE SERVICE"."""
    if words(t) > 5 or _SENTENCE_END.search(t):
        return False
    shouting = any(c.isalpha() for c in t) and not any(c.islower() for c in t)
    return t[:1] in "=—–-" or shouting or bool(re.fullmatch(r"\([^()]{2,40}\)", t))


def boilerplate(lines: List[str]) -> Set[int]:
    """Indexes of the lines to drop: any run of consecutive suspect lines that holds one clear case."""
    last_prose = max((i for i, t in enumerate(lines) if is_sentence(t)), default=-1)
    scores = [line_score(t, i > last_prose) for i, t in enumerate(lines)]
    drop: Set[int] = set()
    i = 0
    while i < len(scores):
        j = i
        while j < len(scores) and scores[j] >= 1:
            j += 1
        if j > i and max(scores[i:j]) >= STRONG:
            drop.update(range(i, j))
        i = max(j, i + 1)
    return drop


def is_author_note(paragraph: str) -> bool:
    """A closing note about the writer: a short bio ("X is a policy analyst at ...") or a views disclaimer."""
    p = paragraph.strip()
    return words(p) <= 80 and bool(_NOTE_VIEWS.search(p) or _NOTE_BIO.search(p))
