package intent

import "testing"

// FuzzClassify checks that no input panics, that Classify is
// deterministic, and that Explain and Analyze agree with it (see
// checkEvidence). The committed corpus is in testdata/fuzz/FuzzClassify.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"", "?", "@", "#", "&", "&lt;3", "http://", "@united why can't you ever be on time?!",
		"@united thanks for nothing", "can't recommend @jetblue enough", "best * ever", "\xff\xfe?!",
	} {
		f.Add(s, 0, true)
	}
	f.Fuzz(func(t *testing.T, text string, others int, direct bool) {
		in := Input{Text: text, OtherBrands: others, Direct: direct}
		if a, b := Classify(in), Classify(in); a != b {
			t.Fatalf("Classify(%q) not deterministic: %v then %v", text, a, b)
		}
		checkEvidence(t, in)
	})
}
