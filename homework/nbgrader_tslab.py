"""nbgrader on the tslab TypeScript kernel: the execute preprocessor and code stub used by nbgrader_config.py.

Why (measured with tslab 1.0.22 and nbgrader 0.9.6, see TSLAB.md):
- tslab's error reply is only {"status": "error"}: no ename/evalue/traceback, which nbgrader reads (KeyError).
  The message is on the cell's stderr; we fill the fields from it.
- tslab aborts any request that arrives within ~200 ms after an error. An aborted check cell has no output, and
  nbgrader scores a test cell without an error as passed: a wrong answer got full marks. We wait past that
  window after every failed cell, and should a cell still come back "abort", it gets an error output (0 points).
- A cell that runs past the time limit is interrupted (loses its points) and the rest is graded. If the kernel
  does not come back after the interrupt, or dies (process.exit, out of memory, the memory limit below), every
  remaining cell gets an error output saying so, and the notebook is still saved and scored: grading goes on.
- Every submission runs in a fresh kernel whose working directory is an empty folder under homework/.kernels/,
  so `import ... from "nn-knobs"` resolves to the project's library only (never a node_modules in a submission),
  with NODE_PATH removed, V8's heap capped by --max-old-space-size, and a watchdog that kills the kernel when
  its resident memory passes the limit (typed arrays live outside V8's heap).
Settings (environment): NN_KNOBS_HOMEWORK_TIMEOUT seconds per cell (default 300),
NN_KNOBS_HOMEWORK_MEMORY_MB memory limit of the kernel process (default 4096).
"""

import os
import re
import shutil
import signal
import tempfile
import threading
import time

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async, run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import ClearSolutions, Execute
from traitlets import Float, Integer, Unicode

HERE = os.path.dirname(os.path.abspath(__file__))

# The stub that replaces a solution region in the student's version; {exercise} names it (e.g. "05-momentum-ex1").
TYPESCRIPT_STUB = 'throw new Error("not implemented yet: exercise {exercise}. Replace this line with your code.");'


def error_output(ename, evalue, traceback=None):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=traceback or [f"{ename}: {evalue}"])


ERROR_LINE = re.compile(r"^([A-Za-z_$][\w$]*(?:Error|Exception|Failed)|Error)(?: \[\w+\])?: (.*)$")


def error_from_stderr(cell):
    """(ename, evalue, traceback) from tslab's stderr: a runtime error's "Name: message" line (after the source
    excerpt node prints first), or else the first line, e.g. a compile error "2:7 - Cannot find name 'x'."."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr").strip()
    if not text:
        return "Error", "the cell failed without a message", ["Error: the cell failed without a message"]
    lines = text.splitlines()
    for line in lines:
        m = ERROR_LINE.match(line.strip())
        if m:
            return m.group(1), m.group(2), lines
    return "TypeScriptError", lines[0].strip(), lines


class TypeScriptClearSolutions(ClearSolutions):
    """ClearSolutions whose TypeScript stub names the exercise (its grade id) in a "not implemented yet" error."""

    typescript_stub = Unicode(TYPESCRIPT_STUB).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and utils.is_solution(cell):
            exercise = cell.metadata.get("nbgrader", {}).get("grade_id", "this exercise")
            self.code_stub = dict(self.code_stub, typescript=self.typescript_stub.format(exercise=exercise))
        return super().preprocess_cell(cell, resources, index)


class TslabExecute(Execute):
    """nbgrader's Execute with the tslab fixes above; a drop-in replacement in Autograde and Validator."""

    timeout = Integer(int(os.environ.get("NN_KNOBS_HOMEWORK_TIMEOUT", "300")), allow_none=True).tag(config=True)
    memory_limit_mb = Integer(int(os.environ.get("NN_KNOBS_HOMEWORK_MEMORY_MB", "4096"))).tag(config=True)
    abort_window = Float(0.4, help="seconds to wait after a failed cell (tslab aborts for ~0.2 s)").tag(config=True)
    interrupt_grace = Float(10.0, help="seconds a timed-out cell may take to stop after the interrupt").tag(config=True)
    kernels_dir = Unicode(os.path.join(HERE, ".kernels")).tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._dead = None  # why the kernel is gone, once it is
        self._failed_last = False
        os.makedirs(self.kernels_dir, exist_ok=True)
        self._workdir = tempfile.mkdtemp(prefix="kernel-", dir=self.kernels_dir)
        self._watchdog_stop = threading.Event()
        try:
            return super().preprocess(nb, resources, km)
        finally:
            self._watchdog_stop.set()
            shutil.rmtree(self._workdir, ignore_errors=True)

    async def async_start_new_kernel(self, **kwargs):
        env = {k: v for k, v in os.environ.items() if k not in ("NODE_PATH", "NODE_OPTIONS")}
        env["NODE_OPTIONS"] = f"--max-old-space-size={self.memory_limit_mb}"
        kwargs["cwd"] = self._workdir
        kwargs["env"] = env
        await super().async_start_new_kernel(**kwargs)
        pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
        if pid:
            threading.Thread(target=self._watch_memory, args=(pid,), daemon=True).start()

    # nbclient's sync wrapper is bound to its own coroutine: rebind it to ours
    start_new_kernel = run_sync(async_start_new_kernel)

    def _watch_memory(self, pid):
        limit_kb = self.memory_limit_mb * 1024
        while not self._watchdog_stop.wait(0.2):
            rss = resident_kb(pid)
            if rss is None:
                return
            if rss > limit_kb:
                self._dead = f"the kernel used more than {self.memory_limit_mb} MB of memory and was stopped"
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                return

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        if self._dead:
            cell.outputs = [error_output("KernelDied", f"not run: {self._dead}")]
            return cell, resources
        if self._failed_last:
            time.sleep(self.abort_window)
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._dead = self._dead or "the kernel died (process.exit, a crash or out of memory)"
            cell.outputs.append(error_output("KernelDied", self._dead))
        except CellTimeoutError as e:
            # no idle message after the reply: the kernel's output channel is stuck; treat it as gone
            self._dead = "the kernel stopped answering"
            cell.outputs.append(error_output("CellTimeoutError", str(e).strip().splitlines()[0]))
        self._failed_last = True
        return cell, resources

    async def on_cell_executed(self, **kwargs):
        cell, reply = kwargs["cell"], kwargs["execute_reply"]
        content = reply["content"]
        status = content.get("status")
        if status == "error" and "ename" not in content:
            content["ename"], content["evalue"], content["traceback"] = error_from_stderr(cell)
        if status == "abort":
            cell.outputs.append(
                error_output("CellAborted", "the kernel skipped this cell after an error; counted as failed")
            )
        if status == "error" and content.get("ename") == "CellTimeoutError":
            content["evalue"] = f"the cell ran longer than {self.timeout} s and was interrupted"
            content["traceback"] = [f"CellTimeoutError: {content['evalue']}"]
            await self._wait_for_interrupted_cell()
        self._failed_last = status != "ok"
        super().on_cell_executed(**kwargs)

    async def _wait_for_interrupted_cell(self):
        """After a timeout nbclient interrupts and moves on; make sure the kernel really stopped, else kill it."""
        deadline = time.monotonic() + self.interrupt_grace
        while time.monotonic() < deadline:
            try:
                msg = await self.kc.shell_channel.get_msg(timeout=max(0.1, deadline - time.monotonic()))
            except Exception:
                break
            if msg.get("msg_type") == "execute_reply":
                return
        self._dead = "the kernel did not stop after the time limit and was shut down"
        await ensure_async(self.km.shutdown_kernel(now=True))


def resident_kb(pid):
    """Resident memory of a process and its descendants in kB (Linux /proc), or None once it is gone."""
    total, seen, todo = 0, set(), [pid]
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            if p == pid:
                return None
        except OSError:
            continue
    return total
