//! Durations as routine files write them: seconds (`30`, `2.5`) or `"1m30s"`-style strings.
