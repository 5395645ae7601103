"""Merge mentions of the same real-world event, within and across documents.

Two mentions are one event when they join the same actors by the same kind of
act, in the same mood, at dates that agree to their shared precision.  Merging
is complete-link (a mention joins a cluster only if it fits every member), so a
vague "1945" never bridges "March 1945" and "October 1945".

Undated mentions in two documents are one event only when the documents came out
within a month of each other ("provided assistance" in articles years apart tells
different acts), and only by the same code and trigger; in documents that carry no date at
all (`_by_thing`), by the same code done to the same thing.  So are words dated only by
their report (a wire's month for "has accused").  An act told as going on ("continues
to support", "will continue funding") is one continuing activity whatever its verb or
mood, in that window.  Mentions that give the act the same figure ("lend Ecuador 50,000
barrels a day") are one event whatever their verb, when their dates do not disagree; meetings in the days
after a visit starts are that visit (`_trips`); and a plan one report announces is one event with the act
another report tells as done (`realised`).
"""
from __future__ import annotations

import datetime
from typing import Optional

from ..model import Event
from ..extract.amounts import distinct_amounts, same_amount
from ..extract.cameo import SPOKEN, SYMMETRIC, VISITS
from .gcpause import paused_gc
from .reported import day_of, reported_force


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


def _mood(e: Event) -> str:
    if e.aspect == "ongoing" and e.modality != "negated":
        return "ongoing"
    return "future" if e.modality in ("planned", "intended") else e.modality


# Undated mentions in documents published further apart than this are different acts.
UNDATED_WINDOW_DAYS = 31


def _span(published: Optional[str]) -> Optional[tuple]:
    """First and last day a partial ISO publication date covers ("2018" is the whole year)."""
    if not published:
        return None
    try:
        parts = [int(x) for x in published[:10].split("-")]
        first = datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        if len(parts) > 2:
            return first, first
        if len(parts) == 2:
            nxt = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - datetime.timedelta(days=1)
        return first, datetime.date(first.year, 12, 31)
    except ValueError:
        return None


def _published_near(a: str, b: str, published: dict) -> bool:
    """The two documents came out within the window (a partial date counts by its whole span)."""
    sa, sb = _span(published.get(a)), _span(published.get(b))
    if sa is None or sb is None:
        return False
    return (max(sa[0], sb[0]) - min(sa[1], sb[1])).days <= UNDATED_WINDOW_DAYS


def same_event(a: Event, b: Event, published: Optional[dict] = None) -> bool:
    """Whether two single-mention events report the same act; `published` maps doc_id to its
    publication date, which undated mentions in different documents need to be one."""
    if a.event_type != b.event_type or _mood(a) != _mood(b):
        return False
    if {a.source.code, a.target.code} != {b.source.code, b.target.code}:
        return False
    return _same_in_block(a, b, published)


def _same_in_block(a: Event, b: Event, published: Optional[dict]) -> bool:
    """`same_event` for two mentions already known to share type, mood and the set of their actors
    (the key of a merge block): the checks that remain."""
    if (a.source.code, a.target.code) != (b.source.code, b.target.code) and not (
            a.cameo in SYMMETRIC and b.cameo in SYMMETRIC):
        return False
    same_doc = a.mentions[0].doc_id == b.mentions[0].doc_id
    codes_match = (a.cameo or "")[:3] == (b.cameo or "")[:3] if same_doc else (a.cameo or "")[:2] == (b.cameo or "")[:2]
    if not codes_match:
        return False
    if distinct_amounts(a.amount, b.amount, same_doc):
        return False
    if a.date is None and b.date is None:
        if not same_doc and not _published_near(a.mentions[0].doc_id, b.mentions[0].doc_id, published or {}):
            return False
        if _mood(a) == "ongoing":
            return True
        return a.cameo == b.cameo and a.trigger == b.trigger
    talks = (a.cameo or "")[:2] == (b.cameo or "")[:2] == "04" and _mood(a) == "future"   # the talks two wires announce
    if "inferred" in (a.date_basis, b.date_basis) and ((a.cameo or "")[:2] in SPOKEN or _mood(a) == "future") \
            and not ((talks or (a.cameo == b.cameo and a.trigger == b.trigger)) and (same_doc or _published_near(
                a.mentions[0].doc_id, b.mentions[0].doc_id, published or {}))):
        return False   # words and plans dated by their report ("has accused" in a wire's month, "will lend" in its
        # year) are told apart as undated ones
    return _dates_agree(a.date, b.date)


def merge_events(mentions: list, published: Optional[dict] = None, index_clusters: int = 16) -> tuple:
    """Cluster single-mention events; returns (merged events, [(event_id, mention_id)]).

    Only mentions of the same actors, type, mood and year can be one event, so they are clustered in
    blocks of those, found in one pass over the mentions in their order (reading them in the order
    they sit in memory; a pass pair by pair jumps across it). A cluster is made by its first mention,
    so the events come out in the order of their first mentions. A block of more than `index_clusters`
    clusters compares a dated mention only with the clusters its date allows."""
    with paused_gc():   # the blocks are freed before the collector resumes: it then walks only the results
        return _merge(mentions, published, index_clusters)


def _merge(mentions: list, published: Optional[dict], index_clusters: int) -> tuple:
    blocks: dict = {}
    clusters: list = []   # in the order of their first mentions
    for m in mentions:
        mood = _mood(m)
        date = m.date
        key = (frozenset((m.source.code, m.target.code)), m.event_type, mood,
               date[:4] if date else (None, None if mood == "ongoing" else m.trigger))
        block = blocks.get(key)
        if block is None:   # most blocks hold one mention: kept as its cluster, no _Block
            blocks[key] = cluster = [m]
            clusters.append(cluster)
            continue
        if type(block) is list:
            block = blocks[key] = _Block.of(block)
        cluster = block.join(m, published, index_clusters)
        if cluster is not None:
            clusters.append(cluster)
    from .realised import realised   # it reads this module's moods and dates
    clusters = _trips(_anaphora(_by_thing(_by_amount(clusters, published or {}), published or {})))
    clusters = reported_force(clusters)
    clusters = realised(clusters, published or {})
    events, members = [], []
    for cluster in clusters:
        if len(cluster) == 1:
            m = cluster[0]
            events.append(m)
            members.append((m.event_id, m.event_id))
            continue
        events.append(_combine(cluster))
        first = cluster[0].event_id
        members.extend((first, m.event_id) for m in cluster)
    return events, members


def _by_amount(clusters: list, published: dict) -> list:
    """Clusters that report one figure for one act ("will lend Ecuador 50,000 barrels a day" on the 12th,
    "would lend 50,000 barrels a day" undated on the 13th) are one event, when their dates do not disagree
    and an undated one's document came out near the other's."""
    kept: dict = {}
    out = []
    for cluster in clusters:
        first = cluster[0]
        amount = next((m.amount for m in cluster if m.amount), None)
        if amount is None:
            out.append(cluster)
            continue
        key = (frozenset((first.source.code, first.target.code)), first.event_type, _mood(first))
        home = next((c for c in kept.get(key, []) if _amount_joins(c, cluster, amount, published)), None)
        if home is None:
            kept.setdefault(key, []).append(cluster)
            out.append(cluster)
        else:
            home.extend(cluster)
    return out


def _by_thing(clusters: list, published: dict) -> list:
    """Undated clusters of documents that carry no date at all (a news set without dates, an encyclopedia
    page) are one event when they code the same act done to the same thing ("cut Turkcell's stake",
    "slashed its stake"): when the documents came out cannot tell them apart, and their words differ."""
    kept: dict = {}
    out = []
    for cluster in clusters:
        first = cluster[0]
        docs = {m.mentions[0].doc_id for m in cluster}
        if any(m.date for m in cluster) or not first.topic or _mood(first) == "ongoing" or \
                not all(d in published and not published[d] for d in docs):
            out.append(cluster)
            continue
        key = (first.source.code, first.target.code, first.event_type, _mood(first), first.cameo, first.topic)
        home = next((c for c in kept.get(key, []) if docs.isdisjoint(m.mentions[0].doc_id for m in c)), None)
        if home is None or any((m.cameo, m.topic) != key[-2:] for m in cluster):
            kept.setdefault(key, []).append(cluster)
            out.append(cluster)
        else:
            home.extend(cluster)
    return out


def _amount_joins(a: list, b: list, amount: str, published: dict) -> bool:
    x, y = a[0], b[0]
    if not same_amount(next((m.amount for m in a if m.amount), None), amount):
        return False
    if any(distinct_amounts(m.amount, n.amount, m.mentions[0].doc_id == n.mentions[0].doc_id)
           for m in a for n in b if m.amount and n.amount):
        return False
    if (x.source.code, x.target.code) != (y.source.code, y.target.code) and not (
            x.cameo in SYMMETRIC and y.cameo in SYMMETRIC):
        return False
    if (x.cameo or "")[:2] != (y.cameo or "")[:2]:
        return False
    dated = [(m, n) for m in a for n in b if m.date and n.date]
    if dated:
        return all(_dates_agree(m.date, n.date) for m, n in dated)
    return any(m.mentions[0].doc_id == n.mentions[0].doc_id or
               _published_near(m.mentions[0].doc_id, n.mentions[0].doc_id, published) for m in a for n in b)


TRIP_DAYS = 7            # the days a visit's meetings may follow the day it starts


def _trips(clusters: list) -> list:
    """Meetings another report tells of a visitor in the days after his visit starts ("his trip, which
    starts tomorrow" on the 3rd; "in meetings with both ministers" on the 7th) are that visit: one event,
    when the visit and the meetings join the same visitor to the same host and one report tells the only
    visit of that pair starting in those days (as planned, as under way, or both). Meetings told as done
    realise a planned visit; meetings still planned join only a planned one."""
    starts: dict = {}
    for k, cluster in enumerate(clusters):
        first = cluster[0]
        day = day_of(first.date)
        if first.cameo in VISITS and day and all(m.cameo in VISITS for m in cluster):
            starts.setdefault((first.source.code, first.target.code), []).append((day, k))
    if not starts:
        return clusters
    joined: dict = {}
    for k, cluster in enumerate(clusters):
        first = cluster[0]
        day = day_of(first.date)
        if first.event_type != "CONSULT" or first.cameo in VISITS or day is None or \
                any(m.event_type != "CONSULT" or m.date != first.date for m in cluster):
            continue
        docs = {m.mentions[0].doc_id for m in cluster}
        homes = [(d, h) for d, h in starts.get((first.source.code, first.target.code), [])
                 if 0 < (day - d).days <= TRIP_DAYS and docs.isdisjoint(m.mentions[0].doc_id for m in clusters[h])]
        told = {(d, frozenset(m.mentions[0].doc_id for m in clusters[h])) for d, h in homes}
        if len(told) == 1 and _mood(first) in {"asserted", "ongoing"} | {_mood(clusters[h][0]) for _, h in homes}:
            joined[k] = [h for _, h in homes]   # one visit, told in one report (as planned and as under way)
    gone = set(joined)
    for k, homes in joined.items():
        home = homes[0]
        for h in homes[1:]:
            if h not in gone:
                clusters[home].extend(clusters[h])
                gone.add(h)
        clusters[home].extend(clusters[k])
    return [c for k, c in enumerate(clusters) if k not in gone]


def _anaphora(clusters: list) -> list:
    """Undated mentions that name again an act their own document dates elsewhere ("his trip" after "the
    trip to Santiago next week"): they join that act when it is the only one of their document with the same
    parties, type and trigger."""
    dated: dict = {}
    for k, cluster in enumerate(clusters):
        if any(m.date for m in cluster):
            for m in cluster:
                key = (frozenset((m.source.code, m.target.code)), m.event_type, m.mentions[0].doc_id, m.trigger)
                dated.setdefault(key, set()).add(k)
    if not dated:
        return clusters
    joined: dict = {}
    for k, cluster in enumerate(clusters):
        if any(m.date for m in cluster):
            continue
        homes = {h for m in cluster for h in dated.get(
            (frozenset((m.source.code, m.target.code)), m.event_type, m.mentions[0].doc_id, m.trigger), ())}
        if len(homes) == 1:
            joined[k] = homes.pop()
    if not joined:
        return clusters
    for k, home in joined.items():
        clusters[home].extend(clusters[k])
    return [c for k, c in enumerate(clusters) if k not in joined]


class _Block:
    """The clusters of one block, in the order they were made, and which of them a date can join.

    Members of a cluster agree pairwise on their dates, so each member's date is a prefix of the
    cluster's most precise one, and a mention agrees with every member exactly when it agrees with that
    date: when it is a prefix of the date or the date a prefix of it. Large dated blocks index their
    clusters by that date and by each of its prefixes, so a mention is tried against those alone."""

    __slots__ = ("clusters", "dates", "exact", "under")

    def __init__(self):
        self.clusters: list = []
        self.dates: list = []     # per cluster: its most precise date
        self.exact = None         # date -> positions of the clusters with that most precise date
        self.under = None         # prefix -> positions of the clusters whose date starts with it

    @classmethod
    def of(cls, cluster: list) -> "_Block":
        """A block whose first cluster already exists."""
        block = cls()
        block.clusters.append(cluster)
        block.dates.append(cluster[0].date)
        return block

    def join(self, m: Event, published: Optional[dict] = None, index_clusters: int = 16):
        """Add the mention to the first cluster it fits; a new cluster (returned) when none fits."""
        for k in self._candidates(m.date):
            cluster = self.clusters[k]
            if all(_same_in_block(m, other, published) for other in cluster):
                cluster.append(m)
                if m.date and len(m.date) > len(self.dates[k]):
                    self._redate(k, m.date)
                return None
        cluster = [m]
        self.clusters.append(cluster)
        self.dates.append(m.date)
        k = len(self.clusters) - 1
        if self.exact is not None:
            self._register(k, m.date, 0)
        elif m.date and len(self.clusters) > index_clusters:
            self.exact, self.under = {}, {}
            for j, d in enumerate(self.dates):
                self._register(j, d, 0)
        return cluster

    def _candidates(self, date):
        if self.exact is None or not date:
            return range(len(self.clusters))
        found = set(self.under.get(date, ()))
        for n in range(1, len(date)):
            found.update(self.exact.get(date[:n], ()))
        return sorted(found)

    def _register(self, k: int, date: str, known: int) -> None:
        """Index cluster k under its date and that date's prefixes longer than `known` characters."""
        self.exact.setdefault(date, set()).add(k)
        for n in range(known + 1, len(date) + 1):
            self.under.setdefault(date[:n], set()).add(k)

    def _redate(self, k: int, date: str) -> None:
        old = self.dates[k]
        self.dates[k] = date
        if self.exact is not None:
            self.exact[old].discard(k)
            self._register(k, date, len(old))


def _combine(cluster: list) -> Event:
    """One event from its mentions: the first mention's actors, the most precise date, every passage."""
    first = cluster[0]
    if len(cluster) == 1:
        return first
    dated = [m for m in cluster if m.date]
    best = max(dated, key=lambda m: (len(m.date), m.date_basis == "explicit")) if dated else first
    mentions, seen = [], set()
    for m in cluster:
        for x in m.mentions:
            key = (x.doc_id, x.char_start, x.char_end)
            if key not in seen:
                seen.add(key)
                mentions.append(x)
    date_end = next((m.date_end for m in cluster if m.date_end), None)
    return Event(
        event_id=first.event_id, source=first.source, target=first.target, event_type=first.event_type,
        modality=first.modality, date=best.date, date_end=date_end, date_basis=best.date_basis,
        mode=first.mode, context=first.context, cameo=first.cameo, quad=first.quad, goldstein=first.goldstein,
        summary=best.summary, mentions=mentions, trigger=first.trigger, topic=first.topic,
        aspect="ongoing" if all(m.aspect == "ongoing" for m in cluster) else None,
        amount=next((m.amount for m in cluster if m.amount), None),
    )
