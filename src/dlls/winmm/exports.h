/* winmm.dll exports, sorted by name (strcmp order): see builtin_table.h.
 * Regenerate with scripts/update-exports.sh after adding exports. */
EXPORT(timeBeginPeriod)
EXPORT(timeEndPeriod)
EXPORT(timeGetDevCaps)
EXPORT(timeGetTime)
