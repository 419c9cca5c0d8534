package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/store"
)

func runPerson(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("person", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("person: want show|link|unlink and NETWORK:HANDLE arguments")
	}
	verb, refs := pos[0], pos[1:]
	switch verb {
	case "show", "link", "unlink":
	default:
		verb, refs = "show", pos // `herald person HANDLE`
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	ids, err := resolveIdentities(ctx, db, ws.ID, refs)
	if err != nil {
		return err
	}
	pid := ids[0].PersonID
	switch verb {
	case "show":
		if len(ids) != 1 {
			return usagef("person show: want one NETWORK:HANDLE")
		}
	case "link":
		if len(ids) < 2 {
			return usagef("person link: want two or more NETWORK:HANDLE (the first names the person they join)")
		}
		idList := make([]int64, len(ids))
		for i, id := range ids {
			idList[i] = id.ID
		}
		if pid, err = db.LinkIdentities(ctx, ws.ID, idList); err != nil {
			return err
		}
		if err := a.updateScores(ctx, db, ws, personsOf(ids, pid)); err != nil {
			return err
		}
	case "unlink":
		if len(ids) != 1 {
			return usagef("person unlink: want one NETWORK:HANDLE")
		}
		if pid, err = db.UnlinkIdentity(ctx, ws.ID, ids[0].ID); err != nil {
			return err
		}
		if err := a.updateScores(ctx, db, ws, personsOf(ids, pid)); err != nil {
			return err
		}
	}
	return a.showPerson(ctx, db, ws, pid, *asJSON)
}

// personsOf lists the people identities belonged to, and p.
func personsOf(ids []herald.Identity, p int64) []int64 {
	out := []int64{p}
	for _, id := range ids {
		out = append(out, id.PersonID)
	}
	return out
}

// resolveIdentities finds each "network:handle" (or bare handle, on any
// network) in the workspace.
func resolveIdentities(ctx context.Context, db *store.DB, ws int64, refs []string) ([]herald.Identity, error) {
	if len(refs) == 0 {
		return nil, usagef("person: want NETWORK:HANDLE, e.g. twitter:@alice")
	}
	var out []herald.Identity
	for _, r := range refs {
		ref := herald.AccountRef{Handle: herald.NormalizeHandle(r)}
		if strings.Contains(r, ":") && !strings.HasPrefix(r, "@") {
			var err error
			if ref, err = herald.ParseAccountRef(r); err != nil {
				return nil, err
			}
		}
		id, err := db.FindIdentity(ctx, ws, ref)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

func (a *app) showPerson(ctx context.Context, db *store.DB, ws *herald.Workspace, pid int64, asJSON bool) error {
	p, err := db.Person(ctx, ws.ID, pid)
	if err != nil {
		return err
	}
	acts, err := db.Activities(ctx, ws.ID, store.ActivityFilter{PersonID: pid, Limit: 1000})
	if err != nil {
		return err
	}
	scores, err := db.PersonScores(ctx, ws.ID, pid)
	if err != nil {
		return err
	}
	history, err := db.StageChanges(ctx, ws.ID, pid, 0, time.Time{})
	if err != nil {
		return err
	}
	slugs := brandSlugs(ws)
	if asJSON {
		return a.printJSON(struct {
			Person     export.Person        `json:"person"`
			Advocacy   []export.Advocate    `json:"advocacy"`
			History    []export.StageChange `json:"stage_history"`
			Activities []export.Activity    `json:"activities"`
		}{export.NewPerson(p), personAdvocacy(scores, slugs), export.NewStageChanges(history, slugs), export.NewActivities(acts)})
	}
	fmt.Fprintf(a.env.Stdout, "%s (person %d)\n\n", p.DisplayName, p.ID)
	tw := a.table()
	fmt.Fprintf(tw, "NETWORK\tHANDLE\tNAME\tFOLLOWERS\tPROFILE\n")
	for _, i := range p.Identities {
		fmt.Fprintf(tw, "%s\t@%s\t%s\t%s\t%s\n", i.Network, i.Handle, i.DisplayName, count(i.Followers), i.ProfileURL)
	}
	tw.Flush()
	if err := a.printPersonAdvocacy(ctx, db, ws.ID, personAdvocacy(scores, slugs), export.NewStageChanges(history, slugs)); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "\n%d activities", len(acts))
	if len(acts) > 10 {
		fmt.Fprintf(a.env.Stdout, " (latest 10)")
		acts = acts[len(acts)-10:]
	}
	fmt.Fprintln(a.env.Stdout)
	tw = a.table()
	for _, act := range acts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", act.CreatedAt.Format(time.DateOnly), act.Kind, brandList(act.Brands), snippet(act.Text, 80))
	}
	return tw.Flush()
}

func brandSlugs(ws *herald.Workspace) map[int64]string {
	out := map[int64]string{}
	for _, b := range ws.Brands {
		out[b.ID] = b.Slug
	}
	return out
}

func personAdvocacy(scores []store.PersonScore, slugs map[int64]string) []export.Advocate {
	out := make([]export.Advocate, 0, len(scores))
	for _, s := range scores {
		out = append(out, export.NewAdvocate(0, slugs[s.BrandID], store.Advocate{PersonScore: s}))
	}
	return out
}

// printPersonAdvocacy prints a person's scores per brand, why, the posts
// that earned them, and their stage history.
func (a *app) printPersonAdvocacy(ctx context.Context, db *store.DB, ws int64, scores []export.Advocate, history []export.StageChange) error {
	w := a.env.Stdout
	if len(scores) == 0 {
		fmt.Fprintf(w, "\nNot scored yet (run herald rescore).\n")
		return nil
	}
	fmt.Fprintln(w)
	tw := a.table()
	fmt.Fprintf(tw, "BRAND\tSCORE\tSTAGE\tFLAGS\tTENURE\tREGULAR\tRECENT\tSTANCE\tINFLUENCE\tCONTRIB\tCOMPETITOR\n")
	for _, s := range scores {
		f := s.Facets
		fmt.Fprintf(tw, "%s\t%.1f\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", s.Brand, s.Score, s.Stage,
			flagList(s.Flags), f.Tenure, f.Regularity, f.Recency, f.Stance, f.Influence, f.Contribution, f.Competitor)
	}
	tw.Flush()
	for _, s := range scores {
		for _, why := range s.Reasons {
			fmt.Fprintf(w, "  %-14s %+6.1f  %-12s %s\n", s.Brand, why.Effect, why.Facet, why.Why)
		}
		evidence, err := db.ActivitiesByID(ctx, ws, s.Evidence)
		if err != nil {
			return err
		}
		for _, act := range evidence {
			fmt.Fprintf(w, "  %-14s evidence  %s %s %s\n", s.Brand, act.CreatedAt.Format(time.DateOnly), brandList(act.Brands),
				snippet(act.Text, 80))
		}
	}
	if len(history) > 0 {
		fmt.Fprintf(w, "\nStage history\n")
		for _, h := range history {
			from := h.From
			if from == "" {
				from = "(new)"
			}
			fmt.Fprintf(w, "  %s  %-14s %s → %s  %s\n", h.At.Format(time.DateOnly), h.Brand, from, h.To, flagList(h.Flags))
		}
	}
	return nil
}

func count(n int64) string {
	if n < 0 {
		return "?"
	}
	return fmt.Sprint(n)
}

func brandList(ms []herald.BrandMention) string {
	if len(ms) == 0 {
		return "-"
	}
	var s []string
	for _, m := range ms {
		s = append(s, m.Brand+stanceMark(m.Stance.Label))
	}
	return strings.Join(s, ",")
}

// stanceMark abbreviates a stance for tables: acme+, rival-, acme=.
func stanceMark(p herald.Polarity) string {
	switch p {
	case herald.Positive:
		return "+"
	case herald.Negative:
		return "-"
	case herald.Neutral:
		return "="
	}
	return ""
}

// snippet shortens text to one line of at most n runes.
func snippet(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
