package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/store/storetest"
)

func analysed(a *herald.Activity, brandID int64) *herald.Activity {
	a.Analysis = &herald.Analysis{Version: "v1", Lang: "en", Sentiment: herald.Sentiment{Label: herald.Negative, Score: -0.5},
		VADER:   herald.VADERScores{Neg: 0.3, Neu: 0.7, Compound: -0.5},
		Intents: herald.IntentComplaint | herald.IntentQuestion, Direct: true}
	a.Brands = []herald.BrandMention{{BrandID: brandID, Brand: "acme", Source: herald.MatchMention, Direct: true,
		Stance: herald.Stance{Sentiment: herald.Sentiment{Label: herald.Negative, Score: -0.5}, Basis: "overall"}}}
	return a
}

func TestAnalysisStored(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		w := mustSync(t, db, workspace("a"))
		a := analysed(post("100", author("1", "alice"), "@acme why is my bag lost"), w.Brands[0].ID)
		if got := put(t, db, w.ID, a); got[0] != store.Created {
			t.Fatalf("outcome %v", got[0])
		}
		acts := list(t, db, w.ID, store.ActivityFilter{})
		if diff := cmp.Diff(a.Analysis, acts[0].Analysis); diff != "" {
			t.Errorf("analysis read back (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(a.Brands, acts[0].Brands); diff != "" {
			t.Errorf("brands read back (-want +got):\n%s", diff)
		}
		if got := put(t, db, w.ID, a); got[0] != store.Unchanged {
			t.Errorf("same analysis again: %v, want unchanged", got[0])
		}
		b := *a
		an := *a.Analysis
		an.Intents = herald.IntentComplaint
		b.Analysis = &an
		if got := put(t, db, w.ID, &b); got[0] != store.Updated {
			t.Errorf("changed intents: %v, want updated", got[0])
		}
	})
}

func TestPutAnalyses(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("a"))
		other := mustSync(t, db, workspace("b"))
		put(t, db, w.ID, post("100", author("1", "alice"), "@acme great"))
		put(t, db, other.ID, post("100", author("1", "alice"), "@acme great"))
		a := list(t, db, w.ID, store.ActivityFilter{})[0]
		analysed(&a, w.Brands[0].ID)
		wr, err := db.NewWriter(ctx, w.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := wr.PutAnalyses(ctx, []*herald.Activity{&a}); err != nil {
			t.Fatal(err)
		}
		// A second pass replaces, not duplicates, the brand rows.
		a.Brands[0].Stance.Basis = "clause"
		if err := wr.PutAnalyses(ctx, []*herald.Activity{&a}); err != nil {
			t.Fatal(err)
		}
		if err := wr.Commit(); err != nil {
			t.Fatal(err)
		}
		got := list(t, db, w.ID, store.ActivityFilter{})[0]
		if diff := cmp.Diff(a.Analysis, got.Analysis); diff != "" {
			t.Errorf("analysis (-want +got):\n%s", diff)
		}
		if len(got.Brands) != 1 || got.Brands[0].Stance.Basis != "clause" {
			t.Errorf("brands %+v", got.Brands)
		}
		if o := list(t, db, other.ID, store.ActivityFilter{})[0]; o.Analysis != nil {
			t.Errorf("other workspace's activity was analysed: %+v", o.Analysis)
		}
	})
}

func TestModels(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := mustSync(t, db, workspace("a"))
		other := mustSync(t, db, workspace("b"))
		if _, err := db.ActiveModel(ctx, w.ID, "sentiment"); herald.ErrorCode(err) != herald.ENotFound {
			t.Fatalf("no model yet: err %v, want not found", err)
		}
		if err := db.SaveModel(ctx, &store.StoredModel{WorkspaceID: w.ID, Kind: "sentiment"}); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("empty model: err %v, want invalid", err)
		}
		data := []byte{0, 1, 2, 255, 'x'}
		for _, v := range []string{"lr1-a", "lr1-b"} {
			m := &store.StoredModel{WorkspaceID: w.ID, Kind: "sentiment", Version: v, Classes: []string{"negative", "positive"},
				Examples: 10, Source: "labels.csv", Metrics: json.RawMessage(`{"macro_f1":0.8}`), Data: append(data, v...)}
			if err := db.SaveModel(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		m, err := db.ActiveModel(ctx, w.ID, "sentiment")
		if err != nil {
			t.Fatal(err)
		}
		if m.Version != "lr1-b" || string(m.Data) != string(append(data, "lr1-b"...)) || len(m.Classes) != 2 {
			t.Errorf("active model %+v", m)
		}
		ms, err := db.Models(ctx, w.ID)
		if err != nil || len(ms) != 2 || !ms[0].Active || ms[1].Active || ms[0].Data != nil {
			t.Errorf("models %+v, %v", ms, err)
		}
		if _, err := db.ActiveModel(ctx, other.ID, "sentiment"); herald.ErrorCode(err) != herald.ENotFound {
			t.Errorf("other workspace sees a model: %v", err)
		}
	})
}

func TestWorkspaceScoringSettings(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := workspace("a")
		w.Scoring = map[string]float64{"influence": 0.8}
		mustSync(t, db, w)
		got, err := db.Workspace(ctx, "a")
		if err != nil || got.Scoring["influence"] != 0.8 {
			t.Fatalf("scoring settings read back: %+v, %v", got.Scoring, err)
		}
		w.Scoring = nil
		mustSync(t, db, w)
		all, err := db.Workspaces(ctx)
		if err != nil || len(all) != 1 || all[0].Scoring != nil {
			t.Errorf("cleared settings: %+v, %v", all, err)
		}
	})
}
