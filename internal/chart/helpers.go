package chart

import (
	"embed"
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

//go:embed charts.html
var templateFS embed.FS

// Funcs are the template functions the chart templates use: num (a
// coordinate), plus and minus.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"num":   Num,
		"plus":  func(a, b float64) float64 { return a + b },
		"minus": func(a, b float64) float64 { return a - b },
	}
}

// Parse adds the chart templates "sov" (a *LineChart), "sentiment" (a
// *SentimentChart) and "funnel" (a *FunnelChart) to t, with Funcs. The
// templates expect a stylesheet for the classes grid, axis, axislabel,
// legend, pos, neu, neg, net, zero, stage and adv.
func Parse(t *template.Template) (*template.Template, error) {
	return t.Funcs(Funcs()).ParseFS(templateFS, "charts.html")
}

// bound collapses white space and cuts s at n runes.
func bound(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// finite replaces NaN and infinities by 0.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// Percent formats a share as "12.3%".
func Percent(x float64) string { return fmt.Sprintf("%.1f%%", finite(x)*100) }

// Sign is the sign of x as shown before a change: +, − (a true minus) or ±.
func Sign(x float64) string {
	switch {
	case x > 0:
		return "+"
	case x < 0:
		return "−"
	}
	return "±"
}

// Thousands formats n with separators: 12,345 (a true minus sign when
// negative).
func Thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(",")
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// Signed formats a count change: +3, −2 (a true minus) or ±0.
func Signed(n int64) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprintf("−%d", -n)
	}
	return "±0"
}

// Duration renders seconds as "2d 3h", "3h 20m", "45m" or "30s".
func Duration(s float64) string {
	d := time.Duration(finite(s) * float64(time.Second)).Round(time.Second)
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%dd %dh", d/(24*time.Hour), (d%(24*time.Hour))/time.Hour)
	case d >= time.Hour:
		return fmt.Sprintf("%dh %dm", d/time.Hour, (d%time.Hour)/time.Minute)
	case d >= time.Minute:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%ds", d/time.Second)
}
