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
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; :0 picks a free port)")
	dataDir := fs.String("data-dir", "", "directory for uploads and import rejects (default: system temp dir)")
	maxUpload := fs.Int64("max-upload-mb", 1024, "largest accepted upload, in MiB")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of an API request (exports and uploads: 30 min)")
	grace := fs.Duration("grace", 30*time.Second, "on shutdown, how long to let requests and a running import finish")
	secure := fs.Bool("secure-cookies", false, "mark the dashboard's session cookie Secure even without TLS here (behind a TLS proxy)")
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
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
	dash, err := web.New(web.Config{DB: db, Logger: log, Secure: *secure})
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
	fmt.Fprintf(a.env.Stdout, "Herald dashboard on http://%s/ (create a user with: herald user add)\n", ln.Addr())
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
