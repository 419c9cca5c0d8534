package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store"
)

// defaultMetricsDays is the default range of `herald metrics`.
const defaultMetricsDays = 90

func runMetrics(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("metrics", a.cmd.usage)
	slug := fs.String("workspace", "", "workspace slug (optional when there is only one)")
	mf := addMetricsFlags(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	loc, err := mf.location()
	if err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *slug)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := mf.report(ctx, db, ws, loc)
	if err != nil {
		return err
	}
	if *asJSON {
		return a.printJSON(rep)
	}
	return a.printMetrics(rep)
}

// metricsFlags are the flags that choose a metrics report (`herald
// metrics`, `herald export metrics`).
type metricsFlags struct {
	from, to, gran, tz, brand *string
}

func addMetricsFlags(fs *flag.FlagSet) metricsFlags {
	return metricsFlags{
		from:  fs.String("from", "", "first day (2006-01-02; default: 90 days before --to)"),
		to:    fs.String("to", "", "last day, included (2006-01-02; default: the day of the data's latest activity)"),
		gran:  fs.String("granularity", "week", "bucket size: day, week (from Monday) or month"),
		tz:    fs.String("tz", "UTC", "time zone of the days, weeks and months (e.g. Europe/Paris)"),
		brand: fs.String("brand", "", "only this brand (share of voice is still against every brand)"),
	}
}

// location checks --granularity and reads --tz (before the database is
// opened: usage errors first).
func (f metricsFlags) location() (*time.Location, error) {
	if *f.gran != "day" && *f.gran != "week" && *f.gran != "month" {
		return nil, usagef("--granularity %q: want day, week or month", *f.gran)
	}
	loc, err := time.LoadLocation(*f.tz)
	if err != nil {
		return nil, usagef("--tz %q: unknown time zone", *f.tz)
	}
	return loc, nil
}

// report computes the metrics the flags ask for.
func (f metricsFlags) report(ctx context.Context, db *store.DB, ws *herald.Workspace, loc *time.Location) (*store.MetricsReport, error) {
	if *f.brand != "" {
		if _, err := pickBrand(ws, *f.brand); err != nil {
			return nil, err
		}
	}
	q := store.MetricsQuery{Granularity: *f.gran, Location: loc}
	var err error
	if q.From, q.To, err = insight.Range(ctx, db, ws.ID, *f.from, *f.to, loc); err != nil {
		return nil, usagef("%s", herald.ErrorMessage(err))
	}
	rep, err := db.Metrics(ctx, ws.ID, q)
	if err != nil {
		return nil, err
	}
	if *f.brand != "" {
		var keep []store.BrandMetrics
		for _, b := range rep.Brands {
			if b.Brand == *f.brand {
				keep = append(keep, b)
			}
		}
		rep.Brands = keep
	}
	return rep, nil
}

func (a *app) printMetrics(rep *store.MetricsReport) error {
	w := a.env.Stdout
	fmt.Fprintf(w, "Metrics from %s to %s (%s), per %s.\n", rep.From.Format(time.DateOnly),
		rep.To.AddDate(0, 0, -1).Format(time.DateOnly), rep.TimeZone, rep.Granularity)
	for _, b := range rep.Brands {
		fmt.Fprintf(w, "\n%s (%s)\n", b.Brand, b.Role)
		tw := a.table()
		fmt.Fprintf(tw, "FROM\tMENTIONS\tAUTHORS\tREACH\tSHARE OF VOICE\tENGAGEMENT\tENG. SHARE\tNET SENTIMENT\n")
		rows := append(append([]store.BucketMetrics(nil), b.Buckets...), b.Total)
		for i, bk := range rows {
			label := bk.Start.Format(time.DateOnly)
			if i == len(rows)-1 {
				label = "total"
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%d\t%s\t%+.2f\n", label, bk.Mentions, bk.UniqueAuthors, bk.Reach,
				pct(bk.ShareOfVoice), bk.Engagement, pct(bk.EngagementShare), bk.Sentiment.Net)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		s := b.Total.Sentiment
		fmt.Fprintf(w, "Sentiment: %d positive, %d negative, %d neutral (net %+.2f).\n", s.Positive, s.Negative, s.Neutral, s.Net)
		fmt.Fprintf(w, "Earned reach: %d potential impressions from the posts of %d current advocates.\n",
			b.Total.EarnedReach, b.Total.ActiveAdvocates)
		f, m := b.Funnel, b.Movement
		fmt.Fprintf(w, "Funnel now: %d audience, %d engaged, %d potential, %d advocate, %d champion; %d at risk.\n",
			f.Stages["audience"], f.Stages["engaged"], f.Stages["potential"], f.Stages["advocate"], f.Stages["champion"], f.AtRisk)
		fmt.Fprintf(w, "Movement in range: %d new advocates, %d promoted, %d lost, %d newly at risk.\n", m.New, m.Promoted, m.Lost, m.AtRisk)
		fmt.Fprintf(w, "Advocacy gap: %s of the %d people positive toward %s do not advocate.\n", pct(f.Gap), f.Positive, b.Brand)
		r := b.Responsiveness
		fmt.Fprintf(w, "Responsiveness: answered %d of %d direct mentions and questions (%s); first response median %s, p90 %s.\n",
			r.Answered, r.Asked, pct(r.Share), seconds(r.MedianSeconds, r.Answered), seconds(r.P90Seconds, r.Answered))
	}
	return nil
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", x*100) }

func seconds(s float64, n int64) string {
	if n == 0 {
		return "-"
	}
	return time.Duration(s * float64(time.Second)).Round(time.Second).String()
}
