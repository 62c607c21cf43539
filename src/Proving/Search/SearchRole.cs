namespace Hms.Proving.Search;

/// <summary>How a search obtains a variable's value.</summary>
public enum SearchRole
{
    /// <summary>A column of the population: the genetic search picks its value.</summary>
    Searched,

    /// <summary>Computed from the others by a defining equation (x = alpha*m/p): random values never land on an equation.</summary>
    Defined,

    /// <summary>A Bool quantifier's variable, enumerated by the evaluator (never part of a counterexample).</summary>
    Bound,
}
