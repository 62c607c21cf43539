using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// A variable bound by a 'forall' that an obligation turns into a constant: its value in a counterexample
/// is the witness that breaks the claim (e.g. the quantity q that earns more than the 'optimum').
/// </summary>
public sealed record Witness(Binder Binder, string Key, string Symbol);
