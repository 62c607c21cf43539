namespace Hms.Proving.Solvers;

/// <summary>
/// The value a solver gave a constant in a model: <see cref="BoolModelValue"/>,
/// <see cref="RationalModelValue"/> or <see cref="AlgebraicModelValue"/>.
/// </summary>
public abstract record ModelValue;
