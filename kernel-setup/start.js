#!/usr/bin/env node
/*
 * npm start: runs kernel-setup, then JupyterLab from the project venv on notebooks/ with the project's
 * tslab kernel as the default. Extra arguments go to `jupyter lab`:  npm start -- --port 9999 --no-browser
 * Port: with an explicit --port, a busy port is an error (checked before launching, and jupyter is told not to
 * wander off to another port); without one, jupyter starts at 8888 and picks the next free port itself.
 * Root folder: notebooks/, unless --ServerApp.root_dir=... is given (the UI tests serve copies from build/ui).
 */
"use strict";
var net = require("net");
var path = require("path");
var childProcess = require("child_process");
var setupModule = require("./setup");

function explicitPort(args) {
  for (var i = 0; i < args.length; i++) {
    var m = /^--(?:ServerApp\.)?port(?:=(\d+))?$/.exec(args[i]);
    if (m) return Number(m[1] || args[i + 1]);
  }
  return null;
}

function explicitIp(args) {
  for (var i = 0; i < args.length; i++) {
    var m = /^--(?:ServerApp\.)?ip(?:=(.+))?$/.exec(args[i]);
    if (m) return m[1] || args[i + 1];
  }
  return "127.0.0.1";
}

/** Resolves to true when nothing listens on host:port (we can bind it ourselves). */
function portFree(port, host) {
  return new Promise(function (resolve) {
    var srv = net.createServer();
    srv.once("error", function () {
      resolve(false);
    });
    srv.listen(port, host === "localhost" ? "127.0.0.1" : host, function () {
      srv.close(function () {
        resolve(true);
      });
    });
  });
}

/** True when the user gave --ServerApp.root_dir (or its alias --notebook-dir) themselves. */
function explicitRootDir(args) {
  return args.some(function (a) {
    return /^--(?:ServerApp\.root_dir|notebook-dir)(?:=|$)/.test(a);
  });
}

async function main() {
  var userArgs = process.argv.slice(2);
  var env;
  try {
    env = setupModule.setup({});
  } catch (e) {
    console.error(e instanceof setupModule.SetupError ? "kernel-setup: " + e.message : e);
    process.exit(1);
  }
  var port = explicitPort(userArgs);
  var args = ["lab", "--MultiKernelManager.default_kernel_name=" + env.kernelName];
  if (!explicitRootDir(userArgs)) args.push("--ServerApp.root_dir=" + path.join(env.root, "notebooks"));
  if (port !== null) {
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      console.error("npm start: --port needs a number from 1 to 65535, got " + port + ".");
      process.exit(1);
    }
    if (!(await portFree(port, explicitIp(userArgs)))) {
      console.error(
        "npm start: port " +
          port +
          " is already in use (another JupyterLab? `.venv/bin/jupyter server list` shows them).\n" +
          "Pick another one: npm start -- --port " +
          (port + 1) +
          "   or omit --port to let Jupyter choose a free one.",
      );
      process.exit(1);
    }
    args.push("--ServerApp.port_retries=0");
  }
  // Jupyter refuses to run as root without --allow-root; containers and CI boxes often are root.
  if (process.getuid && process.getuid() === 0 && userArgs.indexOf("--allow-root") < 0) {
    console.log("npm start: running as root, adding --allow-root.");
    args.push("--allow-root");
  }
  args = args.concat(userArgs);
  var jupyter = path.join(env.bin, "jupyter");
  console.log("npm start: " + path.relative(env.root, jupyter) + " " + args.join(" "));
  // JUPYTER_PATH puts the venv's kernels first, so the project kernel wins over a same-named user one.
  // JUPYTER_CONFIG_PATH finds homework/nbgrader_config.py: nbgrader's Validate button runs with the tslab fixes.
  var childEnv = Object.assign({}, process.env, {
    JUPYTER_PATH:
      path.join(env.venv, "share", "jupyter") +
      (process.env.JUPYTER_PATH ? path.delimiter + process.env.JUPYTER_PATH : ""),
    JUPYTER_CONFIG_PATH:
      path.join(env.root, "homework") +
      (process.env.JUPYTER_CONFIG_PATH ? path.delimiter + process.env.JUPYTER_CONFIG_PATH : ""),
  });
  var child = childProcess.spawn(jupyter, args, {
    cwd: env.root,
    env: childEnv,
    stdio: ["inherit", "inherit", "pipe"],
  });
  var announced = false;
  child.stderr.on("data", function (chunk) {
    process.stderr.write(chunk);
    var m = !announced && /(http:\/\/(?:127\.0\.0\.1|localhost)[^\s]*\/lab\?token=\w+)/.exec(String(chunk));
    if (m) {
      announced = true;
      console.log(
        "\nnn-knobs: JupyterLab is running at " +
          m[1] +
          '\n          (kernel "' +
          env.kernelName +
          '"; Ctrl-C to stop)\n',
      );
    }
  });
  // Ctrl-C reaches jupyter too (same process group); we just wait for it to finish.
  process.on("SIGINT", function () {});
  process.on("SIGTERM", function () {
    child.kill("SIGTERM");
  });
  child.on("exit", function (code, signal) {
    process.exit(code === null ? (signal ? 1 : 0) : code);
  });
}

main();
