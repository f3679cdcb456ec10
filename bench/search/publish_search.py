#!/usr/bin/env python3
"""Publish -> searchable: POST an item to the OA intake API (published at once, as in push_latency.py), then poll
GET /api/v1/public/search?q=<a word found only in that item's title> every 5 ms until the item is the hit. Reports
p50/p95/max over N sequential publishes (timed from just before the POST to the answer that contains the item).

    publish_search.py <base-url> <admin-password> <n>
"""
import base64, json, sys, time, urllib.parse, urllib.request, urllib.error

base, admin_password, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
assert base.startswith("http://127.0.0.1:"), "the benchmark only talks to 127.0.0.1"

def call(method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def word(k):
    """A Latin word that no generated text contains (smartcn keeps a run of letters as one word)."""
    letters = "bcdfghjkmnpqrstvwxz"
    out = ""
    while True:
        out = letters[k % len(letters)] + out
        k //= len(letters)
        if k == 0:
            return "zqbench" + out

auth = "Basic " + base64.b64encode(f"admin:{admin_password}".encode()).decode()
status, body = call("POST", "/api/v1/agencies/yiyuan-fgj/tokens", {"name": "search-bench", "scopes": ["intake"]},
                    {"Authorization": auth})
assert status in (200, 201), (status, body)
token = json.loads(body)["token"]
run = int(time.time()) % 100000
lat, polls = [], []
for i in range(n):
    w = word(run * 1000 + i)
    t0 = time.perf_counter()
    status, body = call("POST", "/api/v1/intake/documents", {
        "externalId": f"SEARCH-BENCH-{run}-{i}", "title": f"关于{w}项目政务公开检索时效测试的通知",
        "summary": "检索时效基准测试", "body": "<p>为做好政务公开工作，现将检索时效测试有关事项通知如下。</p>",
        "formedOn": time.strftime("%Y-%m-%d"), "theme": "综合政务", "documentType": "通知", "catalogNodes": ["a20-02"],
        "attribute": "PROACTIVE"}, {"Authorization": "Bearer " + token})
    assert status == 201, (status, body)
    doc = json.loads(body)
    q = "/api/v1/public/search?q=" + urllib.parse.quote(w)
    k = 0
    while True:
        if time.perf_counter() - t0 > 10:
            raise SystemExit(f"item {doc['id']} ({w}) not found by search after 10 s")
        k += 1
        s, b = call("GET", q)
        if s == 200:
            hits = json.loads(b)["hits"]
            if any(h["type"] == "document" and h["id"] == doc["id"] for h in hits):
                break
        time.sleep(0.005)
    lat.append(time.perf_counter() - t0)
    polls.append(k)

def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, max(0, -(-p * len(xs) // 100) - 1))] * 1000
print(f"RESULT publish->searchable: n={len(lat)} p50={pct(lat,50):.0f}ms p95={pct(lat,95):.0f}ms max={max(lat)*1000:.0f}ms "
      f"(searches per publish: median {sorted(polls)[len(polls)//2]}, max {max(polls)})")
