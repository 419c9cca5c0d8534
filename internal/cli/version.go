package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

func runVersion(_ context.Context, a *app, args []string) error {
	fs := a.flagSet("version", a.cmd.usage)
	if _, err := a.parseArgs(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "herald %s\n", version())
	return nil
}

// version is the build's module version and VCS revision.
func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return v
}
