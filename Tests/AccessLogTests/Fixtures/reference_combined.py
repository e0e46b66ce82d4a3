"""Reference parser of the combined log format, for AccessLogTests: the strict grammar of a default nginx or Apache
log (no raw quote inside a quoted field, ASCII only), with Python's regex and datetime. Prints, for every line that
matches, its 1-based number and fields, tab-separated; lines that do not match are left out.

    python3 reference_combined.py FILE
"""
import re
import sys
from datetime import datetime

LINE = re.compile(rb'^(\S+) \S+ \S+ \[([^\]]+)\] "([^"]*)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$')
TOKEN = rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
WITH_VERSION = re.compile(rb"^(" + TOKEN + rb") (.*) (HTTP/\S*)$")
WITHOUT_VERSION = re.compile(rb"^(" + TOKEN + rb") (.+)$")


def main():
    out = sys.stdout.buffer
    with open(sys.argv[1], "rb") as log:
        for number, raw in enumerate(log, 1):
            line = raw.rstrip(b"\n")
            if line.endswith(b"\r"):
                line = line[:-1]
            match = LINE.match(line)
            if not match or any(byte >= 0x80 for byte in line):
                continue
            address, when, request, status, size, referer, agent = match.groups()
            epoch = int(datetime.strptime(when.decode(), "%d/%b/%Y:%H:%M:%S %z").timestamp())
            method, target, version = b"", b"", b""
            parts = WITH_VERSION.match(request)
            if parts:
                method, target, version = parts.groups()
            else:
                parts = WITHOUT_VERSION.match(request)
                if parts:
                    method, target = parts.groups()
            fields = [
                str(number).encode(), address, str(epoch).encode(), method, target, version, status,
                b"0" if size == b"-" else size, b"" if referer == b"-" else referer, b"" if agent == b"-" else agent,
            ]
            out.write(b"\t".join(fields) + b"\n")


main()
