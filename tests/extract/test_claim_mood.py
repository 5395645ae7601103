"""Actual or not: forecasts, targets, hopes and offers carry a modality, on sentences written for the tests."""
import pytest


@pytest.mark.parametrize("sentence, figure, modality", [
    ("Two-way trade between Peru and Chile could top $10 billion in 2025.", "$10 billion", "planned"),
    ("Peru and Chile aim to reach $10 billion in two-way trade by 2025.", "$10 billion", "intended"),
    ("Two-way trade between Peru and Chile is expected to reach $10 billion in 2025.", "$10 billion", "planned"),
    ("Peru and Chile set a target of $10 billion in two-way trade for 2025.", "$10 billion", "planned"),
    ("Peru's stake in the Chilean mine should be cut to 49%, lawmakers said.", "49%", "planned"),
    ("Two-way trade between Peru and Chile reached $7 billion in 2020.", "$7 billion", "asserted"),
])
def test_modality(claims_of, sentence, figure, modality):
    assert claims_of(sentence)[figure].modality == modality
