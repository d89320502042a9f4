#!/usr/bin/env bash
# Makes every icon file the platforms need from the SVG sources in icons/src. The results are committed, so
# building the app or an installer never needs these tools; run this again after changing an SVG.
#   needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils) — all in Debian/Ubuntu:
#   sudo apt-get install librsvg2-bin imagemagick icnsutils
# For each source NAME.svg it writes NAME-<size>.png (16 … 1024), NAME.png (256, for Linux installers),
# NAME.ico (Windows: 16–256) and NAME.icns (macOS: 16–1024), and copies the window icons into the app's
# resources (src/main/resources/org/casebook/ui/icons).
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "icons/generate.sh: $tool is missing (see the comment at the top)" >&2; exit 1; }
done
sizes=(16 24 32 48 64 128 256 512 1024)
for svg in src/*.svg; do
  name="$(basename "$svg" .svg)"
  for size in "${sizes[@]}"; do
    rsvg-convert --width "$size" --height "$size" --output "$name-$size.png" "$svg"
  done
  cp "$name-256.png" "$name.png"
  # Every size drawn from the vector, not scaled down from a large bitmap: small sizes stay crisp.
  convert "$name-16.png" "$name-24.png" "$name-32.png" "$name-48.png" "$name-64.png" "$name-256.png" "$name.ico"
  png2icns "$name.icns" "$name-16.png" "$name-32.png" "$name-48.png" "$name-128.png" "$name-256.png" \
    "$name-512.png" "$name-1024.png" >/dev/null
done
# The window icon (the app's title bar, taskbar and window switcher) is read from the jar.
res=../src/main/resources/org/casebook/ui/icons
mkdir -p "$res"
for name in casebook discreet; do
  for size in 16 32 48 64 128 256; do cp "$name-$size.png" "$res/"; done
done
echo "icons written to $(pwd) and $res"
