#!/usr/bin/env bash
# The Linux bundle, its .tar.xz and the .deb (make package runs this, then check.sh):
#   packaging/linux/build.sh [OUT]      OUT defaults to build/package
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build/package}
python=${PYTHON:-$root/.venv/bin/python}

# Debian's tools for the .deb and its checks, and the libraries dpkg-shlibdeps must see to
# name the packages the bundle's Qt needs (the bundle leaves them to the system).
if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    # A stale package list (a developer's machine) is refreshed once, then tried again.
    install() { $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
    packages=(
        binutils dpkg-dev fakeroot xz-utils lintian desktop-file-utils appstream xvfb xauth nsis
        osslsigncode openssl patchelf
        libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon-x11-0
        libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
        libxcb-xkb1 libxcb-shape0 libxcb-randr0 libegl1 libgl1 libfontconfig1 libdbus-1-3
        libcups2 libgssapi-krb5-2
    )
    install "${packages[@]}" || { $sudo apt-get update -qq && install "${packages[@]}"; }
fi
# PyInstaller is a packaging tool, not something the app runs on.
"$python" -m pip install --quiet -r "$here/../requirements.txt"

rm -rf "$out" && mkdir -p "$out"
"$python" "$here/../icons/render.py" "$out/icons"
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$out/dist" \
    --workpath "$out/work" "$here/../deliverydesk.spec"
bundle=$out/dist/deliverydesk

# A library PyInstaller copied from this machine's system folders (X11, xcb, GLib, D-Bus,
# fontconfig, SQLite, ...; the same name is in /usr/lib) is left to the system: the .deb
# declares it, a desktop has it. The wheels' own copies (Qt, Pillow's, libpython) stay.
# This keeps the bundle within its size (20 MB less; the .tar.xz under 50 MB).
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
for library in "$bundle"/_internal/*.so*; do
    name=$(basename "$library")
    if [ ! -L "$library" ] && { [ -e "/usr/lib/$multiarch/$name" ] || [ -e "/lib/$multiarch/$name" ]; }; then
        rm -f "$library"
    fi
done

# Python's own modules carry the build machine's library folder as RUNPATH (pyenv's, here);
# the bundle finds its libraries by its own layout ($ORIGIN, which the wheels use) instead.
find "$bundle" -type f -name '*.so*' -print0 | while IFS= read -r -d '' library; do
    runpath=$(patchelf --print-rpath "$library" 2>/dev/null || true)
    if [ -n "$runpath" ] && [[ $runpath != *'$ORIGIN'* ]]; then
        patchelf --remove-rpath "$library"
    fi
done

version=$("$python" -c 'import sys; sys.path.insert(0, sys.argv[1]); import deliverydesk; print(deliverydesk.__version__)' "$root/src")
XZ_OPT="-6 -T0" tar --sort=name --owner=0 --group=0 --numeric-owner -C "$out/dist" \
    -cJf "$out/deliverydesk-$version-linux-$(uname -m).tar.xz" deliverydesk
PYTHON=$python bash "$here/build-deb.sh" "$bundle" "$out/icons" "$out"
