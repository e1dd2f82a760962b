#!/usr/bin/env bash
# One-off generator for the demo conversation that the simulator plays into a monitored call.
# Not run by the build: the output (electron/simulator/media/clips/*.ulaw) is committed, so the app
# never needs espeak-ng or sox at run time. Re-run only to change the lines:
#   apt-get install -y espeak-ng sox && bash scripts/generate-clips.sh
# Output: raw G.711 µ-law, 8 kHz, mono (what PCMU carries), named NN-<speaker>.ulaw so that the
# file name's order is the playing order.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/electron/simulator/media/clips"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y espeak-ng sox" >&2; exit 1; }
done

customer_voice='en-us+f3'
agent_voice='en-gb+m3'

lines=(
  "customer|Hi, I was charged twice for my order this month."
  "agent|I'm sorry about that. Can I have your order number, please?"
  "customer|Sure, it's four seven one, two nine eight."
  "agent|Thanks. I can see the duplicate charge. I'll refund it now."
  "customer|Great. How long will the refund take?"
  "agent|Three to five business days. Is there anything else I can help with?"
)

rm -f "$out"/*.ulaw
mkdir -p "$out"
index=0
for line in "${lines[@]}"; do
  index=$((index + 1))
  speaker="${line%%|*}"
  text="${line#*|}"
  voice="$customer_voice"
  [ "$speaker" = agent ] && voice="$agent_voice"
  name="$(printf '%02d-%s' "$index" "$speaker")"
  espeak-ng -v "$voice" -s 165 -w "$work/$name.wav" "$text"
  # Trim leading/trailing silence, normalise to -3 dBFS, then resample to telephone µ-law.
  sox "$work/$name.wav" -r 8000 -c 1 -t ul "$out/$name.ulaw" \
    silence 1 0.02 1% reverse silence 1 0.02 1% reverse norm -3
done

du -cb "$out"/*.ulaw | tail -1
