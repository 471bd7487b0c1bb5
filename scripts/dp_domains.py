#!/usr/bin/env python3
"""Write `domain` statements for every column of a CSV, for benchmarks only.

A real private release declares domains from a codebook. Benchmarks (as the NIST 2018
challenge and private-pgm's examples do) take the domain as public and read it from the data:
numbers with up to 30 distinct values become a list, other numbers the range min..max, text
a list of levels. Columns named in --skip (identifiers) get no domain.

Usage: dp_domains.py data.csv[.gz] variable [--missing ?] [--skip a,b]
"""
import argparse, csv, gzip, io, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path"); ap.add_argument("variable")
    ap.add_argument("--missing", action="append", default=["", "NA"])
    ap.add_argument("--skip", default="")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    opener = gzip.open if args.path.endswith(".gz") else open
    with opener(args.path, "rt", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        values = [set() for _ in header]
        missing = [False] * len(header)
        for row in reader:
            for i, v in enumerate(row):
                if v in args.missing: missing[i] = True
                else: values[i].add(v)
    for i, name in enumerate(header):
        if name in skip: continue
        vals = values[i]
        nums = []
        try: nums = sorted(float(v) for v in vals)
        except ValueError: nums = None
        option = " missing=true" if missing[i] else ""
        # Names that are not plain words are quoted: dia."glyburide-metformin".
        col = name if name.replace("_", "a").isalnum() and not name[0].isdigit() else '"' + name + '"'
        if nums is not None and len(nums) > 30:
            whole = all(x == int(x) for x in nums)
            lo, hi = nums[0], nums[-1]
            fmt = (lambda x: str(int(x))) if whole else (lambda x: repr(x))
            print(f"domain {args.variable}.{col} {fmt(lo)}..{fmt(hi)}{option}")
        else:
            levels = sorted(vals)
            quoted = ", ".join('"' + v.replace('\\', '\\\\').replace('"', '\\"') + '"' for v in levels)
            print(f"domain {args.variable}.{col} [{quoted}]{option}")

if __name__ == "__main__":
    main()
