#!/usr/bin/env bash
# Starts a kiosk command line under a private Xvfb display until the welcome screen is shown, then
# stops it (SIGTERM, as systemd does) and prints "welcome <ms after JVM start> <ms wall clock>".
# With SCREENSHOT=file.png, the screen 2 s after the welcome screen is kept as a PNG.
#   start-to-welcome.sh <data-dir> <timeout-s> <command...>
# The configuration's demonstration central server is moved to a free port of its own by the caller.
set -euo pipefail
data=$1; timeout=$2; shift 2
mkdir -p "$data"
log="$data/start.log"
start_ms=$(date +%s%3N)
here=$(cd "$(dirname "$0")" && pwd)
fb=$(mktemp -d)
KIOSK_DATA_DIR="$data" xvfb-run -a -s "-screen 0 1280x800x24 -fbdir $fb" "$@" >"$log" 2>&1 &
runner=$!
shown=""
for _ in $(seq 1 $((timeout * 10))); do
  if shown=$(grep -o 'welcome screen shown [0-9]* ms' "$log" 2>/dev/null); then
    wall=$(( $(date +%s%3N) - start_ms ))
    break
  fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.1
done
if [ -n "$shown" ] && [ -n "${SCREENSHOT:-}" ]; then
  sleep 2
  cp "$fb/Xvfb_screen0" "$fb/screen.xwd" 2>/dev/null \
    && java "$here/XwdToPng.java" "$fb/screen.xwd" "$SCREENSHOT" && echo "screenshot $SCREENSHOT" >&2
fi
# The kiosk is xvfb-run's child other than Xvfb; SIGTERM lets it end normally (and write an AppCDS
# archive), then xvfb-run stops its Xvfb.
for pid in $(pgrep -P "$runner" || true); do
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = Xvfb ] || kill -TERM "$pid" 2>/dev/null || true
done
wait "$runner" 2>/dev/null || true
rm -rf "$fb"
if [ -z "$shown" ]; then
  echo "the welcome screen was not shown within $timeout s; the kiosk printed:" >&2
  tail -20 "$log" >&2
  exit 1
fi
echo "welcome $(echo "$shown" | grep -o '[0-9]*') $wall"
