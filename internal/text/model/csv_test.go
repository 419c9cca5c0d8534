package model

import (
	"slices"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	in := "\uFEFFid, Text ,Sentiment\n" +
		"1,\"Hello, \"\"world\"\"\",positive\n" +
		"2,\"two\nlines\", negative \n" +
		"3,é,neutral\n"
	got, err := ReadCSV(strings.NewReader(in), "text", "sentiment")
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{
		{Text: `Hello, "world"`, Label: "positive"},
		{Text: "two\nlines", Label: "negative"},
		{Text: "é", Label: "neutral"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReadCSVExactHeaderFirst(t *testing.T) {
	got, err := ReadCSV(strings.NewReader("TEXT,text,label\nupper,lower,x\n"), "text", "label")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Text != "lower" {
		t.Errorf("got %q, want the exactly named column", got)
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty input", "", "empty input"},
		{"missing text column", "body,label\nx,y\n", `no column "text"`},
		{"missing label column", "text,sentiment\nx,y\n", `no column "label"`},
		{"empty label", "text,label\na,pos\nb,  \n", "line 3: empty label"},
		{"empty text", "text,label\n\"\nx\",pos\n \t,neg\n", "line 4: empty text"},
		{"bad UTF-8 text", "text,label\na,pos\nb,pos\n\xff,neg\n", "line 4: text is not valid UTF-8"},
		{"bad UTF-8 label", "text,label\na,\xffpos\n", "line 2: label"},
		{"long label", "text,label\na," + strings.Repeat("x", MaxLabelBytes+1) + "\n", "line 2: label of 129 bytes"},
		{"wrong field count", "text,label\na,pos\nb\n", "line 3"},
		{"bad quoting", "text,label\na,pos\n\"b,pos\n", "line 3"},
	}
	for _, tt := range tests {
		_, err := ReadCSV(strings.NewReader(tt.in), "text", "label")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
