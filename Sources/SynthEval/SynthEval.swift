// SynthEval: fidelity, utility and privacy metrics of a synthetic table against the real one.
