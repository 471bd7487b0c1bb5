#!/usr/bin/env python3
"""Reference MST (smartnoise-synth / private-pgm) on the same public bins as scripts/dp_bench, for benchmarking only."""
# Usage: mst_reference_matched.py <adult_train.csv> <out.csv> [epsilon] [seed]
# Needs: python3 -m venv /tmp/pgm && /tmp/pgm/bin/pip install smartnoise-synth
#
# Like for like with synth's Adult benchmark: numeric columns are cut at the bins that
# scripts/dp_bench declares (one per year, per hour and per education number; fnlwgt in 32
# equal bins; capital gain and loss at the same breaks), every column is then categorical, all of
# epsilon goes to MST (no private bounds), and values are decoded uniformly within their bin.
# mbi 1.1.0's default "round" sampler adds spurious correlations (fixed upstream in mbi PR #145,
# mbi 2.0, which smartnoise-synth 1.0.8 cannot use), so its i.i.d. "sample" method is used.
import mbi.markov_random_field as mrf
_synthetic_data = mrf.MarkovRandomField.synthetic_data
mrf.MarkovRandomField.synthetic_data = lambda self, rows=None, method="sample": _synthetic_data(self, rows, method="sample")
import sys, time
import numpy as np, pandas as pd
from snsynth import Synthesizer
src, dst, eps = sys.argv[1], sys.argv[2], float(sys.argv[3])
if len(sys.argv) > 4: np.random.seed(int(sys.argv[4]))
df = pd.read_csv(src)
cols = list(df.columns)
def edges_equal(lo, hi, n): return list(np.linspace(lo, hi, n + 1))
# bin edges [e0, e1, ..., ek]; bin i = [e_i, e_{i+1}); last bin closed
EDGES = {
 "fnlwgt": edges_equal(10000, 1500000, 32),
 "capital-gain": [0, 1, 1000, 2000, 3000, 4000, 5000, 7000, 10000, 15000, 20000, 30000, 50000, 99999, 100000],
 "capital-loss": [0, 1, 1000, 1500, 1750, 1900, 2000, 2200, 2500, 3000, 4356],
}
PERVALUE = ["age", "education-num", "hours-per-week"]  # one bin per integer value
work = pd.DataFrame(index=df.index)
for c in cols:
    if c in EDGES:
        e = np.array(EDGES[c]); v = df[c].clip(e[0], e[-1]).to_numpy()
        work[c] = np.minimum(np.searchsorted(e, v, side="right") - 1, len(e) - 2).astype(str)
    elif c in PERVALUE:
        work[c] = df[c].astype(int).astype(str)
    else:
        work[c] = df[c].fillna("").astype(str)
t = time.perf_counter()
s = Synthesizer.create("mst", epsilon=eps, delta=1e-6)
s.fit(work, categorical_columns=cols, preprocessor_eps=0.0)
out = pd.DataFrame(s.sample(len(df)), columns=cols)
el = time.perf_counter() - t
rng = np.random.default_rng()
for c in cols:
    if c in EDGES:
        e = EDGES[c]; b = out[c].astype(int).to_numpy()
        lo = np.array([int(np.ceil(e[i])) for i in b]); hi = np.array([int(np.ceil(e[i+1])) - 1 if i + 1 < len(e) - 1 else int(e[i+1]) for i in b])
        out[c] = rng.integers(lo, np.maximum(hi, lo) + 1)
    elif c in PERVALUE:
        out[c] = out[c].astype(int)
out[cols].to_csv(dst, index=False)
print(f"MST epsilon={s.epsilon} delta=1e-6 rows={len(out)}\nfit+sample wall-clock: {el:.1f} s")
