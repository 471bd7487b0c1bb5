#!/usr/bin/env python3
"""Reference MST (McKenna et al. 2021, via smartnoise-synth / private-pgm) on Adult, used only for benchmarking."""
# Usage: mst_reference.py <adult_train.csv> <out.csv> [epsilon] [seed]
#
# Needs a separate venv with smartnoise-synth (which installs private-pgm as `mbi`):
#   python3 -m venv /tmp/pgm && /tmp/pgm/bin/pip install smartnoise-synth
#
# Budget: smartnoise-synth's default 'cube' preprocessing bins each continuous
# column into 10 equal-width bins between bounds it estimates privately
# (Laplace histogram, pure epsilon). PREPROCESSOR_SHARE of epsilon goes there,
# split equally among the continuous columns; the library subtracts it from the
# synthesizer's epsilon, and MST gets the rest with the whole delta. Total
# (epsilon, delta) by basic composition.
#
# Seed: numpy's global RNG (MST's exponential mechanism, decompression, sampling)
# is seeded; OpenDP's Laplace/Gaussian noise draws from the OS and cannot be seeded.
import sys
import time

import numpy as np
import pandas as pd
from snsynth import Synthesizer

NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
DELTA = 1e-6
PREPROCESSOR_SHARE = 0.1


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: mst_reference.py <adult_train.csv> <out.csv> [epsilon] [seed]")
    src, dst = sys.argv[1], sys.argv[2]
    epsilon = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    if len(sys.argv) > 4:
        np.random.seed(int(sys.argv[4]))

    df = pd.read_csv(src, skipinitialspace=True)
    columns = list(df.columns)
    continuous = [c for c in columns if c in NUMERIC]
    categorical = [c for c in columns if c not in NUMERIC]
    # Empty fields are missing values: keep them as an empty-string category so
    # they come back out as empty fields.
    for c in categorical:
        df[c] = df[c].fillna("").astype(str)

    preprocessor_eps = PREPROCESSOR_SHARE * epsilon
    start = time.perf_counter()
    synth = Synthesizer.create("mst", epsilon=epsilon, delta=DELTA)
    synth.fit(df, categorical_columns=categorical, continuous_columns=continuous,
              preprocessor_eps=preprocessor_eps)
    out = synth.sample(len(df))
    elapsed = time.perf_counter() - start

    out = pd.DataFrame(out)
    if list(out.columns) != columns:
        out.columns = columns
    out = out[columns]
    out.to_csv(dst, index=False)
    print(f"epsilon={epsilon} (preprocessing {preprocessor_eps:g}, MST {synth.epsilon:g}) "
          f"delta={DELTA:g} rows={len(out)}")
    print(f"fit+sample wall-clock: {elapsed:.1f} s")


if __name__ == "__main__":
    main()
