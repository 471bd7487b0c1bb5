#!/usr/bin/env python3
"""Singling-out risk of a synthetic table, measured with the anonymeter package.

anonymeter (Giomi et al., PETS 2023) attacks the original training rows using only the synthetic
table ("there is exactly one person with value X"), and runs the same attack against a control
set of real rows the synthesizer never saw. The risk is (main - control) / (1 - control), with
a Wilson confidence interval. 0 means the synthetic table singles out no more training patients
than it does unseen ones.

Usage:
    python3 scripts/singling_out.py train.csv control.csv synthetic.csv \
        [--missing "?"] [--drop encounter_id,patient_nbr] [--attacks 500] [--mode univariate]

Needs `pip install anonymeter` (checked with anonymeter 1.1). Identifier columns (which synth
regenerates) must be dropped with --drop: they are never modelled, so they say nothing here.
"""

import argparse

import pandas as pd
from anonymeter.evaluators import SinglingOutEvaluator


def read(path, missing, drop):
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""] + missing, low_memory=False)
    return frame.drop(columns=[c for c in drop if c in frame.columns])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train")
    parser.add_argument("control")
    parser.add_argument("synthetic")
    parser.add_argument("--missing", action="append", default=[], help="extra missing-value marker")
    parser.add_argument("--drop", default="", help="comma-separated columns to leave out (identifiers)")
    parser.add_argument("--attacks", type=int, default=500)
    parser.add_argument("--mode", default="univariate", choices=["univariate", "multivariate"])
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    drop = [c for c in args.drop.split(",") if c]
    train = read(args.train, args.missing, drop)
    control = read(args.control, args.missing, drop)
    synthetic = read(args.synthetic, args.missing, drop)
    columns = [c for c in train.columns if c in synthetic.columns]
    train, control, synthetic = train[columns], control[columns], synthetic[columns]
    # The same dtype in all three frames, as anonymeter compares values directly.
    for column in columns:
        if train[column].dtype == object or synthetic[column].dtype == object:
            for frame in (train, control, synthetic):
                frame[column] = frame[column].astype("string")

    evaluator = SinglingOutEvaluator(ori=train, syn=synthetic, control=control,
                                     n_attacks=args.attacks, seed=args.seed)
    evaluator.evaluate(mode=args.mode)
    risk = evaluator.risk(confidence_level=0.95)
    results = evaluator.results()
    print(f"singling-out ({args.mode}, {args.attacks} attacks): risk {risk.value:.3f} "
          f"(95% CI {risk.ci[0]:.3f} to {risk.ci[1]:.3f}); "
          f"main attack success {results.attack_rate.value:.3f}, control {results.control_rate.value:.3f}")


if __name__ == "__main__":
    main()
