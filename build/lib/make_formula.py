"""Makes the Homebrew formula of a release, rind.rb, from the release's four archives.

    python3 make_formula.py --version VERSION --repository OWNER/NAME --assets DIR --output FILE
                            [--summary TEXT] [--license SPDX]

DIR holds the archives the release attaches, rind-VERSION-RID.tar.gz for linux-x64, linux-arm64,
osx-x64 and osx-arm64, each a folder rind-VERSION-RID/ with the executable rind and the manual page
rind.1 in it (and other files, such as .sha256 ones, which are left alone). The formula downloads
each from the GitHub release of tag vVERSION of OWNER/NAME, checked against the sha256 computed
here from the file itself; a .sha256 file beside an archive must agree with it. A tap's repository
copies the formula as it is: it needs no build, as Homebrew installs the executable and the manual
page from the archive and asks rind for its completion scripts (rind --completion SHELL).

The values written into the formula are checked first, and anything not of their strict form is
refused rather than quoted, so that nothing given can become Ruby code. Refusals, such as an archive
missing or two archives for one platform, are one line on stderr and exit 2. Prints the formula's path.
"""

import argparse
import hashlib
import os
import re
import sys
import tarfile

# (the release's runtime identifier, Homebrew's operating-system block, its architecture block), in
# the order the formula lists them.
PLATFORMS = [
    ("osx-arm64", "on_macos", "on_arm"),
    ("osx-x64", "on_macos", "on_intel"),
    ("linux-arm64", "on_linux", "on_arm"),
    ("linux-x64", "on_linux", "on_intel"),
]

# A release tag's version, without its v: 1.2.3, 1.2.3-rc.1. ASCII only, as \d would take any digit.
VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?", re.ASCII)
# GitHub's owner names (letters, digits, single hyphens inside) and repository names.
REPOSITORY = re.compile(r"[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}/[A-Za-z0-9._-]{1,100}", re.ASCII)
# One SPDX license identifier, as Homebrew's license takes it.
LICENSE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*", re.ASCII)
# The archives' names, whatever their version, so that one of another version counts as a second one.
ARCHIVE = re.compile(r"rind-(.+)-(" + "|".join(re.escape(rid) for rid, _, _ in PLATFORMS) + r")\.tar\.gz")

DEFAULT_SUMMARY = "Run a command in the Docker container labelled app.rind"


class Refused(Exception):
    pass


def release_version(text):
    """The version of a tag (v1.2.3) or a version (1.2.3), checked: it goes into URLs and Ruby."""
    version = text[1:] if text.startswith("v") else text
    if not VERSION.fullmatch(version):
        raise Refused(f"version {text!r} is not a release's, such as 1.2.3 or v1.2.3-rc.1")
    return version


def repository(text):
    if not REPOSITORY.fullmatch(text) or text.split("/")[1] in (".", ".."):
        raise Refused(f"repository {text!r} is not a GitHub OWNER/NAME")
    return text


def license_expression(text):
    """Homebrew's form of an SPDX expression: one identifier, or several joined by OR alone or AND alone."""
    words = text.split(" ")
    names, operators = words[0::2], set(words[1::2])
    if (len(words) % 2 == 0 or not all(LICENSE.fullmatch(name) and name not in ("OR", "AND") for name in names)
            or not operators <= {"OR", "AND"} or len(operators) > 1):
        raise Refused(f"license {text!r} is not an SPDX identifier, or identifiers joined by OR or by AND alone")
    if len(names) == 1:
        return ruby_string(names[0])
    listed = ", ".join(ruby_string(name) for name in names)
    return f"{'any_of' if operators == {'OR'} else 'all_of'}: [{listed}]"


def summary(text):
    """Homebrew's desc: one line of at most 80 characters, without a final full stop."""
    text = " ".join(text.split()).rstrip(".")
    if not text or len(text) > 80:
        raise Refused(f"summary {text!r} is not one line of 1 to 80 characters, as Homebrew's desc must be")
    return text[0].upper() + text[1:]


def ruby_string(text):
    """A double-quoted Ruby string of text, with nothing in it that Ruby would interpolate or end on."""
    escaped = []
    for character in text:
        if character in '"\\#':
            escaped.append("\\" + character)
        elif character.isprintable():
            escaped.append(character)
        else:
            escaped.append(f"\\u{{{ord(character):x}}}")
    return '"' + "".join(escaped) + '"'


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_archives(folder, version):
    """The archive of each platform, by name: exactly one each, of this version."""
    found = {rid: [] for rid, _, _ in PLATFORMS}
    for name in sorted(os.listdir(folder)):
        match = ARCHIVE.fullmatch(name)
        if match and os.path.isfile(os.path.join(folder, name)):
            found[match.group(2)].append((name, match.group(1)))
    archives = {}
    for rid, _, _ in PLATFORMS:
        candidates = found[rid]
        expected = f"rind-{version}-{rid}.tar.gz"
        if not candidates:
            raise Refused(f"no archive for {rid} in {folder}: {expected} is missing")
        if len(candidates) > 1:
            raise Refused(f"{len(candidates)} archives for {rid} in {folder}: "
                          f"{', '.join(name for name, _ in candidates)}; keep {expected} alone")
        name, archive_version = candidates[0]
        if archive_version != version:
            raise Refused(f"the archive for {rid} in {folder} is {name}, not {expected}")
        archives[rid] = os.path.join(folder, name)
    return archives


def check_checksum_file(archive, digest):
    """A .sha256 file beside the archive, as `shasum -a 256` writes it, must name the same digest."""
    checksum_file = archive + ".sha256"
    if not os.path.exists(checksum_file):
        return
    with open(checksum_file, encoding="utf-8", errors="replace") as file:
        fields = file.read().split()
    named = fields[1].lstrip("*") if len(fields) > 1 else os.path.basename(archive)
    if not fields or fields[0].lower() != digest or named != os.path.basename(archive):
        raise Refused(f"{checksum_file} does not agree with the archive, whose sha256 is {digest}")


def check_layout(archive):
    """Homebrew unpacks the archive and goes into its one folder: rind and rind.1 must be there."""
    folder = os.path.basename(archive)[: -len(".tar.gz")]
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = {member.name.rstrip("/").removeprefix("./"): member for member in tar.getmembers()}
    except (tarfile.TarError, EOFError) as error:
        raise Refused(f"{archive} is not a gzipped tar archive: {error}") from None
    outside = [name for name in members if name != folder and not name.startswith(folder + "/")]
    if outside:
        raise Refused(f"{archive} holds {outside[0]!r} outside its folder {folder}/")
    executable = members.get(f"{folder}/rind")
    if executable is None or not executable.isfile() or not executable.mode & 0o100:
        raise Refused(f"{archive} has no executable file {folder}/rind")
    manual = members.get(f"{folder}/rind.1")
    if manual is None or not manual.isfile():
        raise Refused(f"{archive} has no manual page {folder}/rind.1")


def formula(arguments, version, owner_name, archives, digests):
    releases = f"https://github.com/{owner_name}/releases/download/v{version}"
    lines = [
        f"# The formula of rind {version}, made by its release (build/lib/make_formula.py) from the",
        "# release's archives: a tap's repository copies it as it is, as Formula/rind.rb.",
        "class Rind < Formula",
        f"  desc {ruby_string(summary(arguments.summary))}",
        f"  homepage {ruby_string('https://github.com/' + owner_name)}",
        f"  version {ruby_string(version)}",
    ]
    if arguments.license:
        lines.append(f"  license {license_expression(arguments.license)}")
    for system in ("on_macos", "on_linux"):
        lines += ["", f"  {system} do"]
        blocks = [(rid, arch) for rid, os_block, arch in PLATFORMS if os_block == system]
        for index, (rid, arch) in enumerate(blocks):
            name = os.path.basename(archives[rid])
            lines += [
                f"    {arch} do",
                f"      url {ruby_string(releases + '/' + name)}",
                f"      sha256 {ruby_string(digests[rid])}",
                "    end",
            ]
            if index < len(blocks) - 1:
                lines.append("")
        lines.append("  end")
    lines += [
        "",
        "  def install",
        '    bin.install "rind"',
        '    man1.install "rind.1"',
        "    # rind --completion bash, zsh and fish: Homebrew adds the shell's name as an argument.",
        '    generate_completions_from_executable(bin/"rind", "--completion")',
        "  end",
        "",
        "  test do",
        '    assert_match version.to_s, shell_output("#{bin}/rind --version")',
        "  end",
        "end",
    ]
    return "\n".join(lines) + "\n"


def make(arguments):
    version = release_version(arguments.version)
    owner_name = repository(arguments.repository)
    if not os.path.isdir(arguments.assets):
        raise Refused(f"no folder {arguments.assets} of release archives")
    archives = find_archives(arguments.assets, version)
    digests = {}
    for rid, archive in archives.items():
        check_layout(archive)
        digests[rid] = sha256_of(archive)
        check_checksum_file(archive, digests[rid])
    text = formula(arguments, version, owner_name, archives, digests)

    directory = os.path.dirname(arguments.output)
    if directory:
        os.makedirs(directory, exist_ok=True)
    partial = arguments.output + ".partial"
    with open(partial, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(partial, arguments.output)
    return arguments.output


def main(argv):
    parser = argparse.ArgumentParser(prog="make_formula.py", description=__doc__.splitlines()[0])
    parser.add_argument("--version", required=True, help="the release's version or tag: 1.2.3 or v1.2.3")
    parser.add_argument("--repository", required=True, help="OWNER/NAME on GitHub, whose release it is")
    parser.add_argument("--assets", required=True, help="the folder of the release's archives")
    parser.add_argument("--output", required=True, help="the formula's file, rind.rb")
    parser.add_argument("--summary", default=DEFAULT_SUMMARY, help="the formula's desc, 80 characters at most")
    parser.add_argument("--license", help="an SPDX identifier, or several joined by OR or by AND")
    arguments = parser.parse_args(argv)
    try:
        print(make(arguments))
    except Refused as error:
        print(f"make_formula: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"make_formula: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
