// Package chart computes the geometry of Herald's SVG charts — share of
// voice over time, sentiment toward a brand over time, the advocacy funnel —
// and holds the templates that draw them. The HTML report and the
// dashboard both use it. Every string reaches the SVG through
// html/template's escaping: nothing is marked safe.
package chart

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/herald-advocacy/herald/internal/store"
)

// Chart dimensions, in SVG user units.
const (
	chartW      = 760.0
	plotLeft    = 56.0
	plotRight   = chartW - 24
	maxXLabels  = 8
	legendRowH  = 18.0
	charWidth   = 6.6 // average width of a 12px label, to lay out legends
	legendEntry = 36.0
)

// Tick is one labelled position on an axis.
type Tick struct {
	Pos   float64
	Label string
}

// Mark is one hoverable data point.
type Mark struct {
	X, Y  float64
	Title string
}

// Series is one line of a line chart.
type Series struct {
	Name   string
	Color  string
	Dash   string // stroke-dasharray ("" solid)
	Shape  string // marker: circle, square or diamond
	Width  float64
	Points string // polyline points
	Marks  []Mark
	// LegendX, LegendY place its legend entry.
	LegendX, LegendY float64
}

// LineChart is share of voice over time: one line per brand.
type LineChart struct {
	Title, Desc              string
	Width, Height            float64
	Left, Top, Right, Bottom float64
	YTicks, XTicks           []Tick
	YLabel, XLabel           string
	Series                   []Series
	Empty                    bool
}

// Segment is one part of a stacked bar.
type Segment struct {
	Y, H  float64
	Class string // pos, neu, neg: fill and pattern come from the stylesheet and defs
	Title string
}

// Bar is one stacked bar.
type Bar struct {
	X, W     float64
	Segments []Segment
}

// Legend is one entry of a bar chart's legend.
type Legend struct {
	X, Y  float64
	Class string
	Label string
}

// SentimentChart is the stance toward the brand over time: stacked bars of
// positive, neutral and negative mentions, and the net sentiment line in a
// panel below.
type SentimentChart struct {
	Title, Desc                string
	Width, Height              float64
	Left, Top, Right, Bottom   float64 // the bars panel
	YTicks, XTicks             []Tick
	YLabel                     string
	Bars                       []Bar
	Legend                     []Legend
	NetTop, NetBottom, NetZero float64 // the net panel
	NetTicks                   []Tick
	NetPoints                  string
	NetMarks                   []Mark
	Empty                      bool
}

// FunnelBar is one stage of the funnel.
type FunnelBar struct {
	Label   string
	Y, W, H float64
	Count   string
	CountX  float64
	Class   string
	Title   string
}

// FunnelChart is the advocacy funnel: people per stage.
type FunnelChart struct {
	Title, Desc   string
	Width, Height float64
	Left          float64
	Bars          []FunnelBar
	Empty         bool
}

// Brand series styles: colour-blind-safe colours, each with its own dash
// and marker so the lines read in black and white too.
var seriesStyles = []struct{ color, dash, shape string }{
	{"#1f4e9c", "", "circle"},
	{"#c2410c", "7 4", "square"},
	{"#6d28d9", "2 3", "diamond"},
	{"#047857", "10 3 2 3", "circle"},
	{"#444444", "4 2", "square"},
}

// ShareOfVoice draws every brand's share of voice per bucket, the
// reported brand first and thickest.
func ShareOfVoice(rep *store.MetricsReport, brand int64, names map[string]string, gran string) *LineChart {
	c := &LineChart{Title: "Share of voice per " + gran, Width: chartW, Left: plotLeft, Right: plotRight,
		YLabel: "Share of mentions (%)", XLabel: bucketAxis(gran)}
	ordered := make([]store.BrandMetrics, 0, len(rep.Brands))
	for _, b := range rep.Brands {
		if b.BrandID == brand {
			ordered = append([]store.BrandMetrics{b}, ordered...)
		} else {
			ordered = append(ordered, b)
		}
	}
	var total int64
	for _, b := range ordered {
		total += b.Total.Mentions
	}
	if len(ordered) == 0 || total == 0 || len(ordered[0].Buckets) == 0 {
		c.Empty, c.Height = true, 0
		return c
	}
	// The legend rows first: they set the top of the plot.
	x, y := plotLeft, 16.0
	for i, b := range ordered {
		name := bound(firstNonEmpty(names[b.Brand], b.Brand), 32)
		w := legendEntry + float64(len([]rune(name)))*charWidth + 18
		if x+w > plotRight && x > plotLeft {
			x, y = plotLeft, y+legendRowH
		}
		st := seriesStyles[i%len(seriesStyles)]
		s := Series{Name: name, Color: st.color, Dash: st.dash, Shape: st.shape, Width: 2, LegendX: x, LegendY: y}
		if i == 0 {
			s.Width = 3
		}
		c.Series = append(c.Series, s)
		x += w
	}
	c.Top, c.Bottom = y+22, y+22+220
	c.Height = c.Bottom + 40
	n := len(ordered[0].Buckets)
	step := (c.Right - c.Left) / float64(n)
	c.XTicks = xTicks(ordered[0].Buckets, c.Left, step, gran)
	yOf := func(v float64) float64 { return c.Bottom - finite(v)*(c.Bottom-c.Top) }
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		c.YTicks = append(c.YTicks, Tick{Pos: yOf(v), Label: fmt.Sprintf("%.0f%%", v*100)})
	}
	for i, b := range ordered {
		s := &c.Series[i]
		var pts []string
		for k, bk := range b.Buckets {
			px, py := c.Left+(float64(k)+0.5)*step, yOf(bk.ShareOfVoice)
			pts = append(pts, fmt.Sprintf("%s,%s", Num(px), Num(py)))
			s.Marks = append(s.Marks, Mark{X: px, Y: py, Title: fmt.Sprintf("%s, %s: %s of mentions (%s of %s)", s.Name,
				bucketLabel(bk.Start, gran, true), Percent(bk.ShareOfVoice), Thousands(bk.Mentions), Thousands(bucketTotal(ordered, k)))})
		}
		s.Points = strings.Join(pts, " ")
	}
	c.Desc = fmt.Sprintf("%s holds %s of all mentions of the %d brands over the period.", c.Series[0].Name,
		Percent(ordered[0].Total.ShareOfVoice), len(ordered))
	return c
}

func bucketTotal(bs []store.BrandMetrics, k int) int64 {
	var n int64
	for _, b := range bs {
		n += b.Buckets[k].Mentions
	}
	return n
}

// Sentiment draws the stance toward the brand per bucket.
func Sentiment(b store.BrandMetrics, brand, gran string) *SentimentChart {
	c := &SentimentChart{Title: "Sentiment toward " + bound(brand, 40) + " per " + gran, Width: chartW, Left: plotLeft, Right: plotRight,
		YLabel: "Mentions per " + gran}
	t := b.Total.Sentiment
	if t.Positive+t.Negative+t.Neutral == 0 || len(b.Buckets) == 0 {
		c.Empty = true
		return c
	}
	x := plotLeft
	for _, l := range []Legend{{Class: "pos", Label: "Positive"}, {Class: "neu", Label: "Neutral"}, {Class: "neg", Label: "Negative"}} {
		l.X, l.Y = x, 16
		c.Legend = append(c.Legend, l)
		x += 22 + float64(len(l.Label))*charWidth + 18
	}
	c.Top, c.Bottom = 38, 38+200
	c.NetTop, c.NetBottom = c.Bottom+44, c.Bottom+44+90
	c.Height = c.NetBottom + 40
	c.NetZero = (c.NetTop + c.NetBottom) / 2
	var peak int64
	for _, bk := range b.Buckets {
		s := bk.Sentiment
		peak = max(peak, s.Positive+s.Negative+s.Neutral)
	}
	top, tstep := niceScale(float64(peak))
	yOf := func(v float64) float64 { return c.Bottom - finite(v/top)*(c.Bottom-c.Top) }
	for v := 0.0; v <= top+tstep/2; v += tstep {
		c.YTicks = append(c.YTicks, Tick{Pos: yOf(v), Label: Thousands(int64(math.Round(v)))})
	}
	n := len(b.Buckets)
	step := (c.Right - c.Left) / float64(n)
	c.XTicks = xTicks(b.Buckets, c.Left, step, gran)
	netY := func(v float64) float64 { return c.NetZero - finite(v)*(c.NetBottom-c.NetTop)/2 }
	for _, v := range []float64{1, 0.5, 0, -0.5, -1} {
		c.NetTicks = append(c.NetTicks, Tick{Pos: netY(v), Label: fmt.Sprintf("%s%.0f", Sign(v), math.Abs(v*100))})
	}
	c.NetTicks[2].Label = "0"
	bw := math.Max(math.Min(step*0.72, 48), 1)
	var pts []string
	for k, bk := range b.Buckets {
		s := bk.Sentiment
		cx := c.Left + (float64(k)+0.5)*step
		label := bucketLabel(bk.Start, gran, true)
		bar := Bar{X: cx - bw/2, W: bw}
		y := c.Bottom
		for _, seg := range []struct {
			n     int64
			class string
			name  string
		}{{s.Positive, "pos", "positive"}, {s.Neutral, "neu", "neutral"}, {s.Negative, "neg", "negative"}} {
			if seg.n == 0 {
				continue
			}
			h := c.Bottom - yOf(float64(seg.n))
			y -= h
			bar.Segments = append(bar.Segments, Segment{Y: y, H: h, Class: seg.class,
				Title: fmt.Sprintf("%s: %s %s", label, Thousands(seg.n), seg.name)})
		}
		c.Bars = append(c.Bars, bar)
		if s.Positive+s.Negative+s.Neutral == 0 {
			continue // no net sentiment without a mention: a gap in the line
		}
		py := netY(s.Net)
		pts = append(pts, fmt.Sprintf("%s,%s", Num(cx), Num(py)))
		c.NetMarks = append(c.NetMarks, Mark{X: cx, Y: py, Title: fmt.Sprintf("%s: net sentiment %s%.0f (%s positive, %s negative, %s neutral)",
			label, Sign(math.Round(s.Net*100)), math.Abs(math.Round(s.Net*100)), Thousands(s.Positive), Thousands(s.Negative), Thousands(s.Neutral))})
	}
	c.NetPoints = strings.Join(pts, " ")
	c.Desc = fmt.Sprintf("%s positive, %s neutral and %s negative mentions; net sentiment %s%.0f over the period.",
		Thousands(t.Positive), Thousands(t.Neutral), Thousands(t.Negative), Sign(math.Round(t.Net*100)), math.Abs(math.Round(t.Net*100)))
	return c
}

// Funnel draws people per stage, highest stage last.
func Funnel(f store.Funnel) *FunnelChart {
	c := &FunnelChart{Title: "Advocacy funnel", Width: chartW, Left: 130}
	stages := []struct{ key, label string }{{"audience", "Audience"}, {"engaged", "Engaged"}, {"potential", "Potential"},
		{"advocate", "Advocate"}, {"champion", "Champion"}}
	var peak, total int64
	for _, s := range stages {
		peak = max(peak, f.Stages[s.key])
		total += f.Stages[s.key]
	}
	if total == 0 {
		c.Empty = true
		return c
	}
	const rowH, barH = 34.0, 24.0
	span := plotRight - 90 - c.Left
	for i, s := range stages {
		n := f.Stages[s.key]
		w := math.Max(span*finite(float64(n)/float64(peak)), 2)
		if n == 0 {
			w = 0
		}
		class := "stage"
		if s.key == "advocate" || s.key == "champion" {
			class = "stage adv"
		}
		c.Bars = append(c.Bars, FunnelBar{Label: s.label, Y: 10 + float64(i)*rowH, W: w, H: barH,
			Count: fmt.Sprintf("%s (%s)", Thousands(n), Percent(float64(n)/float64(total))), CountX: c.Left + w + 8, Class: class,
			Title: fmt.Sprintf("%s: %s people, %s of everyone scored", s.label, Thousands(n), Percent(float64(n)/float64(total)))})
	}
	c.Height = 10 + float64(len(stages))*rowH + 6
	c.Desc = fmt.Sprintf("%s people scored: %s advocates and %s champions.", Thousands(total),
		Thousands(f.Stages["advocate"]), Thousands(f.Stages["champion"]))
	return c
}

// xTicks labels at most maxXLabels bucket centres, evenly.
func xTicks(bs []store.BucketMetrics, left, step float64, gran string) []Tick {
	every := max(1, int(math.Ceil(float64(len(bs))/maxXLabels)))
	var out []Tick
	for k := 0; k < len(bs); k += every {
		out = append(out, Tick{Pos: left + (float64(k)+0.5)*step, Label: bucketLabel(bs[k].Start, gran, false)})
	}
	return out
}

func bucketAxis(gran string) string {
	switch gran {
	case "week":
		return "Week starting (Monday)"
	case "month":
		return "Month"
	}
	return "Day"
}

// bucketLabel names a bucket: "Mar 2" (long: "week of Mar 2, 2026"),
// "Mar 2026".
func bucketLabel(t time.Time, gran string, long bool) string {
	switch {
	case gran == "month":
		return t.Format("Jan 2006")
	case long && gran == "week":
		return "week of " + t.Format("Jan 2, 2006")
	case long:
		return t.Format("Mon Jan 2, 2006")
	}
	return t.Format("Jan 2")
}

// niceScale returns a rounded axis maximum at or above peak and its tick
// step (four or five ticks, whole numbers).
func niceScale(peak float64) (top, step float64) {
	if peak <= 0 || math.IsNaN(peak) || math.IsInf(peak, 0) {
		return 4, 1
	}
	raw := peak / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	step = math.Max(1, math.Ceil(step))
	return math.Ceil(peak/step) * step, step
}

// Num formats a coordinate: one decimal, never NaN or Inf.
func Num(x float64) string {
	s := fmt.Sprintf("%.1f", finite(x))
	if s == "-0.0" {
		return "0.0"
	}
	return s
}
