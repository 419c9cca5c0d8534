package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer"
	"github.com/herald-advocacy/herald/internal/importer/csvimport"
	"github.com/herald-advocacy/herald/internal/ingest"
	"github.com/herald-advocacy/herald/internal/pipeline"
	"github.com/herald-advocacy/herald/internal/store"
)

// Job is an import job: what was uploaded, how far it got, what it did.
type Job struct {
	ID         int64     `json:"id"`
	Status     string    `json:"status"` // queued, running, done, failed
	Source     string    `json:"source"`
	Format     string    `json:"format,omitempty"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at,omitzero"`
	// Progress is how much of the file has been read (while running).
	Progress  *Progress `json:"progress,omitempty"`
	Read      int64     `json:"read"`
	Created   int64     `json:"created"`
	Updated   int64     `json:"updated"`
	Unchanged int64     `json:"unchanged"`
	Rejected  int64     `json:"rejected"`
	Error     string    `json:"error,omitempty"`
	// Rejects are the first rejected records (position and reason); all of
	// them, raw, are at RejectsURL.
	Rejects    []Reject `json:"rejects,omitempty"`
	RejectsURL string   `json:"rejects_url,omitempty"`
}

// Progress of a running import.
type Progress struct {
	Bytes   int64   `json:"bytes"`
	Size    int64   `json:"size"`
	Percent float64 `json:"percent"`
	Records int64   `json:"records"`
}

// Reject is one rejected record.
type Reject struct {
	Position int64  `json:"position"` // line or record number
	Reason   string `json:"reason"`
}

const (
	maxShownRejects = 20
	queueSize       = 16
	keptJobs        = 200
)

// jobQueue runs uploaded imports one at a time (one writer per database),
// in the order they arrived, and keeps the live state of recent jobs.
type jobQueue struct {
	s       *Server
	queue   chan *pending
	ctx     context.Context
	cancel  context.CancelFunc
	done    chan struct{}
	mu      sync.Mutex
	live    map[int64]*Job
	order   []int64
	closing bool
}

type pending struct {
	job    *store.ImportJob
	ws     *herald.Workspace
	path   string
	size   int64
	opts   importer.Options
	strict bool
}

func newJobQueue(s *Server) *jobQueue {
	ctx, cancel := context.WithCancel(context.Background())
	q := &jobQueue{s: s, queue: make(chan *pending, queueSize), ctx: ctx, cancel: cancel, done: make(chan struct{}), live: map[int64]*Job{}}
	go q.work()
	return q
}

func (q *jobQueue) work() {
	defer close(q.done)
	for p := range q.queue {
		q.s.stats.queueDepth.Add(-1)
		q.run(p)
	}
}

// close stops taking jobs and waits for the running one until ctx ends,
// then cancels it.
func (q *jobQueue) close(ctx context.Context) error {
	q.mu.Lock()
	if !q.closing {
		q.closing = true
		close(q.queue)
	}
	q.mu.Unlock()
	select {
	case <-q.done:
		return nil
	case <-ctx.Done():
		q.cancel()
		<-q.done
		return ctx.Err()
	}
}

// submit queues an uploaded file.
func (q *jobQueue) submit(p *pending) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing {
		return herald.Errorf(eUnavailable, "the server is shutting down")
	}
	select {
	case q.queue <- p:
		q.s.stats.queueDepth.Add(1)
		q.remember(toJob(p.job, nil))
		return nil
	default:
		return herald.Errorf(eUnavailable, "%d imports are already waiting; try again when they are done", queueSize)
	}
}

// remember stores a job's live state (the caller holds mu).
func (q *jobQueue) remember(j *Job) {
	if _, ok := q.live[j.ID]; !ok {
		q.order = append(q.order, j.ID)
		if len(q.order) > keptJobs {
			delete(q.live, q.order[0])
			q.order = q.order[1:]
		}
	}
	q.live[j.ID] = j
}

func (q *jobQueue) update(id int64, f func(j *Job)) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if j, ok := q.live[id]; ok {
		f(j)
	}
}

// get returns a copy of a job's live state.
func (q *jobQueue) get(id int64) (Job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.live[id]
	if !ok {
		return Job{}, false
	}
	out := *j
	out.Rejects = append([]Reject(nil), j.Rejects...)
	if j.Progress != nil {
		p := *j.Progress
		out.Progress = &p
	}
	return out, true
}

func (q *jobQueue) run(p *pending) {
	s := q.s
	defer os.Remove(p.path)
	id := p.job.ID
	q.update(id, func(j *Job) { j.Status = "running"; j.Progress = &Progress{Size: p.size} })
	f, err := os.Open(p.path)
	if err != nil {
		q.finish(p, ingest.Counts{}, fmt.Errorf("read the upload: %w", err))
		return
	}
	defer f.Close()
	rejects := &ingest.RejectFiles{Dir: s.rejectsDir()}
	start := time.Now()
	var last ingest.Counts
	_, counts, err := pipeline.Import(q.ctx, s.db, s.cfg.Lexicons, p.ws,
		pipeline.Input{Name: jobSourceName(p.job), Format: p.job.Format, R: f, Size: p.size, Options: p.opts},
		pipeline.ImportOptions{Strict: p.strict, Job: p.job, Rejects: rejects,
			OnReject: func(r ingest.Reject) {
				q.update(id, func(j *Job) {
					if len(j.Rejects) < maxShownRejects {
						j.Rejects = append(j.Rejects, Reject{Position: r.Pos, Reason: r.Reason})
					}
				})
			},
			OnProgress: func(pr ingest.Progress) {
				s.stats.addImported(pr.Counts, last)
				last = pr.Counts
				q.update(id, func(j *Job) {
					j.Progress = &Progress{Bytes: pr.Bytes, Size: pr.Size, Records: pr.Records, Percent: percent(pr.Bytes, pr.Size)}
					j.Read, j.Created, j.Updated, j.Unchanged, j.Rejected = pr.Counts.Read, pr.Counts.Created, pr.Counts.Updated,
						pr.Counts.Unchanged+pr.Counts.Deleted, pr.Counts.Rejected
				})
			}})
	if cerr := rejects.Close(); cerr != nil && err == nil {
		err = cerr
	}
	s.stats.addImported(counts, last)
	s.log.Info("import finished", slog.Int64("job", id), slog.String("workspace", p.ws.Slug), slog.Int64("read", counts.Read),
		slog.Int64("rejected", counts.Rejected), slog.Duration("took", time.Since(start)), slog.Any("error", err))
	q.finish(p, counts, err)
}

func (q *jobQueue) finish(p *pending, c ingest.Counts, err error) {
	if err != nil && p.job.Status != "failed" {
		pipeline.FillJob(p.job, c, err)
		_ = q.s.db.FinishImport(context.Background(), p.job)
	}
	q.s.stats.jobDone(p.job.Status)
	q.update(p.job.ID, func(j *Job) {
		shown := j.Rejects
		*j = *toJob(p.job, nil)
		j.Rejects = shown
		if p.job.Rejected > 0 {
			j.RejectsURL = rejectsURL(p.ws.Slug, p.job.ID)
		}
	})
}

func percent(n, size int64) float64 {
	if size <= 0 {
		return 0
	}
	return min(100, float64(int64(float64(n)*1000/float64(size)))/10)
}

// jobSourceName names an upload's source so that its rejects file is the
// job's own: 12-Tweets.csv → 12-Tweets.rejects.csv.
func jobSourceName(j *store.ImportJob) string {
	return strconv.FormatInt(j.ID, 10) + "-" + filepath.Base(j.Source)
}

func (s *Server) rejectsDir() string { return filepath.Join(s.cfg.DataDir, "rejects") }

func rejectsURL(ws string, id int64) string {
	return v1 + "/workspaces/" + ws + "/imports/" + strconv.FormatInt(id, 10) + "/rejects"
}

func toJob(j *store.ImportJob, _ any) *Job {
	return &Job{ID: j.ID, Status: j.Status, Source: j.Source, Format: j.Format, StartedAt: j.StartedAt, FinishedAt: j.FinishedAt,
		Read: j.Read, Created: j.Created, Updated: j.Updated, Unchanged: j.Unchanged, Rejected: j.Rejected, Error: j.Error}
}

// uploadName cleans a client-supplied file name for display and paths.
func uploadName(v string) string {
	v = filepath.Base(strings.ReplaceAll(v, "\\", "/"))
	v = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' {
			return -1
		}
		return r
	}, v)
	if len(v) > 100 {
		v = v[len(v)-100:]
	}
	if v == "" || v == "." || v == ".." {
		return "upload"
	}
	return v
}

func (s *Server) createImport(c *call) error {
	q := c.r.URL.Query()
	format := q.Get("format")
	opts, err := csvOptions(q["map"])
	if err != nil {
		return err
	}
	strict := false
	if v := q.Get("strict"); v != "" {
		if strict, err = strconv.ParseBool(v); err != nil {
			return badParam("strict", "must be true or false")
		}
	}
	live, err := s.enqueue(c.r.Context(), c.ws, q.Get("name"), format, strict, opts, c.r.Body)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", importURL(c.ws.Slug, live.ID))
	return c.json(http.StatusAccepted, live)
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func csvOptions(maps []string) (importer.Options, error) {
	if len(maps) == 0 {
		return importer.Options{}, nil
	}
	pairs := map[string]string{}
	for _, m := range maps {
		k, v, ok := strings.Cut(m, "=")
		if !ok {
			return importer.Options{}, badParam("map", "want FIELD=COLUMN, got "+quote(m))
		}
		pairs[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	mp, err := csvimport.ParseMapping(pairs)
	if err != nil {
		return importer.Options{}, badParam("map", err.Error())
	}
	return importer.Options{CSV: &mp}, nil
}

// job returns a job of the call's workspace: its live state when the
// server ran it, the stored record otherwise.
func (s *Server) job(c *call) (Job, error) {
	id, err := c.id("id")
	if err != nil {
		return Job{}, err
	}
	return s.ImportJob(c.r.Context(), c.ws, id)
}

func (s *Server) getImport(c *call) error {
	j, err := s.job(c)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, j)
}

func (s *Server) listImports(c *call) error {
	limit, err := c.limit()
	if err != nil {
		return err
	}
	stored, err := s.db.Imports(c.r.Context(), c.ws.ID, limit)
	if err != nil {
		return err
	}
	out := make([]Job, 0, len(stored))
	for i := range stored {
		if live, ok := s.jobs.get(stored[i].ID); ok {
			out = append(out, live)
			continue
		}
		out = append(out, *toJob(&stored[i], nil))
	}
	return list(c, out)
}

// rejectsPath is where an upload's rejects are written.
func (s *Server) rejectsPath(j *store.ImportJob) string {
	return (&ingest.RejectFiles{Dir: s.rejectsDir()}).PathFor(jobSourceName(j), j.Format)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func (s *Server) getImportRejects(c *call) error {
	id, err := c.id("id")
	if err != nil {
		return err
	}
	stored, err := s.db.Import(c.r.Context(), c.ws.ID, id)
	if err != nil {
		return err
	}
	f, err := os.Open(s.rejectsPath(stored))
	if errors.Is(err, os.ErrNotExist) {
		return herald.Errorf(herald.ENotFound, "import %d has no rejected records", id)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	c.w.Header().Set("Content-Type", "application/octet-stream")
	c.w.Header().Set("Content-Disposition", `attachment; filename="`+filepath.Base(f.Name())+`"`)
	_, err = io.Copy(c.w, f)
	return err
}
