/* C++ runtime exports of vcruntime140.dll (MSVC exception handling);
 * sorted by name (strcmp). */
