package cli

import (
	"fmt"

	"github.com/herald-advocacy/herald/internal/ingest"
)

// printSummary prints what an import did, per input and in total.
func (r *importRun) printSummary() error {
	var total ingest.Counts
	var secs float64
	for _, row := range r.rows {
		total.Add(row.Counts)
		secs += row.Seconds
	}
	if r.f.asJSON {
		return r.a.printJSON(struct {
			Workspace string        `json:"workspace"`
			Files     []summaryRow  `json:"files"`
			Total     ingest.Counts `json:"total"`
			Strict    bool          `json:"strict"`
		}{r.ws.Slug, r.rows, total, r.f.strict})
	}
	tw := r.a.table()
	fmt.Fprintf(tw, "FILE\tFORMAT\tREAD\tNEW\tUPDATED\tUNCHANGED\tDELETED\tACCOUNTS\tREJECTED\tRATE\n")
	for _, row := range r.rows {
		if row.Error != "" && row.Format == "" {
			row.Format = "(failed)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", row.File, row.Format, row.Read, row.Created,
			row.Updated, row.Unchanged, row.Deleted, row.Accounts, row.Rejected, rate(row.Read, row.Seconds))
	}
	if len(r.rows) > 1 {
		fmt.Fprintf(tw, "total\t\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", total.Read, total.Created, total.Updated,
			total.Unchanged, total.Deleted, total.Accounts, total.Rejected, rate(total.Read, secs))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, row := range r.rows {
		if row.Rejects != "" {
			fmt.Fprintf(r.a.env.Stdout, "rejected records of %s written to %s\n", row.File, row.Rejects)
		}
	}
	fmt.Fprintf(r.a.env.Stdout, "workspace %s\n", r.ws.Slug)
	return nil
}

func rate(n int64, secs float64) string {
	if secs <= 0 || n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f/s", float64(n)/secs)
}
