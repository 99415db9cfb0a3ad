#!/usr/bin/env python3
"""Writes ../resources/secure-aes-gcm-vectors.json: vectors of aex's secure AES suite (SECURITY.md).

Computed with the Python `cryptography` package (OpenSSL), independently of the Java code, so the
Java tests check the byte layout against a second implementation. Rerun after a layout change:
    python3 aex-crypto/src/test/python/secure_aes_vectors.py
"""
import json
import os
import random
import struct

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORWARD, REPLY = 1, 2
K = bytes(range(16))
CK = bytes(range(16, 32))


def frame(key, direction, counter, ad, plaintext):
    iv = struct.pack(">IQ", direction, counter)
    return struct.pack(">Q", counter) + AESGCM(key).encrypt(iv, plaintext, ad)


def vector(name, key, direction, counter, ad, plaintext, note):
    return {
        "name": name,
        "note": note,
        "key": key.hex(),
        "direction": direction,
        "counter": counter,
        "ad": ad.hex(),
        "plaintext": plaintext.hex(),
        "frame": frame(key, direction, counter, ad, plaintext).hex(),
    }


def main():
    rng = random.Random(20261128)
    conn_key = bytes(range(0x20, 0x30))
    set_key_ad = struct.pack(">HBHH", 0, 2, 1, 16384)
    vectors = [
        vector("empty-counter-0", CK, FORWARD, 0, b"", b"", "smallest frame: counter and tag"),
        vector("event-counter-0", CK, FORWARD, 0, struct.pack(">HH", 3, 1), bytes.fromhex("0100"),
               "output event on connection 1: AD = BE16(entry 3) || BE16(conn_id)"),
        vector("event-counter-1", CK, FORWARD, 1, struct.pack(">HH", 3, 1), bytes.fromhex("0100"),
               "same event, next counter: a different IV, so a different keystream"),
        vector("request-counter-4", CK, FORWARD, 4, struct.pack(">HH", 4, 3), b"ping",
               "request on connection 3: AD = BE16(entry 4) || BE16(conn_id)"),
        vector("reply-counter-4", CK, REPLY, 4, struct.pack(">HH", 4, 3), b"pong",
               "the handler's reply to request 4: same counter, reply direction"),
        vector("set-key-control-0", K, FORWARD, 0, set_key_ad, conn_key,
               "set_key under the module key: AD = BE16(entry 0) || enc || conn_id || io_id"),
        vector("attest-control-7", K, FORWARD, 7, struct.pack(">H", 1), bytes(range(0xa0, 0xb0)),
               "attest request carrying a 16-byte challenge: AD = BE16(entry 1)"),
        vector("attest-reply-7", K, REPLY, 7, struct.pack(">H", 1), bytes(range(0xa0, 0xb0)),
               "the module's attest reply echoes the challenge under the reply direction"),
        vector("disable-control-8", K, FORWARD, 8, struct.pack(">H", 2), b"",
               "disable: AD = BE16(entry 2), empty plaintext"),
        vector("counter-2^32", CK, FORWARD, 2**32, b"", b"wide", "counter beyond 32 bits"),
        vector("counter-last", CK, FORWARD, 2**63 - 2, b"", b"last", "the last counter a sender uses"),
        vector("plaintext-1000", CK, FORWARD, 9, b"ad", bytes(i % 251 for i in range(1000)),
               "a larger event"),
    ]
    for i in range(20):
        key = bytes(rng.getrandbits(8) for _ in range(16))
        ad = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 24)))
        pt = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 80)))
        vectors.append(vector("random-%02d" % i, key, rng.choice([FORWARD, REPLY]),
                              rng.getrandbits(63), ad, pt, "seeded random case"))
    out = {
        "description": "aex secure AES suite (SECURITY.md): frame = BE64(counter) || AES-128-GCM("
                       "key, IV = BE32(direction) || BE64(counter), AD, plaintext) with a 16-byte tag."
                       " direction 1 = forward, 2 = reply.",
        "origin": "computed with Python cryptography (OpenSSL) by src/test/python/secure_aes_vectors.py",
        "vectors": vectors,
    }
    path = os.path.join(os.path.dirname(__file__), "..", "resources", "secure-aes-gcm-vectors.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
