"""packaging/worker/compose.yaml's shell steps, run by sh as compose would run them (its `$$` made `$`, the
volume a temporary folder, the worker command a stand-in): a shard that keeps failing gives up after three tries
instead of restarting forever, and the merge then stops saying so instead of waiting forever."""

import os
import subprocess

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def step(service, library, worker_exit):
    """The service's shell step, with a stand-in `ign-offline-worker` (exiting `worker_exit`) first on PATH."""
    compose = yaml.safe_load(open(os.path.join(ROOT, "packaging", "worker", "compose.yaml"), encoding="utf-8"))
    script = compose["services"][service]["command"][0].replace("$$", "$").replace("/library", library)
    tools = os.path.join(library, "bin{}".format(worker_exit))
    os.makedirs(tools, exist_ok=True)
    stand_in = os.path.join(tools, "ign-offline-worker")
    with open(stand_in, "w") as stream:
        stream.write("#!/bin/sh\nexit {}\n".format(worker_exit))
    os.chmod(stand_in, 0o755)
    return 'PATH="{}:$PATH"\n'.format(tools) + script.replace("sleep 5", "sleep 0.1")


def run(script, **env):
    return subprocess.run(["sh", "-c", script], env=dict(os.environ, **env), capture_output=True, text=True,
                          timeout=20)


def test_a_shard_failing_three_times_gives_up_and_the_merge_says_so(tmp_path):
    library = str(tmp_path)
    failing = step("worker2", library, 1)
    codes = [run(failing, SHARD_INDEX="2", MAX_RATE="20").returncode for _ in range(3)]
    assert codes == [1, 1, 0]  # restarted twice by `on-failure`, then no more
    assert "failed 3 times" in open(os.path.join(library, "shard2.gave-up")).read()
    merge = run(step("merge", library, 0))
    assert merge.returncode == 1 and "nothing merged" in merge.stdout, merge.stdout + merge.stderr


def test_a_shard_that_ends_well_marks_itself_done_and_forgets_its_failures(tmp_path):
    library = str(tmp_path)
    assert run(step("worker1", library, 1), SHARD_INDEX="1", MAX_RATE="20").returncode == 1
    assert run(step("worker1", library, 0), SHARD_INDEX="1", MAX_RATE="20").returncode == 0
    assert os.path.exists(os.path.join(library, "shard1.done"))
    assert not os.path.exists(os.path.join(library, "shard1.failures"))
