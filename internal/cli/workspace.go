package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

func runWorkspace(ctx context.Context, a *app, args []string) error {
	fs := a.flagSet("workspace", a.cmd.usage)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := a.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "list" {
		return usagef("workspace: want `herald workspace list`")
	}
	db, _, err := a.openDB(ctx, defaultDB)
	if err != nil {
		return err
	}
	defer db.Close()
	all, err := db.Workspaces(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		type brand struct {
			Slug     string              `json:"slug"`
			Name     string              `json:"name"`
			Role     string              `json:"role"`
			Handles  map[string][]string `json:"handles,omitempty"`
			Hashtags []string            `json:"hashtags,omitempty"`
			Keywords []string            `json:"keywords,omitempty"`
		}
		type ws struct {
			Slug   string  `json:"slug"`
			Name   string  `json:"name"`
			Brands []brand `json:"brands"`
		}
		out := []ws{}
		for _, w := range all {
			o := ws{Slug: w.Slug, Name: w.Name, Brands: []brand{}}
			for _, b := range w.Brands {
				hs := map[string][]string{}
				for n, h := range b.Handles {
					hs[string(n)] = h
				}
				o.Brands = append(o.Brands, brand{b.Slug, b.Name, string(b.Role), hs, b.Hashtags, b.Keywords})
			}
			out = append(out, o)
		}
		return a.printJSON(out)
	}
	tw := a.table()
	fmt.Fprintf(tw, "WORKSPACE\tNAME\tBRAND\tROLE\tHANDLES\n")
	for _, w := range all {
		for i, b := range w.Brands {
			slug, name := "", ""
			if i == 0 {
				slug, name = w.Slug, w.Name
			}
			var hs []string
			for n, h := range b.Handles {
				hs = append(hs, string(n)+":"+strings.Join(h, ","))
			}
			sort.Strings(hs)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", slug, name, b.Slug, b.Role, strings.Join(hs, " "))
		}
		if len(w.Brands) == 0 {
			fmt.Fprintf(tw, "%s\t%s\t-\t\t\n", w.Slug, w.Name)
		}
	}
	return tw.Flush()
}
