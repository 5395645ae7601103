"""The served store: a question may take longer than a list, since the first one builds the record it reads."""
from __future__ import annotations

import pytest

from bilateral.ask import record
from bilateral.web.db import Database, QueryTimeout


def test_the_first_question_builds_the_record_past_the_query_limit(web_store):
    db = Database(web_store, timeout=0.005)
    try:
        record._CACHE.clear()
        with pytest.raises(QueryTimeout):   # the same work under a list's limit is stopped
            db.run(lambda corpus: corpus.ask("When did Germany and Namibia sign an agreement?").to_dict())
        record._CACHE.clear()
        answer = db.ask("When did Germany and Namibia sign an agreement?")
        assert answer["citations"] and answer["basis"] in ("record", "passage")
    finally:
        db.close()
