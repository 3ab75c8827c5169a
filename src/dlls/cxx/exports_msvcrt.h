/* C++ runtime exports msvcrt.dll carries (MSVC exception handling, RTTI),
 * merged into msvcrt through DLL_EXPORTS2; sorted by name (strcmp). */
