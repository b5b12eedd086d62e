#!/usr/bin/env bash
# Assembles the .deb from the app-image and the installed configuration:
#   /opt/kenpo-kiosk/            the app-image (launcher, jar, runtime)
#   /usr/bin/kenpo-kiosk         the administrator's command line (selftest, queue, repair, …)
#   /etc/kenpo-kiosk/            the configuration (conffiles: kept on upgrade and removal)
#   /var/lib/kenpo-kiosk/        made by postinst: data, logs (0700, user kenpo-kiosk)
#   /lib/systemd/system/         kenpo-kiosk.service and kenpo-kiosk-crash-loop.service
#   /usr/lib/kenpo-kiosk/        the session scripts
#   build-deb.sh <app-image> <etc-dir> <version> <out-dir>
set -euo pipefail
image=$(realpath "$1"); etc=$(realpath "$2"); version=$3; out=$(realpath "$4")
here=$(cd "$(dirname "$0")" && pwd)
name=kenpo-kiosk
root="$out/deb/${name}_${version}_amd64"
rm -rf "$root"; mkdir -p "$root/DEBIAN" "$root/opt" "$root/etc" "$root/usr/bin" "$root/usr/lib/$name" \
  "$root/lib/systemd/system" "$root/usr/share/doc/$name"
cp -a "$image" "$root/opt/$name"
# The AppCDS archive is bound to the jar's path: postinst makes it in /opt (cds-dump).
rm -f "$root/opt/$name/lib/app/$name.jsa" "$root/opt/$name/lib/app/cds-dump.log"
cp -a "$etc" "$root/etc/$name"
ln -s "/opt/$name/bin/$name" "$root/usr/bin/$name"
install -m 0755 "$here/session" "$here/crash-loop" "$here/cds-dump" "$root/usr/lib/$name/"
install -m 0644 "$here/$name.service" "$here/$name-crash-loop.service" "$root/lib/systemd/system/"
install -m 0644 "$here/README.md" "$root/usr/share/doc/$name/README.md"
for f in postinst prerm postrm; do install -m 0755 "$here/debian/$f" "$root/DEBIAN/$f"; done
(cd "$root" && find etc -type f | sed 's#^#/#' | sort) >"$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/debian/control" >"$root/DEBIAN/control"
# gzip: the jar and the runtime are compressed already; xz would save 5 % for minutes of building.
fakeroot dpkg-deb --build -Zgzip "$root" "$out/${name}_${version}_amd64.deb" >/dev/null
echo "deb: $out/${name}_${version}_amd64.deb"
