# Sourced by the other scripts: repository root, PATH, messages, privileged installs.
set -euo pipefail

CALOR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$CALOR_ROOT"
export PATH="$CALOR_ROOT/node_modules/.bin:$HOME/.bun/bin:$PATH"
if command -v npm >/dev/null 2>&1; then
  # `npm install -g` puts bun here; a fresh shell may not have it on PATH yet.
  PATH="$PATH:$(npm prefix -g 2>/dev/null)/bin"
fi

say() { printf '\033[1;36m[calor]\033[0m %s\n' "$*" >&2; }
fail() {
  printf '\033[1;31m[calor]\033[0m %s\n' "$*" >&2
  exit 1
}

# Loads .env (when present) so every process started from these scripts sees the same settings.
load_env() {
  if [[ -f "$CALOR_ROOT/.env" ]]; then
    set -a
    # shellcheck disable=SC1091
    source "$CALOR_ROOT/.env"
    set +a
  fi
}

# Serialises a command with others on this machine (several checkouts share one CPU and cache).
locked() {
  local lock="$1"
  shift
  if command -v flock >/dev/null 2>&1; then flock "$lock" "$@"; else "$@"; fi
}

# Runs a command as root: directly, through passwordless sudo, or not at all (returns 1).
as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

APT_UPDATED=0
# apt_install <command-to-check> <debian-package>...: installs the packages when the command is missing.
apt_install() {
  local cmd="$1"
  shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "$cmd is missing and this is not a Debian/Ubuntu machine: install ${*} yourself, then run this again"
  fi
  say "installing $* (apt-get)"
  if [[ "$APT_UPDATED" == 0 ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
      fail "$cmd is missing and apt-get needs root: run 'sudo apt-get update && sudo apt-get install -y $*', then run this again"
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    fail "could not install $*: run 'sudo apt-get install -y $*', then run this again"
}
