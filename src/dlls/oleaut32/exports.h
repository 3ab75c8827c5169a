/* oleaut32.dll exports, sorted by name (strcmp order), with Windows'
 * ordinals (programs import these by number). */
EXPORT_ORD(SysAllocString, SysAllocString, 2)
EXPORT_ORD(SysAllocStringByteLen, SysAllocStringByteLen, 150)
EXPORT_ORD(SysAllocStringLen, SysAllocStringLen, 4)
EXPORT_ORD(SysFreeString, SysFreeString, 6)
EXPORT_ORD(SysReAllocString, SysReAllocString, 3)
EXPORT_ORD(SysReAllocStringLen, SysReAllocStringLen, 5)
EXPORT_ORD(SysStringByteLen, SysStringByteLen, 149)
EXPORT_ORD(SysStringLen, SysStringLen, 7)
EXPORT_ORD(VariantClear, VariantClear, 9)
EXPORT_ORD(VariantCopy, VariantCopy, 10)
EXPORT_ORD(VariantCopyInd, VariantCopyInd, 11)
EXPORT_ORD(VariantInit, VariantInit, 8)
