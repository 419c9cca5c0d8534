package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/herald-advocacy/herald/internal/store"
	"github.com/herald-advocacy/herald/internal/text/model"
)

// labelFlags are the flags shared by train and eval.
type labelFlags struct {
	textCol, labelCol *string
	folds             *int
	seed              *uint64
	workspace         *string
	json              *bool
}

func addLabelFlags(a *app, name string) (*labelFlags, func([]string) ([]string, error)) {
	fs := a.flagSet(name, a.cmd.usage)
	f := &labelFlags{
		textCol:  fs.String("text-col", "text", "column holding the post text"),
		labelCol: fs.String("label-col", "label", "column holding the human label (e.g. airline_sentiment)"),
		folds:    fs.Int("folds", 5, "k for k-fold cross-validation (0: skip evaluation)"),
		seed:     fs.Uint64("seed", 1, "seed for shuffling and folds"),
		json:     fs.Bool("json", false, "print the evaluation as JSON"),
	}
	if name == "train" {
		f.workspace = fs.String("workspace", "", "workspace slug (optional when there is only one)")
	}
	return f, func(args []string) ([]string, error) { return a.parseArgs(fs, args) }
}

// readLabelled reads a labelled CSV (or stdin) and drops repeated texts, so
// copies of one post cannot sit on both sides of a fold.
func (a *app) readLabelled(path string, f *labelFlags) ([]model.Example, error) {
	var r io.Reader = a.env.Stdin
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		defer file.Close()
		r = file
	}
	exs, err := model.ReadCSV(r, *f.textCol, *f.labelCol)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := make(map[string]bool, len(exs))
	out := exs[:0]
	for _, e := range exs {
		k := strings.TrimSpace(e.Text)
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	if d := len(exs) - len(out); d > 0 {
		fmt.Fprintf(a.env.Stderr, "%s: %d repeated texts dropped, %d examples kept\n", path, d, len(out))
	}
	return out, nil
}

// evaluation is what train and eval report: VADER alone against the
// cross-validated model, on the same examples.
type evaluation struct {
	Examples int           `json:"examples"`
	Folds    int           `json:"folds"`
	VADER    *model.Report `json:"vader,omitempty"` // nil when the labels are not positive/negative/neutral
	Model    model.Report  `json:"model"`
}

func (a *app) evaluate(ctx context.Context, exs []model.Example, f *labelFlags) (*evaluation, error) {
	opts := model.DefaultOptions()
	opts.Seed = *f.seed
	cv, err := model.CrossValidate(ctx, exs, *f.folds, opts)
	if err != nil {
		return nil, err
	}
	ev := &evaluation{Examples: len(exs), Folds: *f.folds, Model: cv}
	if sentimentLabels(exs) {
		base, err := model.NewVADERBaseline()
		if err != nil {
			return nil, err
		}
		r := model.Evaluate(exs, base.Classify)
		ev.VADER = &r
	}
	return ev, nil
}

// sentimentLabels reports whether every label is one VADER can predict.
func sentimentLabels(exs []model.Example) bool {
	for _, e := range exs {
		switch e.Label {
		case model.LabelNegative, model.LabelNeutral, model.LabelPositive:
		default:
			return false
		}
	}
	return true
}

func (a *app) printEvaluation(ev *evaluation) error {
	w := a.env.Stdout
	if ev.VADER != nil {
		fmt.Fprintf(w, "VADER alone (compound ±0.05), %d examples:\n", ev.Examples)
		if err := ev.VADER.Format(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Trained model, %d-fold cross-validation, %d examples:\n", ev.Folds, ev.Examples)
	return ev.Model.Format(w)
}

func runEval(ctx context.Context, a *app, args []string) error {
	f, parse := addLabelFlags(a, "eval")
	pos, err := parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("eval: want one labelled CSV file (or -)")
	}
	if *f.folds < 2 {
		return usagef("eval: --folds must be at least 2")
	}
	exs, err := a.readLabelled(pos[0], f)
	if err != nil {
		return err
	}
	ev, err := a.evaluate(ctx, exs, f)
	if err != nil {
		return err
	}
	if *f.json {
		return a.printJSON(ev)
	}
	return a.printEvaluation(ev)
}

func runTrain(ctx context.Context, a *app, args []string) error {
	f, parse := addLabelFlags(a, "train")
	pos, err := parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("train: want one labelled CSV file (or -)")
	}
	if *f.folds == 1 || *f.folds < 0 {
		return usagef("train: --folds must be 0 (no evaluation) or at least 2")
	}
	exs, err := a.readLabelled(pos[0], f)
	if err != nil {
		return err
	}
	db, ws, err := a.openWorkspace(ctx, *f.workspace)
	if err != nil {
		return err
	}
	defer db.Close()
	metrics := json.RawMessage("{}")
	if *f.folds >= 2 {
		ev, err := a.evaluate(ctx, exs, f)
		if err != nil {
			return err
		}
		if *f.json {
			err = a.printJSON(ev)
		} else {
			err = a.printEvaluation(ev)
		}
		if err != nil {
			return err
		}
		metrics, _ = json.Marshal(ev) // plain structs always marshal
	}
	opts := model.DefaultOptions()
	opts.Seed = *f.seed
	m, err := model.Train(ctx, exs, opts)
	if err != nil {
		return err
	}
	data, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	sm := &store.StoredModel{WorkspaceID: ws.ID, Kind: "sentiment", Version: m.Version(), Classes: m.Classes(),
		Examples: len(exs), Source: pos[0], Metrics: metrics, Data: data}
	if err := db.SaveModel(ctx, sm); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "\nTrained sentiment model %s on %d examples (classes %s); it is now workspace %s's active model.\n"+
		"New imports use it; run `herald reanalyze --workspace %s` to apply it to stored posts.\n",
		m.Version(), len(exs), strings.Join(m.Classes(), ", "), ws.Slug, ws.Slug)
	return nil
}
