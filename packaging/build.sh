#!/usr/bin/env bash
# Builds the Linux x64 installation of the kiosk from the shaded jar:
#   1. a copy of the jar with only the linux-x86_64 natives (OpenCV, SQLite, webcam drivers),
#   2. a jlink runtime with only the modules the kiosk uses,
#   3. a jpackage app-image (bin/kenpo-kiosk, lib/app, lib/runtime),
#   4. an AppCDS archive of the classes loaded up to the welcome screen (when Xvfb is there),
#   5. the .deb: /opt/kenpo-kiosk, /etc/kenpo-kiosk, /var/lib/kenpo-kiosk, the systemd unit.
# Called by `mvn -Ppackage package`; also by hand:
#   packaging/build.sh target/kenpo-kiosk.jar target/package 0.1.0 jp.kenpo.kiosk.cli.Main
set -euo pipefail

jar=$(realpath "$1"); out=$(realpath -m "$2"); version=${3%-SNAPSHOT}; main_class=$4
here=$(cd "$(dirname "$0")" && pwd); project=$(dirname "$here")
name=kenpo-kiosk
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
t0=$(date +%s)
step() { echo "package: $* ($(( $(date +%s) - t0 )) s)"; }

rm -rf "$out"; mkdir -p "$out/input"

# 1. Only Linux x86_64's natives. The OpenCV artifact carries seven platforms' (about 280 MB unpacked).
step "stripping the other platforms' natives from $(basename "$jar")"
cp "$jar" "$out/input/$name.jar"
zip -q -d "$out/input/$name.jar" \
  'nu/pattern/opencv/osx/*' 'nu/pattern/opencv/windows/*' \
  'nu/pattern/opencv/linux/ARMv7/*' 'nu/pattern/opencv/linux/ARMv8/*' 'nu/pattern/opencv/linux/x86_32/*' \
  'org/sqlite/native/FreeBSD/*' 'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/Windows/*' \
  'org/sqlite/native/Linux/[!x]*' 'org/sqlite/native/Linux/x86/*' \
  'org/bridj/lib/[!l]*' 'org/bridj/lib/linux_[!x]*' 'org/bridj/lib/linux_x86/*' \
  'com/github/sarxos/webcam/ds/buildin/lib/[!l]*' 'com/github/sarxos/webcam/ds/buildin/lib/linux_[!x]*' \
  'com/github/sarxos/webcam/ds/buildin/lib/linux_x86/*' >/dev/null
unzip -l "$out/input/$name.jar" 'nu/pattern/opencv/linux/x86_64/libopencv_java*.so' >/dev/null \
  || { echo "package: the linux-x86_64 OpenCV library is missing from the jar" >&2; exit 1; }

# 2. The runtime. jdeps finds the modules the classes name; the others are loaded by name at run
# time: jdk.charsets (Shift_JIS / windows-31j roster files), jdk.crypto.ec (TLS to the central
# service), jdk.localedata (Japanese dates and numbers; only en and ja kept), jdk.zipfs.
step "finding the modules with jdeps"
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 -q "$out/input/$name.jar")
modules="$modules,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.zipfs"
step "jlink: $modules"
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,ja,zh,ko,vi,pt --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$out/runtime"
# The JDK's own class-data archive (lib/server/classes.jsa): faster start, and the base of AppCDS.
"$out/runtime/bin/java" -Xshare:dump >/dev/null

# 3. The app-image. The installed launcher reads /etc/kenpo-kiosk/kiosk.yaml unless --config says otherwise.
step "jpackage app-image"
"$jdk/bin/jpackage" --type app-image --name "$name" --dest "$out/image" --input "$out/input" \
  --main-jar "$name.jar" --main-class "$main_class" --runtime-image "$out/runtime" \
  --app-version "$version" --vendor "Kenpo Kiosk" \
  --java-options "-Dkiosk.config=/etc/$name/kiosk.yaml" --java-options "-Dfile.encoding=UTF-8"
image="$out/image/$name"

# The installed configuration: the project's demonstration configuration, its data in /var/lib.
conf="$out/etc/$name"
mkdir -p "$conf"
cp -r "$project/kiosk-config/." "$conf/"
sed -i -e 's#\${KIOSK_DATA_DIR:-../target/kiosk-data}#${KIOSK_DATA_DIR:-/var/lib/kenpo-kiosk}#g' \
  -e 's#^\(\# demo-camera/, mail is written to files, the data lives\) under target/ of the checkout\.#\1 in /var/lib/kenpo-kiosk.#' \
  "$conf/kiosk.yaml"
grep -q '/var/lib/kenpo-kiosk' "$conf/kiosk.yaml" || { echo "package: kiosk.yaml: dataDir not rewritten" >&2; exit 1; }

# 4. AppCDS: the classes loaded up to the welcome screen, archived by one run under Xvfb.
if [ "${KIOSK_PACKAGE_CDS:-1}" = 1 ] && command -v xvfb-run >/dev/null 2>&1; then
  step "AppCDS archive (one start to the welcome screen under Xvfb)"
  "$here/linux/cds-archive.sh" "$image" "$conf/kiosk.yaml" || echo "package: no AppCDS archive (see above); the kiosk starts without it"
fi

# 5. The .deb.
step ".deb"
"$here/linux/build-deb.sh" "$image" "$conf" "$version" "$out"

step "done"
du -sh "$out/input/$name.jar" "$out/runtime" "$image" "$out"/*.deb | sed 's/^/package: /'
