#!/usr/bin/env bash
# Footprint of the device role as a Raspberry Pi runs it (docs/performance.md, "Device footprint"):
# the launcher's own JVM settings for the device, a capture replayed at the meter's pace (1 Hz), the
# embedded node on this machine (not measured) at MWM 9. Reports the time from start to the first DATA
# message confirmed, the device's RSS after WARMUP seconds, and its CPU use over the next WINDOW seconds;
# then the node's data directory per telegram published, while it runs and after it stopped (issue 14's
# "node disk per household-day": bytes on disk / telegrams x 86,400).
#   dist/bench-device.sh [CAPTURE] [WARMUP=60] [WINDOW=60]
# PACE (ms between telegrams, default 1000) replays faster, e.g. PACE=100 for ten times the telegrams in
# the same time (the disk figure then needs less waiting; RSS and CPU are no longer those of 1 Hz).
# JAVA_OPTS passes through to the device (e.g. JAVA_OPTS=-Xmx96m dist/bench-device.sh).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
capture="${1:-$home/../shared/corpus/dsmr/streams/basjes-ttyusb0-raw.crlf.txt}"
warmup="${2:-60}"
pace="${PACE:-1000}"
window="${3:-60}"
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
node_port=$(free_port); node_mgmt=$(free_port); device_mgmt=$(free_port)
pids=()
stop() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT

JAVA_OPTS= "$home/p1-iota" node --data "$work/node" --port "$node_port" --mwm 9 --camel.management.port "$node_mgmt" \
    >"$work/node.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$node_mgmt/observe/health" >/dev/null 2>&1 && break; sleep 1; done

start_ns=$(date +%s%N)
"$home/p1-iota" device --data "$work/device" --node "http://127.0.0.1:$node_port" --mwm 9 \
    --p1 "file:$capture?pace=$pace&repeat=true" --camel.management.port "$device_mgmt" >"$work/device.log" 2>&1 &
device=$!
pids+=("$device")
metric() { curl -sf "http://127.0.0.1:$device_mgmt/observe/metrics" 2>/dev/null | awk -v m="$1" '$1 == m {print $2}'; }
first=
for _ in $(seq 1200); do
    kill -0 "$device" 2>/dev/null || { echo "the device stopped:"; tail -20 "$work/device.log"; exit 1; }
    published=$(metric p1iota_data_messages_published_total || true)
    if [ -n "$published" ] && [ "${published%.*}" -gt 0 ]; then first=$(( ($(date +%s%N) - start_ns) / 1000000 )); break; fi
    sleep 0.1
done
# the node's files at the first message: an H2 database has a size before it holds anything
base_bytes=$(du -sb "$work/node" | cut -f1); base_published=$(metric p1iota_data_telegrams_published_total || echo 0)
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$device/stat"; }
elapsed=$(( ($(date +%s%N) - start_ns) / 1000000000 ))
[ "$elapsed" -lt "$warmup" ] && sleep $((warmup - elapsed))
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$device/status")
hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$device/status")
cpu0=$(cpu); t0=$(date +%s%N)
sleep "$window"
cpu1=$(cpu); t1=$(date +%s%N)
cpu_pct=$(awk -v c=$((cpu1 - cpu0)) -v hz="$ticks" -v ns=$((t1 - t0)) 'BEGIN {printf "%.1f", 100 * (c / hz) / (ns / 1e9)}')
telegrams=$(metric p1iota_p1_telegrams_read_total)
messages=$(metric p1iota_data_messages_published_total)
echo "device footprint (capture $(basename "$capture"), a telegram every $pace ms, MWM 9, $(nproc) cores)"
echo "  JVM flags          $(tr '\0' ' ' < "/proc/$device/cmdline" | grep -o -- '-X[^ ]*' | tr '\n' ' ')"
echo "  first DATA message ${first:-none} ms after start"
echo "  RSS at ${warmup} s       $((rss_kb / 1024)) MB (peak so far $((hwm_kb / 1024)) MB)"
echo "  CPU over ${window} s     ${cpu_pct} % of one core"
echo "  telegrams read     ${telegrams%.*}, DATA messages published ${messages%.*}"
published=$(metric p1iota_data_telegrams_published_total)
# growth since the first message over the telegrams published since then
per_day() { awk -v b="$(( $1 - base_bytes ))" -v t="$(( ${published%.*} - ${base_published%.*} ))" \
    'BEGIN {if (t > 0) printf "%.0f bytes/telegram = %.1f MB per household-day at 1 Hz", b / t, b / t * 86400 / 1e6}'; }
echo "  node disk, running $(per_day "$(du -sb "$work/node" | cut -f1)") ($(( ${published%.*} - ${base_published%.*} )) telegrams published after the first message; $((base_bytes / 1024)) KiB then)"
kill -TERM "${pids[0]}" 2>/dev/null; wait "${pids[0]}" 2>/dev/null || true
echo "  node disk, stopped $(per_day "$(du -sb "$work/node" | cut -f1)")"
