// SynthLangTests
