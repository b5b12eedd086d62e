#!/usr/bin/env bash
# AppCDS for the app-image: one start to the welcome screen under Xvfb lists the classes loaded
# (lib/app/kenpo-kiosk.classlist, shipped); cds-dump then archives them (lib/app/kenpo-kiosk.jsa).
# The archive records the jar's absolute path, so the .deb ships the list and its postinst runs
# cds-dump in /opt/kenpo-kiosk; the archive made here serves the app-image where it was built.
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
list="$image/lib/app/$name.classlist"
rm -f "$list"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" \
  "$here/start-to-welcome.sh" "$work/data" 120 "$image/bin/$name" --config "$work/config/kiosk.yaml" >/dev/null
[ -s "$list" ] || { echo "cds: no class list was written" >&2; exit 1; }
grep -q "^java.lang.Object" "$list" || { echo "cds: the class list is not one" >&2; exit 1; }
echo "java-options=-XX:SharedArchiveFile=\$APPDIR/$name.jsa" >>"$image/lib/app/$name.cfg"
"$here/cds-dump" "$image"
echo "cds: $(wc -l <"$list") classes listed; archive $(du -h "$image/lib/app/$name.jsa" | cut -f1)"
