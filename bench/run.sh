#!/usr/bin/env bash
# Gongkai benchmarks (run on demand, not in CI). Needs: a JDK, python3, wrk and nginx
# (apt-get install wrk nginx-light). All traffic goes to 127.0.0.1 only; every load run is time-bounded.
#
#   bench/run.sh            # everything: push->visible, static page vs nginx, list pages over 100,000 items
#   ITEMS=20000 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
PUSHES=${PUSHES:-200}
APP_PORT=18080
NGINX_PORT=18081
DIR=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
chmod 755 "$DIR"   # nginx workers run as another user and must reach the site folder
export GONGKAI_ADMIN_PASSWORD=Bench-Root-2026x
RESULTS=bench/results-$(date +%Y%m%d-%H%M).txt
log() { echo "$*" | tee -a "$RESULTS"; }

./mvnw -q -B -DskipTests package
JAR=$(ls target/gongkai-*.jar | head -1)
H2JAR=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -1)
URL="jdbc:h2:file:$DIR/gongkai;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;CACHE_SIZE=65536"

start_app() {
  java -Xmx2g -jar "$JAR" --server.port=$APP_PORT --gongkai.data-dir="$DIR" --gongkai.site.backfill-on-start=false --gongkai.api.public-requests-per-minute=0 \
    --logging.level.root=WARN > "$DIR/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:$APP_PORT/actuator/health && return; sleep 1; done
  echo "app did not start"; cat "$DIR/app.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }
wrk_run() { # name url
  local line
  line=$(wrk -t2 -c${CONNECTIONS:-32} -d${SECONDS_PER_RUN:-15}s -s bench/percentiles.lua "$2" | grep RESULT)
  log "$1: ${line#RESULT }"
}

log "# Gongkai benchmarks $(date -u +%FT%TZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
start_app

log "## 1. Push -> visible (OA intake, then poll portal page and public API; $PUSHES sequential pushes)"
python3 bench/push_latency.py http://127.0.0.1:$APP_PORT "$GONGKAI_ADMIN_PASSWORD" "$PUSHES" | tee -a "$RESULTS" > "$DIR/push.txt"
DOC=$(grep LAST_ID "$DIR/push.txt" | awk '{print $2}')
PAGE="/agencies/yiyuan-fgj/documents/$DOC/"

log "## 2. Item page: the app's static file vs nginx serving the same generated file"
sed -e "s#root /srv/gongkai/data/site;#root $DIR/site;#" -e "s/listen 80;/listen 127.0.0.1:$NGINX_PORT;/" \
    -e 's/listen \[::\]:80;//' -e "s/server 127.0.0.1:8080;/server 127.0.0.1:$APP_PORT;/" deploy/nginx/gongkai.conf > "$DIR/site.conf"
cat > "$DIR/nginx.conf" <<NGINX
worker_processes auto;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log;
events { worker_connections 1024; }
http { include /etc/nginx/mime.types; access_log off; sendfile on; include $DIR/site.conf; }
NGINX
nginx -c "$DIR/nginx.conf"
curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT$PAGE"
curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT$PAGE"
SECONDS_PER_RUN=5 wrk_run "warm-up app" "http://127.0.0.1:$APP_PORT$PAGE" > /dev/null
wrk_run "nginx (first)" "http://127.0.0.1:$NGINX_PORT$PAGE"
wrk_run "app static file" "http://127.0.0.1:$APP_PORT$PAGE"
wrk_run "nginx (last)" "http://127.0.0.1:$NGINX_PORT$PAGE"
nginx -c "$DIR/nginx.conf" -s stop
stop_app

log "## 3. List pages with $ITEMS items in one agency"
java -cp "$H2JAR" bench/SeedDocuments.java "$URL" yiyuan-fgj a20-01 "$ITEMS" | tee -a "$RESULTS"
start_app
LISTS=("node list page 1 (rendered on request)|/agencies/yiyuan-fgj/a20-01/?page=1"
       "node list page 50|/agencies/yiyuan-fgj/a20-01/?page=50"
       "node list filtered by year|/agencies/yiyuan-fgj/a20-01/?year=2020"
       "statutory (whole subtree) page 1|/agencies/yiyuan-fgj/statutory/?page=1"
       "public API list page 1|/api/v1/public/documents?agency=yiyuan-fgj&page=1")
# steady state: JIT-compiled code and the database cache warm for every list measured
for entry in "${LISTS[@]}"; do
  CONNECTIONS=4 SECONDS_PER_RUN=8 wrk_run "warm-up" "http://127.0.0.1:$APP_PORT${entry#*|}" > /dev/null
done
for entry in "${LISTS[@]}"; do
  CONNECTIONS=8 wrk_run "${entry%%|*}" "http://127.0.0.1:$APP_PORT${entry#*|}"
done
stop_app
log "results in $RESULTS; data in $DIR"
