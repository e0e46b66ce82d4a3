#!/usr/bin/env python3
"""resign-log.py SECRET STORE_DIR < generated.log > resigned.log

Rewrites a log of ../shared/bench/ingest/gen_log.py so that its `vt=` tokens are genuine vitrine tokens of the
store (docs/tracking.md): the pixel's become `open` tokens, `/u/` unsubscribes become `unsubscribe` tokens at
`/unsubscribe/`, every other `vt=` a `click`. Each original token maps to one (campaign, segment, customer,
product, day) by its hash, so the mix of distinct keys is the generator's; 0.5 % of the new tokens are tampered
(one character changed) as the generator's are. Stdlib only; the signer is the one of Tests/TrackingTests.
"""
import base64, csv, hashlib, hmac, json, re, struct, sys

secret = sys.argv[1].strip().encode()
store = sys.argv[2]
settings = json.load(open(store + "/store.json"))
identity = settings["base_url"].rstrip("/").encode()
key_id = int(settings.get("secret", {}).get("key_id", 0))
field = lambda x: struct.pack(">I", len(x)) + x
key = hmac.new(secret, b"vitrine/v1" + field(identity) + field(b"tracking") + field(str(key_id).encode()),
               hashlib.sha256).digest()
tag = lambda domain, value: int.from_bytes(hashlib.sha256(b"vitrine-tag/" + domain + b"\0" + value.encode()).digest()[:4], "big")
campaigns = [c["id"] for c in json.load(open(store + "/campaigns.json"))]
segments = [s["id"] for s in json.load(open(store + "/segments.json"))]
customers = [row["id"] for row in csv.DictReader(open(store + "/customers.csv"))]
slugs = [row["slug"] for row in csv.DictReader(open(store + "/products.csv"))]
pseudonyms = [int.from_bytes(hmac.new(key, b"recipient\0" + c.encode(), hashlib.sha256).digest()[:5], "big")
              for c in customers]
DAY0 = 19797  # 2024-03-15, the generator's first day

def sign(kind, original):
    h = hashlib.sha256(original).digest()
    campaign = tag(b"campaign", campaigns[h[0] % len(campaigns)]) >> 16
    segment = tag(b"segment", segments[h[1] % len(segments)]) >> 16
    recipient = pseudonyms[int.from_bytes(h[2:4], "big") % len(pseudonyms)]
    target = tag(b"target", slugs[h[4] % len(slugs)]) if kind == 2 else 0
    day = DAY0 + h[5] % 30
    payload = bytes([0x10 | key_id, kind]) + struct.pack(">HH", campaign, segment)
    payload += recipient.to_bytes(5, "big") + struct.pack(">IH", target, day)
    text = base64.urlsafe_b64encode(payload + hmac.new(key, payload, hashlib.sha256).digest()[:8]).decode().rstrip("=")
    if int.from_bytes(h[6:8], "big") % 200 == 0:  # tampered
        text = text[:12] + ("A" if text[12] != "A" else "B") + text[13:]
    return text.encode()

cache = {}
pattern = re.compile(rb'"([A-Z]+) (/[^ ?"]*)\?([^ "]*?)vt=([A-Za-z0-9_-]+)')

def replace(match):
    method, path, before, original = match.groups()
    kind = 3 if path.endswith(b"/px.gif") else 4 if path.startswith(b"/u/") else 2
    if kind == 4:
        path = b"/unsubscribe/"
    token = cache.get((kind, original))
    if token is None:
        token = cache[(kind, original)] = sign(kind, original)
    return b'"' + method + b" " + path + b"?" + before + b"vt=" + token

out = sys.stdout.buffer
for line in sys.stdin.buffer:
    out.write(pattern.sub(replace, line, count=1))
