namespace Hms.Grains.Messages;

public enum ProgressKind
{
    Submitted,
    Decomposed,
    ObligationStarted,
    ObligationFinished,
    Completed,
}
