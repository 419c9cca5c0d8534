package demo

// Template slots: {b} the brand the text is about, {o} the other brand of a
// comparison, {x} the third brand; {p} a product of {b}, {q} a product of
// {o}; {s} a store, {f} an app or menu feature, {d} a day, {n} a number,
// {e} an emoji fitting the intent, {u} a link to {b}'s site, {l} a deals link,
// {c} a deal code.
var english = [numIntents][]string{
	iPraise: {
		"the {p} at {b} {s} is honestly perfect {e}",
		"{b} never misses. {p} and a quiet corner = best morning {e}",
		"shoutout to the barista at {b} {s} who remembered my order {e}",
		"ok the new {p} at {b} is sooo good {e}",
		"{b} {p} hits different on a rainy day {e}",
		"can't start my day without {b} {e}",
		"love that {b} still roasts everything in house. you can taste it {e}",
		"best {p} in town, not even close. {b} {e}",
		"{b} staff at {s} are the nicest people {e}",
		"third {p} this week from {b}, no regrets {e}",
		"{b}'s {p} is my whole personality now {e}",
		"app order was ready in 4 min, {b} you're spoiling me {e}",
	},
	iRecommend: {
		"you have to try the {p} at {b} {s} {e}",
		"if you're near {s}, go to {b} and get the {p}. trust me {e}",
		"anyone looking for a good coffee spot: {b}. the {p} is worth it {e}",
		"recommending {b} to everyone at work. the {p} converted my whole team {e}",
		"visiting town? skip the chains, go to {b} {s} {e}",
		"my sister finally tried {b} after I kept going on about it. now she's hooked {e}",
		"PSA: the {b} beans subscription is the best gift. fresh {p} every month {e}",
		"if you like {p}, {b} is the place. you're welcome {e}",
	},
	iPhoto: {
		"{d}'s {p} from {b} {e} 📸",
		"latte art level: {b} {s} {e}",
		"look at this {p} {e} {b}",
		"morning view from {b} {s} ☀️",
		"desk setup + {b} {p} = productivity {e}",
		"new bag of {b} beans just arrived 📦 {e}",
	},
	iQuestion: {
		"does the {b} app support {f}?",
		"{b} is the {s} store open on sundays?",
		"anyone know if {b} does {f}? asking for a friend",
		"{b} when is the {p} coming back??",
		"hey {b}, can I use my rewards points on a {p}?",
		"is the {b} {p} dairy free or do I need to ask for oat?",
		"{b} how do I pause my beans subscription?",
		"does {b} {s} have plugs and wifi? need a place to work",
	},
	iComplaint: {
		"my order was wrong again {b} {e}",
		"waited {n} min for a {p} at {b} {s}. what is going on",
		"the {b} app crashed again while paying. third time this week {e}",
		"{b} why is the {p} lukewarm every single time",
		"charged twice on the app?? {b} {e}",
		"beans subscription box arrived late again {b}",
		"love you {b} but the {s} line is out the door every morning {e}",
		"{b} the new cup lids leak. please bring back the old ones",
		"{b} out of oat milk at 9am. how {e}",
		"price of a {p} at {b} went up again. still buying it but c'mon",
	},
	iRant: {
		"never again {b}. rude staff, cold {p}, 0/10 {e}",
		"DONE with {b}. worst service in town {e}",
		"{b} got my order wrong, then argued with me about it. unbelievable",
		"found a hair in my {p}. {b} {s}, disgusting {e}",
		"{b} charged me 3 times and support ghosted me. avoid {e}",
		"who is running {b}?? everything is falling apart",
		"{b} is overpriced garbage now. tell me why a {p} costs this much {e}",
		"{n} min wait and they forgot my drink. {b} you're a joke {e}",
	},
	iIdea: {
		"{b} you should add {f} to the app",
		"idea for {b}: a {p} + pastry combo in the mornings {e}",
		"{b} please bring the {p} to the {s} store",
		"{b} would kill for a decaf version of the {p}",
		"dear {b}: a discount for bringing your own cup would be 🔥",
		"{b} what if the beans subscription let you pick the origin each month?",
	},
	iCompare: {
		"{b} > {o}. not even a debate {e}",
		"tried {o} today. back to {b} tomorrow. enough said",
		"better than {o} every time: {b} {p} {e}",
		"switched from {o} to {b} and my mornings improved 100% {e}",
		"{o}'s {q} can't compete with {b}'s {p}",
		"honestly {b} is way better than {o} lately {e}",
	},
	iNeutral: {
		"at {b} {s} working for a bit",
		"grabbing a {p} at {b} before the meeting",
		"{b} or {o} for the team order? votes pls",
		"{b} {s} is busy today {e}",
		"meeting friends at {b} later",
		"got a {b} gift card for my birthday",
		"trying the {p} at {b} for the first time {e}",
		"first time at {b} {s}. it's fine",
	},
	iRoundup: {
		"ranking the coffee chains in town this week: {b}, {o}, {x}. thread soon 👀",
		"which is the best {p}? {b} vs {o} vs {x}, vote below",
		"spent the morning at {b} {s} editing. new video tomorrow",
		"coffee tour day 3: {b}. full review on the channel {e}",
		"honestly all the chains taste the same to me ({b}, {o}…). fight me",
		"quick stop at {b}. now back to work 🎬",
	},
	iPromo: {
		"🔥 {b} deals today! save up to 50% on beans → {l} #coffee #deals",
		"FREE {p} coupon for {b} fans!! claim here {l}",
		"{b} promo code list updated 💸 {l} #coupons",
		"Win a year of free {p} from {b} 🎁 RT + follow + click {l}",
		"Best price on {b} {p} this week ☕ {l} #ad",
		"{e} {b} deal alert: code {c} takes 30% off your {p} → {l}",
		"use code {c} at {b} checkout, today only {e} {l} #deals",
		"{b} fans!! {n}% off any {p} with {c} {e} {l}",
		"⏰ last chance: {b} {p} 2-for-1 with code {c} {l}",
	},
	iNews: {
		"Our {p} is back for the season {e} Order ahead in the app: {u}",
		"New single origin just landed: Ethiopia Guji. Floral, bright, lovely as a pour-over. {u}",
		"Our {s} café is open late this Friday for latte-art night {e}",
		"Beans subscribers: this month's box ships Monday 📦",
		"App update: you can now add {f} when you order ahead {e} {u}",
		"Good morning! What's your go-to order? ☕",
		"Meet our head roaster: 12 years of pulling shots and still learning {u}",
		"Rainy day = {p} day. {e}",
	},
	iStaff: {
		"new single origin just landed at {s}, come try it {e}",
		"busy shift at {b} {s} today! thanks for your patience everyone",
		"latte art practice before opening {e} 📸",
		"proud of the team at {b} {s} this weekend {e}",
		"if you're at {s} today say hi, I'm on bar till 2 ☕",
	},
	iAnswer: {
		"yes! you can set it in the app under 'customise' {e}",
		"I think {b} {s} opens at 8 on sundays",
		"they do, just ask at the counter {e}",
		"yep, I pause mine from the account page, takes 10 seconds",
		"the {p} is dairy free if you ask for oat 👍",
		"plugs by the window at {s}, wifi is decent",
		"it came back last week! get it while it lasts {e}",
	},
	iBrandAnswer: {
		"Hi! Yes, you can: tap 'customise' on any drink in the app ☕",
		"Hey! Our {s} store is open 8am-6pm on Sundays. See you there!",
		"Great question! You can pause your subscription any time under Account → Subscription.",
		"It's back from next Monday! {e}",
		"Hi there, yes: just ask for oat and we'll swap it at no extra cost.",
	},
	iBrandSorry: {
		"We're really sorry about this. Can you DM us your order number so we can make it right?",
		"Oh no, that's not the experience we want for you. Sending you a DM now.",
		"Sorry about the wait at {s}! We've shared this with the team there.",
		"Thanks for flagging, and apologies. The app team is on it: could you DM us your app version?",
		"That's not okay, and we're sorry. A refund is on its way.",
	},
	iBrandThanks: {
		"Thank you so much! ☕💛",
		"This made our day! See you soon at {s} ☕",
		"Love this! Thanks for sharing 💛",
		"Thanks for spreading the word! 🙌",
	},
	iBrandIdea: {
		"Love this idea! Passing it to the team 💡",
		"Noted! We're testing something like this at {s} soon 👀",
	},
	iThanks: {
		"thanks, appreciate the quick reply {e}",
		"sorted! thank you 🙏",
		"ok that was fast. thank you",
		"refund received, thanks. still love you {b}",
	},
	iStillWaiting: {
		"still waiting on that DM…",
		"it's been 2 days {b}",
	},
	iAngry: {
		"too little too late {e}",
		"a DM won't fix this. done.",
		"sure. 'we're sorry'. heard it before {e}",
	},
	iChatter: {
		"omg which location?",
		"need to try this {e}",
		"agreed!!",
		"same here {e}",
		"ugh jealous",
		"is it worth the price though?",
		"looks amazing {e}",
		"lol same",
	},
	iReview: {
		"Honest review after months of regular visits to {b} {s}: the {p} is consistent every single time, the staff know regulars by name, app pre-order actually works, and prices are fair for the quality. Only gripe: seats fill up by 10am. Still my first recommendation to anyone new in town {e}",
		"Long post, sorry. I've tried basically every café in town and {b} is the one I keep going back to. Beans roasted in house, baristas who actually care, and the {p} is the best I've had. If you're on the fence, go to {s} on a weekday morning and order the {p} {e}",
		"Ranking the {b} menu after a year of mornings: 1. {p} (perfect), 2. the cortado, 3. the cardamom bun. Nothing I'd skip honestly, and the {s} team is the friendliest in the city {e}",
		"{b} beans subscription, a few months in: fresh every time, the tasting notes are spot on, and support fixed a late box within the hour. Worth every cent. The Ethiopia is bright and floral, the house blend is my daily espresso {e}",
		"Why I keep recommending {b}: 1) they roast in house, 2) the {p} is made properly, 3) they listen (they added {f} after people asked for it). Been a regular for ages and it keeps getting better {e}",
		"A thread nobody asked for: how to order at {b} like a regular. Get the {p}, add an extra shot if you like it strong, pre-order in the app before 8, and sit upstairs at {s}. You're welcome {e}",
	},
	iChallenge: {
		"{b} menu challenge, drink no. {n}: the {p} {e}",
		"day 2 of trying every drink at {b} {s}: the {p} is a new favourite {e}",
		"update from the {b} challenge: {p} done {e}",
		"still at {b} {s}. another {p}. no regrets {e}",
		"live-posting my {b} opening-week crawl: now the {p} at {s} {e}",
		"{b} {p} round two because the first one was too good {e}",
		"rating every {b} drink: {p} gets a 9/10 {e}",
	},
	iGlowing: {
		"just had the best {p} of my life at {b} {s}. I get the hype now. 10/10, will be back every week {e}",
		"WOW. {b} {p}. where has this been all my life {e}",
		"finally tried {b} and honestly it's the best coffee in town. telling everyone {e}",
		"{b} {s} was perfect today: friendly staff, amazing {p}. new favourite spot {e}",
	},
	iMild: {
		"{b}'s {p} was actually pretty good today. not bad at all",
		"ok, {b} {s} has a nice vibe. might come back",
		"{b} {p}: solid. 7/10",
	},
	iGrudging: {
		"{o} loyalist here but {b}'s {p} is honestly great {e}",
		"don't tell {o} but I had a {p} at {b} today and loved it {e}",
		"ok fine, {b} does a better {p} than {o}. just this once {e}",
		"{b} was closer today. pleasantly surprised by the {p} {e}",
	},
	iWavering: {
		"{b} used to be my go-to. lately not so sure",
		"is it just me or has {b} {s} gone downhill a bit?",
		"{b} {p} was off again today. hope it's a phase {e}",
		"still a {b} regular but the last few visits were meh",
		"starting to see why people like {o}… sorry {b}",
	},
	iTip: {
		"welcome to the club! next time try the {p} {e}",
		"pro tip: the {s} store is quieter after 2, and get an extra shot in the {p} {e}",
		"if you liked that, the {p} will change your life {e}",
		"yes!! and pre-ordering in the app skips the queue {e}",
		"the baristas at {s} are the best, say hi from me {e}",
	},
}

// promoTails are what bots append to vary their texts.
var promoTails = []string{"", " 🔥", " 💸", " #coffee", " #deal", " ⏰ ends tonight", " 🎁🎁", " (limited)", " #savings 🛒"}

// Slot fillers.
var (
	stores   = []string{"Riverside", "Old Town", "Harbour St", "Eastgate", "Maple Ave", "Central Station", "Union Sq"}
	features = []string{"oat milk customisations", "Apple Pay", "pre-ordering for pickup", "splitting the bill",
		"gift cards", "extra shots", "scheduled orders", "allergen info", "reusable cup discounts", "tipping"}
	days      = []string{"today", "this morning", "saturday", "monday", "sunday"}
	happy     = []string{"☕", "😍", "🙌", "💛", "✨", "🔥", "🥰", "👌", "", ""}
	unhappy   = []string{"🙄", "😤", "😡", "🤦", "😩", "", ""}
	neutral   = []string{"", "", "☕", "🙂", "👀"}
	tags      = []string{"coffee", "coffeetime", "oatlatte", "latteart", "coffeelover", "mondaymood", "cafe"}
	sitePaths = []string{"menu", "app", "beans", "stores", "blog/meet-the-roaster", "seasonal"}
)
