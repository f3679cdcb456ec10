#!/usr/bin/env bash
# Gongkai site-search benchmarks (issue 8; run on demand, not in CI). Needs a JDK and python3. All traffic goes to
# 127.0.0.1 only; every load run is time-bounded. See bench/README.md, "Site search".
#
#   bench/run-search.sh                 # 1,000,000 documents (about 15 GB in a temporary folder, deleted at the end)
#   DOCS=20000 SECONDS_PER_RUN=20 bench/run-search.sh
#   ONLY_LOAD=1 SKIP_CORPUS=1 KEEP=1 DATA_DIR=/tmp/x bench/run-search.sh   # steps 2 to 4 again on a kept data dir
#
# 1. bulk indexing: SearchCorpus generates DOCS/COPIES entries and writes them as a rebuild does (Rebuild.putAll in
#    batches of 500, then complete) into <data-dir>/search, the index the app opens (ids from 10,000,001);
#    with COPIES>1, IndexCopies adds the generated segments COPIES-1 more times (a million without a million analyses);
#    SKIP_CORPUS=1 DATA_DIR=... reuses an index already generated;
# the app (jar, embedded H2) starts on that data dir: the index is found complete (no rebuild; checked), the demo
#    county is seeded; once the index is still, the app is stopped and AppAgencies adds the corpus's 47 other agencies;
# 2. the app is started again and its answers are compared with raw Lucene's for the distinct requests of the mix;
# 3. query latency through the app: CLIENTS threads over HTTP, warm-up then SECONDS_PER_RUN, three times: with the
#    default caches, with answers computed every time, with nothing cached by the app;
# 4. the app stopped, the same mix as raw Lucene in-process on the same index folder, same clients and times;
# 5. the app started again: publish -> searchable, PUBLISHES sequential publishes through the OA intake API.
# Stopping the app waits for its index writer's merges (minutes after IndexCopies): kill -9 it if needed (Lucene
# keeps the last commit; the app then republishes the pending events at its next start).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-1000000}
COPIES=${COPIES:-1}
CLIENTS=${CLIENTS:-4}
WARMUP=${WARMUP:-30}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-60}
PUBLISHES=${PUBLISHES:-200}
# requests in the load sequence: each client walks it once and does not cycle within a run (a cycling sequence
# would make every measured request a repeat, and answer every one from the cache)
REQUESTS=${REQUESTS:-200000}
APP_PORT=${APP_PORT:-18180}
BASE=http://127.0.0.1:$APP_PORT
DIR=${DATA_DIR:-$(mktemp -d /tmp/gongkai-search-bench.XXXXXX)}
H2_URL="jdbc:h2:file:$DIR/gongkai;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
export GONGKAI_ADMIN_PASSWORD=Bench-Root-2026x
RESULTS=${RESULTS:-bench/results-$(date +%F).txt}
log() { echo "$*" | tee -a "$RESULTS"; }

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
JAR=$(ls target/gongkai-*.jar | head -1)
rm -rf target/bench-search
javac -nowarn -d target/bench-search -cp "target/classes:$(cat target/cp.txt)" bench/search/*.java
CP="target/bench-search:target/classes:$(cat target/cp.txt)"
JAVA_BENCH=(java -Xmx2g -XX:+UseParallelGC -cp "$CP")

APP_PID=
start_app() {
  # "$@": extra application arguments (the cache settings of step 3)
  java -Xmx2g -jar "$JAR" "$@" --server.port=$APP_PORT --gongkai.data-dir="$DIR" --gongkai.site.backfill-on-start=false \
    --gongkai.api.public-requests-per-minute=0 --logging.level.root=WARN \
    --logging.level.org.gongkai.search=INFO >> "$DIR/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do curl -sf -o /dev/null $BASE/actuator/health && return; sleep 1; done
  echo "app did not start"; tail -50 "$DIR/app.log"; exit 1
}
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
cleanup() { stop_app; if [ -z "${KEEP:-}" ]; then rm -rf "$DIR"; else echo "data kept in $DIR"; fi; }
trap cleanup EXIT

log "# Gongkai search benchmarks $(date -u +%FT%TZ) on $(nproc) cores, $(java -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${SKIP_CORPUS:-}" ]; then
  log "## 1. Bulk indexing: $((DOCS / COPIES)) generated documents through a rebuild (Rebuild.putAll, batches of 500)"
  "${JAVA_BENCH[@]}" org.gongkai.bench.search.SearchCorpus "$DIR" $((DOCS / COPIES)) /work/shared/seeds 500 | tee -a "$RESULTS"
fi
if [ "$COPIES" -gt 1 ]; then
  "${JAVA_BENCH[@]}" org.gongkai.search.IndexCopies "$DIR" "$COPIES" "${MERGE_SECONDS:-300}" | tee -a "$RESULTS"
fi
log "index on disk: $(du -sh "$DIR/search" | cut -f1)"

if [ -z "${ONLY_LOAD:-}" ]; then
log "## The site: the app's first start on that data dir (demo county seeded, its records indexed one by one)"
start_app
# the index is found complete: no rebuild; the demo county's catalogues are indexed through their events: wait
# until the index size stays the same for 10 s
STATUS=$(curl -sf -u "admin:$GONGKAI_ADMIN_PASSWORD" $BASE/api/v1/search/rebuild)
echo "$STATUS" | grep -q '"startedAt":null' || { log "the app started a rebuild of the benchmark index ($STATUS): abort"; exit 1; }
LAST=-1; SAME=0
for _ in $(seq 1 300); do
  SIZE=$(curl -sf -u "admin:$GONGKAI_ADMIN_PASSWORD" $BASE/api/v1/search/rebuild | python3 -c 'import json,sys; s=json.load(sys.stdin); print(-1 if s["running"] else s["indexSize"])')
  if [ "$SIZE" = "$LAST" ] && [ "$SIZE" != "-1" ]; then SAME=$((SAME+1)); [ $SAME -ge 5 ] && break; else SAME=0; fi
  LAST=$SIZE; sleep 2
done
log "index entries with the demo county's: $LAST"
stop_app
"${JAVA_BENCH[@]}" org.gongkai.bench.search.AppAgencies "$H2_URL" | tee -a "$RESULTS"

start_app
STATUS=$(curl -sf -u "admin:$GONGKAI_ADMIN_PASSWORD" $BASE/api/v1/search/rebuild)
echo "$STATUS" | grep -q '"startedAt":null' || { log "the app started a rebuild of the benchmark index ($STATUS): abort"; exit 1; }
log "app serving $(echo "$STATUS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["indexSize"])') index entries, no rebuild"
log "## 2. The same query through the app and through raw Lucene"
"${JAVA_BENCH[@]}" org.gongkai.search.RawSearchBench check "$DIR" $BASE 400 | tee -a "$RESULTS"
stop_app
else
  log "## (ONLY_LOAD: steps 1 and 5 skipped; the data dir was prepared by an earlier run)"
  start_app
  log "## 2. The same query through the app and through raw Lucene"
  "${JAVA_BENCH[@]}" org.gongkai.search.RawSearchBench check "$DIR" $BASE 400 | tee -a "$RESULTS"
  stop_app
fi
start_app
log "## 3. Query latency through the app ($CLIENTS clients, ${WARMUP} s warm-up, ${SECONDS_PER_RUN} s measured)"
log "### 3a. default caches (answers of the serving reader, counts per segment)"
"${JAVA_BENCH[@]}" org.gongkai.bench.search.SearchLoad $BASE "$CLIENTS" "$WARMUP" "$SECONDS_PER_RUN" "$REQUESTS" | tee -a "$RESULTS"
stop_app
log "### 3b. every answer computed; counts per segment cached (gongkai.search.result-cache-size=0)"
start_app --gongkai.search.result-cache-size=0
"${JAVA_BENCH[@]}" org.gongkai.bench.search.SearchLoad $BASE "$CLIENTS" "$WARMUP" "$SECONDS_PER_RUN" "$REQUESTS" | tee -a "$RESULTS"
stop_app
log "### 3c. nothing cached by the app (result-cache-size=0, count-cache-mb=0): the app side of target 4"
start_app --gongkai.search.result-cache-size=0 --gongkai.search.count-cache-mb=0
"${JAVA_BENCH[@]}" org.gongkai.bench.search.SearchLoad $BASE "$CLIENTS" "$WARMUP" "$SECONDS_PER_RUN" "$REQUESTS" | tee -a "$RESULTS"
stop_app

log "## 4. The same mix as raw Lucene in-process on the same index (app stopped)"
"${JAVA_BENCH[@]}" org.gongkai.search.RawSearchBench load "$DIR" "$CLIENTS" "$WARMUP" "$SECONDS_PER_RUN" "$REQUESTS" | tee -a "$RESULTS"

if [ -z "${ONLY_LOAD:-}" ]; then
  log "## 5. Publish -> searchable ($PUBLISHES sequential publishes, polling the search API every 5 ms)"
  start_app
  python3 bench/search/publish_search.py $BASE "$GONGKAI_ADMIN_PASSWORD" "$PUBLISHES" | tee -a "$RESULTS"
  stop_app
fi
log "results in $RESULTS"
