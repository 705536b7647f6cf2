"""Hostile inputs at full size (issue 18): each probe runs ``newsprism brief`` in its own
process and prints what was tried, the outcome, peak memory and wall time; then the growth
table: one article of 60k to 1M characters, briefed whole, time per size and per character.

    python bench/robustness.py                    # every probe + the growth table
    python bench/robustness.py --probes bomb,fifo # some probes
    python bench/robustness.py --sizes 60000,250000 --no-probes

Targets (issue 18): every probe a clear outcome within 30 s and under 1.5 GB, no traceback,
nothing lost in silence, no raw input HTML or control characters in the Markdown or on the
terminal. The baseline beside each probe is what the same probe did before issue 18 (as
measured when the issue was filed). Wall time includes start-up and model load (about 5 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
EXAMPLE = ROOT / "examples" / "khan-shaykhun"
NEWSPRISM = [sys.executable, "-m", "newsprism.cli"]
GOOD = ("The dam held overnight, engineers said on Sunday, and residents of the valley returned "
        "home. \"We were lucky,\" said the mayor, Ana Ruiz. At least 40 homes were flooded.\n")
PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[here](javascript:alert(1))",
            "\x1b]0;owned\x07\x1b[2J\x9b31m"]
FORBIDDEN_MD = ["<script", "<img", "](javascript:", "\x1b", "\x07", "\x9b"]
LIMIT_S = 120  # a probe still running then is killed (target: 30 s)
GROWTH_LIMIT_S = 1200


@dataclass
class Run:
    code: int | str
    seconds: float
    peak_mb: float
    stderr: str
    out: Path


@dataclass
class Probe:
    name: str
    tried: str
    before: str
    build: Callable[[Path], tuple[list[str], bytes | None]]  # -> (argv inputs, stdin bytes)
    check: Callable[[Run], str] = field(default=lambda r: _default_outcome(r))


def run_brief(args: list[str], out: Path, stdin: bytes | None = None, limit_s: float = LIMIT_S) -> Run:
    """One ``newsprism brief`` in its own process: exit code, wall time, peak RSS, stderr."""
    t = time.perf_counter()
    err_path = out.parent / f"{out.name}.stderr"
    with open(err_path, "wb") as err:
        proc = subprocess.Popen([*NEWSPRISM, "brief", *args, "-o", str(out), "-q"],
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        if stdin is not None:
            feeder = threading.Thread(target=_feed, args=(proc, stdin), daemon=True)
            feeder.start()
        timer = threading.Timer(limit_s, lambda: proc.send_signal(signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    code: int | str = proc.returncode if proc.returncode >= 0 else f"killed after {limit_s:g} s"
    return Run(code, time.perf_counter() - t, usage.ru_maxrss / 1024, err_path.read_text(errors="replace"), out)


def _feed(proc: subprocess.Popen, data: bytes) -> None:
    assert proc.stdin is not None
    try:
        proc.stdin.write(data)
        proc.stdin.close()
    except BrokenPipeError:  # the reader stopped at max_bytes, as it should
        pass


def _default_outcome(r: Run) -> str:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    if "Traceback" in r.stderr:
        return "TRACEBACK"
    said = "; ".join(ln.strip()[:90] for ln in lines[:2])
    return f"exit {r.code}: {said}" if said else f"exit {r.code}"


# --------------------------------------------------------------------------- probes


def _gz(path: Path, head: bytes, filler: bytes, mb: int) -> None:
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(path, "wb") as fh:
        fh.write(co.compress(head))
        block = filler * (1 << 20)
        for _ in range(mb):
            fh.write(co.compress(block))
        fh.write(co.flush())


def _with_good(d: Path) -> None:
    (d / "good.txt").write_text(GOOD)


def p_bomb(d: Path) -> tuple[list[str], None]:
    _with_good(d)
    _gz(d / "zeros.warc.gz", b"", b"\0", 2000)  # 2 MB of gzip, 2 GB of zeros
    return [str(d)], None


def p_bomb_record(d: Path) -> tuple[list[str], None]:
    _with_good(d)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n"
            b"Content-Length: 2000000100\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>")
    _gz(d / "record.warc.gz", head, b" ", 2000)
    return [str(d)], None


def p_long_warc(d: Path) -> tuple[list[str], None]:
    _with_good(d)
    (d / "long.warc").write_bytes(b"WARC/1.0 " + b"x" * 40_000_000)
    return [str(d)], None


def p_stdin(d: Path) -> tuple[list[str], bytes]:
    return ["-"], b"word " * 12_000_000  # 60 MB


def p_long_line(d: Path) -> tuple[list[str], None]:
    text = _news_text(15_000_000).replace("\n", " ")
    (d / "one-line.txt").write_text(text)
    return [str(d)], None


def p_special(d: Path) -> tuple[list[str], None]:
    _with_good(d)
    os.mkfifo(d / "pipe.txt")
    os.symlink("/nonexistent/x.txt", d / "dangling.txt")
    os.symlink(d, d / "loop")
    locked = d / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD)
    locked.chmod(0)
    return [str(d), str(d / "pipe.txt")], None


def p_injection(d: Path) -> tuple[list[str], None]:
    pay = " ".join(PAYLOADS)
    recs = [{"id": f"e{k}", "title": f"Flood {pay}", "outlet": f"Daily {pay}",
             "text": f"{GOOD} {pay}\n\nRescuers reached the village on Monday, officials said. {pay}"} for k in range(2)]
    (d / "evil.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    (d / "name\x1b[31m.txt").write_text("")
    return [str(d)], None


def p_encodings(d: Path) -> tuple[list[str], None]:
    fr = "Le ministre a déclaré à la presse que la réforme était nécessaire, a-t-il dit lundi."
    (d / "latin1.txt").write_bytes(fr.encode("latin-1"))
    (d / "utf16.txt").write_bytes(GOOD.encode("utf-16-le"))
    (d / "mixed.txt").write_bytes("Le café était fermé, ".encode() + "dit le maire à la télé.".encode("latin-1"))
    (d / "one-line.txt").write_text("Markets rallied on Friday after the central bank held rates")
    return [str(d)], None


def p_out_file(d: Path) -> tuple[list[str], None]:
    _with_good(d)
    return [str(d / "good.txt")], None


def check_injection(r: Run) -> str:
    md = (r.out / "briefing.md").read_text() if (r.out / "briefing.md").exists() else ""
    bad = [b for b in FORBIDDEN_MD if b in md] + [f"terminal:{b!r}" for b in ("\x1b", "\x07", "\x9b") if b in r.stderr]
    return _default_outcome(r) if not bad else f"LEAK {bad}"


def check_encodings(r: Run) -> str:
    data = json.loads((r.out / "briefing.json").read_text())
    texts = {s["id"]: s["text"] for s in data["sources"]}
    ok = ("déclaré" in texts.get("latin1", "") and "dam held" in texts.get("utf16", "")
          and texts.get("mixed") == "Le café était fermé, dit le maire à la télé." and texts.get("one-line"))
    return f"exit {r.code}: {len(texts)} sources, text {'right' if ok else 'WRONG'}, {len(data['warnings'])} warnings"


def check_special(r: Run) -> str:
    data = json.loads((r.out / "briefing.json").read_text()) if (r.out / "briefing.json").exists() else {}
    items = sorted(Path(s["item"]).name for s in data.get("skipped", []))
    return f"exit {r.code}: {len(data.get('sources', []))} source(s); skipped {', '.join(items)}"


PROBES = [
    Probe("bomb", "2 MB .warc.gz of zeros (2 GB) + 1 article", "killed at 120 s, 3.95 GB, nothing written", p_bomb),
    Probe("bomb-record", "2 MB .warc.gz, one HTML record of 2 GB spaces + 1 article", "(not tried)", p_bomb_record),
    Probe("long-warc", "40 MB .warc with no line break + 1 article", "28 s to read, 42M-char reason", p_long_warc),
    Probe("stdin", "60 MB on stdin", "accepted as one article", p_stdin),
    Probe("long-line", "15 MB article on one line", "312 s, 4.5 GB", p_long_line),
    Probe("special", "FIFO, dangling link, link loop, chmod-000 folder + 1 article", "ignored silently",
          p_special, check_special),
    Probe("injection", "HTML/JS/link/escape payloads in text, title, outlet, file name", "raw in .md and terminal",
          p_injection, check_injection),
    Probe("encodings", "Latin-1, UTF-16 without BOM, mixed UTF-8/Latin-1, one-line article",
          "mojibake, UTF-16 skipped, one-line emptied", p_encodings, check_encodings),
]


def race(d: Path) -> tuple[str, float, float, str]:
    """Two runs into one folder at once: both must finish; the folder holds one run's files."""
    (d / "a").mkdir()
    (d / "b").mkdir()
    (d / "a" / "a.txt").write_text(GOOD)
    (d / "b" / "b.txt").write_text(GOOD.replace("dam", "levee").replace("Ana Ruiz", "Tom Berg"))
    out = d / "out"
    runs: list[Run] = []
    threads = [threading.Thread(target=lambda s=s: runs.append(run_brief([str(d / s)], out))) for s in ("a", "b")]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    secs = time.perf_counter() - t
    data = json.loads((out / "briefing.json").read_text())
    sid = data["sources"][0]["id"]
    md = (out / "briefing.md").read_text()
    html = (out / "briefing.html").read_text()
    other = "b" if sid == "a" else "a"
    consistent = ("levee" in md) == (sid == "b") and ("levee" in html) == (sid == "b") and other not in [
        s["id"] for s in data["sources"]]
    codes = ",".join(str(r.code) for r in runs)
    outcome = f"exits {codes}; folder holds run {sid} only" if consistent else f"exits {codes}; MIXED files"
    return outcome, max(r.peak_mb for r in runs), secs, "one crashed, files mixed"


def out_checks(d: Path) -> list[tuple[str, str, float, float, str]]:
    rows = []
    _with_good(d)
    f = d / "taken"
    f.write_text("x")
    r = run_brief([str(d / "good.txt")], f)
    rows.append(("-o is a file", _default_outcome(r), r.peak_mb, r.seconds, "traceback after the analysis"))
    ro = d / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    r = run_brief([str(d / "good.txt")], ro)
    note = " (as root: writable)" if os.geteuid() == 0 else ""
    rows.append(("-o read-only folder" + note, _default_outcome(r), r.peak_mb, r.seconds, "traceback after the analysis"))
    return rows


# --------------------------------------------------------------------------- growth


def _news_text(n: int) -> str:
    files = sorted(POLNEAR.glob("*.txt")) or sorted(EXAMPLE.glob("*.txt"))
    parts: list[str] = []
    total = 0
    i = 0
    while total < n:
        t = files[i % len(files)].read_text(encoding="utf-8")
        parts.append(t)
        total += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:n]


BEFORE_GROWTH = {62_000: 2.8, 250_000: 15.9, 500_000: 52.7, 1_000_000: 289.0}


def growth(sizes: list[int], work: Path) -> None:
    print("\nGrowth: one article of N characters, briefed whole (max_chars raised, no time budget)")
    print(f"{'chars':>10} {'brief s':>8} {'s per 100k':>10} {'peak MB':>8} {'before s':>9}  warnings")
    cfg = work / "growth.toml"
    cfg.write_text("[newsprism]\nmax_chars = 2000000\nextract_seconds = 0\n")
    for n in sizes:
        d = work / f"g{n}"
        d.mkdir()
        (d / "article.txt").write_text(_news_text(n))
        r = run_brief([str(d / "article.txt"), "--config", str(cfg)], d / "out", limit_s=GROWTH_LIMIT_S)
        try:
            data = json.loads((d / "out" / "briefing.json").read_text())
            secs = data["stats"]["total_s"]
            warns = len(data["warnings"])
        except (OSError, json.JSONDecodeError, KeyError):
            secs, warns = float("nan"), -1
        before = next((v for k, v in BEFORE_GROWTH.items() if abs(k - n) / k < 0.1), None)
        print(f"{n:>10,} {secs:>8.1f} {secs / n * 1e5:>10.2f} {r.peak_mb:>8.0f} "
              f"{(f'{before:.1f}' if before else '—'):>9}  {warns} ({_default_outcome(r)[:60]})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--probes", default="all")
    ap.add_argument("--no-probes", action="store_true")
    ap.add_argument("--sizes", default="60000,125000,250000,500000,1000000")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsprism-robustness-"))
    try:
        if not args.no_probes:
            wanted = None if args.probes == "all" else set(args.probes.split(","))
            print(f"{'probe':<12} {'input tried':<62} {'s':>6} {'peak MB':>8}  outcome  |  before issue 18")
            for p in PROBES:
                if wanted and p.name not in wanted:
                    continue
                d = work / p.name
                d.mkdir()
                inputs, stdin = p.build(d)
                r = run_brief(inputs, work / f"{p.name}-out", stdin)
                outcome = p.check(r) if r.code in (0, 2) else _default_outcome(r)
                print(f"{p.name:<12} {p.tried:<62} {r.seconds:>6.1f} {r.peak_mb:>8.0f}  {outcome}  |  {p.before}")
                locked = d / "locked"
                if locked.exists():
                    locked.chmod(0o700)
            if not wanted or "race" in wanted:
                d = work / "race"
                d.mkdir()
                outcome, peak, secs, before = race(d)
                print(f"{'race':<12} {'two runs into the same -o folder at once':<62} {secs:>6.1f} {peak:>8.0f}  "
                      f"{outcome}  |  {before}")
            if not wanted or "out" in wanted:
                d = work / "outchecks"
                d.mkdir()
                for name, outcome, peak, secs, before in out_checks(d):
                    print(f"{'output':<12} {name:<62} {secs:>6.1f} {peak:>8.0f}  {outcome}  |  {before}")
        sizes = [int(s) for s in args.sizes.split(",") if s]
        if sizes:
            growth(sizes, work)
    finally:
        for p in work.rglob("*"):
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o700)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
