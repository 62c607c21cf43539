namespace Hms.Grains.Messages;

public enum ProgressKind
{
    Submitted,
    Decomposed,
    ObligationStarted,
    ObligationFinished,
    Completed,

    /// <summary>The genetic counterexample search ran more generations.</summary>
    SearchProgress,
}
