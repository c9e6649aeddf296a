"""The evaluation helper agrees with the gold scorer's matching rules and reports confusions."""

from __future__ import annotations

from dyad.evaluate import evaluate

GOLD = [{"doc": "a", "events": [
    {"source": "RUS", "target": "PRK", "type": "AGREE", "mutual": True, "modality": "asserted"},
    {"source": "USA", "target": "PRK", "type": "ACCUSE", "modality": "asserted"},
    {"source": "CHN", "target": "PRK", "type": "SANCTION", "modality": "planned"},
]}]


def test_mutual_gold_matches_either_direction_and_confusions_are_counted() -> None:
    pred = [
        {"doc": "a", "source": "PRK", "target": "RUS", "type": "AGREE", "modality": "asserted"},  # reversed, mutual
        {"doc": "a", "source": "USA", "target": "PRK", "type": "THREATEN"},  # right dyad, wrong type
        {"doc": "a", "source": "CHN", "target": "PRK", "type": "SANCTION", "modality": "asserted"},
        {"doc": "b", "source": "JPN", "target": "KOR", "type": "CONSULT"},  # not a gold document: ignored
    ]
    result = evaluate(pred, GOLD)
    assert (result.gold, result.pred, result.matched) == (3, 3, 2)
    assert round(result.precision, 3) == round(result.recall, 3) == 0.667
    assert result.confusion == {("ACCUSE", "THREATEN"): 1}
    assert result.modality[("planned", "asserted")] == 1
    assert result.by_type["SANCTION"]["tp"] == 1 and result.by_type["THREATEN"]["pred"] == 1


def test_directed_gold_does_not_match_the_reverse() -> None:
    pred = [{"doc": "a", "source": "PRK", "target": "USA", "type": "ACCUSE"}]
    assert evaluate(pred, GOLD).matched == 0
