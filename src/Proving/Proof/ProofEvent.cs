namespace Hms.Proving.Proof;

/// <summary>Progress of a proof, in the order it happens.</summary>
public abstract record ProofEvent;

public sealed record TheoremDecomposed(int ObligationCount) : ProofEvent;

public sealed record ObligationStarted(string ObligationId, string Description) : ProofEvent;

public sealed record ObligationFinished(ObligationResult Result) : ProofEvent;
