#!/usr/bin/env python3
"""Packages the release's executables for pip and npm (scripts/release runs it).

usage: package.py RELEASE_DIR VERSION DIST WHEEL

RELEASE_DIR is the unpacked release (bin/dropin, bin/dropin-serve, LICENSE); WHEEL is the
`wheel` command of PyPI's wheel package. Writes to DIST:
- a wheel tagged for the glibc the executables need, its files under .data/scripts so that
  `pip install` puts dropin and dropin-serve side by side on PATH; `wheel pack` (PyPI's wheel)
  writes its RECORD;
- two npm packages, packed with `npm pack` (the esbuild pattern): @dropin/linux-x64 with the
  executables, and dropin, whose launcher runs that platform package's dropin.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def glibc_tag(executable):
    """manylinux_2_N for the newest GLIBC_2.N symbol version the executable references."""
    symbols = subprocess.run(["objdump", "-T", executable], check=True, capture_output=True, text=True).stdout
    newest = max(int(minor) for minor in re.findall(r"GLIBC_2\.(\d+)", symbols))
    return f"manylinux_2_{newest}_x86_64"


def wheel(release, version, dist, wheel_tool):
    tag = max((glibc_tag(os.path.join(release, "bin", tool)) for tool in ["dropin", "dropin-serve"]),
              key=lambda t: int(t.split("_")[2]))
    with tempfile.TemporaryDirectory() as stage:
        root = os.path.join(stage, f"dropin-{version}")
        info = os.path.join(root, f"dropin-{version}.dist-info")
        scripts = os.path.join(root, f"dropin-{version}.data", "scripts")
        os.makedirs(info)
        os.makedirs(scripts)
        for tool in ["dropin", "dropin-serve"]:
            shutil.copy2(os.path.join(release, "bin", tool), os.path.join(scripts, tool))
        shutil.copy2(os.path.join(release, "LICENSE"), os.path.join(info, "LICENSE"))
        with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as file:
            file.write(f"Metadata-Version: 2.1\nName: dropin\nVersion: {version}\n"
                       "Summary: Wire Dwolla's drop-in components into a web app from one manifest\n"
                       "License: Apache-2.0\nRequires-Python: >=3.8\n")
        with open(os.path.join(info, "WHEEL"), "w", encoding="utf-8") as file:
            file.write(f"Wheel-Version: 1.0\nGenerator: dropin scripts/packaging\nRoot-Is-Purelib: false\nTag: py3-none-{tag}\n")
        # Reproducible, as the tarball is: fixed modes, and entry times from SOURCE_DATE_EPOCH.
        for folder, _, names in os.walk(root):
            for name in names:
                os.chmod(os.path.join(folder, name), 0o755 if folder == scripts else 0o644)
        subprocess.run([wheel_tool, "pack", root, "--dest-dir", dist], check=True, capture_output=True,
                       env={**os.environ, "SOURCE_DATE_EPOCH": "315532800"})


def npm(release, version, dist):
    with tempfile.TemporaryDirectory() as stage:
        platform = os.path.join(stage, "linux-x64")
        os.makedirs(os.path.join(platform, "bin"))
        for tool in ["dropin", "dropin-serve"]:
            shutil.copy2(os.path.join(release, "bin", tool), os.path.join(platform, "bin", tool))
        shutil.copy2(os.path.join(release, "LICENSE"), os.path.join(platform, "LICENSE"))
        write_json(os.path.join(platform, "package.json"), {
            "name": "@dropin/linux-x64", "version": version, "license": "Apache-2.0",
            "description": "dropin's executables for Linux on x86-64; installed by the dropin package",
            "os": ["linux"], "cpu": ["x64"], "files": ["bin/", "LICENSE"],
        })
        launcher = os.path.join(stage, "dropin")
        shutil.copytree(os.path.join(HERE, "npm", "dropin"), launcher)
        shutil.copy2(os.path.join(release, "LICENSE"), os.path.join(launcher, "LICENSE"))
        write_json(os.path.join(launcher, "package.json"), {
            "name": "dropin", "version": version, "license": "Apache-2.0",
            "description": "Wire Dwolla's drop-in components into a web app from one manifest",
            "bin": {"dropin": "bin/dropin.js"}, "files": ["bin/", "LICENSE"],
            "optionalDependencies": {"@dropin/linux-x64": version},
        })
        for folder in [platform, launcher]:
            subprocess.run(["npm", "pack", "--pack-destination", os.path.abspath(dist)], cwd=folder, check=True, capture_output=True)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(value, file, indent=2)
        file.write("\n")


def main(arguments):
    if len(arguments) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    release, version, dist, wheel_tool = arguments
    wheel(release, version, dist, wheel_tool)
    npm(release, version, dist)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
