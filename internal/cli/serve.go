package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/herald-advocacy/herald/internal/api"
	"github.com/herald-advocacy/herald/internal/web"
)

func runServe(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("serve", a.cmd.usage)
	o := serveOptions{}
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; :0 picks a free port)")
	fs.StringVar(&o.dataDir, "data-dir", "", "directory for uploads and import rejects (default: system temp dir)")
	fs.Int64Var(&o.maxUpload, "max-upload-mb", 1024, "largest accepted upload, in MiB")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of an API request (exports and uploads: 30 min)")
	fs.DurationVar(&o.grace, "grace", 30*time.Second, "on shutdown, how long to let requests and a running import finish")
	fs.BoolVar(&o.secure, "secure-cookies", false, "mark the dashboard's session cookie Secure even without TLS here (behind a TLS proxy)")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	return a.serve(ctx, o, func(addr net.Addr) {
		fmt.Fprintf(a.env.Stdout, "Herald dashboard on http://%s/ (create a user with: herald user add)\n", addr)
	})
}

// serveOptions are the flags of herald serve.
type serveOptions struct {
	addr, dataDir  string
	maxUpload      int64
	timeout, grace time.Duration
	secure         bool
}

// serve runs the API and the dashboard until ctx ends or a signal comes;
// banner prints where the dashboard is, once it listens.
func (a *app) serve(ctx context.Context, o serveOptions, banner func(net.Addr)) error {
	addr, dataDir, maxUpload, timeout, grace, secure := &o.addr, &o.dataDir, &o.maxUpload, &o.timeout, &o.grace, &o.secure
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return err
	}
	defer db.Close()
	lex, err := a.lexicons()
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(a.env.Stderr, nil))
	srv, err := api.New(api.Config{DB: db, Lexicons: lex, Logger: log, Version: version(), DataDir: *dataDir,
		MaxUploadBytes: *maxUpload << 20, RequestTimeout: *timeout})
	if err != nil {
		return err
	}
	dash, err := web.New(web.Config{DB: db, Logger: log, Secure: *secure, Imports: srv, MaxUploadBytes: *maxUpload << 20})
	if err != nil {
		srv.Close(ctx)
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		srv.Close(ctx)
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{Handler: web.Mount(srv.Handler(), dash.Handler()), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: 64 << 10, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(a.env.Stdout, "Herald API on http://%s/api/v1/ (OpenAPI: /api/v1/openapi.json; health: /healthz, /readyz; metrics: /metrics)\n", ln.Addr())
	banner(ln.Addr())
	select {
	case err := <-served:
		srv.Close(context.Background())
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", *grace)
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	err = hs.Shutdown(sctx)
	if cerr := srv.Close(sctx); err == nil && cerr != nil && !errors.Is(cerr, context.DeadlineExceeded) {
		err = cerr
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("serve: some requests were still running after %s and were cut", *grace)
	}
	return err
}
