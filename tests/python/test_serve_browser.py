"""`jixiao serve` in a real browser: Debian's chromium, driven headless by Playwright with the
system browser (no browser is ever downloaded). One browser start for the whole walk: upload
the sample and a self-evaluation, see the right counts, open a table, click a finding, filter,
switch to English, change a rule, download the .xlsx files and read them back with jixiao.

With JIXIAO_SCREENSHOTS=1 each page is saved as a PNG in docs/ (for the README); otherwise
nothing is written to the tree."""

import os
import pathlib
import re
import shutil
import subprocess
import zipfile

import jixiao
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = DATA / "000_3e963503b18f6771.txt"
SELFEVAL = DATA / "selfeval-sample.xlsx"
BINARY = ROOT / "target" / "debug" / "jixiao"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "docs" if os.environ.get("JIXIAO_SCREENSHOTS") else None


def shot(page, name):
    if SHOTS is not None:
        page.screenshot(path=str(SHOTS / name), full_page=False)


@pytest.fixture(scope="module")
def server():
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: `cargo build -p jixiao-cli` first (make test-python does)")
    proc = subprocess.Popen(
        [str(BINARY), "serve", "--port", "0", "--no-config"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://localhost:"), (url, proc.stderr.read() if proc.poll() is not None else "")
        yield url
    finally:
        proc.terminate()
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        # Stopped by SIGTERM, it shuts down gracefully and exits 0.
        assert code == 0, proc.stderr.read()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        pytest.fail("chromium is missing: `make chromium` installs Debian's")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def number(page, selector):
    return int(page.locator(selector).inner_text())


def counts(doc, **settings):
    found = doc.review(**settings)
    return [sum(1 for f in found if f.severity == s) for s in ("error", "warning", "info")]


def test_the_review_desk(server, browser, tmp_path):
    page = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900}).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server.split("/?")[0].rstrip("/")) else None)

    page.goto(server)
    assert number(page, "#count-docs") == 0
    # Upload: choosing files submits the form.
    with page.expect_navigation():
        page.set_input_files("#files", [str(SAMPLE), str(SELFEVAL)])
    sample, selfeval = jixiao.read(SAMPLE), jixiao.read(SELFEVAL)
    assert number(page, "#count-docs") == 2
    assert number(page, "#count-failed") == 0
    expected = [a + b for a, b in zip(counts(sample), counts(selfeval))]
    assert [number(page, "#count-errors"), number(page, "#count-warnings"), number(page, "#count-infos")] == expected
    assert number(page, "#count-score") == len(selfeval.score().findings)
    shot(page, "serve-documents.png")

    # A document: every table drawn, findings on their cells.
    page.click(f"text={SAMPLE.name}")
    page.wait_for_selector("table.jx-form")
    assert page.locator("table.jx-form").count() == len(sample.tables)
    first = page.locator("li.jx-finding a.jx-go").first
    cell_id = first.get_attribute("data-cell")
    first.click()
    cell = page.locator(f"#{cell_id}")
    assert "jx-f-flash" in cell.get_attribute("class")
    assert page.locator("#detail").is_visible()
    assert cell.get_attribute("title")  # the finding's message and suggestion on hover
    # The parsed target of a value cell on hover.
    assert page.locator("td[data-comparator]").count() > 0
    shot(page, "serve-document.png")

    # Filters: errors off hides the error findings and their marks.
    n_errors = page.locator("li.jx-finding.jx-error").count()
    assert n_errors == counts(sample)[0]
    page.uncheck("input.f-sev[value=error]")
    assert page.locator("li.jx-finding.jx-error:visible").count() == 0
    assert page.locator("li.jx-finding.jx-warning:visible").count() == counts(sample)[1]
    page.check("input.f-sev[value=error]")

    # English on request.
    page.goto(page.url + "?lang=en")
    en = sample.review()[0].message
    assert page.locator("li.jx-finding .jx-msg").first.inner_text() == en
    page.goto(server.split("?")[0] + "?lang=zh")

    # The self-evaluation: computed beside reported, differences marked.
    page.click(f"text={SELFEVAL.name}")
    page.wait_for_selector("td.jx-computed")
    assert page.locator("td.jx-diff").count() > 0
    shot(page, "serve-selfeval.png")

    # Downloads: the 审核意见 and the model, read back.
    page.click(f"#nav-docs")
    page.click(f"text={SAMPLE.name}")
    with page.expect_download() as d:
        page.click("#dl-findings-xlsx")
    findings_xlsx = tmp_path / "findings.xlsx"
    d.value.save_as(findings_xlsx)
    with zipfile.ZipFile(findings_xlsx) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count("<row ") == len(sample.review()) + 1
    with page.expect_download() as d:
        page.click("#dl-model-xlsx")
    model_xlsx = tmp_path / "model.xlsx"
    d.value.save_as(model_xlsx)
    back = jixiao.read(model_xlsx)
    assert sum(1 for _ in back.indicators()) == sum(1 for _ in sample.indicators())

    # A rule changed on the settings page changes the counts.
    rule = sample.review()[0].rule
    page.click("#nav-settings")
    page.select_option(f"#rule-{rule}", "allow")
    with page.expect_navigation():
        page.click("#save-settings")
    shot(page, "serve-settings.png")
    with page.expect_download() as d:
        page.click("#dl-toml")
    toml_path = tmp_path / "jixiao.toml"
    d.value.save_as(toml_path)
    assert re.search(rf'allow = \["{rule}"\]', toml_path.read_text(encoding="utf-8"))
    page.click("#nav-docs")
    expected = [a + b for a, b in zip(counts(sample, allow=[rule]), counts(selfeval, allow=[rule]))]
    assert [number(page, "#count-errors"), number(page, "#count-warnings"), number(page, "#count-infos")] == expected

    # The batch: charts.
    page.click("#nav-batch")
    assert page.locator("figure.chart svg").count() == 3
    shot(page, "serve-batch.png")

    if SHOTS is not None:
        # The notebook's rendering of a table with its findings (what _repr_html_ shows).
        findings = sample.review()
        table = next(t for t in sample.tables if sum(1 for f in findings if f.table_name == t.name and f.indicator) >= 2)
        page.set_content(table.to_html(findings))
        page.screenshot(path=str(SHOTS / "notebook-table.png"), full_page=True)

    assert not errors, errors
    assert not outside, outside
