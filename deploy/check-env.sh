#!/usr/bin/env bash
# Checks that every RISKPULSE_* environment variable the Kubernetes manifests set is one the node reads: a
# ${?RISKPULSE_...} override in a .conf file under some module's src/main/resources. A variable no .conf reads would be
# ignored silently by the node. Run from anywhere: deploy/check-env.sh (exit 0 all read, 1 some not read).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

read_by_node="$(find "$root" -path '*/src/main/resources/*' -name '*.conf' -not -path '*/target/*' -print0 \
  | xargs -0 grep -ho '\${?RISKPULSE_[A-Z0-9_]*}' | sed 's/^\${?\(.*\)}$/\1/' | sort -u)"
set_by_manifests="$(grep -ho '^ *\(- name: \)\?RISKPULSE_[A-Z0-9_]*' "$root"/deploy/kubernetes/*.yaml \
  | grep -o 'RISKPULSE_[A-Z0-9_]*' | sort -u)"

missing=0
for variable in $set_by_manifests; do
  if grep -qx "$variable" <<<"$read_by_node"; then
    echo "ok       $variable"
  else
    echo "NOT READ $variable (no \${?$variable} in any src/main/resources/*.conf)"
    missing=1
  fi
done
exit "$missing"
