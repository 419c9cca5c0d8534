// Package analysis reads each post the way the rest of Herald needs it:
// which brands it is about (structure, handles, hashtags, keywords and the
// brands' boolean queries), its language, its overall sentiment (the
// workspace's trained model, else VADER), its stance toward each brand it
// names, and its intents. It is the ingest pipeline's analyzer and the
// engine of `herald analyze` and `herald reanalyze`.
package analysis

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/brandtag"
	"github.com/herald-advocacy/herald/internal/text/intent"
	"github.com/herald-advocacy/herald/internal/text/lang"
	"github.com/herald-advocacy/herald/internal/text/model"
	"github.com/herald-advocacy/herald/internal/text/stance"
	"github.com/herald-advocacy/herald/internal/text/vader"
)

// Version names this analyzer's rules; it changes when they do, so stored
// analyses can be told apart from fresh ones.
const Version = "herald-analysis/1"

// Lexicons are the parts of the analysis that are expensive to build and
// shared by every workspace: build them once per process.
type Lexicons struct {
	vader  *vader.Analyzer
	stance *stance.Analyzer
}

// LoadLexicons parses the embedded lexicons.
func LoadLexicons() (*Lexicons, error) {
	v, err := vader.New()
	if err != nil {
		return nil, fmt.Errorf("load vader lexicon: %w", err)
	}
	s, err := stance.New(v)
	if err != nil {
		return nil, fmt.Errorf("load stance rules: %w", err)
	}
	return &Lexicons{vader: v, stance: s}, nil
}

// Analyzer analyses the activities of one workspace. It is immutable and
// safe for concurrent use.
type Analyzer struct {
	lex     *Lexicons
	tagger  *brandtag.Tagger
	brands  *brandSets
	ids     map[string]herald.Brand
	model   *model.Model      // nil: VADER decides the overall sentiment
	classes []herald.Polarity // the model's classes, in its order
	pool    sync.Pool         // *scratch
	version string
}

// New compiles the workspace's brands (handles, hashtags, keywords and
// queries) into one matcher. m is the workspace's trained sentiment model,
// or nil. A brand query with a mistake is an error naming the brand, line
// and column.
func New(lex *Lexicons, ws *herald.Workspace, m *model.Model) (*Analyzer, error) {
	set, err := compileBrands(ws)
	if err != nil {
		return nil, err
	}
	a := &Analyzer{lex: lex, tagger: brandtag.New(ws), brands: set, ids: map[string]herald.Brand{}, model: m, version: Version}
	for _, b := range ws.Brands {
		a.ids[b.Slug] = b
	}
	if m != nil {
		a.version += "+" + m.Version()
		for _, c := range m.Classes() {
			a.classes = append(a.classes, herald.Polarity(c))
		}
	}
	return a, nil
}

// Version identifies the rules and model this analyzer applies.
func (a *Analyzer) Version() string { return a.version }

// Tag analyses an activity in place (the ingest pipeline's hook): its
// brand mentions with their stance, and for posts with text, the
// Analysis.
func (a *Analyzer) Tag(act *herald.Activity) {
	a.tagger.Tag(act)
	a.analyze(act, nil)
}

// analyze fills act's brands and analysis; r receives the details that are
// not stored (spans, evidence), for `herald analyze`.
func (a *Analyzer) analyze(act *herald.Activity, r *Result) {
	if act.Deleted || !hasText(act) {
		act.Analysis = nil
		return
	}
	sc, _ := a.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer a.pool.Put(sc)
	text := act.Text
	sc.matches = a.matchBrands(act, text, sc.matches[:0])
	an := &herald.Analysis{Version: a.version}
	var conf float64
	an.Lang, conf = lang.Detect(text)
	if r != nil {
		r.LangConfidence = conf
	}
	for _, m := range act.Brands {
		an.Direct = an.Direct || m.Direct
	}
	act.Analysis = an
	if !scored(an.Lang) {
		return // not English: no English lexicon or model reads it
	}
	vs := a.lex.vader.PolarityScores(text)
	an.VADER = herald.VADERScores{Neg: vs.Neg, Neu: vs.Neu, Pos: vs.Pos, Compound: vs.Compound}
	an.Sentiment = herald.Sentiment{Label: herald.PolarityOf(vs.Compound), Score: vs.Compound}
	if a.model != nil {
		an.Sentiment, an.Model = a.modelSentiment(text), a.model.Version()
	}
	an.Intents = intents(intent.Classify(intent.Input{Text: text, OtherBrands: max(len(act.Brands)-1, 0), Direct: an.Direct}))
	a.stances(act, text, vs, sc, r)
}

// hasText reports whether an activity carries text of its own to analyse
// (likes, follows and plain shares do not).
func hasText(act *herald.Activity) bool {
	switch act.Kind {
	case herald.KindPost, herald.KindReply, herald.KindQuote:
		return strings.ContainsFunc(act.Text, func(r rune) bool { return !unicode.IsSpace(r) })
	}
	return false
}

// scored reports whether sentiment and intents are computed for a
// language: English, and text too short to tell (mostly English here, and
// scored as the reference does); other languages are left unscored rather
// than misread with English lexicons.
func scored(lang string) bool { return lang == "en" || lang == lang_und }

const lang_und = "und"

// modelSentiment is the trained model's reading: the most probable class,
// scored P(positive) - P(negative) when the model has those classes.
func (a *Analyzer) modelSentiment(text string) herald.Sentiment {
	p := a.model.Predict(text)
	s := herald.Sentiment{Label: herald.Polarity(p.Label)}
	for i, c := range a.classes {
		switch c {
		case herald.Positive:
			s.Score += p.Probs[i]
		case herald.Negative:
			s.Score -= p.Probs[i]
		}
	}
	return s
}

// intentBits pairs the classifier's intents with the stored ones.
var intentBits = [...]struct {
	from intent.Set
	to   herald.Intents
}{
	{intent.Question, herald.IntentQuestion}, {intent.Complaint, herald.IntentComplaint},
	{intent.Praise, herald.IntentPraise}, {intent.Recommendation, herald.IntentRecommendation},
	{intent.Comparison, herald.IntentComparison}, {intent.Suggestion, herald.IntentSuggestion},
	{intent.PurchaseIntent, herald.IntentPurchase},
}

// intents converts the classifier's set to the stored bit set.
func intents(s intent.Set) herald.Intents {
	var out herald.Intents
	for _, b := range intentBits {
		if s&b.from != 0 {
			out |= b.to
		}
	}
	return out
}
