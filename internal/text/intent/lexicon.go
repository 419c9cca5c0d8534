package intent

// The phrase lexicons. Each pattern is a sequence of lower-cased words
// separated by spaces, written without apostrophes ("dont", "youd") and
// with the parts of hyphenated words apart ("pre order"). Special words:
// "*" skips 0 to 4 words of the same sentence, "@" is an @mention, "#" a
// number, "?" "!" "." sentence punctuation (a line break is a "."), "<3" a
// heart (also "&lt;3" and heart emoji).
//
// A leading flag character changes how a pattern is used:
//
//	^  only at the start of a sentence (after @mentions)
//	-  a block: kills the intent's other cues that overlap it
//	&  rhetorical: the sentence's question is not a question (a complaint)
//	~  courtesy thanks: praise only when it is the whole post
//	%  sarcasm-prone praise: a complaint cue right after it makes it sarcasm
//	=  comparison cue that needs another brand named in the post
//	!  not subject to the negation check
//	$  a request only when the post addresses the brand (Input.Direct)
//	:  a question opening that counts only with a question mark
//	>  a block that also kills the intent's cues after it in its sentence
type lexicon struct {
	intent   Set
	patterns []string
}

var lexicons = []lexicon{
	{Question, questionCues},
	{Complaint, complaintCues},
	{Praise, praiseCues},
	{Recommendation, recommendationCues},
	{Comparison, comparisonCues},
	{Suggestion, suggestionCues},
	{PurchaseIntent, purchaseCues},
}

// questionCues are questions without a question mark, requests for help or
// action, and the rhetorical markers that cancel a question.
var questionCues = []string{
	// wh- and auxiliary openings
	"^how do", "^how can", "^how did", "^how come", "^why", "^how long", "^how much", "^how many", "^how would", "^how does", "^how soon", "^how to",
	"^what is", "^whats", "^what time", "^what are", "^what do", "^what should", "^what happens", "^what can",
	"^when will", "^when is", "^when are", "^when does", "^when do", "^when can", "^when should",
	"^where is", "^where can", "^where do", "^where are", "^wheres",
	":^which", "^who can", "^who do", "^who should",
	":^is there", ":^are there", ":^is it", ":^is this", ":^is that", ":^is my", ":^are you", ":^are we",
	"^do you", "^do i", "^do we", ":^does", ":^did you", ":^did my",
	"^can i", "^can you", "^can we", "^can someone", "^can anyone", "^could you", "^could i", "^could someone",
	"^would you", "^will you", "^will i", "^will my", ":^will the", ":^will there", ":^will it",
	"^should i", "^should we", "^shall i",
	"^any idea", "^any update", "^any updates", "^any word", "^any info", "^any news", "^any chance", "^any way",
	"^any advice", "^any suggestions", "^any recommendations", "^any options", "^anyone know", "^does anyone",
	// requests for help or action
	"please help", "pls help", "plz help", "help me", "help us", "help !", "can you help", "could you help",
	"can someone help", "can anyone help", "need help", "need your help", "need assistance", "need some help",
	"please advise", "pls advise", "advise please", "please dm", "pls dm", "dm me", "please respond",
	"please reply", "please call", "call me", "please let me know", "let me know", "let us know",
	"please check", "pls check", "check dm", "check your dm", "check my dm", "please get me", "please put me",
	"please rebook", "please follow", "follow me", "follow back", "respond to my", "answer my",
	"get back to me", "reach out to me", "status please", "please update", "i need to know", "need to know",
	"was wondering", "just wondering", "wondering if", "wondering why", "want to know", "would like to know",
	"i need the", "quick question", "if you can get", "if you could", "$^please", "$^pls", "$^plz",
	// rhetorical questions (inside complaints)
	"&really", "&seriously", "&are you kidding", "&are you serious", "&you kidding", "&is this a joke",
	"&is this for real", "&how hard", "&how difficult", "&how is it", "&how is that", "&how can you",
	"&how could you", "&how dare", "&the hell", "&the heck", "&the fuck", "&wtf", "&whats the point",
	"&what is the point", "&who does that", "&what kind of", "&at what point", "&why would you",
	"&why would i", "&why cant you", "&why cant they", "&why dont you", "&why do you think", "&why do you always",
	"&why is it so", "&why is it always", "&why are you so", "&why bother", "&why even", "&why no",
	"&why is there no", "&why nothing", "&do you even", "&does anyone care", "&do you care", "&what happened to",
	"&since when", "&are you aware", "&is that how", "&is that what", "&never", "&ever", "&always",
	"&right ?", "&oh really", "&how in",
	"-please note", "-please dont", "-please stop",
}

// complaintCues are bad experiences, failures and negative judgements.
var complaintCues = []string{
	// delays, cancellations, baggage
	"delay", "delays", "delayed", "late", "cancelled", "canceled", "cancel", "cancellation", "cancellations",
	"cancelled flightled", "cancelled flighted", "cancelled flightlations", "diverted", "overbooked", "overbook",
	"bumped", "stuck", "stranded", "missed", "miss my", "lost", "lose", "losing", "missing", "damaged",
	"broken", "broke", "destroyed", "no bags",
	// waiting and reaching support
	"still waiting", "still no", "still havent", "still dont", "still not", "still cant", "still on hold",
	"on hold", "hold time", "holding", "wait time", "wait times", "waiting", "waited", "hung up", "hang up",
	"disconnected", "no response", "no reply", "no answer", "never received", "never got", "never heard",
	"no one", "nobody", "no help", "no notification", "no communication", "no information", "no info",
	"no updates", "no update", "no explanation", "lack of", "cant get through", "cant get ahold", "cant reach",
	"over #", "for # hours", "for # hrs", "for # minutes", "for # mins", "# hours", "# hrs", "# hour",
	"# minutes", "# mins", "# days", "been # months", "an hour", "hours",
	// failures of product and process
	"error", "errors", "bug", "bugs", "glitch", "glitches", "crash", "crashed", "crashes", "not working",
	"doesnt work", "isnt working", "wont work", "didnt work", "stopped working", "quit working",
	"does not work", "did not work", "do not work", "dont work", "not loading", "wont load", "doesnt load", "cant log", "cant login", "cant sign",
	"cant find", "cant get", "cant even", "cant be", "cant figure", "couldnt", "wont let me", "doesnt let",
	"not letting", "not allow", "wont allow", "unable", "impossible", "issue", "issues", "problem",
	"problems", "trouble", "failed", "fails", "fail", "failure", "is down", "was down", "being down", "are down",
	"went down", "still down", "outage", "slow", "slowness", "hangs", "freezes", "freezing", "frozen",
	"keeps crashing", "not showing", "doesnt show", "does not show", "doesnt appear", "does not appear",
	"will not let", "would not let", "not let me", "another hour", "why cant", "illegal", "boycott",
	"used to be", "use to be", "stop flying", "stop using", "going to stop",
	"not received", "didnt get", "didnt receive", "never arrived", "not delivered", "hasnt arrived",
	"wrong", "mistake", "incorrect", "refund", "money back", "compensation", "compensate", "reimburse",
	"charged", "charging", "charge me", "you charge", "overcharged", "fee", "fees", "gouging",
	// judgements
	"worst", "horrible", "terrible", "awful", "ridiculous", "unacceptable", "disappointed", "disappointing",
	"disappointment", "frustrated", "frustrating", "frustration", "annoyed", "annoying", "angry", "upset",
	"pissed", "furious", "so mad", "im mad", "sucks", "suck", "sucked", "crap", "crappy", "shit", "shitty", "bs", "joke",
	"mess", "messed", "screwed", "ruined", "ruining", "ruin", "wasted", "waste", "wasting", "poor", "poorly",
	"bad", "badly", "worse", "incompetent", "incompetence", "pathetic", "disgusting", "gross", "embarrassing",
	"outrageous", "nightmare", "hell", "smh", "ugh", "rude", "rudeness", "unprofessional", "unhelpful",
	"useless", "uncaring", "condescending", "deplorable", "horrendous", "atrocious", "appalling", "shameful",
	"shame", "misleading", "lie", "lied", "lies", "lying", "stolen", "steal", "stealing", "dirty", "filthy",
	"uncomfortable", "cramped", "unbelievable", "cant believe", "cannot believe", "sick of", "tired of",
	"fed up", "enough is enough", "never again", "never fly", "never flying", "never use", "never using",
	"never order", "im done", "i am done", "lost a customer", "complaint", "complain",
	"complained", "complaining", "threatened", "abused", "ignored", "ignoring", "ignore", "denied", "refused",
	"demoted", "downgraded", "not happy", "unhappy", "not ok", "not okay", "not acceptable", "not impressed",
	"not pleased", "not satisfied", "dissatisfied", "unsatisfied", "hate", "hated", "hates", "sad",
	"astounded", "astonished", "shocked", "confused", "nothing works", "no idea what", "failing", "fault",
	"dropped", "dropping", "inconvenience", "inconvenienced", "hassle", "pita", "stressful", "excuses",
	"excuse", "bullshit", "wtf", "fuck", "fucking", "freaking", "damn", "pls fix", "please fix", "fix this",
	"fix your", "fix the", "make this stop", "not the service", "worst experience", "epicfail",
	"neveragain", "neverflying", "notimpressed", "disappointed", "badservice", "badcustomerservice",
	"nothappy", "upset", "fail", "sucks",
	"never showed", "didnt show up", "no show", "havent received", "has not arrived", "still hasnt",
	"yet to receive", "double charged", "scam", "scammed", "rip off", "ripoff", "robbery", "lame", "sigh",
	"grr", "argh", "not responding", "dont care", "doesnt care", "every time", "everytime", "tarmac",
	"stuck on", "stuck at", "cancelled my", "canceled my", "(frown)",
	// sarcasm markers
	"thanks for nothing", "thanks a lot", "sarcasm", "yeah right",
	"so much for", "good luck with", "what a joke",
	// blocks
	"-be a problem", "-be an issue", "-any problem", "-any problems", "-any issues", "-no problem",
	"-used to be a", "-used to be the",
}

// praiseCues are appreciation, compliments and thanks.
var praiseCues = []string{
	"~thanks", "~thank you", "~thank u", "~thx", "~thnx", "~ty", "~tks", "~cheers",
	"thanks for", "thank you for", "thanks to", "thank you to", "thx for", "big thanks", "many thanks",
	"thanks so much", "thank you so much", "thanks again", "thank you again", "thx again", "thanks a million",
	"thank you very much", "thanks very much", "appreciate", "appreciated", "grateful", "gratitude",
	"%love", "%loved", "%loving", "%love how", "%love that", "%love when", "%love being", "love you",
	"love you guys", "%awesome", "%amazing", "%great", "%excellent", "%fantastic", "outstanding",
	"%wonderful", "%incredible", "%brilliant", "superb", "%perfect", "impressed", "impressive", "kudos",
	"hats off", "shout out", "shoutout", "you rock", "rock", "rocks", "rockstar", "rockstars",
	"%best", "%happy", "glad", "pleased", "%enjoy", "%enjoyed", "%enjoying", "helpful", "kind", "friendly",
	"professional", "courteous", "very nice", "so nice", "really nice", "%good job", "%great job", "%well done", "%good service",
	"%great service", "%great customer service", "awesomeness", "delicious", "yummy", "yum", "clever",
	"beautiful", "gorgeous", "smooth", "comfortable", "on point", "lifesaver", "hero", "heroes",
	"god bless", "legend", "legends", "pleasure", "delighted", "fabulous", "stellar", "top notch",
	"<3", "favorite", "favourite", "fan of", "big fan", "huge fan", "well worth", "worth it",
	"%good", "proud", "lucky", "blessed", "exceeded", "above and beyond",
	"made my day", "luv", "luvin", "thanking", "%^way to go", "amazing job", "keep up the good work",
	"keep it up", "props", "bravo", "thanks guys", "thank you guys", "thanks team", "%love this", "%love it",
	"loved it", "on time", "ahead of schedule", "pleasant", "seamless", "efficient",
	// blocks: sign-offs and past or wished-for praise
	"-all the best", "-best of luck", "-best regards", "-best wishes", "-at best", "-do your best",
	"-doing their best", "-doing our best", "-trying their best", "-best way", "-the best for this",
	"-thought you were", "-used to be", "-would be great", "-would be nice", "-would be cool",
	"-would be awesome", "-that would be great", "-would love", "-good morning", "-good night",
	"-good luck", "-good afternoon", "-good evening", "-great sarcasm", "-best buy",
	"-the best is yet", "-happy halloween", "-happy new year", "-happy holidays", "-happy thanksgiving",
	"-happy birthday", "-happy friday", "-happy monday", "-happy valentines", "-happy easter",
	"-are the best for",
}

// recommendationCues are endorsements aimed at others.
var recommendationCues = []string{
	"highly recommend", "i recommend", "would recommend", "definitely recommend", "totally recommend",
	"strongly recommend", "recommend it", "recommend them", "recommend you", "recommend @",
	"recommend this", "recommend flying", "recommend none other", "highly recommended",
	"cant recommend * enough", "you have to try", "you need to try", "you got to try", "you gotta try",
	"must try", "go with @", "best * ever", "best * ive ever", "best * i have ever", "best * ive had",
	"best * i have had", "best * i have flown", "best * ive flown", "best airline", "best airlines",
	"the best !", "the best .", "was the best", "were the best", "are the best", "is the best",
	"one of the best", "greatest * ever", "favorite airline",
	"favourite airline", "favorite airlines", "my favorite", "my favourite", "new favorite",
	"never disappoints", "never disappoint", "never let me down", "never lets me down", "i only fly",
	"we only fly", "i only flying", "will only fly", "only fly @", "only fly with", "wont fly anyone else", "wont fly anything else",
	"never fly anyone else", "is my airline", "my go to", "second to none", "number one", "speak highly",
	"everyone should", "you should fly", "yall should fly", "come get", "get yours",
	"check them out", "give them a try", "loyal customer for life", "must have", "worth every penny",
	"worth the money", "five stars", "5 stars", "the only airline", "only airline i", "always fly",
	"will always fly", "fly nothing but", "nothing but @", "best service", "best customer service",
	"best experience", "best flight", "best crew", "best food", "you wont regret", "you will not regret",
	"you wont be disappointed", "do yourself a favor", "if you havent tried", "if you have not tried",
	// blocks
	"-thought you were", "-used to be", "-not the best", "-best of luck", "-all the best", "-best regards",
	"-best wishes", "-the best for this", "-best buy", "-the best is yet", "-are the best for", "-best way", "-was the best part", "-best option",
	"-recommend a", "-recommend an", "-recommend that you", "-recommend you call",
}

// comparisonCues set the brand against another or against competitors.
var comparisonCues = []string{
	"=than", "=better than", "=worse than", "=unlike", "=instead of", "=instead", "=compared to",
	"=compared with", "=compare", "=comparison", "=vs", "=versus", "=switch to", "=switched to",
	"=switching to", "=switch from", "=switched from", "=switching from", "=should have flown",
	"=shouldve flown", "=should have gone with", "=should have gone", "=go with", "=going with",
	"=flying @", "=fly @", "=rather fly",
	"=beats", "=gained a customer", "=shop at", "=move to", "=moving to", "=back to @", "=go back to",
	"=going back to", "=leaving for", "=over @", "=stick with", "=sticking with", "=prefer", "=prefers",
	"=preferred", "=like @", "=just like", "=next time @", "=superior to", "=outperforms",
	"other airlines", "other airline", "another airline", "any other airline", "every other airline",
	"all the other airlines", "all the others", "other carriers", "another carrier", "other companies",
	"another company", "elsewhere", "competitor", "competitors", "competition", "fly with anyone",
	"fly anyone else", "take notes", "than any other", "than other", "than most", "than the rest",
	"other providers", "another provider", "shouldhaveflown", "other banks", "other stores",
	"switch carriers", "switching carriers", "switch providers", "other operators",
	// blocks
	"-more than", "-less than", "-rather than", "-other than", "-than this", "-than that", "-than ever",
	"-than last", "-than before", "-than expected", "-than usual", "-than i", "-than it", "-than a",
	"-than an", "-than # ", "-than the guidelines", "-instead of credit", "-switch my flight",
	"-switched my", "-switch flights",
}

// suggestionCues propose a change, feature or idea.
var suggestionCues = []string{
	"you should", "you guys should", "u should", "yall should", "you all should", "should add",
	"should offer", "should consider", "should make", "should start", "should allow", "should let",
	"should hire", "should put", "should bring", "should really",
	"would be nice if", "would be great if", "would be cool if", "would be awesome if",
	"would be amazing if", "would be nice to see", "would be great to see", "would love to see",
	"would love it if", "would like to see", "it would help if", "please add", "please bring back",
	"bring back", "please start", "please consider", "please offer", "please fly", "how about",
	"why not", "why dont you", "why dont you guys", "i suggest", "suggestion", "suggest you",
	"my suggestion", "idea", "ideas", "feature request", "recommend a", "recommend an", "wish you would",
	"wish youd", "wish you flew", "wish you had", "wish you guys", "wish there was", "wish there were",
	"maybe you should", "maybe put", "maybe add", "maybe try", "consider adding", "consider offering",
	"make it available", "make this option", "make * available", "add more", "more flights",
	"more routes", "more frequency", "start flying", "need a better", "needs a better", "need more",
	"needs more", "need better", "revisit", "please make * available",
	"should have * in place", "need to have a look", "need to look into", "should review", "review your",
	"should be able to", "would be awesome to", "would be cool to", "please allow", "please let us",
	"please give us", "give us the option", "option to", "add an option", "add a feature", "add the option",
	"you could", "could you add", "can you add", "what if you", "imagine if", "why isnt there",
	"need to add", "need to offer", "needs to be",

	// blocks: reproaches about the past, personal demands, bug fixes
	"-you should have", "-you shouldve", "-should have been", "-should not have", "-shouldnt have",
	"-you should know", "-you should be", "-you should see", "-you should try it",
	"-how about a refund", "-how about the other", "-how about fixing",
	"-why not ?", "-why not !", "-why not .", "-why dont you tell",
	"-you should probably", "-need more time", "-any idea",
	"-any rough idea", "-no idea", "-idea what", "-idea of", "-idea when", "-idea why", "-idea how",
}

// purchaseCues show intent to buy, book, order, upgrade or subscribe.
var purchaseCues = []string{
	"want to book", "wanted to book", "trying to book", "tryin to book", "try to book", "looking to book",
	"need to book", "going to book", "gonna book", "about to book", "planning to book", "like to book",
	"cant book", "cannot book", "couldnt book", "unable to book", "book a flight", "book a ticket",
	"book flights", "book my", "book our", "booking a flight", "how do i book", "how can i book",
	"want to buy", "wanted to buy", "trying to buy", "going to buy", "gonna buy", "about to buy",
	"thinking of buying", "thinking about buying", "planning to buy", "plan to buy", "looking to buy",
	"like to buy", "want to purchase", "trying to purchase", "purchase a", "buy a ticket", "buy tickets",
	"buy an upgrade", "can i buy", "where can i buy", "how can i buy", "get tickets",
	"any tickets", "want to order", "trying to order", "cant order", "cannot order",
	"unable to order", "order online", "place an order", "pre order", "preorder", "want to upgrade",
	"trying to upgrade", "like to upgrade", "let me upgrade", "can i upgrade", "upgrade seats",
	"subscribe to", "want to subscribe", "sign up for", "thinking of switching", "thinking about switching",
	"looking for a flight", "looking for flights", "looking for a ticket", "need a flight",
	"need flights", "will be flying", "ill be flying", "be flying with", "planning a trip", "planning a hol",
	"planning a vacation", "planning to", "plan to fly", "going to fly", "how much is", "how much are",
	"how much does", "how much for", "how much would", "how much will", "price of", "fares to",
	"flights be available", "flights will be", "flights available", "open the flights", "schedule open", "opening the flights", "flights beyond", "pay for a",
	"not my last", "fly with you again", "cant wait to fly", "looking forward to flying", "want to fly",
	"wanna fly", "want to go", "wanna go", "mileagerun", "mileage run",
	"buy the", "will buy", "ill buy", "interested in buying", "interested in booking",
	"wanna buy", "going to order", "gonna order", "about to order", "buy one", "purchasing",
	"book with", "do you sell", "do you ship", "in stock", "where can i get", "where can i find",
	"^how much", "promo code", "discount code", "coupon", "tickets to",

	// blocks
	"-planning to cancel", "-planning to complain", "-book my refund", ">dont want to", ">not want to",
	">never want to", ">not planning to", ">not going to", ">no plans to", ">not looking to", ">wont be flying",
	">dont subscribe", ">not subscribe", ">never subscribe", ">not interested in", "-how much longer", "-how much time", "-how much money",
}
