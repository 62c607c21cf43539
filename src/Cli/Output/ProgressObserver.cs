namespace Hms.Cli.Output;

/// <summary>A proof's progress as the live display counts it: obligations known, obligations done.</summary>
internal sealed class ProgressObserver(Action<int> decomposed, Action finished)
{
    public static readonly ProgressObserver None = new(_ => { }, () => { });

    public void Decomposed(int obligations) => decomposed(obligations);

    public void Finished() => finished();
}
