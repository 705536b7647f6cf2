"""End-to-end tests in a real browser: Debian's chromium through chromedriver (Selenium), the
app served by uvicorn on 127.0.0.1 on a free port. Screenshots go to tests/web/artefacts/."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from newsprism.web.app import create_app
from newsprism.web.service import Library

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTEFACTS = Path(__file__).parent / "artefacts"

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_library: Library) -> Iterator[str]:
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_library), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="newsprism-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1280,900"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(300)
    ARTEFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(browser: webdriver.Chrome, seconds: float = 300) -> WebDriverWait:
    return WebDriverWait(browser, seconds)


def test_story_sections_and_a_citation_highlights_its_span(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/")
    link = browser.find_element(By.CSS_SELECTOR, "#stories a")
    link.click()
    _wait(browser).until(ec.presence_of_element_located((By.ID, "sources")))
    for section in ("summary", "quotes", "sources"):
        assert browser.find_element(By.ID, section).is_displayed()
    cite = browser.find_element(By.CSS_SELECTOR, "#summary a.cite")
    target = cite.get_attribute("href").split("#", 1)[1]
    cite.click()
    _wait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".hl.active"))
    active = browser.find_elements(By.CSS_SELECTOR, ".hl.active")
    assert all(target in a.get_attribute("data-a").split() for a in active)
    assert active[0].is_displayed() and active[0].text.strip()
    browser.save_screenshot(str(ARTEFACTS / "story-citation.png"))


def test_upload_joins_its_story_and_a_payload_stays_text(server: str, browser: webdriver.Chrome,
                                                         tmp_path: Path) -> None:
    browser.get(server + "/api/stories")
    first = browser.find_element(By.TAG_NAME, "body").text
    assert '"id"' in first
    story_title = browser.execute_script("return JSON.parse(document.body.innerText)[0].title")
    art = browser.execute_script("return JSON.parse(document.body.innerText)[0].article_ids[0]")
    browser.get(server + f"/api/articles/{art}")
    text = browser.execute_script("return JSON.parse(document.body.innerText).source.text")
    upload = tmp_path / "syndicated.txt"
    upload.write_text("A syndicated copy\n\n" + text, encoding="utf-8")
    browser.get(server + "/add")
    browser.find_element(By.ID, "files").send_keys(str(upload))
    browser.find_element(By.CSS_SELECTOR, "#add button").click()
    _wait(browser).until(ec.presence_of_element_located((By.ID, "summary")))
    placed = browser.find_element(By.ID, "placed").text
    assert "joined the story" in placed and story_title in placed
    browser.save_screenshot(str(ARTEFACTS / "upload-joined.png"))

    browser.get(server + "/add")
    browser.find_element(By.ID, "text").send_keys(
        'Harbour <b>bold</b><script>document.title="pwned"</script>\n\nCrews said 12 boats sank on Friday.')
    browser.find_element(By.CSS_SELECTOR, "#add button").click()
    _wait(browser).until(ec.presence_of_element_located((By.ID, "placed")))
    browser.find_element(By.CSS_SELECTOR, "#placed a").click()
    _wait(browser).until(ec.presence_of_element_located((By.ID, "text")))
    body = browser.find_element(By.ID, "text").text
    assert '<script>document.title="pwned"</script>' in body and "<b>bold</b>" in body
    assert browser.title != "pwned" and not browser.find_elements(By.CSS_SELECTOR, "#text b, #text script")
    browser.save_screenshot(str(ARTEFACTS / "payload-as-text.png"))


# the right edge of the widest element of the page beyond the screen (0: nothing runs off it,
# inside a scrolled table box or not), and the tallest table cell, sources folded
LAYOUT = """
document.querySelectorAll('details').forEach(d => d.open = false);
const width = document.documentElement.clientWidth;
let over = document.documentElement.scrollWidth - width, cell = 0;
document.querySelectorAll('main *').forEach(e => {
  const r = e.getBoundingClientRect();
  if (r.width > 0) over = Math.max(over, r.right - width);
});
document.querySelectorAll('td, th').forEach(c => { cell = Math.max(cell, c.getBoundingClientRect().height); });
return [Math.round(over), Math.round(cell), document.documentElement.scrollHeight];
"""


def test_phone_width_layout(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "#stories a").click()
    _wait(browser).until(ec.presence_of_element_located((By.ID, "sources")))
    story = browser.current_url
    _, desktop_cell, desktop_height = browser.execute_script(LAYOUT)
    assert desktop_cell <= 900, f"a table cell is {desktop_cell}px tall: taller than a screen"
    browser.set_window_size(390, 844)
    try:
        browser.get(story)
        _wait(browser).until(ec.presence_of_element_located((By.ID, "sources")))
        over, cell, height = browser.execute_script(LAYOUT)
        assert over <= 1, f"the page runs {over}px off a 390px screen (a table column off-screen?)"
        assert cell <= 900, f"a table cell is {cell}px tall on a phone"
        # the summary comes before the long sections
        tops = browser.execute_script(
            "return ['summary', 'quotes', 'entities'].map(i => document.getElementById(i).offsetTop)")
        assert tops == sorted(tops) and tops[0] < 1500
        browser.save_screenshot(str(ARTEFACTS / "story-phone.png"))
    finally:
        browser.set_window_size(1280, 900)
    # bench/report.py measures long stories; the 3-article example stays short at both widths
    assert desktop_height < 9000 and height < 16000, (desktop_height, height)
