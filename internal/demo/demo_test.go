package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/herald-advocacy/herald"
)

// community is the default-size demo, generated once for all tests.
var community struct {
	once sync.Once
	sim  *sim
	acts []*herald.Activity
	sum  Summary
	err  error
}

func defaultCommunity(t *testing.T) ([]*herald.Activity, Summary) {
	t.Helper()
	community.once.Do(func() {
		community.sim, community.sum, community.err = build(context.Background(), Options{Seed: 42})
		if community.err == nil {
			for _, n := range community.sim.out {
				community.acts = append(community.acts, &n.a)
			}
		}
	})
	if community.err != nil {
		t.Fatalf("Generate: %v", community.err)
	}
	return community.acts, community.sum
}

// defaultSim is the simulation behind defaultCommunity, with the planted
// intents and people.
func defaultSim(t *testing.T) *sim {
	t.Helper()
	defaultCommunity(t)
	return community.sim
}

// digest hashes the JSON encoding of every record Generate emits.
func digest(t *testing.T, opt Options) string {
	t.Helper()
	h := sha256.New()
	enc := json.NewEncoder(h)
	_, err := Generate(context.Background(), opt, func(r herald.Record) error { return enc.Encode(r) })
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	opt := Options{Seed: 7, People: 400}
	a, b := digest(t, opt), digest(t, opt)
	if a != b {
		t.Fatalf("same seed, different output: %s vs %s", a, b)
	}
	if c := digest(t, Options{Seed: 8, People: 400}); c == a {
		t.Errorf("seeds 7 and 8 gave the same output")
	}
}

func TestRecordsValid(t *testing.T) {
	acts, sum := defaultCommunity(t)
	if n := len(acts); n < 40_000 || n > 80_000 || n != sum.Activities {
		t.Errorf("got %d activities (summary %d), want 40k-80k", n, sum.Activities)
	}
	ids := map[herald.Key]bool{}
	var prev time.Time
	for _, a := range acts {
		if err := a.Validate(sum.End); err != nil {
			t.Fatalf("%s: %v", a.ExternalID, err)
		}
		if a.CreatedAt.Before(sum.Start) || a.CreatedAt.After(sum.End) {
			t.Errorf("%s: created %s outside [%s, %s]", a.ExternalID, a.CreatedAt, sum.Start, sum.End)
		}
		if a.CreatedAt.Before(prev) {
			t.Fatalf("%s: created %s before the previous record's %s", a.ExternalID, a.CreatedAt, prev)
		}
		prev = a.CreatedAt
		if ids[a.Key()] {
			t.Fatalf("duplicate id %s", a.Key())
		}
		ids[a.Key()] = true
		if a.URL == "" || a.Author.Handle == "" || a.Author.DisplayName == "" || !a.Author.ObservedAt.Equal(a.CreatedAt) {
			t.Fatalf("%s: incomplete: url %q, author %+v", a.ExternalID, a.URL, a.Author)
		}
		if _, ok := sum.Truth[a.Author.Key().String()]; !ok {
			t.Fatalf("%s: author %s not in Truth", a.ExternalID, a.Author.Key())
		}
	}
}

func TestReferencesPointBack(t *testing.T) {
	acts, _ := defaultCommunity(t)
	brandIDs := map[string]bool{}
	for _, b := range brands {
		for _, id := range b.ids {
			brandIDs[id] = true
		}
	}
	seen := map[herald.Key]*herald.Activity{}
	for _, a := range acts {
		check := func(field, id, author string) {
			if id == "" {
				t.Fatalf("%s %s: no %s", a.Kind, a.ExternalID, field)
			}
			p := seen[herald.Key{Network: a.Network, ExternalID: id}]
			if p == nil {
				t.Fatalf("%s %s: %s %s not emitted earlier", a.Kind, a.ExternalID, field, id)
			}
			if p.Author.Handle != author {
				t.Fatalf("%s %s: %s author %q, want %q", a.Kind, a.ExternalID, field, author, p.Author.Handle)
			}
		}
		switch a.Kind {
		case herald.KindReply:
			check("InReplyTo", a.InReplyTo, a.InReplyToAuthor)
			if seen[herald.Key{Network: a.Network, ExternalID: a.Conversation}] == nil {
				t.Fatalf("reply %s: conversation %q not emitted earlier", a.ExternalID, a.Conversation)
			}
		case herald.KindShare, herald.KindQuote, herald.KindLike:
			check("Subject", a.Subject, a.SubjectAuthor)
		case herald.KindFollow:
			if !brandIDs[a.Subject] {
				t.Fatalf("follow %s: subject %q is not a brand account", a.ExternalID, a.Subject)
			}
		}
		seen[a.Key()] = a
	}
}

func TestArchetypeCounts(t *testing.T) {
	_, sum := defaultCommunity(t)
	mix := DefaultMix()
	total := 0.0
	for _, w := range mix {
		total += w
	}
	for a, w := range mix {
		want := DefaultPeople * w / total
		if got := float64(sum.People[a]); math.Abs(got-want) > 1 {
			t.Errorf("%s: got %v people, want %.1f", a, got, want)
		}
	}
	if got, want := sum.People[Employee], 6; got != want {
		t.Errorf("employees: got %d, want %d", got, want)
	}
	if got, want := sum.People[BrandAccount], 3; got != want {
		t.Errorf("brands: got %d, want %d", got, want)
	}
	n := 0
	for _, c := range sum.Kinds {
		n += c
	}
	if n != sum.Activities {
		t.Errorf("kinds add up to %d, want %d", n, sum.Activities)
	}
	for _, k := range herald.Kinds {
		if sum.Kinds[k] == 0 {
			t.Errorf("no %s activities", k)
		}
	}
	for _, net := range networks {
		if sum.Networks[net] < sum.Activities/10 {
			t.Errorf("%s: only %d activities", net, sum.Networks[net])
		}
	}
	if len(sum.Linked) < 100 {
		t.Errorf("got %d linked people, want 100 or more", len(sum.Linked))
	}
}

func TestCountsProportions(t *testing.T) {
	mix := map[Archetype]float64{SteadyFan: 1, Detractor: 1, Audience: 2, Employee: 99}
	got, err := Counts(101, mix)
	if err != nil {
		t.Fatal(err)
	}
	if got[SteadyFan]+got[Detractor]+got[Audience] != 101 || got[Audience] != 51 || got[Employee] != 0 {
		t.Errorf("Counts(101) = %v", got)
	}
	if _, err := Counts(10, map[Archetype]float64{SteadyFan: -1}); err == nil {
		t.Error("negative weight accepted")
	}
	if _, err := Counts(10, map[Archetype]float64{}); err == nil {
		t.Error("empty mix accepted")
	}
}

func TestOptions(t *testing.T) {
	end := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	o, err := Options{End: end}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if o.People != DefaultPeople || !o.Start.Equal(end.AddDate(0, 0, -DefaultDays)) {
		t.Errorf("defaults: people %d, start %s", o.People, o.Start)
	}
	for _, bad := range []Options{{People: -1}, {Start: end, End: end}, {Start: end.Add(time.Hour), End: end}, {Difficulty: Separable + 1}} {
		if _, err := Generate(context.Background(), bad, func(herald.Record) error { return nil }); herald.ErrorCode(err) != herald.EInvalid {
			t.Errorf("%+v: got %v, want an invalid error", bad, err)
		}
	}
}

func TestSmallCommunity(t *testing.T) {
	end := time.Date(2024, 2, 29, 18, 30, 0, 0, time.FixedZone("X", 3600))
	for _, people := range []int{1, 7, 40} {
		opt := Options{Seed: int64(people), People: people, Start: end.AddDate(0, 0, -3), End: end}
		sum, err := Generate(context.Background(), opt, func(r herald.Record) error {
			return r.Activity.Validate(end)
		})
		if err != nil {
			t.Fatalf("%d people: %v", people, err)
		}
		if sum.Activities == 0 || !sum.End.Equal(end) || sum.End.Location() != time.UTC {
			t.Errorf("%d people: %d activities, end %s", people, sum.Activities, sum.End)
		}
	}
}

func TestStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Generate(context.Background(), Options{People: 200}, func(herald.Record) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("got %v after %d records, want stop after 10", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Generate(ctx, Options{People: 200}, func(herald.Record) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestWorkspace(t *testing.T) {
	w := Workspace()
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	own, ok := w.Own()
	if w.Slug != "demo" || !ok || own.Slug != "northwind" || len(w.Brands) != 3 {
		t.Fatalf("workspace %+v", w)
	}
	for _, slug := range []string{"brewline", "copper-kettle"} {
		b, ok := w.Brand(slug)
		if !ok || b.Role != herald.RoleCompetitor {
			t.Errorf("brand %s: %+v", slug, b)
		}
	}
	for _, b := range w.Brands {
		for _, n := range networks {
			if len(b.Handles[n]) != 1 {
				t.Errorf("%s: handles on %s: %v", b.Slug, n, b.Handles[n])
			}
		}
		if len(b.Hashtags) == 0 || len(b.Keywords) == 0 {
			t.Errorf("%s: no hashtags or keywords", b.Slug)
		}
	}
	if len(own.Employees) != len(employees) {
		t.Errorf("got %d employees, want %d", len(own.Employees), len(employees))
	}
}

func TestEmployeesAppear(t *testing.T) {
	acts, sum := defaultCommunity(t)
	declared := map[string]bool{}
	for _, e := range Workspace().Brands[0].Employees {
		declared[e.String()] = true
	}
	active, barista := map[string]bool{}, 0
	for _, a := range acts {
		ref := herald.AccountRef{Network: a.Network, Handle: herald.NormalizeHandle(a.Author.Handle)}.String()
		if sum.Truth[a.Author.Key().String()] == Employee {
			if !declared[ref] {
				t.Fatalf("employee %s not declared in Workspace", ref)
			}
			if !active[ref] && containsFold(a.Author.Bio, "barista at Northwind") {
				barista++
			}
			active[ref] = true
		}
	}
	if len(active) != len(declared) || barista == 0 {
		t.Errorf("%d of %d employee accounts active, %d with 'barista at Northwind' in the bio", len(active), len(declared), barista)
	}
}
