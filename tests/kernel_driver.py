"""Drive the project's tslab kernel with jupyter_client and record every iopub message, for tests/kernel/*.test.ts.

Reads JSON on stdin:
    {"cwd": "...", "kernel": "nn-knobs-tslab", "timeout": 120,
     "cells": [{"code": "...", "interrupt_after": 0.5 (optional, seconds), "pause_before": 0.3 (optional)}]}
Writes JSON to the file named by the first argument (the kernel shares our stdout): one entry per cell
    {"status": "ok" | "error" | "abort" | "timeout", "sent": ms, "interrupted_at": ms | null, "idle": bool,
     "messages": [{"type": "stream" | "display_data" | "update_display_data" | ..., "t": ms received, "sentAt": ms sent (header date), "content": {...}}]}
Times are Unix milliseconds, comparable with Date.now() in the kernel. tslab aborts requests that arrive within
~200 ms after an error (an interrupt is an error), so give the cell after one a "pause_before".
"""

import json
import queue
import sys
import time

from jupyter_client import KernelManager


def sent_at_ms(msg):
    """When the kernel sent the message (its header's date, in ms since the epoch), or None if it has none."""
    date = msg["header"].get("date")
    return date.timestamp() * 1000 if hasattr(date, "timestamp") else None


def now_ms():
    return time.time() * 1000.0


def run_cell(km, kc, cell, timeout, earlier):
    """Runs one cell; messages that arrive late for an earlier cell (e.g. a live display's last update after an
    interrupt) are appended to that cell's list in `earlier` (msg_id -> messages), marked "late"."""
    time.sleep(cell.get("pause_before", 0))
    msg_id = kc.execute(cell["code"])
    sent = now_ms()
    interrupt_after = cell.get("interrupt_after")
    interrupted_at = None
    messages, idle = [], False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if interrupt_after is not None and interrupted_at is None and now_ms() - sent >= interrupt_after * 1000:
            km.interrupt_kernel()
            interrupted_at = now_ms()
        try:
            msg = kc.get_iopub_msg(timeout=0.02)
        except queue.Empty:
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent != msg_id:
            if parent in earlier and msg["msg_type"] != "status":
                earlier[parent].append({"type": msg["msg_type"], "t": now_ms(), "content": msg["content"], "late": True})
            continue
        kind = msg["msg_type"]
        if kind == "status":
            if msg["content"]["execution_state"] == "idle":
                idle = True
                break
            continue
        messages.append({"type": kind, "t": now_ms(), "sentAt": sent_at_ms(msg), "content": msg["content"]})
    status = "timeout"
    if idle:
        while True:
            reply = kc.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                status = reply["content"]["status"]
                break
    earlier[msg_id] = messages
    return {"status": status, "sent": sent, "interrupted_at": interrupted_at, "idle": idle, "messages": messages}


def main():
    spec = json.load(sys.stdin)
    km = KernelManager(kernel_name=spec.get("kernel", "nn-knobs-tslab"))
    km.start_kernel(cwd=spec["cwd"])
    kc = km.client()
    kc.start_channels()
    results, earlier = [], {}
    try:
        kc.wait_for_ready(timeout=60)
        for cell in spec["cells"]:
            results.append(run_cell(km, kc, cell, spec.get("timeout", 120), earlier))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
