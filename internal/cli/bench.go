package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/benchdata"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/store"
)

// runBench measures import throughput and peak memory on generated data,
// through exactly the code path of `herald import`.
func runBench(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 && args[0] == "api" {
		return runBenchAPI(ctx, a, args[1:])
	}
	if len(args) > 0 && args[0] == "web" {
		return runBenchWeb(ctx, a, args[1:])
	}
	fs := a.flagSet("bench", a.cmd.usage)
	format := fs.String("format", "activitystreams", "data to generate: activitystreams (JSON Lines) or csv (airline layout)")
	records := fs.Int("records", 200_000, "how many records")
	file := fs.String("file", "", "import this file instead of generating one")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the import to this file (go tool pprof)")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "import" {
		return usagef("bench: want `herald bench import|api|web [flags]`")
	}
	dir, err := os.MkdirTemp("", "herald-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	input := *file
	if input == "" {
		if input, err = writeBenchData(dir, *format, *records); err != nil {
			return err
		}
	}
	info, err := os.Stat(input)
	if err != nil {
		return fmt.Errorf("bench input: %w", err)
	}
	dsn := firstNonEmpty(a.db, a.env.Getenv("HERALD_DB"), filepath.Join(dir, "bench.db"))
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ws := benchWorkspace()
	if err := db.SyncWorkspace(ctx, ws); err != nil {
		return err
	}
	runtime.GC()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	imp := &importRun{a: a, db: db, ws: ws, f: importFlags{batch: 10000}, rejects: &ingest.RejectFiles{Dir: dir}}
	defer imp.rejects.Close()
	start := time.Now()
	w, err := db.NewWriter(ctx, ws.ID, 10000)
	if err != nil {
		return err
	}
	an, err := a.analyzer(ctx, db, ws)
	if err != nil {
		w.Rollback()
		return err
	}
	row, err := imp.importFile(ctx, w, an, input)
	if err != nil {
		w.Rollback()
		return err
	}
	if err := w.Commit(); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	res := benchResult{Engine: string(db.Engine()), Format: row.Format, Records: row.Read, Bytes: info.Size(), Seconds: secs,
		RecordsPerSec: float64(row.Read) / secs, MBPerSec: float64(info.Size()) / (1 << 20) / secs,
		PeakRSSMB: peakRSSMB(), Created: row.Created, Rejected: row.Rejected}
	if *asJSON {
		return a.printJSON(res)
	}
	fmt.Fprintf(a.env.Stdout, "%s → %s: %d records, %.1f MB in %.2fs: %.0f records/s, %.1f MB/s, peak RSS %.0f MB (%d new, %d rejected)\n",
		res.Format, res.Engine, res.Records, float64(res.Bytes)/(1<<20), res.Seconds, res.RecordsPerSec, res.MBPerSec, res.PeakRSSMB, res.Created, res.Rejected)
	return nil
}

type benchResult struct {
	Engine        string  `json:"engine"`
	Format        string  `json:"format"`
	Records       int64   `json:"records"`
	Bytes         int64   `json:"bytes"`
	Seconds       float64 `json:"seconds"`
	RecordsPerSec float64 `json:"records_per_sec"`
	MBPerSec      float64 `json:"mb_per_sec"`
	PeakRSSMB     float64 `json:"peak_rss_mb"`
	Created       int64   `json:"created"`
	Rejected      int64   `json:"rejected"`
}

func writeBenchData(dir, format string, n int) (string, error) {
	name, gen := "bench.jsonl", benchdata.WriteActivityStreams
	switch format {
	case "activitystreams":
	case "csv":
		name, gen = "bench.csv", benchdata.WriteAirlineCSV
	default:
		return "", usagef("bench: unknown --format %q (activitystreams or csv)", format)
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := gen(f, n, 1); err != nil {
		return "", err
	}
	return path, f.Close()
}

// benchWorkspace is a fresh workspace per run, with the brands the
// generated data talks about.
func benchWorkspace() *herald.Workspace {
	w := &herald.Workspace{Slug: "bench-" + strconv.FormatInt(time.Now().UnixNano(), 36), Name: "Benchmark"}
	for i, b := range []string{"acme", "rival", "thirdco", "United", "Delta"} {
		role := herald.RoleCompetitor
		if i == 0 {
			role = herald.RoleOwn
		}
		w.Brands = append(w.Brands, herald.Brand{Slug: strings.ToLower(b), Name: b, Role: role, Keywords: []string{b},
			Handles: map[herald.Network][]string{herald.Mastodon: {b + "@brand.example"}, herald.Twitter: {b}}, Hashtags: []string{b}})
	}
	return w
}

// peakRSSMB reads the process's peak resident set size (Linux), or 0.
// startCPUProfile profiles the process into path until the returned stop
// function is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func peakRSSMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
