// SynthEvalTests
