#!/usr/bin/env bash
# DeliveryDesk for macOS, on a Mac with Python 3.12+ and Xcode's command line tools:
#   IDENTITY="Developer ID Application: ..." NOTARY_PROFILE=deliverydesk packaging/macos/build.sh
# Makes dist/DeliveryDesk.app (bundle id io.github.deliverydesk.DeliveryDesk), signs it with
# the hardened runtime, notarises it with notarytool (altool is retired), staples the
# ticket, and wraps it in build/package/DeliveryDesk-<version>.dmg. Without IDENTITY the
# app is signed ad hoc and not notarised (for a local try only).
# NOTARY_PROFILE is made once with: xcrun notarytool store-credentials deliverydesk ...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

python3 -m venv .venv-package
python=.venv-package/bin/python
$python -m pip install --quiet . -r packaging/requirements.txt
version=$($python -c 'import deliverydesk; print(deliverydesk.__version__)')
export DELIVERYDESK_ICONS=$root/build/package/icons
$python packaging/icons/render.py "$DELIVERYDESK_ICONS"
$python -m PyInstaller --noconfirm --distpath dist --workpath build/package/work packaging/deliverydesk.spec
app=dist/DeliveryDesk.app

"$app/Contents/MacOS/deliverydesk" --version
"$app/Contents/MacOS/deliverydesk" selftest

identity=${IDENTITY:--}
codesign --force --deep --options runtime --timestamp \
    --entitlements "$here/entitlements.plist" --sign "$identity" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

dmg=build/package/DeliveryDesk-$version.dmg
mkdir -p build/package
rm -f "$dmg"
hdiutil create -volname DeliveryDesk -srcfolder "$app" -ov -format UDZO "$dmg"
if [ "$identity" != - ]; then
    codesign --sign "$identity" --timestamp "$dmg"
    xcrun notarytool submit "$dmg" --keychain-profile "${NOTARY_PROFILE:?}" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
echo "$dmg"
