"""What a native executable needs of the system it runs on, read from the file itself.

Reads 64-bit little-endian ELF (Linux: x86_64, aarch64) and Mach-O (macOS: x86_64, arm64) files,
so that packages for every platform can be made on any machine:

    python3 native_binary.py FILE

prints one line of NAME=VALUE pairs, for a shell to read:

    os=linux arch=x86_64 glibc=2.34 needed=libm.so.6,libc.so.6
    os=macos arch=arm64 macos=11.0
"""

import struct
import sys
from dataclasses import dataclass, field


class NotSupported(Exception):
    """The file is not a native executable of a kind rind is published as."""


@dataclass
class Binary:
    os: str  # linux or macos
    arch: str  # x86_64, aarch64 (Linux) or arm64 (macOS)
    # Linux: the newest GLIBC_x.y symbol version it links against, as (x, y); None if none.
    glibc: tuple | None = None
    # Linux: the shared libraries it names (DT_NEEDED), in order.
    needed: list = field(default_factory=list)
    # Linux: its program interpreter, such as /lib64/ld-linux-x86-64.so.2.
    interpreter: str = ""
    # macOS: the oldest version it runs on (LC_BUILD_VERSION's minos), as (major, minor).
    macos: tuple | None = None


ELF_MACHINES = {62: "x86_64", 183: "aarch64"}
MACHO_CPUS = {0x01000007: "x86_64", 0x0100000C: "arm64"}

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
PT_INTERP = 3
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32


def read(path):
    with open(path, "rb") as file:
        data = file.read()
    if data[:4] == b"\x7fELF":
        return _elf(data)
    if data[:4] == struct.pack("<I", 0xFEEDFACF):
        return _macho(data)
    if data[:4] in (b"\xca\xfe\xba\xbe", b"\xbe\xba\xfe\xca"):
        raise NotSupported(f"{path} is a universal (fat) Mach-O file: give the executable of one architecture")
    raise NotSupported(f"{path} is neither an ELF nor a 64-bit Mach-O executable")


def _string(data, offset):
    return data[offset:data.index(b"\0", offset)].decode("ascii")


def _elf(data):
    if data[4] != 2 or data[5] != 1:
        raise NotSupported("only 64-bit little-endian ELF files are read")
    machine, = struct.unpack_from("<H", data, 18)
    if machine not in ELF_MACHINES:
        raise NotSupported(f"ELF machine {machine} is neither x86_64 nor aarch64")
    phoff, shoff = struct.unpack_from("<QQ", data, 32)
    phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", data, 54)
    binary = Binary(os="linux", arch=ELF_MACHINES[machine])

    for i in range(phnum):
        p_type, _, p_offset, _, _, p_filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if p_type == PT_INTERP:
            binary.interpreter = data[p_offset:p_offset + p_filesz].rstrip(b"\0").decode("ascii")

    sections = []
    for i in range(shnum):
        _, sh_type, _, _, sh_offset, sh_size, sh_link, sh_info = struct.unpack_from(
            "<IIQQQQII", data, shoff + i * shentsize)
        sections.append((sh_type, sh_offset, sh_size, sh_link, sh_info))

    for sh_type, offset, size, link, info in sections:
        strings = sections[link][1] if link < len(sections) else 0
        if sh_type == SHT_DYNAMIC:
            for entry in range(offset, offset + size, 16):
                tag, value = struct.unpack_from("<qQ", data, entry)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    binary.needed.append(_string(data, strings + value))
        elif sh_type == SHT_GNU_VERNEED:
            # Verneed entries (one per library), each with Vernaux entries (one per version needed).
            need = offset
            for _ in range(info):
                _, count, _, aux, next_need = struct.unpack_from("<HHIII", data, need)
                entry = need + aux
                for _ in range(count):
                    _, _, _, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                    version = _string(data, strings + name)
                    if version.startswith("GLIBC_") and version[6:7].isdigit():
                        parts = tuple(int(part) for part in version[6:].split("."))[:2]
                        if binary.glibc is None or parts > binary.glibc:
                            binary.glibc = parts
                    entry += next_aux
                    if next_aux == 0:
                        break
                need += next_need
                if next_need == 0:
                    break
    return binary


def _macho(data):
    cpu, _, _, ncmds = struct.unpack_from("<iiII", data, 4)
    if cpu & 0xFFFFFFFF not in MACHO_CPUS:
        raise NotSupported(f"Mach-O CPU type {cpu:#x} is neither x86_64 nor arm64")
    binary = Binary(os="macos", arch=MACHO_CPUS[cpu & 0xFFFFFFFF])
    command = 32
    for _ in range(ncmds):
        cmd, size = struct.unpack_from("<II", data, command)
        if cmd == LC_BUILD_VERSION:
            version, = struct.unpack_from("<I", data, command + 12)
        elif cmd == LC_VERSION_MIN_MACOSX:
            version, = struct.unpack_from("<I", data, command + 8)
        else:
            version = None
        if version is not None:
            # xxxx.yy.zz in nibbles: major in the high 16 bits, minor in the next 8.
            binary.macos = (version >> 16, (version >> 8) & 0xFF)
        command += size
    if binary.macos is None:
        raise NotSupported("the Mach-O file names no minimum macOS version")
    return binary


def main(arguments):
    if len(arguments) != 1:
        print("usage: native_binary.py FILE", file=sys.stderr)
        return 2
    try:
        binary = read(arguments[0])
    except (NotSupported, OSError, struct.error, ValueError) as error:
        print(f"native_binary: {error}", file=sys.stderr)
        return 1
    fields = [f"os={binary.os}", f"arch={binary.arch}"]
    if binary.os == "linux":
        fields.append("glibc=" + (".".join(map(str, binary.glibc)) if binary.glibc else ""))
        fields.append("needed=" + ",".join(binary.needed))
    else:
        fields.append("macos=" + ".".join(map(str, binary.macos)))
    print(" ".join(fields))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
