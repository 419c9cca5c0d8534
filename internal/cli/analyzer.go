package cli

import (
	"context"
	"fmt"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/text/model"
)

// analyzer builds the workspace's analyzer: its brands, and its trained
// sentiment model when one was trained (VADER otherwise).
func (a *app) analyzer(ctx context.Context, db *store.DB, ws *herald.Workspace) (*analysis.Analyzer, error) {
	lex, err := a.lexicons()
	if err != nil {
		return nil, err
	}
	var m *model.Model
	if db != nil {
		sm, err := db.ActiveModel(ctx, ws.ID, "sentiment")
		switch {
		case herald.ErrorCode(err) == herald.ENotFound:
		case err != nil:
			return nil, err
		default:
			if m, err = model.Unmarshal(sm.Data); err != nil {
				return nil, fmt.Errorf("workspace %s: stored sentiment model %s: %w (train it again)", ws.Slug, sm.Version, err)
			}
		}
	}
	return analysis.New(lex, ws, m)
}

// lexicons loads the shared lexicons once per run.
func (a *app) lexicons() (*analysis.Lexicons, error) {
	if a.lex == nil {
		lex, err := analysis.LoadLexicons()
		if err != nil {
			return nil, err
		}
		a.lex = lex
	}
	return a.lex, nil
}

// updateScores brings the advocacy scores of the workspace up to date
// after a change to these people's activity (an import, a reanalysis, a
// link).
func (a *app) updateScores(ctx context.Context, db *store.DB, ws *herald.Workspace, persons []int64) error {
	if len(persons) == 0 {
		return nil
	}
	sc, err := scoring.ForWorkspace(db, ws)
	if err == nil {
		_, err = sc.Update(ctx, persons)
	}
	if err != nil {
		return fmt.Errorf("update advocacy scores (the data is stored; run herald rescore): %w", err)
	}
	return nil
}
