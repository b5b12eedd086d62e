#!/usr/bin/env bash
# Makes the app-image's AppCDS archive (lib/app/kenpo-kiosk.jsa): one start to the welcome screen
# under Xvfb with -XX:ArchiveClassesAtExit, then the launcher is told to use it. The archive
# holds the classes of this runtime and jar only; if either changes, the JVM ignores it.
#   cds-archive.sh <app-image> <kiosk.yaml>
set -euo pipefail
image=$(realpath "$1"); config=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
name=kenpo-kiosk
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# A copy of the configuration whose demonstration central server listens on a free port of its own.
cp -r "$(dirname "$config")" "$work/config"
port=$(( 20000 + RANDOM % 20000 ))
sed -i "s#127.0.0.1:8765#127.0.0.1:$port#" "$work/config/kiosk.yaml"
archive="$image/lib/app/$name.jsa"
rm -f "$archive"
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive" \
  "$here/start-to-welcome.sh" "$work/data" 120 "$image/bin/$name" --config "$work/config/kiosk.yaml" >/dev/null
[ -s "$archive" ] || { echo "cds: no archive was written" >&2; exit 1; }
echo "java-options=-XX:SharedArchiveFile=\$APPDIR/$name.jsa" >>"$image/lib/app/$name.cfg"
echo "cds: $(du -h "$archive" | cut -f1) archive $archive"
