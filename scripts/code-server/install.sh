#!/usr/bin/env bash
# Installs code-server (a real VS Code: server, web workbench, built-in extensions) into
# .vscode-test/code-server so the integration tests can run inside a real extension host on
# machines that cannot download VS Code itself (only the npm registry and Debian are reachable).
#
# Idempotent: when the stamp file names the same version (and Node ABI, as the native modules are
# built for it) and `code-server --version` works, it only checks the Debian packages and returns. Safe to run as root (the usual case here).
#
# Environment:
#   CODE_SERVER_DIR   install folder (default: <repo>/.vscode-test/code-server)
#   CODE_SERVER_FORCE=1   reinstall even when the stamp says it is installed
set -euo pipefail

readonly VERSION="4.100.3"
readonly DEBIAN_PACKAGES=(chromium fonts-noto-color-emoji ripgrep libkrb5-dev python3 make g++)
readonly NATIVE_MODULES=(@parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
install_dir="${CODE_SERVER_DIR:-$repo_root/.vscode-test/code-server}"
stamp="$install_dir/.installed-version"
code_server_bin="$install_dir/node_modules/.bin/code-server"
# Without this, every code-server run writes ~/.config/code-server/config.yaml.
export CODE_SERVER_CONFIG="$install_dir/config.yaml"
vscode_dir="$install_dir/node_modules/code-server/lib/vscode"

log() { printf '[code-server install] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

now_ms() { date +%s%3N; }
total_start="$(now_ms)"

# Runs "$@" quietly and prints how long it took; prints the command's output only when it fails.
step() {
  local name="$1"; shift
  local start log_file
  start="$(now_ms)"
  log_file="$(mktemp)"
  log "$name ..."
  if ! "$@" >"$log_file" 2>&1; then
    cat "$log_file" >&2
    rm -f "$log_file"
    die "$name failed"
  fi
  rm -f "$log_file"
  log "$name done in $(elapsed "$start")"
}

elapsed() {
  local ms=$(( $(now_ms) - $1 ))
  printf '%d.%03ds' $((ms / 1000)) $((ms % 1000))
}

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

install_debian_packages() {
  local missing=()
  local pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "Debian packages present: ${DEBIAN_PACKAGES[*]}"
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  step "apt-get update" as_root apt-get update
  step "apt-get install ${missing[*]}" as_root apt-get install -y --no-install-recommends "${missing[@]}"
}

stamp_text() { printf '%s node-abi-%s\n' "$VERSION" "$(node -p process.versions.modules)"; }

already_installed() {
  [[ "${CODE_SERVER_FORCE:-}" != 1 ]] || return 1
  [[ -f "$stamp" && "$(cat "$stamp")" == "$(stamp_text)" ]] || return 1
  "$code_server_bin" --version 2>/dev/null | grep "^$VERSION " >/dev/null || return 1
}

# node-gyp fetches Node's headers from the internet unless told where they are; the machine's
# Node ships them under its prefix (npm's own config may already say so, but do not rely on it).
node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [[ -f "$node_prefix/include/node/node.h" ]]; then
  export npm_config_nodedir="$node_prefix"
fi

node_gyp() {
  local bundled
  bundled="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  local args=(rebuild --jobs=max)
  [[ -n "${npm_config_nodedir:-}" ]] && args+=("--nodedir=$npm_config_nodedir")
  if [[ -f "$bundled" ]]; then node "$bundled" "${args[@]}"
  else npx --yes node-gyp "${args[@]}"
  fi
}

install_code_server() {
  rm -rf "$install_dir"
  mkdir -p "$install_dir"
  # Without its own package.json npm would walk up and install into the repository's node_modules.
  printf '{ "private": true, "description": "code-server cache for integration tests" }\n' > "$install_dir/package.json"

  # Its postinstall refuses root and then downloads ripgrep from the internet: do its steps by hand.
  step "npm install code-server@$VERSION" \
    npm install --prefix "$install_dir" --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION"
  step "npm rebuild argon2" \
    npm rebuild --prefix "$install_dir" --loglevel=error argon2
  step "npm install lib/vscode (production)" \
    npm install --prefix "$vscode_dir" --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

  local module
  for module in "${NATIVE_MODULES[@]}"; do
    step "node-gyp rebuild $module" build_native_module "$vscode_dir/node_modules/$module"
  done

  mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$vscode_dir/node_modules.asar"
  (cd "$vscode_dir/bin/remote-cli" && ln -sf code-linux.sh code-server)
  (cd "$vscode_dir/bin/helpers" && ln -sf browser-linux.sh browser.sh)

  step "npm install lib/vscode/extensions (production)" \
    npm install --prefix "$vscode_dir/extensions" --omit=dev --no-audit --no-fund --loglevel=error

  local version_line
  version_line="$("$code_server_bin" --version 2>&1 | grep "^$VERSION ")" \
    || die "code-server --version does not print $VERSION after install"
  stamp_text > "$stamp"
  log "installed: $version_line"
}

build_native_module() {
  (cd "$1" && node_gyp)
}

main() {
  command -v node >/dev/null || die "node is required (code-server $VERSION needs Node 20)"
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [[ "$node_major" == 20 ]] || log "warning: code-server $VERSION expects Node 20, found $(node --version)"

  install_debian_packages

  if already_installed; then
    log "code-server $VERSION already installed in $install_dir ($(elapsed "$total_start") in all)"
    return
  fi
  install_code_server
  log "all done in $(elapsed "$total_start")"
}

main "$@"
