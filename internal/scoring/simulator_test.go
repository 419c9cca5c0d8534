package scoring_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/advocacy"
	"github.com/herald-advocacy/herald/internal/analysis"
	"github.com/herald-advocacy/herald/internal/demo"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/scoring"
	"github.com/herald-advocacy/herald/internal/store"
)

// planted is one simulated person: what they were planted as and what the
// scorer said of them for the own brand.
type planted struct {
	person int64
	arch   demo.Archetype
	want   demo.Expectation
	score  float64
	stage  string
	flags  []string
}

// simulate generates a demo community, imports it through the real
// pipeline (analysis included) into SQLite, links cross-network people,
// scores everyone and returns the planted people with their results.
func simulate(t *testing.T, opt demo.Options) []planted {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "sim.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ws := demo.Workspace()
	if err := db.SyncWorkspace(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	var sum demo.Summary
	importInto(t, db, &ws, func(ctx context.Context, _ io.Reader, emit herald.Emit) error {
		var gerr error
		sum, gerr = demo.Generate(ctx, opt, emit)
		return gerr
	}, opt.End)
	persons := linkAll(t, db, ws.ID, sum)
	if _, err := scoring.New(db, &ws, advocacy.DefaultWeights()).Rescore(ctx); err != nil {
		t.Fatal(err)
	}
	return results(t, db, &ws, persons)
}

// importInto runs records through the real ingest pipeline, text
// analysis included, into the workspace.
func importInto(t *testing.T, db *store.DB, ws *herald.Workspace, parse ingest.ParseFunc, now time.Time) {
	t.Helper()
	ctx := context.Background()
	lex, err := analysis.LoadLexicons()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.New(lex, ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.NewWriter(ctx, ws.ID, 10000)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ingest.Run(ctx, w, ingest.Source{Name: "test", R: strings.NewReader(""), Size: -1, Parse: parse},
		ingest.Options{Analyzer: an, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

// linkAll links each planted person's identities and maps person ids to
// archetypes.
func linkAll(t *testing.T, db *store.DB, ws int64, sum demo.Summary) map[int64]demo.Archetype {
	ctx := context.Background()
	find := func(key string) herald.Identity {
		net, ext, _ := strings.Cut(key, ":")
		id, err := db.FindIdentity(ctx, ws, herald.AccountRef{Network: herald.Network(net), Handle: ext})
		if err != nil {
			t.Fatalf("identity %s: %v", key, err)
		}
		return id
	}
	for _, group := range sum.Linked {
		var ids []int64
		for _, k := range group {
			ids = append(ids, find(k).ID)
		}
		if _, err := db.LinkIdentities(ctx, ws, ids); err != nil {
			t.Fatal(err)
		}
	}
	out := map[int64]demo.Archetype{}
	for k, arch := range sum.Truth {
		out[find(k).PersonID] = arch
	}
	return out
}

func results(t *testing.T, db *store.DB, ws *herald.Workspace, persons map[int64]demo.Archetype) []planted {
	own, _ := ws.Brand("northwind")
	rows, err := db.Advocates(context.Background(), ws.ID, store.AdvocateFilter{BrandID: own.ID, Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	byPerson := map[int64]store.Advocate{}
	for _, r := range rows {
		byPerson[r.PersonID] = r
	}
	var out []planted
	for p, arch := range persons {
		want := demo.Expected(arch)
		if want.Exclude {
			continue
		}
		pl := planted{person: p, arch: arch, want: want, stage: demo.StageAudience}
		if r, ok := byPerson[p]; ok {
			pl.score, pl.stage = r.Score, r.Stage
			for _, f := range advocacy.Flags(r.Flags).Names() {
				if slices.Contains(demo.FlagNames(), f) { // the simulator plants these four
					pl.flags = append(pl.flags, f)
				}
			}
		}
		out = append(out, pl)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].person < out[j].person
	})
	return out
}

// metrics are the simulator figures guarded below.
type metrics struct {
	precisionAtK map[string]float64 // stage → share of the top k planted at that stage or above (k = how many were)
	recall       map[string]float64 // stage or flag → share of planted people given it
	precision    map[string]float64 // flag → share of flagged people planted with it
	accepted     map[demo.Archetype]float64
}

func measure(ps []planted) metrics {
	m := metrics{precisionAtK: map[string]float64{}, recall: map[string]float64{}, precision: map[string]float64{},
		accepted: map[demo.Archetype]float64{}}
	advocateLike := func(p planted) bool {
		return slices.Contains(p.want.Stages, demo.StageAdvocate) || slices.Contains(p.want.Stages, demo.StageChampion)
	}
	for _, stage := range []string{demo.StageChampion, demo.StageAdvocate} {
		k, hit := 0, 0
		for _, p := range ps {
			if p.want.Stage == stage || stage == demo.StageAdvocate && advocateLike(p) {
				k++
			}
		}
		for _, p := range ps[:min(k, len(ps))] {
			if stage == demo.StageChampion && p.want.Stage == stage || stage == demo.StageAdvocate && advocateLike(p) {
				hit++
			}
		}
		m.precisionAtK[stage] = ratio(hit, k)
	}
	for _, stage := range demo.StageNames() {
		n, got := 0, 0
		for _, p := range ps {
			if p.want.Stage == stage {
				n++
				if slices.Contains(p.want.Stages, p.stage) {
					got++
				}
			}
		}
		m.recall[stage] = ratio(got, n)
	}
	for _, flag := range demo.FlagNames() {
		planted, flagged, both := 0, 0, 0
		for _, p := range ps {
			want, has := slices.Contains(p.want.Flags, flag), slices.Contains(p.flags, flag)
			planted, flagged = planted+b2i(want), flagged+b2i(has)
			both += b2i(want && has)
		}
		m.recall[flag], m.precision[flag] = ratio(both, planted), ratio(both, flagged)
	}
	count := map[demo.Archetype]int{}
	for _, p := range ps {
		count[p.arch]++
		if p.want.Accepts(p.stage, p.flags) {
			m.accepted[p.arch]++
		}
	}
	for a, n := range count {
		m.accepted[a] /= float64(n)
	}
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (m metrics) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "precision@k: champion %.2f, advocate-or-champion %.2f\n", m.precisionAtK[demo.StageChampion], m.precisionAtK[demo.StageAdvocate])
	for _, s := range demo.StageNames() {
		fmt.Fprintf(&b, "recall %-10s %.2f\n", s, m.recall[s])
	}
	for _, f := range demo.FlagNames() {
		fmt.Fprintf(&b, "flag %-20s precision %.2f recall %.2f\n", f, m.precision[f], m.recall[f])
	}
	var archs []string
	for a := range m.accepted {
		archs = append(archs, string(a))
	}
	sort.Strings(archs)
	for _, a := range archs {
		fmt.Fprintf(&b, "accepted %-20s %.2f\n", a, m.accepted[demo.Archetype(a)])
	}
	return b.String()
}

// TestSimulatedCommunity measures advocate identification on a simulated
// community with planted, overlapping types (see package demo), through
// the real import, analysis and scoring, and guards the figures.
func TestSimulatedCommunity(t *testing.T) {
	if testing.Short() {
		t.Skip("imports and scores a 3,000-person community")
	}
	end := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	m := measure(simulate(t, demo.Options{Seed: 7, People: 3000, Start: end.AddDate(0, 0, -180), End: end}))
	t.Logf("simulated community, 3,000 people, seed 7:\n%s", m)
	// Floors a few points under the figures measured when they were set
	// (2026-11-23): a change that loses more fails here.
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s = %.2f, below its floor %.2f", name, got, floor)
		}
	}
	check("precision@k champion", m.precisionAtK[demo.StageChampion], 0.85)
	check("precision@k advocate-or-champion", m.precisionAtK[demo.StageAdvocate], 0.70)
	for stage, floor := range map[string]float64{demo.StageAudience: 0.95, demo.StageEngaged: 0.9, demo.StagePotential: 0.9,
		demo.StageAdvocate: 0.85, demo.StageChampion: 0.9} {
		check("recall "+stage, m.recall[stage], floor)
	}
	for flag, floors := range map[string][2]float64{demo.FlagDetractor: {0.9, 0.9}, demo.FlagAtRisk: {0.85, 0.75},
		demo.FlagCompetitorAdvocate: {0.8, 0.8}, demo.FlagEmployee: {1, 1}} {
		check("precision "+flag, m.precision[flag], floors[0])
		check("recall "+flag, m.recall[flag], floors[1])
	}
	for arch, floor := range map[demo.Archetype]float64{demo.Bot: 0.95, demo.LoyalComplainer: 0.85, demo.Influencer: 0.8,
		demo.BurstFan: 0.9, demo.SteadyFan: 0.8} {
		check("accepted "+string(arch), m.accepted[arch], floor)
	}
}
