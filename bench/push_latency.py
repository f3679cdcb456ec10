#!/usr/bin/env python3
"""Push -> visible: POST an item to the OA intake API, then poll until it is on the portal page (the
static file the app serves) and in the public API. Reports p50/p95/max over N sequential pushes."""
import base64, json, sys, time, urllib.request, urllib.error

base, admin_password, n = sys.argv[1], sys.argv[2], int(sys.argv[3])

def call(method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

auth = "Basic " + base64.b64encode(f"admin:{admin_password}".encode()).decode()
status, body = call("POST", "/api/v1/agencies/yiyuan-fgj/tokens", {"name": "bench", "scopes": ["intake"]}, {"Authorization": auth})
token = json.loads(body)["token"]
lat_page, lat_api, lat_both = [], [], []
run = int(time.time())
for i in range(n):
    t0 = time.perf_counter()
    status, body = call("POST", "/api/v1/intake/documents", {
        "externalId": f"BENCH-{run}-{i}", "title": f"推送时效测试第{i}号", "summary": "基准测试", "body": "<p>正文</p>",
        "formedOn": time.strftime("%Y-%m-%d"), "theme": "综合政务", "documentType": "通知", "catalogNodes": ["a20-02"],
        "attribute": "PROACTIVE"}, {"Authorization": "Bearer " + token})
    assert status == 201, (status, body)
    doc = json.loads(body)
    page_at = api_at = None
    while page_at is None or api_at is None:
        now = time.perf_counter()
        if now - t0 > 10:
            raise SystemExit(f"item {doc['id']} not visible after 10 s")
        if page_at is None:
            s, b = call("GET", doc["publicUrl"])
            if s == 200 and f"推送时效测试第{i}号".encode() in b:
                page_at = time.perf_counter() - t0
        if api_at is None:
            s, b = call("GET", f"/api/v1/public/documents/{doc['id']}")
            if s == 200:
                api_at = time.perf_counter() - t0
        if page_at is None or api_at is None:
            time.sleep(0.005)
    lat_page.append(page_at); lat_api.append(api_at); lat_both.append(max(page_at, api_at))

def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1)] * 1000
for name, xs in (("portal page", lat_page), ("public API", lat_api), ("both", lat_both)):
    print(f"RESULT push->visible {name}: n={len(xs)} p50={pct(xs,50):.0f}ms p95={pct(xs,95):.0f}ms max={max(xs)*1000:.0f}ms")
print(f"LAST_ID {doc['id']}")
