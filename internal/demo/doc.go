// Package demo generates a realistic, deterministic demo community for
// `herald demo`: the customers, critics, fans of competitors, employees,
// bots and lurkers around an invented coffee chain, with everything they
// post, reply, share, quote, like and follow over six months on Twitter,
// Mastodon and Bluesky. It needs no input file and never reads the clock.
//
// Workspace returns the workspace to load it into (slug "demo"): the own
// brand Northwind Coffee (slug northwind; @northwindcoffee,
// northwindcoffee@social.example, northwindcoffee.bsky.social; #northwindcoffee,
// #northwind; keywords "Northwind", "Northwind Coffee") and its competitors
// Brewline (brewline) and Copper Kettle (copper-kettle), plus Northwind's
// employee accounts. Generate streams the activities in time order and
// returns a Summary whose Truth maps every active identity
// ("network:external id") to the archetype it was planted as, so that
// scoring can be checked against it; Linked lists identities of one person.
//
// # Archetypes
//
// Proportions are DefaultMix, of Options.People (3,000 by default; counts
// at the default size in brackets). About 12% of people have a second
// account on another network. Every post names its brand by @mention,
// name or hashtag, so brand tagging finds it.
//
//   - steady_fan, 5% (150): active from the first weeks to the end, about
//     one post a week on a habitual weekday and hour; praise,
//     recommendations ("you have to try…"), photos (Media > 0), ideas, a few
//     questions and mild complaints, comparisons favouring Northwind; two
//     likes or shares a week of Northwind's posts; answers other customers'
//     questions; often follows the brand. Expected: advocate or champion
//     of northwind — long tenure, high and regular rate, contribution
//     (photos, answers, ideas), positive stance; modest influence.
//   - influencer_advocate, 0.06% (1–2): a steady fan with 60k–250k
//     followers, about one post a week. Expected: the top champion, with
//     the highest influence among advocates.
//   - occasional, 18% (540): one to four posts over the window, mostly
//     neutral or mild praise, some questions, 60% about Northwind; a few
//     likes. Expected: engaged, not an advocate.
//   - loyal_complainer, 2% (60): the whole window, about 1.5 posts a week,
//     60% complaints ("my order was wrong again"), some praise, questions
//     and ideas, mostly @mentioning Northwind; thanks the brand when it
//     answers, or says they are still waiting. Expected: NOT a detractor —
//     long tenure and a high rate with negative stance: a loyal voice to
//     win back.
//   - detractor, 2.5% (75): 4–12 angry posts (some in capitals, some
//     "switching to @brewline") within one to six days, then silence;
//     answers the brand's apology angrily. Expected: detractor flag, short
//     tenure, negative stance; never an advocate.
//   - burst_fan, 4% (120): 3–8 enthusiastic posts and a few likes within
//     one to four days, then silence. Expected: positive stance but short
//     tenure and no regularity: potential advocate at most, always below
//     steady fans.
//   - competitor_fan, 6% (180): praises and recommends Brewline or Copper
//     Kettle (0.7 posts a week), compares them favourably with Northwind,
//     likes their posts. Expected: competitor advocate (a conversion
//     target); low or negative stance toward northwind.
//   - at_risk, 2% (60): a weekly Northwind fan until a pivot at 40–60% of
//     the window, then complaints about Northwind, praise of one competitor
//     and comparisons in its favour; likes drift to that competitor.
//     Expected: at-risk advocate — positive tenure early, recent stance
//     negative and close to a competitor.
//   - influencer, 0.6% (18): 50k–500k followers, two to five neutral
//     mentions ("ranking the coffee chains in town…") that draw many likes
//     and replies. Expected: high influence, no advocacy: audience or
//     engaged, never ranked as an advocate.
//   - bot, 1% (30): 2.5–7.5 promotional posts a week with deal links and
//     near-identical texts, plus shares. Expected: excluded or ranked at
//     the bottom (volume without conversation, repeated text, links).
//   - audience, 58.84% (1,765): likes and shares only (heavy-tailed: most
//     a handful, a few hundreds), rare short replies ("omg which
//     location?"), rare follows. Expected: audience.
//   - employee (6 people, 8 accounts, fixed): declared in
//     Workspace().Brands[0].Employees; four of the accounts' bios say
//     "barista at Northwind". Staff posts, many shares of the brand's posts, answers
//     to customers. Expected: employee flag, kept out of customer rankings.
//   - brand (3 brands × 3 networks): the brands' own accounts. Northwind
//     posts about 4.5 times a week per network, competitors 2.5.
//
// # Brand responses
//
// Northwind answers 80% of questions, 70% of complaints, 50% of ideas and
// 15% of praise that @mention it (60% of those rates when it is only
// named), after a log-normal delay with a median of 75 minutes (3 minutes
// to 30 hours), in the language it was addressed in when it can; it also
// likes a third of fans' praise and shares some photos. Competitors answer
// half as often with a median delay of five hours. Other customers answer
// about 45% of questions (median 40 minutes).
//
// # Records
//
// Each record carries one Activity with Network, a unique ExternalID, Kind,
// Author (ObservedAt = CreatedAt), CreatedAt inside [Start, End], URL, and
// for texts Lang, Mentions, Hashtags and Links taken from the text. Replies
// set InReplyTo, InReplyToAuthor and Conversation; shares, quotes and
// likes set Subject and SubjectAuthor; all point at activities emitted
// earlier. Follows point at a brand account (Subject is its external id).
// Ids look like the networks' own: Twitter snowflakes (likes and follows,
// which have none, are "like:USER:TWEET" and "follow:USER:TARGET"),
// ActivityPub IRIs on *.example instances, at:// URIs with DIDs and TIDs.
// Metrics of posts, replies and quotes are what the simulated community
// gave them plus what the author's unseen followers would add; likes,
// shares and follows carry unknown (-1) metrics. About 4% of texts are in
// Spanish, French or German.
//
// At the default size Generate emits about 60,000 activities in well under
// a second.
package demo
