package chart

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
)

func TestHelpers(t *testing.T) {
	for in, want := range map[float64]string{0: "0.0", -0.01: "0.0", 12.345: "12.3"} {
		if got := Num(in); got != want {
			t.Errorf("Num(%v) = %s, want %s", in, got, want)
		}
	}
	var zero float64
	for _, x := range []float64{zero / zero, 1 / zero, -1 / zero} {
		if got := Num(x); got != "0.0" {
			t.Errorf("Num(%v) = %s", x, got)
		}
	}
	if niceTop, step := niceScale(0); niceTop != 4 || step != 1 {
		t.Errorf("niceScale(0) = %v, %v", niceTop, step)
	}
	if niceTop, step := niceScale(723); niceTop != 800 || step != 200 {
		t.Errorf("niceScale(723) = %v, %v", niceTop, step)
	}
	if Thousands(1234567) != "1,234,567" || Thousands(-1000) != "−1,000" || Percent(0.1234) != "12.3%" {
		t.Errorf("Thousands/Percent: %s %s %s", Thousands(1234567), Thousands(-1000), Percent(0.1234))
	}
}

// TestParse renders every chart template from a fresh template set: the
// output is well-formed SVG and a hostile brand name arrives escaped.
func TestParse(t *testing.T) {
	tmpl, err := Parse(template.New("x"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	own := store.BrandMetrics{BrandID: 1, Brand: "acme", Buckets: []store.BucketMetrics{
		{Start: start, Mentions: 3, ShareOfVoice: 1, Sentiment: store.Sentiment{Positive: 2, Neutral: 1, Net: 2.0 / 3}}},
		Total:  store.BucketMetrics{Mentions: 3, ShareOfVoice: 1, Sentiment: store.Sentiment{Positive: 2, Neutral: 1, Net: 2.0 / 3}},
		Funnel: store.Funnel{Stages: map[string]int64{"audience": 3, "advocate": 1}}}
	evil := `<script>alert(1)</script>`
	rep := &store.MetricsReport{Brands: []store.BrandMetrics{own}}
	for name, c := range map[string]any{"sov": ShareOfVoice(rep, 1, map[string]string{"acme": evil}, "day"),
		"sentiment": Sentiment(own, evil, "day"), "funnel": Funnel(own.Funnel)} {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, name, c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := xml.Unmarshal(b.Bytes(), new(struct{})); err != nil {
			t.Errorf("%s: not well-formed: %v", name, err)
		}
		if strings.Contains(b.String(), "<script>") {
			t.Errorf("%s: unescaped brand name", name)
		}
	}
}
