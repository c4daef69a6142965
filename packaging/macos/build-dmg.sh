#!/usr/bin/env bash
# Signs, notarizes and wraps dist/VoiceRecorder.app (built by packaging/voicerecorder.spec)
# into dist/VoiceRecorder-<version>-macos-<arch>.dmg.  Run on macOS from the repository root.
#
# Signing and notarization come from these variables (CI secrets); when they are missing
# the app and the disk image are built unsigned and a ::warning:: says so:
#   MACOS_CERTIFICATE_P12_BASE64   the "Developer ID Application" certificate + key, base64
#   MACOS_CERTIFICATE_PASSWORD     its password
#   MACOS_SIGNING_IDENTITY         e.g. "Developer ID Application: Example Ltd (ABCDE12345)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool (an app-specific password)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app="$repo/dist/VoiceRecorder.app"
entitlements="$repo/packaging/macos/entitlements.plist"
[[ -d "$app" ]] || { echo "No $app: build it first with pyinstaller packaging/voicerecorder.spec" >&2; exit 1; }

version=$(/usr/libexec/PlistBuddy -c "Print CFBundleShortVersionString" "$app/Contents/Info.plist")
dmg="$repo/dist/VoiceRecorder-$version-macos-$(uname -m).dmg"
work=$(mktemp -d)
keychain=""
cleanup() {
  if [[ -n "$keychain" ]]; then security delete-keychain "$keychain" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

import_certificate() {
  keychain="$work/signing.keychain-db"
  local password
  password=$(uuidgen)
  echo "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode > "$work/certificate.p12"
  security create-keychain -p "$password" "$keychain"
  security set-keychain-settings -lut 3600 "$keychain"
  security unlock-keychain -p "$password" "$keychain"
  security import "$work/certificate.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
  security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain" >/dev/null
  # The search list is one keychain path a line, none with spaces: split it into words.
  # shellcheck disable=SC2046
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
}

sign() {
  codesign --force --timestamp --options runtime --entitlements "$entitlements" \
    --sign "$MACOS_SIGNING_IDENTITY" "$@"
}

sign_app() {
  # Inside out: every library and framework first, the app (with its entitlements) last.
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
  done < <(find "$app/Contents/Frameworks" "$app/Contents/Resources" -type f -print0)
  while IFS= read -r -d '' framework; do
    sign "$framework"
  done < <(find "$app/Contents" -type d -name "*.framework" -print0)
  sign "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  codesign -d --entitlements - "$app" 2>/dev/null | grep -q "com.apple.security.device.audio-input" \
    || { echo "The signed app lacks the audio-input entitlement: it would record silence." >&2; exit 1; }
}

notarize() {
  xcrun notarytool submit "$1" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$2"
}

make_dmg() {
  mkdir -p "$work/dmg"
  cp -R "$app" "$work/dmg/"
  ln -s /Applications "$work/dmg/Applications"
  rm -f "$dmg"
  # hdiutil fails now and then on CI machines ("Resource busy"); try a few times.
  for attempt in 1 2 3 4 5; do
    if hdiutil create -volname VoiceRecorder -srcfolder "$work/dmg" -ov -format UDZO "$dmg"; then
      return 0
    fi
    echo "hdiutil create failed (attempt $attempt); retrying" >&2
    sleep $((attempt * 5))
  done
  echo "hdiutil create failed 5 times" >&2
  exit 1
}

signing=yes
for variable in MACOS_CERTIFICATE_P12_BASE64 MACOS_CERTIFICATE_PASSWORD MACOS_SIGNING_IDENTITY; do
  [[ -n "${!variable:-}" ]] || signing=""
done
notarizing=$signing
for variable in APPLE_ID APPLE_TEAM_ID APPLE_APP_PASSWORD; do
  [[ -n "${!variable:-}" ]] || notarizing=""
done

if [[ -n "$signing" ]]; then
  import_certificate
  sign_app
else
  echo "::warning::macOS signing secrets are not set: VoiceRecorder.app and the .dmg are unsigned, and Gatekeeper will block them on other Macs."
fi
if [[ -n "$notarizing" ]]; then
  ditto -c -k --keepParent "$app" "$work/VoiceRecorder.zip"
  notarize "$work/VoiceRecorder.zip" "$app"
elif [[ -n "$signing" ]]; then
  echo "::warning::Apple notarization secrets are not set: the signed app is not notarized."
fi

make_dmg
if [[ -n "$signing" ]]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
fi
if [[ -n "$notarizing" ]]; then
  notarize "$dmg" "$dmg"
fi
echo "Built $dmg"
