"""Execute one notebook top to bottom in the project's tslab kernel with nbclient, and report as JSON.

    .venv/bin/python tests/run_notebook.py NOTEBOOK.ipynb [--timeout 300] [--kernel nn-knobs-tslab]
                                           [--out executed.ipynb] [--html executed.html]

Prints one JSON line: {"notebook", "ok", "seconds", "cells", "failure": null | {"cell", "source", "stderr",
"error"}} and exits 0 when every cell ran without an error and without writing to stderr, 1 otherwise.

Why the stderr check: tslab sends no ename/evalue/traceback in its error reply (nbclient only says "<Error>:"),
so the message a user sees (type errors, runtime errors, unhandled rejections) is the cell's stderr stream.
The kernel runs in the notebook's folder, as in JupyterLab (tslab resolves imports from there).
"""

import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


class TrackingClient(NotebookClient):
    """A NotebookClient that remembers which code cell is running, to name it when it fails."""

    current_cell = None

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        self.current_cell = cell_index
        return await super().async_execute_cell(cell, cell_index, *args, **kwargs)


def stderr_text(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")


def failure_of(nb, index, error):
    cell = nb.cells[index]
    return {
        "cell": index,
        "source": cell.source[:400],
        "stderr": stderr_text(cell)[-4000:],
        "error": error,
    }


def run(path, timeout, kernel, out, html):
    nb = nbformat.read(path, as_version=4)
    client = TrackingClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    failure = None
    start = time.monotonic()
    try:
        client.execute()
    except CellTimeoutError as e:
        failure = failure_of(nb, client.current_cell, "timeout after %ss: %s" % (timeout, str(e).strip()[:300]))
    except CellExecutionError as e:
        failure = failure_of(nb, client.current_cell, str(e).strip()[-1000:])
    except DeadKernelError as e:
        failure = failure_of(nb, client.current_cell or 0, "the kernel died: %s" % e)
    seconds = time.monotonic() - start
    if failure is None:
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and stderr_text(cell):
                failure = failure_of(nb, i, "the cell wrote to stderr")
                break
    if out:
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        nbformat.write(nb, out)
    if html:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(nb)
        os.makedirs(os.path.dirname(os.path.abspath(html)), exist_ok=True)
        with open(html, "w", encoding="utf-8") as f:
            f.write(body)
    cells = sum(1 for c in nb.cells if c.cell_type == "code")
    return {"notebook": path, "ok": failure is None, "seconds": round(seconds, 3), "cells": cells, "failure": failure}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebook")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    ap.add_argument("--kernel", default="nn-knobs-tslab")
    ap.add_argument("--out", help="write the executed notebook (with outputs) here")
    ap.add_argument("--html", help="write an HTML rendering (nbconvert) here")
    args = ap.parse_args()
    result = run(args.notebook, args.timeout, args.kernel, args.out, args.html)
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
