#!/usr/bin/env bash
# Installs what `make bench` runs besides Python: wrk, nginx, Varnish and Redis from Debian,
# as root (otherwise prints the command). The packages' own services are not started: the
# benchmark runs its own copies on spare ports and stops them.
set -euo pipefail

missing=()
for pair in wrk:wrk nginx:nginx varnishd:varnish redis-server:redis-server taskset:util-linux; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "make bench needs: ${missing[*]}. Install them with:"
    echo "    sudo apt-get install -y ${missing[*]}"
    exit 1
fi

echo "Installing ${missing[*]} for the benchmark…"
# Debian starts a package's service on install unless policy-rc.d says no (exit 101).
policy=/usr/sbin/policy-rc.d
own_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
fi
trap '[ -n "$own_policy" ] && rm -f "$policy"' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
