"""How the HTML report of a long story reads in a real browser (Debian's chromium, headless):
its height at a desktop width and at a phone's 390 px, the tallest table cell, and whether
anything runs off a phone's screen. Stories are ECB+ dev events (topics 1-35 only; never the
blind 36-45) briefed with their gold metadata, and the bundled example.

The baseline beside: the story's articles themselves, one after another in the same page
style (what a reader would otherwise scroll through). The bounds fail the run (exit 1): the
report of a story of 9+ articles may not be taller than its articles, no table cell may be taller than a desktop
screen (900 px), and nothing may be wider than a phone's screen.

    python bench/report.py                                   # 20_ecbplus, 18_ecbplus + the example
    python bench/report.py --only 13_ecb,24_ecb --keep /tmp/reports   # keep the HTML files

Briefings are cached in /tmp/newsprism-bench-report (keyed by the source tree outside
render/, templates/ and web/), so re-rendering after a template change takes seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _ecbplus import subtopic_sentences  # noqa: E402
from _table import print_table  # noqa: E402

from newsprism.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench" / "data" / "events" / "dev"
EXAMPLE = ROOT / "examples" / "khan-shaykhun"
CACHE = Path(tempfile.gettempdir()) / "newsprism-bench-report"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DESKTOP = (1280, 900)
PHONE = (390, 844)
MAX_CELL = 900  # px: no table cell taller than a desktop screen
LONG = 9  # articles: a story this long must brief shorter than its articles (a short one has the report's fixed parts)

MEASURE = """
const doc = document.documentElement;
document.querySelectorAll('details').forEach(d => d.open = false);
let cell = 0;
document.querySelectorAll('td, th').forEach(c => { cell = Math.max(cell, c.getBoundingClientRect().height); });
let wide = 0;
document.querySelectorAll('main *').forEach(e => {
  const r = e.getBoundingClientRect();
  if (r.width > 0) wide = Math.max(wide, r.right - doc.clientWidth);
});
return [doc.scrollHeight, doc.scrollWidth - doc.clientWidth, Math.round(cell), Math.round(wide)];
"""


def source_key() -> str:
    """A hash of the code that makes the briefing (not how it is rendered)."""
    h = hashlib.sha256()
    src = ROOT / "src" / "newsprism"
    for p in sorted(src.rglob("*")):
        rel = p.relative_to(src).as_posix()
        if p.is_file() and not rel.startswith(("render/", "templates/", "web/")) and p.suffix in (".py", ".json", ".toml"):
            h.update(rel.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def dev_articles(event: str) -> list[Article]:
    gold = json.loads((DEV / f"{event}.json").read_text(encoding="utf-8"))
    if gold["topic"] > 35:
        raise SystemExit(f"{event}: topics 36-45 are blind")
    docs = dict(subtopic_sentences(gold["topic"], gold["subtopic"]))
    out = []
    for d in gold["docs"]:
        if d not in docs:
            continue
        lines = [s for s in docs[d] if s and not s.lower().startswith("http")]
        m = gold["doc_meta"].get(d, {})
        out.append(Article(id=d, text="\n".join(lines), title=m.get("title"), outlet=m.get("outlet"),
                           published=m.get("published")))
    return out


def briefing(event: str, key: str) -> dict:
    cached = CACHE / f"{event}-{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    from newsprism.briefing import brief, build_briefing
    from newsprism.options import load_options
    from newsprism.pipeline import load_pipeline
    from newsprism.render.json_out import to_dict

    options = load_options(None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if event == "example":
            result = brief([str(EXAMPLE)], options)
        else:
            result = build_briefing(dev_articles(event), options, load_pipeline(options))
    data = to_dict(result, model_name=options.model)
    CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps(data), encoding="utf-8")
    return data


def articles_page(data: dict) -> str:
    """The baseline: the articles one after another (title, outlet, text), same font."""
    parts = []
    for s in data["sources"]:
        parts.append(f"<h2>{html.escape(s.get('title') or s['id'])}</h2>"
                     f"<p class='meta'>{html.escape(s.get('outlet') or '')}</p>"
                     f"<div class='text'>{html.escape(s['text'])}</div>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'><style>"
            "body{margin:0;font:16px/1.55 system-ui,sans-serif}main{max-width:56rem;margin:0 auto;padding:1rem}"
            ".text{white-space:pre-wrap;font-family:Georgia,serif}</style></head><body><main>"
            + "".join(parts) + "</main></body></html>")


def browser():  # -> selenium webdriver.Chrome
    from selenium import webdriver

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="newsprism-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    return webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER))), profile


def measure(driver, path: Path, size: tuple[int, int]) -> list[int]:
    driver.set_window_size(*size)
    driver.get(path.as_uri())
    return [int(v) for v in driver.execute_script(MEASURE)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="20_ecbplus,18_ecbplus,example",
                    help="comma list of dev event ids (bench/data/events/dev) and/or 'example'")
    ap.add_argument("--keep", type=Path, help="write the HTML reports into this folder")
    args = ap.parse_args()
    from newsprism.render.html import render_html

    key = source_key()
    out = args.keep or Path(tempfile.mkdtemp(prefix="newsprism-bench-report-"))
    out.mkdir(parents=True, exist_ok=True)
    driver, profile = browser()
    rows, failed = [], []
    try:
        for event in [e.strip() for e in args.only.split(",") if e.strip()]:
            data = briefing(event, key)
            report = out / f"{event}.html"
            report.write_text(render_html(data), encoding="utf-8")
            plain = out / f"{event}-articles.html"
            plain.write_text(articles_page(data), encoding="utf-8")
            d_h, _, d_cell, _ = measure(driver, report, DESKTOP)
            p_h, p_over, p_cell, p_wide = measure(driver, report, PHONE)
            b_h = measure(driver, plain, DESKTOP)[0]
            bp_h = measure(driver, plain, PHONE)[0]
            long_story = len(data["sources"]) >= LONG
            ok = (d_h <= b_h or not long_story) and d_cell <= MAX_CELL and p_over <= 1 and p_wide <= 1
            if not ok:
                failed.append(event)
            rows.append([event, len(data["sources"]), d_h, b_h, p_h, bp_h, d_cell, p_cell,
                         max(p_over, p_wide), "ok" if ok else "FAIL"])
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"HTML report height in chromium (px), desktop {DESKTOP[0]} px and phone {PHONE[0]} px wide; "
          f"baseline: the articles one after another. Reports in {out}")
    print_table(["story", "articles", "report desktop", "articles desktop", "report phone", "articles phone",
                 "tallest cell desktop", "tallest cell phone", "phone overflow", "bounds"], rows)
    print(f"bounds: report <= articles (desktop) for {LONG}+ articles, tallest cell <= {MAX_CELL} px, "
          "phone overflow <= 1 px")
    if failed:
        raise SystemExit(f"bounds failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
