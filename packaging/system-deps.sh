#!/usr/bin/env bash
# Install the system libraries that Qt, the read-back tests and the screenshots need (Debian/Ubuntu).
# Usage: packaging/system-deps.sh run|test
#   run:  what the Qt window needs (xcb, EGL, fontconfig, fonts)
#   test: the above plus LibreOffice Writer, Pandoc, Poppler, Xvfb, and the desktop-file validators
# As root it installs what is missing with apt-get; otherwise it prints the exact command and goes on.
set -euo pipefail
what=${1:-run}
run_pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libfontconfig1
  libdbus-1-3 libglib2.0-0 fonts-dejavu fonts-liberation2)
test_pkgs=(libreoffice-writer python3-uno softhsm2 pandoc poppler-utils xvfb xdotool desktop-file-utils appstream strace)
pkgs=("${run_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian-like system; install Qt's xcb libraries, LibreOffice Writer and Pandoc with your package manager" >&2; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing system packages; run as root:" >&2
  echo "  sudo sh -c '$cmd'" >&2
fi
