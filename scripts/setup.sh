# Sourced by scripts/editor and scripts/test: installs the system packages Touchline needs at run
# time (Mesa's GL/EGL and Vulkan drivers, which include the software renderers used when there is
# no GPU) when they are missing, and gives wgpu a private runtime folder if there is none.

packages=(mesa-vulkan-drivers libvulkan1 libegl1 libegl-mesa0 libgl1-mesa-dri)
# The tests also read exports back with the tools people use: rsvg-convert renders SVG, poppler
# reads PDF; they open the room's page in a real browser (Chromium, driven by ChromeDriver) and
# read the join card's QR code back (zbarimg); LibreOffice Impress turns slide decks into PDF.
# `scripts/test` sets TOUCHLINE_TEST_PACKAGES so the editor alone does not pull them.
if [[ -n ${TOUCHLINE_TEST_PACKAGES:-} ]]; then
  packages+=(librsvg2-bin poppler-utils chromium chromium-driver zbar-tools libreoffice-impress)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ -z ${XDG_RUNTIME_DIR:-} || ! -d ${XDG_RUNTIME_DIR:-} ]]; then
  XDG_RUNTIME_DIR=$(mktemp -d)
  chmod 700 "$XDG_RUNTIME_DIR"
  export XDG_RUNTIME_DIR
fi
