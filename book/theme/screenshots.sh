#!/usr/bin/env bash
# Screenshots of the rendered book for a human to look at: the index and every
# lesson page, at desktop (1280 px) and phone (390 px) widths, light and dark.
#
#   book/theme/screenshots.sh OUT_DIR [BOOK_DIR]
#
# BOOK_DIR is a rendered book (default: .build/book, as `swift run workbook build`
# writes it). Needs headless Chromium: `apt-get install -y chromium`.
# Dark mode: Chromium's --force-dark-mode makes pages see
# `prefers-color-scheme: dark` (verified with Chromium 13x headless; the
# equivalent --blink-settings=preferredColorScheme=0 gives identical pixels).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 OUT_DIR [BOOK_DIR]" >&2
  exit 64
fi
out=$1
book=${2:-.build/book}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "error: no Chromium found; install it with: apt-get install -y chromium" >&2
  exit 69
fi
if [ ! -f "$book/index.html" ]; then
  echo "error: $book/index.html not found; render the book first (swift run workbook build)" >&2
  exit 66
fi
mkdir -p "$out"
book=$(cd "$book" && pwd)

shoot() { # page, width, height, scheme
  local page=$1 width=$2 height=$3 scheme=$4 flags=()
  [ "$scheme" = dark ] && flags+=(--force-dark-mode)
  local name="${page%.html}-${width}-${scheme}.png"
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    "${flags[@]}" --window-size="$width,$height" \
    --screenshot="$out/$name" "file://$book/$page" >/dev/null 2>&1 \
    || echo "warning: could not capture $page at $width px ($scheme)" >&2
  echo "$out/$name"
}

for path in "$book"/index.html "$book"/[0-9][0-9]-*.html; do
  page=$(basename "$path")
  for scheme in light dark; do
    shoot "$page" 1280 900 "$scheme"
    shoot "$page" 390 844 "$scheme"
  done
done
