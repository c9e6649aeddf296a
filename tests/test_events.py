"""Event extraction rules (issue 5): one table of our own short articles and the events each must,
or must not, yield (source, target, PLOVER type, modality) among the accepted events."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from dyad import Pipeline, RawDocument

Key = tuple[str, str | None, str, str]  # source, target, type, modality


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    present: list[Key] = field(default_factory=list)
    absent: list[Key] = field(default_factory=list)
    published: str = "2019-06-12"


CASES = [
    Case("direct-flights-between-two-capitals-are-cooperation",
         "Direct passenger flights between Ankara and Baghdad are due to start next month.", published="2025-07-12",
         present=[("TUR", "IRQ", "COOPERATE", "planned")]),
    Case("visits-of-a-state-s-officials-are-that-state-s",
         "The summer saw a series of visits of Turkish dignitaries to Baku, "
         "with Iran watching.", published="2021-09-02",
         present=[("TUR", "AZE", "CONSULT", "asserted")]),
    Case("a-cargo-of-a-state-s-goods-on-its-way-somewhere-is-trade",
         "Egypt and Greece held talks on Monday. A cargo of 60,000 tons of Ukrainian wheat is on its way to the "
         "Egyptian port of Alexandria.", published="2023-05-02",
         present=[("UKR", "EGY", "COOPERATE", "asserted")]),
    Case("a-mutual-act-named-without-parties-is-the-story-s-two-parties",
         "Turkey and Greece held talks in Athens. Turkish officials praised Greece on Monday. "
         "Greece thanked Turkey for its help. The mutual defence treaty took effect in December.",
         present=[("TUR", "GRC", "AGREE", "asserted")]),
    Case("a-named-treaty-or-an-actor-s-object-is-not-the-story-s-pair",
         "Iran met Iraq on Monday. Iraq thanked Iran for its help. Iran praised Iraq again. "
         "Iran, a party to the Nuclear Non-Proliferation Treaty, handed him a memorandum on Tuesday.",
         absent=[("IRN", "IRQ", "AGREE", "asserted"), ("IRQ", "IRN", "AGREE", "asserted")]),
    Case("declaring-a-year-of-friendship-is-cooperation",
         "India and Japan have declared 2017 a Year of Friendship, marking 65 years since the start of relations.",
         published="2017-01-20", present=[("IND", "JPN", "COOPERATE", "asserted")]),
    Case("condemning-what-one-calls-an-act-targets-its-doer",
         "Azerbaijani troops launched an attack on Armenia on Tuesday. French President Emmanuel Macron "
         "condemned what he called a massive attack.", published="2022-09-14",
         present=[("FRA", "AZE", "ACCUSE", "asserted")]),
    Case("raising-trade-is-the-raiser-s-trade",
         "Turkey and Iraq aim to raise annual trade to $20 billion by 2030.", published="2024-03-02",
         present=[("TUR", "IRQ", "COOPERATE", "planned")]),
    Case("a-vote-in-a-relative-clause-on-a-resolution-targets-the-body",
         "Ankara and Athens held talks on Monday. Ankara broke with UN Security Council resolutions, which Turkey "
         "itself voted for.",
         present=[("TUR", "UNSC", "SUPPORT", "asserted")]),
    Case("a-hostile-act-on-condition-targets-the-party-of-the-condition",
         "Washington and Ottawa held talks on trade. Washington will impose new sanctions if Caracas holds the vote.",
         present=[("USA", "VEN", "SANCTION", "planned")]),
    Case("a-condition-on-a-party-s-effort-does-not-target-that-party",
         "Canada said that if Norway's mediation fails, Ottawa may impose sanctions on Colombia.",
         absent=[("CAN", "NOR", "SANCTION", "hypothetical"), ("CAN", "NOR", "SANCTION", "planned")]),
    Case("a-conditional-warning-targets-the-party-of-the-condition",
         "Iran warned that it would have to enrich more uranium to protect its interests if the European Union "
         "went ahead with the penalties.",
         present=[("IRN", "EU", "THREATEN", "asserted")]),
    Case("leaving-a-named-agreement-targets-its-other-party",
         "Tehran protested after the United States withdrew from the 2015 nuclear deal in 2018. "
         "Moscow quit the INF Treaty in 2019.",
         present=[("USA", "IRN", "RETREAT", "asserted"), ("RUS", "USA", "RETREAT", "asserted")]),
    Case("what-a-reason-means-is-analysis-not-an-act",
         "Australia's push for a regional summit and the need for Indian support mean that Canberra will expand "
         "dialogue with New Delhi.",
         absent=[("AUS", "IND", "CONSULT", "planned")]),
    Case("a-shipment-is-trade-unless-aid-or-food-is-named",
         "Turkey sent a shipment of steel to Iraq. Japan sent a shipment of rice to Haiti.",
         present=[("TUR", "IRQ", "COOPERATE", "asserted"), ("JPN", "HTI", "AID", "asserted")],
         absent=[("TUR", "IRQ", "AID", "asserted")]),
    Case("an-occasion-s-place-in-an-adjective-complement-is-the-target",
         "Modi is due in Japan next for a three-day state visit.", published="2018-10-20",
         present=[("IND", "JPN", "CONSULT", "planned")]),
    Case("a-sanction-s-target-may-be-named-by-what-it-restricts",
         "Canada and Japan held talks in Tokyo. Japan thanked Canada. Canada imposed sanctions that cover "
         "Iranian banks and shipping firms.",
         present=[("CAN", "IRN", "SANCTION", "asserted")], absent=[("CAN", "JPN", "SANCTION", "asserted")]),
    Case("a-co-actor-is-no-other-candidate-for-the-context-target",
         "Moscow said on Monday it would keep its troops in Crimea. The EU condemned Moscow for the move. "
         "Russia warned the EU against any response. The EU and Canada imposed new sanctions on Tuesday.",
         present=[("EU", "RUS", "SANCTION", "asserted")]),
    Case("a-generic-target-s-named-members-are-the-targets",
         "Moscow openly expressed the need to strengthen economic ties with several states, including Vietnam.",
         present=[("RUS", "VNM", "COOPERATE", "asserted")]),
    Case("a-mutual-noun-s-parties-may-stand-in-its-participle-phrase",
         "Trade rose with a recently opened ferry service running twice a week between Busan and Fukuoka.",
         present=[("KOR", "JPN", "COOPERATE", "asserted")]),
    Case("a-verb-hung-on-a-reported-clause-has-the-speaker-as-subject",
         "Turkey's envoy said new tariffs would not help and urged Greece to return to talks.",
         present=[("TUR", "GRC", "REQUEST", "asserted")], absent=[("TUR", "GRC", "REQUEST", "negated")]),
    Case("a-plural-pronoun-acts-for-its-coordinated-antecedent",
         "Berlin and Paris froze the assets of three Serbian banks in May. They later urged Belgrade to open "
         "its archives.",
         present=[("DEU", "SRB", "REQUEST", "asserted"), ("FRA", "SRB", "REQUEST", "asserted")]),
    Case("cancelling-a-trip-is-the-canceller-s-negated-trip",
         "Egypt's foreign minister Sameh Shoukry cancelled a planned trip to Turkey on Sunday.",
         present=[("EGY", "TUR", "CONSULT", "negated")]),
    Case("consent-one-party-is-the-act",
         "Moscow has agreed to write off 90 percent of the debts of North Korea.",
         present=[("RUS", "PRK", "AID", "asserted")], absent=[("RUS", "PRK", "AGREE", "asserted")]),
    Case("consent-two-parties-is-an-agreement",
         "Russia and North Korea met in Vladivostok. The two sides agreed to build a road bridge.",
         present=[("RUS", "PRK", "AGREE", "asserted")]),
    Case("consent-coordinated-parties-is-an-agreement",
         "Putin and Kim Jong Un agreed to set up a commission on the gas pipeline.",
         present=[("RUS", "PRK", "AGREE", "asserted")]),
    Case("consent-with-partner-is-an-agreement",
         "Russia agreed with China to expand trade in grain.",
         present=[("RUS", "CHN", "AGREE", "asserted")]),
    Case("vote-for-resolution-targets-the-body",
         "The UN Security Council met on Saturday. Russia and China voted in favour of the resolution, "
         "and North Korea rejected it.",
         present=[("RUS", "UNSC", "SUPPORT", "asserted"), ("CHN", "UNSC", "SUPPORT", "asserted")]),
    Case("vote-body-named-in-the-object",
         "Moscow hosted the Iranian minister. Belarus voted against a UN General Assembly resolution on Ukraine.",
         present=[("BLR", "UN", "REJECT", "asserted")]),
    Case("vote-without-a-body-has-no-target",
         "Russia voted for the measure after a long debate in Moscow.",
         absent=[("RUS", "UNSC", "SUPPORT", "asserted"), ("RUS", "UN", "SUPPORT", "asserted")]),
    Case("copular-subject-of-infinitive",
         "The General Assembly met in March. North Korea was one of five countries to vote against the resolution.",
         present=[("PRK", "UN", "REJECT", "asserted")]),
    Case("by-gerund-inherits-the-subject",
         "Moscow expelled two diplomats. The European Union responded on Sunday by closing its airspace to "
         "Russian aircraft.",
         present=[("EU", "RUS", "SANCTION", "asserted")]),
    Case("occasion-noun-phone-call",
         "Xi Jinping told Joe Biden in a phone call on Thursday that China would respond.",
         present=[("CHN", "USA", "CONSULT", "asserted")]),
    Case("occasion-noun-own-partner-unresolved-no-clause-target",
         "After talks with his counterpart in the port city, Lavrov warned the United States against new drills.",
         absent=[("RUS", "USA", "CONSULT", "asserted")]),
    Case("two-countries-last-coordinated-pair",
         "The United States pressed North Korea on Monday. Russia and China argued that sanctions should be "
         "eased. In late 2019 the two countries circulated a draft resolution at the UN Security Council.",
         present=[("RUS", "UNSC", "REQUEST", "asserted"), ("CHN", "UNSC", "REQUEST", "asserted")],
         absent=[("USA", "UNSC", "REQUEST", "asserted")]),
    Case("stated-possible-sanctions-are-a-threat",
         "Beijing on Friday announced the possibility of imposing new sanctions against Pyongyang.",
         present=[("CHN", "PRK", "THREATEN", "asserted")],
         absent=[("CHN", "PRK", "SANCTION", "asserted"), ("CHN", "PRK", "SANCTION", "hypothetical")]),
    Case("a-conditional-threat-keeps-the-act-as-hypothetical",
         "Donald Trump declared that if the talks fail, the United States may use force against North Korea.",
         published="2017-04-20",
         present=[("USA", "PRK", "THREATEN", "asserted"), ("USA", "PRK", "ASSAULT", "hypothetical")]),
    Case("someone-elses-speculation-is-not-a-threat",
         "Japanese analysts said the United States could strike Iran within weeks.",
         absent=[("USA", "IRN", "THREATEN", "asserted")]),
    Case("a-motive-is-not-an-act",
         "Moscow would like to deliver natural gas to South Korea through a pipeline.",
         absent=[("RUS", "KOR", "AID", "hypothetical"), ("RUS", "KOR", "AID", "asserted")]),
    Case("a-habit-is-not-an-act",
         "Russia usually delays votes on sanctions against North Korea at the council.",
         absent=[("RUS", "PRK", "REJECT", "asserted")]),
    Case("a-pledge-with-always-is-still-an-act",
         "Choe said North Korea would always support Russia's policy in Ukraine.",
         present=[("PRK", "RUS", "SUPPORT", "planned")]),
    Case("named-event-gives-parties-and-date",
         "Western governments have kept sanctions on Moscow since the annexation of Crimea.",
         present=[("RUS", "UKR", "COERCE", "asserted")]),
    Case("named-event-reported-in-own-words-is-one-act",
         "Russia invaded Ukraine on 24 February 2022. Moscow calls the invasion of Ukraine a special military "
         "operation.", published="2022-03-01",
         present=[("RUS", "UKR", "ASSAULT", "asserted")]),
    Case("reaction-to-a-named-event-targets-its-doer",
         "Japan condemned the annexation of Crimea. The EU imposed sanctions over the invasion of Ukraine.",
         published="2022-03-01",
         present=[("JPN", "RUS", "ACCUSE", "asserted"), ("EU", "RUS", "SANCTION", "asserted")],
         absent=[("JPN", "UKR", "ACCUSE", "asserted")]),
    Case("judgement-naming-verb-with-condemning-complement",
         "The IAEA board passed a resolution on Iran's enrichment. Iran's foreign ministry called the resolution "
         "political and unconstructive.",
         present=[("IRN", "IAEA", "ACCUSE", "asserted")]),
    Case("judgement-said-it-was-illegal-targets-the-owner",
         "Japan bought three of the islands from a private owner. China said Japan's purchase was illegal and invalid.",
         present=[("CHN", "JPN", "ACCUSE", "asserted")]),
    Case("judgement-what-it-called",
         "Pyongyang rejected the rice, citing what it called South Korea's hostile attitude.",
         present=[("PRK", "KOR", "ACCUSE", "asserted")]),
    Case("praise-is-not-a-judgement",
         "Moscow called the talks with Japan useful and constructive.",
         absent=[("RUS", "JPN", "ACCUSE", "asserted")]),
    Case("forum-standstill-has-no-addressee",
         "Moscow wants Pyongyang back at the six-party talks, which have been tabled since 2008.",
         published="2014-10-01", present=[("SIXPARTY", None, "SANCTION", "asserted")]),
    Case("participle-description-is-not-an-act",
         "On one side stands Pyongyang, supported by Russia and China, and on the other Seoul.",
         absent=[("RUS", "PRK", "SUPPORT", "asserted"), ("CHN", "PRK", "SUPPORT", "asserted")]),
    Case("passive-with-agent-is-an-act",
         "The treaty was signed by Russia and North Korea in Pyongyang on Wednesday.",
         present=[("RUS", "PRK", "AGREE", "asserted")]),
    Case("occasion-set-a-date-for-a-summit-with-each",
         "Officials say China will try to set a date for a trilateral summit with South Korea and Japan.",
         published="2024-03-01",
         present=[("CHN", "KOR", "CONSULT", "planned"), ("CHN", "JPN", "CONSULT", "planned")]),
    Case("consent-to-a-package-of-sanctions-is-the-sanction",
         "EU member states agreed a new package of sanctions against Russia on Friday.",
         present=[("EU", "RUS", "SANCTION", "asserted")], absent=[("EU", "RUS", "AGREE", "asserted")]),
    Case("approving-sanctions-is-not-support",
         "The European Union approved sanctions on Iranian officials over the drone deliveries.",
         present=[("EU", "IRN", "SANCTION", "asserted")], absent=[("EU", "IRN", "SUPPORT", "asserted")]),
    Case("helper-is-the-actor",
         "British Royal Marines helped authorities in Gibraltar detain the Iranian tanker on Thursday.",
         present=[("GBR", "IRN", "COERCE", "asserted")]),
    Case("noun-with-relative-clause-subject",
         "The agreement covers loans the Soviet Union extended to North Korea over several decades.",
         present=[("RUS", "PRK", "AID", "asserted")]),
    Case("multiword-trigger-consumes-its-noun",
         "Japan lodged a protest with Beijing on Sunday over the attacks on its factories.",
         present=[("JPN", "CHN", "ACCUSE", "asserted")], absent=[("JPN", None, "PROTEST", "asserted")]),
    Case("counterpart-target-is-the-named-person-not-the-possessor",
         "Antony Blinken spoke by phone with his South Korean counterpart Park Jin on Friday.",
         published="2022-03-04", present=[("USA", "KOR", "CONSULT", "asserted")]),
    Case("possessor-of-the-pledged-support-is-the-actor",
         "Kim told Putin that Russia had risen up in a sacred fight, and pledged North Korea's full support "
         "for the Kremlin's decisions.", published="2023-09-14",
         present=[("PRK", "RUS", "SUPPORT", "asserted")], absent=[("RUS", "PRK", "SUPPORT", "asserted")]),
    Case("accused-x-of-doing-x-does",
         "Washington has accused Pyongyang of shipping millions of artillery shells to Moscow.",
         published="2023-10-12", present=[("USA", "PRK", "ACCUSE", "asserted"), ("PRK", "RUS", "AID", "asserted")],
         absent=[("USA", "RUS", "AID", "asserted"), ("USA", "RUS", "COOPERATE", "asserted")]),
    Case("joint-denial-does-not-target-a-member",
         "Russia and North Korea signed a pact. Washington has accused Pyongyang of shipping shells to Moscow, "
         "which both countries deny.", published="2023-10-12",
         present=[("PRK", "USA", "REJECT", "asserted")], absent=[("PRK", "RUS", "REJECT", "asserted")]),
    Case("criticising-an-agreement-targets-both-parties",
         "Japan and South Korea agreed on Sunday to resume defence talks. China criticised the agreement.",
         published="2023-06-05",
         present=[("CHN", "JPN", "ACCUSE", "asserted"), ("CHN", "KOR", "ACCUSE", "asserted")]),
    Case("gave-signals-in-response-is-not-giving-in",
         "Moscow pressed Pyongyang. Pyongyang, in response, gave signals that it was considering talks.",
         absent=[("PRK", "RUS", "CONCEDE", "asserted")]),
    Case("statement-issuer-denounces-the-doers-named-in-the-object",
         "The foreign ministry of the DPRK issued a statement on Friday denouncing the joint air drills staged "
         "by the United States and South Korea as a dangerous provocation.", published="2023-02-20",
         present=[("PRK", "USA", "ACCUSE", "asserted"), ("PRK", "KOR", "ACCUSE", "asserted")]),
    Case("not-accepting-an-offer-is-a-rejection",
         "North Korea said it will not accept 50,000 tons of rice offered by South Korea.", published="2019-07-24",
         present=[("PRK", "KOR", "REJECT", "asserted")], absent=[("PRK", "KOR", "AGREE", "negated")]),
    Case("veto-of-a-mandate-targets-the-council",
         "The UN Security Council panel lost its mandate after Moscow vetoed its renewal in March.",
         published="2024-11-20", present=[("RUS", "UNSC", "REJECT", "asserted")]),
    Case("hostile-act-aimed-at-the-doer-of-its-cause",
         "Iran's supreme leader Ali Khamenei vowed revenge after Israel killed a senior commander in Damascus.",
         published="2024-04-03",
         present=[("IRN", "ISR", "THREATEN", "asserted"), ("ISR", "SYR", "ASSAULT", "asserted")]),
    Case("fighting-alongside-an-ally-on-its-soil-does-not-target-it",
         "North Korea said its soldiers had fought alongside Russian forces in the Kursk region.",
         published="2025-04-30", absent=[("PRK", "RUS", "ASSAULT", "asserted")]),
    Case("reaction-to-the-move-targets-the-act-just-reported",
         "Russian President Vladimir Putin on Wednesday ordered the deployment of tactical nuclear weapons to "
         "Belarus. Minsk welcomed the move. NATO called the decision dangerous and reckless.", published="2023-03-29",
         present=[("BLR", "RUS", "SUPPORT", "asserted"), ("NATO", "RUS", "ACCUSE", "asserted")],
         absent=[("RUS", "BLR", "REQUEST", "asserted")]),
    Case("an-order-with-someone-told-to-act-is-a-demand",
         "The United States ordered Russia to close its consulate in San Francisco.", published="2017-08-31",
         present=[("USA", "RUS", "REQUEST", "asserted")]),
    Case("an-act-demanded-of-another-is-not-an-event",
         "The UN General Assembly adopted a resolution demanding that Russia withdraw its troops from Ukraine.",
         published="2022-03-02", present=[("UN", "RUS", "REQUEST", "asserted")],
         absent=[("RUS", "UKR", "RETREAT", "asserted"), ("UN", "UKR", "REQUEST", "asserted")]),
    Case("deployment-next-to-a-state-targets-it",
         "Russia massed troops near Ukraine's border in November.", published="2021-12-01",
         present=[("RUS", "UKR", "MOBILIZE", "asserted")]),
    Case("a-test-off-ones-own-coast-has-no-target",
         "North Korea fired two ballistic missiles into the sea off its east coast on Sunday.", published="2022-03-07",
         present=[("PRK", None, "MOBILIZE", "asserted")]),
    Case("a-place-in-a-project-name-is-where-not-who",
         "Minister Alexander Galushka visited the North. The minister is planning to push ahead with the "
         "Rajin-Khasan Project.", published="2016-05-20",
         present=[("RUS", "PRK", "COOPERATE", "planned")], absent=[("PRK", "RUS", "COOPERATE", "proposed"),
                                                                   ("PRK", "RUS", "REQUEST", "proposed")]),
    Case("what-unnamed-analysts-expect-is-not-an-act",
         "Some have analyzed that North Korea and Russia would expand their cooperation to the economic field. "
         "According to analysts, Russian-North Korean cooperation will create a counterweight to China.",
         absent=[("PRK", "RUS", "COOPERATE", "hypothetical"), ("RUS", "PRK", "COOPERATE", "planned")]),
    Case("sourced-news-and-own-intent-stay-events",
         "Diplomats say that China will try to set a date for a summit with Japan. Moscow said it would expand "
         "cooperation with Pyongyang.", published="2024-03-01",
         present=[("CHN", "JPN", "CONSULT", "planned"), ("RUS", "PRK", "COOPERATE", "planned")]),
]


def _keys(pipeline: Pipeline, case: Case) -> set[Key]:
    raw = RawDocument(id=case.id, source=f"{case.id}.txt", data=case.text.encode("utf-8"), published=case.published)
    analysis = pipeline.analyze(raw)
    keys: set[Key] = set()
    for e in analysis.events:
        if e.accepted:
            keys.add((e.source, e.target, e.type, e.modality))
            if e.mutual and e.target is not None:
                keys.add((e.target, e.source, e.type, e.modality))
    return keys


def test_named_event_is_dated_from_the_knowledge_base_and_merged_with_its_report(pipeline: Pipeline) -> None:
    named = next(c for c in CASES if c.id == "named-event-gives-parties-and-date")
    raw = RawDocument(id="n1", source="n1.txt", data=named.text.encode("utf-8"), published=named.published)
    coerce = [e for e in pipeline.analyze(raw).events if e.type == "COERCE"]
    assert [(e.date, e.evidence) for e in coerce] == [("2014-03-18", "annexation of Crimea")]
    twice = next(c for c in CASES if c.id == "named-event-reported-in-own-words-is-one-act")
    raw = RawDocument(id="n2", source="n2.txt", data=twice.text.encode("utf-8"), published=twice.published)
    assaults = [e for e in pipeline.analyze(raw).events if e.type == "ASSAULT" and e.accepted]
    assert len(assaults) == 1 and len(assaults[0].mentions) >= 2 and assaults[0].date == "2022-02-24"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_event_rules(pipeline: Pipeline, case: Case) -> None:
    keys = _keys(pipeline, case)
    for key in case.present:
        assert key in keys, f"missing {key}; found {sorted(keys, key=str)}"
    for key in case.absent:
        assert key not in keys, f"unexpected {key}"


def test_a_noun_and_the_relative_clause_telling_its_act_are_one_event(pipeline: Pipeline) -> None:
    text = "Hanoi rejected the treaty that Beijing signed with Manila in June last year."
    raw = RawDocument(id="r1", source="r1.txt", data=text.encode("utf-8"), published="2016-05-02")
    agree = [e for e in pipeline.analyze(raw).events if e.type == "AGREE"]
    assert [(e.source, e.target, e.date) for e in agree] == [("CHN", "PHL", "2015-06")]


def test_a_participle_telling_part_of_its_clause_s_act_is_that_act(pipeline: Pipeline) -> None:
    text = "Turkey began large naval exercises around Cyprus on Monday, firing missiles into the sea."
    raw = RawDocument(id="p1", source="p1.txt", data=text.encode("utf-8"), published="2021-03-10")
    mobilize = [e for e in pipeline.analyze(raw).events if e.type == "MOBILIZE"]
    assert [(e.source, e.target, len(e.mentions)) for e in mobilize] == [("TUR", "CYP", 2)]


def test_a_past_visit_does_not_lend_its_date_to_a_planned_one(pipeline: Pipeline) -> None:
    text = ("Erdogan arrived in Doha on Monday on his first visit since 2014. "
            "Turkish President Erdogan is due in Kuwait next for a two-day state visit.")
    raw = RawDocument(id="v1", source="v1.txt", data=text.encode("utf-8"), published="2023-07-18")
    kuwait = [e for e in pipeline.analyze(raw).events if e.target == "KWT"]
    assert [(e.type, e.modality, e.date) for e in kuwait] == [("CONSULT", "planned", None)]


def test_a_cargo_carries_its_tonnage(pipeline: Pipeline) -> None:
    text = "A cargo of 60,000 tons of Ukrainian wheat is on its way to the Egyptian port of Alexandria."
    raw = RawDocument(id="c1", source="c1.txt", data=text.encode("utf-8"), published="2023-05-02")
    trade = [e for e in pipeline.analyze(raw).events if e.type == "COOPERATE"]
    assert [(e.source, e.target, [(q.value, q.unit) for q in e.quantities]) for e in trade] == [
        ("UKR", "EGY", [(60000.0, "t")])]
