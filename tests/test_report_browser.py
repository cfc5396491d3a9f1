"""End to end in a real browser: headless Chromium opens the report, filters the table, checks highlights.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them when missing) and selenium
(test extra). Skips with the reason when they cannot be had. The screenshot is saved to
`$CLAIMX_SCREENSHOT_DIR` when set, else into the test's temporary folder.
"""

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from claimx.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# CI sets CLAIMX_REQUIRE_BROWSER=1 (.ci/run): there a missing browser is a failure, not a skip
REQUIRED = os.environ.get("CLAIMX_REQUIRE_BROWSER") == "1"
MISSING = (
    "selenium is not installed (pip install '.[test]')"
    if importlib.util.find_spec("selenium") is None
    else "headless Chromium not available: install Debian packages chromium and chromium-driver"
    if not (CHROMIUM and CHROMEDRIVER)
    else None
)
if MISSING and REQUIRED:
    pytest.fail(f"CLAIMX_REQUIRE_BROWSER=1 but {MISSING}", pytrace=False)
pytestmark = [pytest.mark.slow, pytest.mark.skipif(MISSING is not None, reason=MISSING or "")]


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,1000",
        f"--user-data-dir={tmp_path / 'chrome-profile'}",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # JavaScript errors are read by the tests
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


def test_report_browser_highlights_filters_and_popups(tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    shutil.copy(CORPUS / "sat-us-pakistan-minerals.txt", tmp_path / "sat.txt")
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "sat.txt"), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code == 0, res.output
    claims = [json.loads(x) for x in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    browser.get((tmp_path / "out" / "report" / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, "#articles a").click()

    marks = browser.find_elements(By.CSS_SELECTOR, "#text mark.claim")
    assert len(marks) == len(claims) == 19  # the gold's 19 required claims
    by_id = {c["claim_id"]: c for c in claims}
    for m in marks:
        c = by_id[m.get_attribute("data-claim-id")]
        assert browser.execute_script("return arguments[0].firstChild.textContent", m) == c["quantity"]["text"]

    def visible_rows():
        return [r for r in browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr") if r.is_displayed()]

    assert len(visible_rows()) == 19
    Select(browser.find_element(By.ID, "f-modality")).select_by_value("forecast")
    assert len(visible_rows()) == sum(c["modality"] == "forecast" for c in claims) > 0
    Select(browser.find_element(By.ID, "f-modality")).select_by_value("")
    Select(browser.find_element(By.ID, "f-source")).select_by_value("yes")
    assert len(visible_rows()) == sum(c["source"] is not None for c in claims)
    assert browser.find_element(By.ID, "shown").text == str(len(visible_rows()))
    Select(browser.find_element(By.ID, "f-source")).select_by_value("no")
    assert len(visible_rows()) == sum(c["source"] is None for c in claims) > 0
    Select(browser.find_element(By.ID, "f-source")).select_by_value("")
    Select(browser.find_element(By.ID, "f-type")).select_by_value("change")
    assert len(visible_rows()) == sum(c["claim_type"] == "change" for c in claims)
    Select(browser.find_element(By.ID, "f-type")).select_by_value("")
    Select(browser.find_element(By.ID, "f-status")).select_by_value("unreviewed")
    assert len(visible_rows()) == len(claims)
    Select(browser.find_element(By.ID, "f-status")).select_by_value("verified")
    assert len(visible_rows()) == 0 and browser.find_element(By.ID, "shown").text == "0"
    Select(browser.find_element(By.ID, "f-status")).select_by_value("")
    cw = browser.find_element(By.ID, "f-cw")
    cw.clear()
    cw.send_keys("0.6")
    assert len(visible_rows()) == sum(c["checkworthiness"] >= 0.6 for c in claims) > 0
    cw.clear()
    cw.send_keys("0")
    assert len(visible_rows()) == len(claims)

    # sorting: a click on "checkworthiness" sorts ascending, a second click descending
    head = next(th for th in browser.find_elements(By.CSS_SELECTOR, "#claims thead th") if th.text == "checkworthiness")
    column = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#claims thead th")].index("checkworthiness")

    def column_values():
        return [float(r.find_elements(By.TAG_NAME, "td")[column].text) for r in visible_rows()]

    head.click()
    assert column_values() == sorted(column_values()) and "sorted-asc" in head.get_attribute("class")
    head.click()
    assert column_values() == sorted(column_values(), reverse=True) and "sorted-desc" in head.get_attribute("class")
    quantity_head = browser.find_elements(By.CSS_SELECTOR, "#claims thead th")[0]
    quantity_head.click()
    texts = [r.find_elements(By.TAG_NAME, "td")[0].text for r in visible_rows()]
    assert "sorted-asc" in quantity_head.get_attribute("class") and len(set(texts)) > 1
    assert texts == browser.execute_script("return arguments[0].slice().sort((a,b)=>a.localeCompare(b))", texts)

    # a row click highlights its claim in the text and scrolls to it
    row = visible_rows()[3]
    row.click()
    active = browser.find_elements(By.CSS_SELECTOR, "#text mark.claim.active")
    assert [m.get_attribute("data-claim-id") for m in active] == [row.get_attribute("data-id")]
    visible_rows()[5].click()
    active = browser.find_elements(By.CSS_SELECTOR, "#text mark.claim.active")
    assert [m.get_attribute("data-claim-id") for m in active] == [visible_rows()[5].get_attribute("data-id")]

    target = next(m for m in marks if m.text.startswith("an estimated $74 billion"))
    browser.execute_script("arguments[0].scrollIntoView({block:'center'})", target)
    target.click()
    pop = target.find_element(By.CSS_SELECTOR, ".pop")
    assert pop.is_displayed()
    assert "74,000,000,000" in pop.text and "Barrick Gold Corporation" in pop.text and "forecast" in pop.text

    shots = Path(os.environ.get("CLAIMX_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(shots / "report-sat-us-pakistan-minerals.png"))
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors  # no JavaScript error on the page


def test_report_browser_triage_sets_a_verdict_with_the_keyboard_and_keeps_it(tmp_path, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
    from test_serve import Server

    shutil.copy(CORPUS / "sat-us-pakistan-minerals.txt", tmp_path / "sat.txt")
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "sat.txt"), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code == 0, res.output
    server = Server(tmp_path / "out")
    try:
        browser.get(server.base + "/triage")
        wait = WebDriverWait(browser, 20)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#triage tbody tr")) == 19)
        rows = browser.find_elements(By.CSS_SELECTOR, "#triage tbody tr")
        scores = [float(r.find_elements(By.TAG_NAME, "td")[0].text) for r in rows]
        assert scores == sorted(scores, reverse=True)  # most check-worthy first
        first = rows[0].get_attribute("data-id")
        assert "selected" in rows[0].get_attribute("class")
        browser.find_element(By.ID, "reviewer").send_keys("ana")
        browser.find_element(By.ID, "p-note").send_keys("table 4 of the ministry report", Keys.ESCAPE)
        keys = ActionChains(browser)
        keys.send_keys("f").perform()  # false, then on to the next claim
        wait.until(lambda d: "saved false" in d.find_element(By.ID, "p-msg").text)
        second = browser.find_elements(By.CSS_SELECTOR, "#triage tbody tr")[1]
        assert "selected" in second.get_attribute("class")
        ActionChains(browser).send_keys("j").send_keys("v").perform()  # skip one, verify the next
        wait.until(lambda d: "saved verified" in d.find_element(By.ID, "p-msg").text)
        browser.refresh()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#triage tbody tr")) == 19)
        by_id = {r.get_attribute("data-id"): r for r in browser.find_elements(By.CSS_SELECTOR, "#triage tbody tr")}
        assert by_id[first].find_elements(By.TAG_NAME, "td")[5].text == "false"
        assert browser.find_element(By.ID, "p-note").get_attribute("value") == "table 4 of the ministry report"
        Select(browser.find_element(By.ID, "f-status")).select_by_value("unreviewed")
        assert int(browser.find_element(By.ID, "shown").text) == 17
        Select(browser.find_element(By.ID, "f-status")).select_by_value("")
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
        shots = Path(os.environ.get("CLAIMX_SCREENSHOT_DIR", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(shots / "triage-sat-us-pakistan-minerals.png"))
        stored = {c["claim_id"]: c for c in server.get("/api/claims")}
        assert stored[first]["status"] == "false" and stored[first]["reviewer"] == "ana"
    finally:
        server.stop()
