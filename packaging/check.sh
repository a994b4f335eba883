#!/usr/bin/env bash
# Checks what `make package` built (packaging/README.md says what each check proves):
#   packaging/check.sh [DIST]        DIST defaults to build/package
# The bundle is checked as a person receives it: unpacked from the .tar.xz, and as the
# .deb installs it. Figures go to DIST/figures.txt (sizes, start times, paired).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
dist=$(realpath "${1:-$root/build/package}")
python=${PYTHON:-$root/.venv/bin/python}
runs=${DD_CHECK_RUNS:-7}
day=2026-11-02
export SOURCE_DATE_EPOCH=1700000000 # PDFs carry real dates; this makes them comparable
# shellcheck disable=SC2012  # one file each, names without spaces
tarball=$(ls "$dist"/deliverydesk-*-linux-*.tar.xz)
# shellcheck disable=SC2012
deb=$(ls "$dist"/deliverydesk_*.deb)
app_id=$($python -c 'import sys; sys.path.insert(0, sys.argv[1]); import deliverydesk; print(deliverydesk.APP_ID)' "$root/src")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
figures=$dist/figures.txt
: >"$figures"
step() { printf '\n== %s\n' "$*"; }
fail() {
    echo "FAILED: $*" >&2
    exit 1
}
figure() { echo "$*" | tee -a "$figures"; }

step "the .tar.xz unpacks to a working bundle"
tar -xJf "$tarball" -C "$work"
bundle=$work/deliverydesk
app=$bundle/deliverydesk
"$app" --version | tee "$work/version.txt"
grep -q "^DeliveryDesk $($python -c 'import sys; sys.path.insert(0, sys.argv[1]); import deliverydesk; print(deliverydesk.__version__)' "$root/src")$" "$work/version.txt" || fail "--version"
grep -q "^Commit: [0-9a-f]\{7,\}$" "$work/version.txt" || fail "--version names no commit"

step "selftest, frozen: demo practice, every PDF, the window offscreen"
"$app" selftest

step "a batch export's PDFs equal the wheel's"
"$python" -m pip wheel --quiet --no-deps -w "$work/wheel" "$root" >/dev/null
"$python" -m venv --without-pip "$work/venv"
"$python" -m pip --python "$work/venv/bin/python" install --quiet --no-deps "$work"/wheel/*.whl
# The wheel's dependencies are this environment's (a path line adds them without running
# its .pth files, so the editable install of the sources stays out of sight).
site=$("$python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
"$work/venv/bin/python" -c 'import sysconfig, sys; open(sysconfig.get_path("purelib") + "/deps.pth", "w").write(sys.argv[1] + "\n")' "$site"
# One practice at one path for both: its records carry the moment they were made, and
# reportlab names the logo inside a PDF after the file's path.
"$app" demo --data-dir "$work/practice" --today $day >/dev/null
cp -a "$work/practice" "$work/frozen"
"$app" export progress --all --workers 2 --data-dir "$work/practice" --today $day --out-dir "$work/frozen-pdf"
rm -rf "$work/practice" && cp -a "$work/frozen" "$work/practice"
"$work/venv/bin/deliverydesk" export progress --all --workers 2 --data-dir "$work/practice" --today $day --out-dir "$work/wheel-pdf"
made=$(find "$work/frozen-pdf" -name '*.pdf' | wc -l)
[ "$made" -gt 0 ] || fail "the frozen batch wrote no PDF"
diff -r "$work/frozen-pdf" "$work/wheel-pdf" || fail "the frozen PDFs differ from the wheel's"
echo "$made PDFs, byte for byte the same"

step "calendars, frozen: the demo's sessions export timed in their zone, from tzdata alone, and read back"
# PYTHONTZPATH names no zone database, so zoneinfo finds Europe/Berlin only in the bundled
# tzdata, as on Windows, which has none of its own (else it would fall back to UTC).
rm -rf "$work/ics" && cp -a "$work/frozen" "$work/ics"
calendar() { TZ=Europe/Berlin PYTHONTZPATH=/nonexistent "$app" "$@" --data-dir "$work/ics" --today $day; }
calendar export-ics "$work/demo.ics"
grep -q "^BEGIN:VTIMEZONE" "$work/demo.ics" || fail "the calendar has no VTIMEZONE"
timed=$(grep -c "^DTSTART;TZID=Europe/Berlin:" "$work/demo.ics" || true)
[ "$timed" -gt 0 ] || fail "no session was exported with its time in Europe/Berlin"
calendar import-ics "$work/demo.ics" --dry-run >"$work/ics.txt"
grep -q "^[1-9][0-9]* session(s) from demo.ics:" "$work/ics.txt" ||
    fail "the export did not read back: $(head -1 "$work/ics.txt")"
echo "$timed timed sessions written in Europe/Berlin; read back: $(head -1 "$work/ics.txt")"

step "the window starts (Xvfb), its class matches the desktop entry; start times, paired"
wm_class=$(sed -n 's/^StartupWMClass=//p' "$here/linux/$app_id.desktop")
venv_app=$root/.venv/bin/deliverydesk
: >"$work/starts"
for _ in $(seq "$runs"); do
    for who in venv frozen; do
        rm -rf "$work/start" && cp -a "$work/frozen" "$work/start"
        program=$app && [ $who = venv ] && program=$venv_app
        shown=$(xvfb-run -a -s "-screen 0 1600x1000x24" python3 "$here/linux/first_window.py" \
            -- "$program" --data-dir "$work/start" --today $day)
        echo "$who $shown" >>"$work/starts"
        echo "$shown" | grep -q "\"$wm_class\"\]" || fail "window class $shown, not $wm_class"
    done
done
"$python" - "$work/starts" <<'EOF' | tee -a "$figures"
import json, statistics, sys
rows = [line.split(" ", 1) for line in open(sys.argv[1], encoding="utf-8")]
venv = [json.loads(r[1])["seconds"] for r in rows if r[0] == "venv"]
frozen = [json.loads(r[1])["seconds"] for r in rows if r[0] == "frozen"]
ratios = [f / v for f, v in zip(frozen, venv)]
print(f"start to first window: frozen {statistics.median(frozen) * 1000:.0f} ms, venv "
      f"{statistics.median(venv) * 1000:.0f} ms, median paired ratio "
      f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}, {len(ratios)})")
EOF

step "CLI --version, frozen against the venv, paired"
"$python" - "$app" "$venv_app" "$runs" <<'EOF' | tee -a "$figures"
import statistics, subprocess, sys, time
frozen, venv, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 3
def timed(program):
    start = time.perf_counter()
    subprocess.run([program, "--version"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start
pairs = [(timed(frozen), timed(venv)) for _ in range(runs)]
ratios = [f / v for f, v in pairs]
print(f"CLI --version: frozen {statistics.median(p[0] for p in pairs) * 1000:.0f} ms, venv "
      f"{statistics.median(p[1] for p in pairs) * 1000:.0f} ms, median paired ratio "
      f"{statistics.median(ratios):.2f}x ({len(ratios)})")
EOF

step "desktop entry and AppStream metadata"
desktop-file-validate "$here/linux/$app_id.desktop"
appstreamcli validate --no-net "$here/linux/$app_id.metainfo.xml"

step "the .deb: contents, lintian, dependencies, and the installed copy runs"
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Installed-Size\):/\1:/p'
lintian --fail-on error "$deb"
dpkg-deb -x "$deb" "$work/root"
for path in usr/bin/deliverydesk opt/deliverydesk/deliverydesk \
    "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
    "usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    usr/share/man/man1/deliverydesk.1.gz usr/share/doc/deliverydesk/copyright; do
    [ -e "$work/root/$path" ] || [ -L "$work/root/$path" ] || fail "the .deb lacks $path"
done
[ "$(readlink "$work/root/usr/bin/deliverydesk")" = /opt/deliverydesk/deliverydesk ] || fail "/usr/bin link"
apt-get install --simulate --no-install-recommends "$deb" >/dev/null || fail "its Depends cannot be met"
"$work/root/opt/deliverydesk/deliverydesk" selftest

step "the Windows installer compiles (NSIS, this bundle standing in) and its signature verifies"
version=$("$python" -c 'import sys; sys.path.insert(0, sys.argv[1]); import deliverydesk; print(deliverydesk.__version__)' "$root/src")
(cd "$here/windows" && makensis -V2 -X"SetCompressor /FINAL zlib" -DVERSION="$version" \
    -DBUNDLE="$bundle" -DICON="$dist/icons/deliverydesk.ico" -DOUT="$work/DeliveryDesk-setup.exe" \
    installer.nsi)
# The signing steps of windows/build.ps1, with a throwaway certificate: Authenticode over
# SHA-256, verified as a Windows machine would (osslsigncode is signtool's Linux twin).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=DeliveryDesk check" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
osslsigncode sign -certs "$work/cert.pem" -key "$work/key.pem" -h sha256 -n DeliveryDesk \
    -in "$work/DeliveryDesk-setup.exe" -out "$work/signed-setup.exe" >/dev/null
osslsigncode verify -in "$work/signed-setup.exe" -CAfile "$work/cert.pem" >/dev/null ||
    fail "the signed installer does not verify"
echo "installer compiled, signed and verified"

step "sizes"
installed=$(du -sk --apparent-size "$bundle" | cut -f1)
deb_installed=$(dpkg-deb -f "$deb" Installed-Size)
figure "bundle installed (tar.xz): $((installed / 1024)) MB; .deb installed: $((deb_installed / 1024)) MB"
figure ".tar.xz: $(($(stat -c %s "$tarball") / 1048576)) MB; .deb: $(($(stat -c %s "$deb") / 1048576)) MB"
[ "$installed" -le $((150 * 1024)) ] || fail "the bundle is over 150 MB"
[ "$(stat -c %s "$tarball")" -le $((50 * 1048576)) ] || fail "the .tar.xz is over 50 MB"
[ "$(stat -c %s "$deb")" -le $((50 * 1048576)) ] || fail "the .deb is over 50 MB"

echo
echo "All packaging checks passed. Figures in $figures:"
cat "$figures"
