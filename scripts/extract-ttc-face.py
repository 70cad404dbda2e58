#!/usr/bin/env python3
"""Extract one face of a TrueType collection (.ttc) into a standalone TrueType file (.ttf).

PDFsharp 6.2.4 reads single TrueType files only, and WenQuanYi Zen Hei ships as a
collection of three faces that share most of their tables. This copies the chosen
face's table directory and tables into a new file: offsets are rewritten for the new
layout, every table is padded to four bytes, table checksums are recomputed and the
head table's checkSumAdjustment is set for the whole file, as the OpenType
specification requires. Glyphs and metrics are copied unchanged.

Usage: extract-ttc-face.py COLLECTION.ttc FACE-INDEX OUTPUT.ttf
       extract-ttc-face.py --list COLLECTION.ttc

The WenQuanYi Zen Hei shipped under src/GovInfoPortal.Documents/Fonts/ was made with
    scripts/extract-ttc-face.py /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc 0 \
        src/GovInfoPortal.Documents/Fonts/wqy-zenhei.ttf
from Debian's fonts-wqy-zenhei package.
"""

import struct
import sys


def checksum(data: bytes) -> int:
    """The OpenType table checksum: the sum of big-endian uint32 words, the data zero-padded to 4 bytes."""
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dI" % (len(padded) // 4), padded)) & 0xFFFFFFFF


def face_offsets(collection: bytes) -> list:
    tag, _version, count = struct.unpack(">4sII", collection[:12])
    if tag != b"ttcf":
        raise SystemExit("not a TrueType collection (no 'ttcf' header)")
    return list(struct.unpack(">%dI" % count, collection[12:12 + 4 * count]))


def read_tables(collection: bytes, offset: int):
    sfnt_version, count = struct.unpack(">IH", collection[offset:offset + 6])
    tables = []
    for i in range(count):
        record = offset + 12 + 16 * i
        tag, _checksum, table_offset, length = struct.unpack(">4sIII", collection[record:record + 16])
        tables.append((tag, collection[table_offset:table_offset + length]))
    return sfnt_version, tables


def face_name(tables) -> str:
    """The full font name (name id 4) in English, for --list."""
    name = dict(tables).get(b"name")
    if name is None:
        return "?"
    _format, count, string_offset = struct.unpack(">HHH", name[:6])
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack(">6H", name[6 + 12 * i:18 + 12 * i])
        raw = name[string_offset + offset:string_offset + offset + length]
        if name_id == 4 and platform == 3 and language == 0x409:
            return raw.decode("utf-16-be")
        if name_id == 4 and platform == 1 and language == 0:
            return raw.decode("latin-1")
    return "?"


def build_font(sfnt_version: int, tables) -> bytes:
    tables = sorted(tables, key=lambda t: t[0])  # the table directory is sorted by tag
    count = len(tables)
    entry_selector = count.bit_length() - 1
    search_range = (1 << entry_selector) * 16
    header = struct.pack(">IHHHH", sfnt_version, count, search_range, entry_selector, count * 16 - search_range)

    offset = 12 + 16 * count
    directory = b""
    body = b""
    head_position = None
    for tag, data in tables:
        if tag == b"head":
            # checkSumAdjustment (bytes 8-11) is zero while the checksums are computed.
            data = data[:8] + b"\0\0\0\0" + data[12:]
            head_position = offset
        directory += struct.pack(">4sIII", tag, checksum(data), offset, len(data))
        padded = data + b"\0" * (-len(data) % 4)
        body += padded
        offset += len(padded)

    font = bytearray(header + directory + body)
    if head_position is not None:
        adjustment = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
        font[head_position + 8:head_position + 12] = struct.pack(">I", adjustment)
    return bytes(font)


def main(argv) -> int:
    if len(argv) == 3 and argv[1] == "--list":
        collection = open(argv[2], "rb").read()
        for index, offset in enumerate(face_offsets(collection)):
            print(index, face_name(read_tables(collection, offset)[1]))
        return 0
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2

    collection = open(argv[1], "rb").read()
    offsets = face_offsets(collection)
    index = int(argv[2])
    if not 0 <= index < len(offsets):
        raise SystemExit("face %d not in the collection (it has %d)" % (index, len(offsets)))
    sfnt_version, tables = read_tables(collection, offsets[index])
    with open(argv[3], "wb") as output:
        output.write(build_font(sfnt_version, tables))
    print("%s: %s, %d tables" % (argv[3], face_name(tables), len(tables)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
