/* combase.dll exports, sorted by name (strcmp order): see builtin_table.h.
 * Regenerate with scripts/update-exports.sh after adding exports. */
EXPORT(CLSIDFromString)
EXPORT(CoCreateGuid)
EXPORT(CoInitialize)
EXPORT(CoInitializeEx)
EXPORT(CoTaskMemAlloc)
EXPORT(CoTaskMemFree)
EXPORT(CoTaskMemRealloc)
EXPORT(CoUninitialize)
EXPORT(IIDFromString)
EXPORT(StringFromCLSID)
EXPORT(StringFromGUID2)
EXPORT(StringFromIID)
