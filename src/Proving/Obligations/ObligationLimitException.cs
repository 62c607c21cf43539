namespace Hms.Proving.Obligations;

/// <summary>
/// A theorem that would split into more obligations, or more SMT-LIB, than <see cref="Syntax.FormulaLimits"/>
/// allows. Raised as soon as the limit is passed, before the rest is built.
/// </summary>
public sealed class ObligationLimitException(string message) : Exception(message);
