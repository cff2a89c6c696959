#!/bin/sh
# Install (or with --uninstall, remove) the IPHR Desk bundle for the current user, or system-wide with
# PREFIX=/usr/local as root. Run it from the unpacked bundle folder: ./install.sh
#   $PREFIX/lib/iphr-desk/         the bundle (copied)
#   $PREFIX/bin/iphr-desk          a symbolic link to its executable
#   $PREFIX/share/applications/    org.iphr.Desk.desktop (menu entry)
#   $PREFIX/share/metainfo/        org.iphr.Desk.metainfo.xml (software centres)
#   $PREFIX/share/icons/hicolor/   the icon in every size
# The letters and cases are not touched: they live in the data folder (~/.local/share/iphr-desk).
set -eu
PREFIX=${PREFIX:-"$HOME/.local"}
APP_ID=org.iphr.Desk
here=$(cd "$(dirname "$0")" && pwd)
icons=$(cd "$here/share/icons/hicolor" && find . -name "$APP_ID.*")

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX/lib/iphr-desk"
  rm -f "$PREFIX/bin/iphr-desk" "$PREFIX/share/applications/$APP_ID.desktop" "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
  for icon in $icons; do rm -f "$PREFIX/share/icons/hicolor/$icon"; done
  refresh
  echo "IPHR Desk removed from $PREFIX (your data folder was kept)"
  exit 0
fi

[ -x "$here/iphr-desk" ] || { echo "install.sh: run me from the unpacked iphr-desk folder" >&2; exit 1; }
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
if [ "$here" != "$PREFIX/lib/iphr-desk" ]; then
  rm -rf "$PREFIX/lib/iphr-desk"
  cp -R "$here" "$PREFIX/lib/iphr-desk"
fi
ln -sf "$PREFIX/lib/iphr-desk/iphr-desk" "$PREFIX/bin/iphr-desk"
# The menu entry names the installed executable, so it works even when $PREFIX/bin is not on PATH.
sed -e "s|^Exec=iphr-desk|Exec=\"$PREFIX/bin/iphr-desk\"|" -e "s|^TryExec=iphr-desk|TryExec=$PREFIX/bin/iphr-desk|" \
  "$here/share/applications/$APP_ID.desktop" > "$PREFIX/share/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/"
for icon in $icons; do
  mkdir -p "$PREFIX/share/icons/hicolor/$(dirname "$icon")"
  cp "$here/share/icons/hicolor/$icon" "$PREFIX/share/icons/hicolor/$icon"
done
refresh
echo "IPHR Desk installed in $PREFIX (run: $PREFIX/bin/iphr-desk)"
