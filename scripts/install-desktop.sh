#!/usr/bin/env bash
# Puts a built bundle on the Linux desktop menu for this user: the folder under ~/.local/opt, `kofuri` on PATH
# (~/.local/bin), the .desktop entry and the icon in their XDG places.
#   bash scripts/install-desktop.sh [dist/kofuri-desk-<version>]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bundle="${1:-$(ls -d "$root"/dist/kofuri-desk-* | tail -1)}"
test -x "$bundle/kofuri" || { echo "install-desktop: no bundle at $bundle (make bundle first)" >&2; exit 1; }
data="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/$(basename "$bundle")"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/48x48/apps"
rm -rf "$target"
cp -a "$bundle" "$target"
ln -sf "$target/kofuri" "$HOME/.local/bin/kofuri"
cp "$root/resources/icons/kofuri-256.png" "$data/icons/hicolor/256x256/apps/kofuri-desk.png"
cp "$root/resources/icons/kofuri-48.png" "$data/icons/hicolor/48x48/apps/kofuri-desk.png"
sed "s#^Exec=kofuri#Exec=$target/kofuri#" "$root/resources/kofuri-desk.desktop" > "$data/applications/kofuri-desk.desktop"
echo "installed $target; menu entry $data/applications/kofuri-desk.desktop"
