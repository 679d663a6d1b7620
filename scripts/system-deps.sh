#!/usr/bin/env bash
# Install the few Debian packages Qt and the PDF checks need at run time, when they are missing.
# Prints nothing when all is there; needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1 || need+=(libegl1)
have_lib libGL.so.1 || need+=(libgl1)
have_lib libxkbcommon.so.0 || need+=(libxkbcommon0)
have_lib libfontconfig.so.1 || need+=(libfontconfig1)
have_lib libdbus-1.so.3 || need+=(libdbus-1-3)
# QtPdf (preview) and QtCharts pull these in through QtGui / QtNetwork
have_lib libX11.so.6 || need+=(libx11-6)
have_lib libglib-2.0.so.0 || need+=(libglib2.0-0)
have_lib libfreetype.so.6 || need+=(libfreetype6)
have_lib libgssapi_krb5.so.2 || need+=(libgssapi-krb5-2)
# The window on a real X display (make run) needs Qt's xcb plugin libraries.
have_lib libxcb-cursor.so.0 || need+=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 \
  libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libxcb-randr0)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# kofuri backup / restore on PostgreSQL
command -v pg_dump >/dev/null || need+=(postgresql-client)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing system packages: ${need[*]}"
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
