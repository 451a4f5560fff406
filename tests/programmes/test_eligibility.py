"""The eligibility rules, applied by the pure function `evaluate`: each rule and its edges."""

import datetime

import pytest

from programmes.choices import OriginRule
from programmes.eligibility import MET, MISSED, UNKNOWN, Facts, Rules, evaluate

TODAY = datetime.date(2026, 11, 22)


def outcome_of(rules, facts, today=TODAY):
    """The single outcome of a rule set with one condition."""
    (outcome,) = evaluate(rules, facts, today).outcomes
    return outcome


# --- Years in Belgium ----------------------------------------------------------------------

FIVE_YEARS = Rules(max_years_in_belgium=5)


def test_registered_exactly_five_years_ago_is_still_in_time():
    facts = Facts(first_registration_in_belgium=datetime.date(2021, 11, 22))

    outcome = outcome_of(FIVE_YEARS, facts, today=datetime.date(2026, 11, 22))

    assert outcome.status == MET


def test_registered_five_years_and_one_day_ago_is_too_long():
    facts = Facts(first_registration_in_belgium=datetime.date(2021, 11, 22))

    outcome = outcome_of(FIVE_YEARS, facts, today=datetime.date(2026, 11, 23))

    assert outcome.status == MISSED
    assert "langer geleden" in str(outcome.explanation)


def test_registered_yesterday_is_in_time():
    facts = Facts(first_registration_in_belgium=TODAY - datetime.timedelta(days=1))
    assert outcome_of(FIVE_YEARS, facts).status == MET


def test_registered_on_29_february_counts_until_28_february_five_years_later():
    facts = Facts(first_registration_in_belgium=datetime.date(2020, 2, 29))

    assert outcome_of(FIVE_YEARS, facts, today=datetime.date(2025, 2, 28)).status == MET
    assert outcome_of(FIVE_YEARS, facts, today=datetime.date(2025, 3, 1)).status == MISSED


def test_registered_on_29_february_counts_until_29_february_in_a_leap_year():
    four_years = Rules(max_years_in_belgium=4)
    facts = Facts(first_registration_in_belgium=datetime.date(2020, 2, 29))

    assert outcome_of(four_years, facts, today=datetime.date(2024, 2, 29)).status == MET
    assert outcome_of(four_years, facts, today=datetime.date(2024, 3, 1)).status == MISSED


def test_registration_in_the_future_is_not_guessed_at_but_flagged():
    facts = Facts(first_registration_in_belgium=TODAY + datetime.timedelta(days=1))

    outcome = outcome_of(FIVE_YEARS, facts)

    assert outcome.status == UNKNOWN
    assert "toekomst" in str(outcome.explanation)


def test_registration_date_not_given_is_unknown():
    outcome = outcome_of(FIVE_YEARS, Facts())

    assert outcome.status == UNKNOWN
    assert "5 jaar" in str(outcome.explanation)


# --- Origin --------------------------------------------------------------------------------

OUTSIDE_EU = Rules(origin_rule=OriginRule.OUTSIDE_EU)
OUTSIDE_EEA_CH = Rules(origin_rule=OriginRule.OUTSIDE_EEA_CH)


@pytest.mark.parametrize("country", ["NO", "IS", "LI", "CH"])
def test_eea_and_swiss_nationals_are_from_outside_the_eu(country):
    assert outcome_of(OUTSIDE_EU, Facts(nationalities=(country,))).status == MET


@pytest.mark.parametrize("country", ["NO", "IS", "LI", "CH"])
def test_eea_and_swiss_nationals_miss_an_outside_eea_and_switzerland_rule(country):
    outcome = outcome_of(OUTSIDE_EEA_CH, Facts(nationalities=(country,)))

    assert outcome.status == MISSED
    assert "Zwitserland" in str(outcome.explanation)


@pytest.mark.parametrize("rules", [OUTSIDE_EU, OUTSIDE_EEA_CH])
def test_a_third_country_national_meets_either_origin_rule(rules):
    facts = Facts(nationalities=("SY",), country_of_origin="SY")
    assert outcome_of(rules, facts).status == MET


def test_an_eu_nationality_among_several_misses_the_outside_eu_rule():
    facts = Facts(nationalities=("SY", "FR"), country_of_origin="SY")
    assert outcome_of(OUTSIDE_EU, facts).status == MISSED


def test_greece_counts_by_its_iso_code():
    assert outcome_of(OUTSIDE_EU, Facts(nationalities=("GR",))).status == MISSED


def test_country_of_origin_alone_is_enough_to_decide():
    assert outcome_of(OUTSIDE_EU, Facts(country_of_origin="AF")).status == MET
    assert outcome_of(OUTSIDE_EU, Facts(country_of_origin="DE")).status == MISSED


def test_a_country_of_origin_in_the_eu_misses_even_with_a_third_country_nationality():
    facts = Facts(nationalities=("UA",), country_of_origin="PL")
    assert outcome_of(OUTSIDE_EU, facts).status == MISSED


def test_a_stateless_person_is_judged_on_the_country_of_origin():
    facts = Facts(nationalities=(), country_of_origin="PS")

    assert outcome_of(OUTSIDE_EU, facts).status == MET
    assert outcome_of(OUTSIDE_EEA_CH, facts).status == MET


def test_neither_nationality_nor_origin_given_is_unknown():
    outcome = outcome_of(OUTSIDE_EU, Facts(nationalities=(), country_of_origin=None))

    assert outcome.status == UNKNOWN
    assert "nationaliteit" in str(outcome.explanation)


# --- Education -----------------------------------------------------------------------------

BACHELOR = Rules(min_eqf_level=6)
RECOGNISED_BACHELOR = Rules(min_eqf_level=6, diploma_recognition_required=True)


def test_eqf_5_is_below_a_bachelor():
    outcome = outcome_of(BACHELOR, Facts(eqf_level=5))

    assert outcome.status == MISSED
    assert "niveau 6" in str(outcome.explanation)


@pytest.mark.parametrize("level", [6, 7, 8])
def test_a_bachelor_or_higher_meets_a_bachelor_rule(level):
    assert outcome_of(BACHELOR, Facts(eqf_level=level)).status == MET


def test_recognition_does_not_matter_when_not_required():
    outcome = outcome_of(BACHELOR, Facts(eqf_level=6, diploma_recognised=False))

    assert outcome.status == MET
    assert "hoeft niet erkend" in str(outcome.explanation)


def test_required_recognition_met_by_a_recognised_diploma():
    facts = Facts(eqf_level=7, diploma_recognised=True)
    assert outcome_of(RECOGNISED_BACHELOR, facts).status == MET


def test_required_recognition_missed_by_an_unrecognised_diploma():
    outcome = outcome_of(RECOGNISED_BACHELOR, Facts(eqf_level=7, diploma_recognised=False))

    assert outcome.status == MISSED
    assert "NARIC" in str(outcome.explanation)


def test_required_recognition_unknown_when_not_said():
    facts = Facts(eqf_level=7, diploma_recognised=None)
    assert outcome_of(RECOGNISED_BACHELOR, facts).status == UNKNOWN


def test_a_diploma_too_low_misses_whatever_its_recognition():
    facts = Facts(eqf_level=5, diploma_recognised=True)
    assert outcome_of(RECOGNISED_BACHELOR, facts).status == MISSED


def test_no_diploma_given_is_unknown():
    assert outcome_of(BACHELOR, Facts()).status == UNKNOWN


# --- Languages -----------------------------------------------------------------------------

DUTCH_B1 = Rules(min_language_levels=(("nl", "b1"),))


@pytest.mark.parametrize(
    ("level", "status"),
    [("pre_a1", MISSED), ("a2", MISSED), ("b1", MET), ("b2", MET), ("c2", MET)],
)
def test_language_level_below_equal_and_above_the_minimum(level, status):
    assert outcome_of(DUTCH_B1, Facts(language_levels={"nl": level})).status == status


def test_a_level_in_another_language_does_not_count():
    outcome = outcome_of(DUTCH_B1, Facts(language_levels={"en": "c2"}))

    assert outcome.status == UNKNOWN
    assert "Nederlands" in str(outcome.explanation)


def test_each_required_language_is_its_own_rule():
    rules = Rules(min_language_levels=(("nl", "a2"), ("en", "b2")))

    verdict = evaluate(rules, Facts(language_levels={"nl": "b1", "en": "b1"}), TODAY)

    assert [(outcome.rule, outcome.status) for outcome in verdict.outcomes] == [
        ("language_nl", MET),
        ("language_en", MISSED),
    ]


# --- The verdict ---------------------------------------------------------------------------

ALL_RULES = Rules(
    max_years_in_belgium=5,
    origin_rule=OriginRule.OUTSIDE_EU,
    min_eqf_level=6,
    diploma_recognition_required=True,
    min_language_levels=(("nl", "a2"),),
)
MEETS_ALL = Facts(
    first_registration_in_belgium=datetime.date(2023, 1, 15),
    nationalities=("SY",),
    country_of_origin="SY",
    eqf_level=7,
    diploma_recognised=True,
    language_levels={"nl": "b1"},
)


def test_every_rule_met_makes_the_verdict_true():
    verdict = evaluate(ALL_RULES, MEETS_ALL, TODAY)

    assert verdict.eligible is True
    assert [outcome.rule for outcome in verdict.outcomes] == [
        "years_in_belgium",
        "origin",
        "education",
        "language_nl",
    ]


def test_an_unknown_makes_the_verdict_unsure():
    facts = Facts(**{**MEETS_ALL.__dict__, "diploma_recognised": None})

    verdict = evaluate(ALL_RULES, facts, TODAY)

    assert verdict.eligible is None
    assert verdict.missed == []


def test_a_missed_rule_makes_the_verdict_false_even_with_unknowns():
    facts = Facts(nationalities=("NL",))

    verdict = evaluate(ALL_RULES, facts, TODAY)

    assert verdict.eligible is False
    assert [outcome.rule for outcome in verdict.missed] == ["origin"]


def test_a_programme_without_rules_lets_everyone_in():
    verdict = evaluate(Rules(), Facts(), TODAY)

    assert verdict.outcomes == ()
    assert verdict.eligible is True
