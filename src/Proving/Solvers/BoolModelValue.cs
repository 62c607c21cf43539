namespace Hms.Proving.Solvers;

public sealed record BoolModelValue(bool Value) : ModelValue;
