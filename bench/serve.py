"""A bounded load test of ``newsprism serve`` on 127.0.0.1: N readers and W writers for T
seconds (then everything stops by itself), p50/p95 latency and errors per request kind. The
baseline beside: the same reads through the Store API in-process (no HTTP, no server).

    python bench/serve.py                          # the bundled example, 4 readers, 1 writer, 30 s
    python bench/serve.py --db news.db --readers 8 --writers 2 --seconds 60
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _table import print_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# short articles written for this bench (none about the bundled event), one per writer request
TEXTS = [
    "Harbour storm\n\nThe storm sank 12 fishing boats in the harbour on Friday, the coast guard said.",
    "Cup final\n\nThe home side won the cup final 3-1 on Sunday before 40,000 fans, the league said.",
    "Plant closure\n\nThe carmaker will close its plant in March and cut 1,200 jobs, a spokeswoman said.",
    "Court ruling\n\nThe appeals court overturned the 2019 verdict on Tuesday, the defence lawyer said.",
    "Vaccine trial\n\nThe trial enrolled 3,000 volunteers in six countries, the researchers wrote on Monday.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, body: bytes | None = None) -> tuple[float, bool]:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            r.read()
            ok = r.status == 200
    except (urllib.error.URLError, TimeoutError) as exc:
        print(f"error: {url}: {exc}", file=sys.stderr)
        ok = False
    return time.perf_counter() - t0, ok


def run(base: str, readers: int, writers: int, seconds: float) -> dict[str, list[tuple[float, bool]]]:
    with urllib.request.urlopen(base + "/api/stories", timeout=600) as r:
        stories = json.loads(r.read())
    sid, art = stories[0]["id"], stories[0]["article_ids"][0]
    request(f"{base}/story/{sid}")  # the first briefing is built once, outside the clock
    reads = {"stories page": "/", "story page": f"/story/{sid}", "article page": f"/article/{art}",
             "api search": "/api/search?q=" + urllib.parse.quote("said"), "api stories": "/api/stories"}
    results: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def reader(k: int) -> None:
        names = list(reads)
        i = k
        while time.monotonic() < stop:
            name = names[i % len(names)]
            got = request(base + reads[name])
            with lock:
                results[name].append(got)
            i += 1

    def writer(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            text = TEXTS[i % len(TEXTS)] + f"\n\nUpdate {k}-{i} at {time.time():.3f}."
            got = request(base + "/api/ingest", json.dumps({"texts": [text]}).encode())
            with lock:
                results["api ingest (write)"].append(got)
            i += 1

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(readers)]
    threads += [threading.Thread(target=writer, args=(k,)) for k in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def baseline(db: Path, rounds: int = 20) -> list[float]:
    """The reads a script would do itself: open the store read-only, list stories, search."""
    from newsprism.store import Store

    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        with Store(db, readonly=True) as st:
            st.stories()
            st.conn.execute("SELECT id FROM articles WHERE raw_text LIKE '%said%'").fetchall()
        out.append(time.perf_counter() - t0)
    return out


def pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a store to copy and serve (default: the bundled example)")
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--writers", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsprism-bench-serve-"))
    db = work / "news.db"
    exe = [sys.executable, "-m", "newsprism.cli"]
    try:
        if args.db:
            shutil.copy(args.db, db)
        else:
            subprocess.run([*exe, "ingest", str(ROOT / "examples" / "khan-shaykhun"), "--db", str(db), "--quiet"],
                           check=True)
        port = free_port()
        server = subprocess.Popen([*exe, "serve", "--db", str(db), "--port", str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(base + "/api/stories", timeout=5).read()
                    break
                except urllib.error.URLError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.3)
            t0 = time.perf_counter()
            results = run(base, args.readers, args.writers, args.seconds)
            wall = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait(30)
        base_times = baseline(db)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for name, got in sorted(results.items()):
        ok = [t for t, good in got if good]
        errors = sum(not good for _, good in got)
        rows.append([name, len(got), f"{pct(ok, 50) * 1000:.0f}" if ok else "-",
                     f"{pct(ok, 95) * 1000:.0f}" if ok else "-", errors])
    rows.append(["baseline: Store API in-process (stories + search)", len(base_times),
                 f"{pct(base_times, 50) * 1000:.0f}", f"{pct(base_times, 95) * 1000:.0f}", 0])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.readers} readers, {args.writers} writers, {wall:.0f} s on 127.0.0.1; "
          f"{os.cpu_count()} cores, load average {load} (other work on the machine counts in these times)")
    print_table(["request", "n", "p50 ms", "p95 ms", "errors"], rows)


if __name__ == "__main__":
    main()
