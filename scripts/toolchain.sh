# shellcheck shell=bash
# Installs the tools Tutela builds and tests with, each only when it is
# missing or of the wrong version. Sourced by the other scripts.

set -euo pipefail

TUTELA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Versions are pinned: wasm-bindgen-cli must equal the wasm-bindgen crate in
# Cargo.lock; cargo-leptos is optional (scripts/install-cargo-leptos, for watch).
WASM_BINDGEN_VERSION="0.2.130"
CARGO_LEPTOS_VERSION="0.3.11"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!!\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# Some published lock files pin crates the registry no longer serves or that
# need a newer compiler; install from a copy of the source with those entries
# lowered. Arguments: crate, version, then "package=version" lock fixes.
cargo_install_patched() {
  local crate="$1" version="$2"; shift 2
  local work
  work="$(mktemp -d)"
  say "installing $crate $version (a one-time build of several minutes)"
  (
    cd "$work"
    # `cargo info` leaves the crate's published source in the registry cache.
    cargo info --quiet "$crate@$version" >/dev/null
    local src
    src="$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -maxdepth 2 -type d -name "$crate-$version" | head -n 1)"
    [ -n "$src" ] || { warn "could not find the source of $crate $version in the cargo registry"; exit 1; }
    cp -r "$src" "$work/src-copy"
    cd "$work/src-copy"
    # The machine's toolchain is the only one there is.
    rm -f rust-toolchain.toml rust-toolchain
    for fix in "$@"; do
      cargo update --quiet -p "${fix%%=*}" --precise "${fix#*=}"
    done
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --quiet --locked --path . ${CARGO_INSTALL_FEATURES:-}
  )
  rm -rf "$work"
}

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    cargo_install_patched wasm-bindgen-cli "$WASM_BINDGEN_VERSION" webpki-roots=1.0.10
  fi
}

ensure_cargo_leptos() {
  if [ "$(cargo leptos --version 2>/dev/null)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
    CARGO_INSTALL_FEATURES="--features no_downloads" \
      cargo_install_patched cargo-leptos "$CARGO_LEPTOS_VERSION" cargo-util-schemas=0.14.1
  fi
}

# Installs the npm packages of `dir` when its lock file changed since the
# last install (npm records the tree it made in node_modules/.package-lock.json).
ensure_node_packages() {
  local dir="$1"
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in ${dir#"$TUTELA_ROOT"/}"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Titillium Web is served from our own origin: copy the font files the
# stylesheet names out of @fontsource into the static assets.
ensure_fonts() {
  local from="$TUTELA_ROOT/style/node_modules/@fontsource/titillium-web/files"
  mkdir -p "$TUTELA_ROOT/style/public/fonts"
  for font in titillium-web-latin-{300,400,600,700}-normal.woff2 titillium-web-latin-400-italic.woff2; do
    cp -u "$from/$font" "$TUTELA_ROOT/style/public/fonts/"
  done
}

# Everything a build needs: the fast linker, the WASM target and bindgen,
# Sass and wasm-opt from npm (on PATH for cargo-leptos too), the fonts.
ensure_build_tools() {
  apt_install mold
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_node_packages "$TUTELA_ROOT/style"
  export PATH="$TUTELA_ROOT/style/node_modules/.bin:$PATH"
  ensure_fonts
}

# PostgreSQL for the tests: the URL in TUTELA_TEST_POSTGRES_URL, or the
# local server. If nothing answers and packages can be installed, Debian's
# PostgreSQL is installed and started. Prints the URL to use, or nothing.
postgres_reachable() {
  local url="$1" hostport host port
  hostport="${url#*://}"; hostport="${hostport#*@}"; hostport="${hostport%%/*}"
  host="${hostport%%:*}"; port="${hostport##*:}"
  [ "$port" = "$hostport" ] && port=5432
  timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

ensure_postgres() {
  local url="${TUTELA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  if postgres_reachable "$url"; then
    echo "$url"
    return 0
  fi
  if [ -n "${TUTELA_TEST_POSTGRES_URL:-}" ] || ! command -v apt-get >/dev/null; then
    return 0
  fi
  warn "PostgreSQL does not answer at 127.0.0.1:5432: installing Debian's postgresql and starting it"
  apt_install postgresql >&2
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$version" ] || return 0
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  # The tests connect over TCP with a password; give the postgres role one.
  as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2 || true
  url="postgres://postgres:postgres@127.0.0.1:5432/postgres"
  if postgres_reachable "$url"; then
    echo "$url"
  fi
}
