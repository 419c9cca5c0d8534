package intent

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestSetNames(t *testing.T) {
	tests := []struct {
		set   Set
		names []string
		str   string
	}{
		{0, []string{}, "none"},
		{Question, []string{"question"}, "question"},
		{PurchaseIntent | Question, []string{"question", "purchase_intent"}, "question|purchase_intent"},
		{All, []string{"question", "complaint", "praise", "recommendation", "comparison", "suggestion", "purchase_intent"},
			"question|complaint|praise|recommendation|comparison|suggestion|purchase_intent"},
		{1 << 7, []string{}, "none"}, // bits outside All are ignored
	}
	for _, tt := range tests {
		if got := tt.set.Names(); !slices.Equal(got, tt.names) {
			t.Errorf("%08b.Names() = %q, want %q", uint8(tt.set), got, tt.names)
		}
		if got := tt.set.String(); got != tt.str {
			t.Errorf("%08b.String() = %q, want %q", uint8(tt.set), got, tt.str)
		}
	}
}

func TestSetJSON(t *testing.T) {
	tests := []struct {
		set  Set
		json string
	}{
		{0, `[]`},
		{Complaint | Comparison, `["complaint","comparison"]`},
		{All, `["question","complaint","praise","recommendation","comparison","suggestion","purchase_intent"]`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.set)
		if err != nil || string(b) != tt.json {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.set, b, err, tt.json)
		}
		var back Set
		if err := json.Unmarshal(b, &back); err != nil || back != tt.set {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", b, back, err, tt.set)
		}
	}
}

func TestSetUnmarshalErrors(t *testing.T) {
	for _, in := range []string{`["question","nope"]`, `"question"`, `[1]`, `{}`} {
		var s Set
		if err := json.Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", in, s)
		}
	}
}

func TestParse(t *testing.T) {
	for _, b := range All.Each() {
		got, err := Parse(b.String())
		if err != nil || got != b {
			t.Errorf("Parse(%q) = %v, %v", b.String(), got, err)
		}
	}
	if _, err := Parse("Question"); err == nil {
		t.Error("Parse is case-sensitive; want an error for \"Question\"")
	}
}

func TestSetHasEach(t *testing.T) {
	s := Praise | Recommendation
	if !s.Has(Praise) || !s.Has(Praise|Recommendation) || s.Has(Praise|Complaint) {
		t.Errorf("Has is wrong for %v", s)
	}
	if got := s.Each(); !slices.Equal(got, []Set{Praise, Recommendation}) {
		t.Errorf("Each = %v", got)
	}
}
