#!/bin/sh
# qgis_process with the IGN Offline plugin loaded: `run ign_offline:run_plan -- PLAN=… SHARD=i/n` is the command.
# In a Kubernetes Indexed Job, JOB_COMPLETION_INDEX (from 0) and SHARD_COUNT give SHARD=index+1/count when the
# command names no SHARD (SHARD=… or --SHARD=…, both of which qgis_process accepts). REDIS_URL, when set, is read
# by the plugin from the environment (never logged). QGIS_PROCESS_BIN names another qgis_process (the tests).
set -eu
runtime="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$runtime" && chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
given=""
for arg in "$@"; do
  case "$arg" in
    SHARD=*|--SHARD=*) given=yes ;;
  esac
done
if [ -n "${JOB_COMPLETION_INDEX:-}" ] && [ -z "$given" ]; then
  # Without the count every pod would run the whole plan: refuse rather than download it n times.
  case "${JOB_COMPLETION_INDEX}:${SHARD_COUNT:-}" in
    *[!0-9:]*|:*|*:)
      echo "JOB_COMPLETION_INDEX is set (${JOB_COMPLETION_INDEX}) but SHARD_COUNT is not a number of shards" \
           "('${SHARD_COUNT:-}'): set SHARD_COUNT to the Job's completions (e.g. SHARD_COUNT=3)," \
           "or give SHARD=i/n in the command." >&2
      exit 2 ;;
  esac
  if [ "$SHARD_COUNT" -lt 1 ] || [ "$JOB_COMPLETION_INDEX" -ge "$SHARD_COUNT" ]; then
    echo "JOB_COMPLETION_INDEX ${JOB_COMPLETION_INDEX} is not a shard of SHARD_COUNT ${SHARD_COUNT}:" \
         "set SHARD_COUNT to the Job's completions." >&2
    exit 2
  fi
  set -- "$@" "SHARD=$((JOB_COMPLETION_INDEX + 1))/$SHARD_COUNT"
fi
exec "${QGIS_PROCESS_BIN:-/usr/bin/qgis_process.bin}" "$@"
