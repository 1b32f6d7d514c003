#!/bin/sh
# qgis_process with the IGN Offline plugin loaded: `run ign_offline:run_plan -- PLAN=… SHARD=i/n` is the command.
# In a Kubernetes Indexed Job, JOB_COMPLETION_INDEX (from 0) and SHARD_COUNT give SHARD=index+1/count when the
# command names no SHARD. REDIS_URL, when set, is read by the plugin from the environment (never logged).
set -eu
runtime="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$runtime" && chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
if [ -n "${JOB_COMPLETION_INDEX:-}" ] && [ -n "${SHARD_COUNT:-}" ]; then
  case " $* " in
    *" SHARD="*) ;;
    *) set -- "$@" "SHARD=$((JOB_COMPLETION_INDEX + 1))/$SHARD_COUNT" ;;
  esac
fi
exec /usr/bin/qgis_process.bin "$@"
