package cli

import (
	"context"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/pipeline"
	"github.com/herald-advocacy/herald/internal/store"
)

// analyzer builds the workspace's analyzer (see pipeline.Analyzer).
func (a *app) analyzer(ctx context.Context, db *store.DB, ws *herald.Workspace) (*analysis.Analyzer, error) {
	lex, err := a.lexicons()
	if err != nil {
		return nil, err
	}
	return pipeline.Analyzer(ctx, db, lex, ws)
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
	return pipeline.UpdateScores(ctx, db, ws, persons)
}
