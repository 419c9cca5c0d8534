package advocacy

import (
	"slices"
	"testing"
)

func TestParseLists(t *testing.T) {
	for _, c := range []struct {
		in      string
		stages  []string
		wantErr bool
	}{
		{"", nil, false},
		{" , ", nil, false},
		{"advocate", []string{"advocate"}, false},
		{"Champion, potential-advocate,,engaged", []string{"champion", "potential", "engaged"}, false},
		{"advocate,fan", nil, true},
	} {
		got, err := ParseStageList(c.in)
		if (err != nil) != c.wantErr || !slices.Equal(got, c.stages) {
			t.Errorf("ParseStageList(%q) = %v, %v; want %v (error %v)", c.in, got, err, c.stages, c.wantErr)
		}
	}
	for _, c := range []struct {
		in      string
		want    Flags
		wantErr bool
	}{
		{"", 0, false},
		{"at_risk", FlagAtRisk, false},
		{"at-risk, detractor", FlagAtRisk | FlagDetractor, false},
		{"at_risk,nope", 0, true},
	} {
		got, err := ParseFlagList(c.in)
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("ParseFlagList(%q) = %v, %v; want %v (error %v)", c.in, got, err, c.want, c.wantErr)
		}
	}
}
