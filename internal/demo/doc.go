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
// name or hashtag, so brand tagging finds it. "Expected" is what Expected
// returns (see Expected labels below); the behaviour described is that of
// the default Difficulty, Realistic (see Overlap).
//
//   - champion, 1% (30): the most devoted fans. Active from the first 5%
//     of the window to its last 2%, on a habitual weekday and hour nearly
//     every week plus extra posts (about 1.4 a week): the strongest
//     recommendations, photos, long reviews ("Honest review after months
//     of regular visits…"), ideas; three likes or shares a week; they
//     answer other customers' questions (three times as likely as a
//     steady fan to be picked) and welcome newcomers with tips; follow the
//     brand; a moderate audience (800–12,000 followers). Expected:
//     champion.
//   - steady_fan, 5% (150): active from the first weeks to the end, about
//     one post a week on a habitual weekday and hour; praise,
//     recommendations, photos (Media > 0), ideas, a few questions and mild
//     complaints, comparisons favouring Northwind; two likes or shares a
//     week; sometimes answers a question; often follows the brand. 30%
//     have a complaint streak and 25% a quiet month (see Overlap).
//     Expected: advocate — long tenure, regular, positive, recommends, but
//     less regular, less contributing and with a smaller audience than a
//     champion.
//   - influencer_advocate, 0.06% (2): a steady fan with 60k–250k
//     followers, about one post a week. Expected: champion (advocate
//     accepted): the reach of a champion with a steady fan's contribution.
//   - occasional, 18% (540): one to four posts over the window, mostly
//     neutral or mild praise, some questions, 60% about Northwind; a few
//     likes. 15% post one glowing post about Northwind. Expected: engaged
//     (audience and potential accepted: those who favour a competitor
//     never name Northwind; one glowing post is a potential advocate at
//     most); never advocate.
//   - loyal_complainer, 2% (60): the whole window, about 1.5 posts a week,
//     about half complaints ("my order was wrong again"), a quarter
//     praise, recommendations and photos, questions and ideas, mostly
//     @mentioning Northwind; thanks the brand when it answers, or says
//     they are still waiting. Expected: engaged, NOT a detractor — long
//     tenure and a high rate with mixed-to-negative stance: a loyal voice
//     to win back, not an advocate either.
//   - detractor, 2.5% (75): 4–12 angry posts (some in capitals, some
//     "switching to @brewline") within one to six days, then silence;
//     answers the brand's apology angrily. Expected: engaged with the
//     detractor flag (competitor_advocate tolerated: they name where they
//     go); never an advocate.
//   - burst_fan, 4% (120): enthusiastic posts and likes within one to five
//     days, then silence: 3–8 posts, or for 35% a big burst of 24–50 (a
//     "menu challenge", live-posting an opening) — more posts than most
//     steady fans make in six months. Expected: potential (engaged
//     accepted): positive but no tenure and no regularity; never advocate,
//     however many posts.
//   - competitor_fan, 6% (180): praises and recommends Brewline or Copper
//     Kettle (0.7 posts a week), compares them favourably with Northwind,
//     likes their posts; 8% of their posts grudgingly praise Northwind
//     ("don't tell @brewline but…") and 8% complain about their
//     favourite. Expected: engaged (audience accepted) with the
//     competitor_advocate flag: a conversion target, not a Northwind
//     advocate.
//   - at_risk, 2% (60): a weekly Northwind fan who turns to a competitor:
//     half pivot sharply at 40–60% of the window (then complaints about
//     Northwind, praise of one competitor and comparisons in its favour),
//     half drift gradually (see Overlap); likes drift to that competitor.
//     Expected: advocate (potential and engaged accepted) with the at_risk
//     flag (competitor_advocate tolerated) — positive tenure, recent
//     stance negative and close to a competitor.
//   - influencer, 0.6% (18): 50k–500k followers, 6–14 neutral posts that
//     mostly name Northwind ("grabbing a flat white at @northwindcoffee
//     before the meeting", rankings of the chains, questions) and draw
//     many likes and replies; every ninth (2) also posts one mildly
//     positive aside ("Northwind cortado: solid. 7/10"). Expected:
//     engaged (audience accepted): volume and reach without stance, never
//     ranked as an advocate.
//   - bot, 1% (30): 2.5–7.5 promotional posts a week with deal links and
//     deal codes, templates that vary (codes, emojis, hashtags, tails: no
//     two texts identical), 40% @mentioning the brand they push, plus
//     shares. Expected: audience only: volume without conversation, near
//     duplicate texts, links; never engaged or above however often and
//     positively they name Northwind.
//   - audience, 57.84% (1,735): likes and shares only (heavy-tailed: most
//     a handful, a few hundreds), rare short replies ("omg which
//     location?"), rare follows. Expected: audience.
//   - employee (6 people, 8 accounts, fixed): declared in
//     Workspace().Brands[0].Employees; four of the accounts' bios say
//     "barista at Northwind", three more name Northwind, one does not. Their
//     posts read like fans' (praise, recommendations, photos, ideas) with
//     some staff posts; many shares of the brand's posts; answers to
//     customers. Expected: the employee flag, any stage: kept out of
//     customer rankings.
//   - brand (3 brands × 3 networks): the brands' own accounts. Northwind
//     posts about 4.5 times a week per network, competitors 2.5.
//     Expected: excluded from evaluation.
//
// # Overlap
//
// Real people do not stay true to type. With Options.Difficulty Realistic
// (the default, and what `herald demo` loads) the generator plants these
// overlaps; Summary.Traits names the per-person ones (Trait) for each
// identity, so that a scorer's errors can be traced to them. Separable
// turns all of them off (champions stay).
//
//   - steady fans: 30% have a complaint streak (ComplaintStreak: 2–4
//     complaints within 3–14 days), 25% a quiet month (QuietMonth: 3–5
//     weeks without any activity), drawn independently.
//   - loyal complainers praise, recommend or post photos in 27% of their
//     posts (15% when separable).
//   - competitor fans praise Northwind in 8% of their posts and complain
//     about their favourite in 8%.
//   - burst fans: 35% have a big burst (BigBurst, above).
//   - influencers mention Northwind repeatedly but neutrally (6–14 posts
//     instead of 2–5); every ninth posts one mildly positive aside
//     (MildPraise).
//   - bots vary their templates (deal codes, emojis, tails) and @mention
//     brands in 40% of their texts (never when separable).
//   - at-risk advocates: half drift gradually (GradualDrift): from 20–35%
//     of the window, over 30–50% of it (8–13 weeks by default), each post
//     has a rising chance of being a doubt ("is it just me or has
//     Northwind gone downhill?") or, increasingly, a complaint or praise
//     of the competitor; praise and doubt alternate before the turn.
//   - employees post like fans (staff posts only when separable).
//   - occasional customers: 15% write one glowing post about Northwind
//     (GlowingPost).
//
// # Expected labels
//
// Expected(a) gives, for an archetype, the stage and flags a correct
// scorer assigns for the own brand northwind. Stages, lowest first:
// audience (sees, likes, shares; says nothing of substance), engaged
// (talks about the brand without sustained positive advocacy), potential
// (positive, recommends, but not sustained), advocate (sustained, regular,
// positive, recommends), champion (the best advocates: the longest and
// most regular, contributing answers, reviews, photos and ideas, or with
// reach). Flags: detractor, at_risk, competitor_advocate, employee.
// Expectation.Stage is the stage a careful person would choose and Stages
// every stage accepted where a person would hesitate; Flags must be set
// and MayFlag may be, any other flag is an error (so a detractor flag on
// a loyal complainer is wrong). Accepts checks one scorer's answer.
//
// Summary: champion → champion; influencer_advocate → champion
// (advocate); steady_fan → advocate; at_risk → advocate (potential,
// engaged) + at_risk; burst_fan → potential (engaged); occasional →
// engaged (audience, potential); loyal_complainer → engaged, no flag;
// detractor → engaged + detractor; competitor_fan → engaged (audience) +
// competitor_advocate; influencer → engaged (audience); bot, audience →
// audience; employee → any stage + employee; brand → excluded.
//
// To measure a scorer: skip excluded identities. Per stage, precision@k
// of the scorer's top k at that stage (by its score) is the share whose
// Expected Stage is that stage (for an "advocate or above" ranking: is
// advocate or champion), and recall is the share of identities whose
// Stage it is that the scorer put at an accepted stage. Per flag,
// precision and recall against Flags, not counting MayFlag as false
// positives. An employee in a customer ranking counts as a false
// positive. Score per identity (Summary.Truth) or per person (merge
// Summary.Linked first).
//
// # Brand responses
//
// Northwind answers 80% of questions, 70% of complaints, 50% of ideas and
// 15% of praise that @mention it (60% of those rates when it is only
// named), after a log-normal delay with a median of 75 minutes (3 minutes
// to 30 hours), in the language it was addressed in when it can; it also
// likes a third of fans' praise and shares some photos. Competitors answer
// half as often with a median delay of five hours. Other customers answer
// about 45% of questions (median 40 minutes), champions most often; a
// champion welcomes 15% of occasional customers' posts about Northwind
// (4% of burst fans') with a tip.
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
// At the default size Generate emits about 65,000 activities in well under
// a second.
package demo
