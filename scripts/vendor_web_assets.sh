#!/usr/bin/env bash
# Re-fetch the vendored web assets from the npm registry (run once when upgrading; the files are committed).
# Leaflet 1.9.3 is the version folium 0.20 was built against.
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/resources/web"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent leaflet@1.9.3 >/dev/null && tar xzf leaflet-1.9.3.tgz)
mkdir -p "$dest/leaflet"
cp "$tmp/package/dist/leaflet.js" "$tmp/package/dist/leaflet.css" "$tmp/package/LICENSE" "$dest/leaflet/"
cp -r "$tmp/package/dist/images" "$dest/leaflet/"
echo "vendored Leaflet 1.9.3 into $dest/leaflet"
