"""packaging/worker/entrypoint.sh run by sh with a stand-in qgis_process that says its arguments: an Indexed Job's
index becomes SHARD only with SHARD_COUNT (never the whole plan in every pod), and a SHARD given as SHARD=… or
--SHARD=… is the one used."""

import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENTRYPOINT = os.path.join(ROOT, "packaging", "worker", "entrypoint.sh")

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="a POSIX sh")


def run(tmp_path, args, **env):
    fake = tmp_path / "qgis_process"
    fake.write_text("#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n")
    fake.chmod(0o755)
    environment = {"PATH": os.environ.get("PATH", ""), "QGIS_PROCESS_BIN": str(fake),
                   "XDG_RUNTIME_DIR": str(tmp_path / "run"), **env}
    done = subprocess.run(["sh", ENTRYPOINT, *args], env=environment, capture_output=True, text=True, timeout=30)
    return done.returncode, done.stdout.splitlines(), done.stderr


COMMAND = ["run", "ign_offline:run_plan", "--", "PLAN=/data/plan.json"]


def test_an_index_with_a_count_is_the_shard(tmp_path):
    code, args, _ = run(tmp_path, COMMAND, JOB_COMPLETION_INDEX="1", SHARD_COUNT="3")
    assert code == 0 and args == COMMAND + ["SHARD=2/3"]


@pytest.mark.parametrize("count", [None, "", "three", "0"])
def test_an_index_without_a_count_is_refused(tmp_path, count):
    env = {"JOB_COMPLETION_INDEX": "1"}
    if count is not None:
        env["SHARD_COUNT"] = count
    code, args, err = run(tmp_path, COMMAND, **env)
    assert code == 2 and args == []
    assert "SHARD_COUNT" in err


@pytest.mark.parametrize("given", ["SHARD=2/3", "--SHARD=2/3"])
def test_a_given_shard_is_kept_alone(tmp_path, given):
    for env in ({"JOB_COMPLETION_INDEX": "0", "SHARD_COUNT": "3"}, {"JOB_COMPLETION_INDEX": "0"}, {}):
        code, args, _ = run(tmp_path, COMMAND + [given], **env)
        assert code == 0 and args == COMMAND + [given], env
