#!/usr/bin/env bash
# The .deb from the one-folder bundle:  build-deb.sh BUNDLE ICONS OUT_DIR
#
# Installs the bundle to /opt/deliverydesk with a /usr/bin/deliverydesk link, the desktop
# entry, the AppStream metadata, the icons, a man page made from the command line's help,
# and the copyright file. The bundle leaves the system's libraries to the system (build.sh);
# `Depends` comes from dpkg-shlibdeps, so Debian installs what Qt needs (libxcb-cursor0
# and friends, missing on minimal desktops).
set -euo pipefail

bundle=$(realpath "$1")
icons=$(realpath "$2")
out=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}

app_id=$($python -c 'import sys; sys.path.insert(0, sys.argv[1]); import deliverydesk; print(deliverydesk.APP_ID)' "$root/src")
version=$($python -c 'import sys; sys.path.insert(0, sys.argv[1]); import deliverydesk; print(deliverydesk.__version__)' "$root/src")
arch=$(dpkg --print-architecture)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/deliverydesk
mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/deliverydesk"
ln -s /opt/deliverydesk/deliverydesk "$stage/usr/bin/deliverydesk"
internal=$stage/opt/deliverydesk/_internal

share=$stage/usr/share
install -Dm644 "$here/$app_id.desktop" "$share/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
mkdir -p "$share/icons"
cp -r "$icons/hicolor" "$share/icons/"
mkdir -p "$share/man/man1"
$python "$here/manpage.py" "$share/man/man1/deliverydesk.1"
gzip -9n "$share/man/man1/deliverydesk.1"
doc=$share/doc/deliverydesk
install -Dm644 "$here/copyright" "$doc/copyright"
sed "s/@VERSION@/$version/" "$here/changelog" | gzip -9n >"$doc/changelog.gz"
install -Dm644 "$here/lintian-overrides" "$share/lintian/overrides/deliverydesk"

# Modes Debian expects: no group or other write, libraries not executable.
find "$stage" -type d -exec chmod 755 {} +
find "$stage/opt" -type f -exec chmod 644 {} +
chmod 755 "$stage/opt/deliverydesk/deliverydesk"

# dpkg-shlibdeps reads debian/control; the bundle's own folders hold its private libraries.
mkdir -p "$work/debian"
printf 'Source: deliverydesk\n\nPackage: deliverydesk\nArchitecture: any\n' >"$work/debian/control"
mapfile -t elves < <(find "$stage/opt" -type f \( -name '*.so*' -o -name deliverydesk \) \
    -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
private=$(find "$internal" -type d -printf '-l%p\n')
# shellcheck disable=SC2086  # one -l option per folder
depends=$(cd "$work" && dpkg-shlibdeps -O --warnings=0 $private "${elves[@]}" |
    sed -n 's/^shlibs:Depends=//p')

installed=$(du -sk --apparent-size "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<EOF
Package: deliverydesk
Version: $version
Architecture: $arch
Maintainer: DeliveryDesk authors <deliverydesk@users.noreply.github.com>
Installed-Size: $installed
Depends: $depends
Section: misc
Priority: optional
Description: deliver what you promised to each client, offline
 DeliveryDesk keeps a solo practitioner's promises in view: each client's
 journey through an offer on a board, what is due today, and branded PDF
 progress reports, onboarding packs, checklists and intake forms. Its data is
 one SQLite file in the user's own data folder; it needs no account and no
 network.
EOF
mkdir -p "$out"
deb=$out/deliverydesk_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
