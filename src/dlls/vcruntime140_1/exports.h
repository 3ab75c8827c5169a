/* vcruntime140_1.dll exports; sorted by name (strcmp order). */
EXPORT_AS(__CxxFrameHandler4, cxx___CxxFrameHandler4)
CODE(__NLG_Dispatch2, vcrt1___NLG_Dispatch2)
CODE(__NLG_Return2, vcrt1___NLG_Return2)
