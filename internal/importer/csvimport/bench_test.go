package csvimport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/importer/importertest"
)

// generated returns a CSV of n rows in the airline layout, with quoting,
// entities and embedded newlines.
func generated(n int) []byte {
	var b bytes.Buffer
	b.WriteString("id,author,text,created_at,retweet_count,brand,sentiment\n")
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("@Brand%d thanks &amp; #tag%d https://t.co/x%d", i%50, i%7, i)
		if i%10 == 0 {
			text = fmt.Sprintf("\"@Brand%d a \"\"quoted\"\" line,\nand another #news\"", i%50)
		}
		fmt.Fprintf(&b, "%d,user_%d,%s,2015-02-%02d %02d:%02d:%02d -0800,%d,Brand %d,%s\n",
			570306133677760513+i, i%997, text, 16+i%8, i%24, i%60, (i*7)%60, i%45, i%6, []string{"negative", "neutral", "positive"}[i%3])
	}
	return b.Bytes()
}

func BenchmarkParse(b *testing.B) {
	b.Run("airline", func(b *testing.B) {
		data := importertest.Read(b, filepath.Join(importertest.SharedData(b, "airline-sentiment"), "Tweets.csv"))
		importertest.Bench(b, parser(nil), data)
	})
	b.Run("generated100k", func(b *testing.B) {
		m, err := ParseMapping(map[string]string{"id": "id", "author": "author", "text": "text", "created": "created_at",
			"shares": "retweet_count", "brand": "brand", "attr.sentiment": "sentiment", "text_html": "true"})
		if err != nil {
			b.Fatal(err)
		}
		importertest.Bench(b, parser(&m), generated(100_000))
	})
}

// genReader streams a generated CSV without holding it in memory.
type genReader struct {
	rows, n int
	buf     []byte
}

func (g *genReader) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		if g.n == g.rows {
			return 0, io.EOF
		}
		if g.n == 0 {
			g.buf = []byte("id,author,text,created\n")
		}
		g.n++
		g.buf = fmt.Appendf(g.buf, "%d,u%d,\"line one\nline \"\"two\"\" #t\",%d\n", g.n, g.n%100, 1424806552+g.n)
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// The input buffer stays small however long the file is.
func TestConstantMemory(t *testing.T) {
	cr, in := newReader(&genReader{rows: 200_000}, ',')
	header, err := readHeader(cr, in)
	if err != nil {
		t.Fatal(err)
	}
	p, err := planFor(nil, header)
	if err != nil {
		t.Fatal(err)
	}
	rows, peak := 0, 0
	err = p.rows(context.Background(), cr, in, func(r herald.Record) error {
		if r.Err != nil {
			return r.Err
		}
		rows++
		peak = max(peak, cap(in.buf))
		return nil
	})
	if err != nil || rows != 200_000 {
		t.Fatalf("%d rows: %v", rows, err)
	}
	if peak > 128<<10 {
		t.Errorf("input buffer grew to %d bytes", peak)
	}
}
