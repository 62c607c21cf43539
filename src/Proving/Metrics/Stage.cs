namespace Hms.Proving.Metrics;

/// <summary>The stages of the hot path, in the order a theorem passes them.</summary>
public enum Stage
{
    /// <summary>The frontend accepting a submission: validation and the theorem grain's first answer.</summary>
    Admission,

    /// <summary>Parsing a theorem and splitting it into proof obligations (the silo's proof engine).</summary>
    Decomposition,

    /// <summary>A solver goal waiting for a slot of the solver pool.</summary>
    QueueWait,

    /// <summary>A solver goal on a z3 or cvc5 process.</summary>
    Solver,

    /// <summary>Reading and writing grain state and the progress journal.</summary>
    Storage,

    /// <summary>Writing progress and verdicts onto clients' response streams (flow control included).</summary>
    Streaming,
}
