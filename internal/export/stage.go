package export

import (
	"time"

	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/store"
)

// StageChange is one change of a person's stage or flags for a brand.
type StageChange struct {
	Brand string    `json:"brand"`
	From  string    `json:"from"` // "" at the first scoring
	To    string    `json:"to"`
	Flags []string  `json:"flags"`
	At    time.Time `json:"at"`
}

// NewStageChanges converts stored stage changes; slugs names the brands.
func NewStageChanges(cs []store.StageChange, slugs map[int64]string) []StageChange {
	out := make([]StageChange, 0, len(cs))
	for _, c := range cs {
		fl := advocacy.Flags(c.ToFlags).Names()
		if fl == nil {
			fl = []string{}
		}
		out = append(out, StageChange{Brand: slugs[c.BrandID], From: c.FromStage, To: c.ToStage, Flags: fl, At: c.At})
	}
	return out
}
