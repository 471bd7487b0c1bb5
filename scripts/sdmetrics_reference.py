#!/usr/bin/env python3
"""Reference fidelity scores from the SDMetrics Python package, to check `synth compare` against.

Runs SDMetrics' single-table QualityReport (Column Shapes: KSComplement / TVComplement;
Column Pair Trends: CorrelationSimilarity / ContingencySimilarity) on a real and a synthetic CSV
and prints the overall score, the two property scores and every column and pair score as text.

Usage:
    python3 scripts/sdmetrics_reference.py real.csv synthetic.csv \
        --categorical sex,cp,fbs,restecg,exang,slope,thal,num [--missing "?"]

Needs `pip install sdmetrics pandas` (written against sdmetrics 0.32). Columns named in
--categorical get sdtype "categorical", every other column "numerical". Values of a categorical
column that all parse as numbers are compared as numbers, so "1.0" in one file and "1" in the
other are the same category. Empty cells (and the --missing marker) are missing values.

Since sdmetrics 0.32 the report by default only averages pairs whose real correlation exceeds
0.5 (numeric pairs) or whose real Cramer's V exceeds 0.3 (other pairs). The scores printed
first use no threshold (every pair counts, the classic definition `synth` follows); the
thresholded scores of the package defaults are printed after them, and the per-pair "default"
column tells whether a pair counts under those defaults.
"""

import argparse
import warnings

import pandas as pd

warnings.simplefilter('ignore', FutureWarning)
from sdmetrics.reports.single_table import QualityReport  # noqa: E402


def read_table(path, categorical, missing):
    """Read a CSV; numeric-looking categorical columns become floats, others strings."""
    na_values = [missing] if missing else None
    data = pd.read_csv(path, dtype=str, na_values=na_values, keep_default_na=True)
    for column in data.columns:
        numbers = pd.to_numeric(data[column], errors='coerce')
        all_numeric = numbers.notna().sum() == data[column].notna().sum()
        if all_numeric:
            data[column] = numbers
    return data


def run_report(real, synthetic, metadata, thresholds):
    """Generate a QualityReport; without thresholds every pair contributes."""
    report = QualityReport()
    if not thresholds:
        report.real_correlation_threshold = 0
        report.real_association_threshold = 0
    report.generate(real, synthetic, metadata, verbose=False)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('real')
    parser.add_argument('synthetic')
    parser.add_argument('--categorical', default='', help='comma-separated categorical columns')
    parser.add_argument('--missing', default=None, help='extra marker of a missing value')
    args = parser.parse_args()

    categorical = {c for c in args.categorical.split(',') if c}
    real = read_table(args.real, categorical, args.missing)
    synthetic = read_table(args.synthetic, categorical, args.missing)
    unknown = categorical - set(real.columns)
    if unknown:
        parser.error(f'not columns of {args.real}: {", ".join(sorted(unknown))}')
    columns = [c for c in real.columns if c in synthetic.columns]
    real, synthetic = real[columns], synthetic[columns]
    metadata = {'columns': {
        c: {'sdtype': 'categorical' if c in categorical else 'numerical'} for c in columns
    }}

    report = run_report(real, synthetic, metadata, thresholds=False)
    default = run_report(real, synthetic, metadata, thresholds=True)
    shapes = report.get_details('Column Shapes')
    pairs = report.get_details('Column Pair Trends')
    default_pairs = default.get_details('Column Pair Trends')
    scores = report.get_properties().set_index('Property')['Score']

    print(f'sdmetrics QualityReport: {len(real)} real rows, {len(synthetic)} synthetic rows')
    print(f'overall quality     {report.get_score():.4f}')
    print(f'column shapes       {scores["Column Shapes"]:.4f}')
    print(f'column pair trends  {scores["Column Pair Trends"]:.4f}')
    default_scores = default.get_properties().set_index('Property')['Score']
    print(f'package defaults (thresholds): overall {default.get_score():.4f}, '
          f'pair trends {default_scores["Column Pair Trends"]:.4f} '
          f'({int(default_pairs["Meets Threshold?"].fillna(False).sum())} of {len(pairs)} pairs)')

    print('\ncolumn shapes')
    for _, row in shapes.iterrows():
        error = f'  {row["Error"]}' if 'Error' in row and isinstance(row['Error'], str) else ''
        print(f'  {row["Column"]:<12} {row["Metric"]:<14} {row["Score"]:.4f}{error}')

    print('\ncolumn pair trends (real / synthetic correlation for numeric pairs)')
    for (_, row), (_, drow) in zip(pairs.iterrows(), default_pairs.iterrows()):
        name = f'{row["Column 1"]} ~ {row["Column 2"]}'
        corr = ''
        if row['Metric'] == 'CorrelationSimilarity':
            corr = f'  {row["Real Correlation"]:+.3f} / {row["Synthetic Correlation"]:+.3f}'
        meets = drow['Meets Threshold?']
        counts = 'yes' if pd.notna(meets) and bool(meets) else 'no'
        error = f'  {row["Error"]}' if 'Error' in row and isinstance(row['Error'], str) else ''
        print(f'  {name:<22} {row["Metric"]:<22} {row["Score"]:.4f}  default:{counts:<3}{corr}{error}')


if __name__ == '__main__':
    main()
