"""Gold claims of whole articles, scored as `claimx eval claims` scores them.

The shared example article must meet issue 4's targets; each gold file under tests/gold/ that the
maintainers wrote must meet the same targets minus 10 points. The gold files written blind for issue 14
(by sessions that never saw claimx's output) hold claimx to where it stands, minus 5 points per field
(`BLIND_FLOORS`): a regression net, not a target; their targets are measured by benchmarks/claims.py.
The check set (benchmarks/check/) is never tested here: it is scored to report only.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLD_DIR, ROOT, needs_shared

from claimx.cli import cli
from claimx.evaluate import resolve_gold_article, score_claims
from claimx.extract import process_articles
from claimx.ingest import read_file

TARGETS = {"detection": 95, "source": 90, "time": 90, "measured": 85, "modality": 85, "unit": 95, "bound": 90}
OWN_GOLD = sorted((ROOT / "tests" / "gold").glob("*.claims.json"))
FLOOR_FIELDS = ("detection", "unit", "bound", "source", "time", "measured", "modality")
BLIND_FLOORS = {  # issue 14's blind golds: today's figure minus 5 (benchmarks/claims.py prints today's)
    "conversation_2026-10-06_sudan_death_toll_count": (92, 53, 89, 65, 59, 71, 47),
    "crs_IN12614_copper_tariffs": (92, 95, 95, 72, 67, 45, 90),
    "crs_R48914_crypto_mining_electricity": (89, 79, 93, 45, 70, 61, 61),
    "eia_twip_2014-12-17_heating_oil_winter": (95, 90, 95, 79, 36, 83, 93),
    "eia_twip_2017-09-13_hurricane_irma_florida_gasoline": (93, 60, 92, 92, 76, 83, 92),
    "fed_2023-11-28_waller_something_appears_giving": (83, 81, 83, 81, 47, 58, 81),
    # time 95 -> 85 at b391288: "The S&P 500 finished Thursday more than 10% below its record high" is now a fall,
    # dated Thursday (the day it closed there) where the gold gives no time
    "voa_2025-03-13_trump_eu_spirits_tariffs": (90, 95, 95, 75, 85, 85, 65),
    # the second blind round (first sight at 4a85548)
    "bls_empsit_2023-04-07_march_2023_jobs": (92, 61, 89, 89, 58, 71, 89),
    "crs_IF11175_us_mexico_trade_relations": (91, 91, 91, 58, 63, 66, 91),
    "crs_R48903_strait_of_hormuz_non_oil_shipments": (90, 81, 91, 88, 81, 78, 95),
    "fed_2024-02-07_kugler_outlook_economy_monetary_policy": (92, 79, 95, 82, 63, 88, 91),
    # the third blind round (first sight at 90dd01b)
    "crs_IF13205_usgs_fy2027_budget_request": (93, 92, 92, 92, 45, 82, 75),
    "fed_2024-03-27_waller_no_rush_outlook": (95, 65, 95, 89, 59, 42, 77),
    "usda_wasde-665_2025-11-14_wheat_coarse_grains_rice": (95, 92, 95, 86, 47, 80, 86),
    "voa_2021-04-02_kenya_refugee_camps_closure": (92, 73, 95, 79, 52, 73, 89),
    # the fourth blind round (first sight at 97fbe30); IN12609's gold lists its data table's cells, which
    # claimx reads as table segments without claims (README: Markdown)
    "crs_IN12609_fema_bric_recent_developments": (25, 13, 9, 9, 0, 2, 13),
    "gao_26-900720_fy2027_budget_request_testimony": (95, 91, 95, 91, 25, 71, 85),
    "voa_2025-03-11_trump_canada_steel_aluminum_tariffs": (73, 79, 79, 64, 18, 56, 71),
    "wikipedia_malaria_epidemiology_society": (92, 62, 92, 71, 50, 62, 80),
    # the fifth blind round (first sight at 8a44d8c)
    "gao_26-107682_sba_irs_tax_data_backlogs": (91, 63, 76, 32, 20, 63, 88),
    "voa_2019-12-09_wind_power_renewables_climate": (95, 76, 95, 85, 76, 67, 76),  # time: 81.8 since time-present
    "wikipedia_cholera_epidemiology_history": (90, 78, 61, 86, 53, 61, 61),
    # the sixth blind round (first sight at 7cecdef and a3c7b1e)
    "crs_IF13200_exchange_stabilization_fund": (91, 95, 95, 70, 48, 66, 87),
    "voa_2019-12-18_vietnam_medical_tourism": (88, 80, 95, 80, 70, 75, 90),
    # the seventh blind round (first sight at f5a2f26)
    "crs_IN12679_2026-04-13_supreme_court_appointment_days": (88, 72, 85, 78, 20, 40, 85),
    "voa_2019-12-16_indonesia_education_pisa": (80, 79, 84, 42, 42, 47, 84),
    # the eighth blind round (first sight at 00f2026)
    "crs_IF13206_2026-04-20_judiciary_budget_fy2027": (86, 95, 95, 86, 77, 92, 95),
    "voa_2021-05-03_covid_travel_italy": (82, 66, 76, 66, 23, 61, 76),
    # the ninth blind round (first sight at d210fe4 plus the share rules of 0baa4f7)
    "crs_IF13203_2026-04-15_fws_fy2027_budget_request": (93, 88, 91, 53, 70, 84, 95),
    "voa_2021-05-06_cameroon_poultry": (82, 78, 78, 45, 36, 70, 78),
    # the tenth blind round (first sight at 7cd8d9e and e9670e0)
    "crs_IF12155_2026-04-21_farm_bill_trade_export_promotion": (95, 70, 95, 85, 60, 60, 85),
    "voa_2024-08-14_chinese_migrants_japan": (87, 80, 80, 37, 23, 66, 80),
    # the eleventh blind round (first sight at ab5bea7 and e6f4998); IF12255's gold lists its table's cells,
    # whose rows hold a description sentence and are read as prose (README: Markdown)
    "crs_IF12255_2026-04-15_farm_bill_snap_nutrition_title": (92, 63, 89, 16, 84, 84, 84),
    "voa_2025-03-14_africa_diabetes_crisis": (88, 82, 70, 70, 45, 70, 82),
    # the twelfth blind round (first sight at 889576d)
    "crs_IN12680_2026-04-14_bank_capital_requirements": (84, 84, 81, 67, 36, 74, 53),
    # the fourteenth blind round (first sight at 1fb3fd7; floors at the figures of eb5617e minus 5)
    "fed_2023-12-13_powell_press_conference_opening_statement": (82, 83, 95, 61, 67, 83, 83),
    "gao_26-108116_2026-03-16_irs_2025_filing_season_staffing": (91, 63, 82, 85, 32, 79, 88),
    "wikipedia_dollar_point_demographics": (94, 76, 93, 90, 93, 70, 93),
    # the fifteenth blind round (first sight at 6050c84, IF11961 at fe2b4a8; floors at today's figures minus 5)
    "gao_26-107650_2026-03-03_whistleblower_disclosure_benefits": (93, 91, 91, 91, 80, 73, 80),
    "fed_2024-05-01_powell_press_conference_opening_statement": (87, 87, 95, 95, 48, 87, 87),
    "crs_IF11961_2026-04-20_elections_grant_programs": (92, 92, 92, 73, 73, 79, 92),
    # the sixteenth blind round (first sight at 78464c5; floors at today's figures minus 5)
    "gao_26-107815_2026-03-16_ukraine_refugee_assistance": (95, 87, 95, 71, 79, 79, 95),
    "crs_R48917_2026-04-23_senate_fy2026_budget_resolution": (89, 88, 87, 77, 75, 80, 23),
    "wikipedia_arts_club_of_chicago_history_locations_leadership": (81, 78, 78, 78, 70, 61, 78),
    "fed_2024-03-20_powell_press_conference_opening_statement": (92, 89, 95, 58, 84, 84, 95),
    # the seventeenth blind round (first sight at 84ddabf; floors at today's figures minus 5)
    "gao_26-107787_2026-03-09_dental_vision_insurance_concentration": (91, 87, 87, 66, 73, 87, 87),
    "wikipedia_terrence_murphy_american_football_playing_career": (93, 72, 87, 65, 58, 35, 91),
    "fed_2025-03-19_powell_press_conference_opening_statement": (95, 84, 95, 47, 63, 89, 89),
    "eia_tie_2023-02-09_residential_heating_oil_prices_decline": (92, 95, 95, 83, 61, 78, 95),
    # the eighteenth blind round (first sight at 18f9f22; floors at today's figures minus 5)
    "voa_2025-03-12_pakistan_train_attack_rescue_balochistan": (92, 95, 95, 71, 42, 85, 95),
    "crs_IF10753_2026-04-23_energy_star_program": (91, 95, 95, 87, 56, 71, 79),
    "fed_2024-11-20_cook_economic_outlook": (90, 79, 95, 89, 47, 84, 79),
    "eia_2007-03-27_refinery_outages_price_impact": (91, 95, 95, 95, 59, 66, 80),
    # the nineteenth blind round (first sight at 5c506b9; floors at today's figures minus 5)
    "gao_26-108485_2026-03-10_museum_facilities_deferred_maintenance": (95, 95, 95, 95, 95, 71, 89),
    "wikipedia_economy_of_new_zealand_unemployment_housing_affordability": (92, 86, 92, 86, 62, 56, 92),
    "eia_1996-01-01_persian_gulf_oil_capacity_expansion_costs": (95, 89, 95, 83, 83, 67, 61),
    "crs_R48906_2026-04-15_methane_emissions_charge_potential_effects": (95, 71, 95, 56, 41, 56, 25),
    # the twentieth blind round (first sight at c2ae9ae; floors at today's figures minus 5)
    "crs_IF12888_2026-04-14_great_american_outdoors_act_faq": (93, 92, 81, 73, 52, 45, 89),
    "crs_R48694_2026-04-17_federal_rd_funding_fy2026_summary": (95, 95, 95, 77, 60, 43, 74),
    "fed_2022-09-07_brainard_bringing_inflation_down": (90, 91, 91, 82, 37, 49, 88),
    "wikipedia_botswana_science_transport_energy_health": (90, 83, 90, 85, 74, 78, 85),
    # the twenty-first blind round (first sight at 0f83401; floors at first sight minus 5)
    "gao_26-107951_2026-03-12_health_professionals_mental_health_grants": (91, 80, 87, 95, 59, 87, 95),
    "fed_2018-04-06_powell_outlook_us_economy": (86, 89, 89, 65, 24, 59, 71),
    "eia_2001-05-01_alaska_north_slope_future_oil_production": (88, 70, 82, 76, 63, 57, 20),
    "crs_R48913_2026-04-21_corporate_tax_revenue_maximizing_rate": (88, 87, 87, 75, 75, 71, 39),
    # the twenty-second blind round (first sight at 26e0885; floors at first sight minus 5)
    "gao_26-109034_2026-03-18_federal_spending_transparency_improper_payments": (95, 95, 95, 68, 48, 75, 81),
    "crs_IF12106_2026-04-09_iran_nuclear_weapons_production": (89, 95, 95, 39, 78, 39, 56),
    "wikipedia_singapore_economy_employment_industry_tourism": (86, 75, 81, 71, 64, 71, 84),
    "eia_2003-05-01_california_gasoline_price_study": (95, 37, 95, 95, 21, 79, 95),
    "gao_26-108754_2026-03-09_democracy_assistance_allocations": (93, 87, 87, 77, 77, 80, 91),
    "wikipedia_bangladesh_economy_energy_science_tourism": (85, 75, 80, 77, 69, 67, 77),
    "fed_2019-01-10_clarida_monetary_policy_outlook_2019": (91, 88, 76, 82, 26, 51, 70),
    "eia_1999-07-01_petroleum_energy_profile": (87, 75, 85, 90, 80, 80, 90),
    # the twenty-fourth blind round (first sight at 548bf13)
    "crs_IF12421_2026-04-16_army_indirect_fire_protection_capability": (66, 74, 74, 53, 40, 70, 61),
    "eia_2005-09-08_hurricane_katrina_oil_gas_markets_daily_report": (94, 72, 92, 72, 20, 61, 90),
    "fed_2013-04-18_raskin_aspects_of_inequality_recent_business_cycle": (89, 89, 89, 65, 77, 77, 89),
    "voa_2021-02-27_haiti_croix_des_bouquets_jailbreak_gang_leader": (85, 76, 85, 85, 13, 76, 85),
}
MAINTAINER_GOLD = [p for p in OWN_GOLD if p.name.split(".")[0] not in BLIND_FLOORS]


def score(gold_path: Path, nlp):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = resolve_gold_article(gold_path, gold)
    assert article is not None, f"{gold_path} names {gold['article']}, which is not in the checkout"
    (item,) = list(read_file(article, article.parent))
    (result,) = list(process_articles([item], nlp=nlp))
    return score_claims(item.text, gold, result.claims, published=item.published)


def assert_targets(s, minus: int) -> None:
    got = {"detection": s.detection.f1, **{k: 100 * ok / n for k, (ok, n) in s.fields.items()}}
    low = {k: round(got[k], 1) for k, target in TARGETS.items() if got[k] < target - minus}
    assert not low, f"below target (minus {minus}): {low}; all: { {k: round(v, 1) for k, v in got.items()} }"


@pytest.mark.parametrize("gold_path", MAINTAINER_GOLD, ids=lambda p: p.name.split(".")[0])
def test_gold_own_articles_meet_targets(gold_path, nlp):
    assert_targets(score(gold_path, nlp), minus=10)


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_gold_blind_articles_stay_above_their_floors(name, nlp):
    s = score(ROOT / "tests" / "gold" / f"{name}.claims.json", nlp)
    got = {"detection": s.detection.f1, **{k: 100 * ok / n for k, (ok, n) in s.fields.items()}}
    low = {k: round(got[k], 1) for k, floor in zip(FLOOR_FIELDS, BLIND_FLOORS[name], strict=True) if got[k] < floor}
    assert not low, f"below the floor: {low}"


@needs_shared(GOLD_DIR / "sat-us-pakistan-minerals.claims.json")
def test_gold_example_article_meets_issue_4_targets(nlp):
    assert_targets(score(GOLD_DIR / "sat-us-pakistan-minerals.claims.json", nlp), minus=0)


def test_gold_files_are_well_formed():
    assert len(OWN_GOLD) >= 3
    for p in OWN_GOLD:
        gold = json.loads(p.read_text(encoding="utf-8"))
        assert {"article", "about", "claims"} <= set(gold)
        for c in gold["claims"]:
            assert {"sentence", "quantity_text", "bound", "unit", "measured", "source", "time", "modality"} <= set(c)
            assert ("value" in c) != ("low" in c)


def test_gold_cli_eval_claims(monkeypatch):
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(cli, ["eval", "claims", str(OWN_GOLD[0]), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["detection"]["f1"] > 0
