// SynthReport: renders summaries and reports as terminal text.
