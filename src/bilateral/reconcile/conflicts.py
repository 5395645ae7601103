"""How figures relate: claim groups, and within them agreement, updates and conflicts.

Claims are compared only within a group: the same (fine) metric, direction
(either way for trade), scope and kind of unit.  Within a group, figures for the same
period agree when their intervals overlap and conflict (`value`) when they
cannot both hold; a later cumulative total since the same start is an `update`
when it grew; a flow two orders of magnitude from its comparable peers is an
`outlier` (the likely typo, `outliers`); ranks conflict when they differ for
overlapping times.  Never a conflict: bounds that can both be true, an older
total against a newer larger one, different metrics, scopes or periods, two
figures of one sentence, a figure whose parties are unknown or both taken from
the document's pair, a sum over no stated time; a target or forecast against a
reported figure is `plan_vs_fact`, a relation and no conflict.
Comparisons run inside buckets of comparable claims (same period, same start),
so the work grows with the size of the buckets, not with the square of a group.
"""
from __future__ import annotations

import itertools
from typing import Iterable, Optional

from ..model import Claim, Conflict, Relation, stable_id
from .figures import (amount, amount_in, claim_label, comparable, describe, group_key_in, interval, one_sentence,
                      overlap, period_key, time_span, unit_family)
from .gcpause import paused_gc
from .outliers import OUTLIER_RATIO, flow_year, outliers


def relate(a: Claim, b: Claim) -> Optional[tuple]:
    """(kind, explanation) for two claims of one group that speak of comparable times, else None."""
    return _relate(a, b, unit_family(a))


def _relate(a: Claim, b: Claim, family: str) -> Optional[tuple]:
    """`relate` for two claims of a group whose unit family is known."""
    if one_sentence(a, b):
        return None   # one sentence gives its figures side by side: never a disagreement
    if family == "rank":
        return _rank_relation(a, b)
    va, vb = amount_in(a, family), amount_in(b, family)
    if va is None or vb is None or va <= 0 or vb <= 0:
        return None
    label = claim_label(a)
    if a.period_kind == "cumulative" and b.period_kind == "cumulative" and a.period_start == b.period_start:
        if not a.as_of or not b.as_of:
            return None
        if a.as_of[:4] == b.as_of[:4]:
            return _same_period(a, b, label)
        older, newer = (a, b) if a.as_of < b.as_of else (b, a)
        lo_old, _ = interval(older)
        _, hi_new = interval(newer)
        if lo_old is not None and hi_new is not None and hi_new < lo_old and comparable(older, newer):
            return "value", (f"The cumulative {label} since {a.period_start} cannot shrink: {describe(older)} "
                             f"is larger than the later {describe(newer)}.")
        if amount(newer) > amount(older) and not overlap(interval(older), interval(newer)):
            return "update", (f"{describe(newer)} updates the earlier {describe(older)}: a cumulative "
                              f"{label} since {a.period_start} that grew.")
        return "agree", f"{describe(older)} and the later {describe(newer)} can both hold for {label}."
    if a.period_kind != b.period_kind or period_key(a) != period_key(b):
        return None
    if a.period_start is None and a.period_end is None and (a.as_of or "")[:7] != (b.as_of or "")[:7]:
        return None
    if max(va, vb) / min(va, vb) >= OUTLIER_RATIO:
        return None   # left to the outlier check, which weighs all comparable peers
    return _same_period(a, b, label)


def _same_period(a: Claim, b: Claim, label: str) -> Optional[tuple]:
    if overlap(interval(a), interval(b)):
        return "agree", f"{describe(a)} and {describe(b)} agree on {label}: their ranges overlap."
    if {a.modality, b.modality} == {"asserted", "planned"} or {a.modality, b.modality} == {"asserted", "intended"}:
        plan, fact = (a, b) if a.modality != "asserted" else (b, a)
        return "plan_vs_fact", (f"{describe(plan)} was a target or forecast for {label}; {describe(fact)} is the "
                                "figure reported: a plan and its outcome, not a contradiction.")
    if not comparable(a, b) or undated_flow(a) or undated_flow(b):
        return None   # a party left unnamed, or a sum over no stated time: nothing to contradict
    return "value", (f"{describe(a)} and {describe(b)} give {label} for the same period; "
                     "the two figures cannot both hold.")


def undated_flow(c: Claim) -> bool:
    """A flow or sum whose period the text never states ("bought 310 mln dlrs worth"): two of them in one
    document are most often parts of each other, not rival figures for one period."""
    return c.period_kind in ("flow", "cumulative") and (not c.period_start and not c.period_end
                                                        or c.period_basis == "document")


def _rank_relation(a: Claim, b: Claim) -> Optional[tuple]:
    if a.rank is None or b.rank is None:
        return None
    sa, sb = time_span(a), time_span(b)
    if sa is None or sb is None or sa[1] < sb[0] or sb[1] < sa[0]:
        return None
    if a.rank_group and b.rank_group and a.rank_group != b.rank_group:
        return None
    role = a.metric.replace("_rank", "")
    if a.rank == b.rank:
        return "agree", f"{describe(a)} and {describe(b)} both rank {a.subject} {a.rank} as {role} of {a.object}."
    if not comparable(a, b):
        return None
    return "rank", (f"{describe(a)} (rank {a.rank}) and {describe(b)} (rank {b.rank}) rank {a.subject} "
                    f"differently as {role} of {a.object} over overlapping times.")


def _rank_pairs(members: list) -> Iterable[tuple]:
    """Pairs of rank claims whose times overlap, by a sweep over their spans."""
    ranks = sorted(((s, c) for c in members if unit_family(c) == "rank" and (s := time_span(c))),
                   key=lambda sc: (sc[0], sc[1].claim_id))
    active: list = []
    for span, c in ranks:
        active = [(sp, a) for sp, a in active if sp[1] >= span[0]]
        for _, a in active:
            yield a, c
        active.append((span, c))


def claim_relations(claims: Iterable[Claim], grp: str = "", indexed_outliers: int = 48) -> list:
    """Every decision about comparable claims: agree, update, and the conflict kinds."""
    with paused_gc():
        return _claim_relations(claims, grp, indexed_outliers)


def _claim_relations(claims: Iterable[Claim], grp: str, indexed_outliers: int) -> list:
    keys, groups, pairs_of, flows_of = _sorted_into_groups(claims)
    out, seen = [], set()

    def add(kind, a, b, explanation):
        ids = tuple(sorted((a.claim_id, b.claim_id)))
        if (kind, ids) not in seen:
            seen.add((kind, ids))
            out.append(Relation(grp=grp, claim_a=ids[0], claim_b=ids[1], kind=kind, explanation=explanation))

    for g, (key, members) in enumerate(zip(keys, groups)):
        if len(members) < 2:
            continue   # nothing to compare with, not even an outlier's peer
        family = key[3]
        if family == "rank":   # every member shares the group's unit family: ranks only compare by span
            for a, b in _rank_pairs(members):
                found = _rank_relation(a, b)
                if found:
                    add(found[0], a, b, found[1])
            continue
        for a, b in pairs_of.get(g, ()):
            found = _relate(a, b, family)
            if found:
                add(found[0], a, b, found[1])
        rows = flows_of.get(g)
        if rows is not None and len(rows) > 1:   # a rank without a value has no amount, so never a flow
            for c, peer, explanation in outliers(rows, family, indexed_outliers):
                if comparable(c, peer):
                    add("outlier", c, peer, explanation)
    return out


def _sorted_into_groups(claims: Iterable[Claim]) -> tuple:
    """(the group keys in order of their first claims, each group's members, group number -> the pairs
    worth comparing, group number -> its flows as `outliers` takes them, two or more).

    The pairs of a group are every two claims of the same period (or the same as-of month for stocks),
    then consecutive cumulative totals since the same start, by as-of date. They are collected for all
    groups of two or more claims in one table, under the group's number: most groups hold a claim or
    two, and a table of their own each would cost more than the comparisons."""
    number: dict = {}     # group key -> its number
    groups: list = []
    for c in claims:
        if c.metric != "other":
            key = group_key_in(c, unit_family(c))
            g = number.get(key)
            if g is None:
                g = number[key] = len(groups)
                groups.append([c])
            else:
                groups[g].append(c)
    keys = list(number)
    same: dict = {}       # (group number, period) -> claims
    starts: dict = {}     # (group number, start) -> cumulative totals with an as-of date
    flows_of: dict = {}
    for g, members in enumerate(groups):
        family = keys[g][3]
        if len(members) < 2 or family == "rank":
            continue   # nothing to compare with; ranks compare by their spans alone
        rows = []
        for position, c in enumerate(members):
            if c.period_kind == "cumulative":
                if c.as_of:
                    starts.setdefault((g, c.period_start), []).append(c)
            else:
                start, end = c.period_start, c.period_end
                period = (g, c.period_kind, start, end,
                          (c.as_of or "")[:7] if start is None and end is None else None)
                bucket = same.get(period)
                if bucket is None:
                    same[period] = [c]
                else:
                    bucket.append(c)
            year = flow_year(c)
            if year is not None:
                v = amount_in(c, family)
                if v:
                    rows.append((year, c.claim_id, position, c, v))
        if len(rows) > 1:
            rows.sort()
            flows_of[g] = rows
    pairs_of: dict = {}
    for period, bucket in same.items():   # in the order of each group's periods' first claims
        if len(bucket) > 1:
            pairs_of.setdefault(period[0], []).extend(itertools.combinations(bucket, 2))
    for (g, _), chain in starts.items():
        if len(chain) > 1:
            chain.sort(key=lambda c: (c.as_of, c.claim_id))
            pairs_of.setdefault(g, []).extend(zip(chain, chain[1:]))
    return keys, groups, pairs_of, flows_of


CLAIM_CONFLICT_KINDS = ("value", "outlier", "rank")


def conflicts_of(relations: Iterable[Relation]) -> list:
    """The relations that are conflicts, as Conflict records: one disagreement is one conflict, so
    figures that agree with each other (the same figure told by two sources) stand on one side of it,
    and its explanation says, for each claim it names beyond the first two, which figure it agrees with."""
    relations = list(relations)
    side = _agreeing_sides(relations)
    agreeing: dict = {}
    for r in relations:
        if r.kind == "agree":
            agreeing.setdefault(r.claim_a, r.explanation)
            agreeing.setdefault(r.claim_b, r.explanation)
    out: list = []
    found: dict = {}
    for r in relations:
        if r.kind not in CLAIM_CONFLICT_KINDS:
            continue
        a, b = side.get(r.claim_a, r.claim_a), side.get(r.claim_b, r.claim_b)
        key = (r.kind, frozenset((a, b))) if a != b else (r.kind, r.claim_a, r.claim_b)
        conflict = found.get(key)
        if conflict is None:
            conflict = found[key] = Conflict(conflict_id=stable_id("k", r.kind, r.claim_a, r.claim_b), kind=r.kind,
                                             explanation=r.explanation, claim_ids=[r.claim_a, r.claim_b])
            out.append(conflict)
        else:
            for c in (r.claim_a, r.claim_b):
                if c not in conflict.claim_ids:
                    conflict.claim_ids.append(c)
                    why = agreeing.get(c)
                    if why and why not in conflict.explanation:
                        conflict.explanation += " " + why
    return out


def _agreeing_sides(relations: list) -> dict:
    """claim id -> one representative of the claims it agrees with, directly or through others."""
    parent: dict = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for r in relations:
        if r.kind == "agree":
            ra, rb = root(r.claim_a), root(r.claim_b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in list(parent)}


def claim_conflicts(claims: Iterable[Claim]) -> list:
    """Every conflict among claims, compared within their groups."""
    return conflicts_of(claim_relations(claims))
