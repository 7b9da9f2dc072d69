#!/usr/bin/env python3
"""split_seeds.py cuts the seed documents of /work/shared/seeds into one file per
article under data/sources/, by whole line ranges only, and asserts that every
output is a verbatim run of lines of its seed (nothing inside a kept passage is
edited). Run from the repository root: python3 data/split_seeds.py"""
import os, sys

SEEDS = "/work/shared/seeds"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sources")

# id -> (seed file, first line, last line), 1-based inclusive.
SPLIT = {
    "it-bio":      ("000_9bbe25e26afddd14.txt", 1, 5),
    "en-bio":      ("001_618212109d072ab5.txt", 1, 4),
    "bl":          ("002_3deb9d3b6b538183.txt", 25, 71),
    "jvl":         ("002_3deb9d3b6b538183.txt", 95, 281),
    "ice-axe":     ("002_3deb9d3b6b538183.txt", 293, 298),
    "history":     ("002_3deb9d3b6b538183.txt", 311, 319),
    "pt-headline": ("003_da334709978db59b.txt", 1, 1),
    "pt-bio":      ("003_da334709978db59b.txt", 3, 9),
    "betrayed":    ("004_a0a74c7c7a735595.txt", 1, 25),
}

def main():
    os.makedirs(OUT, exist_ok=True)
    for sid, (seed, a, b) in SPLIT.items():
        with open(os.path.join(SEEDS, seed), "rb") as f:
            raw = f.read()
        lines = raw.splitlines(keepends=True)
        assert 1 <= a <= b <= len(lines), (sid, a, b, len(lines))
        text = b"".join(lines[a - 1:b])
        # Verbatim: the output is a run of whole lines of the seed.
        start = len(b"".join(lines[:a - 1]))
        assert raw[start:start + len(text)] == text, sid
        assert text in raw, sid
        assert text.strip(), sid
        with open(os.path.join(OUT, sid + ".txt"), "wb") as f:
            f.write(text)
        print(f"{sid}: {seed} lines {a}-{b}, {len(text)} bytes")

if __name__ == "__main__":
    main()
