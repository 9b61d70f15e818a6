"""fork_imap and fork_map: results in order, errors where they belong, no process left behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from generator.parallel import fork_imap, fork_map


def _children() -> set[int]:
    """Processes whose parent is this one (zombies included: a child not waited for shows)."""
    out = set()
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == os.getpid():
                        out.add(int(pid))
            except (OSError, IndexError):
                pass
    return out


def _slow_square(x: int) -> int:
    time.sleep(0.002 * (x % 3))  # chunks finish out of order
    return x * x


@pytest.mark.parametrize("chunksize", [1, 3, 32])
def test_results_come_in_order_and_no_process_is_left(chunksize):
    before = _children()
    assert list(fork_imap(_slow_square, range(100), 2, chunksize)) == [x * x for x in range(100)]
    assert _children() == before


def test_results_larger_than_a_pipe_arrive_whole():
    big = list(fork_imap(lambda x: bytes([x]) * 3_000_000, range(4), 2, chunksize=1))
    assert [len(b) for b in big] == [3_000_000] * 4 and [b[0] for b in big] == [0, 1, 2, 3]


def test_one_job_or_no_items_run_here():
    assert list(fork_imap(lambda x: (x, os.getpid()), [1, 2], 1)) == [(1, os.getpid()), (2, os.getpid())]
    assert list(fork_imap(lambda x: x, [], 2)) == []


def test_work_happens_in_other_processes():
    pids = {pid for pid in fork_imap(lambda _x: os.getpid(), range(40), 2, chunksize=1)}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def _fails_at_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def test_an_error_is_raised_when_its_item_comes_after_the_results_before_it():
    before = _children()
    got = []
    with pytest.raises(ValueError, match="seven"):
        for x in fork_imap(_fails_at_seven, range(50), 2, chunksize=2):
            got.append(x)
    assert got == list(range(6))  # the chunk [6, 7] failed as a whole
    assert _children() == before


def test_a_process_that_dies_is_an_error_not_a_hang():
    def die(x):
        if x == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return x
    with pytest.raises(RuntimeError, match="ended before sending"):
        list(fork_imap(die, range(20), 2, chunksize=1))


def test_stopping_early_ends_the_processes():
    before = _children()
    results = fork_imap(lambda x: time.sleep(0.01) or x, range(1000), 2, chunksize=1)
    assert next(results) == 0
    results.close()
    assert _children() == before


def test_fork_map_gives_each_share():
    assert fork_map(lambda k, n: (k, n), 3) == [(0, 3), (1, 3), (2, 3)]
    assert fork_map(lambda k, n: (k, n), 1) == [(0, 1)]


def test_output_buffered_before_the_fork_is_written_once(tmp_path):
    script = textwrap.dedent("""
        import sys
        from generator.parallel import fork_imap
        print("before", end="")  # still in the buffer: stdout is a pipe
        print(sum(fork_imap(lambda x: x, range(10), 2, chunksize=1)))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=os.path.dirname(os.path.dirname(__file__))).stdout
    assert out == "before45\n"
