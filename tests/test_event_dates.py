"""Event dates: which date expression of a sentence dates which act, and how it is read."""

from __future__ import annotations

from dyad import Event, Pipeline, RawDocument


def _events(pipeline: Pipeline, text: str, published: str) -> list[Event]:
    raw = RawDocument(id="d1", source="d1.txt", data=f"Headline\n\n{text}\n".encode(), published=published)
    return pipeline.analyze(raw).events


def _one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, found
    return found[0]


def test_a_date_borrowed_from_a_planned_clause_is_read_forward(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The Chinese minister is expected to open a visit to Vietnam on Monday.", "2021-05-08")
    assert _one(events, "REQUEST").date == "2021-05-10"  # the coming Monday, not the past one


def test_a_time_clause_in_the_present_speaks_of_the_future(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Lavrov hopes to settle the dispute when he visits Beijing on Monday.", "2021-05-08")
    visit = next(e for e in events if e.type == "CONSULT" and e.trigger == "visits")
    assert visit.date == "2021-05-10"


def test_a_clause_coordinated_with_a_planned_one_keeps_its_own_tense(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The talks were expected to resume in Vienna, but Iran announced a boycott of the "
                               "talks on Monday.", "2021-05-08")
    assert _one(events, "PROTEST").date == "2021-05-03"  # announced last Monday: "expected" governs the talks only
