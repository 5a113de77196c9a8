#!/usr/bin/env node
// Runs the dropin executable of this platform's package (installed as an optional dependency,
// as esbuild does), with the same arguments, standard streams and exit status.
"use strict";
const { spawn } = require("node:child_process");
const { constants } = require("node:os");
const path = require("node:path");
const { version } = require("../package.json");

const platforms = { "linux x64": "@dropin/linux-x64" };
const name = platforms[`${process.platform} ${process.arch}`];
if (!name) {
  console.error(`dropin: no release for ${process.platform} ${process.arch}; build it from source with Swift 6.3`);
  process.exit(2);
}
let folder;
try {
  folder = path.dirname(require.resolve(`${name}/package.json`));
} catch {
  console.error(`dropin: ${name}@${version}, which holds the executables, is not installed: install it beside dropin ` +
    `(from dropin-linux-x64-${version}.tgz, or the registry), and do not pass --no-optional`);
  process.exit(2);
}
const installed = require(path.join(folder, "package.json")).version;
if (installed !== version) {
  console.error(`dropin: ${name} is ${installed}, but this launcher is ${version}: install the same version of both`);
  process.exit(2);
}
const executable = path.join(folder, "bin", "dropin");

// A signal sent to this launcher (by a process manager, say) goes on to dropin; dropin's exit
// status, or the signal that ended it, is the launcher's.
const child = spawn(executable, process.argv.slice(2), { stdio: "inherit" });
const forwarded = ["SIGINT", "SIGTERM", "SIGHUP"];
for (const signal of forwarded) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`dropin: ${executable} could not be started: ${error.message}`);
  process.exit(2);
});
child.on("exit", (code, signal) => {
  if (code !== null) process.exit(code);
  for (const name of forwarded) process.removeAllListeners(name);
  process.kill(process.pid, signal);
  // Node ignores some signals (SIGPIPE) or uses them (SIGUSR1): then exit as a shell reports
  // a process the signal ended.
  process.exit(128 + (constants.signals[signal] ?? 0));
});
