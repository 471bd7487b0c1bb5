// SynthRuntimeTests
