"""Makes a Python wheel that installs one native executable as a command, and nothing else.

    python3 make_wheel.py --name NAME --version VERSION --binary FILE --output DIR
                          [--command rind] [--platform TAG] [--summary TEXT] [--readme FILE]
                          [--homepage URL] [--author TEXT] [--keywords a,b]

The executable goes to NAME-VERSION.data/scripts/COMMAND, which pip and pipx install into the
environment's bin folder; no Python code is installed. The platform tag comes from the executable
itself (see native_binary.py) unless --platform names one: manylinux_2_X_ARCH for the newest glibc
symbol version a Linux executable needs, macosx_X_Y_ARCH for a macOS executable's minimum version.
VERSION may be a release tag's version (1.2.3, 1.2.3-rc.1), written in Python's form (1.2.3rc1).
The wheel is the same for the same inputs: its files' times come from SOURCE_DATE_EPOCH when set.
Prints the wheel's path.
"""

import argparse
import base64
import csv
import hashlib
import io
import os
import re
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import native_binary  # noqa: E402

# Libraries a manylinux wheel may link against without carrying them (PEP 600 defers to the
# manylinux policies; these are the ones of every policy that a command-line program may use).
MANYLINUX_LIBRARIES = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libpthread.so.0", "libgcc_s.so.1",
    "libresolv.so.2", "libutil.so.1", "libnsl.so.1",
    "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
}
GLIBC_INTERPRETERS = {"/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"}


class Refused(Exception):
    pass


def python_version(version):
    """A release version (1.2.3, 1.2.3-rc.1, 1.2.3-beta2) in PEP 440's normal form."""
    match = re.fullmatch(
        r"v?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|rc|c|preview|pre)[-_.]?(\d*))?", version, re.IGNORECASE)
    if not match:
        raise Refused(f"version '{version}' has no Python form: use X.Y.Z or X.Y.Z-(alpha|beta|rc).N")
    release, label, number = match.groups()
    if not label:
        return release
    label = {"alpha": "a", "beta": "b", "c": "rc", "preview": "rc", "pre": "rc"}.get(label.lower(), label.lower())
    return f"{release}{label}{int(number or 0)}"


def platform_tags(binary):
    """The platform tags an executable satisfies, most specific first."""
    if binary.os == "linux":
        if binary.interpreter not in GLIBC_INTERPRETERS:
            raise Refused(f"the executable's interpreter is {binary.interpreter or 'missing'}, not glibc's: "
                          "give --platform")
        foreign = [library for library in binary.needed if library not in MANYLINUX_LIBRARIES]
        if foreign:
            raise Refused(f"the executable needs {', '.join(foreign)}, which a manylinux wheel may not "
                          "expect on the system")
        # 2.17 is the oldest glibc of both architectures' manylinux policies (manylinux2014).
        major, minor = max(binary.glibc or (2, 17), (2, 17))
        tags = [f"manylinux_{major}_{minor}_{binary.arch}"]
        if (major, minor) == (2, 17):
            tags.append(f"manylinux2014_{binary.arch}")
        return tags
    major, minor = binary.macos
    # From macOS 11 on, installers know only X.0 in a tag: the minor version is not part of it.
    return [f"macosx_{major}_{0 if major >= 11 else minor}_{binary.arch}"]


def record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def metadata(arguments, version):
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {arguments.name}",
        f"Version: {version}",
    ]
    if arguments.summary:
        lines.append(f"Summary: {' '.join(arguments.summary.split())}")
    if arguments.homepage:
        lines.append(f"Home-page: {arguments.homepage}")
        lines.append(f"Project-URL: Homepage, {arguments.homepage}")
    if arguments.author:
        lines.append(f"Author: {arguments.author}")
    if arguments.keywords:
        lines.append(f"Keywords: {arguments.keywords}")
    lines += [
        "Classifier: Environment :: Console",
        "Classifier: Operating System :: MacOS",
        "Classifier: Operating System :: POSIX :: Linux",
        "Classifier: Topic :: Software Development",
        "Classifier: Topic :: Utilities",
    ]
    # The package index shows the description: the README, or else the summary.
    if arguments.readme:
        with open(arguments.readme, encoding="utf-8") as file:
            body = file.read()
        lines.append("Description-Content-Type: text/markdown")
    else:
        body = (arguments.summary or arguments.name) + "\n"
        lines.append("Description-Content-Type: text/plain")
    return ("\n".join(lines) + "\n\n" + body).encode("utf-8")


def wheel_file(tags):
    lines = [
        "Wheel-Version: 1.0",
        "Generator: rind build/lib/make_wheel.py",
        # Not pure: the wheel holds platform-specific code.
        "Root-Is-Purelib: false",
    ] + [f"Tag: py3-none-{tag}" for tag in tags]
    return ("\n".join(lines) + "\n").encode("ascii")


def make(arguments):
    version = python_version(arguments.version)
    if arguments.platform:
        tags = arguments.platform.split(".")
    else:
        tags = platform_tags(native_binary.read(arguments.binary))
    distribution = re.sub(r"[-_.]+", "_", arguments.name).lower()
    if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", distribution):
        raise Refused(f"'{arguments.name}' is not a valid distribution name")

    with open(arguments.binary, "rb") as file:
        executable = file.read()
    dist_info = f"{distribution}-{version}.dist-info"
    # (path in the wheel, content, Unix mode): the executable first, the dist-info last, RECORD at the end.
    files = [
        (f"{distribution}-{version}.data/scripts/{arguments.command}", executable, 0o755),
        (f"{dist_info}/METADATA", metadata(arguments, version), 0o644),
        (f"{dist_info}/WHEEL", wheel_file(tags), 0o644),
    ]
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for path, content, _ in files:
        writer.writerow([path, record_hash(content), len(content)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    files.append((f"{dist_info}/RECORD", record.getvalue().encode("utf-8"), 0o644))

    # Zip times are local times from 1980 on, two seconds apart.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    os.makedirs(arguments.output, exist_ok=True)
    wheel = os.path.join(arguments.output, f"{distribution}-{version}-py3-none-{'.'.join(tags)}.whl")
    partial = wheel + ".partial"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, content, mode in files:
            entry = zipfile.ZipInfo(path, date_time=stamp)
            entry.create_system = 3  # Unix, so that installers read the mode below
            entry.external_attr = (0o100000 | mode) << 16  # a regular file with this mode
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    os.replace(partial, wheel)
    return wheel


def main(argv):
    parser = argparse.ArgumentParser(prog="make_wheel.py", description=__doc__.splitlines()[0])
    parser.add_argument("--name", required=True, help="the distribution's name on the package index")
    parser.add_argument("--version", required=True)
    parser.add_argument("--binary", required=True, help="the native executable")
    parser.add_argument("--output", required=True, help="the folder the wheel goes into")
    parser.add_argument("--command", default="rind", help="the command's name once installed")
    parser.add_argument("--platform", help="platform tag(s), dot-separated, instead of the executable's own")
    parser.add_argument("--summary")
    parser.add_argument("--readme", help="a Markdown file: the package's description")
    parser.add_argument("--homepage")
    parser.add_argument("--author")
    parser.add_argument("--keywords", help="comma-separated")
    arguments = parser.parse_args(argv)
    try:
        print(make(arguments))
    except (Refused, native_binary.NotSupported, OSError) as error:
        print(f"make_wheel: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
