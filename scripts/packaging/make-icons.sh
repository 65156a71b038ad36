#!/usr/bin/env bash
# Regenerates the application icons in assets/ from shapes only (no fonts, no downloads).
# Needs ImageMagick 6 (`convert`) and icnsutils (`png2icns`): apt-get install imagemagick icnsutils.
# The outputs are committed; CI does not run this script.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=assets
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

S=1024
# 1. Rounded tile with a vertical navy -> teal gradient (macOS-style 824 px body on a 1024 canvas).
convert -size 824x824 gradient:'#17496E'-'#0E7C86' "$tmp/grad.png"
convert -size 824x824 xc:none -fill white -draw 'roundrectangle 0,0 823,823 186,186' "$tmp/tilemask.png"
convert "$tmp/grad.png" "$tmp/tilemask.png" -alpha off -compose CopyOpacity -composite "$tmp/tile.png"

# 2. Soft shadow under the tile.
convert -size ${S}x${S} xc:none -fill 'rgba(0,0,0,0.45)' -draw 'roundrectangle 100,116 923,939 186,186' \
  -blur 0x18 "$tmp/shadow.png"

# Contactless mark: an arc of radius $1 around (690,455) from -45 to +45 degrees, drawn as short line
# segments (ImageMagick 6 closes an open polyline or path when stroking it).
arc() {
  awk -v r="$1" 'BEGIN { for (a = -45; a < 45; a += 3) {
    t0 = a * 3.14159265 / 180; t1 = (a + 3) * 3.14159265 / 180
    printf "line %.1f,%.1f %.1f,%.1f ", 690 + r * cos(t0), 455 + r * sin(t0), 690 + r * cos(t1), 455 + r * sin(t1) } }'
}

# 3. The card (ISO/IEC 7810 ID-1 proportions 85.60 x 53.98 -> 600 x 378), white with a light edge.
cx0=212; cy0=323; cx1=$((cx0 + 600)); cy1=$((cy0 + 378))
convert -size ${S}x${S} xc:none \
  -fill 'rgba(0,0,0,0.35)' -draw "roundrectangle $cx0,$((cy0 + 14)) $cx1,$((cy1 + 14)) 44,44" -blur 0x10 \
  "$tmp/cardshadow.png"
convert -size ${S}x${S} xc:none \
  -fill '#F7FAFC' -stroke '#D5E2EA' -strokewidth 4 -draw "roundrectangle $cx0,$cy0 $cx1,$cy1 44,44" \
  -stroke none \
  -fill '#E0B84C' -draw "roundrectangle 262,413 372,497 16,16" \
  -stroke '#B8902C' -strokewidth 5 -fill none \
  -draw "line 262,441 302,441" -draw "line 332,441 372,441" \
  -draw "line 262,469 302,469" -draw "line 332,469 372,469" \
  -draw "line 317,413 317,497" -draw "roundrectangle 302,433 332,477 6,6" \
  -fill none -stroke '#17496E' -strokewidth 14 -draw "stroke-linecap round" \
  -draw "$(arc 30)" -draw "$(arc 60)" -draw "$(arc 90)" \
  -stroke none -fill '#9FB3C2' \
  -draw "roundrectangle 262,565 382,593 14,14" -draw "roundrectangle 402,565 522,593 14,14" \
  -draw "roundrectangle 542,565 662,593 14,14" \
  -fill '#C6D3DC' -draw "roundrectangle 262,625 472,649 12,12" -draw "roundrectangle 662,625 762,649 12,12" \
  "$tmp/card.png"

convert -size ${S}x${S} xc:none \
  "$tmp/shadow.png" -composite \
  "$tmp/tile.png" -geometry +100+100 -composite \
  "$tmp/cardshadow.png" -composite \
  "$tmp/card.png" -composite \
  -strip PNG32:"$out/icon.png"

# Windows: multi-size .ico (256 px stored as PNG by ImageMagick).
convert "$out/icon.png" -define icon:auto-resize=256,128,64,48,32,24,16 "$out/icon.ico"

# macOS: .icns from the sizes png2icns understands (16, 32, 48, 128, 256, 512, 1024).
for n in 16 32 48 128 256 512; do convert "$out/icon.png" -resize ${n}x${n} -strip PNG32:"$tmp/icon_$n.png"; done
cp "$out/icon.png" "$tmp/icon_1024.png"
png2icns "$out/icon.icns" "$tmp"/icon_{16,32,48,128,256,512,1024}.png >/dev/null

echo "icons written: $out/icon.png $out/icon.ico $out/icon.icns"
