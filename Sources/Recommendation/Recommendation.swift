// The Recommendation module.
