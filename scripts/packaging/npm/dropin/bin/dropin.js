#!/usr/bin/env node
// Runs the dropin executable of this platform's package (installed as an optional dependency,
// as esbuild does), with the same arguments, standard streams and exit status.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const platforms = { "linux x64": "@dropin/linux-x64" };
const name = platforms[`${process.platform} ${process.arch}`];
if (!name) {
  console.error(`dropin: no release for ${process.platform} ${process.arch}; build it from source with Swift 6.3`);
  process.exit(2);
}
let executable;
try {
  executable = path.join(path.dirname(require.resolve(`${name}/package.json`)), "bin", "dropin");
} catch {
  console.error(`dropin: ${name} is not installed: reinstall dropin without --no-optional`);
  process.exit(2);
}
// A signal sent to this launcher (by a process manager, say) goes on to dropin; dropin's exit
// status, or the signal that ended it, is the launcher's.
const child = spawn(executable, process.argv.slice(2), { stdio: "inherit" });
const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
for (const signal of signals) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`dropin: ${executable} could not be started: ${error.message}`);
  process.exit(2);
});
child.on("exit", (code, signal) => {
  if (signal) {
    for (const name of signals) process.removeAllListeners(name);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
