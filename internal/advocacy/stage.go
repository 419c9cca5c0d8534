package advocacy

import (
	"fmt"
	"strings"
)

// Stage is where a person stands in the advocacy journey toward a brand,
// from the lowest.
type Stage uint8

// The stages, in order.
const (
	StageAudience  Stage = iota // only likes, shares or follows
	StageEngaged                // speaks about the brand
	StagePotential              // some positive voice: a potential advocate
	StageAdvocate               // positive, brand-directed voice over several weeks
	StageChampion               // a long-standing, contributing, amplified advocate
)

var stageNames = [...]string{"audience", "engaged", "potential", "advocate", "champion"}

// String returns the stage's name ("potential" for StagePotential).
func (s Stage) String() string {
	if int(s) < len(stageNames) {
		return stageNames[s]
	}
	return fmt.Sprintf("stage(%d)", uint8(s))
}

// Stages lists every stage, lowest first.
func Stages() []Stage {
	return []Stage{StageAudience, StageEngaged, StagePotential, StageAdvocate, StageChampion}
}

// ParseStage returns the stage with the given name; "potential_advocate"
// and "potential-advocate" are accepted for "potential".
func ParseStage(name string) (Stage, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "potential_advocate" || n == "potential-advocate" || n == "potential advocate" {
		n = "potential"
	}
	for i, s := range stageNames {
		if s == n {
			return Stage(i), nil
		}
	}
	return 0, fmt.Errorf("unknown stage %q (want one of %s)", name, strings.Join(stageNames[:], ", "))
}

// Flags mark conditions beside the stage. The bit order is part of the
// storage format: never reorder, only append.
type Flags uint8

// The flags.
const (
	// FlagDetractor: predominantly negative toward the brand and not a
	// loyal voice (short-lived or leaving), or repeatedly telling others
	// to avoid it.
	FlagDetractor Flags = 1 << iota
	// FlagAtRisk: was advocate-level in the earlier window, and recently
	// fell silent, turned negative or shifted to a competitor.
	FlagAtRisk
	// FlagCompetitorAdvocate: an advocate or champion of a competitor (a
	// conversion target). Set on the competitor's result and on the own
	// brand's result.
	FlagCompetitorAdvocate
	// FlagEmployee: works for the brand; not an independent advocate.
	FlagEmployee
	// FlagPromotional: repetitive, link-heavy or machine-rate posting
	// (bots, deal spammers); the score is damped.
	FlagPromotional
	// FlagBrandAccount: one of the brand's own accounts; not scored.
	FlagBrandAccount
)

var flagNames = [...]string{"detractor", "at_risk", "competitor_advocate", "employee", "promotional", "brand_account"}

// Has reports whether every flag of g is set in f.
func (f Flags) Has(g Flags) bool { return f&g == g && g != 0 }

// Names lists the flags set, in bit order.
func (f Flags) Names() []string {
	var out []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// String joins the flag names with commas ("" for none).
func (f Flags) String() string { return strings.Join(f.Names(), ",") }

// ParseFlag returns the flag with the given name ("at-risk" is accepted
// for "at_risk").
func ParseFlag(name string) (Flags, error) {
	n := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "-", "_")
	for i, s := range flagNames {
		if s == n {
			return 1 << i, nil
		}
	}
	return 0, fmt.Errorf("unknown flag %q (want one of %s)", name, strings.Join(flagNames[:], ", "))
}

// ParseStageList parses a comma-separated list of stage names (blank
// entries ignored) into their canonical names.
func ParseStageList(list string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(list, ",") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		st, err := ParseStage(name)
		if err != nil {
			return nil, err
		}
		out = append(out, st.String())
	}
	return out, nil
}

// ParseFlagList parses a comma-separated list of flag names (blank entries
// ignored) into their union.
func ParseFlagList(list string) (Flags, error) {
	var out Flags
	for _, name := range strings.Split(list, ",") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		fl, err := ParseFlag(name)
		if err != nil {
			return 0, err
		}
		out |= fl
	}
	return out, nil
}
