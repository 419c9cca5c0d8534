package stance

import "strings"

// cue is a set of word classes; a word may belong to several.
type cue uint64

const (
	cNeg        cue = 1 << iota // negators; words ending in n't are added on the fly
	cAux                        // auxiliaries and modals
	cEcho                       // echo adverbs of an elliptical clause: too, also, always
	cElide                      // other words an elliptical clause may hold
	cBound                      // conjunctions that open a new clause
	cContrast                   // contrastive conjunctions
	cSubFirst                   // contrastive subordinators that may lead: while, although
	cUnlike                     // unlike, except
	cConnector                  // and, or: join mentions in a run
	cGreet                      // hey, hello: may lead a mention run
	cSecond                     // second-person words: the addressee
	cSubjVerb                   // third-person singular verbs: "@X rocks"
	cCmpPos                     // comparatives that favour the subject: better
	cCmpNeg                     // comparatives that disfavour it: worse
	cMoreLess                   // more, less (+ adjective + than)
	cPrefer                     // prefer, choose, rather
	cBeat                       // beats, outperforms
	cSwitch                     // switch, move, jump (to a brand)
	cLeave                      // leave, ditch, quit (a brand)
	cCarry                      // take, give, bring (my business to a brand)
	cGo                         // go, come (back to a brand)
	cPoss                       // my, our
	cSubjNeg                    // nothing, nobody: a negated subject
	cInterj                     // sarcasm: great, wonderful (as interjections)
	cInterjLead                 // sarcasm: oh, just, so before an interjection
	cLove                       // sarcasm: love, enjoy (+ a bad situation)
	cThank                      // sarcasm: thanks (for nothing)
	cSituation                  // negative travel/service situations
	cWait                       // waiting situations (only for sarcasm)
	cSarcObj                    // sarcasm: what one is "thanked for"
	cSarcMark                   // explicit sarcasm hashtags
	cThird                      // they, their: refers back to a named brand
)

// cueLists lists the cue words per class. Lower case; "’" is normalised to
// "'" before lookup.
var cueLists = []struct {
	c     cue
	words string
}{
	{cNeg, "not no never none nobody nothing nowhere neither nor cannot without nope nah hardly rarely seldom aint noone"},
	{cNeg | cAux, "dont doesnt didnt isnt wasnt wont cant couldnt shouldnt wouldnt havent hasnt hadnt werent arent"},
	{cAux, "do does did done is was are were be been am has have had will would can could should shall may might must 's 'd i'd i'll"},
	{cEcho, "too also always either likewise same usually"},
	{cElide, "ever still so just really definitely certainly sure though again even it that this they them one ones as well here there me us for mine with on at to happen happens happened happening yes yep anymore"},
	{cBound, "but however whereas while whilst although though unlike except because bc cuz cos coz when since meanwhile cc"},
	{cContrast, "but however whereas while whilst yet meanwhile although though instead nevertheless nonetheless"},
	{cSubFirst, "while whilst whereas although though"},
	{cUnlike, "unlike except"},
	{cConnector, "and or cc plus"},
	{cGreet, "hey hi hello dear yo hiya"},
	{cSecond, "you your you're youre yours y'all yall u ur you've you'll you'd youve youll yourself yourselves"},
	{cSubjVerb, "is was has does doesnt doesn't isn't isnt wasn't wasnt hasn't hasnt 's rocks sucks needs rules wins fails beats loses"},
	{cCmpPos, "better superior nicer faster friendlier cheaper comfier smoother easier safer quicker cleaner kinder happier classier cooler"},
	{cCmpNeg, "worse inferior slower ruder pricier dirtier costlier harder nastier meaner crappier shittier lousier"},
	{cMoreLess, "more less"},
	{cPrefer, "prefer prefers preferred preferring choose chooses chose chosen choosing pick picks picked picking rather"},
	{cBeat, "beat beats beating outperforms outperform outperformed outdoes outdid outdo trumps crushes crushed destroys smokes smoked outclasses"},
	{cSwitch, "switch switched switching switches move moved moving moves jump jumped jumping migrate migrated migrating defect defected defecting convert converted converting change changed changing"},
	{cLeave, "leave leaving leaves left ditch ditched ditching dump dumped dumping drop dropped dropping quit quitting abandon abandoned abandoning"},
	{cCarry, "take taking took takes give giving gave gives bring bringing brought"},
	{cGo, "go going went goes come coming came gone"},
	{cPoss, "my our"},
	{cSubjNeg, "nothing nobody none noone"},
	{cInterj, "great wonderful awesome fantastic perfect brilliant lovely nice amazing terrific super excellent fabulous splendid marvelous marvellous"},
	{cInterjLead, "oh just so how well yay gee wow ah ooh"},
	{cLove, "love loving loves enjoy enjoying enjoys adore"},
	{cThank, "thanks thank thx ty"},
	{cSituation, "delay delays delayed delaying cancel cancels cancelled canceled cancelling canceling cancellation cancellations stuck stranded late lost losing lose loses misplaced missing missed overbooked diverted broken damaged bumped"},
	{cWait, "waiting wait waited hold hours hrs hour line queue sitting standing"},
	{cSarcObj, "nothing losing cancelling canceling delaying stranding ruining ruined breaking wasting wasted rude terrible awful horrible worst lousy poor"},
	{cSarcMark, "#not #sarcasm #sarcastic #thanksfornothing #yeahright #irony"},
	{cThird, "they their them theirs they're theyre they've theyve they'll"},
}

// cues maps a lowercased word to its classes. Built once, never written.
var cues = buildCues()

func buildCues() map[string]cue {
	m := make(map[string]cue, 512)
	for _, l := range cueLists {
		for _, w := range strings.Fields(l.words) {
			m[w] |= l.c
		}
	}
	return m
}

// classify returns the classes of the lowercased word w.
func classify(w string) cue {
	c := cues[w]
	if c == 0 && len(w) > 3 && strings.HasSuffix(w, "n't") {
		c = cNeg | cAux
	}
	return c
}

// Multi-word cues, matched on lowercased words right before (pre) or after
// (post) a brand mention; "*" matches any one word.
var (
	preferPre = [][]string{
		{"why", "i", "fly"}, {"why", "i", "*", "fly"}, {"why", "i", "choose"}, {"why", "i", "love"},
		{"more", "to", "fly"}, {"rather", "fly"},
		{"should", "have", "flown"}, {"should", "have", "flew"}, {"should", "have", "booked"},
		{"should", "have", "gone", "with"}, {"should've", "flown"}, {"should've", "flew"},
		{"should've", "booked"}, {"should've", "gone", "with"}, {"shouldve", "flown"},
		{"shoulda", "flown"}, {"shoulda", "flew"}, {"learn", "from"}, {"lesson", "from"},
		{"lessons", "from"}, {"notes", "from"}, {"stick", "with"}, {"sticking", "with"},
		{"stick", "to"}, {"sticking", "to"}, {"thank", "god", "for"}, {"thank", "goodness", "for"},
		{"next", "time"}, {"be", "trying"},
	}
	preferPost = [][]string{
		{"ftw"}, {"all", "the", "way"}, {"here", "i", "come"}, {"for", "the", "win"},
		{"next", "time"}, {"to", "the", "rescue"}, {"saves", "the", "day"}, {"saved", "the", "day"},
		{"never", "lets", "me", "down"}, {"never", "disappoints"},
	}
	rejectPre = [][]string{
		{"done", "with"}, {"goodbye"}, {"bye"}, {"never", "again"}, {"boycott"}, {"boycotting"},
		{"avoid"}, {"avoiding"}, {"no", "more"}, {"never", "fly"}, {"never", "flying"},
		{"never", "fly", "with"}, {"never", "flying", "with"}, {"stay", "away", "from"},
	}
)
