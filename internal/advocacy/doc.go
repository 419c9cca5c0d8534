// Package advocacy is Herald's advocate-scoring engine: pure domain logic,
// with no storage and no I/O.
//
// Scoring a person is a pure function of that person's events, their
// Person record, the workspace's brands and an as-of time, in two steps:
//
//  1. Summarize folds a person's events into one Summary per brand. A
//     Summary holds only commutative aggregates (counts, first and last
//     times, a sparse weekly histogram, the smallest distinct text
//     fingerprints, the strongest evidence activities), so it does not
//     depend on the order of the events, and Merge of the summaries of two
//     disjoint event sets equals the summary of their union. Summaries do
//     not depend on the as-of time; they are serialised compactly with
//     MarshalBinary and UnmarshalSummary, so that an importer can keep them
//     per person and brand and update them one activity at a time.
//  2. Score turns a person's summaries into one Result per brand: the
//     facets (each 0–1), an advocacy score 0–100, a stage, flags, the
//     reasons that raised or lowered the score and the evidence
//     activities.
//
// Because both steps are deterministic and summaries merge exactly,
// incremental and full scoring give identical results by construction.
// The formulas and their defaults are documented in docs/scoring.md.
//
// PageRank computes the centrality of people in the workspace's
// reply/mention/share graph, one input of the influence facet.
package advocacy
