"""Run code cells through homework/nbgrader_tslab.py's TslabExecute (the grader's executor) and print the outputs.

Reads JSON on stdin: {"cells": ["code", ...], "options": {"abort_window": 0.4, "timeout": 30, ...}}
Prints one JSON line: [[output, ...] per cell]. Used by tests/kernel/homework-execute.test.ts.
"""

import json
import os
import sys

import nbformat

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "homework"))
import nbgrader_tslab  # noqa: E402


def main():
    spec = json.load(sys.stdin)
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "nn-knobs-tslab", "language": "typescript", "display_name": "TypeScript"}
    nb.cells = [nbformat.v4.new_code_cell(code) for code in spec["cells"]]
    nbgrader_tslab.TslabExecute(**spec.get("options", {})).preprocess(nb, {"metadata": {"path": os.getcwd()}})
    print(json.dumps([cell.outputs for cell in nb.cells]))


if __name__ == "__main__":
    main()
