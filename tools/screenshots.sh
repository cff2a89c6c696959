#!/usr/bin/env bash
# The README's screenshots: the demo data, the letter list and an open letter, in English, French and
# Russian, at 1024x700 and 1400x900, under a real X server (Xvfb) with the screenshot tool
# ($SCREENSHOT, default ../shared/tools/screenshot: runs a command, sends xdotool keys, saves a PNG).
# The first-run name question is answered in a temporary settings folder; the interface language is the
# `ui/language` setting (Preferences -> Interface language). The window is sized to the screen with
# xdotool, then the first row of the letter list is opened (click in the list, Ctrl+Home, Return).
# Usage: tools/screenshots.sh [OUT_DIR]   (default packaging/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-packaging/screenshots}
shot=${SCREENSHOT:-../shared/tools/screenshot}
app=${IPHR_DESK:-.venv/bin/iphr-desk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
IPHR_DESK_DATA_DIR="$work/data" "$app" demo >/dev/null
mkdir -p "$out"
for lang in en fr ru; do
  mkdir -p "$work/config-$lang/IPHR"
  printf '[user]\nname=Field Officer\nasked=true\n[ui]\nlanguage=%s\n' "$lang" >"$work/config-$lang/IPHR/iphr-desk.ini"
  for size in 1024x700 1400x900; do
    w=${size%x*}; h=${size#*x}
    fit="search --sync --onlyvisible --name IPHR windowmove %@ 0 0 windowsize %@ $w $h sleep 1"
    for view in main editor; do
      keys=$fit
      [ "$view" = editor ] && keys="$fit mousemove 500 300 click 1 key ctrl+Home Return sleep 2"
      XDG_CONFIG_HOME="$work/config-$lang" IPHR_DESK_DATA_DIR="$work/data" \
        "$shot" "$out/$view-$size-$lang.png" --size "$size" --wait 6 --keys "$keys" -- "$app"
      rm -f "$work/config-$lang/IPHR/iphr-desk.ini.lock"
      # The next run starts with the window as the app first sizes it, not as this one left it.
      printf '[user]\nname=Field Officer\nasked=true\n[ui]\nlanguage=%s\n' "$lang" >"$work/config-$lang/IPHR/iphr-desk.ini"
    done
  done
done
