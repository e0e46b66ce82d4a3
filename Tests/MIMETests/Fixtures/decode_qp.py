#!/usr/bin/env python3
"""Decodes the quoted-printable files MIMETests wrote, with Python's own decoders (stdlib only).

    python3 decode_qp.py DIR

DIR holds pairs NNN.in (the text given to the encoder) and NNN.qp (its encoding). For each pair, the expected
bytes are the input with every lone LF made CRLF (the encoder writes hard breaks as CRLF). Checks: binascii.a2b_qp,
quopri.decodestring and the email package (a text/plain part with Content-Transfer-Encoding: quoted-printable,
get_payload(decode=True)) all give exactly the expected bytes; every encoded line is at most 76 characters, 7-bit,
ends in CRLF and has no white space before its line break (RFC 2045 6.7 rules 3 and 5). Each failure is printed as
one JSON object {"file", "check", "detail"} per line, then a summary {"checked", "failures"}; the exit status is 0
when nothing failed.
"""
import binascii
import json
import os
import quopri
import re
import sys
from email import policy
from email.parser import BytesParser


def expected_bytes(data):
    return re.sub(rb"(?<!\r)\n", b"\r\n", data)


def main(folder):
    failures = []
    names = sorted(name[:-3] for name in os.listdir(folder) if name.endswith(".qp"))
    for name in names:
        with open(os.path.join(folder, name + ".in"), "rb") as handle:
            source = handle.read()
        with open(os.path.join(folder, name + ".qp"), "rb") as handle:
            encoded = handle.read()
        want = expected_bytes(source)

        def fail(check, detail=""):
            failures.append({"file": name, "check": check, "detail": detail})

        if binascii.a2b_qp(encoded) != want:
            fail("binascii", repr(binascii.a2b_qp(encoded)[:200]))
        if quopri.decodestring(encoded) != want:
            fail("quopri")
        message = BytesParser(policy=policy.default).parsebytes(
            b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + encoded
        )
        if message.defects:
            fail("email_defects", repr(message.defects))
        payload = message.get_payload(decode=True)
        if payload != want:
            fail("email", repr(payload[:200]))
        if any(byte > 127 for byte in encoded):
            fail("not_7bit")
        if encoded.count(b"\n") != encoded.count(b"\r\n") or encoded.count(b"\r") != encoded.count(b"\r\n"):
            fail("crlf")
        for line in encoded.split(b"\r\n"):
            if len(line) > 76:
                fail("line_gt_76", repr(line))
            if line.endswith(b" ") or line.endswith(b"\t"):
                fail("trailing_white_space", repr(line))
    for failure in failures:
        print(json.dumps(failure, ensure_ascii=False))
    print(json.dumps({"checked": len(names), "failures": len(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
