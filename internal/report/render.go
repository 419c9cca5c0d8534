package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/herald-advocacy/herald/internal/chart"
)

//go:embed templates/*.html
var templateFS embed.FS

// tmpl is the report template: the document, and one template per chart
// from package chart.
// Only html/template escaping reaches the output: no data is ever marked
// safe (template.HTML and friends are not used).
var tmpl = template.Must(chart.Parse(template.Must(template.New("report").Funcs(chart.Funcs()).Funcs(template.FuncMap{
	"pct": percent,
	"count": func(n any) string {
		switch v := n.(type) {
		case int:
			return chart.Thousands(int64(v))
		case int64:
			return chart.Thousands(v)
		}
		return fmt.Sprint(n)
	},
	"date":  func(t time.Time) string { return t.Format(time.DateOnly) },
	"stamp": func(t time.Time) string { return t.Format("2006-01-02 15:04 MST") },
	"arrow": func(trend string) string {
		switch trend {
		case "up":
			return "▲"
		case "down":
			return "▼"
		case "flat":
			return "■"
		}
		return ""
	},
}).ParseFS(templateFS, "templates/*.html"))))

// Render writes the report as one self-contained HTML document.
func Render(w io.Writer, d *Data) error {
	// Render into a buffer so a template error never leaves half a
	// document behind.
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "report.html", d); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// renderChart renders one chart template ("sov", "sentiment", "funnel")
// on its own (the golden tests).
func renderChart(w io.Writer, name string, chart any) error {
	return tmpl.ExecuteTemplate(w, name, chart)
}
