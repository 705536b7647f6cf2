from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsprism.web.app import create_app
from newsprism.web.security import CSRF_COOKIE
from newsprism.web.service import Library, UploadRefused, safe_name

PAYLOAD = ('<script>alert("x")</script> Storm floods <img src=x onerror=alert(1)> the harbour town.\n\n'
           'Rescuers said 40 people were evacuated from the harbour on Monday, the mayor said.')


@pytest.fixture(scope="module")
def client(web_library: Library) -> TestClient:
    c = TestClient(create_app(web_library), base_url="http://127.0.0.1:8000")
    c.get("/")  # the CSRF cookie
    return c


def _token(client: TestClient) -> str:
    return client.cookies[CSRF_COOKIE]


def test_stories_page_lists_filters_and_searches(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert stories and all(s["articles"] >= 1 for s in stories)
    page = client.get("/")
    assert page.status_code == 200
    for s in stories:
        assert f'/story/{s["id"]}' in page.text
    outlet = stories[0]["outlets"][0]
    only = client.get("/api/stories", params={"outlet": outlet}).json()
    assert only and all(outlet in s["outlets"] for s in only)
    assert client.get("/api/stories", params={"q": "zzzz-no-such-word"}).json() == []
    hits = client.get("/api/search", params={"q": "chemical"}).json()
    assert hits and all("chemical" in h["context"].lower() for h in hits)
    assert client.get("/api/stories", params={"since": "2999-01-01"}).json() == []


def test_story_page_is_the_report_with_a_strict_policy(client: TestClient) -> None:
    sid = client.get("/api/stories").json()[0]["id"]
    r = client.get(f"/story/{sid}")
    assert r.status_code == 200
    for section in ("summary", "quotes", "sources"):
        assert f'id="{section}"' in r.text
    csp = r.headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp and "http" not in csp and "'sha256-" in csp
    assert not re.search(r'(src|href)="(https?:)?//', r.text.replace('href="http', 'href="#'))
    data = client.get(f"/api/stories/{sid}/briefing").json()
    assert data["story"]["id"] == sid
    assert client.get(f"/api/stories/{sid}/quotes").json() == data["quotes"]


def test_article_view_marks_spans_by_kind_and_shows_removed_apart(client: TestClient) -> None:
    sid = client.get("/api/stories").json()[0]["id"]
    art = client.get("/api/stories").json()[0]["article_ids"][0]
    a = client.get(f"/api/articles/{art}").json()
    assert a["story"] == sid and a["spans"]
    text = a["source"]["text"]
    for sp in a["spans"]:
        assert 0 <= sp["start"] < sp["end"] <= len(text)
    page = client.get(f"/article/{art}").text
    assert 'class="hl ' in page and 'id="removed"' in page
    kinds = {sp["kind"] for sp in a["spans"]}
    for k in kinds:
        assert f'<span class="hl {k}">{k}</span>' in page


def test_entity_page_lists_mentions(client: TestClient) -> None:
    sid = client.get("/api/stories").json()[0]["id"]
    data = client.get(f"/api/stories/{sid}/briefing").json()
    named = next(e for e in data["entities"] if e["mentions"])
    page = client.get("/entity", params={"name": named["name"]}).text
    assert page.count("<li><a href=\"/article/") >= len(named["mentions"])


def test_injection_payload_is_shown_as_text(client: TestClient) -> None:
    r = client.post("/add", data={"text": PAYLOAD, "csrf_token": _token(client)})
    assert r.status_code == 200, r.text
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    art = re.search(r'href="/article/([^"]+)"', r.text).group(1)
    page = client.get(f"/article/{art}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    found = client.get("/api/stories", params={"q": "harbour"}).json()
    assert found
    story = client.get(f"/story/{found[0]['id']}").text
    assert "<script>alert" not in story and "&lt;script&gt;alert" in story


def test_form_posts_need_the_token_and_this_origin(client: TestClient) -> None:
    assert client.post("/add", data={"text": PAYLOAD}).status_code == 403
    assert client.post("/add", data={"text": PAYLOAD, "csrf_token": "forged"}).status_code == 403
    other = client.post("/add", data={"text": PAYLOAD, "csrf_token": _token(client)},
                        headers={"Origin": "http://evil.example"})
    assert other.status_code == 403
    api = client.post("/api/ingest", files={"files": ("a.txt", b"text")}, headers={"Origin": "http://evil.example"})
    assert api.status_code == 403


def test_uploads_are_limited_in_type_and_size(client: TestClient, web_library: Library) -> None:
    r = client.post("/add", data={"csrf_token": _token(client)}, files={"files": ("run.exe", b"MZ")})
    assert r.status_code == 415 and "only" in r.text
    small = Library(web_library.path, web_library.options.with_overrides(web_max_upload_bytes=1000),
                    nlp=web_library.nlp())
    c = TestClient(create_app(small), base_url="http://127.0.0.1:8000")
    c.get("/")
    big = c.post("/add", data={"csrf_token": c.cookies[CSRF_COOKIE]}, files={"files": ("big.txt", b"word " * 1000)})
    assert big.status_code == 413 and "larger" in big.text
    empty = c.post("/add", data={"csrf_token": c.cookies[CSRF_COOKIE], "text": "  "})
    assert empty.status_code == 400


def test_no_path_traversal() -> None:
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("..\\..\\win.ini.html") == "win.ini.html"
    assert safe_name(".hidden.txt") == "hidden.txt"
    with pytest.raises(UploadRefused):
        safe_name("../../etc/passwd")


def test_no_file_outside_the_store_is_served(client: TestClient) -> None:
    for path in ("/static/../service.py", "/static/..%2Fservice.py", "/article/..%2F..%2Fetc%2Fpasswd",
                 "/story/..%2F..%2Fetc%2Fpasswd"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "import" not in r.text and "root:" not in r.text


def test_api_ingest_says_where_the_article_went(client: TestClient) -> None:
    story = client.get("/api/stories").json()[0]
    base = client.get(f"/api/articles/{story['article_ids'][0]}").json()["source"]["text"]
    copy = "Copied report\n\n" + base
    r = client.post("/api/ingest", json={"texts": [copy]})
    assert r.status_code == 200, r.text
    placed = r.json()["placed"]
    assert len(placed) == 1 and placed[0]["story_id"] == story["id"] and not placed[0]["new_story"]
    assert placed[0]["duplicate_of"] == story["article_ids"][0]
    assert client.post("/api/ingest", json={"texts": []}).status_code == 422


def test_reads_do_not_wait_for_the_writer(client: TestClient, web_library: Library) -> None:
    """While an ingest holds the writer lock, pages and the API still answer (briefings are built
    without being kept)."""
    sid = client.get("/api/stories").json()[-1]["id"]
    with web_library.write_lock:
        assert client.get("/").status_code == 200
        assert client.get(f"/api/stories/{sid}/briefing").json()["story"]["id"] == sid
        assert client.get("/api/search", params={"q": "the"}).status_code == 200


def test_stories_changed_since_the_last_visit_are_marked(web_library: Library) -> None:
    from newsprism.web.app import VISIT_COOKIE, last_visit

    assert last_visit("", "2024-05-01T10:00:00Z") == (None, ",2024-05-01T10:00:00Z")  # first visit
    assert last_visit("junk", "2024-05-01T10:00:00Z")[0] is None
    # a look within the visit keeps what it marks against; one after a long gap starts a new visit
    assert last_visit("2024-04-30T08:00:00Z,2024-05-01T09:50:00Z", "2024-05-01T10:00:00Z") == \
        ("2024-04-30T08:00:00Z", "2024-04-30T08:00:00Z,2024-05-01T10:00:00Z")
    assert last_visit("2024-04-30T08:00:00Z,2024-05-01T07:00:00Z", "2024-05-01T10:00:00Z")[0] == \
        "2024-05-01T07:00:00Z"
    def fresh(cookie: str | None) -> TestClient:
        c = TestClient(create_app(web_library), base_url="http://127.0.0.1:8000")
        if cookie is not None:
            c.cookies.set(VISIT_COOKIE, cookie)
        return c

    assert 'class="changed"' not in fresh(None).get("/").text  # nothing to compare with yet
    c = fresh("2000-01-01T00:00:00Z,2000-01-01T00:00:00Z")  # a visit long ago
    page = c.get("/").text
    n = len(c.get("/api/stories").json())
    assert page.count('<tr class="changed">') == n and "since your last visit (2000-01-01T00:00:00Z)" in page
    assert c.get("/").text.count('<tr class="changed">') == n  # the same visit: still marked
    assert 'class="changed"' not in fresh("2999-01-01T00:00:00Z,2999-01-01T00:00:00Z").get("/").text


def test_an_upload_is_kept_under_its_name_and_once(web_library: Library) -> None:
    """The store records an upload as "upload:NAME" (not the temporary file it was written to), so
    the same file uploaded again is recognised as already there, and a pasted text likewise."""
    from newsprism.web.service import Upload

    data = (b"Hail flattens vineyards in the valley\n\nGrowers said 300 hectares of vines were "
            b"damaged on Saturday when hail fell for twenty minutes, the regional farm union said.")
    first = web_library.add([], [Upload("hail-report.txt", data)])
    again = web_library.add([], [Upload("hail-report.txt", data)])
    assert (first.added, again.added, again.already) == (1, 0, 1)
    pasted = "Ferry strike ends\n\nDock workers voted on Friday to end a five-day strike, the union said."
    assert web_library.add([pasted], []).added == 1 and web_library.add([pasted], []).already == 1
    with web_library.reader() as st:
        origin = st.conn.execute("SELECT origin FROM articles WHERE id = ?", (first.placed[0].article_id,)).fetchone()
    assert origin[0] == "upload:hail-report.txt"
