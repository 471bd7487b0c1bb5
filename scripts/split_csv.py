#!/usr/bin/env python3
"""Split a CSV (optionally .gz) into a training and a control part by a seeded shuffle.

Usage: python3 scripts/split_csv.py data.csv.gz train.csv control.csv [--train 0.7] [--seed 1]
Assumes one record per line (no quoted line breaks), as in the shared benchmark tables. Writes the
rows byte for byte; used by scripts/privacy_bench.
"""

import argparse
import gzip
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("train")
    parser.add_argument("control")
    parser.add_argument("--train-share", type=float, default=0.7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    opener = gzip.open if args.source.endswith(".gz") else open
    with opener(args.source, "rt", newline="") as handle:
        header, *rows = handle.read().splitlines(keepends=True)
    random.Random(args.seed).shuffle(rows)
    cut = int(len(rows) * args.train_share)
    for path, part in ((args.train, rows[:cut]), (args.control, rows[cut:])):
        with open(path, "w", newline="") as out:
            out.write(header)
            out.writelines(part)


if __name__ == "__main__":
    main()
