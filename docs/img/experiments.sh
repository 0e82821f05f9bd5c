#!/usr/bin/env bash
# Regenerates the experiments' pictures in docs/img/: runs each `gilvm experiment` into
# target/experiments/NAME (tables in NAME.txt there), copies one SVG timeline per experiment
# to docs/img/experiment-NAME.svg (not for scale) and takes a screenshot of its interactive page with headless
# Chromium (docs/img/experiment-NAME.png).
#
#   docs/img/experiments.sh            # full runs (a few minutes)
#   QUICK=1 docs/img/experiments.sh    # --quick runs (seconds each)
#   docs/img/experiments.sh convoy     # only some experiments
set -euo pipefail
cd "$(dirname "$0")/../.."
gilvm=${GILVM:-target/release/gilvm}
[ -x "$gilvm" ] || cargo build --release
out=target/experiments
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || echo "no chromium: pictures copied, no screenshots"

# The run each experiment's picture shows.
declare -A page=(
  [thrash]=thrash-tick [convoy]=convoy-timeout [priority]=priority-fastpath-off
  [sleeper]=sleeper-timeout [scale]=scale-priority
)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(thrash convoy priority sleeper scale)
for name in "${names[@]}"; do
  rm -rf "${out:?}/$name"
  "$gilvm" experiment "$name" ${QUICK:+--quick} -o "$out/$name" | tee "$out/$name.txt"
  # The scale experiment's picture has 1,400 rows: only its screenshot is kept.
  [ "$name" = scale ] || cp "$out/$name/${page[$name]}.svg" "docs/img/experiment-$name.svg"
  if [ -n "$browser" ]; then
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --hide-scrollbars --window-size=1400,760 \
      --screenshot="docs/img/experiment-$name.png" \
      "file://$PWD/$out/$name/${page[$name]}.html" 2>/dev/null
  fi
done
